/**
 * HNL decay widths (PHYSICS.md section 1.2).
 * Source: Bondarenko, Boyarsky, Gorbunov, Ruchayskiy, arXiv:1805.08567, section 4
 * (eqs. 4.2-4.10 and appendix C for the three-body integrals I and f1, f2); above 1 GeV the
 * quark-level hadronic widths (N -> l u dbar, nu q qbar with N_c = 3) with the QCD correction of section 4.3,
 * combined with the exclusive channels as FairShip python/hnl.py (by the paper's first
 * author) and HNLCalc/SIREN do.
 * Units: masses, decay constants and widths in GeV.
 *
 * Every formula here is the width of ONE charge state (N -> l- P+, not its conjugate).
 * Majorana convention (fipgen's, explicit and tested): a Majorana N also decays to the
 * charge-conjugate final state with the same width, so its total width is
 * MAJORANA_WIDTH_FACTOR times the sum below; a Dirac N (produced with lepton number +1 in
 * P+ -> l+ N) decays to the states listed. Branching ratios are the same for both.
 */
import { ALPHA_S_MTAU, ALPHA_S_NF, CKM, DECAY_CONSTANT_GEV, G_F, HBARC_GEV_M, QUARK_MASS_GEV, SIN2_THETA_W_MZ } from '../constants.js';
import { integrate } from '../integrate.js';
import { kallen } from '../kinematics.js';
import { PARTICLES, type Particle } from '../particles.js';
import { FLAVOURS, type Flavour, type Mixing, totalU2 } from './mixing.js';
import { LEPTON_OF } from './production.js';

/** Total width of a Majorana N relative to the sum of single-charge-state widths. */
export const MAJORANA_WIDTH_FACTOR = 2;

/** Neutral-current couplings use sin^2(theta_W) at M_Z, as 1805.08567 does. */
const S2W = SIN2_THETA_W_MZ;

export interface HnlDecayChannel {
  /** Final state of one charge state, the key of `fipgen calc hnl` (e.g. "pi+ mu-"). */
  readonly label: string;
  /** Single-charge-state width in GeV at HNL mass M (GeV) and mixing U. */
  readonly width: (M: number, U: Mixing) => number;
  /** For an exclusive hadronic channel, its current: the lepton flavour of a charged one, 'nu' for neutral. */
  readonly hadronic?: Flavour | 'nu';
}

const flavourLabel: Record<Flavour, string> = { e: 'e', mu: 'mu', tau: 'tau' };
const GF2 = G_F * G_F;

/** N -> l_a^- P^+ (eq. 4.2): G_F^2 f_P^2 V^2 U_a^2 M^3/(16 pi) [(1-x_l^2)^2 - x_P^2(1+x_l^2)] sqrt(lambda(1,x_P^2,x_l^2)). */
export function widthChargedPseudoscalar(M: number, lepton: Particle, meson: Particle, f: number, ckm: number, Ua2: number): number {
  if (M <= lepton.mass + meson.mass) return 0;
  const xl2 = (lepton.mass / M) ** 2;
  const xP2 = (meson.mass / M) ** 2;
  const shape = ((1 - xl2) ** 2 - xP2 * (1 + xl2)) * Math.sqrt(kallen(1, xP2, xl2));
  return ((GF2 * f * f * ckm * ckm * Ua2 * M ** 3) / (16 * Math.PI)) * shape;
}

/** N -> nu_a P^0 (eq. 4.3), summed over a: G_F^2 f_P^2 U^2 M^3/(32 pi) (1 - x_P^2)^2. */
export function widthNeutralPseudoscalar(M: number, meson: Particle, f: number, U2: number): number {
  if (M <= meson.mass) return 0;
  const xP2 = (meson.mass / M) ** 2;
  return ((GF2 * f * f * U2 * M ** 3) / (32 * Math.PI)) * (1 - xP2) ** 2;
}

/** N -> l_a^- V^+ (eq. 4.4): G_F^2 f_V^2 V^2 U_a^2 M^3/(16 pi) [(1-x_l^2)^2 + x_V^2(1+x_l^2) - 2 x_V^4] sqrt(lambda). */
export function widthChargedVector(M: number, lepton: Particle, meson: Particle, f: number, ckm: number, Ua2: number): number {
  if (M <= lepton.mass + meson.mass) return 0;
  const xl2 = (lepton.mass / M) ** 2;
  const xV2 = (meson.mass / M) ** 2;
  const shape = ((1 - xl2) ** 2 + xV2 * (1 + xl2) - 2 * xV2 * xV2) * Math.sqrt(kallen(1, xV2, xl2));
  return ((GF2 * f * f * ckm * ckm * Ua2 * M ** 3) / (16 * Math.PI)) * shape;
}

/** N -> nu_a V^0 (eq. 4.5), summed over a: G_F^2 kappa^2 f_V^2 U^2 M^3/(32 pi) (1 + 2x_V^2)(1 - x_V^2)^2. */
export function widthNeutralVector(M: number, meson: Particle, f: number, kappa: number, U2: number): number {
  if (M <= meson.mass) return 0;
  const xV2 = (meson.mass / M) ** 2;
  return ((GF2 * kappa * kappa * f * f * U2 * M ** 3) / (32 * Math.PI)) * (1 + 2 * xV2) * (1 - xV2) ** 2;
}

/** G_F^2 M^5/(192 pi^3): the muon-decay-like normalisation of the three-body widths. */
function threeBodyScale(M: number): number {
  return (GF2 * M ** 5) / (192 * Math.PI ** 3);
}

/** Closed form of I(x, 0, 0) = 1 - 8x^2 + 8x^6 - x^8 - 24 x^4 ln x (1805.08567 eq. C.10). */
export function threeBodyIntegralIOneMassive(x: number): number {
  if (x >= 1) return 0;
  if (x === 0) return 1;
  const x2 = x * x;
  return 1 - 8 * x2 + 8 * x2 ** 3 - x2 ** 4 - 24 * x2 * x2 * Math.log(x);
}

/** f1(x) of N -> nu l+ l- (1805.08567 eq. 4.9 ff.), x = m_l/M; 0 above threshold. */
export function dileptonF1(x: number): number {
  if (x >= 0.5) return 0;
  const x2 = x * x;
  const r = Math.sqrt(1 - 4 * x2);
  return (1 - 14 * x2 - 2 * x2 ** 2 - 12 * x2 ** 3) * r + 12 * x2 ** 2 * (x2 ** 2 - 1) * dileptonLog(x2, r);
}

/** f2(x) of N -> nu l+ l-; 0 above threshold. */
export function dileptonF2(x: number): number {
  if (x >= 0.5) return 0;
  const x2 = x * x;
  const r = Math.sqrt(1 - 4 * x2);
  return x2 * (2 + 10 * x2 - 12 * x2 ** 2) * r + 6 * x2 ** 2 * (1 - 2 * x2 + 2 * x2 ** 2) * dileptonLog(x2, r);
}

/**
 * L = ln{[1 - 3x^2 - (1 - x^2) sqrt(1-4x^2)] / [x^2 (1 + sqrt(1-4x^2))]}. The numerator is a
 * difference of nearly equal numbers for light leptons; rationalised it is
 * 4x^6 / [1 - 3x^2 + (1 - x^2) sqrt(1-4x^2)], so L = ln{4x^4 / [(1 - 3x^2 + (1-x^2) r)(1 + r)]}.
 */
function dileptonLog(x2: number, r: number): number {
  return Math.log((4 * x2 * x2) / ((1 - 3 * x2 + (1 - x2) * r) * (1 + r)));
}

/**
 * Chiral couplings of a fermion pair f fbar made by the Z in N -> nu f fbar: g_L = T3 - Q s_W^2,
 * g_R = -Q s_W^2. 1805.08567's coefficients are C1 = g_L^2 + g_R^2 and C2 = g_L g_R (eq. 4.8 for
 * leptons: C1 = (1 -+ 4 s^2 + 8 s^4)/4, C2 = s^2 (2 s^2 -+ 1)/2; the up/down quark forms of
 * widthQuarkNeutral). For N -> nu_a l_a l_a the W exchange adds +1 to g_L (Fierz).
 */
function zCouplings(T3: number, Q: number): { gL: number; gR: number } {
  return { gL: T3 - Q * S2W, gR: -Q * S2W };
}

/** g_L, g_R of the charged lepton l_b in N -> nu_a l_b^- l_b^+ (W exchange when a == b). */
export function dileptonCouplings(a: Flavour, b: Flavour): { gL: number; gR: number } {
  const z = zCouplings(-0.5, -1);
  return { gL: z.gL + (a === b ? 1 : 0), gR: z.gR };
}

/** C1 f1(x) + 4 C2 f2(x) with C1 = g_L^2 + g_R^2, C2 = g_L g_R (1805.08567 eq. 4.8). */
function neutralCurrentShape(g: { gL: number; gR: number }, x: number): number {
  return (g.gL * g.gL + g.gR * g.gR) * dileptonF1(x) + 4 * g.gL * g.gR * dileptonF2(x);
}

/** N -> nu_a l_b^- l_b^+ (eq. 4.8): G_F^2 M^5 U_a^2/(192 pi^3) [C1 f1 + 4 C2 f2], W-Z interference when a == b. */
export function widthNeutrinoDilepton(M: number, a: Flavour, b: Flavour, Ua2: number): number {
  return threeBodyScale(M) * Ua2 * neutralCurrentShape(dileptonCouplings(a, b), LEPTON_OF[b].mass / M);
}

/** N -> l_a^- l_b^+ nu_b, a != b (eq. 4.7, charged current only): G_F^2 M^5 U_a^2/(192 pi^3) I(x_a, x_b, 0). */
export function widthChargedLeptonPair(M: number, a: Flavour, b: Flavour, Ua2: number): number {
  return threeBodyScale(M) * Ua2 * threeBodyIntegralI3(0, LEPTON_OF[a].mass / M, LEPTON_OF[b].mass / M);
}

/** N -> nu_a nu nubar summed over the flavours of the pair (eq. 4.6): G_F^2 M^5 U^2/(192 pi^3). */
export function widthInvisible(M: number, U2: number): number {
  return threeBodyScale(M) * U2;
}

const KAPPA = {
  rho: 1 - 2 * S2W,
  omega: (2 / 3) * S2W,
  phi: Math.SQRT2 * (0.5 - (2 / 3) * S2W),
};

function chargedMesonChannels(): HnlDecayChannel[] {
  const mesons: [Particle, number, number, typeof widthChargedPseudoscalar][] = [
    [PARTICLES.pi, DECAY_CONSTANT_GEV.pi, CKM.ud, widthChargedPseudoscalar],
    [PARTICLES.K, DECAY_CONSTANT_GEV.K, CKM.us, widthChargedPseudoscalar],
    [PARTICLES.D, DECAY_CONSTANT_GEV.D, CKM.cd, widthChargedPseudoscalar],
    [PARTICLES.Ds, DECAY_CONSTANT_GEV.Ds, CKM.cs, widthChargedPseudoscalar],
    [PARTICLES.rho, DECAY_CONSTANT_GEV.rho, CKM.ud, widthChargedVector],
    [PARTICLES.Kstar, DECAY_CONSTANT_GEV.Kstar, CKM.us, widthChargedVector],
    [PARTICLES.DsStar, DECAY_CONSTANT_GEV.DsStar, CKM.cs, widthChargedVector],
  ];
  return mesons.flatMap(([meson, f, ckm, formula]) =>
    FLAVOURS.map((a) => ({
      label: `${meson.name} ${flavourLabel[a]}-`,
      width: (M: number, U: Mixing) => formula(M, LEPTON_OF[a], meson, f, ckm, U[a]),
      hadronic: a,
    })),
  );
}

/** Every exclusive decay channel, one charge state each, in a fixed order. */
export const HNL_DECAY_CHANNELS: readonly HnlDecayChannel[] = [
  { label: 'nu nu nu', width: (M, U) => widthInvisible(M, totalU2(U)) },
  ...FLAVOURS.flatMap((a) =>
    FLAVOURS.filter((b) => b !== a).map((b) => ({
      label: `${flavourLabel[a]}- ${flavourLabel[b]}+ nu`,
      width: (M: number, U: Mixing) => widthChargedLeptonPair(M, a, b, U[a]),
    })),
  ),
  ...FLAVOURS.map((b) => ({
    label: `${flavourLabel[b]}+ ${flavourLabel[b]}- nu`,
    width: (M: number, U: Mixing) => FLAVOURS.reduce((sum, a) => sum + widthNeutrinoDilepton(M, a, b, U[a]), 0),
  })),
  ...chargedMesonChannels(),
  { label: 'pi0 nu', width: (M, U) => widthNeutralPseudoscalar(M, PARTICLES.pi0, DECAY_CONSTANT_GEV.pi, totalU2(U)), hadronic: 'nu' },
  { label: 'eta nu', width: (M, U) => widthNeutralPseudoscalar(M, PARTICLES.eta, DECAY_CONSTANT_GEV.eta, totalU2(U)), hadronic: 'nu' },
  { label: "eta' nu", width: (M, U) => widthNeutralPseudoscalar(M, PARTICLES.etaPrime, DECAY_CONSTANT_GEV.etaPrime, totalU2(U)), hadronic: 'nu' },
  { label: 'rho0 nu', width: (M, U) => widthNeutralVector(M, PARTICLES.rho0, DECAY_CONSTANT_GEV.rho, KAPPA.rho, totalU2(U)), hadronic: 'nu' },
  { label: 'omega nu', width: (M, U) => widthNeutralVector(M, PARTICLES.omega, DECAY_CONSTANT_GEV.omega, KAPPA.omega, totalU2(U)), hadronic: 'nu' },
  { label: 'phi nu', width: (M, U) => widthNeutralVector(M, PARTICLES.phi, DECAY_CONSTANT_GEV.phi, KAPPA.phi, totalU2(U)), hadronic: 'nu' },
];

/**
 * I(x_u, x_d, x_l) = 12 Int_{(x_d+x_l)^2}^{(1-x_u)^2} dx/x (x - x_l^2 - x_d^2)(1 + x_u^2 - x)
 *   lambda^{1/2}(x, x_l^2, x_d^2) lambda^{1/2}(1, x, x_u^2)   (1805.08567 appendix C; FairShip hnl.py I(xl, xu, xd) integrates the same);
 * I(0, x1, x2) = I(x1, x2, 0) of the leptonic widths (eq. C.9 with one massless neutrino), I(0, 0, 0) = 1.
 */
export function threeBodyIntegralI3(xu: number, xd: number, xl: number): number {
  const lo = (xd + xl) ** 2;
  const hi = (1 - xu) ** 2;
  if (xu + xd + xl >= 1) return 0;
  const [u2, d2, l2] = [xu * xu, xd * xd, xl * xl];
  // x = lo + (hi - lo) sin^2(theta) removes the square-root edges at both ends.
  const span = hi - lo;
  const integrand = (theta: number) => {
    const x = lo + span * Math.sin(theta) ** 2;
    const f = ((x - l2 - d2) * (1 + u2 - x) * Math.sqrt(Math.max(0, kallen(x, l2, d2)) * Math.max(0, kallen(1, x, u2)))) / x;
    return f * span * Math.sin(2 * theta);
  };
  return 12 * integrate(integrand, 0, Math.PI / 2, 64);
}

/** One-loop alpha_s(mu), n_f = 3, from alpha_s(m_tau): 1/alpha_s(mu) = 1/alpha_s(m_tau) + b0/(4 pi) ln(mu^2/m_tau^2). */
export function alphaS(mu: number): number {
  const b0 = 11 - (2 / 3) * ALPHA_S_NF;
  return 1 / (1 / ALPHA_S_MTAU + (b0 / (4 * Math.PI)) * Math.log((mu / PARTICLES.tau.mass) ** 2));
}

/**
 * Delta_QCD = a + 5.2 a^2 + 26.4 a^3, a = alpha_s(M)/pi (1805.08567 section 4.3, the
 * tau hadronic-width series; FairShip hnl.py QCD_correction). Our one-loop alpha_s(1, 3, 5 GeV) = 0.457, 0.266, 0.223 lies 5-7% above FairShip's
 * table (0.430, 0.252, 0.212), i.e. Delta_QCD differs by < 10% of itself, < 3.5% of the width.
 */
export function qcdCorrection(M: number): number {
  const a = alphaS(M) / Math.PI;
  return a + 5.2 * a * a + 26.4 * a ** 3;
}

export type Quark = keyof typeof QUARK_MASS_GEV;
/** CKM pairs (u_i, d_j) open to an HNL (no top). */
export const QUARK_PAIRS: readonly [Quark, Quark, number][] = [
  ['u', 'd', CKM.ud], ['u', 's', CKM.us], ['u', 'b', CKM.ub],
  ['c', 'd', CKM.cd], ['c', 's', CKM.cs], ['c', 'b', CKM.cb],
];
const N_COLOURS = 3;

/** N -> l_a^- u_i dbar_j at quark level (1805.08567; FairShip hnl.py Width_l_u_d): 3 |V_ij|^2 G_F^2 M^5 U_a^2/(192 pi^3) I(x_u, x_d, x_l), no QCD correction. */
export function widthQuarkCharged(M: number, a: Flavour, up: Quark, down: Quark, ckm: number, Ua2: number): number {
  const x = (m: number) => m / M;
  return N_COLOURS * ckm * ckm * threeBodyScale(M) * Ua2 * threeBodyIntegralI3(x(QUARK_MASS_GEV[up]), x(QUARK_MASS_GEV[down]), x(LEPTON_OF[a].mass));
}

/**
 * N -> nu q qbar summed over neutrino flavours (1805.08567; FairShip hnl.py
 * Width_nu_f_fbar with quarks): 3 G_F^2 M^5 U^2/(192 pi^3)
 * [C1 f1(x_q) + 4 C2 f2(x_q)], no QCD correction. Couplings from the Z charges of q (zCouplings):
 * up-type C1 = (1 - 8/3 s^2 + 32/9 s^4)/4, C2 = s^2 (4/3 s^2 - 1)/3;
 * down-type C1 = (1 - 4/3 s^2 + 8/9 s^4)/4, C2 = s^2 (2/3 s^2 - 1)/6.
 */
export function widthQuarkNeutral(M: number, q: Quark, U2: number): number {
  const g = quarkZCouplings(q);
  return N_COLOURS * threeBodyScale(M) * U2 * neutralCurrentShape(g, QUARK_MASS_GEV[q] / M);
}

/** g_L, g_R of quark q in N -> nu q qbar (zCouplings with its T3 and charge). */
export function quarkZCouplings(q: Quark): { gL: number; gR: number } {
  return q === 'u' || q === 'c' ? zCouplings(0.5, 2 / 3) : zCouplings(-0.5, -1 / 3);
}

/** Above this mass (GeV) exclusive hadronic channels undercount (1805.08567 section 4.3). */
export const EXCLUSIVE_REGIME_MAX_GEV = 1;

/**
 * Quark-level hadronic width x (1 + Delta_QCD) of each current: the charged one of lepton
 * flavour a (summed over CKM pairs), and the neutral one ('nu', summed over q and neutrinos).
 * Zero below EXCLUSIVE_REGIME_MAX_GEV, where the exclusive channels describe the hadrons.
 */
function quarkLevelHadronicWidths(M: number, U: Mixing): Record<Flavour | 'nu', number> {
  const out = { e: 0, mu: 0, tau: 0, nu: 0 };
  if (M < EXCLUSIVE_REGIME_MAX_GEV) return out; // as FairShip hnl.py: quarks from M = 1 GeV on
  const k = 1 + qcdCorrection(M);
  for (const a of FLAVOURS) out[a] = k * QUARK_PAIRS.reduce((s, [u, d, v]) => s + widthQuarkCharged(M, a, u, d, v, U[a]), 0);
  out.nu = k * (Object.keys(QUARK_MASS_GEV) as Quark[]).reduce((s, q) => s + widthQuarkNeutral(M, q, totalU2(U)), 0);
  return out;
}

export interface HnlDecayTable {
  /** Total width in GeV (Majorana factor applied when majorana). */
  readonly totalWidth: number;
  /** Proper decay length c*tau in metres. */
  readonly ctau: number;
  /**
   * Branching ratio of each channel with a non-zero width, keyed by label; above 1 GeV also
   * "e- hadrons", "mu- hadrons", "tau- hadrons", "nu hadrons": the multi-hadron remainder.
   */
  readonly branchingRatios: Readonly<Record<string, number>>;
  /** 'quark-level' when a multi-hadron remainder is positive, else 'exclusive'. */
  readonly regime: 'exclusive' | 'quark-level';
}

/**
 * Per current (charged of lepton flavour a, neutral 'nu'): the exclusive channels' hadronic
 * width and the quark-level one times 1 + Delta_QCD (zero below EXCLUSIVE_REGIME_MAX_GEV), GeV.
 */
export function hadronicWidths(M: number, U: Mixing): Record<Flavour | 'nu', { exclusive: number; quarkLevel: number }> {
  const quark = quarkLevelHadronicWidths(M, U);
  const out = Object.fromEntries((['e', 'mu', 'tau', 'nu'] as const).map((c) => [c, { exclusive: 0, quarkLevel: quark[c] }])) as Record<Flavour | 'nu', { exclusive: number; quarkLevel: number }>;
  for (const ch of HNL_DECAY_CHANNELS) if (ch.hadronic) out[ch.hadronic].exclusive += ch.width(M, U);
  return out;
}

/**
 * Widths, c*tau and branching ratios of an HNL of mass M (GeV) with mixing U.
 * Per current (charged of each lepton flavour, neutral) the hadronic width is
 * max(exclusive, quark level x (1 + Delta_QCD)): FairShip's hnl.py takes this max (over all
 * hadrons together), HNLCalc/SIREN add the multi-hadron remainder quark level - exclusive,
 * clipped at 0; that remainder is the "... hadrons" entry here.
 */
export function hnlDecayTable(M: number, U: Mixing, majorana: boolean): HnlDecayTable {
  const widths: [string, number][] = HNL_DECAY_CHANNELS.map((ch) => [ch.label, ch.width(M, U)]);
  const hadronic = hadronicWidths(M, U);
  let regime: HnlDecayTable['regime'] = 'exclusive';
  for (const c of [...FLAVOURS, 'nu'] as const) {
    const rest = hadronic[c].quarkLevel - hadronic[c].exclusive;
    if (rest > 0) {
      widths.push([c === 'nu' ? 'nu hadrons' : `${flavourLabel[c]}- hadrons`, rest]);
      regime = 'quark-level';
    }
  }
  const sum = widths.reduce((s, [, w]) => s + w, 0);
  const totalWidth = sum * (majorana ? MAJORANA_WIDTH_FACTOR : 1);
  const branchingRatios: Record<string, number> = {};
  for (const [label, w] of widths) if (w > 0) branchingRatios[label] = w / sum;
  return { totalWidth, ctau: HBARC_GEV_M / totalWidth, branchingRatios, regime };
}
