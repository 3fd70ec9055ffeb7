/**
 * na62-kaon-zprime: K+ -> mu+ nu X at NA62 (PHYSICS.md section 2). The Dalitz sampling
 * against the integrated |M|^2 it comes from, CPU against WebGPU, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { PARTICLES } from '../src/physics/particles.js';
import { InputError } from '../src/config/errors.js';
import { loadScenario } from '../src/config/load.js';
import { SENTINEL_WORD } from '../src/engine/gpu/backend.js';
import { sampleColumns } from './helpers/sample.js';
import { processFor } from '../src/processes/registry.js';
import { kaonMissingMassFractions } from '../src/physics/zprime/kaon.js';
import { gpuAvailable } from './helpers/gpu.js';
import { TOLERANCE } from './helpers/tolerances.js';

const sample = (backend: 'cpu' | 'webgpu', n: number, overrides: string[] = []) => sampleColumns('na62-kaon-zprime', backend, n, [3, 1], overrides);

describe('na62-kaon-zprime: the missing-mass spectrum', async () => {
  // 10 bins in ln m_miss^2; expected fractions from the integrated |M|^2 (Gauss-Legendre over
  // each bin, independent of the table the sampler uses). Chi^2 with 9 degrees of freedom
  // below 27.9 (significance 1e-3).
  for (const [kind, overrides] of [['vector', []], ['scalar', ['model.kind=scalar']]] as const) {
    it(`${kind}: sampled m_miss^2 follows d Gamma/d m_miss^2 (chi^2, alpha = 1e-3)`, async () => {
      const N = 60_000;
      const { cols } = await sample('cpu', N, [...overrides]);
      const m = 0.01;
      const lo = Math.log(m * m);
      const hi = Math.log((PARTICLES.K.mass - PARTICLES.mu.mass) ** 2);
      const edges = Array.from({ length: 11 }, (_, k) => Math.exp(lo + ((hi - lo) * k) / 10));
      const fractions = kaonMissingMassFractions(kind, m, edges);
      const counts = new Array(10).fill(0);
      for (const x of cols.m2miss) {
        const k = Math.min(9, Math.floor(((Math.log(x) - lo) / (hi - lo)) * 10));
        counts[k]++;
      }
      let chi2 = 0;
      for (let k = 0; k < 10; k++) {
        const expected = N * fractions[k];
        chi2 += (counts[k] - expected) ** 2 / expected;
      }
      expect(chi2).toBeLessThan(27.9);
    });
  }

  it('every event has the weight N_K/N w_K(z) BR(K+ -> mu+ nu Z\'), BR = 0.213 g\'^2 (PHYSICS.md section 5)', async () => {
    const N = 1_000;
    const { plan, cols } = await sample('cpu', N);
    const br = 0.213 * 5e-4 ** 2;
    for (let i = 0; i < N; i++) {
      const w = Math.exp(cols.log_weight[i]) / cols.source_weight[i];
      expect(Math.abs(w / ((1e13 / N) * br) - 1)).toBeLessThan(2e-3);
    }
    expect(plan.productionChannels).toEqual(["K+ -> mu+ nu Z'"]);
  });
});

describe.runIf(gpuAvailable)('na62-kaon-zprime: CPU (float64) and WebGPU (float32) agree event by event, 1e4 events', async () => {
  const N = 10_000;
  const cpu = await sample('cpu', N);
  const gpu = await sample('webgpu', N);
  const L = cpu.plan.process.layout;
  it('every GPU word was written; same PDG ids', () => {
    for (const c of L.columns) expect(gpu.raw[c.name].indexOf(SENTINEL_WORD), c.name).toBe(-1);
    expect(gpu.cols.d1_pdg).toEqual(cpu.cols.d1_pdg);
  });
  it(`four-momenta within ${TOLERANCE.momentumPerParentEnergy.toExponential(1)} x E_K, vertices within ${TOLERANCE.positionMetres.toExponential(1)} m, m_miss^2 within 1e-5 relative`, () => {
    for (const c of L.columns) {
      for (let i = 0; i < N; i++) {
        const d = Math.abs(gpu.cols[c.name][i] - cpu.cols[c.name][i]);
        const tol = c.unit === 'GeV' ? TOLERANCE.momentumPerParentEnergy * cpu.cols.parent_e[i] : c.unit === 'm' ? TOLERANCE.positionMetres : c.unit === 'GeV^2' ? 1e-5 * cpu.cols[c.name][i] : c.name === 'log_weight' ? TOLERANCE.logWeight : c.name === 'source_weight' ? TOLERANCE.factorRelative : 0;
        if (c.kind === 'f32' && d > tol) expect.fail(`${c.name}, event ${i}: GPU ${gpu.cols[c.name][i]} vs CPU ${cpu.cols[c.name][i]} (tolerance ${tol})`);
      }
    }
  });
  it(`flags differ on at most ${TOLERANCE.flagDisagreementFraction * 100}% of events`, () => {
    let differ = 0;
    for (let i = 0; i < N; i++) if (gpu.cols.flags[i] !== cpu.cols.flags[i]) differ++;
    expect(differ / N).toBeLessThanOrEqual(TOLERANCE.flagDisagreementFraction);
  });
});

describe('na62-kaon-zprime: bad input', () => {
  it('a mass the kaon cannot make, a negative coupling, an unknown kind', () => {
    const plan = (o: string[]) => {
      const s = loadScenario('na62-kaon-zprime', o);
      return processFor(s).plan(s, 1);
    };
    expect(() => plan(['model.mass=0.4'])).toThrow(/model\.mass = 0\.4: K\+ -> mu\+ nu X needs mass < m_K - m_mu = 0\.38802 GeV/);
    expect(() => plan(['model.coupling=-1e-3'])).toThrow(InputError);
    expect(() => plan(['model.kind=axial'])).toThrow(/model\.kind = "axial"/);
  });
});
