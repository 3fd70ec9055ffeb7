/**
 * The README's reweighting recipe: a sample generated at U^2 = 1e-6 (decay length ~1e7 m,
 * flat over the volume), reweighted event by event to U^2 = 0.3 (unphysical on purpose:
 * decay length ~30 m, so the decay-point density is steep over the 75 m volume), gives the
 * expected accepted events of a sample generated at U^2 = 0.3, within 4 combined Monte Carlo
 * standard deviations.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import type { EventBatch } from '../src/engine/layout.js';
import { run } from '../src/engine/run.js';
import { na62KaonHnl } from '../src/processes/na62KaonHnl.js';

const N = 40_000;
const U2A = 1e-6;
const U2B = 0.3;

describe('reweighting to another U^2 equals regenerating (na62-kaon-hnl, cpu)', () => {
  it('sum of accepted weights agrees within 4 sigma', async () => {
    const scenarioA = loadScenario('na62-kaon-hnl', [`model.U2=${U2A}`]);
    const scenarioB = loadScenario('na62-kaon-hnl', [`model.U2=${U2B}`]);
    const mN = scenarioA.model.mass;
    const ctauA = na62KaonHnl.plan(scenarioA, N).params.hnl_ctau;
    const ctauB = na62KaonHnl.plan(scenarioB, N).params.hnl_ctau;
    expect(ctauA / ctauB).toBeCloseTo(U2B / U2A, 6);

    let sum = 0;
    let sum2 = 0;
    let longLifetimeScaling = 0;
    const reweight = (b: EventBatch) => {
      const [lw, flags, s, sIn, sOut, P, px, py, pz] = ['log_weight', 'flags', 'decay_s', 'decay_s_in', 'decay_s_out', 'decay_prob', 'llp_px', 'llp_py', 'llp_pz'].map((n) => b.column(n));
      for (let i = 0; i < b.n; i++) {
        if (!(flags[i] & 1)) continue;
        const betaGamma = Math.hypot(px[i], py[i], pz[i]) / mN;
        const L = betaGamma * ctauA;
        const Lb = betaGamma * ctauB;
        const proposal = Math.exp(-(s[i] - sIn[i]) / L) / (L * -Math.expm1(-(sOut[i] - sIn[i]) / L));
        const w = Math.exp(lw[i]) * (U2B / U2A) * (Math.exp(-s[i] / Lb) / Lb / proposal / P[i]);
        sum += w;
        sum2 += w * w;
        // The long-lifetime shortcut (P proportional to 1/L): what the exact density must beat.
        longLifetimeScaling += Math.exp(lw[i]) * (U2B / U2A) ** 2;
      }
    };
    await run({ scenario: scenarioA, events: N, seed: 'reweight-a', backend: 'cpu', onBatch: reweight });
    const direct = await run({ scenario: scenarioB, events: N, seed: 'reweight-b', backend: 'cpu' });

    const sigma = Math.hypot(Math.sqrt(sum2), direct.sumWeightsAcceptedError);
    expect(direct.sumWeightsAccepted).toBeGreaterThan(0);
    expect(Math.abs(sum - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    // The test has teeth: here the long-lifetime scaling (U^4) misses by ~40 sigma.
    expect(Math.abs(longLifetimeScaling - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma);
  });
});
