// The NA62 K+ beam and the kaon decay point. Twin of src/sources/na62KaonBeam.ts.

struct KaonDecay {
  p: vec4<f32>,
  x: vec3<f32>,
  zFromStart: f32,  // vertex z minus the region's start, and the region's end minus vertex z,
  zToEnd: f32,      // each without cancellation (see na62KaonBeam.ts)
  weight: f32,
}

fn sampleKaonBeam(u: vec4<f32>, v: vec4<f32>) -> KaonDecay {
  let g1 = gaussPair(u.x, u.y);
  let g2 = gaussPair(u.z, u.w);
  let g3 = gaussPair(v.x, v.y);
  let mK = params[P_KAON_MASS];
  let p = params[P_BEAM_P] + params[P_BEAM_P_RMS] * g1.x;
  let tx = params[P_BEAM_SLOPE_X] + params[P_BEAM_DIVERGENCE] * g1.y;
  let ty = params[P_BEAM_DIVERGENCE] * g2.x;
  let z0 = params[P_KDECAY_Z_MIN];
  let dz = params[P_KDECAY_Z_MAX] - z0;
  let zFromStart = dz * v.z;
  let zToEnd = dz * (1.0 - v.z);
  let z = z0 + zFromStart;
  let x = params[P_BEAM_X0] + params[P_BEAM_SPOT] * g2.y + tx * zFromStart;
  let y = params[P_BEAM_Y0] + params[P_BEAM_SPOT] * g3.x + ty * zFromStart;
  let pz = p / sqrt(1.0 + tx * tx + ty * ty);
  let e = sqrt(p * p + mK * mK);
  let lz = (pz / mK) * params[P_KAON_CTAU];
  let weight = (dz / lz) * exp(-zFromStart / lz) / oneMinusExpNeg(dz / lz);
  return KaonDecay(vec4<f32>(tx * pz, ty * pz, pz, e), vec3<f32>(x, y, z), zFromStart, zToEnd, weight);
}

// The columns a kaon decay fills (source_weight, parent_*, prod_*). Twin of putKaonDecay in na62KaonBeam.ts.
fn putKaonDecay(i: u32, K: KaonDecay) {
  putF(COL_SOURCE_WEIGHT, i, K.weight);
  put4(COL_PARENT_PX, i, K.p);
  putF(COL_PROD_X, i, K.x.x);
  putF(COL_PROD_Y, i, K.x.y);
  putF(COL_PROD_Z, i, K.x.z);
}
