/** The float64 TypeScript backend: the reference the WGSL path is checked against. */
import type { SamplerBackend } from '../backend.js';
import { cpuBatch } from '../layout.js';
import type { PhiloxKey } from '../rng/seed.js';
import type { Plan } from '../../processes/process.js';

export function createCpuBackend(plan: Plan, key: PhiloxKey): SamplerBackend {
  const layout = plan.process.layout;
  return {
    name: 'cpu',
    adapter: 'float64 TypeScript reference (1 thread)',
    maxBatch: 1 << 20,
    async run(first, count, batchSize, consume) {
      let data = new Float64Array(0);
      for (let done = 0; done < count; ) {
        const n = Math.min(batchSize, count - done);
        if (data.length !== layout.columns.length * n) data = new Float64Array(layout.columns.length * n);
        plan.process.sampleCpu(plan, key, first + done, n, data);
        await consume(cpuBatch(layout, first + done, n, data));
        done += n;
      }
    },
    close() {},
  };
}
