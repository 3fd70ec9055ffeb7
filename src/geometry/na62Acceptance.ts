/**
 * NA62 acceptance of one charged track (twin of shaders/na62_acceptance.wgsl): straight
 * lines from the decay vertex, a thin p_T kick at the magnet centre that rotates the
 * momentum in the x-z plane (|p| conserved), and the active areas of the four STRAW
 * chambers (outer radius, square beam hole at its x offset) and of the LKr front face
 * (inner radius, octagon |x|,|y| < half_side and |x|+|y| < octagon_sum).
 */
import type { na62GeometryParams } from './na62.js';

type G = ReturnType<typeof na62GeometryParams>;

export const TRACK_IN_STRAW = 1;
export const TRACK_IN_LKR = 2;
export const TRACK_IN_MUV3 = 4;

function inStrawChamber(G: G, k: number, x: number, y: number): boolean {
  const inHole = Math.abs(x - G.straw_hole_x[k]) < G.straw_hole_half_side && Math.abs(y) < G.straw_hole_half_side;
  return x * x + y * y < G.straw_outer_radius * G.straw_outer_radius && !inHole;
}

/**
 * Bits TRACK_IN_STRAW (all four chambers), TRACK_IN_LKR and TRACK_IN_MUV3 for a track of charge q (units
 * of e) with momentum (px, py, pz) in GeV from the vertex (vx, vy, vz) in metres.
 */
export function na62TrackAcceptance(G: G, vx: number, vy: number, vz: number, px: number, py: number, pz: number, q: number): number {
  if (pz <= 0 || vz >= G.straw_z[0]) return 0;
  let straw = true;
  // Upstream of the magnet: chambers 1 and 2.
  for (let k = 0; k < 2; k++) {
    const dz = G.straw_z[k] - vz;
    straw = straw && inStrawChamber(G, k, vx + (dz * px) / pz, vy + (dz * py) / pz);
  }
  // Thin kick at the magnet centre: p_x changes by q * kick, p_z follows from |p| fixed.
  const dzm = G.magnet_z - vz;
  const xm = vx + (dzm * px) / pz;
  const ym = vy + (dzm * py) / pz;
  const pxk = px + q * G.magnet_kick;
  const pzk2 = pz * pz + px * px - pxk * pxk;
  if (pzk2 <= 0) return 0;
  const pzk = Math.sqrt(pzk2);
  for (let k = 2; k < 4; k++) {
    const dz = G.straw_z[k] - G.magnet_z;
    straw = straw && inStrawChamber(G, k, xm + (dz * pxk) / pzk, ym + (dz * py) / pzk);
  }
  const dzl = G.lkr_z - G.magnet_z;
  const xl = xm + (dzl * pxk) / pzk;
  const yl = ym + (dzl * py) / pzk;
  const ax = Math.abs(xl);
  const ay = Math.abs(yl);
  const lkr =
    xl * xl + yl * yl > G.lkr_inner_radius * G.lkr_inner_radius &&
    ax < G.lkr_half_side && ay < G.lkr_half_side && ax + ay < G.lkr_octagon_sum;
  const dzu = G.muv3_z - G.magnet_z;
  const xu = xm + (dzu * pxk) / pzk;
  const yu = ym + (dzu * py) / pzk;
  const muv3 = Math.abs(xu) < G.muv3_half_side && Math.abs(yu) < G.muv3_half_side && xu * xu + yu * yu > G.muv3_inner_radius * G.muv3_inner_radius;
  return (straw ? TRACK_IN_STRAW : 0) | (lkr ? TRACK_IN_LKR : 0) | (muv3 ? TRACK_IN_MUV3 : 0);
}
