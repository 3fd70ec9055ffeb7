import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { run } from '../src/engine/run.js';
import { NA62_KAON_HNL_LAYOUT } from '../src/processes/na62KaonHnl.js';

const N = 20_000;

describe('Arrow output, read back by apache-arrow and by an independent reader (polars)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fipgen-arrow-'));
  const out = join(dir, 'events.arrow');
  const summary = await run({ scenario: loadScenario('na62-kaon-hnl'), events: N, seed: 'arrow-test', backend: 'cpu', out, batchSize: 7_000 });
  const bytes = readFileSync(out);
  const table = tableFromIPC(bytes);

  it('leaves exactly the named file (no temporary) and one row per event, ids 0..N-1', () => {
    expect(readdirSync(dir)).toEqual(['events.arrow']);
    expect(table.numRows).toBe(N);
    const ids = table.getChild('event_id')!.toArray() as BigInt64Array;
    expect(ids[0]).toBe(0n);
    expect(ids[N - 1]).toBe(BigInt(N - 1));
    expect(ids.every((id, i) => id === BigInt(i))).toBe(true);
  });

  it('has the documented columns with their types and units', () => {
    const names = table.schema.fields.map((f) => f.name);
    for (const c of ['event_id', 'weight', 'accepted', 'in_straw', 'in_lkr', 'production_channel', 'decay_channel', 'parent_e', 'llp_px', 'decay_z', 'd1_pdg', 'd2_e', 'decay_log_prob', 'decay_s']) {
      expect(names).toContain(c);
    }
    expect(names).not.toContain('log_weight');
    expect(table.schema.fields.find((f) => f.name === 'llp_e')!.metadata.get('unit')).toBe('GeV');
    expect(table.schema.fields.find((f) => f.name === 'decay_z')!.metadata.get('unit')).toBe('m');
    expect(names.length).toBe(2 + NA62_KAON_HNL_LAYOUT.flags.length + NA62_KAON_HNL_LAYOUT.columns.length - 2);
    expect(new Set(table.getChild('production_channel')!.toArray())).toEqual(new Set(['K+ -> e+ N', 'K+ -> mu+ N']));
  });

  it('carries its provenance and totals in the schema metadata', () => {
    const md = table.schema.metadata;
    expect(JSON.parse(md.get('fipgen.scenario')!).name).toBe('na62-kaon-hnl');
    expect(md.get('fipgen.seed')).toBe('arrow-test');
    expect(md.get('fipgen.events')).toBe(String(N));
    expect(md.get('fipgen.first_event')).toBe('0');
    expect(md.get('fipgen.backend')).toBe('cpu');
    expect(md.get('fipgen.git_revision')).toMatch(/^([0-9a-f]{40}(-dirty)?|unknown)$/);
    expect(Number(md.get('fipgen.sum_weights'))).toBe(summary.sumWeights);
    expect(Number(md.get('fipgen.events_accepted'))).toBe(summary.accepted);
  });

  it('the sums over rows equal the run summary', () => {
    const w = table.getChild('weight')!.toArray() as Float64Array;
    const acc = table.getChild('accepted')!.toArray() as boolean[];
    let sum = 0;
    let sumAcc = 0;
    let nAcc = 0;
    w.forEach((x, i) => {
      sum += x;
      if (acc[i]) {
        sumAcc += x;
        nAcc++;
      }
    });
    expect(sum / summary.sumWeights - 1).toBeCloseTo(0, 12);
    expect(sumAcc / summary.sumWeightsAccepted - 1).toBeCloseTo(0, 12);
    expect(nAcc).toBe(summary.accepted);
    expect(nAcc).toBeGreaterThan(0);
  });

  it('polars (Rust Arrow reader) reads the same rows, columns and sums', () => {
    const df = pl.readIPC(bytes);
    expect(df.height).toBe(N);
    expect(df.columns).toEqual(table.schema.fields.map((f) => f.name));
    const sum = df.getColumn('weight').sum() as number;
    expect(sum / summary.sumWeights - 1).toBeCloseTo(0, 12);
    expect(df.filter(pl.col('accepted')).height).toBe(summary.accepted);
    const z = table.getChild('decay_z')!.toArray() as Float64Array;
    expect(df.getColumn('decay_z').toArray()).toEqual(Array.from(z));
    expect(df.getColumn('decay_channel').toArray()).toEqual(Array.from(table.getChild('decay_channel')!.toArray()));
  });
});
