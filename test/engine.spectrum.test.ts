/**
 * A plan's spectrum (the histogram of one column the totals carry; the nucleus processes'
 * recoil spectrum): its groups add up to the run's totals, each bin equals the histogram of
 * the written rows, the CPU and the GPU reduction agree, shards add up to the whole run, and
 * the CEvNS recoil spectrum equals the rate by quadrature bin by bin.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { run, type ChannelTotals, type RunSummary } from '../src/engine/run.js';
import { runShard } from '../src/engine/runShard.js';
import { spectrumGroup } from '../src/engine/totals.js';
import { loadNucleusGeometry } from '../src/geometry/nucleus.js';
import { inspectDataset } from '../src/output/dataset.js';
import { cevnsDsigmaDER, maxRecoil } from '../src/physics/cevns.js';
import { GEV_M2_TO_CM2, KG_PER_GEV } from '../src/physics/constants.js';
import { integrate } from '../src/physics/integrate.js';
import { targetByName } from '../src/physics/nuclei.js';
import { fluxPerGeV } from '../src/processes/nucleusCommon.js';
import { gpuAvailable } from './helpers/gpu.js';

const dir = mkdtempSync(join(tmpdir(), 'fipgen-spectrum-'));
const scenario = loadScenario('nucleus-cevns');
if (scenario.process !== 'nucleus-cevns') throw new Error('preset');
const { source } = scenario;
const N = 100_000;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

function groupsOf(s: RunSummary): ChannelTotals[] {
  const sp = s.spectrum!;
  return [sp.underflow, ...sp.bins, sp.overflow];
}

describe('the recoil spectrum of nucleus-cevns (cpu)', async () => {
  const out = join(dir, 'cpu.arrow');
  const s = await run({ scenario, events: N, seed: 'spectrum', backend: 'cpu', out });

  it('its groups add up to the totals of the run', () => {
    const g = groupsOf(s);
    expect(g.reduce((a, x) => a + x.events, 0)).toBe(s.events);
    expect(g.reduce((a, x) => a + x.accepted, 0)).toBe(s.accepted);
    expect(rel(g.reduce((a, x) => a + x.sumWeights, 0), s.sumWeights)).toBeLessThan(1e-12);
    expect(rel(g.reduce((a, x) => a + x.sumWeightsAccepted, 0), s.sumWeightsAccepted)).toBeLessThan(1e-12);
    expect(s.spectrum!.bins.filter((b) => b.accepted > 100).length).toBeGreaterThan(8);
  });

  it('each bin is the histogram of the written rows (er, weight, accepted)', () => {
    const t = tableFromIPC(readFileSync(out));
    const er = t.getChild('er')!.toArray() as Float64Array;
    const w = t.getChild('weight')!.toArray() as Float64Array;
    const acc = t.getChild('accepted')!.toArray() as boolean[];
    const edges = s.spectrum!.edges;
    const sums = new Float64Array(edges.length + 1);
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (let i = 0; i < t.numRows; i++) {
      const k = spectrumGroup(Math.fround(er[i]), edges);
      counts[k]++;
      if (acc[i]) sums[k] += w[i];
    }
    groupsOf(s).forEach((g, k) => {
      expect(g.events, `group ${k} events`).toBe(counts[k]);
      expect(rel(g.sumWeightsAccepted, sums[k]) < 1e-9 || g.sumWeightsAccepted === sums[k], `group ${k}`).toBe(true);
    });
  });

  it('dR/dE_R integrated over each bin by quadrature (PHYSICS.md CEvNS formula, reactor flux) agrees within 4 sigma + 1%', () => {
    const geometry = loadNucleusGeometry('nucleus');
    const [e0, e1] = source.energy_range_MeV.map((x) => x * 1e-3);
    const T = scenario.exposure.live_days * 86400;
    const edges = s.spectrum!.edges;
    let checked = 0;
    s.spectrum!.bins.forEach((bin, k) => {
      if (bin.accepted < 200) return;
      let expected = 0;
      for (const arr of geometry.arrays) {
        const target = targetByName(arr.material);
        const units = arr.mass_g / 1000 / (target.unitMass * KG_PER_GEV);
        const lo = Math.max(edges[k], arr.threshold_eV * 1e-9);
        for (const c of target.components) {
          expected += units * c.count * integrate((E) => {
            const hi = Math.min(edges[k + 1], maxRecoil(E, c.nucleus.M));
            if (!(hi > lo)) return 0;
            const f = (t: number) => cevnsDsigmaDER(E, Math.exp(t), c.nucleus) * Math.exp(t);
            return fluxPerGeV(source, E) * integrate(f, Math.log(lo), Math.log(hi), 12);
          }, e0, e1, 64);
        }
      }
      expected *= T * GEV_M2_TO_CM2;
      const sigma = Math.sqrt(bin.sumWeights2Accepted);
      expect(Math.abs(bin.sumWeightsAccepted - expected), `bin ${k}`).toBeLessThan(4 * sigma + 0.01 * expected);
      checked++;
    });
    expect(checked).toBeGreaterThan(8);
  });

  it('two shards merged give the spectrum of the whole run', async () => {
    const ds = join(dir, 'shards');
    for (const index of [0, 1]) await runShard({ scenario, events: N, seed: 'spectrum', backend: 'cpu' }, ds, { index, count: 2 });
    const merged = inspectDataset(ds).spectrum!;
    [merged.underflow, ...merged.bins, merged.overflow].forEach((g, k) => {
      const whole = groupsOf(s)[k];
      expect(g.events).toBe(whole.events);
      expect(g.accepted).toBe(whole.accepted);
      expect(rel(g.sumWeightsAccepted, whole.sumWeightsAccepted) < 1e-12 || g.sumWeightsAccepted === whole.sumWeightsAccepted).toBe(true);
    });
  });

  describe.runIf(gpuAvailable)('webgpu: the spectrum reduced on the GPU (no output) against the CPU', async () => {
    const g = await run({ scenario, events: N, seed: 'spectrum', backend: 'webgpu' });
    it('same counts per bin but for events on a bin edge in float32; sums within 1e-4 of the total', () => {
      let moved = 0;
      groupsOf(g).forEach((x, k) => {
        const c = groupsOf(s)[k];
        moved += Math.abs(x.events - c.events);
        expect(Math.abs(x.sumWeightsAccepted - c.sumWeightsAccepted), `group ${k}`).toBeLessThan(1e-4 * s.sumWeightsAccepted);
      });
      expect(moved).toBeLessThanOrEqual(10);
    });
  });
});
