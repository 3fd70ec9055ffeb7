/**
 * Sampled distributions against the analytic truth they come from, on both backends.
 * Each KS test uses a fixed seed and rejects at significance 1e-3 (critical value
 * 1.949/sqrt(n)): a correct sampler fails it once in a thousand seeds, never by drift.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { createCpuBackend } from '../src/engine/cpu/backend.js';
import { linearCosSin } from '../src/engine/cpu/sampling.js';
import { createGpuBackend } from '../src/engine/gpu/backend.js';
import type { EventBatch } from '../src/engine/layout.js';
import { twoBodyMomentum, type Vec4 } from '../src/physics/kinematics.js';
import { PARTICLES } from '../src/physics/particles.js';
import { twoBodyDecayAsymmetry } from '../src/physics/hnl/polarisation.js';
import { processFor } from '../src/processes/registry.js';
import type { Na62KaonHnlParams } from '../src/processes/na62KaonHnl.js';
import type { Plan } from '../src/processes/process.js';
import { gpuAvailable } from './helpers/gpu.js';
import { ksCritical, ksStatistic } from './helpers/stats.js';
import { restOf } from './helpers/sample.js';

const N = 50_000;

// A short-lived HNL (U^2 = 1, unphysical on purpose: c*tau ~ 0.2 m, decay length ~ 20 m) so
// the truncated exponential is far from flat over the 75 m volume and its shape is tested.
const OVERRIDES = ['model.U2=1', 'model.mass=0.35'];

async function events(backend: 'cpu' | 'webgpu') {
  const scenario = loadScenario('na62-kaon-hnl', OVERRIDES);
  const plan = processFor(scenario).plan(scenario, N) as Plan<Na62KaonHnlParams>;
  const b = backend === 'cpu' ? createCpuBackend(plan, [2024, 11]) : await createGpuBackend(plan, [2024, 11]);
  const cols: Record<string, Float64Array> = {};
  for (const c of plan.process.layout.columns) cols[c.name] = new Float64Array(N);
  try {
    await b.run(0, N, 16_384, 'all', ({ events }) => {
      const batch = events as EventBatch;
      for (const c of plan.process.layout.columns) cols[c.name].set(batch.column(c.name), batch.firstEvent);
    });
  } finally {
    b.close();
  }
  const v = (p: string, i: number): Vec4 => [cols[`${p}_px`][i], cols[`${p}_py`][i], cols[`${p}_pz`][i], cols[`${p}_e`][i]];
  return { plan, cols, v };
}


for (const backend of ['cpu', 'webgpu'] as const) {
  describe.runIf(backend === 'cpu' || gpuAvailable)(`sampled distributions, ${backend}`, async () => {
    const { plan, cols, v } = await events(backend);
    const P = plan.params;
    const mN = P.hnl_mass;
    // Exact kinematic identities are checked on the float64 path: boosting float32 lab momenta
    // of ~75 GeV back by gamma ~ 150 leaves ~1e-3 GeV of a 0.1 GeV rest-frame momentum, so on
    // the GPU they would test rounding, not physics. The GPU inherits them through the
    // event-by-event agreement (engine.cpu-gpu.test.ts); the statistical tests run on both.
    // (So these two are registered for the cpu backend only.)
    const exact = (name: string, fn: () => void) => {
      if (backend === 'cpu') it(name, fn);
    };

    exact('the N momentum in the K+ rest frame is the two-body value of its channel (PHYSICS.md 1.1 kinematics)', () => {
      const leptons = plan.productionChannels.map((l) => (l.includes('mu+') ? PARTICLES.mu : PARTICLES.e));
      let worst = 0;
      for (let i = 0; i < N; i++) {
        const nStar = restOf(v('llp', i), v('parent', i), P.kaon_mass);
        const expected = twoBodyMomentum(PARTICLES.K.mass, mN, leptons[cols.production_channel[i]].mass);
        worst = Math.max(worst, Math.abs(Math.hypot(nStar[0], nStar[1], nStar[2]) / expected - 1));
      }
      expect(worst).toBeLessThan(1e-9);
    });

    it('the decay point along the flight path follows the truncated exponential exp(-s/L) on [s_in, s_out] (KS, alpha = 1e-3)', () => {
      const u: number[] = [];
      for (let i = 0; i < N; i++) {
        const sIn = cols.decay_s_in[i];
        const sOut = cols.decay_s_out[i];
        if (!(sOut > sIn)) continue;
        const pN = Math.hypot(cols.llp_px[i], cols.llp_py[i], cols.llp_pz[i]);
        const L = (pN / mN) * P.hnl_ctau;
        // CDF of the decay distance given a decay inside: uniform if the sampler is right.
        u.push(-Math.expm1(-(cols.decay_s[i] - sIn) / L) / -Math.expm1(-(sOut - sIn) / L));
      }
      expect(u.length).toBeGreaterThan(0.9 * N);
      expect(ksStatistic(u, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(u.length));
    });

    it('the decay is not flat: the exponential is steep enough here for the test above to mean something', () => {
      let mean = 0;
      let count = 0;
      for (let i = 0; i < N; i++) {
        if (cols.decay_s_out[i] > cols.decay_s_in[i]) {
          mean += (cols.decay_s[i] - cols.decay_s_in[i]) / (cols.decay_s_out[i] - cols.decay_s_in[i]);
          count++;
        }
      }
      expect(mean / count).toBeLessThan(0.45); // 0.5 for a flat distribution
    });

    it('the charged lepton follows 1 + alpha h cos(theta) about the spin axis in its rest frame (polarised N; KS of the per-event CDF, alpha = 1e-3), and the asymmetry is there', () => {
      // alpha from src/physics/hnl/polarisation.ts (checked against Dirac traces there); the
      // decay's helicity sign is llp_helicity x sign(d1_pdg) (the l+ pi- decay of a Majorana N
      // has the opposite correlation). F(c) = [(c + 1) + a (c^2 - 1)/2]/2 maps each cos to a uniform.
      const u = new Float64Array(N);
      let asymmetry = 0;
      for (let i = 0; i < N; i++) {
        // Helicity is defined in the kaon frame: in N's rest frame its spin axis points away
        // from the kaon, -(K momentum there)/|...| (not N's lab direction).
        const N4 = v('llp', i);
        const lStar = restOf(v('d1', i), N4, mN);
        const kStar = restOf(v('parent', i), N4, mN);
        const pk = Math.hypot(kStar[0], kStar[1], kStar[2]);
        const pl = Math.hypot(lStar[0], lStar[1], lStar[2]);
        const c = -(lStar[0] * kStar[0] + lStar[1] * kStar[1] + lStar[2] * kStar[2]) / (pk * pl);
        const lepton = Math.abs(cols.d1_pdg[i]) === 13 ? PARTICLES.mu : PARTICLES.e;
        const h = cols.llp_helicity[i] * Math.sign(cols.d1_pdg[i]);
        const a = twoBodyDecayAsymmetry(mN, lepton.mass, PARTICLES.pi.mass, 'pseudoscalar') * h;
        u[i] = (c + 1 + (a * (c * c - 1)) / 2) / 2;
        asymmetry += c * h;
      }
      expect(ksStatistic(u, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(N));
      // <h cos> = alpha/3 ~ -0.3 here: far from the 0 of an isotropic decay (sd 0.0026).
      expect(asymmetry / N).toBeLessThan(-0.1);
    });

    exact('lepton and pion are back to back with the two-body momentum in the N rest frame', () => {
      let worst = 0;
      for (let i = 0; i < N; i++) {
        const N4 = v('llp', i);
        const l = restOf(v('d1', i), N4, mN);
        const p = restOf(v('d2', i), N4, mN);
        const lepton = Math.abs(cols.d1_pdg[i]) === 13 ? PARTICLES.mu : PARTICLES.e;
        const expected = twoBodyMomentum(mN, lepton.mass, PARTICLES.pi.mass);
        worst = Math.max(worst, Math.hypot(l[0] + p[0], l[1] + p[1], l[2] + p[2]) / expected, Math.abs(Math.hypot(l[0], l[1], l[2]) / expected - 1));
      }
      expect(worst).toBeLessThan(1e-9);
    });
  });
}

describe('linearCosSin (src/engine/cpu/sampling.ts): the polarised decay angle', () => {
  it('cos inverts the CDF of (1 + a cos)/2, F(cos) = (1 + cos)/2 + a (cos^2 - 1)/4 = u, and sin = sqrt(1 - cos^2) >= 0, to 1e-14, up to |a| = 1 and u at both ends', () => {
    for (const a of [-1, -0.7, -1e-3, 0, 0.3, 1]) {
      for (const u of [1e-12, 1e-7, 0.01, 0.25, 0.5, 0.9, 1 - 1e-7, 1 - 1e-12]) {
        const [cos, sin] = linearCosSin(a, u);
        expect(Math.abs((1 + cos) / 2 + (a * (cos * cos - 1)) / 4 - u), `a = ${a}, u = ${u}`).toBeLessThan(1e-14);
        expect(sin).toBeGreaterThanOrEqual(0);
        expect(Math.abs(sin * sin + cos * cos - 1), `a = ${a}, u = ${u}`).toBeLessThan(1e-14);
      }
    }
  });
});
