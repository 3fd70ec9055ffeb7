/**
 * Muon-philic mediators (PHYSICS.md section 2): the gauged L_mu - L_tau vector Z',
 *   L = g' Z'_a (mubar g^a mu - taubar g^a tau + nubar_mu g^a P_L nu_mu - nubar_tau g^a P_L nu_tau),
 * and a scalar coupled to muons, L = g_S S mubar mu.
 * Widths, lifetime and the contribution to the muon anomalous magnetic moment.
 * Units: masses m, m_l and widths in GeV; couplings g', g_S dimensionless.
 */
import { ALPHA, HBARC_GEV_M } from '../constants.js';
import { integrate } from '../integrate.js';
import { PARTICLES } from '../particles.js';

export type MediatorKind = 'vector' | 'scalar';

const M_MU = PARTICLES.mu.mass;
const M_TAU = PARTICLES.tau.mass;

/** Gamma(Z' -> nu_l nubar_l) = g'^2 m/(24 pi), one flavour (mu or tau; left-handed neutrinos). */
export function widthVectorToNeutrinos(m: number, g: number): number {
  return (g * g * m) / (24 * Math.PI);
}

/** Gamma(Z' -> l+ l-) = g'^2 m/(12 pi) (1 + 2r) sqrt(1 - 4r), r = m_l^2/m^2; 0 below threshold. */
export function widthVectorToLeptons(m: number, g: number, ml: number): number {
  const r = (ml * ml) / (m * m);
  if (4 * r >= 1) return 0;
  return ((g * g * m) / (12 * Math.PI)) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/**
 * Gamma(S -> mu+ mu-) = g_S^2 m/(8 pi) (1 - 4r)^(3/2), r = m_mu^2/m^2 (a CP-even scalar's
 * width to a fermion pair, e.g. the Higgs' to muons with y -> g_S). Below 2 m_mu the scalar
 * decays to two photons through the muon loop (widthScalarToPhotons).
 */
export function widthScalarToMuons(m: number, g: number): number {
  const r = (M_MU * M_MU) / (m * m);
  if (4 * r >= 1) return 0;
  return ((g * g * m) / (8 * Math.PI)) * (1 - 4 * r) ** 1.5;
}

/**
 * Gamma(S -> gamma gamma) through the muon loop, the Higgs formula with the Yukawa y -> g_S
 * (Djouadi, Phys. Rept. 457 (2008) 1, eqs. 2.49-2.51, with G_F/sqrt(2) m_f^2 -> g_S^2/2):
 *   Gamma = alpha^2 g_S^2 m^3/(256 pi^3 m_mu^2) |A_1/2(tau)|^2,  tau = m^2/(4 m_mu^2),
 *   A_1/2 = 2 [tau + (tau - 1) f(tau)]/tau^2, f = arcsin^2(sqrt tau) below 1,
 *   f = -(1/4) [ln((1 + sqrt(1 - 1/tau))/(1 - sqrt(1 - 1/tau))) - i pi]^2 above.
 * A_1/2 -> 4/3 for a light scalar (tau -> 0).
 */
export function widthScalarToPhotons(m: number, g: number): number {
  const tau = (m * m) / (4 * M_MU * M_MU);
  let fRe: number;
  let fIm: number;
  if (tau <= 1) {
    fRe = Math.asin(Math.sqrt(tau)) ** 2;
    fIm = 0;
  } else {
    const b = Math.sqrt(1 - 1 / tau);
    const L = Math.log((1 + b) / (1 - b));
    fRe = -0.25 * (L * L - Math.PI * Math.PI);
    fIm = 0.25 * 2 * L * Math.PI;
  }
  // Below tau ~ 1e-3 the bracket cancels to (2/3) tau^2: its series instead.
  const aRe = tau < 1e-3 ? 4 / 3 + tau * (14 / 45 + (8 / 63) * tau) : (2 * (tau + (tau - 1) * fRe)) / (tau * tau);
  const aIm = tau < 1e-3 ? 0 : (2 * (tau - 1) * fIm) / (tau * tau);
  return ((ALPHA * ALPHA * g * g * m ** 3) / (256 * Math.PI ** 3 * M_MU * M_MU)) * (aRe * aRe + aIm * aIm);
}

export interface MediatorDecays {
  readonly width: number;
  /** c*tau in metres; Infinity when no channel is open. */
  readonly ctau: number;
  readonly branchingRatios: Readonly<Record<string, number>>;
}

export function mediatorDecays(kind: MediatorKind, m: number, g: number): MediatorDecays {
  const widths: Record<string, number> =
    kind === 'vector'
      ? {
          'nu nubar': 2 * widthVectorToNeutrinos(m, g), // nu_mu and nu_tau
          'mu+ mu-': widthVectorToLeptons(m, g, M_MU),
          'tau+ tau-': widthVectorToLeptons(m, g, M_TAU),
        }
      : { 'gamma gamma': widthScalarToPhotons(m, g), 'mu+ mu-': widthScalarToMuons(m, g) };
  const width = Object.values(widths).reduce((a, b) => a + b, 0);
  const branchingRatios: Record<string, number> = {};
  for (const [k, w] of Object.entries(widths)) if (w > 0) branchingRatios[k] = w / width;
  return { width, ctau: width > 0 ? HBARC_GEV_M / width : Infinity, branchingRatios };
}

/**
 * One-loop contribution to a_mu = (g-2)/2 (PHYSICS.md section 2; e.g. Leveille, Nucl. Phys. B137 (1978) 63):
 *   vector: (g'^2/4pi^2) Int_0^1 dx m_mu^2 x^2 (1-x) / (m_mu^2 x^2 + m^2 (1-x)),
 *   scalar: (g_S^2/8pi^2) Int_0^1 dx m_mu^2 (1-x)^2 (1+x) / (m_mu^2 (1-x)^2 + m^2 x).
 */
export function deltaAmu(kind: MediatorKind, m: number, g: number): number {
  const mm2 = M_MU * M_MU;
  const m2 = m * m;
  if (kind === 'vector') {
    return ((g * g) / (4 * Math.PI ** 2)) * integrate((x) => (mm2 * x * x * (1 - x)) / (mm2 * x * x + m2 * (1 - x)), 0, 1, 64);
  }
  return ((g * g) / (8 * Math.PI ** 2)) * integrate((x) => (mm2 * (1 - x) ** 2 * (1 + x)) / (mm2 * (1 - x) ** 2 + m2 * x), 0, 1, 64);
}
