/**
 * Nuclear form factors for coherent scattering.
 * Helm form factor (Helm, Phys. Rev. 104 (1956) 1466; parameters of Lewin & Smith,
 * Astropart. Phys. 6 (1996) 87, as in PHYSICS.md section 3):
 *   F(q) = 3 j1(q R1)/(q R1) exp(-(q s)^2/2),  R1^2 = c^2 + (7/3) pi^2 a^2 - 5 s^2,
 *   c = 1.23 A^(1/3) - 0.60 fm, a = 0.52 fm, s = 0.9 fm.
 */
import { HBARC_GEV_M } from './constants.js';

/** 1 fm in GeV^-1. */
const FM = 1e-15 / HBARC_GEV_M;

/**
 * 3 j1(x)/x, by its series below x = 0.5 (to x^8; truncation x^10/1.7e8 < 6e-12), where the
 * closed form 3(sin x - x cos x)/x^3 cancels: in float32 (the GPU twin) it would lose ~3e-3
 * at x = 0.01 and ~1.4e-6 at 0.5.
 */
function threeJ1OverX(x: number): number {
  if (x < 0.5) {
    const y = x * x;
    return 1 - y * (1 / 10 - y * (1 / 280 - y * (1 / 15120 - y / 1330560)));
  }
  return (3 * (Math.sin(x) - x * Math.cos(x))) / (x * x * x);
}

/** The Helm radii R1 and s in GeV^-1 for mass number A. */
export function helmRadii(A: number): { R1: number; s: number } {
  const a = 0.52 * FM;
  const s = 0.9 * FM;
  const c = (1.23 * Math.cbrt(A) - 0.6) * FM;
  return { R1: Math.sqrt(c * c + (7 / 3) * Math.PI ** 2 * a * a - 5 * s * s), s };
}

/** Helm form factor from the radii (twin of helmFormFactor in shaders/coherent.wgsl). */
export function helmFromRadii(q: number, R1: number, s: number): number {
  return threeJ1OverX(q * R1) * Math.exp(-((q * s) ** 2) / 2);
}

/** Helm form factor at momentum transfer q (GeV) for mass number A. */
export function helmFormFactor(q: number, A: number): number {
  const { R1, s } = helmRadii(A);
  return helmFromRadii(q, R1, s);
}

/** Momentum transfer (GeV) of a nuclear recoil of kinetic energy E_R (GeV) on mass M (GeV): sqrt(2 M E_R + E_R^2). */
export function recoilMomentum(M: number, ER: number): number {
  return Math.sqrt(2 * M * ER + ER * ER);
}
