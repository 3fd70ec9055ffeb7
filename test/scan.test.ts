import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/config/errors.js';
import { loadScenario } from '../src/config/load.js';
import { run } from '../src/engine/run.js';
import { gridPoints, parseRange } from '../src/scan/grid.js';
import { contourSegments } from '../src/scan/plot.js';
import { inspectScan, runScan, scannable, writeScanOutputs } from '../src/scan/scan.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

describe('scan grids', () => {
  it('parse start:stop:count, linear and logarithmic', () => {
    expect(gridPoints('--mass', parseRange('--mass', '0.1:0.3:3'), false).map((x) => +x.toFixed(12))).toEqual([0.1, 0.2, 0.3]);
    const u = gridPoints('--U2', parseRange('--U2', '1e-9:1e-3:7'), true);
    expect(u.length).toBe(7);
    u.forEach((x, k) => expect(Math.log10(x)).toBeCloseTo(-9 + k, 12));
  });
  it('refuse an empty range, a bad count and a log range through zero', () => {
    expect(() => parseRange('--mass', '0.3:0.2:5')).toThrow(/range is empty/);
    expect(() => parseRange('--U2', '1e-9:1e-3:0')).toThrow(InputError);
    expect(() => parseRange('--U2', '1e-9:1e-3')).toThrow(InputError);
    expect(() => gridPoints('--U2', parseRange('--U2', '0:1e-3:4'), true)).toThrow(/start > 0/);
  });
});

describe('contour (marching squares)', () => {
  it('finds the level line of a plane v = x - 1.5 at x = 1.5 across the grid', () => {
    const v = [0, 1, 2, 3].map((x) => [0, 1, 2].map(() => x - 1.5));
    const segs = contourSegments(v);
    expect(segs).toHaveLength(2);
    for (const [a, , c] of segs) {
      expect(a).toBeCloseTo(1.5, 12);
      expect(c).toBeCloseTo(1.5, 12);
    }
  });
});

describe('fipgen scan, na62-kaon-hnl (cpu)', async () => {
  const scenario = scannable(loadScenario('na62-kaon-hnl'));
  const base = { scenario, massLog: false, eventsPerMass: 20_000, seed: 'scan', backend: 'cpu' as const, level: 2.3 };
  const masses = gridPoints('--mass', parseRange('--mass', '0.2:0.44:4'), false);
  const U2 = gridPoints('--U2', parseRange('--U2', '1e-8:1e-2:7'), true);
  const whole = tmp('fipgen-scan-');
  await runScan({ ...base, masses, couplings: U2, out: whole });
  const report = inspectScan(whole);
  const files = writeScanOutputs(whole, report);

  it('writes the table (one row per mass and U^2) and the plot (SVG with the contour, PNG)', () => {
    const csv = readFileSync(files[0], 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^mass_GeV,U2,expected_events,mc_error,expected\[K\+ -> e\+ N\]/);
    expect(csv.length - 1).toBe(masses.length * U2.length);
    const svg = readFileSync(files[2], 'utf8');
    expect(svg).toContain('na62-kaon-hnl: expected accepted events');
    expect(svg).toMatch(/<path d="M[^"]+" stroke="black"/); // the 2.3-event contour crosses this grid
    const png = readFileSync(files[3]);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1640); // width: 2 x 820
  });

  it('sharded over masses (3 shards), merged, gives the same table byte for byte', async () => {
    const dir = tmp('fipgen-scan-shards-');
    for (let k = 0; k < 3; k++) await runScan({ ...base, masses, couplings: U2, out: dir, shard: { index: k, count: 3 } });
    const r = inspectScan(dir);
    expect(r.ok).toBe(true);
    const f = writeScanOutputs(dir, r);
    expect(readFileSync(f[0], 'utf8')).toBe(readFileSync(files[0], 'utf8'));
  });

  it('reports a missing shard of a scan by number', async () => {
    const dir = tmp('fipgen-scan-missing-');
    await runScan({ ...base, masses, couplings: U2, out: dir, shard: { index: 1, count: 3 } });
    const r = inspectScan(dir);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual([0, 2]);
  });

  it('the reweighted expectation at U^2 = 0.3 equals a sample generated there within 4 sigma, unlike U^4 scaling', async () => {
    // U^2 = 0.3 (unphysical on purpose): a decay length of tens of metres, where the exact
    // density matters; the grid above reaches only 1e-2, so this scan has its own grid.
    const dir = tmp('fipgen-scan-teeth-');
    const { results } = await runScan({ ...base, masses: [0.36], couplings: [1e-6, 0.3], out: dir });
    const m = results[0];
    const direct = await run({ scenario: loadScenario('na62-kaon-hnl', ['model.mass=0.36', 'model.U2=0.3']), events: 20_000, seed: 'direct', backend: 'cpu' });
    const sigma = Math.hypot(m.error[1], direct.sumWeightsAcceptedError);
    expect(Math.abs(m.expected[1] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    expect(Math.abs(m.expected[0] * (0.3 / 1e-6) ** 2 - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma);
  });

  it('refuses a mass the process cannot make before writing anything', async () => {
    const dir = join(tmp('fipgen-scan-bad-'), 'out');
    await expect(runScan({ ...base, masses: [0.3, 0.6], couplings: U2, out: dir })).rejects.toThrow(/--mass = 0\.6: this mass cannot be generated/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('fipgen scan --target-mixing, na62-kaon-hnl (cpu)', () => {
  it('a sample at 1:1:0 reported at 0:1:0 equals a scan generated at 0:1:0 within 4 sigma per U^2; the plot names both ratios; a mediator scan refuses it', async () => {
    const kaon = (mixing: string) => scannable(loadScenario('na62-kaon-hnl', [`model.mixing=${mixing}`]));
    const base = { massLog: false, eventsPerMass: 40_000, backend: 'cpu' as const, level: 2.3, masses: [0.3], couplings: [1e-6, 1e-3] };
    const dirA = tmp('fipgen-scan-mix-a-');
    const dirB = tmp('fipgen-scan-mix-b-');
    await runScan({ ...base, scenario: kaon('1:1:0'), seed: 'mix-a', out: dirA, targetMixing: '0:1:0' });
    await runScan({ ...base, scenario: kaon('0:1:0'), seed: 'mix-b', out: dirB });
    const dirC = tmp('fipgen-scan-mix-c-');
    await runScan({ ...base, scenario: kaon('1:1:0'), seed: 'mix-a', out: dirC });
    const [a, b, c] = [inspectScan(dirA), inspectScan(dirB), inspectScan(dirC)];
    expect(a.manifest.target_mixing).toBe('0:1:0');
    expect('target_mixing' in c.manifest).toBe(false);
    for (let k = 0; k < 2; k++) {
      const sigma = Math.hypot(a.results[0].error[k], b.results[0].error[k]);
      expect(b.results[0].expected[k]).toBeGreaterThan(0);
      expect(Math.abs(a.results[0].expected[k] - b.results[0].expected[k])).toBeLessThan(4 * sigma);
      // Teeth: the same sample not reweighted (1:1:0) is far from it.
      expect(Math.abs(c.results[0].expected[k] - b.results[0].expected[k])).toBeGreaterThan(5 * Math.hypot(c.results[0].error[k], b.results[0].error[k]));
    }
    const svg = readFileSync(writeScanOutputs(dirA, a)[2], 'utf8');
    expect(svg).toContain('U_e² : U_μ² : U_τ² = 0:1:0, reweighted from 1:1:0');
    const zprime = scannable(loadScenario('na62-kaon-zprime'));
    await expect(runScan({ ...base, scenario: zprime, masses: [0.1], seed: 's', out: join(tmp('fipgen-scan-mix-bad-'), 'out'), targetMixing: '0:1:0' })).rejects.toThrow(/--target-mixing = "0:1:0": only HNL scans/);
    const lacking = join(tmp('fipgen-scan-mix-bad-'), 'out');
    await expect(runScan({ ...base, scenario: kaon('0:1:0'), seed: 's', out: lacking, targetMixing: '1:1:0' })).rejects.toThrow(/--target-mixing = "1:1:0": the sample \(model.mixing 0:1:0\) has U_e\^2 = 0/);
    expect(existsSync(lacking)).toBe(false);
  });

  it('na62-dump-hnl from 1:1:1 to 0:0:1 at 3.6 GeV, where U_tau alone makes no N (B+ -> tau+ N closes at 3.5 GeV): zero expected events, not an error, though the 1:1:1 sample itself expects some', async () => {
    const dump = scannable(loadScenario('na62-dump-hnl', ['model.mixing=1:1:1']));
    const common = { scenario: dump, massLog: false, eventsPerMass: 5_000, backend: 'cpu' as const, level: 2.3, masses: [3.6], couplings: [1e-6], seed: 's' };
    const asGenerated = tmp('fipgen-scan-mix-zero-a-');
    await runScan({ ...common, out: asGenerated });
    expect(inspectScan(asGenerated).results[0].expected[0]).toBeGreaterThan(0);
    const dir = tmp('fipgen-scan-mix-zero-');
    await runScan({ ...common, out: dir, targetMixing: '0:0:1' });
    expect(inspectScan(dir).results[0].expected).toEqual([0]);
  });
});

describe('fipgen scan, na62-kaon-zprime (cpu): the coupling axis and the (g-2)_mu band', async () => {
  const scenario = scannable(loadScenario('na62-kaon-zprime'));
  const dir = tmp('fipgen-scan-zprime-');
  const couplings = [1e-4, 1e-3, 1e-2];
  await runScan({ scenario, masses: [0.01, 0.1], massLog: true, couplings, g2Band: [251e-11, 59e-11], eventsPerMass: 3_000, seed: 's', backend: 'cpu', level: 2.3, out: dir });
  const report = inspectScan(dir);
  const files = writeScanOutputs(dir, report);

  it('expected events scale as g^2 (X escapes: every weight is proportional to g^2)', () => {
    for (const r of report.results) {
      expect(r.expected[1] / r.expected[0]).toBeCloseTo(100, 8);
      expect(r.expected[2] / r.expected[1]).toBeCloseTo(100, 8);
      expect(r.ctau_generated_m).toBeNull();
    }
  });
  it('the table names its axis g, and the plot draws the band of the given Delta a_mu', () => {
    expect(readFileSync(files[0], 'utf8').split('\n')[0]).toMatch(/^mass_GeV,g,expected_events,mc_error,expected\[K\+ -> mu\+ nu Z'\]/);
    const svg = readFileSync(files[2], 'utf8');
    expect(svg).toContain('band: Δa_μ = (251 ± 59)e-11');
    expect(svg).toMatch(/<polygon points="[^"]+" fill="rgb\(230,60,60\)"/);
    expect(svg).toContain("coupling g' (L_μ - L_τ)");
  });
});

describe('fipgen scan, nucleus-dipole (cpu): reweighting over mu', async () => {
  it('the expectation reweighted from mu = 1e-7 to 5e-5 mu_B equals a sample generated there within 4 sigma, unlike mu^4 scaling', async () => {
    // At 5e-5 mu_B the decay length (~2 cm) is shorter than the 5 cm veto distance: the decay
    // density changes shape, and the long-lifetime scaling (production x decay, mu^4) fails.
    const scenario = scannable(loadScenario('nucleus-dipole'));
    const dir = tmp('fipgen-scan-dipole-');
    const { results } = await runScan({ scenario, masses: [0.001], massLog: false, couplings: [1e-7, 5e-5], eventsPerMass: 40_000, seed: 'd', backend: 'cpu', level: 2.3, out: dir });
    const r = results[0];
    const direct = await run({ scenario: loadScenario('nucleus-dipole', ['model.mu_bohr=5e-5']), events: 40_000, seed: 'direct', backend: 'cpu' });
    const sigma = Math.hypot(r.error[1], direct.sumWeightsAcceptedError);
    expect(Math.abs(r.expected[1] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    expect(Math.abs(r.expected[0] * (5e-5 / 1e-7) ** 4 - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma);
    expect(readFileSync(join(dir, '_scan.json'), 'utf8')).toContain('"coupling_name": "mu"');
  });

  it('the Dirac expectation reweighted from the Majorana sample equals a Dirac sample within 4 sigma; both contours are drawn', async () => {
    // Same production; the Dirac nu gamma width is half and its photons follow (1 - cos theta*)/2.
    const scenario = scannable(loadScenario('nucleus-dipole'));
    const dir = tmp('fipgen-scan-dirac-');
    const { results } = await runScan({ scenario, masses: [0.002, 0.004], massLog: false, couplings: [1e-8, 1e-7, 1e-6], eventsPerMass: 40_000, seed: 'dm', backend: 'cpu', level: 2.3, out: dir });
    const r = results[0];
    const direct = await run({ scenario: loadScenario('nucleus-dipole', ['model.majorana=false', 'model.mass=0.002']), events: 40_000, seed: 'dirac', backend: 'cpu' });
    const sigma = Math.hypot(r.error_dirac![1], direct.sumWeightsAcceptedError);
    expect(Math.abs(r.expected_dirac![1] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    expect(Math.abs(r.expected[1] - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma); // Majorana differs
    const files = writeScanOutputs(dir, inspectScan(dir));
    expect(readFileSync(files[0], 'utf8').split('\n')[0]).toMatch(/expected_dirac,mc_error_dirac$/);
    expect(readFileSync(files[2], 'utf8')).toContain('2.3 ev. Dirac');
  });
});
