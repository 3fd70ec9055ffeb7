// NA62 acceptance of one charged track. Twin of src/geometry/na62Acceptance.ts.

const TRACK_IN_STRAW: u32 = 1u;
const TRACK_IN_LKR: u32 = 2u;
const TRACK_IN_MUV3: u32 = 4u;

fn inStrawChamber(k: u32, x: f32, y: f32) -> bool {
  let h = params[P_STRAW_HOLE_HALF_SIDE];
  let inHole = abs(x - params[P_STRAW_HOLE_X + k]) < h && abs(y) < h;
  let r = params[P_STRAW_OUTER_RADIUS];
  return x * x + y * y < r * r && !inHole;
}

fn na62TrackAcceptance(v: vec3<f32>, p: vec3<f32>, q: f32) -> u32 {
  if (p.z <= 0.0 || v.z >= params[P_STRAW_Z]) {
    return 0u;
  }
  var straw = true;
  for (var k = 0u; k < 2u; k++) {
    let dz = params[P_STRAW_Z + k] - v.z;
    straw = straw && inStrawChamber(k, v.x + dz * p.x / p.z, v.y + dz * p.y / p.z);
  }
  let zm = params[P_MAGNET_Z];
  let dzm = zm - v.z;
  let xm = v.x + dzm * p.x / p.z;
  let ym = v.y + dzm * p.y / p.z;
  let pxk = p.x + q * params[P_MAGNET_KICK];
  let pzk2 = p.z * p.z + p.x * p.x - pxk * pxk;
  if (pzk2 <= 0.0) {
    return 0u;
  }
  let pzk = sqrt(pzk2);
  for (var k = 2u; k < 4u; k++) {
    let dz = params[P_STRAW_Z + k] - zm;
    straw = straw && inStrawChamber(k, xm + dz * pxk / pzk, ym + dz * p.y / pzk);
  }
  let dzl = params[P_LKR_Z] - zm;
  let xl = xm + dzl * pxk / pzk;
  let yl = ym + dzl * p.y / pzk;
  let ax = abs(xl);
  let ay = abs(yl);
  let rin = params[P_LKR_INNER_RADIUS];
  let hs = params[P_LKR_HALF_SIDE];
  let lkr = xl * xl + yl * yl > rin * rin && ax < hs && ay < hs && ax + ay < params[P_LKR_OCTAGON_SUM];
  let dzu = params[P_MUV3_Z] - zm;
  let xu = xm + dzu * pxk / pzk;
  let yu = ym + dzu * p.y / pzk;
  let hu = params[P_MUV3_HALF_SIDE];
  let ru = params[P_MUV3_INNER_RADIUS];
  let muv3 = abs(xu) < hu && abs(yu) < hu && xu * xu + yu * yu > ru * ru;
  return select(0u, TRACK_IN_STRAW, straw) | select(0u, TRACK_IN_LKR, lkr) | select(0u, TRACK_IN_MUV3, muv3);
}
