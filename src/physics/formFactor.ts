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

/** 3 j1(x)/x, with its series below x = 0.01 where the closed form cancels. */
function threeJ1OverX(x: number): number {
  if (x < 0.01) return 1 - (x * x) / 10 + (x * x * x * x) / 280;
  return (3 * (Math.sin(x) - x * Math.cos(x))) / (x * x * x);
}

/** Helm form factor at momentum transfer q (GeV) for mass number A. */
export function helmFormFactor(q: number, A: number): number {
  const a = 0.52 * FM;
  const s = 0.9 * FM;
  const c = (1.23 * Math.cbrt(A) - 0.6) * FM;
  const R1 = Math.sqrt(c * c + (7 / 3) * Math.PI ** 2 * a * a - 5 * s * s);
  return threeJ1OverX(q * R1) * Math.exp(-((q * s) ** 2) / 2);
}

/** Momentum transfer (GeV) of a nuclear recoil of kinetic energy E_R (GeV) on mass M (GeV): sqrt(2 M E_R + E_R^2). */
export function recoilMomentum(M: number, ER: number): number {
  return Math.sqrt(2 * M * ER + ER * ER);
}
