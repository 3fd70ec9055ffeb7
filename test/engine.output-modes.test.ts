/**
 * The three output modes of a run: totals only (no event leaves the GPU), every event, and
 * the accepted events only (compacted on the GPU). They must describe the same run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import type { EventBatch } from '../src/engine/layout.js';
import { run, type RunSummary } from '../src/engine/run.js';
import { gpuAvailable } from './helpers/gpu.js';

const N = 30_000;
const dir = mkdtempSync(join(tmpdir(), 'fipgen-modes-'));

function sameTotals(a: RunSummary, b: RunSummary): void {
  expect(a.events).toBe(b.events);
  expect(a.accepted).toBe(b.accepted);
  expect(a.sumWeights).toBe(b.sumWeights);
  expect(a.sumWeightsAccepted).toBe(b.sumWeightsAccepted);
  expect(a.sumWeightsAcceptedError).toBe(b.sumWeightsAcceptedError);
  expect(a.byProductionChannel).toEqual(b.byProductionChannel);
  expect(a.byDecayChannel).toEqual(b.byDecayChannel);
}

for (const backend of ['cpu', 'webgpu'] as const) {
  describe.runIf(backend === 'cpu' || gpuAvailable)(`output modes, ${backend}`, async () => {
    const scenario = loadScenario('na62-kaon-hnl');
    const common = { scenario, events: N, seed: 'modes', backend, batchSize: 7_000 };
    const full = join(dir, `${backend}-full.arrow`);
    const acc = join(dir, `${backend}-accepted.arrow`);
    const summaryOnly = await run(common);
    const withAll = await run({ ...common, out: full });
    const withAccepted = await run({ ...common, out: acc, acceptedOnly: true });

    it('totals only, all events written and accepted events written give identical totals', () => {
      sameTotals(summaryOnly, withAll);
      sameTotals(summaryOnly, withAccepted);
      expect(summaryOnly.accepted).toBeGreaterThan(0);
    });

    it('the accepted-only file is exactly the accepted rows of the full file, event ids included', () => {
      const a = tableFromIPC(readFileSync(full));
      const b = tableFromIPC(readFileSync(acc));
      const accepted = a.getChild('accepted')!.toArray() as boolean[];
      const keep: number[] = [];
      for (let i = 0; i < a.numRows; i++) if (accepted[i]) keep.push(i);
      expect(b.numRows).toBe(keep.length);
      for (const f of a.schema.fields) {
        const x = a.getChild(f.name)!.toArray();
        const y = b.getChild(f.name)!.toArray();
        let differ = 0;
        keep.forEach((row, r) => {
          if (x[row] !== y[r]) differ++;
        });
        expect(differ, f.name).toBe(0);
      }
      expect(b.schema.metadata.get('fipgen.rows')).toBe('accepted events only');
      expect(Number(b.schema.metadata.get('fipgen.sum_weights'))).toBe(summaryOnly.sumWeights);
    });
  });
}

describe.runIf(gpuAvailable)('GPU-resident totals', () => {
  // The reduction sums exp(log_weight - m) per chunk in float32 (m its largest log-weight)
  // and the chunks in float64: against float64 sums of the same events' weights it must
  // agree to float32 precision, 1e-5, at any weight scale. U^2 = 1e-16 makes weights
  // ~1e-21 and their squares ~1e-42, below float32's smallest normal number.
  for (const U2 of ['1e-6', '1e-16']) {
    it(`equal the host's float64 sums of the same rows to 1e-5 (U^2 = ${U2})`, async () => {
      let host = 0;
      let hostAcc = 0;
      let host2 = 0;
      const s = await run({
        scenario: loadScenario('na62-kaon-hnl', [`model.U2=${U2}`]),
        events: N,
        seed: 'reduce',
        backend: 'webgpu',
        onBatch: (b: EventBatch) => {
          const lw = b.column('log_weight');
          const flags = b.column('flags');
          for (let i = 0; i < b.n; i++) {
            const w = Math.exp(lw[i]);
            host += w;
            if (flags[i] & 1) {
              hostAcc += w;
              host2 += w * w;
            }
          }
        },
      });
      expect(host2).toBeGreaterThan(0);
      expect(Math.abs(s.sumWeights / host - 1)).toBeLessThan(1e-5);
      expect(Math.abs(s.sumWeightsAccepted / hostAcc - 1)).toBeLessThan(1e-5);
      expect(Math.abs(s.sumWeightsAcceptedError ** 2 / host2 - 1)).toBeLessThan(1e-5);
    });
  }
});
