/** Every column of a preset's events on one backend, as float64 arrays, the raw GPU words (for sentinel checks) and the event ids in the order the batches came. */
import { boost, type Vec4 } from '../../src/physics/kinematics.js';
import { loadScenario } from '../../src/config/load.js';
import type { PhiloxKey } from '../../src/engine/rng/seed.js';
import { createCpuBackend } from '../../src/engine/cpu/backend.js';
import { createGpuBackend } from '../../src/engine/gpu/backend.js';
import type { Plan } from '../../src/processes/process.js';
import { processFor } from '../../src/processes/registry.js';

export async function sampleColumns<P extends Plan = Plan>(preset: string, backend: 'cpu' | 'webgpu', n: number, key: PhiloxKey, overrides: string[] = [], batch = 8_192) {
  const scenario = loadScenario(preset, overrides);
  const plan = processFor(scenario).plan(scenario, n) as P;
  const b = backend === 'cpu' ? createCpuBackend(plan, key) : await createGpuBackend(plan, key, { sentinel: true });
  const cols: Record<string, Float64Array> = {};
  const raw: Record<string, Uint32Array> = {};
  for (const c of plan.process.layout.columns) {
    cols[c.name] = new Float64Array(n);
    raw[c.name] = new Uint32Array(n);
  }
  const ids: number[] = [];
  try {
    await b.run(0, n, batch, 'all', ({ events }) => {
      for (let i = 0; i < events!.n; i++) ids.push(events!.firstEvent + i);
      for (const c of plan.process.layout.columns) {
        const col = events!.column(c.name);
        cols[c.name].set(col, events!.firstEvent);
        if (!(col instanceof Float64Array)) raw[c.name].set(new Uint32Array(col.buffer, col.byteOffset, col.length), events!.firstEvent);
      }
    });
  } finally {
    b.close();
  }
  return { scenario, plan, cols, raw, ids };
}

/** The (px, py, pz, E) four-vector `prefix` of event i in a batch's columns. */
export function p4(cols: Record<string, Float64Array>, prefix: string, i: number): Vec4 {
  return [cols[`${prefix}_px`][i], cols[`${prefix}_py`][i], cols[`${prefix}_pz`][i], cols[`${prefix}_e`][i]];
}

/** Four-vector p seen from the rest frame of a particle of momentum `frame` (same frame as p) and mass m. */
export function restOf(p: readonly number[], frame: readonly number[], m: number): Vec4 {
  return boost(p as Vec4, [-frame[0], -frame[1], -frame[2], frame[3]], m);
}
