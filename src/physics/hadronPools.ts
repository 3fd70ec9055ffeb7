/**
 * Pools of final states made offline with Pythia 8 (scripts/pythia-pools; Bierlich et al.,
 * SciPost Phys. Codebases 8 (2022), arXiv:2203.11601), for what fipgen's own formulas cannot
 * say: how N's quark-level multi-hadron remainder (N -> l u dbar, nu q qbar, decay.ts) turns into
 * hadrons, how the two taus of N -> nu tau- tau+ decay, and how D+, Ds+ and Ds*+ decay. The
 * samplers draw an event of a pool, turn it at random and boost it; only events with the tracks
 * NA62's selection needs are kept:
 *   - N's multi-hadron decays (two or more primary hadrons: one-hadron strings are the exclusive
 *     channels decay.ts already counts) with exactly two charged particles in the final state,
 *     per hadronic current (charged of lepton flavour e, mu, tau; neutral) on a grid of N masses,
 *     and N -> nu tau- tau+ (Z only, or W and Z) with exactly two;
 *   - D+, Ds+, Ds*+ decays at rest with exactly one charged particle.
 * Every unstable particle is decayed by Pythia (K_S, Lambda and the tau included: a tau in N's
 * quark-level decays is decayed unpolarised), so "charged" counts what reaches the spectrometer.
 *
 * A pool event is a record of RECORD_SIZE float32 (momenta in GeV, in the decaying particle's
 * rest frame): track 1 (the negative one; zero for a meson's pool) px py pz E pdg, track 2 (the
 * positive one) px py pz E pdg, the sum of the neutral particles other than neutrinos (photons,
 * K_L, neutrons) px py pz E, and for N the spin vector b of its partons (partonDecays.ts
 * spinVector: the event's weight for N polarised along n with sign h is 1 + h b.n) and the
 * invariant mass of its hadronic pair (GeV; the records of a table are sorted by it).
 */
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../paths.js';
import type { PoolDecay } from './hnl/partonDecays.js';

export const POOL_DIR = `${PACKAGE_ROOT}data/pythia-pools`;
/**
 * Records per table (meson pools too). At most 512: a sampler picks record floor(k n / 2^23)
 * of n from the uniform u = (k + 1/2) 2^-23 in integers, k n < 2^32, so CPU and GPU pick the same.
 */
export const POOL_RECORDS_PER_TABLE = 512;
/** Bins of the hadronic pair's mass (fractions of the grid mass) of a table's cumulative counts. */
export const PAIR_MASS_BINS = 50;
/** Fewest records above the duality cut for a table to be used. */
export const POOL_MIN_RECORDS = 32;
export const RECORD_SIZE = 18;
/** Offsets of a record's fields (pairMass: the hadronic pair's invariant mass, GeV; 0 for a meson's). */
export const RECORD = { track1: 0, pdg1: 4, track2: 5, pdg2: 9, neutral: 10, spin: 14, pairMass: 17 } as const;

/** One table of N's multi-hadron decays at a grid mass. */
export interface HnlPoolTable {
  readonly mass: number;
  /** First record and number of records in pools.f32. */
  readonly offset: number;
  readonly count: number;
  /**
   * Parton events handed to Pythia; those below the two-hadron threshold of their quark pair
   * (Pythia makes no two hadrons of them: one-hadron decays, which decay.ts's exclusive channels
   * count); those that became two or more primary hadrons (for nu tau tau, which has no
   * string: every event).
   */
  readonly generated: number;
  readonly oneHadron: number;
  readonly multiHadron: number;
  /** Multi-hadron events with exactly two charged particles (the records are the first `count` of them, sorted by pairMass). */
  readonly twoTrack: number;
  /**
   * Cumulative counts of the generated, multi-hadron and two-track events with the hadronic
   * pair's mass below k/PAIR_MASS_BINS of the grid mass, k = 0..PAIR_MASS_BINS.
   */
  readonly below: { readonly generated: readonly number[]; readonly multiHadron: readonly number[]; readonly twoTrack: readonly number[] };
}

export interface MesonPool {
  readonly pdg: number;
  readonly offset: number;
  readonly count: number;
  readonly decayed: number;
  /** Decays with exactly one charged particle (the records are the first `count` of them). */
  readonly oneTrack: number;
}

export interface PoolIndex {
  readonly provenance: Readonly<Record<string, string | number>>;
  readonly hnl: Readonly<Record<PoolDecay, readonly HnlPoolTable[]>>;
  readonly mesons: Readonly<Record<string, MesonPool>>;
}

let cached: { index: PoolIndex; records: Float32Array; reach: number } | undefined;

/**
 * The committed pools (read once), and the furthest an N mass may be from a table's grid mass:
 * half the widest step of the grid (GeV).
 */
export function loadPools(): { index: PoolIndex; records: Float32Array; reach: number } {
  if (!cached) {
    const index = JSON.parse(readFileSync(`${POOL_DIR}/pools.json`, 'utf8')) as PoolIndex;
    const tables = [...Object.values(index.hnl).flat(), ...Object.values(index.mesons)];
    const bad = tables.find((t) => t.count !== 0 && t.count !== POOL_RECORDS_PER_TABLE);
    if (bad) throw new Error(`${POOL_DIR}/pools.json: a table has ${bad.count} records, not ${POOL_RECORDS_PER_TABLE}`);
    const bytes = readFileSync(`${POOL_DIR}/pools.f32`);
    const records = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const masses = index.hnl.e.map((t) => t.mass);
    const reach = Math.max(...masses.slice(1).map((m, i) => (m - masses[i]) / 2));
    cached = { index, records, reach };
  }
  return cached;
}

/** What hnlPool chooses: the table, its first record above the cut, and the two-track fraction there. */
export interface PoolChoice {
  readonly table: HnlPoolTable;
  readonly firstRecord: number;
  readonly twoTrackFraction: number;
  /** The duality cut on the hadronic pair's mass at the table's grid mass, GeV (0: none). */
  readonly cut: number;
}

/**
 * The table of an N decay (a current's multi-hadron remainder, or nu tau tau) to use for N of
 * mass M: the nearest grid mass (recordsAtMass scales its events to M), within the pools' reach.
 *
 * For the remainder (`share`: its part of the current's quark-level width, 1 - exclusive/quark
 * level) only multi-hadron events whose hadronic pair is heavier than a cut are used: the cut
 * at which the multi-hadron events above it are that share of all generated events (quark-hadron
 * duality: the exclusive one-meson channels take the one-hadron strings, which Pythia cannot
 * hadronise into more, and the lightest multi-hadron masses of their current, where their
 * resonances sit). The two-track fraction is that of the multi-hadron events above the cut,
 * interpolated linearly in M between the grid masses around it. Undefined when no table is within reach (the tau's
 * start at 2.2 GeV, where Pythia first makes two hadrons beside a tau; nu tau tau at 3.6; the
 * grid ends at 5.2 GeV) or fewer than POOL_MIN_RECORDS records lie above the cut.
 */
export function hnlPool(decay: PoolDecay, M: number, share?: number): PoolChoice | undefined {
  const { index, reach } = loadPools();
  const tables = index.hnl[decay].filter((t) => t.count > 0);
  let table: HnlPoolTable | undefined;
  for (const t of tables) if (!table || Math.abs(t.mass - M) < Math.abs(table.mass - M)) table = t;
  if (!table || Math.abs(table.mass - M) > reach + 1e-9) return undefined;
  const chosen = cutTable(table, share);
  if (table.count - chosen.firstRecord < POOL_MIN_RECORDS) return undefined;
  const above = tables.findIndex((t) => t.mass >= M);
  if (above <= 0) return chosen; // at or beyond an end of the grid
  const [lo, hi] = [tables[above - 1], tables[above]];
  const x = (M - lo.mass) / (hi.mass - lo.mass);
  return { ...chosen, twoTrackFraction: (1 - x) * cutTable(lo, share).twoTrackFraction + x * cutTable(hi, share).twoTrackFraction };
}

/** A table with the duality cut for `share` applied (none when share is undefined). */
function cutTable(table: HnlPoolTable, share: number | undefined): PoolChoice {
  if (share === undefined) return { table, firstRecord: 0, twoTrackFraction: table.twoTrack / table.multiHadron, cut: 0 };
  const { multiHadron, twoTrack } = table.below;
  const n = PAIR_MASS_BINS;
  // The bin position x (fraction of the grid mass) below which the multi-hadron events, with the
  // one-hadron ones, are 1 - share of all generated.
  const target = Math.max(0, (1 - Math.min(1, Math.max(0, share))) * table.generated - table.oneHadron);
  let k = 0;
  while (k < n - 1 && multiHadron[k + 1] < target) k++;
  const f = multiHadron[k + 1] > multiHadron[k] ? Math.min(1, Math.max(0, (target - multiHadron[k]) / (multiHadron[k + 1] - multiHadron[k]))) : 0;
  const at = (c: readonly number[]) => c[k] + f * (c[k + 1] - c[k]);
  const cut = ((k + f) / n) * table.mass;
  const { records } = loadPools();
  let firstRecord = 0;
  while (firstRecord < table.count && records[(table.offset + firstRecord) * RECORD_SIZE + RECORD.pairMass] < cut) firstRecord++;
  const multiAbove = multiHadron[n] - at(multiHadron);
  return { table, firstRecord, twoTrackFraction: multiAbove > 0 ? (twoTrack[n] - at(twoTrack)) / multiAbove : 0, cut };
}

/**
 * Records of N's decays at rest at the grid mass M0 made decays at mass M (a copy): every
 * momentum scaled by the factor k at which the tracks, the neutral sum and the invisible rest
 * (N minus them), each keeping its invariant mass, share the energy M: sum_i sqrt(k^2 p_i^2 +
 * m_i^2) = M (the momenta still cancel; a turn commutes with the scaling, so the samplers turn
 * the scaled record). Newton's method from k = M/M0 (the energy is convex in k) to 1e-15.
 * Within a table's reach k - 1 is up to ~0.5 next to a threshold, where a scaled event is an
 * approximation: the systems keep their masses, but a tau's daughters no longer make m_tau.
 */
export function recordsAtMass(records: ArrayLike<number>, M0: number, M: number): number[] {
  const out = Array.from(records);
  const systems = [RECORD.track1, RECORD.track2, RECORD.neutral];
  for (let at = 0; at < out.length; at += RECORD_SIZE) {
    const p = systems.map((o) => [out[at + o], out[at + o + 1], out[at + o + 2]]);
    const e = systems.map((o) => out[at + o + 3]);
    const rest = [0, 1, 2].map((j) => -(p[0][j] + p[1][j] + p[2][j]));
    const all = [...p, rest].map((v, i) => {
      const p2 = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
      const energy = i < 3 ? e[i] : M0 - e[0] - e[1] - e[2];
      return { p2, m2: Math.max(0, energy * energy - p2) };
    });
    let k = M / M0;
    for (let step = 0; step < 50; step++) {
      let f = -M;
      let df = 0;
      for (const { p2, m2 } of all) {
        const energy = Math.sqrt(k * k * p2 + m2);
        f += energy;
        if (energy > 0) df += (k * p2) / energy;
      }
      const dk = f / df;
      k -= dk;
      if (Math.abs(dk) < 1e-15) break;
    }
    systems.forEach((o, i) => {
      for (let j = 0; j < 3; j++) out[at + o + j] = k * p[i][j];
      out[at + o + 3] = Math.sqrt(k * k * all[i].p2 + all[i].m2);
    });
  }
  return out;
}

/** Electric charge (units of e) of a particle Pythia leaves in a final state. */
export function finalStateCharge(pdg: number): number {
  const charge = FINAL_STATE_CHARGE[Math.abs(pdg)];
  if (charge === undefined) throw new Error(`no charge known for final-state particle ${pdg}`);
  return pdg < 0 ? -charge : charge;
}
const FINAL_STATE_CHARGE: Readonly<Record<number, number>> = {
  11: -1, 13: -1, 211: 1, 321: 1, 2212: 1, 3112: -1, 3222: 1, 3312: -1, 3334: -1,
  12: 0, 14: 0, 16: 0, 22: 0, 130: 0, 310: 0, 2112: 0, 3122: 0, 3212: 0, 3322: 0,
};
const NEUTRINOS = new Set([12, 14, 16]);

export interface FinalParticle {
  readonly pdg: number;
  /** px, py, pz, E in GeV. */
  readonly p: readonly [number, number, number, number];
}

/**
 * A final state as a pool record (without the spin vector), or null unless it has exactly
 * `tracks` charged particles (two: one negative, one positive; one: track 2, of either sign).
 */
export function poolRecord(particles: readonly FinalParticle[], tracks: 1 | 2): number[] | null {
  const charged = particles.filter((x) => finalStateCharge(x.pdg) !== 0);
  if (charged.length !== tracks) return null;
  const record = new Array<number>(RECORD_SIZE).fill(0);
  const put = (at: number, x: FinalParticle) => {
    record.splice(at, 5, ...x.p, x.pdg);
  };
  if (tracks === 1) put(RECORD.track2, charged[0]);
  else {
    const negative = charged.find((x) => finalStateCharge(x.pdg) < 0);
    const positive = charged.find((x) => finalStateCharge(x.pdg) > 0);
    if (!negative || !positive) return null;
    put(RECORD.track1, negative);
    put(RECORD.track2, positive);
  }
  for (const x of particles) {
    if (finalStateCharge(x.pdg) !== 0 || NEUTRINOS.has(Math.abs(x.pdg))) continue;
    for (let k = 0; k < 4; k++) record[RECORD.neutral + k] += x.p[k];
  }
  return record;
}
