/**
 * N's decays whose final states Pythia 8 completes offline (scripts/pythia-pools,
 * src/physics/hadronPools.ts), as parton configurations in N's rest frame: the quark-level
 * decays N -> l_a^- u_i dbar_j and N -> nu q qbar behind the multi-hadron remainder
 * (1805.08567; widths in decay.ts), whose strings Pythia hadronises, and N -> nu_a tau- tau+,
 * whose taus it decays.
 *
 * The partons take the places of the W's or Z's lepton pair in leptonicMatrixElement: for the
 * charged current particle 1 is l_a^-, 2 the dbar_j (as l_b^+), 3 the u_i (as nu_b), |M|^2 =
 * (P.p_dbar)(p_u.p_l); for the neutral current 1 is q (or tau-), 2 qbar (tau+), 3 the neutrino,
 * with the fermion's Z couplings (c_A = g_L^2, c_B = g_R^2, c_I = g_L g_R; for nu_tau tau tau the
 * W's share too, dileptonCouplings). The quark masses are decay.ts's (QUARK_MASS_GEV), so that
 * these configurations integrate to its widths (tested).
 *
 * |M|^2 is linear in N's spin: |M|^2(h, n) = |M|^2(unpolarised) (1 + h b.n) for the spin along
 * n (h = +1) or against it; spinVector gives b, which the pools store per event.
 */
import { QUARK_MASS_GEV } from '../constants.js';
import { minkowski, threeBodyAtRest, type Vec4 } from '../kinematics.js';
import { PARTICLES } from '../particles.js';
import { dileptonCouplings, QUARK_PAIRS, type Quark, quarkZCouplings, widthNeutrinoDilepton, widthQuarkCharged, widthQuarkNeutral } from './decay.js';
import { FLAVOURS, type Flavour } from './mixing.js';
import { leptonicMatrixElement, type LeptonicCoefficients, neutralCurrentCoefficients } from './polarisation.js';
import { LEPTON_OF } from './production.js';

/** A hadronic current of N: charged with lepton flavour a, or neutral. */
export type HadronicCurrent = Flavour | 'nu';
export const HADRONIC_CURRENTS: readonly HadronicCurrent[] = [...FLAVOURS, 'nu'];
/**
 * The pools' N decays: the multi-hadron remainder of each current, and nu_a tau- tau+ through
 * the Z alone (a = e or mu, one pool for both: the same couplings) or the W and Z (a = tau).
 */
export type PoolDecay = HadronicCurrent | 'tautau_z' | 'tautau_wz';
export const POOL_DECAYS: readonly PoolDecay[] = [...HADRONIC_CURRENTS, 'tautau_z', 'tautau_wz'];

const QUARK_PDG: Readonly<Record<Quark, number>> = { d: 1, u: 2, s: 3, c: 4, b: 5 };
/** The neutrino of the neutral current is written as nu_e: its flavour is summed over and invisible. */
const NEUTRAL_CURRENT_NU_PDG = PARTICLES.nu_e.pdg;

export interface PartonChannel {
  /** e.g. "mu- u dbar", "nu c cbar". */
  readonly label: string;
  /** PDG ids of particles 1, 2, 3 (leptonicMatrixElement's order). */
  readonly pdg: readonly [number, number, number];
  readonly masses: readonly [number, number, number];
  /** The two partons of the hadronic system (the quarks; for nu tau tau the taus). */
  readonly pair: readonly [number, number];
  readonly coefficients: LeptonicCoefficients;
  /** Width in GeV at U^2 = 1, without the QCD correction (the same factor for every channel of a current). */
  readonly width: number;
}

/** The quark-level channels of one current at mass M (GeV) that are open. */
export function quarkLevelChannels(M: number, current: HadronicCurrent): PartonChannel[] {
  const out: PartonChannel[] = [];
  if (current === 'nu') {
    for (const q of Object.keys(QUARK_PDG) as Quark[]) {
      const width = widthQuarkNeutral(M, q, 1);
      if (!(width > 0)) continue;
      const m = QUARK_MASS_GEV[q];
      out.push({
        label: `nu ${q} ${q}bar`, pdg: [QUARK_PDG[q], -QUARK_PDG[q], NEUTRAL_CURRENT_NU_PDG], masses: [m, m, 0], pair: [0, 1],
        coefficients: neutralCurrentCoefficients(quarkZCouplings(q)), width,
      });
    }
    return out;
  }
  const lepton = LEPTON_OF[current];
  for (const [up, down, ckm] of QUARK_PAIRS) {
    const width = widthQuarkCharged(M, current, up, down, ckm, 1);
    if (!(width > 0)) continue;
    out.push({
      label: `${lepton.name} ${up} ${down}bar`, pdg: [lepton.pdg, -QUARK_PDG[down], QUARK_PDG[up]],
      masses: [lepton.mass, QUARK_MASS_GEV[down], QUARK_MASS_GEV[up]], pair: [1, 2], coefficients: { cA: 1, cB: 0, cI: 0 }, width,
    });
  }
  return out;
}

/** N -> nu_a tau- tau+ (the neutrino flavour a of the Z-only pool is written as nu_e), or none below threshold. */
function ditauChannel(M: number, a: Flavour): PartonChannel | undefined {
  const width = widthNeutrinoDilepton(M, a, 'tau', 1);
  if (!(width > 0)) return undefined;
  const tau = LEPTON_OF.tau;
  const nu = a === 'tau' ? PARTICLES.nu_tau : PARTICLES.nu_e;
  return {
    label: `${nu.name} tau- tau+`, pdg: [tau.pdg, -tau.pdg, nu.pdg], masses: [tau.mass, tau.mass, 0], pair: [0, 1],
    coefficients: neutralCurrentCoefficients(dileptonCouplings(a, 'tau')), width,
  };
}

/** The open parton channels of one pool decay at mass M (GeV). */
export function poolDecayChannels(M: number, decay: PoolDecay): PartonChannel[] {
  if (decay === 'tautau_z' || decay === 'tautau_wz') {
    const ch = ditauChannel(M, decay === 'tautau_z' ? 'e' : 'tau');
    return ch ? [ch] : [];
  }
  return quarkLevelChannels(M, decay);
}

/**
 * The partons of channel ch at rest (N of mass M), particle 1 along dir1, the 23 system's decay
 * axis dir2 in its frame, m23^2 at fraction t of its range, and the event's density: the
 * unpolarised |M|^2 times the phase-space weight of threeBodyAtRest (for t, dir1, dir2 uniform).
 */
export function partonsAtRest(ch: PartonChannel, M: number, t: number, dir1: readonly number[], dir2: readonly number[]): { partons: [Vec4, Vec4, Vec4]; density: number } {
  const [m1, m2, m3] = ch.masses;
  const r = threeBodyAtRest(M, m1, m2, m3, t, dir1, dir2);
  const me = leptonicMatrixElement(ch.coefficients, M, [0, 0, 0, M], [0, 0, 0, 0], 0, r.p1, r.p2, r.p3, m1, m2);
  return { partons: [r.p1, r.p2, r.p3], density: me * r.phaseSpace };
}

/** Invariant mass of the channel's hadronic pair (the q qbar string; the taus), GeV. */
export function pairMass(ch: PartonChannel, partons: readonly Vec4[]): number {
  const [a, b] = ch.pair.map((k) => partons[k]);
  const s = [0, 1, 2, 3].map((k) => a[k] + b[k]);
  return Math.sqrt(Math.max(0, minkowski(s, s)));
}

/** b of |M|^2(h, n) = |M|^2(unpolarised) (1 + h b.n) for partons at rest (partonsAtRest). */
export function spinVector(ch: PartonChannel, M: number, partons: readonly Vec4[]): [number, number, number] {
  const [p1, p2, p3] = partons;
  const [m1, m2] = ch.masses;
  const me = (s: readonly number[], h: number) => leptonicMatrixElement(ch.coefficients, M, [0, 0, 0, M], s, h, p1, p2, p3, m1, m2);
  const unpolarised = me([0, 0, 0, 0], 0);
  return [0, 1, 2].map((k) => me([k === 0 ? 1 : 0, k === 1 ? 1 : 0, k === 2 ? 1 : 0, 0], 1) / unpolarised - 1) as [number, number, number];
}
