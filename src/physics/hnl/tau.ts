/**
 * HNLs from tau leptons (PHYSICS.md section 1.1): D+ and Ds+ -> tau+ nu, then
 *   tau+ -> pi+ Nbar and tau+ -> rho+ Nbar (U_tau; 1805.08567 section 3, PHYSICS.md 1.1 for the
 *     pion: the widths of N -> l P and N -> l V of decay.ts with the roles of N and the tau
 *     exchanged, valid because the spin-summed |M|^2 is symmetric in them),
 *   tau+ -> l+ nu N (N from the W's lepton line: U_l) and tau+ -> l+ nu Nbar (N from the tau
 *     line: U_tau), three-body, with N's energy spectrum in the tau frame.
 * Labels name the chain of the tau+ (so N or Nbar). The tau's polarisation is followed in the dump
 * sampler through N's direction and its whole spin, along and across its flight
 * (tauTwoBodySpinCorrelation in polarisation.ts, tauLeptonicSpinCorrelation here).
 */
import { CKM, DECAY_CONSTANT_GEV, G_F } from '../constants.js';
import { integrate } from '../integrate.js';
import { PARTICLES, type Particle, widthFromLifetime } from '../particles.js';
import { widthChargedPseudoscalar, widthChargedVector } from './decay.js';
import type { SpinCorrelation } from './polarisation.js';
import type { Flavour, Mixing } from './mixing.js';
import { LEPTON_OF, LEPTONIC_PARENTS, type LeptonicParent, widthLeptonicToHnl } from './production.js';

/** The mesons whose leptonic decay makes the tau. */
export const TAU_PARENTS: readonly LeptonicParent[] = [LEPTONIC_PARENTS.Ds, LEPTONIC_PARENTS.D];

/** BR(P+ -> tau+ nu) at tree level (the HNL production formula at m_N = 0, U = 1). */
export function brToTau(parent: LeptonicParent): number {
  return widthLeptonicToHnl(parent, PARTICLES.tau, 0, 1) / widthFromLifetime(parent.particle.lifetime);
}

export interface TauDecayToHnl {
  /** e.g. "pi+ Nbar", "mu+ nu N". */
  readonly label: string;
  /** The mixing the width is proportional to. */
  readonly flavour: Flavour;
  /** +1: the tau+ chain makes N; -1: Nbar. */
  readonly nSign: 1 | -1;
  /** Two-body: the meson; three-body: the charged lepton. */
  readonly twoBody?: Particle;
  readonly lepton?: Flavour;
}

const N = (mN: number): Particle => ({ name: 'N', pdg: 0, mass: mN, lifetime: Infinity, charge: 0 });

export const TAU_DECAYS_TO_HNL: readonly TauDecayToHnl[] = [
  { label: 'pi+ Nbar', flavour: 'tau', nSign: -1, twoBody: PARTICLES.pi },
  { label: 'rho+ Nbar', flavour: 'tau', nSign: -1, twoBody: PARTICLES.rho },
  { label: 'e+ nu N', flavour: 'e', nSign: 1, lepton: 'e' },
  { label: 'mu+ nu N', flavour: 'mu', nSign: 1, lepton: 'mu' },
  { label: 'e+ nu Nbar', flavour: 'tau', nSign: -1, lepton: 'e' },
  { label: 'mu+ nu Nbar', flavour: 'tau', nSign: -1, lepton: 'mu' },
];

/**
 * Gamma(tau -> P N) or (tau -> V N) in GeV for U_tau^2 = U2: G_F^2 f^2 |V_ud|^2 U^2 m_tau^3/(16 pi) times
 * [(1 - x_N^2)^2 - x_P^2 (1 + x_N^2)] sqrt(lambda) for the pion, [(1 - x_N^2)^2 + x_V^2 (1 + x_N^2) - 2 x_V^4] sqrt(lambda)
 * for the rho (f_rho = g_rho/m_rho = 0.209 GeV; the SM limit gives BR(tau -> rho nu) = 25%, PDG 25.5%).
 */
export function widthTauToMesonHnl(meson: Particle, mN: number, U2: number): number {
  if (meson === PARTICLES.pi) return widthChargedPseudoscalar(PARTICLES.tau.mass, N(mN), meson, DECAY_CONSTANT_GEV.pi, CKM.ud, U2);
  if (meson === PARTICLES.rho) return widthChargedVector(PARTICLES.tau.mass, N(mN), meson, DECAY_CONSTANT_GEV.rho, CKM.ud, U2);
  throw new Error(`no tau -> ${meson.name} N width`);
}

/**
 * dGamma/dE_N of tau -> l nu N in the tau rest frame (GeV^0: width per GeV of E_N) for U2 of the
 * decay's flavour (HNLCalc, github.com/laroccod/HNLCalc HNLCalc.py lines 923 and 929; each
 * integrates to G_F^2 m_tau^5/(192 pi^3) when N and l are massless, and the test holds both
 * against the Dalitz integral of the muon-decay matrix element):
 *   N on the W's lepton line (tau -> nu_tau l N, U_l):
 *     U^2 G_F^2 m^2 E/(2 pi^3) (1 + (m_N^2 - m_l^2)/m^2 - 2E/m)(1 - m_l^2/(m^2 + m_N^2 - 2 E m)) sqrt(E^2 - m_N^2);
 *   N on the tau line (tau -> N l nubar, U_tau), r = m_l^2/(m^2 + m_N^2 - 2 E m):
 *     U^2 G_F^2 m^2/(4 pi^3) (1 - r)^2 sqrt(E^2 - m_N^2) [(m - E)(1 - (m_N^2 + m_l^2)/m^2) - (1 - r)((m - E)^2/m + (E^2 - m_N^2)/(3m))].
 */
export function tauLeptonicEnergyDensity(decay: TauDecayToHnl, mN: number, U2: number, E: number): number {
  const m = PARTICLES.tau.mass;
  const ml = LEPTON_OF[decay.lepton!].mass;
  const p = Math.sqrt(Math.max(0, E * E - mN * mN));
  const s = m * m + mN * mN - 2 * E * m; // (p_l + p_nu)^2
  if (!(s > ml * ml)) return 0;
  if (decay.nSign === 1) {
    return ((U2 * G_F ** 2 * m * m * E) / (2 * Math.PI ** 3)) * (1 + (mN * mN - ml * ml) / (m * m) - (2 * E) / m) * (1 - (ml * ml) / s) * p;
  }
  const r = (ml * ml) / s;
  return ((U2 * G_F ** 2 * m * m) / (4 * Math.PI ** 3)) * (1 - r) ** 2 * p * ((m - E) * (1 - (mN * mN + ml * ml) / (m * m)) - (1 - r) * ((m - E) ** 2 / m + (E * E - mN * mN) / (3 * m)));
}

/** N's energy range in the tau frame for tau -> l nu N: from m_N to (m^2 + m_N^2 - m_l^2)/(2m). */
export function tauLeptonicEnergyRange(decay: TauDecayToHnl, mN: number): [number, number] {
  const m = PARTICLES.tau.mass;
  const ml = LEPTON_OF[decay.lepton!].mass;
  return [mN, (m * m + mN * mN - ml * ml) / (2 * m)];
}

/**
 * N's energy spectrum in the tau frame for tau -> l nu N: `bins` equal bins of E_N, each
 * holding the partial width in GeV (a table the dump sampler draws from, as for mesons).
 */
export function tauLeptonicEnergySpectrum(decay: TauDecayToHnl, mN: number, U2: number, bins: number): { eMin: number; eMax: number; widths: number[] } {
  const [eMin, eMax] = tauLeptonicEnergyRange(decay, mN);
  // (eMax > eMin alone also holds for m_N > m_tau + m_l: (m_tau - m_N)^2 > m_l^2 either way.)
  if (!(eMax > eMin) || mN + LEPTON_OF[decay.lepton!].mass >= PARTICLES.tau.mass) return { eMin, eMax: eMin, widths: new Array(bins).fill(0) };
  const step = (eMax - eMin) / bins;
  const widths = Array.from({ length: bins }, (_, k) => integrate((E) => tauLeptonicEnergyDensity(decay, mN, U2, E), eMin + k * step, eMin + (k + 1) * step, 1));
  return { eMin, eMax, widths };
}

/** Gamma(tau -> X N) in GeV for the mixing U (the decay's flavour). */
function widthTauToHnl(decay: TauDecayToHnl, mN: number, U: Mixing): number {
  const U2 = U[decay.flavour];
  if (!(U2 > 0)) return 0;
  if (decay.twoBody) return widthTauToMesonHnl(decay.twoBody, mN, U2);
  const [eMin, eMax] = tauLeptonicEnergyRange(decay, mN);
  if (!(eMax > eMin) || mN + LEPTON_OF[decay.lepton!].mass >= PARTICLES.tau.mass) return 0;
  return integrate((E) => tauLeptonicEnergyDensity(decay, mN, U2, E), eMin, eMax, 64);
}

/** BR(tau -> X N) for the mixing U. */
export function brTauToHnl(decay: TauDecayToHnl, mN: number, U: Mixing): number {
  return widthTauToHnl(decay, mN, U) / widthFromLifetime(PARTICLES.tau.lifetime);
}

/**
 * Spin correlations of tau -> l nu N at N's energy E (tau frame) for the N chain of the dump
 * sampler: the tau+ of Ds+ -> tau+ nu (helicity -1/2) when N comes from the W's lepton line
 * (tau+ -> nubar_tau l+ N), the tau- of Ds- -> tau- nubar (helicity +1/2) when N comes from the tau
 * line (tau- -> N l- nubar). In both the tau enters the V-A current as P_tau = p_tau +- m_tau s_tau
 * = m_tau (1, -t), t the tau's flight direction (meson frame), and N of helicity h as
 * P_N = p_N - h m_N s_N = (E - h k)(1, -h n) (n N's direction). The muon-decay |M|^2 is then
 *   W line:   (P_tau.P_N)(p_l.p_nubar),
 *   tau line: (P_tau.p_nubar)(P_N.p_l),
 * and integrating l and nubar over their two-body phase space at fixed Q = p_tau - p_N
 * (Int p_nu^mu p_l^nu = [(q^2 - m_l^2) g^{mu nu} q^2 + (2 q^2 + 4 m_l^2) Q^mu Q^nu] (q^2 - m_l^2)/(12 q^4) x Phi_2)
 * leaves, with c = cos(N, t):
 *   W line:   rate(h, c) ~ (E - h k)(1 - h c),
 *   tau line: rate(h, c) ~ (E - h k)[(q^2 - m_l^2) q^2 (1 - h c) + (2 q^2 + 4 m_l^2)(m_tau - E - k c)(m_tau - E - h k)].
 * Summed over h and c they are tauLeptonicEnergyDensity's spectra (the test holds them to it and
 * to explicit Dirac traces). N's spin across its flight, s = (0, e), e = (t - c n)/sin, enters
 * only P_tau.P_N = m_tau (E + k c -+ m_N sin), so its polarisation there is -m_N sin/(E + k c) on the
 * W line and -(q^2 - m_l^2) q^2 m_N sin/(half the rate) on the tau line (SpinCorrelation.transverse).
 * `pN` is N's momentum k, passed so that the caller's value is used.
 */
export function tauLeptonicSpinCorrelation(fromWLine: boolean, mTau: number, mN: number, ml: number, E: number, pN: number): SpinCorrelation {
  const eMinusK = (mN * mN) / (E + pN); // E - k without cancellation
  const ePlusK = E + pN;
  if (fromWLine) {
    return { alpha: pN / E, helicityPlus: eMinusK / (2 * E), helicitySlope: -eMinusK / (2 * E), transverse: -mN / E };
  }
  const rest = mTau - E;
  const q2 = (rest - pN) * (rest + pN); // (p_tau - p_N)^2 as a product: exact near the endpoint q^2 = m_l^2
  const g = (q2 - ml * ml) * q2; // the g^{mu nu} term
  const qq = 2 * q2 + 4 * ml * ml; // the Q^mu Q^nu term
  const plusR = eMinusK * (g + qq * rest * (rest - pN));
  const plusS = -eMinusK * (g + qq * pN * (rest - pN));
  const minusR = ePlusK * (g + qq * rest * (rest + pN));
  const minusS = -ePlusK * (-g + qq * pN * (rest + pN));
  const sum = plusR + minusR;
  return { alpha: (plusS + minusS) / sum, helicityPlus: plusR / sum, helicitySlope: plusS / sum, transverse: (-2 * g * mN) / sum };
}
