/**
 * Coherent elastic neutrino-nucleus scattering (PHYSICS.md section 3; Freedman 1974, in the
 * form of e.g. the COHERENT papers): dsigma/dE_R = (G_F^2/4pi) Q_W^2 M (1 - M E_R/(2E^2)) F^2,
 * Q_W = N - Z (1 - 4 sin^2 theta_W) with sin^2 theta_W at low momentum transfer (0.23857).
 * A magnetic moment of a light neutrino adds, without interference, the m_N -> 0 limit of the
 * dipole cross-section: alpha Z^2 mu^2 (1/E_R - 1/E) F^2 (fipgen's convention, dipole.ts).
 * Units: energies E, E_R and masses in GeV.
 */
import { ALPHA, G_F, SIN2_THETA_W_LOW_Q } from './constants.js';
import { BOHR_MAGNETON_PER_GEV } from './dipole.js';
import { helmFormFactor, recoilMomentum } from './formFactor.js';
import { integrate } from './integrate.js';
import type { Nucleus } from './nuclei.js';

/** Weak charge Q_W = N - Z (1 - 4 sin^2 theta_W(0)). */
export function weakCharge(n: Nucleus): number {
  return n.A - n.Z - n.Z * (1 - 4 * SIN2_THETA_W_LOW_Q);
}

/** Largest recoil energy (GeV) for a neutrino of energy E on mass M: 2E^2/(M + 2E). */
export function maxRecoil(E: number, M: number): number {
  return (2 * E * E) / (M + 2 * E);
}

/** dsigma/dE_R in GeV^-3, weak plus (optional) magnetic-moment term, with the Helm form factor unless F = false. */
export function cevnsDsigmaDER(E: number, ER: number, n: Nucleus, muBohr = 0, formFactor = true): number {
  if (ER <= 0 || ER > maxRecoil(E, n.M)) return 0;
  const F = formFactor ? helmFormFactor(recoilMomentum(n.M, ER), n.A) : 1;
  const weak = ((G_F * G_F) / (4 * Math.PI)) * weakCharge(n) ** 2 * n.M * (1 - (n.M * ER) / (2 * E * E));
  const mu = muBohr * BOHR_MAGNETON_PER_GEV;
  const magnetic = ALPHA * n.Z * n.Z * mu * mu * (1 / ER - 1 / E);
  return (weak + magnetic) * F * F;
}

/** Total CEvNS cross-section (GeV^-2) of the weak term, integrated up to the largest recoil. */
export function cevnsSigma(E: number, n: Nucleus, formFactor = true): number {
  const hi = maxRecoil(E, n.M);
  return integrate((ER) => cevnsDsigmaDER(E, ER, n, 0, formFactor), 0, hi, 64);
}
