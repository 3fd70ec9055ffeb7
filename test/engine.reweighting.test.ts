/**
 * Reweighting (README "Weights, and reweighting"; src/scan/hnlReweight.ts, what fipgen scan
 * uses): a sample generated at U^2 = 1e-6 (decay length ~1e7 m, flat over the volume),
 * reweighted event by event to U^2 = 0.3 (unphysical on purpose: decay length ~30 m, so the
 * decay-point density is steep over the 75 m volume), gives the expected accepted events of
 * a sample generated at U^2 = 0.3, within 4 combined Monte Carlo standard deviations.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { run } from '../src/engine/run.js';
import { acceptedMask } from '../src/engine/totals.js';
import { na62KaonHnl } from '../src/processes/na62KaonHnl.js';
import { AcceptedSample } from '../src/scan/hnlReweight.js';

const N = 40_000;
const U2A = 1e-6;
const U2B = 0.3;

describe('reweighting to another U^2 equals regenerating (na62-kaon-hnl, cpu)', () => {
  it('sum of accepted weights agrees within 4 sigma, and differs from the long-lifetime U^4 scaling', async () => {
    const scenarioA = loadScenario('na62-kaon-hnl', [`model.U2=${U2A}`]);
    const scenarioB = loadScenario('na62-kaon-hnl', [`model.U2=${U2B}`]);
    const planA = na62KaonHnl.plan(scenarioA, N);
    const ctauB = na62KaonHnl.plan(scenarioB, N).params.hnl_ctau;
    expect(planA.params.hnl_ctau / ctauB).toBeCloseTo(U2B / U2A, 6);

    const sample = new AcceptedSample(planA.params.hnl_mass, acceptedMask(na62KaonHnl.layout));
    const a = await run({ scenario: scenarioA, events: N, seed: 'reweight-a', backend: 'cpu', onBatch: (b) => sample.add(b) });
    const [at1e6, atB] = [U2A, U2B].map((u) => sample.expectations(U2A, planA.params.hnl_ctau, [u], planA.productionChannels.length));
    const direct = await run({ scenario: scenarioB, events: N, seed: 'reweight-b', backend: 'cpu' });

    // Reweighting to the generated U^2 is the identity.
    expect(at1e6.expected[0] / a.sumWeightsAccepted - 1).toBeCloseTo(0, 10);
    const sigma = Math.hypot(atB.error[0], direct.sumWeightsAcceptedError);
    expect(direct.sumWeightsAccepted).toBeGreaterThan(0);
    expect(Math.abs(atB.expected[0] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    // The test has teeth: the long-lifetime shortcut (P proportional to 1/L, so U^4) misses by ~40 sigma.
    const longLifetimeScaling = a.sumWeightsAccepted * (U2B / U2A) ** 2;
    expect(Math.abs(longLifetimeScaling - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma);
  });
});
