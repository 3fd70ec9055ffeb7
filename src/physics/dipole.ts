/**
 * The neutrino dipole portal (PHYSICS.md section 3): Primakoff upscattering nu A -> N A
 * through a transition magnetic moment, and the decay N -> nu gamma.
 *
 * Convention (one, everywhere in fipgen): L = (mu/2) Nbar sigma^{ab} P_L nu F_ab + h.c.,
 * with mu given in Bohr magnetons, mu_B = e/(2 m_e) and alpha = e^2/(4 pi). In this
 * convention dsigma/dE_R -> alpha Z^2 mu^2 (1/E_R - 1/E) as m_N -> 0. Papers that write
 * d = mu/2 (e.g. Magill et al., arXiv:1803.03262) have rates 4 times ours for the same number.
 */
import { ALPHA, GEV_M2_TO_CM2, HBARC_GEV_M } from './constants.js';
import { helmFormFactor, recoilMomentum } from './formFactor.js';
import { integrate } from './integrate.js';
import type { Nucleus } from './nuclei.js';
import { PARTICLES } from './particles.js';

/** The Bohr magneton in GeV^-1: e/(2 m_e) with e = sqrt(4 pi alpha). */
export const BOHR_MAGNETON_PER_GEV = Math.sqrt(4 * Math.PI * ALPHA) / (2 * PARTICLES.e.mass);

/** Width of N -> nu gamma in GeV (m in GeV, mu in Bohr magnetons): mu^2 m^3/(16 pi) for a Dirac N, twice that for Majorana. */
export function widthNuGamma(m: number, muBohr: number, majorana: boolean): number {
  const mu = muBohr * BOHR_MAGNETON_PER_GEV;
  return ((mu * mu * m ** 3) / (16 * Math.PI)) * (majorana ? 2 : 1);
}

/** c*tau in metres from a width in GeV. */
export function ctauFromWidth(width: number): number {
  return HBARC_GEV_M / width;
}

/** Lowest neutrino energy (GeV) that can make N of mass m on a nucleus of mass M: m + m^2/(2M). */
export function upscatterThreshold(m: number, M: number): number {
  return m + (m * m) / (2 * M);
}

/**
 * Kinematic window [E_R-, E_R+] of the recoil energy (GeV) for nu(E) A -> N(m) A:
 * E_R+- = [2ME^2 - m^2(E+M) +- E sqrt((2ME - m^2)^2 - 4 m^2 M^2)] / (2M(2E+M)).
 * Computed from its width and product, E_R+ - E_R- = E sqrt(disc)/(M(2E+M)) and
 * E_R+ E_R- = m^4/(4M(2E+M)) (both exact), never from a difference of nearly equal numbers:
 * E_R+ = (width + sqrt(width^2 + 4 product))/2, E_R- = product/E_R+. The square root's argument
 * is taken in its factored form (2M(E - m) - m^2)(2M(E + m) - m^2), with E - m given by the
 * caller where it knows it better. Near threshold the width then depends on E - m alone: in
 * float32, E and E - m disagree by an ulp of E, and a window centred by E would move its
 * edges apart by 4e-6 of its width there (and N's angle with them).
 * Null below threshold.
 */
export function recoilWindow(E: number, m: number, M: number, eAboveMass = E - m): [number, number] | null {
  const disc = (2 * M * eAboveMass - m * m) * (2 * M * (E + m) - m * m);
  if (E <= upscatterThreshold(m, M) || disc < 0) return null;
  const width = (E * Math.sqrt(disc)) / (M * (2 * E + M));
  const product = m ** 4 / (4 * M * (2 * E + M));
  const hi = (width + Math.sqrt(width * width + 4 * product)) / 2;
  return [product / hi, hi];
}

/**
 * N's momentum across and along the incoming neutrino, [p_T, p_z] (GeV), for nu(E) A -> N(m) A
 * with the nucleus at rest, recoil window [lo, hi] and E_R = lo + dLow = hi - dHigh
 * (eAboveMass = E - m, as for recoilWindow). Momentum conservation makes p_z linear and p_T^2
 * quadratic in E_R, vanishing at both edges:
 *   p_z = E - E_R - (m^2 + 2 M E_R)/(2E),   p_T^2 = M (2E + M)/E^2 (E_R - lo)(hi - E_R).
 * p_z is taken as the interpolation between its values at the edges, +p_N(lo) (forward) and
 * -p_N(hi) (backward; forward too within m^3/(2M^2) of threshold), from the distances to the edges: then N's angle stays accurate
 * in float32 at both edges and for slow N near threshold, where the first form loses all but
 * the last digits (p_z ~ 1e-3 of E).
 */
export function upscatterMomentum(E: number, eAboveMass: number, m: number, M: number, lo: number, hi: number, dLow: number, dHigh: number): [number, number] {
  const pT = (Math.sqrt(M * (2 * E + M)) * Math.sqrt(Math.max(0, dLow)) * Math.sqrt(Math.max(0, dHigh))) / E;
  const pLo = Math.sqrt(Math.max(0, (eAboveMass - lo) * (E - lo + m)));
  const pHi = Math.sqrt(Math.max(0, (eAboveMass - hi) * (E - hi + m)));
  // N goes backward at E_R+ only above E_c = m(2M - m)/(2(M - m)), i.e. 2(M - m)(E - m) > m^2;
  // closer to threshold it still goes forward there.
  const pzHi = 2 * (M - m) * eAboveMass > m * m ? -pHi : pHi;
  return [pT, (dHigh * pLo + dLow * pzHi) / (dLow + dHigh)];
}

/**
 * dsigma/dE_R in GeV^-3 (multiply by GEV_M2_TO_CM2 for cm^2/GeV) for nu(E) A -> N(m) A on a
 * spin-0 nucleus of charge Z and mass M, with form factor squared F2 (PHYSICS.md section 3;
 * the exact result behind Brdar et al. / Bolton et al. arXiv:2110.02233):
 *   alpha Z^2 mu^2 F^2 [8E^2 E_R M - 8E E_R^2 M - 4E E_R m^2 + 2E_R^3 M + E_R^2 m^2 - 2E_R M m^2 - m^4] / (8 E^2 E_R^2 M).
 * Zero outside the kinematic window, where the expression is not a cross-section.
 */
export function primakoffDsigmaDER(E: number, ER: number, m: number, muBohr: number, Z: number, M: number, F2 = 1): number {
  const w = recoilWindow(E, m, M);
  if (!w || ER < w[0] || ER > w[1]) return 0;
  const mu = muBohr * BOHR_MAGNETON_PER_GEV;
  const m2 = m * m;
  const num = 8 * E * E * ER * M - 8 * E * ER * ER * M - 4 * E * ER * m2 + 2 * ER ** 3 * M + ER * ER * m2 - 2 * ER * M * m2 - m2 * m2;
  return (ALPHA * Z * Z * mu * mu * F2 * num) / (8 * E * E * ER * ER * M);
}

/**
 * The helicity of N. The dipole flips chirality: a (left-handed) neutrino makes N mostly with
 * helicity +1, a reactor antineutrino (right-handed) makes the N-bar (or the Majorana N) mostly
 * with helicity -1 (lab frame: spin along N's lab momentum). The two pieces, for a neutrino,
 *   dsigma_h/dE_R = alpha Z^2 mu^2 F^2 (E_N + h p_N)(E + h p_N)^2 (1 - h cos theta_N)/(8 M E E_R^2),
 * sum to the spin-summed formula above; for an antineutrino h -> -h (CP). Derived for fipgen
 * with explicit helicity spinors and checked with helicity projectors in the tests (no
 * public code gives the lab-frame pieces; DarkNews has the CM-frame asymmetry).
 * The minority piece (same helicity as the incoming neutrino) vanishes at E_R+ (N backward),
 * the majority piece at E_R- (N forward, angular momentum along the beam).
 *
 * minorityHelicityRatio: dsigma_minority/dsigma_majority at one point, from N's energy E_N,
 * momentum p_N and its components p_T, p_z (upscatterMomentum): with S = E_N + p_N,
 *   r = (m^2/S^2) ((E - p_N)/(E + p_N))^2 (p_N + p_z)/(p_N - p_z),
 * E - p_N = E_R + m^2/S, and (p_N + p_z)/(p_N - p_z) = (p_N + p_z)^2/p_T^2 = p_T^2/(p_N - p_z)^2
 * (the form without cancellation on each side). Accurate in float32 at both window edges.
 */
export function minorityHelicityRatio(E: number, ER: number, m: number, eN: number, pN: number, pT: number, pz: number): number {
  const S = eN + pN;
  const a = ER + (m * m) / S;
  const b = E + pN;
  const forwardOverBackward = pz >= 0 ? ((pN + pz) / pT) ** 2 : (pT / (pN - pz)) ** 2;
  return ((m * m) / (S * S)) * (a / b) ** 2 * forwardOverBackward;
}

/**
 * The helicity pieces of dsigma/dE_R (GeV^-3, as primakoffDsigmaDER) for a reactor
 * antineutrino: [majority (h = -1), minority (h = +1)].
 */
export function primakoffDsigmaDERByHelicity(E: number, ER: number, m: number, muBohr: number, Z: number, M: number, F2 = 1): [number, number] {
  const total = primakoffDsigmaDER(E, ER, m, muBohr, Z, M, F2);
  const w = recoilWindow(E, m, M);
  if (!(total > 0) || !w) return [0, 0];
  const eN = E - ER;
  const pN = Math.sqrt((eN - m) * (eN + m));
  const [pT, pz] = upscatterMomentum(E, E - m, m, M, w[0], w[1], ER - w[0], w[1] - ER);
  const r = minorityHelicityRatio(E, ER, m, eN, pN, pT, pz);
  return [total / (1 + r), total / (1 + 1 / r)]; // also at the edges, where r is 0 or infinite
}

/**
 * Primakoff cross-section (GeV^-2) integrated over the window with F = 1, in closed form:
 * (alpha Z^2 mu^2/(8E^2 M)) [ (8E^2 M - 4E m^2 - 2M m^2) ln(E+/E-) + (m^2 - 8EM)(E+ - E-)
 *  + M (E+^2 - E-^2) + m^4 (1/E+ - 1/E-) ].
 */
export function primakoffSigmaPointlike(E: number, m: number, muBohr: number, Z: number, M: number): number {
  const w = recoilWindow(E, m, M);
  if (!w || m === 0) return w ? Infinity : 0;
  const [lo, hi] = w;
  const mu = muBohr * BOHR_MAGNETON_PER_GEV;
  const m2 = m * m;
  const bracket = (8 * E * E * M - 4 * E * m2 - 2 * M * m2) * Math.log(hi / lo) + (m2 - 8 * E * M) * (hi - lo) + M * (hi * hi - lo * lo) + m2 * m2 * (1 / hi - 1 / lo);
  return ((ALPHA * Z * Z * mu * mu) / (8 * E * E * M)) * bracket;
}

/** Primakoff cross-section (GeV^-2) over the window with the Helm form factor, by quadrature in ln E_R. */
export function primakoffSigma(E: number, m: number, muBohr: number, nucleus: Nucleus, formFactor = true): number {
  return integrateOverWindow(E, m, nucleus, formFactor, (ER, F2) => primakoffDsigmaDER(E, ER, m, muBohr, nucleus.Z, nucleus.M, F2));
}

/** The same for a reactor antineutrino by N's helicity: [majority (h = -1), minority (h = +1)], GeV^-2. */
export function primakoffSigmaByHelicity(E: number, m: number, muBohr: number, nucleus: Nucleus, formFactor = true): [number, number] {
  const piece = (k: 0 | 1) => integrateOverWindow(E, m, nucleus, formFactor, (ER, F2) => primakoffDsigmaDERByHelicity(E, ER, m, muBohr, nucleus.Z, nucleus.M, F2)[k]);
  return [piece(0), piece(1)];
}

function integrateOverWindow(E: number, m: number, nucleus: Nucleus, formFactor: boolean, dsigma: (ER: number, F2: number) => number): number {
  const w = recoilWindow(E, m, nucleus.M);
  if (!w) return 0;
  const [lo, hi] = w;
  const f = (t: number) => {
    const ER = Math.exp(t);
    const F = formFactor ? helmFormFactor(recoilMomentum(nucleus.M, ER), nucleus.A) : 1;
    return dsigma(ER, F * F) * ER;
  };
  // The window's ends: the formula is not a cross-section past them (and at E_R+ it is zero):
  // keep inside by a relative hair.
  return integrate(f, Math.log(lo) + 1e-12, Math.log(hi) - 1e-12, 256);
}
