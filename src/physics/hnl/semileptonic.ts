/**
 * HNL production in semileptonic meson decays P -> H l+ N, H a pseudoscalar (D -> K, pi;
 * B -> D, pi; Bs -> Ds, K) or a vector (D -> K*; B -> D*, rho; Bs -> Ds*, K*) meson (PHYSICS.md section 1.1;
 * Bondarenko, Boyarsky, Gorbunov, Ruchayskiy arXiv:1805.08567 section 3 and appendix C).
 * For each channel: the width (a one-dimensional integral over q^2), the spin-summed |M|^2 on
 * the Dalitz plot, and from it the N energy spectrum the dump sampler draws from. The tests
 * hold the Dalitz integral of |M|^2 against the width, |M|^2 against explicit Dirac traces,
 * and the vector channels' energy spectrum against an independent double-differential formula.
 */
import { CKM, G_F } from '../constants.js';
import { dot as mdot, type V4 } from '../dirac.js';
import { integrate, integrateComponents } from '../integrate.js';
import { dalitzRange12, kallen, twoBodyMomentum } from '../kinematics.js';
import { PARTICLES, type Particle, widthFromLifetime } from '../particles.js';
import type { Flavour, Mixing } from './mixing.js';
import { LEPTON_OF } from './production.js';

/**
 * Form factors f+(q^2), f0(q^2) of a pseudoscalar-to-pseudoscalar transition P -> P':
 *  - 'pole' (PHYSICS.md section 1.1): f+ = f(0)/(1 - q^2/M_V^2), f0 = f(0)/(1 - q^2/M_S^2);
 *  - 'etm' (D -> pi): f = [f(0) - c (z - z0)(1 + (z + z0)/2)]/(1 - P q^2) for each of f+, f0,
 *  - 'bcl' (B -> pi, Bs -> K; Bourrely, Caprini, Lellouch, arXiv:0807.2722): K coefficients each,
 *    f+ = [1/(1 - q^2/M_V^2)] sum_{k<K} b+_k [z^k - (-1)^(k-K) (k/K) z^K],
 *    f0 = [1/(1 - q^2/M_S^2)] sum_{k<K} b0_k z^k, with no scalar pole where the 0+ state lies
 *    above t+ (B -> pi);
 * z = (sqrt(t+ - q^2) - sqrt(t+ - t0))/(sqrt(t+ - q^2) + sqrt(t+ - t0)), z0 = z(0),
 * t+ = (m_P + m_P')^2, t0 = (m_P + m_P')(sqrt(m_P) - sqrt(m_P'))^2.
 */
export type PseudoscalarFormFactors =
  | { readonly form: 'pole'; readonly f0AtZero: number; readonly vectorPole: number; readonly scalarPole: number }
  | { readonly form: 'etm'; readonly fAtZero: number; readonly plus: { readonly c: number; readonly P: number }; readonly zero: { readonly c: number; readonly P: number } }
  | { readonly form: 'bcl'; readonly plus: readonly number[]; readonly zero: readonly number[]; readonly vectorPole: number; readonly scalarPole?: number };

/** [f+(q^2), f0(q^2)] for a parent of mass M and daughter of mass m. */
export function pseudoscalarFormFactorsAt(ff: PseudoscalarFormFactors, M: number, m: number, q2: number): [number, number] {
  if (ff.form === 'pole') return [ff.f0AtZero / (1 - q2 / ff.vectorPole ** 2), ff.f0AtZero / (1 - q2 / ff.scalarPole ** 2)];
  const tPlus = (M + m) ** 2;
  const t0 = (M + m) * (Math.sqrt(M) - Math.sqrt(m)) ** 2;
  const zAt = (t: number) => (Math.sqrt(tPlus - t) - Math.sqrt(tPlus - t0)) / (Math.sqrt(tPlus - t) + Math.sqrt(tPlus - t0));
  const z = zAt(q2);
  if (ff.form === 'bcl') {
    const K = ff.plus.length;
    const fPlus = ff.plus.reduce((sum, b, k) => sum + b * (z ** k - (-1) ** (k - K) * (k / K) * z ** K), 0) / (1 - q2 / ff.vectorPole ** 2);
    const scalarPole = ff.scalarPole === undefined ? 1 : 1 - q2 / ff.scalarPole ** 2;
    return [fPlus, ff.zero.reduce((sum, b, k) => sum + b * z ** k, 0) / scalarPole];
  }
  const z0 = zAt(0);
  const f = (c: number, P: number) => (ff.fAtZero - c * (z - z0) * (1 + (z + z0) / 2)) / (1 - P * q2);
  return [f(ff.plus.c, ff.plus.P), f(ff.zero.c, ff.zero.P)];
}

/** The B* mass, the vector pole of the b-bar -> u-bar BCL form factors (PDG 2024: 5324.75 MeV). */
const B_STAR_MASS = 5.32475;

/**
 * D -> K: f(0) = 0.745, poles 2.112 (vector) and 2.317 GeV (scalar); B -> D: f(0) = 0.66, pole
 * 6.4 GeV (PHYSICS.md 1.1, from 1805.08567 appendix). 1805.08567 uses the B -> D form factors
 * for Bs -> Ds too (as its public transcriptions do: J.-L. Tastet's hnlbr and
 * Raffaella07/HNLAnalysis python/objects.py), and so do we.
 */
const FORM_FACTORS = {
  DtoK: { form: 'pole', f0AtZero: 0.745, vectorPole: 2.112, scalarPole: 2.317 },
  BtoD: { form: 'pole', f0AtZero: 0.66, vectorPole: 6.4, scalarPole: 6.4 },
  /**
   * D -> pi (Cabibbo-suppressed), 1805.08567 appendix C as transcribed by Raffaella07/HNLAnalysis
   * python/objects.py (label D_to_pi), the ETM fit (Lubicz et al., arXiv:1706.03017). Unverified
   * against the paper's PDF (not readable here); its Standard-Model rates are 11-12% below PDG
   * (test/physics.hnl.test.ts). The same file's B -> pi and Bs -> K (BCL) sets are not used: they
   * give BR(B0 -> pi- l+ nu) 33% below PDG and BR(Bs -> K- mu+ nu) 38% above; the two below are.
   */
  DtoPi: { form: 'etm', fAtZero: 0.6117, plus: { c: 1.985, P: 0.1314 }, zero: { c: 1.188, P: 0.0342 } },
  /**
   * B -> pi: the HFLAV 2023 fit of lattice form factors and measured spectra (K = 3; HFLAV,
   * arXiv:2411.18639), coefficients as Belle II's decay files carry them ("BCL 0.424 -0.484 -0.658 0
   * 0.561 -1.393 0.763 0"); pole M_B* (B_STAR_MASS). Those files pad a zero fourth
   * coefficient and their EvtBCLFF then evaluates K = 4 in the z^K term; we deliberately use K = 3:
   * only then does f+(0) = f0(0) hold (to 1e-4; with K = 4 it misses by 3%, tested), so K = 3 is
   * the fit's convention. BR(B0 -> pi- l+ nu) comes out 1.5% below PDG 2024, BR(B+ -> pi0 l+ nu) 1% above.
   */
  BtoPi: { form: 'bcl', plus: [0.424, -0.484, -0.658], zero: [0.561, -1.393, 0.763], vectorPole: B_STAR_MASS },
  /**
   * Bs -> K: RBC/UKQCD (Flynn et al., arXiv:1501.05373; K = 3), coefficients as tabulated in
   * github.com/andreasjuettner/BFF lib/data_BstoK.py ('RBCUKQCD 15'); f+(0) = f0(0) to 1e-4 with
   * t+ = (m_Bs + m_K)^2 (tested; with (m_B + m_pi)^2 it misses by 20%). f0 carries a 0+ pole
   * (below the Bs K threshold) whose mass was not read from the paper here: 5.63 GeV is the value
   * BFF's lib/data_BstoK.py pairs with the HPQCD inputs (its run script uses 5.68 for FNAL/MILC);
   * BFF tabulates these RBC/UKQCD form factors as pole-stripped sums for f0 as for f+, which fits a
   * pole. Without one f0 would reach only 0.21 at q^2_max against 0.83 (lattice f0 near q^2_max is
   * ~0.8-1, as B -> pi's 1.0); it matters only for heavy N (a factor 1.9 in the width at m_N = 3 GeV;
   * 5.68 instead of 5.63 changes f0 there by ~5%), not for the l = e, mu rate, which is 5% below
   * LHCb's (arXiv:2012.05143).
   */
  BstoK: { form: 'bcl', plus: [0.338, -1.161, -0.458], zero: [0.21, -0.169, -1.235], vectorPole: B_STAR_MASS, scalarPole: 5.63 },
} as const satisfies Record<string, PseudoscalarFormFactors>;

/**
 * Form factors of a pseudoscalar-to-vector transition, in the parametrisation of 1805.08567
 * appendix C (r = q^2/M_V^2, [sigma, xi] per form factor):
 *   V(q^2)  = V(0)/((1 - r)(1 - sigma_V r - xi_V r^2)),
 *   A0(q^2) = A0(0)/((1 - q^2/M_P^2)(1 - sigma_A0 r - xi_A0 r^2)),
 *   A1(q^2) = A1(0)/(1 - sigma_A1 r - xi_A1 r^2),  A2 likewise,
 * order [V, A0, A1, A2] in each array.
 */
export interface VectorFormFactors {
  readonly atZero: readonly [number, number, number, number];
  readonly sigma: readonly [number, number, number, number];
  readonly xi: readonly [number, number, number, number];
  /** M_P and M_V, the pole masses in GeV. */
  readonly pseudoscalarPole: number;
  readonly vectorPole: number;
}

/**
 * D -> K* and B -> D*: the fits of Melikhov and Stech (hep-ph/0001113), in their convention
 * F(0)/(... (1 - sigma_1 r + sigma_2 r^2)), so xi = -sigma_2 here, with their pole masses (B -> D*:
 * 6.4 GeV for both), as Herwig's MelikhovStechFormFactor.cc implements them with the same numbers.
 * (1805.08567's table as transcribed by hnlbr and HNLAnalysis has +xi = sigma_2, Bc/Bc* poles for
 * B -> D* and sigma_A0 = 0.59 there: 0.5-1% on these rates.) Melikhov-Stech also take A0's
 * polynomial in q^2/M_P^2, not q^2/M_V^2: a < 1% difference for D -> K* (B -> D*: M_P = M_V).
 * Bs -> Ds*: Faustov and Galkin (arXiv:1212.3167) as that transcription has it (sign of its q^4
 * term unverified here; flipping it moves the rate by 5%).
 */
const VECTOR_FORM_FACTORS = {
  DtoKstar: { atZero: [1.03, 0.76, 0.66, 0.49], sigma: [0.27, 0.17, 0.3, 0.67], xi: [0, 0, -0.2, -0.16], pseudoscalarPole: 1.97, vectorPole: 2.11 },
  /**
   * The b-bar -> u-bar transitions, HNLAnalysis labels B_to_rho and Bs_to_Kstar (same transcription
   * and caveat). Bs -> K* keeps the transcription's Bs/Bs* pole masses, with which its sigma and xi
   * go; the current's own poles are B/B* (5.279/5.325 GeV), which would raise its rate by 5-7%.
   */
  BtoRho: { atZero: [0.295, 0.231, 0.269, 0.282], sigma: [0.875, 0.796, 0.54, 1.34], xi: [0, 0.055, 0, -0.21], pseudoscalarPole: 5.279, vectorPole: 5.325 },
  BstoKstar: { atZero: [0.291, 0.289, 0.287, 0.286], sigma: [-0.516, -0.383, 0, 1.05], xi: [2.1, 1.58, 1.06, -0.074], pseudoscalarPole: 5.367, vectorPole: 5.415 },
  BtoDstar: { atZero: [0.76, 0.69, 0.66, 0.62], sigma: [0.57, 0.58, 0.78, 1.4], xi: [0, 0, 0, -0.41], pseudoscalarPole: 6.4, vectorPole: 6.4 },
  BstoDsstar: { atZero: [0.95, 0.67, 0.7, 0.75], sigma: [0.372, 0.35, 0.463, 1.04], xi: [0.561, 0.6, 0.51, 0.07], pseudoscalarPole: 6.275, vectorPole: 6.331 },
} as const satisfies Record<string, VectorFormFactors>;

/** V, A0, A1, A2 at q^2 (GeV^2). */
export function vectorFormFactorsAt(ff: VectorFormFactors, q2: number): [number, number, number, number] {
  const r = q2 / ff.vectorPole ** 2;
  const den = (k: number) => 1 - ff.sigma[k] * r - ff.xi[k] * r * r;
  return [
    ff.atZero[0] / ((1 - r) * den(0)),
    ff.atZero[1] / ((1 - q2 / ff.pseudoscalarPole ** 2) * den(1)),
    ff.atZero[2] / den(2),
    ff.atZero[3] / den(3),
  ];
}

interface ChannelCommon {
  readonly parent: Particle;
  readonly daughter: Particle;
  readonly ckm: number;
  /** 1, or 1/2 for a pi0 or rho0 daughter (isospin). */
  readonly isospinFactor: number;
  /**
   * The heavy quark that decays: 'quark' for the c of D0, D+ (c -> s l+ N), 'antiquark' for the
   * b-bar of B+, B0, Bs (b-bar -> c-bar l+ N). The hadronic currents of the two are CP mirrors,
   * which flips the sign of the vector form factor's term against the axial ones (so the l+ is
   * the softer in c -> s l+ N, as l+ in t -> b l+ nu, and the harder in b-bar -> c-bar l+ N).
   */
  readonly decaying: 'quark' | 'antiquark';
}

/** A semileptonic decay P -> H l+ N, H a pseudoscalar or a vector meson. */
export type SemileptonicChannel = ChannelCommon &
  ({ readonly kind: 'pseudoscalar'; readonly formFactors: PseudoscalarFormFactors } | { readonly kind: 'vector'; readonly formFactors: VectorFormFactors });

/** A daughter of the particle chain (b-bar -> c-bar, c -> s): the named state with its charge and PDG id flipped where it is the antiparticle. */
const anti = (p: Particle, name: string): Particle => ({ ...p, name, pdg: -p.pdg, charge: -p.charge });

export const SEMILEPTONIC_CHANNELS: readonly SemileptonicChannel[] = [
  { kind: 'pseudoscalar', parent: PARTICLES.D0, daughter: anti(PARTICLES.K, 'K-'), ckm: CKM.cs, formFactors: FORM_FACTORS.DtoK, isospinFactor: 1, decaying: 'quark' },
  { kind: 'pseudoscalar', parent: PARTICLES.D, daughter: anti(PARTICLES.K0, 'K0bar'), ckm: CKM.cs, formFactors: FORM_FACTORS.DtoK, isospinFactor: 1, decaying: 'quark' },
  { kind: 'pseudoscalar', parent: PARTICLES.B, daughter: anti(PARTICLES.D0, 'D0bar'), ckm: CKM.cb, formFactors: FORM_FACTORS.BtoD, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'pseudoscalar', parent: PARTICLES.B0, daughter: PARTICLES.Dminus, ckm: CKM.cb, formFactors: FORM_FACTORS.BtoD, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'pseudoscalar', parent: PARTICLES.Bs, daughter: anti(PARTICLES.Ds, 'Ds-'), ckm: CKM.cb, formFactors: FORM_FACTORS.BtoD, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.D0, daughter: anti(PARTICLES.Kstar, 'K*-'), ckm: CKM.cs, formFactors: VECTOR_FORM_FACTORS.DtoKstar, isospinFactor: 1, decaying: 'quark' },
  { kind: 'vector', parent: PARTICLES.D, daughter: anti(PARTICLES.Kstar0, 'K*0bar'), ckm: CKM.cs, formFactors: VECTOR_FORM_FACTORS.DtoKstar, isospinFactor: 1, decaying: 'quark' },
  { kind: 'vector', parent: PARTICLES.B, daughter: anti(PARTICLES.DStar0, 'D*0bar'), ckm: CKM.cb, formFactors: VECTOR_FORM_FACTORS.BtoDstar, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.B0, daughter: anti(PARTICLES.DStar, 'D*-'), ckm: CKM.cb, formFactors: VECTOR_FORM_FACTORS.BtoDstar, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.Bs, daughter: anti(PARTICLES.DsStar, 'Ds*-'), ckm: CKM.cb, formFactors: VECTOR_FORM_FACTORS.BstoDsstar, isospinFactor: 1, decaying: 'antiquark' },
  // Cabibbo-suppressed: c -> d (|V_cd|) and b-bar -> u-bar (|V_ub|).
  { kind: 'pseudoscalar', parent: PARTICLES.D0, daughter: anti(PARTICLES.pi, 'pi-'), ckm: CKM.cd, formFactors: FORM_FACTORS.DtoPi, isospinFactor: 1, decaying: 'quark' },
  { kind: 'pseudoscalar', parent: PARTICLES.D, daughter: PARTICLES.pi0, ckm: CKM.cd, formFactors: FORM_FACTORS.DtoPi, isospinFactor: 0.5, decaying: 'quark' },
  { kind: 'pseudoscalar', parent: PARTICLES.B, daughter: PARTICLES.pi0, ckm: CKM.ub, formFactors: FORM_FACTORS.BtoPi, isospinFactor: 0.5, decaying: 'antiquark' },
  { kind: 'pseudoscalar', parent: PARTICLES.B0, daughter: anti(PARTICLES.pi, 'pi-'), ckm: CKM.ub, formFactors: FORM_FACTORS.BtoPi, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'pseudoscalar', parent: PARTICLES.Bs, daughter: anti(PARTICLES.K, 'K-'), ckm: CKM.ub, formFactors: FORM_FACTORS.BstoK, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.B, daughter: PARTICLES.rho0, ckm: CKM.ub, formFactors: VECTOR_FORM_FACTORS.BtoRho, isospinFactor: 0.5, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.B0, daughter: anti(PARTICLES.rho, 'rho-'), ckm: CKM.ub, formFactors: VECTOR_FORM_FACTORS.BtoRho, isospinFactor: 1, decaying: 'antiquark' },
  { kind: 'vector', parent: PARTICLES.Bs, daughter: anti(PARTICLES.Kstar, 'K*-'), ckm: CKM.ub, formFactors: VECTOR_FORM_FACTORS.BstoKstar, isospinFactor: 1, decaying: 'antiquark' },
];

/**
 * Gamma(P -> H l_alpha+ N) in GeV for U2 = U_alpha^2: 1805.08567 eq. 3.8 for a pseudoscalar H
 * (semileptonicPseudoscalarDensity), the helicity form for a vector H
 * (semileptonicVectorDensity), integrated over q^2.
 */
export function widthSemileptonicToHnl(ch: SemileptonicChannel, lepton: Particle, mN: number, U2: number): number {
  const mP = ch.parent.mass;
  const lo = (lepton.mass + mN) ** 2;
  const hi = (mP - ch.daughter.mass) ** 2;
  if (!(hi > lo)) return 0;
  const density = (q2: number) => (ch.kind === 'pseudoscalar' ? semileptonicPseudoscalarDensity(ch, ch.formFactors, lepton.mass, mN, q2) : semileptonicVectorDensity(ch, ch.formFactors, lepton.mass, mN, q2));
  // Square-root edges at both ends of the q^2 range: q^2 = lo + span sin^2(th) smooths both.
  const span = hi - lo;
  return U2 * ch.isospinFactor * integrate((th) => density(lo + span * Math.sin(th) ** 2) * span * Math.sin(2 * th), 0, Math.PI / 2, 128);
}

/**
 * dGamma/dq^2 of P -> P' l+ N over U^2 (1805.08567 eq. 3.8, as PHYSICS.md 1.1, with xi = q^2/m_P^2):
 * G_F^2 |V|^2 m_P^3/(64 pi^3) (L/xi^3) [ (1/3)|f+|^2 lam_H lam_lN + (1/2)|f+|^2 G- lam_H
 *   + (1/2)|f0|^2 G- (1 - x_P'^2)^2 ],  lam_H = lambda(1, x_P'^2, xi),
 * lam_lN = lambda(xi, x_N^2, x_l^2), L = sqrt(lam_H lam_lN), G- = xi (x_N^2 + x_l^2) - (x_N^2 - x_l^2)^2.
 * |f+|^2 appears once per term (a public code squares it twice: a known bug).
 */
function semileptonicPseudoscalarDensity(ch: ChannelCommon, ff: PseudoscalarFormFactors, ml: number, mN: number, q2: number): number {
  const mP = ch.parent.mass;
  const xi = q2 / (mP * mP);
  const xH2 = (ch.daughter.mass / mP) ** 2;
  const xl2 = (ml / mP) ** 2;
  const xN2 = (mN / mP) ** 2;
  const [fPlus, fZero] = pseudoscalarFormFactorsAt(ff, mP, ch.daughter.mass, q2);
  const lamH = Math.max(0, kallen(1, xH2, xi));
  const lamLN = Math.max(0, kallen(xi, xN2, xl2));
  const L = Math.sqrt(lamH * lamLN);
  const Gminus = xi * (xN2 + xl2) - (xN2 - xl2) ** 2;
  const shape = (L / xi ** 3) * ((1 / 3) * fPlus ** 2 * lamH * lamLN + 0.5 * fPlus ** 2 * Gminus * lamH + 0.5 * fZero ** 2 * Gminus * (1 - xH2) ** 2);
  return ((G_F ** 2 * ch.ckm ** 2 * mP ** 3) / (64 * Math.PI ** 3)) * shape;
}

/**
 * dGamma/dq^2 of P -> V l+ N over U^2 in helicity amplitudes (Korner and Schuler, Z. Phys. C 46
 * (1990) 93, with the lepton-pair factors for two massive leptons; a Python check against
 * 1805.08567's form as hnlbr and HNLAnalysis transcribe it agreed to 1e-4, and the tests hold
 * it against the Dalitz integral of |M|^2), k the V momentum in P's frame:
 *   H+- = (M+m) A1 -+ 2 M k V/(M+m),  H0 = [(M^2-m^2-q^2)(M+m) A1 - 4 M^2 k^2 A2/(M+m)]/(2 m sqrt(q^2)),
 *   Ht = 2 M k A0/sqrt(q^2),
 *   dGamma/dq^2 = G_F^2 |V|^2 k q^2/(96 pi^3 M^2) lambda^(1/2)(q^2, m_l^2, m_N^2)/q^2
 *     { (H+^2 + H-^2 + H0^2)[1 - s/(2q^2) - d/(2q^4)] + 3 Ht^2 [s/(2q^2) - d/(2q^4)] },
 * s = m_l^2 + m_N^2, d = (m_l^2 - m_N^2)^2.
 */
function semileptonicVectorDensity(ch: ChannelCommon, ff: VectorFormFactors, ml: number, mN: number, q2: number): number {
  const M = ch.parent.mass;
  const m = ch.daughter.mass;
  const [V, A0, A1, A2] = vectorFormFactorsAt(ff, q2);
  const k = twoBodyMomentum(M, m, Math.sqrt(q2)); // the V momentum in P's frame
  const Hplus = (M + m) * A1 - (2 * M * k * V) / (M + m);
  const Hminus = (M + m) * A1 + (2 * M * k * V) / (M + m);
  const H0 = ((M * M - m * m - q2) * (M + m) * A1 - (4 * M * M * k * k * A2) / (M + m)) / (2 * m * Math.sqrt(q2));
  const Ht = (2 * M * k * A0) / Math.sqrt(q2);
  const s = ml * ml + mN * mN;
  const d = (ml * ml - mN * mN) ** 2;
  const pair = Math.sqrt(Math.max(0, kallen(q2, ml * ml, mN * mN))) / q2;
  const braces = (Hplus ** 2 + Hminus ** 2 + H0 ** 2) * (1 - s / (2 * q2) - d / (2 * q2 * q2)) + 3 * Ht ** 2 * (s / (2 * q2) - d / (2 * q2 * q2));
  return ((G_F ** 2 * ch.ckm ** 2 * k * q2) / (96 * Math.PI ** 3 * M * M)) * pair * braces;
}

/** BR(P -> H l_alpha+ N) for the mixing U. */
export function brSemileptonicToHnl(ch: SemileptonicChannel, flavour: Flavour, mN: number, U: Mixing): number {
  return widthSemileptonicToHnl(ch, LEPTON_OF[flavour], mN, U[flavour]) / widthFromLifetime(ch.parent.lifetime);
}

/**
 * |M|^2 of P -> H l+ N over U_alpha^2 at the Dalitz point s12 = (p_N + p_H)^2, s23 = (p_H + p_l)^2
 * (times the isospin factor): spin-summed for h = 0, for N of helicity h = +-1 (in P's frame) else.
 * N enters only the V-A lepton tensor of ubar_N gamma (1 - g5) v_l, where the projector
 * u ubar = (pslash + m)(1 + g5 sslash)/2 leaves (pslash - m sslash)/2: so the polarised |M|^2 is
 * the spin-summed one, linear in p_N, at (p_N - h m_N s_N)/2 (s_N the helicity +1 spin vector),
 * and the two helicities sum to it.
 */
export function semileptonicMatrixElement(ch: SemileptonicChannel, ml: number, mN: number, s12: number, s23: number, h: -1 | 0 | 1 = 0): number {
  return semileptonicMatrixElements(ch, ml, mN, s12, s23, [h])[0];
}

/** semileptonicMatrixElement for several helicities at one Dalitz point, the hadronic current computed once. */
export function semileptonicMatrixElements(ch: SemileptonicChannel, ml: number, mN: number, s12: number, s23: number, hs: readonly (-1 | 0 | 1)[]): number[] {
  const point = dalitzPoint(ch, ml, mN, s12, s23);
  const [En, kN] = [point.pN[0], Math.hypot(point.pN[1], point.pN[2], point.pN[3])];
  const n = kN > 0 ? [point.pN[1] / kN, point.pN[2] / kN, point.pN[3] / kN] : [0, 0, 1];
  // (p_N - h m_N s_N)/2 with m_N s_N = (k, E n), n N's direction; p_N itself for h = 0.
  const seen = hs.map((h): V4 => (h === 0 ? point.pN : [0.5 * (En - h * kN), 0.5 * (point.pN[1] - h * En * n[0]), 0.5 * (point.pN[2] - h * En * n[1]), 0.5 * (point.pN[3] - h * En * n[2])]));
  const values = ch.kind === 'pseudoscalar' ? pseudoscalarMatrixElement(ch, ch.formFactors, point, seen) : vectorMatrixElement(ch, ch.formFactors, point, seen);
  return values.map((v) => ch.isospinFactor * v);
}

/** Momenta (E, px, py, pz) in P's rest frame at a Dalitz point: H along z, N in the x-z plane. */
interface DalitzPoint {
  q2: number;
  p: V4;
  k: V4;
  pN: V4;
  pl: V4;
}

function dalitzPoint(ch: ChannelCommon, ml: number, mN: number, s12: number, s23: number): DalitzPoint {
  const M = ch.parent.mass;
  const m = ch.daughter.mass;
  const q2 = M * M + m * m + mN * mN + ml * ml - s12 - s23;
  const EV = (M * M + m * m - q2) / (2 * M);
  const kV = Math.sqrt(Math.max(0, EV * EV - m * m));
  const EN = (M * M + mN * mN - s23) / (2 * M);
  const kN = Math.sqrt(Math.max(0, EN * EN - mN * mN));
  const cos = kN * kV > 0 ? Math.min(1, Math.max(-1, (EN * EV - 0.5 * (s12 - mN * mN - m * m)) / (kN * kV))) : 1;
  const sin = Math.sqrt(1 - cos * cos);
  return { q2, p: [M, 0, 0, 0], k: [EV, 0, 0, kV], pN: [EN, kN * sin, 0, kN * cos], pl: [M - EV - EN, -kN * sin, 0, -kV - kN * cos] };
}

/**
 * P -> P' l+ N: with the hadronic current H = f+ (p_P + p_P') + f- q, q = p_P - p_P',
 * f- = (f0 - f+)(m_P^2 - m_P'^2)/q^2, and the V-A lepton tensor of ubar_N gamma (1 - g5) v_l
 * (its mass terms vanish between the two projectors),
 *   |M|^2 = 4 G_F^2 |V|^2 [2 (H.p_N)(H.p_l) - H^2 (p_N.p_l)].
 */
function pseudoscalarMatrixElement(ch: ChannelCommon, ff: PseudoscalarFormFactors, { q2, p, k, pl }: DalitzPoint, seen: readonly V4[]): number[] {
  const M2 = ch.parent.mass ** 2;
  const mk2 = ch.daughter.mass ** 2;
  const [fPlus, fZero] = pseudoscalarFormFactorsAt(ff, ch.parent.mass, ch.daughter.mass, q2);
  const fMinus = ((fZero - fPlus) * (M2 - mk2)) / q2;
  const H = [0, 1, 2, 3].map((mu) => fPlus * (p[mu] + k[mu]) + fMinus * (p[mu] - k[mu])) as V4;
  const [Hl, HH] = [mdot(H, pl), mdot(H, H)];
  return seen.map((pN) => 4 * G_F ** 2 * ch.ckm ** 2 * (2 * mdot(H, pN) * Hl - HH * mdot(pN, pl)));
}

/**
 * X_mu = epsilon_{mu nu rho sigma} b^nu c^rho d^sigma (lower index, epsilon_{0123} = +1, (E, px, py, pz)
 * vectors), by the 2x2 minors of c and d: the cofactors of the first row of the determinant of (., b, c, d).
 */
function epsilonLower(b: V4, c: V4, d: V4): V4 {
  const m01 = c[0] * d[1] - c[1] * d[0];
  const m02 = c[0] * d[2] - c[2] * d[0];
  const m03 = c[0] * d[3] - c[3] * d[0];
  const m12 = c[1] * d[2] - c[2] * d[1];
  const m13 = c[1] * d[3] - c[3] * d[1];
  const m23 = c[2] * d[3] - c[3] * d[2];
  return [b[1] * m23 - b[2] * m13 + b[3] * m12, -(b[0] * m23 - b[2] * m03 + b[3] * m02), b[0] * m13 - b[1] * m03 + b[3] * m01, -(b[0] * m12 - b[1] * m02 + b[2] * m01)];
}

/**
 * The hadronic current <V(k, e)| V^mu - A^mu |P(p)> = Hv^mu + i Ha^mu for a real polarisation
 * vector e (the form factors of Wirbel, Stech, Bauer, Z. Phys. C 29 (1985) 637, as 1805.08567 uses them):
 *   Hv^mu = -cp (2V/(M+m)) g^{mu mu} eps_{mu nu rho sigma} e^nu p^rho k^sigma  (eps_{0123} = +1),
 *   Ha^mu = -[(M+m) A1 e^mu - A2/(M+m) (e.q)(p+k)^mu - 2m (A3 - A0)(e.q) q^mu/q^2],
 * A3 = [(M+m) A1 - (M-m) A2]/(2m). The sign of Hv against Ha decides how l+ and N share the
 * energy: cp = +1 for a decaying antiquark (b-bar -> c-bar l+ N, the CP mirror of
 * b -> c l- nubar, whose charged lepton is the harder, as the electron in muon decay; it gives
 * HNLCalc's double-differential width), cp = -1 for a decaying quark (c -> s l+ N: the l+ is
 * the softer); test/physics.hnlSemileptonicVector.test.ts holds both.
 */
export function vectorHadronicCurrent(M: number, m: number, ff: readonly [number, number, number, number], p: V4, k: V4, e: V4, cp: 1 | -1): [V4, V4] {
  const [V, A0, A1, A2] = ff;
  const q: V4 = [p[0] - k[0], p[1] - k[1], p[2] - k[2], p[3] - k[3]];
  const q2 = mdot(q, q);
  const eq = mdot(e, q);
  const A3 = ((M + m) * A1 - (M - m) * A2) / (2 * m);
  const cV = (cp * 2 * V) / (M + m);
  // Hv^mu = -cV g^{mu mu} X_mu, X_mu = eps_{mu nu rho sigma} e^nu p^rho k^sigma.
  const X = epsilonLower(e, p, k);
  const Hv: V4 = [-cV * X[0], cV * X[1], cV * X[2], cV * X[3]];
  const cA = (2 * m * (A3 - A0) * eq) / q2;
  const cP = (A2 / (M + m)) * eq;
  const axial = (mu: number) => -((M + m) * A1 * e[mu] - cP * (p[mu] + k[mu]) - cA * q[mu]);
  return [Hv, [axial(0), axial(1), axial(2), axial(3)]];
}

/**
 * P -> V l+ N: the hadronic current of vectorHadronicCurrent for three real polarisation
 * vectors of V, each contracted with the V-A lepton tensor of ubar_N gamma_mu (1 - g5) v_l,
 *   L^{mu nu} = 8 [p_N^mu p_l^nu + p_N^nu p_l^mu - g^{mu nu} p_N.p_l] - 2 Tr[g5 pslash_N g^mu pslash_l g^nu],
 * which for H = Hv + i Ha gives
 *   |M|^2 = 4 G_F^2 |V|^2 sum_e [2 (a c + b d) - (Hv^2 + Ha^2)(p_N.p_l) - 2 levi(p_N, Hv, p_l, Ha)],
 * a = p_N.Hv, b = p_N.Ha, c = p_l.Hv, d = p_l.Ha (Tr[g5 a b c d] = 4i levi(a, b, c, d) for
 * g5 = i g0 g1 g2 g3; the tests check the whole against explicit Dirac matrices).
 */
function vectorMatrixElement(ch: ChannelCommon, ff: VectorFormFactors, { q2, p, k, pl }: DalitzPoint, seen: readonly V4[]): number[] {
  const cp = ch.decaying === 'antiquark' ? 1 : -1;
  const M = ch.parent.mass;
  const m = ch.daughter.mass;
  const [EV, kV] = [k[0], k[3]];
  const formFactors = vectorFormFactorsAt(ff, q2);
  const polarisations: V4[] = [[0, 1, 0, 0], [0, 0, 1, 0], [kV / m, 0, 0, EV / m]];
  const sums = seen.map(() => 0);
  for (const e of polarisations) {
    const [Hv, Ha] = vectorHadronicCurrent(M, m, formFactors, p, k, e, cp);
    const [c, d, H2] = [mdot(pl, Hv), mdot(pl, Ha), mdot(Hv, Hv) + mdot(Ha, Ha)];
    // levi(p_N, Hv, p_l, Ha) = epsilon_{mu nu rho sigma} p_N^mu Hv^nu p_l^rho Ha^sigma = p_N^mu X_mu: linear in p_N like the rest.
    const X = epsilonLower(Hv, pl, Ha);
    seen.forEach((pN, i) => {
      sums[i] += 2 * (mdot(pN, Hv) * c + mdot(pN, Ha) * d) - H2 * mdot(pN, pl) - 2 * (pN[0] * X[0] + pN[1] * X[1] + pN[2] * X[2] + pN[3] * X[3]);
    });
  }
  return sums.map((sum) => 4 * G_F ** 2 * ch.ckm ** 2 * sum);
}

/**
 * The energy spectrum of N in the parent's rest frame for P -> H l+ N: `bins` equal bins
 * of E_N from m_N to its maximum, each holding the partial width in GeV (for U_alpha^2 = U2),
 * from the Dalitz integral of semileptonicMatrixElement: dGamma = |M|^2 ds12 ds23/(256 pi^3 m_P^3),
 * s23 = m_P^2 + m_N^2 - 2 m_P E_N; and per bin the share of N with helicity +1. With the rest
 * integrated out N's spin can only point along its momentum (a spin-0 parent), so its direction is
 * isotropic and the helicity share is all of its polarisation: E_N and h are all an event needs
 * of the decay to place N.
 */
export function semileptonicEnergySpectrum(ch: SemileptonicChannel, lepton: Particle, mN: number, U2: number, bins: number): { eMin: number; eMax: number; widths: number[]; helicityPlus: number[] } {
  const M = ch.parent.mass;
  const mk = ch.daughter.mass;
  const ml = lepton.mass;
  const eMin = mN;
  const eMax = (M * M + mN * mN - (mk + ml) ** 2) / (2 * M);
  if (!(eMax > eMin) || M <= mk + ml + mN) return { eMin, eMax: eMin, widths: new Array(bins).fill(0), helicityPlus: new Array(bins).fill(0.5) };
  const scale = (U2 * 2 * M) / (256 * Math.PI ** 3 * M ** 3);
  // [spin-summed, helicity +1] at E, integrated over s12 = lo + (hi - lo) sin^2(th) (no square-root edge at the ends).
  const inner = (E: number) => {
    const s23 = M * M + mN * mN - 2 * M * E;
    const [lo, hi] = dalitzRange12(M, mN, mk, ml, s23);
    return integrateComponents((th) => semileptonicMatrixElements(ch, ml, mN, lo + (hi - lo) * Math.sin(th) ** 2, s23, [0, 1]).map((v) => v * (hi - lo) * Math.sin(2 * th)), 2, 0, Math.PI / 2, 2);
  };
  const step = (eMax - eMin) / bins;
  const widths: number[] = [];
  const helicityPlus: number[] = [];
  for (let k = 0; k < bins; k++) {
    const [all, plus] = integrateComponents(inner, 2, eMin + k * step, eMin + (k + 1) * step, 1);
    widths.push(scale * all);
    helicityPlus.push(all > 0 ? Math.min(1, Math.max(0, plus / all)) : 0.5);
  }
  return { eMin, eMax, widths, helicityPlus };
}
