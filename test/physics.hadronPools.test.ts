/**
 * The committed Pythia 8 pools (data/pythia-pools, made by scripts/pythia-pools): what every
 * record must satisfy whatever Pythia did (charges, energy, the spin vector's bound), how the
 * tables are chosen for an N mass, and how a final state becomes a record.
 */
import { describe, expect, it } from 'vitest';
import { finalStateCharge, hnlPool, loadPools, PAIR_MASS_BINS, recordsAtMass, POOL_RECORDS_PER_TABLE, poolRecord, RECORD, RECORD_SIZE } from '../src/physics/hadronPools.js';
import { pairMass, POOL_DECAYS, poolDecayChannels, partonsAtRest } from '../src/physics/hnl/partonDecays.js';
import { integrate } from '../src/physics/integrate.js';
import { PARTICLES } from '../src/physics/particles.js';

const { index, records } = loadPools();
const field = (j: number, at: number, n = 4) => Array.from(records.subarray(j * RECORD_SIZE + at, j * RECORD_SIZE + at + n));
const size = (p: number[]) => Math.hypot(p[0], p[1], p[2]);

describe('Pythia 8 pools of multi-hadron N decays and D(s)(*) decays', () => {
  it(`every table holds ${POOL_RECORDS_PER_TABLE} records or none, the records fill pools.f32, and the provenance names Pythia and the seed`, () => {
    const tables = [...Object.values(index.hnl).flat(), ...Object.values(index.mesons)];
    expect(tables.reduce((s, t) => s + t.count, 0) * RECORD_SIZE).toBe(records.length);
    for (const t of tables) expect([0, POOL_RECORDS_PER_TABLE]).toContain(t.count);
    expect(String(index.provenance.generator)).toMatch(/^Pythia 8\.\d+/);
    expect(index.provenance.seed).toBeTypeOf('number');
    // The e, mu and nu currents have tables from 1 GeV; the tau's from 2.2 GeV, the first grid mass
    // where Pythia makes two hadrons beside a tau (m_tau + 2 m_pi = 2.06 GeV).
    for (const c of ['e', 'mu', 'nu'] as const) expect(index.hnl[c].every((t) => t.count > 0)).toBe(true);
    expect(index.hnl.tau.filter((t) => t.count > 0).map((t) => t.mass)[0]).toBe(2.2);
    // nu tau tau from the first grid mass above 2 m_tau = 3.554 GeV, where every event has its two taus.
    for (const c of ['tautau_z', 'tautau_wz'] as const) {
      expect(index.hnl[c].filter((t) => t.count > 0).map((t) => t.mass)[0]).toBe(3.6);
      for (const t of index.hnl[c]) expect([t.oneHadron, t.multiHadron]).toEqual([0, t.generated]);
    }
  });

  it("N's records (multi-hadron and nu tau tau): track 1 negative, track 2 positive, energies >= momenta, visible energy <= the grid mass, |b| <= 1, sorted by the pair's mass; for e and mu, track 1 is the current's lepton (the hadrons carry charge +1)", () => {
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && wrong.length < 5) wrong.push(what);
    };
    for (const current of POOL_DECAYS) {
      for (const t of index.hnl[current]) {
        for (let j = t.offset; j < t.offset + t.count; j++) {
          const at = `${current} ${t.mass} GeV record ${j}`;
          const [t1, t2, neutral] = [field(j, RECORD.track1), field(j, RECORD.track2), field(j, RECORD.neutral)];
          const [pdg1, pdg2] = [records[j * RECORD_SIZE + RECORD.pdg1], records[j * RECORD_SIZE + RECORD.pdg2]];
          check(finalStateCharge(pdg1) === -1 && finalStateCharge(pdg2) === 1, `${at}: charges of ${pdg1}, ${pdg2}`);
          if (current === 'e' || current === 'mu') check(pdg1 === (current === 'e' ? 11 : 13), `${at}: track 1 is ${pdg1}`);
          for (const p of [t1, t2, neutral]) check(p[3] >= size(p) * (1 - 1e-6), `${at}: E < |p|`);
          check(t1[3] + t2[3] + neutral[3] <= t.mass * (1 + 1e-6), `${at}: visible energy above the mass`);
          check(size(field(j, RECORD.spin, 3)) <= 1 + 1e-6, `${at}: |b| > 1`);
          const pair = records[j * RECORD_SIZE + RECORD.pairMass];
          check(pair > 0 && pair <= t.mass && (j === t.offset || pair >= records[(j - 1) * RECORD_SIZE + RECORD.pairMass]), `${at}: pair mass ${pair} out of order`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("D+, Ds+ and Ds*+ records: one positive track (track 2), none in track 1, and the visible energy within the meson's mass", () => {
    for (const meson of [PARTICLES.D, PARTICLES.Ds, PARTICLES.DsStar]) {
      const pool = index.mesons[meson.name];
      expect(pool.pdg).toBe(meson.pdg);
      expect(pool.count).toBe(POOL_RECORDS_PER_TABLE);
      for (let j = pool.offset; j < pool.offset + pool.count; j++) {
        expect(field(j, RECORD.track1, 5)).toEqual([0, 0, 0, 0, 0]);
        expect(finalStateCharge(records[j * RECORD_SIZE + RECORD.pdg2])).toBe(1);
        expect(field(j, RECORD.track2)[3] + field(j, RECORD.neutral)[3]).toBeLessThanOrEqual(meson.mass * (1 + 1e-6));
      }
    }
  });

  it('hnlPool: the nearest grid mass within its reach, the two-track fraction interpolated between the grid masses around', () => {
    const mu = index.hnl.mu;
    const share = (t: (typeof mu)[number]) => t.twoTrack / t.multiHadron;
    const at = (M: number) => hnlPool('mu', M)!;
    expect(at(1.5).table.mass).toBe(1.5);
    expect(at(1.5).twoTrackFraction).toBeCloseTo(share(mu[5]), 12);
    expect(at(1.54).table.mass).toBe(1.5);
    expect(at(1.56).table.mass).toBe(1.6);
    expect(at(1.56).twoTrackFraction).toBeCloseTo(0.4 * share(mu[5]) + 0.6 * share(mu[6]), 12);
    // The reach is half the widest grid step, 0.1 GeV.
    expect(loadPools().reach).toBeCloseTo(0.1, 12);
    expect(hnlPool('mu', 5.29)!.table.mass).toBe(5.2);
    expect(hnlPool('mu', 5.31)).toBeUndefined();
    expect(hnlPool('tau', 2.05)).toBeUndefined();
    expect(hnlPool('tau', 2.15)!.table.mass).toBe(2.2);
  });

  it("the pools' parton sampling: the share of generated events whose hadronic pair is lighter than M/2 equals the quark-level width's (numerical integral of partonDecays' |M|^2 over the pair's mass), N -> e- u dbar... at 3 GeV and nu q qbar at 2 GeV, within 4 binomial sigma", () => {
    for (const [decay, M] of [['e', 3], ['nu', 2]] as const) {
      const t = index.hnl[decay].find((x) => x.mass === M)!;
      const measured = t.below.generated[PAIR_MASS_BINS / 2] / t.below.generated[PAIR_MASS_BINS];
      let lighter = 0;
      let all = 0;
      for (const ch of poolDecayChannels(M, decay)) {
        const [m1, m2, m3] = ch.masses;
        const span = (M - m1) ** 2 - (m2 + m3) ** 2;
        // The channel's events are in proportion to its width; its density integrates to width / const.
        const part = (light: boolean) => span * integrate((u) => integrate((c) => {
          const r = partonsAtRest(ch, M, u, [0, 0, 1], [Math.sqrt(1 - c * c), 0, c]);
          return !light || pairMass(ch, r.partons) < M / 2 ? r.density : 0;
        }, -1, 1, 64), 0, 1, 128);
        const total = part(false);
        lighter += (ch.width * part(true)) / total;
        all += ch.width;
      }
      const expected = lighter / all;
      const sigma = Math.sqrt((expected * (1 - expected)) / t.generated);
      expect(Math.abs(measured - expected), `${decay} at ${M} GeV: ${measured} vs ${expected}`).toBeLessThan(4 * sigma);
    }
  });

  it("hnlPool with a remainder's share: the multi-hadron events above the duality cut are that share of all generated (the one-hadron ones below it), and the records used start at the cut", () => {
    const share = 0.4;
    const choice = hnlPool('mu', 3, share)!;
    const t = choice.table;
    const x = (choice.cut / t.mass) * PAIR_MASS_BINS;
    const k = Math.floor(x);
    const below = t.below.multiHadron[k] + (x - k) * (t.below.multiHadron[k + 1] - t.below.multiHadron[k]);
    expect((t.multiHadron - below) / t.generated).toBeCloseTo(share, 10);
    expect(choice.firstRecord).toBeGreaterThan(0);
    const pairAt = (i: number) => records[(t.offset + i) * RECORD_SIZE + RECORD.pairMass];
    expect(pairAt(choice.firstRecord)).toBeGreaterThanOrEqual(choice.cut);
    expect(pairAt(choice.firstRecord - 1)).toBeLessThan(choice.cut);
    // A smaller share, a higher cut.
    expect(hnlPool('mu', 3, 0.2)!.cut).toBeGreaterThan(choice.cut);
  });

  it('recordsAtMass: a table at 3.0 GeV made decays at 2.9 and 3.1 GeV: each system keeps its mass, and with the invisible rest (N minus the visible, its mass kept too) the energies add up to the new mass (1e-9)', () => {
    const t = index.hnl.nu.find((x) => x.mass === 3)!;
    const before = records.subarray(t.offset * RECORD_SIZE, (t.offset + t.count) * RECORD_SIZE);
    const mass2 = (p: number[]) => p[3] * p[3] - p[0] * p[0] - p[1] * p[1] - p[2] * p[2];
    const systems = (r: ArrayLike<number>, j: number) => [RECORD.track1, RECORD.track2, RECORD.neutral].map((o) => Array.from({ length: 4 }, (_, k) => r[j * RECORD_SIZE + o + k]));
    for (const M of [2.9, 3.1]) {
      const after = recordsAtMass(before, 3, M);
      for (let j = 0; j < t.count; j++) {
        const [b, a] = [systems(before, j), systems(after, j)];
        const restOf = (s: number[][], mass: number) => [0, 1, 2, 3].map((k) => (k === 3 ? mass : 0) - s[0][k] - s[1][k] - s[2][k]);
        for (let i = 0; i < 3; i++) expect(Math.abs(mass2(a[i]) - Math.max(0, mass2(b[i])))).toBeLessThan(1e-9);
        const [restBefore, restAfter] = [restOf(b, 3), restOf(a, M)];
        // The rest's energy is M minus the visible energies: its mass kept means they add up to M.
        expect(Math.abs(mass2(restAfter) - Math.max(0, mass2(restBefore)))).toBeLessThan(1e-9);
      }
    }
  });

  it('poolRecord: two tracks of opposite charge, the neutrals summed without the neutrinos; any other number of charged particles is no record', () => {
    const piPlus = { pdg: 211, p: [0.1, 0, 0.2, 0.27] as [number, number, number, number] };
    const mu = { pdg: 13, p: [0, 0.3, 0, 0.32] as [number, number, number, number] };
    const photon = { pdg: 22, p: [0, 0, 0.5, 0.5] as [number, number, number, number] };
    const kLong = { pdg: 130, p: [0.2, 0, 0, 0.54] as [number, number, number, number] };
    const nu = { pdg: -14, p: [0, 0, -0.7, 0.7] as [number, number, number, number] };
    const r = poolRecord([piPlus, photon, mu, nu, kLong], 2)!;
    expect(r.slice(RECORD.track1, RECORD.track1 + 5)).toEqual([...mu.p, 13]);
    expect(r.slice(RECORD.track2, RECORD.track2 + 5)).toEqual([...piPlus.p, 211]);
    expect(r.slice(RECORD.neutral, RECORD.neutral + 4)).toEqual([0.2, 0, 0.5, 1.04]);
    expect(poolRecord([piPlus, mu, { ...piPlus }], 2)).toBeNull();
    expect(poolRecord([piPlus, { ...piPlus, pdg: 321 }], 2)).toBeNull();
    expect(poolRecord([piPlus, photon], 1)!.slice(RECORD.track2, RECORD.track2 + 5)).toEqual([...piPlus.p, 211]);
    expect(() => finalStateCharge(999)).toThrow(/999/);
  });
});
