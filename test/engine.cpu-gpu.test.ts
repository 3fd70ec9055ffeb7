import { describe, expect, it } from 'vitest';
import { SENTINEL_WORD } from '../src/engine/gpu/backend.js';
import { sampleColumns } from './helpers/sample.js';
import { gpuAvailable } from './helpers/gpu.js';
import { TOLERANCE } from './helpers/tolerances.js';

const N = 10_000;

/** All columns of a run as float64 (integers exact), the raw words and the event ids. */
async function sample(backend: 'cpu' | 'webgpu', overrides: string[], batch: number) {
  const { plan, cols: columns, raw, ids } = await sampleColumns('na62-kaon-hnl', backend, N, [7, 0], overrides, batch);
  return { plan, columns, raw, ids };
}

describe.runIf(gpuAvailable)('CPU (float64) and WebGPU (float32) agree event by event, na62-kaon-hnl, 1e4 events', async () => {
  // Dirac and Majorana; the default mass and one close to the K -> mu N edge (slow, steep tracks).
  const cases: [string, string[]][] = [
    ['Majorana, 0.3 GeV', []],
    ['Dirac, 0.38 GeV, U_mu only', ['model.majorana=false', 'model.mass=0.38', 'model.mixing=0:1:0']],
  ];
  for (const [label, overrides] of cases) {
    const cpu = await sample('cpu', overrides, 3_000);
    const gpu = await sample('webgpu', overrides, 4_096);
    const L = cpu.plan.process.layout;

    it(`${label}: every GPU word was written (no 0xCA sentinel left)`, () => {
      for (const c of L.columns) expect(gpu.raw[c.name].indexOf(SENTINEL_WORD), c.name).toBe(-1);
    });

    it(`${label}: same event ids, channels and daughters' PDG ids`, () => {
      expect(gpu.ids).toEqual(cpu.ids);
      for (const name of ['production_channel', 'decay_channel', 'd1_pdg', 'd2_pdg']) expect(gpu.columns[name], name).toEqual(cpu.columns[name]);
    });

    it(`${label}: four-momenta within ${TOLERANCE.momentumPerParentEnergy.toExponential(1)} x E_K`, () => {
      const momenta = L.columns.filter((c) => c.unit === 'GeV').map((c) => c.name);
      for (const name of momenta) {
        for (let i = 0; i < N; i++) {
          const tol = TOLERANCE.momentumPerParentEnergy * cpu.columns.parent_e[i];
          if (Math.abs(gpu.columns[name][i] - cpu.columns[name][i]) > tol) {
            expect.fail(`${name}, event ${i}: GPU ${gpu.columns[name][i]} vs CPU ${cpu.columns[name][i]} (tolerance ${tol})`);
          }
        }
      }
    });

    it(`${label}: vertices and path lengths within ${TOLERANCE.positionMetres.toExponential(1)} m`, () => {
      for (const c of L.columns.filter((c) => c.unit === 'm')) {
        let worst = 0;
        for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(gpu.columns[c.name][i] - cpu.columns[c.name][i]));
        expect(worst, c.name).toBeLessThan(TOLERANCE.positionMetres);
      }
    });

    it(`${label}: weights: ln w and ln P within ${TOLERANCE.logWeight}, w_K within ${TOLERANCE.factorRelative} relative`, () => {
      for (const name of ['log_weight', 'decay_log_prob']) {
        let worstLog = 0;
        for (let i = 0; i < N; i++) worstLog = Math.max(worstLog, Math.abs(gpu.columns[name][i] - cpu.columns[name][i]));
        expect(worstLog, name).toBeLessThan(TOLERANCE.logWeight);
      }
      for (const name of ['source_weight']) {
        let worst = 0;
        for (let i = 0; i < N; i++) if (cpu.columns[name][i] > 0) worst = Math.max(worst, Math.abs(gpu.columns[name][i] / cpu.columns[name][i] - 1));
        expect(worst, name).toBeLessThan(TOLERANCE.factorRelative);
      }
    });

    it(`${label}: acceptance flags differ on at most ${TOLERANCE.flagDisagreementFraction * 100}% of events; sums of weights within 1%`, () => {
      let differ = 0;
      const sums = { cpu: [0, 0], gpu: [0, 0] };
      for (let i = 0; i < N; i++) {
        if (gpu.columns.flags[i] !== cpu.columns.flags[i]) differ++;
        for (const [k, r] of [['cpu', cpu], ['gpu', gpu]] as const) {
          const w = Math.exp(r.columns.log_weight[i]);
          sums[k][0] += w;
          if (r.columns.flags[i] & 1) sums[k][1] += w;
        }
      }
      expect(differ / N).toBeLessThanOrEqual(TOLERANCE.flagDisagreementFraction);
      expect(Math.abs(sums.gpu[0] / sums.cpu[0] - 1)).toBeLessThan(TOLERANCE.sumOfWeightsRelative);
      expect(Math.abs(sums.gpu[1] / sums.cpu[1] - 1)).toBeLessThan(TOLERANCE.sumOfWeightsRelative);
      expect(sums.cpu[1]).toBeGreaterThan(0);
    });
  }
});
