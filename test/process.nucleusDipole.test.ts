/**
 * nucleus-dipole: Primakoff upscattering of reactor antineutrinos into N at NUCLEUS and
 * N -> nu gamma (PHYSICS.md section 3). Sampled distributions against the formulas they come
 * from (Dirac and Majorana photons; the forced decay), the weights against the rate by
 * quadrature, CPU against WebGPU, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { SENTINEL_WORD } from '../src/engine/gpu/backend.js';
import { sampleColumns } from './helpers/sample.js';
import { GEV_M2_TO_CM2 } from '../src/physics/constants.js';
import { primakoffDsigmaDER, primakoffDsigmaDERByHelicity, primakoffSigma, recoilWindow } from '../src/physics/dipole.js';
import { helmFormFactor, recoilMomentum } from '../src/physics/formFactor.js';
import { integrate } from '../src/physics/integrate.js';
import { fluxPerGeV, nucleusTargets } from '../src/processes/nucleusCommon.js';
import type { NucleusDipoleParams } from '../src/processes/nucleusDipole.js';
import type { Plan } from '../src/processes/process.js';
import { processFor } from '../src/processes/registry.js';
import { gpuAvailable } from './helpers/gpu.js';
import { ksCritical, ksStatistic } from './helpers/stats.js';
import { TOLERANCE } from './helpers/tolerances.js';

const sample = (backend: 'cpu' | 'webgpu', n: number, overrides: string[] = []) =>
  sampleColumns<Plan<NucleusDipoleParams>>('nucleus-dipole', backend, n, [9, 9], overrides, 16_384);

describe('nucleus-dipole: sampled distributions (KS, alpha = 1e-3)', async () => {
  const N = 40_000;
  // Photon energy in the lab for the N momentum of each event: x = (E_gamma - E_min)/(E_max - E_min),
  // E_min,max = (E_N -+ p_N)/2. Majorana: isotropic, so x is uniform (a flat spectrum); Dirac N-bar
  // of helicity -1: (1 - cos theta*)/2, so x has density 2(1 - x) (a linearly falling spectrum);
  // of helicity +1 (the few): density 2x, so 1 - x is taken for those.
  for (const [label, overrides, cdf] of [
    ['Majorana: flat photon spectrum', [], (x: number) => x],
    ['Dirac: linearly falling photon spectrum', ['model.majorana=false'], (x: number) => 2 * x - x * x],
  ] as const) {
    it(label, async () => {
      const { cols } = await sample('cpu', N, [...overrides]);
      const xs: number[] = [];
      for (let i = 0; i < N; i++) {
        const e = cols.llp_e[i];
        const p = cols.llp_p[i];
        if (!(p > 0)) continue;
        const x = (cols.gamma_e[i] - (e - p) / 2) / p;
        xs.push(overrides.length && cols.llp_helicity[i] === 1 ? 1 - x : x);
      }
      expect(xs.length).toBeGreaterThan(0.9 * N);
      expect(ksStatistic(xs, (x) => Math.min(1, Math.max(0, cdf(x))))).toBeLessThan(ksCritical(xs.length));
    });
  }

  it("N's helicity: +1 as often as its cross-section says (count of +1 against the sum of r/(1 + r) per event, 4 sigma); m_N = 3 MeV, where it is a few per cent", async () => {
    const { plan, cols } = await sample('cpu', N, ['model.mass=0.003']);
    let count = 0;
    let expected = 0;
    let variance = 0;
    for (let i = 0; i < N; i++) {
      if (!(cols.llp_p[i] > 0)) continue;
      const M = plan.params.nucleus_mass[cols.production_channel[i]];
      const [majority, minority] = primakoffDsigmaDERByHelicity(cols.enu[i], cols.er[i], plan.params.n_mass, 1e-7, 1, M);
      const p = minority / (majority + minority);
      expected += p;
      variance += p * (1 - p);
      if (cols.llp_helicity[i] === 1) count++;
    }
    expect(expected).toBeGreaterThan(100); // enough +1 for the test to mean something
    expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(variance));
  });

  it('the decay distance follows the exponential truncated to the veto distance (unphysically short c*tau: a steep one)', async () => {
    const { plan, cols } = await sample('cpu', N, ['model.mu_bohr=3e-3']);
    const P = plan.params;
    const u: number[] = [];
    let mean = 0;
    for (let i = 0; i < N; i++) {
      if (!(cols.llp_p[i] > 0)) continue;
      const L = (cols.llp_p[i] / P.n_mass) * P.n_ctau;
      const x = -Math.expm1(-cols.decay_s[i] / L) / -Math.expm1(-P.veto_distance / L);
      u.push(x);
      mean += cols.decay_s[i] / P.veto_distance;
    }
    expect(mean / u.length).toBeLessThan(0.45); // not flat: the test means something
    expect(ksStatistic(u, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(u.length));
  });
});

describe('nucleus-dipole: kinematics of every event (float64 CPU path)', async () => {
  const N = 5_000;
  const { plan, cols } = await sample('cpu', N, ['model.majorana=false']);
  const P = plan.params;
  const m = P.n_mass;
  const live = [...Array(N).keys()].filter((i) => cols.llp_p[i] > 0);
  it('N and the recoiling nucleus conserve momentum: |p_nu - p_N|^2 = 2 M E_R + E_R^2, and E_N^2 - p_N^2 = m^2', () => {
    expect(live.length).toBeGreaterThan(0.9 * N);
    for (const i of live) {
      const M = P.nucleus_mass[cols.production_channel[i]];
      const [px, py, pz, e] = ['llp_px', 'llp_py', 'llp_pz', 'llp_e'].map((n) => cols[n][i]);
      const q2 = px * px + py * py + (cols.enu[i] - pz) ** 2;
      const er = cols.er[i];
      expect(Math.abs(q2 / (2 * M * er + er * er) - 1)).toBeLessThan(1e-6);
      expect(Math.abs(e - (cols.enu[i] - er))).toBeLessThan(1e-15);
      expect(Math.abs((e * e - px * px - py * py - pz * pz) / (m * m) - 1)).toBeLessThan(1e-9);
    }
  });
  it('the photon is massless, at gamma_cos_lab to N, and the invisible neutrino is massless: p_N . p_gamma = m^2/2', () => {
    for (const i of live) {
      const g = ['gamma_px', 'gamma_py', 'gamma_pz', 'gamma_e'].map((n) => cols[n][i]);
      const n = ['llp_px', 'llp_py', 'llp_pz', 'llp_e'].map((k) => cols[k][i]);
      const gp = Math.hypot(g[0], g[1], g[2]);
      expect(Math.abs(gp / g[3] - 1)).toBeLessThan(1e-12);
      const cos = (g[0] * n[0] + g[1] * n[1] + g[2] * n[2]) / (gp * cols.llp_p[i]);
      expect(Math.abs(cos - cols.gamma_cos_lab[i])).toBeLessThan(1e-9);
      const dot = n[3] * g[3] - (n[0] * g[0] + n[1] * g[1] + n[2] * g[2]);
      expect(Math.abs(dot / (m * m / 2) - 1)).toBeLessThan(1e-6);
    }
  });
  it('the vertex lies in the struck array\'s box and the decay point decay_s from it along N', () => {
    for (const i of live) {
      const c = cols.production_channel[i];
      ['x', 'y', 'z'].forEach((a, k) => {
        const x = cols[`prod_${a}`][i];
        expect(Math.abs(x - P.box_center[3 * c + k])).toBeLessThanOrEqual(P.box_size[3 * c + k] / 2);
        const along = x + (cols.decay_s[i] * cols[`llp_p${a}`][i]) / cols.llp_p[i];
        expect(Math.abs(cols[`decay_${a}`][i] - along)).toBeLessThan(1e-12);
      });
    }
  });
  it("N's azimuth is uniform (KS, alpha = 1e-3)", () => {
    const phi = live.map((i) => (Math.atan2(cols.llp_py[i], cols.llp_px[i]) + Math.PI) / (2 * Math.PI));
    expect(ksStatistic(phi, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(phi.length));
  });
});

describe('nucleus-dipole: N just above its threshold on oxygen (below E_c, N still forward at E_R+)', async () => {
  // m_N = 5 MeV on O16: N can go backward only for E > E_c = m(2M - m)/(2(M - m)), 0.28 eV
  // above threshold. A 0.5 eV wide energy range there holds events on both sides of E_c.
  const m = 5e-3;
  const O16 = nucleusTargets('nucleus').components.find((c) => c.nucleus.name === 'O16')!.nucleus;
  const thrMeV = (m + (m * m) / (2 * O16.M)) * 1e3;
  const { plan, cols } = await sample('cpu', 20_000, [`model.mass=${m}`, `source.energy_range_MeV=[${thrMeV},${thrMeV + 5e-7}]`]);
  it('momentum is conserved for every O16 event: |p_nu - p_N|^2 = 2 M E_R + E_R^2, and |p_N| = p_N', () => {
    let checked = 0;
    for (let i = 0; i < cols.enu.length; i++) {
      if (!(cols.llp_p[i] > 0) || !plan.productionChannels[cols.production_channel[i]].startsWith('O16')) continue;
      const q2 = cols.llp_px[i] ** 2 + cols.llp_py[i] ** 2 + (cols.enu[i] - cols.llp_pz[i]) ** 2;
      const er = cols.er[i];
      expect(Math.abs(q2 / (2 * O16.M * er + er * er) - 1)).toBeLessThan(1e-6);
      expect(Math.abs(Math.hypot(cols.llp_px[i], cols.llp_py[i], cols.llp_pz[i]) / cols.llp_p[i] - 1)).toBeLessThan(1e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('nucleus-dipole: weights against the upscattering rate by quadrature', () => {
  it('sum of w/(P_decay BR) = T sum_c N_c Int Phi sigma_c dE (Primakoff with Helm) within 1%', async () => {
    const N = 100_000;
    const { scenario, plan, cols } = await sample('cpu', N);
    if (scenario.process !== 'nucleus-dipole') throw new Error('preset');
    let sum = 0;
    for (let i = 0; i < N; i++) if (cols.decay_log_prob[i] > -1e29) sum += Math.exp(cols.log_weight[i] - cols.decay_log_prob[i]);
    const { components } = nucleusTargets('nucleus');
    const e1 = scenario.source.energy_range_MeV[1] * 1e-3;
    let rate = 0;
    for (const c of components) {
      rate += c.count * integrate((E) => fluxPerGeV(scenario.source, E) * primakoffSigma(E, scenario.model.mass, scenario.model.mu_bohr, c.nucleus), plan.params.enu_min, e1, 48);
    }
    const expected = rate * GEV_M2_TO_CM2 * scenario.exposure.live_days * 86400;
    expect(Math.abs(sum / expected - 1)).toBeLessThan(0.01);
  });
});

describe('nucleus-dipole: the recoil spectrum and the phase-2 geometry', () => {
  it('w/(P_decay BR) binned in ln E_R equals the Primakoff rate (Helm) by quadrature per bin, within 4 sigma + 1%', async () => {
    const N = 100_000;
    const { scenario, plan, cols } = await sample('cpu', N);
    if (scenario.process !== 'nucleus-dipole') throw new Error('preset');
    const { components } = nucleusTargets('nucleus');
    const e1 = scenario.source.energy_range_MeV[1] * 1e-3;
    const m = scenario.model.mass;
    const edges = [1e-10, 1e-9, 1e-8, 3e-8, 1e-7, 3e-7, 1e-6, 1e-5];
    const sums = new Float64Array(edges.length - 1);
    const sums2 = new Float64Array(edges.length - 1);
    for (let i = 0; i < N; i++) {
      if (!(cols.decay_log_prob[i] > -1e29)) continue;
      const k = edges.findIndex((e, j) => j < edges.length - 1 && cols.er[i] >= e && cols.er[i] < edges[j + 1]);
      if (k < 0) continue;
      const w = Math.exp(cols.log_weight[i] - cols.decay_log_prob[i]);
      sums[k] += w;
      sums2[k] += w * w;
    }
    const T = scenario.exposure.live_days * 86400;
    let checked = 0;
    for (let k = 0; k < sums.length; k++) {
      let rate = 0;
      for (const c of components) {
        rate += c.count * integrate((E) => {
          const w = recoilWindow(E, m, c.nucleus.M);
          if (!w) return 0;
          const lo = Math.max(w[0], edges[k]);
          const hi = Math.min(w[1], edges[k + 1]);
          if (!(hi > lo)) return 0;
          const f = (t: number) => {
            const er = Math.exp(t);
            const F = helmFormFactor(recoilMomentum(c.nucleus.M, er), c.nucleus.A);
            return primakoffDsigmaDER(E, er, m, scenario.model.mu_bohr, c.nucleus.Z, c.nucleus.M, F * F) * er;
          };
          return fluxPerGeV(scenario.source, E) * integrate(f, Math.log(lo), Math.log(hi), 16);
        }, plan.params.enu_min, e1, 48);
      }
      const expected = rate * GEV_M2_TO_CM2 * T;
      if (expected < 1e-3 * sums.reduce((a, x) => a + x, 0)) continue;
      expect(Math.abs(sums[k] - expected), `bin ${k}`).toBeLessThan(4 * Math.sqrt(sums2[k]) + 0.01 * expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('phase 2 (geometry nucleus-phase2: 1 kg of natural Ge, L_det = 25 cm): five Ge isotopes, decays up to 25 cm', async () => {
    const { plan, cols } = await sample('cpu', 20_000, ['detector.geometry=nucleus-phase2', 'model.mu_bohr=3e-5']);
    expect(plan.productionChannels).toEqual(['Ge70 in Ge', 'Ge72 in Ge', 'Ge73 in Ge', 'Ge74 in Ge', 'Ge76 in Ge']);
    expect(plan.info['target mass [kg]']).toBe(1);
    const s = [...cols.decay_s].filter((x) => x > 0);
    expect(Math.max(...s)).toBeLessThanOrEqual(0.25);
    expect(Math.max(...s)).toBeGreaterThan(0.2); // a 5 cm veto would not allow it
  });
});

describe.runIf(gpuAvailable)('nucleus-dipole: CPU (float64) and WebGPU (float32) agree event by event, 1e4 events', async () => {
  const N = 10_000;
  for (const [label, overrides] of [
    ['Majorana', []],
    ['Dirac', ['model.majorana=false']],
    ['Dirac at 3 MeV (a few per cent of helicity +1)', ['model.majorana=false', 'model.mass=0.003']],
  ] as const) {
    const cpu = await sample('cpu', N, [...overrides]);
    const gpu = await sample('webgpu', N, [...overrides]);
    it(`${label}: every word written; same nuclei; values within float32 tolerances`, () => {
      for (const c of cpu.plan.process.layout.columns) expect(gpu.raw[c.name].indexOf(SENTINEL_WORD), c.name).toBe(-1);
      expect(gpu.cols.production_channel).toEqual(cpu.cols.production_channel);
      // The helicity is drawn by comparing a uniform with a float32 probability: a draw within
      // rounding of the boundary may differ (none in 1e4 events so far); the rest agree exactly.
      let helicityDiffers = 0;
      for (let i = 0; i < N; i++) if (gpu.cols.llp_helicity[i] !== cpu.cols.llp_helicity[i]) helicityDiffers++;
      expect(helicityDiffers / N).toBeLessThanOrEqual(TOLERANCE.flagDisagreementFraction);
      for (const name of ['enu', 'er', 'llp_e', 'llp_p', 'gamma_e', 'decay_s']) {
        let worst = 0;
        for (let i = 0; i < N; i++) if (cpu.cols[name][i] > 0) worst = Math.max(worst, Math.abs(gpu.cols[name][i] / cpu.cols[name][i] - 1));
        expect(worst, name).toBeLessThan(1e-5);
      }
      // Momentum components, absolute, in units of the event's E_nu (N's) or E_gamma (the photon's).
      for (const [names, scale] of [[['llp_px', 'llp_py', 'llp_pz'], 'enu'], [['gamma_px', 'gamma_py', 'gamma_pz'], 'gamma_e']] as const) {
        for (const name of names) {
          let worst = 0;
          for (let i = 0; i < N; i++) if (cpu.cols[scale][i] > 0) worst = Math.max(worst, Math.abs(gpu.cols[name][i] - cpu.cols[name][i]) / cpu.cols[scale][i]);
          expect(worst, name).toBeLessThan(TOLERANCE.momentumPerParentEnergy);
        }
      }
      for (const name of ['prod_x', 'prod_y', 'prod_z', 'decay_x', 'decay_y', 'decay_z']) {
        let worst = 0;
        for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(gpu.cols[name][i] - cpu.cols[name][i]));
        expect(worst, name).toBeLessThan(TOLERANCE.positionMetres);
      }
      for (const name of ['log_weight', 'decay_log_prob', 'gamma_cos_star', 'gamma_cos_lab']) {
        let worst = 0;
        for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(gpu.cols[name][i] - cpu.cols[name][i]));
        expect(worst, name).toBeLessThan(TOLERANCE.logWeight);
      }
      let differ = 0;
      for (let i = 0; i < N; i++) if (gpu.cols.flags[i] !== cpu.cols.flags[i]) differ++;
      expect(differ / N).toBeLessThanOrEqual(TOLERANCE.flagDisagreementFraction);
    });
  }
});

describe('nucleus-dipole: bad input', () => {
  it('a mass no reactor antineutrino can make, a negative moment', () => {
    const plan = (o: string[]) => {
      const s = loadScenario('nucleus-dipole', o);
      return processFor(s).plan(s, 1);
    };
    expect(() => plan(['model.mass=0.02'])).toThrow(/model\.mass = 0\.02: no reactor antineutrino/);
    expect(() => plan(['model.mu_bohr=-1e-7'])).toThrow(/model\.mu_bohr = -1e-7: must be > 0/);
  });
});
