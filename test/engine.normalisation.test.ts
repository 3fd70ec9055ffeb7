/**
 * The weights against an analog Monte Carlo written independently here (no forced decays,
 * no importance weights): kaons decay along the beam with their true exponential, N flies
 * isotropically from the kaon rest frame and decays at an exponentially distributed
 * distance. The fraction of N that decay inside the decay volume must equal the generator's
 * mean of w_K * P, i.e. exp(log_weight - log_norm), within 4 combined standard deviations.
 * Beam spread, divergence, spot and slope are switched off so the analog beam is exact.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { run } from '../src/engine/run.js';
import { C_M_PER_S } from '../src/physics/constants.js';
import { twoBodyMomentum } from '../src/physics/kinematics.js';
import { PARTICLES } from '../src/physics/particles.js';
import { na62KaonHnl } from '../src/processes/na62KaonHnl.js';
import seedrandom from 'seedrandom';

const OVERRIDES = [
  'source.momentum_rms_fraction=0', 'source.divergence_rms_rad=0', 'source.spot_rms_m=0', 'source.slope_x_rad=0', 'source.axis_point_m=[0,0,0]',
  'model.mixing=0:1:0', 'model.mass=0.3',
];

describe('weight normalisation against an analog Monte Carlo (na62-kaon-hnl, cpu)', () => {
  for (const U2 of [0.3, 1e-2]) {
    it(`U^2 = ${U2}: fraction of N decaying in the volume = mean(w_K P)`, async () => {
      const scenario = loadScenario('na62-kaon-hnl', [...OVERRIDES, `model.U2=${U2}`]);
      const N = 100_000;
      const plan = na62KaonHnl.plan(scenario, N);
      let sum = 0;
      let sum2 = 0;
      await run({
        scenario, events: N, seed: 'norm', backend: 'cpu',
        onBatch: (b) => {
          const lw = b.column('log_weight');
          for (let i = 0; i < b.n; i++) {
            const x = Math.exp(lw[i] - plan.params.log_norm);
            sum += x;
            sum2 += x * x;
          }
        },
      });
      const mean = sum / N;
      const meanErr = Math.sqrt((sum2 / N - mean * mean) / N);

      // The analog Monte Carlo.
      const rng = seedrandom('analog');
      const mK = PARTICLES.K.mass;
      const p = 75;
      const eK = Math.hypot(p, mK);
      const beta = p / eK;
      const gamma = eK / mK;
      const lambdaK = (p / mK) * PARTICLES.K.lifetime * C_M_PER_S;
      const mN = 0.3;
      const pStar = twoBodyMomentum(mK, mN, PARTICLES.mu.mass);
      const eStar = Math.hypot(pStar, mN);
      const ctau = plan.params.hnl_ctau;
      const trials = 200_000;
      let inside = 0;
      for (let t = 0; t < trials; t++) {
        // Kaon decay point, given that it decays in [105, 180] m: the truncated exponential.
        const z0 = 105 - lambdaK * Math.log(1 - rng() * (1 - Math.exp(-75 / lambdaK)));
        // N direction in the kaon frame; its azimuth does not matter (the volume is a cylinder on the beam axis).
        const cos = 2 * rng() - 1;
        const sin = Math.sqrt(1 - cos * cos);
        const pz = gamma * (pStar * cos + beta * eStar);
        const pt = pStar * sin;
        const pN = Math.hypot(pz, pt);
        const s = -((pN / mN) * ctau) * Math.log(rng());
        const z = z0 + (s * pz) / pN;
        const r = (s * pt) / pN;
        if (z >= 105 && z <= 180 && r < 1) inside++;
      }
      const f = inside / trials;
      const fErr = Math.sqrt((f * (1 - f)) / trials);
      expect(f).toBeGreaterThan(0);
      expect(Math.abs(mean - f)).toBeLessThan(4 * Math.hypot(meanErr, fErr));
    });
  }
});
