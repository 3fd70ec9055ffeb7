/**
 * HNL production in meson decays (PHYSICS.md section 1.1).
 * Two-body leptonic decays P+ -> l_alpha+ N: Bondarenko, Boyarsky, Gorbunov, Ruchayskiy,
 * "Phenomenology of GeV-scale heavy neutral leptons", arXiv:1805.08567, eq. (3.3);
 * also Gorbunov & Shaposhnikov arXiv:0705.1729 eq. (2.3).
 */
import { CKM, DECAY_CONSTANT_GEV, G_F } from '../constants.js';
import { integrate } from '../integrate.js';
import { dalitzRange12, kallen } from '../kinematics.js';
import { PARTICLES, type Particle, widthFromLifetime } from '../particles.js';
import type { Flavour, Mixing } from './mixing.js';

export const LEPTON_OF: Readonly<Record<Flavour, Particle>> = {
  e: PARTICLES.e,
  mu: PARTICLES.mu,
  tau: PARTICLES.tau,
};

/** A charged pseudoscalar meson with a leptonic decay: its decay constant and CKM element. */
export interface LeptonicParent {
  readonly particle: Particle;
  readonly f: number;
  readonly ckm: number;
}

export const LEPTONIC_PARENTS = {
  K: { particle: PARTICLES.K, f: DECAY_CONSTANT_GEV.K, ckm: CKM.us },
  D: { particle: PARTICLES.D, f: DECAY_CONSTANT_GEV.D, ckm: CKM.cd },
  Ds: { particle: PARTICLES.Ds, f: DECAY_CONSTANT_GEV.Ds, ckm: CKM.cs },
  B: { particle: PARTICLES.B, f: DECAY_CONSTANT_GEV.B, ckm: CKM.ub },
} as const satisfies Record<string, LeptonicParent>;

/**
 * Gamma(P+ -> l+ N) in GeV for a mixing U2 = U_alpha^2 of the lepton's flavour:
 * G_F^2 f_P^2 |V|^2 U^2 m_P^3/(8 pi) [x_l^2 + x_N^2 - (x_N^2 - x_l^2)^2] sqrt(lambda(1, x_N^2, x_l^2)).
 * With mN = 0 and U2 = 1 it is the Standard-Model Gamma(P -> l nu) at tree level.
 */
export function widthLeptonicToHnl(parent: LeptonicParent, lepton: Particle, mN: number, U2: number): number {
  const mP = parent.particle.mass;
  if (mN + lepton.mass >= mP) return 0;
  const xl2 = (lepton.mass / mP) ** 2;
  const xN2 = (mN / mP) ** 2;
  const shape = (xl2 + xN2 - (xN2 - xl2) ** 2) * Math.sqrt(kallen(1, xN2, xl2));
  return ((G_F ** 2 * parent.f ** 2 * parent.ckm ** 2 * U2 * mP ** 3) / (8 * Math.PI)) * shape;
}

/** Production-channel labels, the keys of `fipgen calc hnl` and the generators' dictionaries. */
export const productionLabel = {
  leptonic: (parent: LeptonicParent, a: Flavour) => `${parent.particle.name} -> ${a}+ N`,
  semileptonic: (ch: SemileptonicChannel, a: Flavour) => `${ch.parent.name} -> ${ch.daughter.name} ${a}+ N`,
  tau: 'Ds+ -> tau+ nu, tau+ -> pi+ N',
} as const;

/** BR(P+ -> l_alpha+ N) for the mixing U. */
export function brLeptonicToHnl(parent: LeptonicParent, flavour: Flavour, mN: number, U: Mixing): number {
  return widthLeptonicToHnl(parent, LEPTON_OF[flavour], mN, U[flavour]) / widthFromLifetime(parent.particle.lifetime);
}

/**
 * Pole form factors of a pseudoscalar-to-pseudoscalar transition (PHYSICS.md section 1.1):
 * f+(q^2) = f(0)/(1 - q^2/M_V^2), f0(q^2) = f(0)/(1 - q^2/M_S^2).
 */
export interface PoleFormFactors {
  readonly f0AtZero: number;
  readonly vectorPole: number;
  readonly scalarPole: number;
}

/** D -> K: f(0) = 0.745, poles 2.112 (vector) and 2.317 GeV (scalar); B -> D: f(0) = 0.66, pole 6.4 GeV (PHYSICS.md 1.1, from 1805.08567 appendix). */
export const FORM_FACTORS = {
  DtoK: { f0AtZero: 0.745, vectorPole: 2.112, scalarPole: 2.317 },
  BtoD: { f0AtZero: 0.66, vectorPole: 6.4, scalarPole: 6.4 },
} as const satisfies Record<string, PoleFormFactors>;

/** A semileptonic decay P -> P' l+ N with pseudoscalar P'. */
export interface SemileptonicChannel {
  readonly parent: Particle;
  readonly daughter: Particle;
  readonly ckm: number;
  readonly formFactors: PoleFormFactors;
  /** 1, or 1/2 for a pi0 or rho0 daughter (isospin). */
  readonly isospinFactor: number;
}

export const SEMILEPTONIC_CHANNELS: readonly SemileptonicChannel[] = [
  { parent: PARTICLES.D0, daughter: { ...PARTICLES.K, name: 'K-', charge: -1, pdg: -321 }, ckm: CKM.cs, formFactors: FORM_FACTORS.DtoK, isospinFactor: 1 },
  { parent: PARTICLES.D, daughter: { ...PARTICLES.K0, name: 'K0bar', pdg: -311 }, ckm: CKM.cs, formFactors: FORM_FACTORS.DtoK, isospinFactor: 1 },
  { parent: PARTICLES.B, daughter: { ...PARTICLES.D0, name: 'D0bar', pdg: -421 }, ckm: CKM.cb, formFactors: FORM_FACTORS.BtoD, isospinFactor: 1 },
  { parent: PARTICLES.B0, daughter: PARTICLES.Dminus, ckm: CKM.cb, formFactors: FORM_FACTORS.BtoD, isospinFactor: 1 },
];

/**
 * Gamma(P -> P' l_alpha+ N) in GeV for U2 = U_alpha^2 (1805.08567 eq. 3.8, as PHYSICS.md 1.1):
 * G_F^2 |V|^2 U^2 m_P^5/(64 pi^3) Int dxi (L/xi^3) [ (1/3)|f+|^2 lam_H lam_lN + (1/2)|f+|^2 G- lam_H
 *   + (1/2)|f0|^2 G- (1 - x_P'^2)^2 ],  xi = q^2/m_P^2, lam_H = lambda(1, x_P'^2, xi),
 * lam_lN = lambda(xi, x_N^2, x_l^2), L = sqrt(lam_H lam_lN), G- = xi (x_N^2 + x_l^2) - (x_N^2 - x_l^2)^2.
 * |f+|^2 appears once per term (a public code squares it twice: a known bug).
 */
export function widthSemileptonicToHnl(ch: SemileptonicChannel, lepton: Particle, mN: number, U2: number): number {
  const mP = ch.parent.mass;
  const xH2 = (ch.daughter.mass / mP) ** 2;
  const xl2 = (lepton.mass / mP) ** 2;
  const xN2 = (mN / mP) ** 2;
  const lo = (Math.sqrt(xl2) + Math.sqrt(xN2)) ** 2;
  const hi = (1 - Math.sqrt(xH2)) ** 2;
  if (!(hi > lo)) return 0;
  const ff = ch.formFactors;
  const integrand = (xi: number) => {
    const q2 = xi * mP * mP;
    const fPlus = ff.f0AtZero / (1 - q2 / ff.vectorPole ** 2);
    const fZero = ff.f0AtZero / (1 - q2 / ff.scalarPole ** 2);
    const lamH = Math.max(0, kallen(1, xH2, xi));
    const lamLN = Math.max(0, kallen(xi, xN2, xl2));
    const L = Math.sqrt(lamH * lamLN);
    const Gminus = xi * (xN2 + xl2) - (xN2 - xl2) ** 2;
    return (L / xi ** 3) * ((1 / 3) * fPlus ** 2 * lamH * lamLN + 0.5 * fPlus ** 2 * Gminus * lamH + 0.5 * fZero ** 2 * Gminus * (1 - xH2) ** 2);
  };
  // Square-root edges at both ends of the xi range: xi = lo + span sin^2(th) smooths both.
  const span = hi - lo;
  const I = integrate((th) => integrand(lo + span * Math.sin(th) ** 2) * span * Math.sin(2 * th), 0, Math.PI / 2, 128);
  return ((G_F ** 2 * ch.ckm ** 2 * U2 * mP ** 5) / (64 * Math.PI ** 3)) * ch.isospinFactor * I;
}

/** BR(P -> P' l_alpha+ N) for the mixing U. */
export function brSemileptonicToHnl(ch: SemileptonicChannel, flavour: Flavour, mN: number, U: Mixing): number {
  return widthSemileptonicToHnl(ch, LEPTON_OF[flavour], mN, U[flavour]) / widthFromLifetime(ch.parent.lifetime);
}

/**
 * Gamma(tau -> pi N) in GeV for U2 = U_tau^2 (PHYSICS.md 1.1; 1805.08567 eq. 3.11):
 * G_F^2 f_pi^2 |V_ud|^2 U^2 m_tau^3/(16 pi) [(1 - x_N^2)^2 - x_pi^2 (1 + x_N^2)] sqrt(lambda(1, x_pi^2, x_N^2)).
 */
export function widthTauToPiHnl(mN: number, U2tau: number): number {
  const mTau = PARTICLES.tau.mass;
  const xN2 = (mN / mTau) ** 2;
  const xPi2 = (PARTICLES.pi.mass / mTau) ** 2;
  if (mN + PARTICLES.pi.mass >= mTau) return 0;
  const shape = ((1 - xN2) ** 2 - xPi2 * (1 + xN2)) * Math.sqrt(kallen(1, xPi2, xN2));
  return ((G_F ** 2 * DECAY_CONSTANT_GEV.pi ** 2 * CKM.ud ** 2 * U2tau * mTau ** 3) / (16 * Math.PI)) * shape;
}

/** BR(Ds+ -> tau+ nu) x BR(tau+ -> pi+ N): HNLs from tau leptons of Ds decays. */
export function brDsTauToPiHnl(mN: number, U: Mixing): number {
  const dsToTau = widthLeptonicToHnl(LEPTONIC_PARENTS.Ds, PARTICLES.tau, 0, 1) / widthFromLifetime(PARTICLES.Ds.lifetime);
  return dsToTau * (widthTauToPiHnl(mN, U.tau) / widthFromLifetime(PARTICLES.tau.lifetime));
}

/**
 * Spin-summed |M|^2 of P -> P' l+ N over U_alpha^2, at the Dalitz point s12 = (p_N + p_P')^2,
 * s23 = (p_P' + p_l)^2: with the hadronic current H = f+ (p_P + p_P') + f- q, q = p_l + p_N,
 * f- = (f0 - f+)(m_P^2 - m_P'^2)/q^2, and the V-A lepton tensor of ubar_N gamma (1 - g5) v_l
 * (its mass terms vanish between the two projectors),
 *   |M|^2 = 4 G_F^2 |V|^2 [2 (H.p_N)(H.p_l) - H^2 (p_N.p_l)]  (times the isospin factor).
 * Its Dalitz integral is widthSemileptonicToHnl (1805.08567 eq. 3.8), tested.
 */
export function semileptonicMatrixElement(ch: SemileptonicChannel, ml: number, mN: number, s12: number, s23: number): number {
  const M2 = ch.parent.mass ** 2;
  const mk2 = ch.daughter.mass ** 2;
  const mN2 = mN * mN;
  const ml2 = ml * ml;
  const q2 = M2 + mk2 + mN2 + ml2 - s12 - s23;
  const ff = ch.formFactors;
  const fPlus = ff.f0AtZero / (1 - q2 / ff.vectorPole ** 2);
  const fZero = ff.f0AtZero / (1 - q2 / ff.scalarPole ** 2);
  const fMinus = ((fZero - fPlus) * (M2 - mk2)) / q2;
  const NL = 0.5 * (q2 - mN2 - ml2);
  const HN = fPlus * (0.5 * (M2 + mN2 - s23) + 0.5 * (s12 - mk2 - mN2)) + fMinus * (NL + mN2);
  const HL = fPlus * (0.5 * (M2 + ml2 - s12) + 0.5 * (s23 - mk2 - ml2)) + fMinus * (NL + ml2);
  const H2 = fPlus * fPlus * (2 * M2 + 2 * mk2 - q2) + 2 * fPlus * fMinus * (M2 - mk2) + fMinus * fMinus * q2;
  return 4 * G_F ** 2 * ch.ckm ** 2 * ch.isospinFactor * (2 * HN * HL - H2 * NL);
}

/**
 * The energy spectrum of N in the parent's rest frame for P -> P' l+ N: `bins` equal bins
 * of E_N from m_N to its maximum, each holding the partial width in GeV (for U_alpha^2 = U2),
 * from the Dalitz integral of semileptonicMatrixElement: dGamma = |M|^2 ds12 ds23/(256 pi^3 m_P^3),
 * s23 = m_P^2 + m_N^2 - 2 m_P E_N. N's direction is isotropic (spin-0 parent), so E_N is all
 * an event needs of the decay to place N.
 */
export function semileptonicEnergySpectrum(ch: SemileptonicChannel, lepton: Particle, mN: number, U2: number, bins: number): { eMin: number; eMax: number; widths: number[] } {
  const M = ch.parent.mass;
  const mk = ch.daughter.mass;
  const ml = lepton.mass;
  const eMin = mN;
  const eMax = (M * M + mN * mN - (mk + ml) ** 2) / (2 * M);
  const widths: number[] = [];
  if (!(eMax > eMin) || M <= mk + ml + mN) return { eMin, eMax: eMin, widths: new Array(bins).fill(0) };
  const scale = (U2 * 2 * M) / (256 * Math.PI ** 3 * M ** 3);
  const inner = (E: number) => {
    const s23 = M * M + mN * mN - 2 * M * E;
    const [lo, hi] = dalitzRange12(M, mN, mk, ml, s23);
    // s12 = lo + (hi - lo) sin^2(th): no square-root edge is met at the ends.
    return integrate((th) => semileptonicMatrixElement(ch, ml, mN, lo + (hi - lo) * Math.sin(th) ** 2, s23) * (hi - lo) * Math.sin(2 * th), 0, Math.PI / 2, 4);
  };
  const step = (eMax - eMin) / bins;
  for (let k = 0; k < bins; k++) widths.push(scale * integrate(inner, eMin + k * step, eMin + (k + 1) * step, 2));
  return { eMin, eMax, widths };
}
