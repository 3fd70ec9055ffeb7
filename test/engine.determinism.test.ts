import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import type { BackendName } from '../src/engine/backend.js';
import type { EventBatch } from '../src/engine/layout.js';
import { run } from '../src/engine/run.js';
import { gpuAvailable } from './helpers/gpu.js';

const N = 5_000;

/** Every sampler column of a run, concatenated in event order, as raw bytes per column. */
async function columns(backend: BackendName, seed: string, batchSize: number, firstEvent = 0, events = N, maxWorkgroupsPerDimension?: number) {
  // totalEvents: a slice of a run of N events is normalised like the whole run.
  const out: Record<string, number[]> = {};
  await run({
    scenario: loadScenario('na62-kaon-hnl'),
    events,
    seed,
    backend,
    batchSize,
    firstEvent,
    totalEvents: N,
    gpuOptions: { maxWorkgroupsPerDimension },
    onBatch: (b: EventBatch) => {
      for (const c of b.layout.columns) (out[c.name] ??= []).push(...b.column(c.name));
    },
  });
  return out;
}

for (const backend of ['cpu', 'webgpu'] as const) {
  describe.runIf(backend === 'cpu' || gpuAvailable)(`reproducibility, ${backend}`, () => {
    it('the same seed gives identical events; batch size changes nothing', async () => {
      const a = await columns(backend, '42', 1_000);
      const b = await columns(backend, '42', 1_777);
      const c = await columns(backend, '42', N);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    });

    if (backend === 'webgpu') {
      it('a 2-D dispatch (workgroups spilling into y) gives the same events', async () => {
        const a = await columns(backend, '42', N);
        // 5000 events = 79 workgroups of 64: with at most 7 per dimension, a 7 x 12 grid.
        const b = await columns(backend, '42', N, 0, N, 7);
        expect(b).toEqual(a);
      });
    }

    it('a different seed, numeric or string, gives different events', async () => {
      const a = await columns(backend, '42', N);
      const b = await columns(backend, '43', N);
      const s = await columns(backend, 'forty-two', N);
      expect(b.decay_z).not.toEqual(a.decay_z);
      expect(s.decay_z).not.toEqual(a.decay_z);
    });

    it('event i depends only on (seed, i): a run starting at event 2000 repeats the tail of one starting at 0', async () => {
      const whole = await columns(backend, '42', 1_000);
      const tail = await columns(backend, '42', 999, 2_000, N - 2_000);
      for (const name of ['log_weight', 'decay_z', 'llp_px', 'd1_e', 'flags']) expect(tail[name]).toEqual(whole[name].slice(2_000));
    });
  });
}
