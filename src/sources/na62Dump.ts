/**
 * Heavy mesons from 400 GeV/c protons in the NA62 TAX (dump mode) or the T10 beryllium target:
 * yields per proton, momentum spectra and where in the absorber they are made.
 * CPU reference; its WGSL twin is shaders/na62_dump.wgsl.
 *
 * Spectrum (PHYSICS.md 1.3): d^2N/dx_F dp_T^2 ~ (1 - |x_F|)^n exp(-b p_T^2) in the
 * proton-nucleon centre of mass, x_F = 2 p_L^* / sqrt(s), sqrt(s) = sqrt(2 m_p (E_beam + m_p)).
 * The mesons decay where they are made: a D travels ~1 cm in the copper before decaying
 * (c*tau <= 0.31 mm, gamma ~ 20), which neither the decay-volume geometry nor the N flight
 * direction notices; their re-interactions in the absorber are not modelled.
 */
import type { Na62DumpSource } from '../config/schema.js';
import { forcedDecay, TWO_PI } from '../engine/cpu/sampling.js';
import type { Vec4 } from '../physics/kinematics.js';
import { PARTICLES } from '../physics/particles.js';

/** The two absorbers of PHYSICS.md 1.3 (z from the T10 target, metres; nuclear interaction lengths). */
export const ABSORBERS = {
  /** Copper TAX, front face at z = 23.07 m, 1.615 m long, lambda_I = 153 mm. */
  tax: { zFront: 23.07, length: 1.615, interactionLength: 0.153 },
  /** T10 beryllium target, 400 mm long (lambda_I = 421 mm), taken as centred on z = 0 (unverified). */
  target: { zFront: -0.2, length: 0.4, interactionLength: 0.421 },
} as const;

/**
 * Thick-target cascade enhancement of the charm and beauty yields (SHiP studies, PHYSICS.md 1.3):
 * the secondary hadrons of the shower make more heavy quarks. Off by default.
 */
export const CASCADE_ENHANCEMENT = { charm: 2.3, beauty: 1.7 } as const;

/** Spectrum classes of the produced mesons (index into the spectrum parameters). */
export const SPECTRUM = { charm: 0, beauty: 1 } as const;

export function dumpSourceParams(source: Na62DumpSource) {
  const mp = PARTICLES.p.mass;
  const pBeam = source.proton_momentum_GeV;
  const eBeam = Math.hypot(pBeam, mp);
  const sqrtS = Math.sqrt(2 * mp * (eBeam + mp));
  const absorber = ABSORBERS[source.absorber];
  return {
    sqrt_s: sqrtS,
    cm_gamma: (eBeam + mp) / sqrtS,
    cm_beta_gamma: pBeam / sqrtS,
    absorber_z_front: absorber.zFront,
    absorber_length: absorber.length,
    absorber_lambda: absorber.interactionLength,
    spectrum_n: [source.charm_spectrum.n, source.beauty_spectrum.n],
    spectrum_b: [source.charm_spectrum.b_GeV2, source.beauty_spectrum.b_GeV2],
  };
}

export type DumpSourceParams = ReturnType<typeof dumpSourceParams>;

/** A meson at its production (and decay) point: (px, py, pz, E) in GeV, position in metres. */
export interface DumpMeson {
  readonly p: Vec4;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/**
 * A meson of mass m and spectrum class `spectrum` from four uniforms u (|x_F|, sign of x_F,
 * p_T^2, azimuth) and one for the depth: |x_F| = 1 - u^(1/(n+1)) inverts (1 - |x_F|)^n,
 * p_T^2 = -ln(u)/b, the depth is exponential in the interaction length, truncated to the absorber.
 * The proton beam runs along z through x = y = 0.
 */
export function sampleDumpMeson(P: DumpSourceParams, m: number, spectrum: number, u: ArrayLike<number>, uDepth: number): DumpMeson {
  const n = P.spectrum_n[spectrum];
  // ln u from 1 - u (exact in float32 for u >= 1/2): |x_F| and p_T keep their relative
  // precision when small, where u^(1/(n+1)) and -ln(u) would cancel against 1.
  const lnU0 = Math.log1p(-(1 - u[0]));
  const xF = -Math.expm1(lnU0 / (n + 1)) * (u[1] < 0.5 ? -1 : 1);
  const pT = Math.sqrt(-Math.log1p(-(1 - u[2])) / P.spectrum_b[spectrum]);
  const phi = TWO_PI * u[3];
  const pL = 0.5 * xF * P.sqrt_s;
  const mT2 = m * m + pT * pT;
  const eStar = Math.sqrt(mT2 + pL * pL);
  // Boost along z in light-cone form, E +- p_z = (gamma +- beta gamma)(E* +- p_L), each factor
  // without cancellation (E* - |p_L| = m_T^2/(E* + |p_L|)): a backward meson keeps its p_z.
  const plus = P.cm_gamma + P.cm_beta_gamma;
  const ePlus = plus * (pL >= 0 ? eStar + pL : mT2 / (eStar - pL));
  const eMinus = (pL >= 0 ? mT2 / (eStar + pL) : eStar - pL) / plus;
  const p: Vec4 = [pT * Math.cos(phi), pT * Math.sin(phi), 0.5 * (ePlus - eMinus), 0.5 * (ePlus + eMinus)];
  const depth = forcedDecay(0, P.absorber_length, P.absorber_lambda, uDepth).s;
  return { p, x: 0, y: 0, z: P.absorber_z_front + depth };
}
