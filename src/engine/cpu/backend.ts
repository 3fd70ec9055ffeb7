/** The float64 TypeScript backend: the reference the WGSL path is checked against. */
import type { SamplerBackend } from '../backend.js';
import { cpuBatch, selectRows } from '../layout.js';
import type { PhiloxKey } from '../rng/seed.js';
import { acceptedMask, totalsOfBatch, totalsShape, weightsOf } from '../totals.js';
import type { Plan } from '../../processes/process.js';

export function createCpuBackend(plan: Plan, key: PhiloxKey): SamplerBackend {
  const layout = plan.process.layout;
  const mask = acceptedMask(layout);
  const shape = totalsShape(plan);
  return {
    name: 'cpu',
    adapter: 'float64 TypeScript reference (1 thread)',
    maxBatch: 1 << 20,
    async run(first, count, batchSize, rows, consume) {
      let data = new Float64Array(0);
      for (let done = 0; done < count; ) {
        const n = Math.min(batchSize, count - done);
        if (data.length !== layout.columns.length * n) data = new Float64Array(layout.columns.length * n);
        plan.process.sampleCpu(plan, key, first + done, n, data);
        const batch = cpuBatch(layout, first + done, n, data);
        const { totals, weights } = totalsOfBatch(batch, shape);
        if (rows === 'all') await consume({ firstEvent: first + done, sampled: n, totals, events: batch, weights });
        else if (rows === 'none') await consume({ firstEvent: first + done, sampled: n, totals });
        else {
          const events = selectRows(batch, mask);
          await consume({ firstEvent: first + done, sampled: n, totals, events, weights: weightsOf(events) });
        }
        done += n;
      }
    },
    close() {},
  };
}
