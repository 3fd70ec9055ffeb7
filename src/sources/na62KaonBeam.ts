/**
 * The NA62 K+ beam (PHYSICS.md section 1.3): 75 GeV/c with a Gaussian momentum spread,
 * a slope in x, a Gaussian divergence and spot; a kaon decays uniformly in z over the decay
 * region, weighted by the exact decay-point density normalised to one decay in the region.
 * Twin of shaders/na62_kaon_beam.wgsl.
 */
import type { Na62KaonBeam } from '../config/schema.js';
import { C_M_PER_S } from '../physics/constants.js';
import { PARTICLES } from '../physics/particles.js';
import { gaussPair } from '../engine/cpu/sampling.js';
import type { Vec4 } from '../physics/kinematics.js';
import type { columnWriter } from '../engine/layout.js';

export function kaonBeamParams(beam: Na62KaonBeam) {
  const [z0, z1] = beam.decay_region_z_m;
  const [ax, ay, az] = beam.axis_point_m;
  return {
    kaon_mass: PARTICLES.K.mass,
    kaon_ctau: PARTICLES.K.lifetime * C_M_PER_S,
    beam_p: beam.momentum_GeV,
    beam_p_rms: beam.momentum_GeV * beam.momentum_rms_fraction,
    beam_slope_x: beam.slope_x_rad,
    beam_divergence: beam.divergence_rms_rad,
    beam_spot: beam.spot_rms_m,
    // Nominal beam axis at the start of the decay region, from the point it passes through.
    beam_x0: ax + beam.slope_x_rad * (z0 - az),
    beam_y0: ay,
    kdecay_z_min: z0,
    kdecay_z_max: z1,
  };
}
export type KaonBeamParams = ReturnType<typeof kaonBeamParams>;

export interface KaonDecay {
  /** Kaon four-momentum at its decay (GeV). */
  p: Vec4;
  /** Decay vertex (m). */
  x: number;
  y: number;
  z: number;
  /**
   * Distances along z from the start of the decay region to the vertex and from the vertex
   * to its end, each computed without cancellation (the second as dz*(1-v), not z1 - z):
   * near the region's end z1 - z in float32 would keep only ~1.5e-5 m of absolute precision.
   */
  zFromStart: number;
  zToEnd: number;
  /** Decay-point density over the uniform proposal: mean 1 over the region. */
  weight: number;
}

/** One kaon decay from seven uniforms: u[0..3] (stream block 0) and v[0..2] (block 1). */
export function sampleKaonBeam(P: KaonBeamParams, u: Float64Array, v: Float64Array): KaonDecay {
  const [gp, gx] = gaussPair(u[0], u[1]);
  const [gy, gsx] = gaussPair(u[2], u[3]);
  const [gsy] = gaussPair(v[0], v[1]);
  const p = P.beam_p + P.beam_p_rms * gp;
  const tx = P.beam_slope_x + P.beam_divergence * gx;
  const ty = P.beam_divergence * gy;
  const dz = P.kdecay_z_max - P.kdecay_z_min;
  const zFromStart = dz * v[2];
  const zToEnd = dz * (1 - v[2]);
  const z = P.kdecay_z_min + zFromStart;
  const x = P.beam_x0 + P.beam_spot * gsx + tx * zFromStart;
  const y = P.beam_y0 + P.beam_spot * gsy + ty * zFromStart;
  const pz = p / Math.sqrt(1 + tx * tx + ty * ty);
  const e = Math.sqrt(p * p + P.kaon_mass * P.kaon_mass);
  // Decay length projected on z; density exp(-(z - z0)/lz)/lz normalised over [z0, z1].
  const lz = (pz / P.kaon_mass) * P.kaon_ctau;
  const weight = ((dz / lz) * Math.exp(-zFromStart / lz)) / -Math.expm1(-dz / lz);
  return { p: [tx * pz, ty * pz, pz, e], x, y, z, zFromStart, zToEnd, weight };
}

/**
 * The columns a kaon decay fills in the layouts of the NA62 kaon-mode processes:
 * source_weight, parent_px..e and prod_x..z. Twin of putKaonDecay in na62_kaon_beam.wgsl.
 */
export function putKaonDecay(w: ReturnType<typeof columnWriter>, L: Readonly<Record<string, number>>, i: number, K: KaonDecay): void {
  w.put(L.source_weight, i, K.weight);
  w.put4(L.parent_px, i, K.p);
  w.put(L.prod_x, i, K.x);
  w.put(L.prod_y, i, K.y);
  w.put(L.prod_z, i, K.z);
}
