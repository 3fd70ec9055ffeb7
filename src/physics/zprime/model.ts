/**
 * Muon-philic mediators (PHYSICS.md section 2): the gauged L_mu - L_tau vector Z',
 *   L = g' Z'_a (mubar g^a mu - taubar g^a tau + nubar_mu g^a P_L nu_mu - nubar_tau g^a P_L nu_tau),
 * and a scalar coupled to muons, L = g_S S mubar mu.
 * Widths, lifetime and the contribution to the muon anomalous magnetic moment.
 * Units: masses m, m_l and widths in GeV; couplings g', g_S dimensionless.
 */
import { HBARC_GEV_M } from '../constants.js';
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
 * decays to two photons through the muon loop, not included yet.
 */
export function widthScalarToMuons(m: number, g: number): number {
  const r = (M_MU * M_MU) / (m * m);
  if (4 * r >= 1) return 0;
  return ((g * g * m) / (8 * Math.PI)) * (1 - 4 * r) ** 1.5;
}

export interface MediatorDecays {
  readonly width: number;
  /** c*tau in metres; Infinity when no channel is open. */
  readonly ctau: number;
  readonly branchingRatios: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

export function mediatorDecays(kind: MediatorKind, m: number, g: number): MediatorDecays {
  const widths: Record<string, number> =
    kind === 'vector'
      ? {
          'nu nubar': 2 * widthVectorToNeutrinos(m, g), // nu_mu and nu_tau
          'mu+ mu-': widthVectorToLeptons(m, g, M_MU),
          'tau+ tau-': widthVectorToLeptons(m, g, M_TAU),
        }
      : { 'mu+ mu-': widthScalarToMuons(m, g) };
  const width = Object.values(widths).reduce((a, b) => a + b, 0);
  const branchingRatios: Record<string, number> = {};
  for (const [k, w] of Object.entries(widths)) if (w > 0) branchingRatios[k] = w / width;
  const warnings = kind === 'scalar' && m < 2 * M_MU ? ['below 2 m_mu the scalar decays to gamma gamma through the muon loop, which is not included: no width is given'] : [];
  return { width, ctau: width > 0 ? HBARC_GEV_M / width : Infinity, branchingRatios, warnings };
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
