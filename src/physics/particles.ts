import { HBAR_GEV_S } from './constants.js';

/**
 * Particle data: masses (GeV), mean lives (s) and PDG Monte Carlo ids.
 * Source: Review of Particle Physics, PDG 2024 (S. Navas et al., Phys. Rev. D 110, 030001),
 * summary tables. Ids follow the PDG "Monte Carlo particle numbering scheme"; the id of the
 * positive (or particle) state is given, its antiparticle is the negative id.
 */

export interface Particle {
  /** Name used in channel labels, e.g. "pi+", "mu-"; charge-conjugates are derived. */
  readonly name: string;
  readonly pdg: number;
  /** Mass in GeV. */
  readonly mass: number;
  /** Mean life in seconds; Infinity for stable particles. */
  readonly lifetime: number;
  /** Electric charge in units of e, of the state named. */
  readonly charge: number;
}

function p(name: string, pdg: number, mass: number, lifetime: number, charge: number): Particle {
  return { name, pdg, mass, lifetime, charge };
}

export const PARTICLES = {
  // leptons
  e: p('e-', 11, 0.51099895e-3, Infinity, -1),
  mu: p('mu-', 13, 0.1056583755, 2.1969811e-6, -1),
  tau: p('tau-', 15, 1.77693, 290.3e-15, -1),
  nu_e: p('nu_e', 12, 0, Infinity, 0),
  nu_mu: p('nu_mu', 14, 0, Infinity, 0),
  nu_tau: p('nu_tau', 16, 0, Infinity, 0),
  photon: p('gamma', 22, 0, Infinity, 0),
  // nucleons
  p: p('p', 2212, 0.93827209, Infinity, 1),
  // light pseudoscalars
  pi: p('pi+', 211, 0.13957039, 2.6033e-8, 1),
  pi0: p('pi0', 111, 0.1349768, 8.43e-17, 0),
  K: p('K+', 321, 0.493677, 1.238e-8, 1),
  K0: p('K0', 311, 0.497611, Infinity, 0),
  eta: p('eta', 221, 0.547862, Infinity, 0),
  etaPrime: p("eta'", 331, 0.95778, Infinity, 0),
  // light vectors (lifetimes irrelevant here: they decay strongly)
  rho: p('rho+', 213, 0.77526, Infinity, 1),
  rho0: p('rho0', 113, 0.77526, Infinity, 0),
  omega: p('omega', 223, 0.78266, Infinity, 0),
  phi: p('phi', 333, 1.019461, Infinity, 0),
  Kstar: p('K*+', 323, 0.89167, Infinity, 1),
  Kstar0: p('K*0', 313, 0.89555, Infinity, 0),
  // charm and beauty
  D: p('D+', 411, 1.86966, 1.033e-12, 1),
  Dminus: p('D-', -411, 1.86966, 1.033e-12, -1),
  D0: p('D0', 421, 1.86484, 4.103e-13, 0),
  Ds: p('Ds+', 431, 1.96835, 5.012e-13, 1),
  DsStar: p('Ds*+', 433, 2.1122, Infinity, 1),
  DStar: p('D*+', 413, 2.01026, Infinity, 1),
  DStar0: p('D*0', 423, 2.00685, Infinity, 0),
  B: p('B+', 521, 5.27934, 1.638e-12, 1),
  B0: p('B0', 511, 5.27966, 1.517e-12, 0),
  Bs: p('Bs0', 531, 5.36692, 1.52e-12, 0),
  Bc: p('Bc+', 541, 6.27447, 0.51e-12, 1),
} as const satisfies Record<string, Particle>;

export type ParticleKey = keyof typeof PARTICLES;


/** Total width in GeV from a mean life in seconds. */
export function widthFromLifetime(lifetime_s: number): number {
  return lifetime_s === Infinity ? 0 : HBAR_GEV_S / lifetime_s;
}
