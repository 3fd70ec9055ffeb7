import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/config/errors.js';
import { loadScenario } from '../src/config/load.js';
import { runShard } from '../src/engine/runShard.js';
import { parseShard, shardRange, shardStem } from '../src/engine/shard.js';
import { inspectDataset } from '../src/output/dataset.js';

describe('shard ranges', () => {
  it('cover [0, E) exactly, in order, for awkward E and N (E not divisible by N, N > E, E near 2^53)', () => {
    const cases: [number, number][] = [[10, 3], [7, 7], [3, 8], [1, 1], [1, 5], [1_000_003, 400], [2 ** 53 - 1, 97], [4e9, 400]];
    for (const [E, N] of cases) {
      let next = 0;
      let biggest = 0;
      let smallest = Infinity;
      for (let k = 0; k < N; k++) {
        const r = shardRange(E, { index: k, count: N });
        expect(r.first).toBe(next);
        expect(r.events).toBeGreaterThanOrEqual(0);
        next = r.first + r.events;
        biggest = Math.max(biggest, r.events);
        smallest = Math.min(smallest, r.events);
      }
      expect(next).toBe(E);
      expect(biggest - smallest).toBeLessThanOrEqual(1); // balanced
    }
  });

  it('parse k/N and refuse what is not one (k is 0-based, as SLURM_ARRAY_TASK_ID)', () => {
    expect(parseShard('17/400')).toEqual({ index: 17, count: 400 });
    for (const bad of ['400/400', '1/0', '-1/4', '1.5/4', 'a/b', '3']) expect(() => parseShard(bad)).toThrow(InputError);
    expect(shardStem({ index: 17, count: 400 })).toBe('shard-00017-of-00400');
  });
});

describe('merge checks a dataset', () => {
  const scenario = loadScenario('na62-kaon-hnl');
  const E = 1_001;

  async function dataset(shards: number, seed = '3'): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'fipgen-shards-'));
    for (let k = 0; k < shards; k++) await runShard({ scenario, events: E, seed, backend: 'cpu' }, dir, { index: k, count: shards });
    return dir;
  }

  it('a complete run adds up to the unsharded totals; a shard with no events (N > E) is fine', async () => {
    const dir = await dataset(4);
    const r = inspectDataset(dir);
    expect(r.ok).toBe(true);
    expect(r.events).toBe(E);
    expect(r.missing).toEqual([]);
    const tiny = inspectDataset(await (async () => {
      const d = mkdtempSync(join(tmpdir(), 'fipgen-shards-'));
      for (let k = 0; k < 5; k++) await runShard({ scenario, events: 3, seed: '3', backend: 'cpu' }, d, { index: k, count: 5 });
      return d;
    })());
    expect(tiny.ok).toBe(true);
    expect(tiny.events).toBe(3);
  });

  it('reports a missing shard by number', async () => {
    const dir = await dataset(4);
    rmSync(join(dir, '_shard-00002-of-00004.json'));
    const r = inspectDataset(dir);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual([2]);
  });

  it('reports an unfinished shard (temporary file left) by number', async () => {
    const dir = await dataset(4);
    renameSync(join(dir, 'shard-00001-of-00004.arrow'), join(dir, '.shard-00001-of-00004.arrow.12345.tmp'));
    rmSync(join(dir, '_shard-00001-of-00004.json'));
    const r = inspectDataset(dir);
    expect(r.missing).toEqual([1]);
    expect(r.unfinished).toEqual([1]);
  });

  it('refuses shards of another seed or scenario and names the offending file', async () => {
    const dir = await dataset(3);
    const other = await dataset(3, '4');
    // Put shard 1 of the other run (seed 4) into this run's directory.
    for (const f of ['_shard-00001-of-00003.json', 'shard-00001-of-00003.arrow']) writeFileSync(join(dir, f), readFileSync(join(other, f)));
    let r = inspectDataset(dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^_shard-00001-of-00003\.json: seed "4", the run's is "3"/);

    const record = JSON.parse(readFileSync(join(dir, '_shard-00001-of-00003.json'), 'utf8'));
    record.seed = '3';
    record.scenario_hash = 'ffffffffffffffff';
    writeFileSync(join(dir, '_shard-00001-of-00003.json'), JSON.stringify(record));
    r = inspectDataset(dir);
    expect(r.problems[0]).toMatch(/^_shard-00001-of-00003\.json: scenario ffffffffffffffff/);
  });

  it('a shard run into a directory of another run is refused before it writes anything', async () => {
    const dir = await dataset(2);
    const before = readdirSync(dir).sort();
    await expect(runShard({ scenario, events: E, seed: 'other', backend: 'cpu' }, dir, { index: 0, count: 2 })).rejects.toThrow(/holds another run/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
