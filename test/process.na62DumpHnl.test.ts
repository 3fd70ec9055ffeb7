/**
 * na62-dump-hnl: HNLs from D and B mesons made by 400 GeV protons in the TAX (PHYSICS.md 1.1-1.3).
 * The meson spectra and depths against the distributions they are drawn from, N's energy in
 * three-body production against the Dalitz integral, the polarised decay angle against its
 * analytic form, the three-body decay against its matrix element, reweighting in U^2 against
 * regenerating, CPU against WebGPU event by event, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/config/errors.js';
import { loadScenario } from '../src/config/load.js';
import type { Na62DumpHnlScenario } from '../src/config/schema.js';
import { SENTINEL_WORD } from '../src/engine/gpu/backend.js';
import { run } from '../src/engine/run.js';
import { acceptedMask, flagMask } from '../src/engine/totals.js';
import { BR_TAU_TO_ONE_TRACK, SIN2_THETA_W_MZ } from '../src/physics/constants.js';
import { leptonPolarisationFromCurrent, tauTwoBodySpinCorrelation, twoBodyDecayAsymmetry } from '../src/physics/hnl/polarisation.js';
import { LEPTON_OF } from '../src/physics/hnl/production.js';
import { SEMILEPTONIC_CHANNELS, semileptonicEnergySpectrum } from '../src/physics/hnl/semileptonic.js';
import { TAU_DECAYS_TO_HNL, tauLeptonicEnergyDensity, tauLeptonicEnergyRange, tauLeptonicSpinCorrelation } from '../src/physics/hnl/tau.js';
import { integrate } from '../src/physics/integrate.js';
import { boost, dalitzRange12, kallen, minkowski as mdot, type Vec4 } from '../src/physics/kinematics.js';
import { isotropicDirection } from '../src/engine/cpu/sampling.js';
import { STREAM, uniforms4 } from '../src/engine/rng/philox.js';
import { PARTICLES } from '../src/physics/particles.js';
import { na62DumpHnl } from '../src/processes/na62DumpHnl.js';
import { processFor } from '../src/processes/registry.js';
import { AcceptedSample } from '../src/scan/hnlReweight.js';
import { targetReweight } from '../src/scan/scan.js';
import { ABSORBERS } from '../src/sources/na62Dump.js';
import { finalStateCharge, hnlPool, loadPools, RECORD, RECORD_SIZE } from '../src/physics/hadronPools.js';
import { hadronicWidths, widthNeutrinoDilepton } from '../src/physics/hnl/decay.js';
import { gpuAvailable } from './helpers/gpu.js';
import { ksCritical, ksStatistic, weightedMean } from './helpers/stats.js';
import { p4, restOf, sampleColumns } from './helpers/sample.js';
import { F32_EPS, TOLERANCE } from './helpers/tolerances.js';

const sample = (backend: 'cpu' | 'webgpu', n: number, overrides: string[] = []) => sampleColumns('na62-dump-hnl', backend, n, [7, 2], overrides);

/**
 * The probability that llp_helicity is +1 for N made at angle acos(cos) to the tau's spin axis: N's
 * polarisation P has the components along = 2 P(helicity +1) - 1 and across = transverse sin/(1 + alpha cos);
 * the sampler draws the spin along P/|P| with (1 + |P|)/2 and writes the sign of its component along the flight.
 */
function llpForwardShare(spin: { alpha: number; helicityPlus: number; helicitySlope: number; transverse: number }, cos: number): number {
  const scale = 1 + spin.alpha * cos;
  const along = (2 * (spin.helicityPlus + spin.helicitySlope * cos)) / scale - 1;
  const across = (spin.transverse * Math.sqrt(1 - cos * cos)) / scale;
  const size = Math.hypot(along, across);
  return along >= 0 ? (1 + size) / 2 : (1 - size) / 2;
}

describe('na62-dump-hnl: the meson source (PHYSICS.md 1.3)', async () => {
  const N = 20_000;
  const { cols, plan } = await sample('cpu', N);
  const P = plan.params as Record<string, number & number[]>;

  it('x_F and p_T^2 of the charm mesons follow (1 - |x_F|)^n exp(-b p_T^2): <|x_F|> = 1/(n+2), <p_T^2> = 1/b within 4 sigma', () => {
    const xf: number[] = [];
    const pt2: number[] = [];
    for (let i = 0; i < N; i++) {
      const p = p4(cols, 'parent', i);
      // Back to the proton-nucleon centre of mass along z.
      const pL = P.cm_gamma * p[2] - P.cm_beta_gamma * p[3];
      xf.push(Math.abs((2 * pL) / P.sqrt_s));
      pt2.push(p[0] * p[0] + p[1] * p[1]);
    }
    const [n, b] = [5.81, 0.954];
    const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    // Var|x_F| of the Beta(1, n+1) law: (n+1)/((n+2)^2 (n+3)); p_T^2 is exponential, sd = mean.
    const sdX = Math.sqrt((n + 1) / ((n + 2) ** 2 * (n + 3)) / N);
    expect(Math.abs(mean(xf) - 1 / (n + 2))).toBeLessThan(4 * sdX);
    expect(Math.abs(mean(pt2) - 1 / b)).toBeLessThan((4 * (1 / b)) / Math.sqrt(N));
  });

  it('production depth in the TAX: exponential in lambda_I = 153 mm truncated to 1.615 m (mean within 4 sigma), all inside the copper', () => {
    const { zFront, length, interactionLength: lam } = ABSORBERS.tax;
    const depth = Array.from(cols.prod_z, (z) => z - zFront);
    expect(Math.min(...depth)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...depth)).toBeLessThanOrEqual(length + 1e-9);
    const q = Math.exp(-length / lam);
    const mean = lam - (length * q) / (1 - q);
    const sd = lam; // at most the untruncated exponential's
    expect(Math.abs(depth.reduce((s, x) => s + x, 0) / N - mean)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });
});

describe('na62-dump-hnl: N from three-body meson decays', async () => {
  // D0 mesons only (the other yields set to zero): D0 -> K- mu+ N and D0 -> K*- mu+ N at m_N = 0.6 GeV.
  const N = 30_000;
  const mN = 0.6;
  const { cols, plan } = await sample('cpu', N, [`model.mass=${mN}`, 'source.fragmentation.D=0', 'source.fragmentation.Ds=0', 'source.beauty_pairs_per_pot=0']);
  it.each(['K-', 'K*-'])("N's energy in the D0 rest frame for D0 -> %s mu+ N follows the Dalitz integral of the matrix element (chi^2 over 10 bins, alpha = 1e-3)", (daughter) => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === 'D0' && c.daughter.name === daughter)!;
    const c = plan.productionChannels.indexOf(`D0 -> ${daughter} mu+ N`);
    expect(c).toBeGreaterThanOrEqual(0);
    const fine = semileptonicEnergySpectrum(ch, LEPTON_OF.mu, mN, 1, 640);
    const expected = Array.from({ length: 10 }, (_, k) => fine.widths.slice(64 * k, 64 * k + 64).reduce((a, b) => a + b, 0));
    const total = expected.reduce((a, b) => a + b, 0);
    const counts = new Array(10).fill(0);
    let n = 0;
    for (let i = 0; i < N; i++) {
      if (cols.production_channel[i] !== c) continue;
      n++;
      const parent = p4(cols, 'parent', i);
      // E_N in the parent frame = p_N . p_P / m_P, independent of how the sampler made it.
      const eN = mdot(p4(cols, 'llp', i), parent) / ch.parent.mass;
      counts[Math.min(9, Math.floor(((eN - fine.eMin) / (fine.eMax - fine.eMin)) * 10))]++;
    }
    expect(n).toBeGreaterThan(2000);
    let chi2 = 0;
    for (let k = 0; k < 10; k++) chi2 += (counts[k] - (n * expected[k]) / total) ** 2 / ((n * expected[k]) / total);
    expect(chi2).toBeLessThan(27.9);
  });

  it.each(['K-', 'K*-'])("D0 -> %s mu+ N: N's helicity (llp_helicity x sign(parent_pdg)) is +1 as often as the energy spectrum's helicity share predicts, in each of 4 energy quarters (4 sigma; unpolarised halves fail)", (daughter) => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === 'D0' && c.daughter.name === daughter)!;
    const c = plan.productionChannels.indexOf(`D0 -> ${daughter} mu+ N`);
    const spectrum = semileptonicEnergySpectrum(ch, LEPTON_OF.mu, mN, 1, plan.params.n_energy_bins as number);
    const bins = spectrum.widths.length;
    const [expected, variance, observed, counts] = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
    for (let i = 0; i < N; i++) {
      if (cols.production_channel[i] !== c) continue;
      const eN = mdot(p4(cols, 'llp', i), p4(cols, 'parent', i)) / ch.parent.mass;
      const x = (eN - spectrum.eMin) / (spectrum.eMax - spectrum.eMin);
      const share = spectrum.helicityPlus[Math.min(bins - 1, Math.floor(x * bins))];
      const quarter = Math.min(3, Math.floor(x * 4));
      const h = cols.llp_helicity[i] * Math.sign(cols.parent_pdg[i]);
      expect(Math.abs(h)).toBe(1);
      expected[quarter] += share;
      variance[quarter] += share * (1 - share);
      observed[quarter] += h === 1 ? 1 : 0;
      counts[quarter]++;
    }
    for (let q = 0; q < 4; q++) {
      expect(Math.abs(observed[q] - expected[q]), `quarter ${q}: ${observed[q]} of ${counts[q]}, expected ${expected[q].toFixed(1)}`).toBeLessThan(4 * Math.sqrt(variance[q]) + 1);
    }
    const all = [observed, counts].map((a) => a.reduce((x, y) => x + y, 0));
    expect(Math.abs(all[0] - all[1] / 2)).toBeGreaterThan(8 * Math.sqrt(all[1] / 4));
  });
});

describe('na62-dump-hnl: polarised decays', () => {
  // N -> mu- pi+ from D+/Ds+ -> mu+ N at m_N = 1 GeV: the muon's angle to N's flight in N's frame
  // follows 1 + alpha h cos(theta) (src/physics/hnl/polarisation.ts, checked there against Dirac
  // traces), so <cos> = alpha h/3 for each decay helicity h (its sign flips for the
  // lepton-number-violating decay: h_decay = llp_helicity x sign(d1_pdg)).
  const only = ['model.mixing=0:1:0', 'source.fragmentation.D0=0', 'source.beauty_pairs_per_pot=0'];
  async function meanCos(overrides: string[]) {
    const N = 30_000;
    const { cols, plan } = await sample('cpu', N, [...only, ...overrides]);
    const mN = plan.params.hnl_mass as number;
    const d = plan.decayChannels.indexOf('pi+ mu-');
    const sums = new Map<number, [number, number]>();
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d || !plan.productionChannels[cols.production_channel[i]].match(/^Ds?\+ -> mu\+ N$/)) continue;
      // In N's rest frame the spin of helicity +1 (defined in the meson's frame) points away
      // from the meson: axis = -(meson momentum there)/|...|, not N's lab direction.
      const n = p4(cols, 'llp', i);
      const toN = (p: number[]) => boost(p as Vec4, [-n[0], -n[1], -n[2], n[3]], mN);
      const l = toN(p4(cols, 'd1', i));
      const m = toN(p4(cols, 'parent', i));
      const cos = -(l[0] * m[0] + l[1] * m[1] + l[2] * m[2]) / (Math.hypot(l[0], l[1], l[2]) * Math.hypot(m[0], m[1], m[2]));
      const h = cols.llp_helicity[i] * Math.sign(cols.d1_pdg[i]);
      const acc = sums.get(h) ?? [0, 0];
      sums.set(h, [acc[0] + cos, acc[1] + 1]);
    }
    return sums;
  }
  const alpha = twoBodyDecayAsymmetry(1, PARTICLES.mu.mass, PARTICLES.pi.mass, 'pseudoscalar');

  it('polarised: <cos theta> = alpha h / 3 for h = +1 and -1 within 4 sigma', async () => {
    const sums = await meanCos([]);
    for (const h of [1, -1]) {
      const [sum, n] = sums.get(h)!;
      expect(n).toBeGreaterThan(1000);
      // Var(cos) <= 1/3.
      expect(Math.abs(sum / n - (alpha * h) / 3)).toBeLessThan(4 * Math.sqrt(1 / 3 / n));
    }
    expect(Math.abs(alpha)).toBeGreaterThan(0.9);
  });

  it('model.polarised = false: isotropic (<cos theta> = 0 within 4 sigma) and every helicity 0', async () => {
    const sums = await meanCos(['model.polarised=false']);
    expect([...sums.keys()]).toEqual([0]);
    const [sum, n] = sums.get(0)!;
    expect(Math.abs(sum / n)).toBeLessThan(4 * Math.sqrt(1 / 3 / n));
  });
});

describe('na62-dump-hnl: three-body decays from the matrix element', () => {
  it('N -> nu mu+ mu-: the weighted m(mu+ mu-)^2 histogram follows the Dalitz integral of |M|^2 (1805.08567 eq. 4.8 structure, within 4 sigma per bin)', async () => {
    const N = 40_000;
    const M = 1.5;
    const { cols, plan } = await sample('cpu', N, [`model.mass=${M}`, 'model.mixing=0:1:0']);
    const d = plan.decayChannels.indexOf('mu+ mu- nu_mu');
    expect(d).toBeGreaterThanOrEqual(0);
    // Independent evaluation from invariants (1 = mu-, 2 = mu+, 3 = nu), unpolarised:
    // |M|^2 ~ gL^2 (p.p2)(k.p1) + gR^2 (p.p1)(k.p2) + gL gR m^2 (p.k), gL = 1/2 + s_W^2, gR = s_W^2.
    const m = PARTICLES.mu.mass;
    const gL = 0.5 + SIN2_THETA_W_MZ;
    const gR = SIN2_THETA_W_MZ;
    const me = (s12: number, s23: number) => {
      const s13 = M * M + 2 * m * m - s12 - s23;
      const pp2 = (M * M + m * m - s13) / 2;
      const kp1 = (s13 - m * m) / 2;
      const pp1 = (M * M + m * m - s23) / 2;
      const kp2 = (s23 - m * m) / 2;
      const pk = (M * M - s12) / 2;
      return gL * gL * pp2 * kp1 + gR * gR * pp1 * kp2 + gL * gR * m * m * pk;
    };
    const lo = 4 * m * m;
    const hi = M * M;
    const bins = 8;
    const expected = Array.from({ length: bins }, (_, k) =>
      integrate((s12) => {
        // The range of s23 = (p2 + p3)^2 at fixed s12 = (p1 + p2)^2: dalitzRange12 with the order (3, 2, 1).
        const [c, e] = dalitzRange12(M, 0, m, m, s12);
        return integrate((s23) => me(s12, s23), c, e, 8);
      }, lo + ((hi - lo) * k) / bins, lo + ((hi - lo) * (k + 1)) / bins, 4),
    );
    const total = expected.reduce((a, b) => a + b, 0);
    const sum = new Array(bins).fill(0);
    const sum2 = new Array(bins).fill(0);
    let all = 0;
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      const a = p4(cols, 'd1', i);
      const b = p4(cols, 'd2', i);
      const pair = [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
      const k = Math.min(bins - 1, Math.floor(((mdot(pair, pair) - lo) / (hi - lo)) * bins));
      // Unpolarised shape: the weight without the spin term is the test's target; the spin
      // term averages out over N's random helicity and the random orientation.
      const w = cols.decay_me_weight[i];
      sum[k] += w;
      sum2[k] += w * w;
      all++;
    }
    expect(all).toBeGreaterThan(1000);
    for (let k = 0; k < bins; k++) {
      const frac = expected[k] / total;
      expect(Math.abs(sum[k] / all - frac), `bin ${k}`).toBeLessThan(4 * Math.sqrt(sum2[k]) / all + 1e-9);
    }
  });
  it('N -> e- mu+ nu_mu (U_e): the weighted m(mu+ nu)^2 histogram follows (p_N.p_mu)(p_nu.p_e) (the muon-decay pairing; the swapped pairing fails), within 4 sigma per bin', async () => {
    const N = 40_000;
    const M = 1.2;
    const { cols, plan } = await sample('cpu', N, [`model.mass=${M}`, 'model.mixing=1:0:0']);
    const d = plan.decayChannels.indexOf('e- mu+ nu');
    expect(d).toBeGreaterThanOrEqual(0);
    const [m1, m2] = [PARTICLES.e.mass, PARTICLES.mu.mass];
    // 1 = e-, 2 = mu+, 3 = nu; s13 from the other two invariants.
    const pairing = (swap: boolean) => (s12: number, s23: number) => {
      const s13 = M * M + m1 * m1 + m2 * m2 - s12 - s23;
      const pN2 = (M * M + m2 * m2 - s13) / 2;
      const pN1 = (M * M + m1 * m1 - s23) / 2;
      const nu1 = (s13 - m1 * m1) / 2;
      const nu2 = (s23 - m2 * m2) / 2;
      return swap ? pN1 * nu2 : pN2 * nu1;
    };
    const lo = m2 * m2;
    const hi = (M - m1) ** 2;
    const bins = 8;
    const fractions = (me: (s12: number, s23: number) => number) => {
      const e = Array.from({ length: bins }, (_, k) =>
        integrate((s23) => {
          const [a, b] = dalitzRange12(M, m1, m2, 0, s23);
          return integrate((s12) => me(s12, s23), a, b, 8);
        }, lo + ((hi - lo) * k) / bins, lo + ((hi - lo) * (k + 1)) / bins, 4),
      );
      const t = e.reduce((x, y) => x + y, 0);
      return e.map((x) => x / t);
    };
    const sum = new Array(bins).fill(0);
    const sum2 = new Array(bins).fill(0);
    let all = 0;
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      const a = p4(cols, 'd2', i);
      const b = p4(cols, 'd3', i);
      const pair = [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
      const k = Math.min(bins - 1, Math.max(0, Math.floor(((mdot(pair, pair) - lo) / (hi - lo)) * bins)));
      const w = cols.decay_me_weight[i];
      sum[k] += w;
      sum2[k] += w * w;
      all++;
    }
    expect(all).toBeGreaterThan(1000);
    const right = fractions(pairing(false));
    const wrong = fractions(pairing(true));
    let wrongFails = false;
    for (let k = 0; k < bins; k++) {
      const sigma = Math.sqrt(sum2[k]) / all;
      expect(Math.abs(sum[k] / all - right[k]), `bin ${k}`).toBeLessThan(4 * sigma + 1e-9);
      if (Math.abs(sum[k] / all - wrong[k]) > 10 * sigma) wrongFails = true;
    }
    expect(wrongFails).toBe(true);
  });
});

describe('na62-dump-hnl: photon final states (detector.photon_final_states)', async () => {
  // m_N = 0.6 GeV with U_e: pi0 nu and eta nu are open, the meson -> gamma gamma.
  const N = 20_000;
  const { cols, plan } = await sample('cpu', N, ['model.mass=0.6', 'model.mixing=1:0:0', 'detector.photon_final_states=true']);
  const P = plan.params as Record<string, number & number[]>;
  const photonChannels = plan.decayChannels.flatMap((label, d) => (label.endsWith('-> gamma gamma') ? [d] : []));
  const isPhotons = (i: number) => photonChannels.includes(cols.decay_channel[i]);
  const layout = plan.process.layout;
  const [TWO_PHOTONS, IN_DV, IN_STRAW, IN_LKR, ACCEPTED] = ['two_photons', 'in_decay_volume', 'in_straw', 'in_lkr', 'accepted'].map((f) => flagMask(layout, f));

  it('pi0 nu and eta nu are generated with BR(N -> P0 nu) x BR(P0 -> gamma gamma) (PDG 2024: 98.823%, 39.36%): channel shares within 4 sigma', async () => {
    const { hnlDecayTable } = await import('../src/physics/hnl/decay.js');
    const table = hnlDecayTable(0.6, { e: 1e-6, mu: 0, tau: 0 }, true);
    const brs = plan.decayChannels.map((_, d) => P.decay_cum[d] - (d > 0 ? P.decay_cum[d - 1] : 0));
    expect(plan.decayChannels).toContain('pi0 nu, pi0 -> gamma gamma');
    expect(plan.decayChannels).toContain('eta nu, eta -> gamma gamma');
    const total = plan.info['BR of the generated decays (two charged tracks, or two photons)'] as number;
    // Their ratio, which the generated total cancels from (to the float32 rounding of the cumulative table).
    const [dPi0, dEta] = ['pi0 nu, pi0 -> gamma gamma', 'eta nu, eta -> gamma gamma'].map((l) => plan.decayChannels.indexOf(l));
    expect(Math.abs(brs[dPi0] / brs[dEta] / ((table.branchingRatios['pi0 nu'] * 0.98823) / (table.branchingRatios['eta nu'] * 0.3936)) - 1)).toBeLessThan(1e-4);
    for (const [label, br] of [['pi0 nu, pi0 -> gamma gamma', table.branchingRatios['pi0 nu'] * 0.98823], ['eta nu, eta -> gamma gamma', table.branchingRatios['eta nu'] * 0.3936]] as const) {
      const d = plan.decayChannels.indexOf(label);
      expect(brs[d]).toBeCloseTo(br / total, 6); // the cumulative table is float32
      let n = 0;
      for (let i = 0; i < N; i++) if (cols.decay_channel[i] === d) n++;
      const p = br / total;
      expect(Math.abs(n / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('two photons of invariant mass m_pi0 or m_eta (1e-9 relative), PDG 22 for both chains, and an isotropic meson decay: the photon energy share is uniform (KS, alpha = 1e-3)', () => {
    const shares: number[] = [];
    for (let i = 0; i < N; i++) {
      if (!isPhotons(i)) continue;
      expect(cols.d1_pdg[i]).toBe(22);
      expect(cols.d2_pdg[i]).toBe(22);
      expect(cols.d3_pdg[i]).toBe(0);
      const g1 = p4(cols, 'd1', i);
      const g2 = p4(cols, 'd2', i);
      const sum = g1.map((x, k) => x + g2[k]);
      const mMeson = plan.decayChannels[cols.decay_channel[i]].startsWith('pi0') ? PARTICLES.pi0.mass : PARTICLES.eta.mass;
      expect(Math.sqrt(mdot(sum, sum)) / mMeson - 1).toBeCloseTo(0, 9);
      expect(mdot(g1, g1) / sum[3] ** 2).toBeCloseTo(0, 9);
      // Isotropic decay of a spin-0 meson: E_1 uniform on [E (1 - beta), E (1 + beta)]/2.
      const beta = Math.hypot(sum[0], sum[1], sum[2]) / sum[3];
      shares.push((g1[3] / sum[3] - (1 - beta) / 2) / beta);
    }
    expect(shares.length).toBeGreaterThan(1000);
    shares.sort((a, b) => a - b);
    const D = Math.max(...shares.map((x, k) => Math.max(Math.abs((k + 1) / shares.length - x), Math.abs(x - k / shares.length))));
    // Kolmogorov-Smirnov critical value at alpha = 1e-3: 1.95/sqrt(n).
    expect(D).toBeLessThan(1.95 / Math.sqrt(shares.length));
  });

  it('photons are selected by the LKr alone: in_lkr iff both straight lines from the vertex hit the LKr octagon outside its inner radius; never in_straw; accepted = in_decay_volume and in_lkr', () => {
    let accepted = 0;
    for (let i = 0; i < N; i++) {
      if (!isPhotons(i)) {
        expect(cols.flags[i] & TWO_PHOTONS).toBe(0);
        continue;
      }
      const f = cols.flags[i];
      expect(f & TWO_PHOTONS).toBe(TWO_PHOTONS);
      expect(f & IN_STRAW).toBe(0);
      const hits = ['d1', 'd2'].every((d) => {
        const g = p4(cols, d, i);
        const dz = P.lkr_z - cols.decay_z[i];
        const x = cols.decay_x[i] + (dz * g[0]) / g[2];
        const y = cols.decay_y[i] + (dz * g[1]) / g[2];
        return g[2] > 0 && Math.hypot(x, y) > P.lkr_inner_radius && Math.abs(x) < P.lkr_half_side && Math.abs(y) < P.lkr_half_side && Math.abs(x) + Math.abs(y) < P.lkr_octagon_sum;
      });
      expect(Boolean(f & IN_LKR)).toBe(hits);
      expect(Boolean(f & ACCEPTED)).toBe(Boolean(f & IN_DV) && hits);
      if (f & ACCEPTED) accepted++;
    }
    // Few of them: the photons of a light, fast pi0 mostly stay inside the LKr's 15 cm hole.
    expect(accepted).toBeGreaterThan(10);
  });

  it('off by default: no photon channel is generated', () => {
    const s = loadScenario('na62-dump-hnl', ['model.mass=0.6', 'model.mixing=1:0:0']);
    expect(na62DumpHnl.plan(s, 1).decayChannels.some((l) => l.includes('gamma'))).toBe(false);
  });
});

describe('na62-dump-hnl: N from tau leptons', async () => {
  // m_N = 1 GeV, U_tau only, no beauty: N comes from Ds/D+ -> tau nu, tau -> pi Nbar or l nu Nbar.
  const N = 40_000;
  const mN = 1.0;
  const { cols, plan } = await sample('cpu', N, [`model.mass=${mN}`, 'model.mixing=0:0:1', 'source.beauty_pairs_per_pot=0']);
  const [mDs, mTau, mPi] = [PARTICLES.Ds.mass, PARTICLES.tau.mass, PARTICLES.pi.mass];
  const pTau = (mDs * mDs - mTau * mTau) / (2 * mDs);
  const [gamma, beta] = [Math.hypot(pTau, mTau) / mTau, pTau / Math.hypot(pTau, mTau)];
  /** N's energy in the Ds frame and its helicity (N's, or the Nbar's as llp_helicity has it) for the events of production channel `label`. */
  const inDsFrame = (label: string, columns = cols, n = N) => {
    const c = plan.productionChannels.indexOf(label);
    expect(c).toBeGreaterThanOrEqual(0);
    const energies: number[] = [];
    const helicities: number[] = [];
    for (let i = 0; i < n; i++) {
      if (columns.production_channel[i] !== c) continue;
      expect(columns.parent_pdg[i]).toBe(Math.sign(columns.parent_pdg[i]) * 431);
      energies.push(mdot(p4(columns, 'llp', i), p4(columns, 'parent', i)) / mDs);
      helicities.push(columns.llp_helicity[i] * Math.sign(columns.parent_pdg[i]));
    }
    expect(energies.length).toBeGreaterThan(2000);
    return { energies, helicities };
  };
  const pStar = Math.sqrt(kallen(mTau * mTau, mN * mN, mPi * mPi)) / (2 * mTau);
  const eStar = Math.hypot(pStar, mN);
  const [lo, hi] = [gamma * (eStar - beta * pStar), gamma * (eStar + beta * pStar)];
  /** Where in [0, 1] N's energy lies between the two ends: (1 + cos)/2 for cos the angle to the tau's flight in the tau frame. */
  const share = (e: number) => (e - lo) / (hi - lo);

  it("Ds+ -> tau+ nu, tau+ -> pi+ Nbar: N's direction follows 1 + alpha cos about the tau's flight (the tau is fully polarised; alpha of tauTwoBodySpinCorrelation, -1.00 here), seen in N's energy in the Ds frame (KS, alpha = 1e-3); N's helicity is -1 but for the expected few", () => {
    const spin = tauTwoBodySpinCorrelation(mTau, mN, mPi, 'pseudoscalar');
    expect(spin.alpha).toBeLessThan(-0.99);
    const { energies, helicities } = inDsFrame('Ds+ -> tau+ nu, tau+ -> pi+ Nbar');
    const shares = energies.map(share);
    expect(Math.min(...shares)).toBeGreaterThan(-1e-9);
    expect(Math.max(...shares)).toBeLessThan(1 + 1e-9);
    // Density 1 + alpha (2x - 1) on [0, 1]; the uniform (unpolarised) one fails.
    expect(ksStatistic(shares, (x) => x + spin.alpha * (x * x - x))).toBeLessThan(ksCritical(shares.length));
    expect(ksStatistic(shares, (x) => x)).toBeGreaterThan(5 * ksCritical(shares.length));
    // N (Ds- chain) has helicity -1 and Nbar (Ds+ chain) +1: llp_helicity x sign(pdg) = +1, except
    // for the few in 1e4 whose sampled spin points forward (llpForwardShare).
    const expected = shares.reduce((sum, x) => sum + llpForwardShare(spin, 2 * x - 1), 0);
    const flipped = helicities.filter((h) => h === -1).length;
    expect(helicities.filter((h) => h === 1).length + flipped).toBe(helicities.length);
    expect(Math.abs(flipped - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
  });

  it('model.polarised=false: the same channel is isotropic in the tau frame (N energy uniform between the ends in the Ds frame; KS) and unpolarised (llp_helicity +0)', async () => {
    const n = 10_000;
    const unpolarised = await sample('cpu', n, [`model.mass=${mN}`, 'model.mixing=0:0:1', 'source.beauty_pairs_per_pot=0', 'model.polarised=false']);
    const { energies, helicities } = inDsFrame('Ds+ -> tau+ nu, tau+ -> pi+ Nbar', unpolarised.cols, n);
    const shares = energies.map(share);
    expect(ksStatistic(shares, (x) => x)).toBeLessThan(ksCritical(shares.length));
    expect(helicities.every((h) => h === 0)).toBe(true);
    for (let i = 0; i < n; i++) expect(Object.is(unpolarised.cols.llp_helicity[i], 0), 'unpolarised: +0, not -0').toBe(true);
  });

  it.each([['e+ nu Nbar', false], ['mu+ nu Nbar', false]] as const)("Ds+ -> tau+ nu, tau+ -> %s: N's energy in the Ds frame follows the tau-frame dGamma/dE_N (HNLCalc lines 923/929) with N's direction 1 + alpha(E) cos about the tau's flight (tauLeptonicSpinCorrelation; the isotropic smearing fails), KS at alpha = 1e-3; helicity +1 count as predicted", (label, fromWLine) => {
    const decay = TAU_DECAYS_TO_HNL.find((t) => t.label === label)!;
    const ml = PARTICLES[decay.lepton!].mass;
    const [eMin, eMax] = tauLeptonicEnergyRange(decay, mN);
    const density = (E: number) => tauLeptonicEnergyDensity(decay, mN, 1, E);
    const total = integrate(density, eMin, eMax, 64);
    const spinAt = (eStar: number) => tauLeptonicSpinCorrelation(fromWLine, mTau, mN, ml, eStar, Math.sqrt(Math.max(0, eStar * eStar - mN * mN)));
    // An N of energy E* at cos c to the tau's flight (tau frame) has, in the Ds frame, the energy
    // gamma (E* + beta p* c); c has the density (1 + alpha c)/2, whose CDF is (1 + c)/2 + alpha (c^2 - 1)/4.
    const cdfWith = (polarised: boolean) => (E: number) => integrate((eStar) => {
      const pStar = Math.sqrt(Math.max(0, eStar * eStar - mN * mN));
      if (!(pStar > 0)) return E >= gamma * eStar ? density(eStar) : 0;
      const cos = Math.min(1, Math.max(-1, (E / gamma - eStar) / (beta * pStar)));
      const alpha = polarised ? spinAt(eStar).alpha : 0;
      return density(eStar) * ((1 + cos) / 2 + (alpha * (cos * cos - 1)) / 4);
    }, eMin, eMax, 64) / total;
    const { energies, helicities } = inDsFrame(`Ds+ -> tau+ nu, tau+ -> ${label}`);
    expect(ksStatistic(energies, cdfWith(true))).toBeLessThan(ksCritical(energies.length));
    expect(ksStatistic(energies, cdfWith(false))).toBeGreaterThan(2 * ksCritical(energies.length));
    // Over the angles the sampled spin points forward with the share of llpForwardShare (Nbar: llp_helicity x sign(pdg) = -1 for those).
    const forward = (eStar: number) => integrate((cos) => ((1 + spinAt(eStar).alpha * cos) / 2) * llpForwardShare(spinAt(eStar), cos), -1, 1, 16);
    const expected = (helicities.length * integrate((eStar) => density(eStar) * forward(eStar), eMin, eMax, 64)) / total;
    const flipped = helicities.filter((h) => h === -1).length;
    expect(helicities.filter((h) => h === 1).length + flipped).toBe(helicities.length);
    expect(Math.abs(flipped - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
  });
});

describe("na62-dump-hnl: N from a polarised tau decays about its tilted spin axis", () => {
  // m_N = 1.6 GeV, U_tau only, Dirac (no lepton-number-violating half to cancel the asymmetry):
  // N comes from Ds+ -> tau+ nu, tau+ -> pi+ Nbar, where its polarisation leans across its flight
  // towards the tau's spin axis (transverse of tauTwoBodySpinCorrelation; ~35% rate-weighted
  // here). N -> nu rho0 then sends the nu along 1 + alpha_d h cos about the drawn spin axis, so in
  // N's rest frame <n_nu . e_T> = (alpha_d/3) <P_T>, e_T the unit vector across N's flight towards
  // the tau's axis (measured -0.041 against -0.043 predicted, sigma 0.005). Decaying about N's flight
  // instead gives 0 (tried: 0.0006, 8 sigma off). The tau's direction is not in the
  // output: the test redraws it from the same Philox block the sampler uses (STREAM.production,
  // block 1, v[1], v[2]) and undoes the sampler's boosts (lab -> meson -> tau -> N) exactly.
  it("N -> nu rho0: <n_nu . e_T> in N's rest frame = (alpha_d/3) <transverse sin/(1 + alpha cos)> within 4 sigma, and that is > 6 sigma from the 0 of decaying about N's flight", async () => {
    const n = 40_000;
    const key = [7, 2] as const;
    const mN = 1.6;
    const { cols, plan } = await sample('cpu', n, [`model.mass=${mN}`, 'model.mixing=0:0:1', 'model.majorana=false', 'source.beauty_pairs_per_pot=0']);
    const P = plan.params as Record<string, number | number[]>;
    const c = plan.productionChannels.indexOf('Ds+ -> tau+ nu, tau+ -> pi+ Nbar');
    const d = plan.decayChannels.indexOf('rho0 nu');
    expect(c).toBeGreaterThanOrEqual(0);
    expect(d).toBeGreaterThanOrEqual(0);
    const [mDs, mTau] = [PARTICLES.Ds.mass, PARTICLES.tau.mass];
    const kTau = (P.prod_tau_pstar as number[])[c];
    const eTau = (P.prod_tau_estar as number[])[c];
    const alphaDecay = (P.decay_alpha as number[])[d];
    const spin = tauTwoBodySpinCorrelation(mTau, mN, PARTICLES.pi.mass, 'pseudoscalar');
    const v = new Float64Array(4);
    let [sum, predicted, count] = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (cols.production_channel[i] !== c || cols.decay_channel[i] !== d) continue;
      uniforms4(key, i, STREAM.production, 1, v);
      const t = isotropicDirection(v[1], v[2]);
      const tauInMeson = [kTau * t[0], kTau * t[1], kTau * t[2], eTau];
      const meson = p4(cols, 'parent', i);
      const toTau = (p: number[]) => restOf(restOf(p, meson, mDs), tauInMeson, mTau);
      const nInTau = toTau(p4(cols, 'llp', i));
      const rho = p4(cols, 'd1', i).map((x, k) => x + p4(cols, 'd2', i)[k]);
      const rhoInN = restOf(toTau(rho), nInTau, mN);
      const dir = nInTau.slice(0, 3).map((x) => x / Math.hypot(nInTau[0], nInTau[1], nInTau[2]));
      const cos = dir[0] * t[0] + dir[1] * t[1] + dir[2] * t[2];
      const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
      const eT = [0, 1, 2].map((k) => (t[k] - cos * dir[k]) / sin);
      const nu = rhoInN.slice(0, 3).map((x) => -x / Math.hypot(rhoInN[0], rhoInN[1], rhoInN[2]));
      sum += nu[0] * eT[0] + nu[1] * eT[1] + nu[2] * eT[2];
      predicted += (alphaDecay / 3) * ((spin.transverse * sin) / (1 + spin.alpha * cos));
      count += 1;
    }
    expect(count).toBeGreaterThan(3000);
    const sigma = Math.sqrt(1 / 3 / count); // Var(n . e_T) <= 1/3
    expect(Math.abs(sum - predicted) / count).toBeLessThan(4 * sigma);
    expect(Math.abs(predicted / count)).toBeGreaterThan(6 * sigma);
  });
});

describe('na62-dump-hnl: mesons decay to what the spectrometer sees (rho0, phi, K*+, omega, eta, eta\')', async () => {
  // m_N = 1.5 GeV, U_e: rho0 nu (rho0 -> pi+ pi-) and phi nu with phi -> K+ K- (49.1%, PDG 2024).
  const N = 60_000;
  const { cols, plan } = await sample('cpu', N, ['model.mass=1.5', 'model.mixing=1:0:0']);
  const invariantMass = (...ps: number[][]) => {
    const sum = [0, 1, 2, 3].map((k) => ps.reduce((x, p) => x + p[k], 0));
    return Math.sqrt(mdot(sum, sum));
  };

  it.each([
    ['rho0 nu', PARTICLES.rho0.mass],
    ['phi nu, phi -> K+ K-', PARTICLES.phi.mass],
    // omega nu (~150 events here) shares the weight with k = p+ x p-; the trace test checks the weight itself.
  ] as const)('%s: weighted by decay_me_weight, the decay axis (the track+ direction) in the meson frame has <cos^2> to the meson flight (N frame) of helicity-0 share f_L = M^2/(M^2 + 2 m_V^2): 3/5 f_L + 1/5 (1 - f_L), 4 sigma; the isotropic 1/3 is > 5 sigma off', (label, mV) => {
    const d = plan.decayChannels.indexOf(label);
    expect(d).toBeGreaterThanOrEqual(0);
    const weights: number[] = [];
    const cos2: number[] = [];
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      const Nlab = p4(cols, 'llp', i);
      const [a, b] = [p4(cols, 'd1', i), p4(cols, 'd2', i)].map((p) => restOf(p, Nlab, 1.5));
      const V = [0, 1, 2, 3].map((k) => a[k] + b[k]);
      const axis = restOf(b, V, mV); // the track+ (d2)
      const c = (axis[0] * V[0] + axis[1] * V[1] + axis[2] * V[2]) / (Math.hypot(axis[0], axis[1], axis[2]) * Math.hypot(V[0], V[1], V[2]));
      weights.push(cols.decay_me_weight[i]);
      cos2.push(c * c);
    }
    expect(weights.length).toBeGreaterThan(700);
    const { mean, error: err } = weightedMean(cos2, weights);
    const fL = 1.5 ** 2 / (1.5 ** 2 + 2 * mV * mV);
    const expected = 0.6 * fL + 0.2 * (1 - fL);
    expect(Math.abs(mean - expected), `${label}: ${mean} vs ${expected} +- ${err}`).toBeLessThan(4 * err);
    expect(Math.abs(1 / 3 - expected)).toBeGreaterThan(5 * err);
  });

  it.each([
    ['omega nu, omega -> pi+ pi- pi0', 111, PARTICLES.omega.mass],
    ['eta nu, eta -> pi+ pi- pi0', 111, PARTICLES.eta.mass],
    ["eta' nu, eta' -> pi+ pi- eta", 221, PARTICLES.etaPrime.mass],
  ] as const)('%s: pi-+ pi+- tracks and the neutral meson (pdg %i, the third particle) of invariant mass m_meson (1e-9); N minus the three a massless neutrino; mean matrix-element weight 1 within 4 sigma', (label, neutral, mass) => {
    const d = plan.decayChannels.indexOf(label);
    expect(d).toBeGreaterThanOrEqual(0);
    let [n, sum, sum2] = [0, 0, 0];
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      expect(Math.abs(cols.d1_pdg[i])).toBe(211);
      expect(cols.d2_pdg[i]).toBe(-cols.d1_pdg[i]);
      expect(cols.d3_pdg[i]).toBe(neutral);
      const [a, b, c, N4] = [p4(cols, 'd1', i), p4(cols, 'd2', i), p4(cols, 'd3', i), p4(cols, 'llp', i)];
      expect(invariantMass(a, b, c) / mass - 1).toBeCloseTo(0, 9);
      const nu = [0, 1, 2, 3].map((k) => N4[k] - a[k] - b[k] - c[k]);
      expect(Math.abs(mdot(nu, nu)) / N4[3] ** 2).toBeLessThan(1e-9);
      const w = cols.decay_me_weight[i];
      [n, sum, sum2] = [n + 1, sum + w, sum2 + w * w];
    }
    expect(n).toBeGreaterThan(100);
    const mean = sum / n;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt((sum2 / n - mean * mean) / n));
  });

  it('N -> e- K*+: K*+ -> K0 pi+ and K+ pi0 in the isospin ratio 2 : 1 (within 4 sigma), the charged daughter track 2, m(track 2 + third) = m_K* (1e-9), K0 and K0bar following the charge', () => {
    const [dK0, dK] = ['K*+ e-, K*+ -> K0 pi+', 'K*+ e-, K*+ -> K+ pi0'].map((l) => plan.decayChannels.indexOf(l));
    expect(Math.min(dK0, dK)).toBeGreaterThanOrEqual(0);
    let [nK0, nK] = [0, 0];
    for (let i = 0; i < N; i++) {
      const d = cols.decay_channel[i];
      if (d !== dK0 && d !== dK) continue;
      const sign = Math.sign(cols.d2_pdg[i]);
      expect(cols.d1_pdg[i]).toBe(11 * sign); // e- with K*+, e+ with K*-
      if (d === dK0) {
        nK0++;
        expect([cols.d2_pdg[i], cols.d3_pdg[i]]).toEqual([211 * sign, 311 * sign]);
      } else {
        nK++;
        expect([cols.d2_pdg[i], cols.d3_pdg[i]]).toEqual([321 * sign, 111]);
      }
      expect(invariantMass(p4(cols, 'd2', i), p4(cols, 'd3', i)) / PARTICLES.Kstar.mass - 1).toBeCloseTo(0, 9);
    }
    const n = nK0 + nK;
    expect(n).toBeGreaterThan(300);
    expect(Math.abs(nK0 - (2 / 3) * n)).toBeLessThan(4 * Math.sqrt(n * (2 / 9)));
  });
  it.each([
    ['rho0 nu', 211, PARTICLES.rho0.mass],
    ['phi nu, phi -> K+ K-', 321, PARTICLES.phi.mass],
  ] as const)('%s: both tracks (pdg -+%i in the particle chain) of invariant mass m_meson (1e-9), the neutrino the third particle, the pair generated isotropically in its frame before the vector decay weight (unweighted KS, alpha = 1e-3)', (label, pdg, mass) => {
    const d = plan.decayChannels.indexOf(label);
    expect(d).toBeGreaterThanOrEqual(0);
    const shares: number[] = [];
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      expect(Math.abs(cols.d1_pdg[i])).toBe(pdg);
      expect(cols.d2_pdg[i]).toBe(-cols.d1_pdg[i]);
      expect(cols.d3_pdg[i]).toBe(0);
      const a = p4(cols, 'd1', i);
      const b = p4(cols, 'd2', i);
      const pair = a.map((x, k) => x + b[k]);
      expect(Math.sqrt(mdot(pair, pair)) / mass - 1).toBeCloseTo(0, 9);
      const nu = p4(cols, 'd3', i);
      expect(Math.abs(mdot(nu, nu)) / nu[3] ** 2).toBeLessThan(1e-9);
      // Isotropic two-body decay of the meson: the energy of the positive track, in the lab, is
      // uniform between the ends set by the meson's velocity (equal daughter masses).
      const beta = Math.hypot(pair[0], pair[1], pair[2]) / pair[3];
      const pStar = Math.sqrt(mass * mass / 4 - (pdg === 211 ? PARTICLES.pi.mass : PARTICLES.K.mass) ** 2);
      const gamma = pair[3] / mass;
      const lo = gamma * (mass / 2 - beta * pStar);
      const hi = gamma * (mass / 2 + beta * pStar);
      shares.push((b[3] - lo) / (hi - lo));
    }
    expect(shares.length).toBeGreaterThan(200);
    shares.sort((x, y) => x - y);
    const D = Math.max(...shares.map((x, k) => Math.max(Math.abs((k + 1) / shares.length - x), Math.abs(x - k / shares.length))));
    expect(D).toBeLessThan(1.95 / Math.sqrt(shares.length));
  });
});

describe('na62-dump-hnl: N -> tau X, the tau seen through its one-track decays', async () => {
  // m_N = 3 GeV, U_tau only: N -> tau- pi+, tau- rho+, tau- l+ nu..., the tau decaying in its frame
  // (reached from N's) with the polarisation N's decay gave it to e/mu nu nu, pi nu or K nu (PDG
  // 2024 one-track BRs, constants.ts). The multi-hadron decays take about half of N's width here.
  const N = 90_000;
  const mN = 3;
  const { cols, plan } = await sample('cpu', N, [`model.mass=${mN}`, 'model.mixing=0:0:1']);
  const mTau = PARTICLES.tau.mass;
  /** For N -> tau- pi+ events of tau decay `mode`: the tau (N minus the pi+) and track 1, in N's rest frame, with the event's matrix-element weight. */
  const tauEvents = (mode: string) => {
    const d = plan.decayChannels.indexOf(`pi+ tau-, tau- -> ${mode}`);
    expect(d).toBeGreaterThanOrEqual(0);
    const out: { tau: number[]; track: number[]; weight: number }[] = [];
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      const n = p4(cols, 'llp', i);
      const pi = restOf(p4(cols, 'd2', i), n, mN);
      out.push({ tau: [-pi[0], -pi[1], -pi[2], mN - pi[3]], track: restOf(p4(cols, 'd1', i), n, mN), weight: cols.decay_me_weight[i] });
    }
    expect(out.length).toBeGreaterThan(300);
    return out;
  };

  it('tau -> pi nu: N minus the two pions is massless (the nu; 1e-6 GeV^2)', () => {
    for (const { tau, track } of tauEvents('pi- nu')) {
      const nu = tau.map((x, k) => x - track[k]);
      expect(Math.abs(mdot(nu, nu))).toBeLessThan(1e-6);
    }
  });

  it('tau -> rho nu: track 1 and the pi0 (d3, PDG 111) make m_rho (1e-9), and N minus pi+, pi-, pi0 is massless (1e-6 GeV^2); rho+ tau- has no rho mode (its third particle is the rho+\'s pi0)', () => {
    const d = plan.decayChannels.indexOf('pi+ tau-, tau- -> rho- nu');
    let count = 0;
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      count++;
      expect(cols.d3_pdg[i]).toBe(111);
      const [t1, t3, n] = [p4(cols, 'd1', i), p4(cols, 'd3', i), p4(cols, 'llp', i)];
      const rho = t1.map((x, k) => x + t3[k]);
      expect(Math.abs(Math.sqrt(mdot(rho, rho)) / PARTICLES.rho.mass - 1)).toBeLessThan(1e-9);
      const nu = restOf(n.map((x, k) => x - rho[k] - p4(cols, 'd2', i)[k]), n, mN);
      expect(Math.abs(mdot(nu, nu))).toBeLessThan(1e-6);
    }
    expect(count).toBeGreaterThan(300);
    expect(plan.decayChannels.filter((l) => l.startsWith('rho+ tau-') && l.endsWith('rho- nu'))).toEqual([]);
  });

  it("tau -> e nu nu: the weighted electron energy in the tau frame follows the Michel spectrum x^2 (3 - 2x) (the polarisation only tilts it: <x> = 0.7, share below x = 1/2 = 0.1875, within 4 sigma); the unweighted Dalitz sampling does not", () => {
    const events = tauEvents('e- nu nu');
    const xs = events.map(({ tau, track }) => (2 * mdot(tau, track)) / (mTau * mTau));
    const ws = events.map((e) => e.weight);
    const mean = weightedMean(xs, ws);
    const below = weightedMean(xs.map((x) => (x < 0.5 ? 1 : 0)), ws);
    expect(Math.abs(mean.mean - 0.7)).toBeLessThan(4 * mean.error);
    expect(Math.abs(below.mean - 0.1875)).toBeLessThan(4 * below.error);
    const unweighted = xs.reduce((a, x) => a + x, 0) / xs.length;
    expect(Math.abs(unweighted - 0.7)).toBeGreaterThan(0.1);
  });

  it("the tau's polarisation: from an unpolarised N (model.polarised=false), N -> tau- pi+ leaves the tau- with P = alpha n (alpha = twoBodyDecayAsymmetry), so its pi- follows 1 + alpha cos about the tau's flight (<cos> = alpha/3) and its e- goes against the spin as in mu- decay, x^2 [(3 - 2x) - P cos (2x - 1)] (<cos> = -alpha/9, weighted), within 4 sigma; an unpolarised tau (0) is > 5 sigma off for the pion", async () => {
    const n = 160_000;
    const unpolarised = await sample('cpu', n, [`model.mass=${mN}`, 'model.mixing=0:0:1', 'model.polarised=false']);
    const alpha = twoBodyDecayAsymmetry(mN, mTau, PARTICLES.pi.mass, 'pseudoscalar');
    for (const [mode, slope] of [['pi- nu', 1 / 3], ['e- nu nu', -1 / 9]] as const) {
      const d = unpolarised.plan.decayChannels.indexOf(`pi+ tau-, tau- -> ${mode}`);
      const [cosines, weights]: [number[], number[]] = [[], []];
      for (let i = 0; i < n; i++) {
        if (unpolarised.cols.decay_channel[i] !== d) continue;
        const N4 = p4(unpolarised.cols, 'llp', i);
        const pi = restOf(p4(unpolarised.cols, 'd2', i), N4, mN);
        const tau = [-pi[0], -pi[1], -pi[2], mN - pi[3]];
        const track = restOf(restOf(p4(unpolarised.cols, 'd1', i), N4, mN), tau, mTau);
        const cos = (track[0] * tau[0] + track[1] * tau[1] + track[2] * tau[2]) / (Math.hypot(track[0], track[1], track[2]) * Math.hypot(tau[0], tau[1], tau[2]));
        cosines.push(cos);
        weights.push(unpolarised.cols.decay_me_weight[i]);
      }
      expect(cosines.length).toBeGreaterThan(300);
      const { mean, error } = weightedMean(cosines, weights);
      expect(Math.abs(mean - alpha * slope)).toBeLessThan(4 * error);
      if (mode === 'pi- nu') expect(Math.abs(alpha * slope)).toBeGreaterThan(5 * error);
    }
  });

  it("N's spin reaches the tau: in N -> tau- rho+ (polarised Majorana N from B decays) the pi- of tau -> pi nu has <n.P> = <|P|^2>/3, P rebuilt from the event by leptonPolarisationFromCurrent with N's decay spin v = q h d (d away from the meson in N's frame, q the decay's charge sign) and the rho's decay current; the same with v reversed is > 5 sigma off", () => {
    const d = plan.decayChannels.indexOf('rho+ tau-, tau- -> pi- nu');
    const pdg1 = (plan.params as unknown as { decay_pdg1: number[] }).decay_pdg1[d];
    const mRho = PARTICLES.rho.mass;
    const sums = new Map<number, [number, number, number]>(); // v sign -> [sum n.P, sum |P|^2, sum (n.P - |P|^2/3)^2]
    for (let i = 0; i < N; i++) {
      if (cols.decay_channel[i] !== d) continue;
      const n4 = p4(cols, 'llp', i);
      const toN = (p: number[]) => restOf(p, n4, mN);
      const meson = toN(p4(cols, 'parent', i));
      const away = [0, 1, 2].map((k) => -meson[k] / Math.hypot(meson[0], meson[1], meson[2]));
      const [piPlus, pi0] = [toN(p4(cols, 'd2', i)), toN(p4(cols, 'd3', i))];
      const rho = piPlus.map((x, k) => x + pi0[k]);
      const tau = [-rho[0], -rho[1], -rho[2], mN - rho[3]];
      const [a, b] = [restOf(piPlus, rho, mRho), restOf(pi0, rho, mRho)];
      const current = boost([a[0] - b[0], a[1] - b[1], a[2] - b[2], 0], rho as Vec4, mRho);
      const q = Math.sign(cols.d1_pdg[i]) * Math.sign(pdg1);
      const track = restOf(toN(p4(cols, 'd1', i)), tau, mTau);
      const dir = [0, 1, 2].map((k) => track[k] / Math.hypot(track[0], track[1], track[2]));
      for (const sign of [1, -1]) {
        const v = away.map((x) => sign * q * cols.llp_helicity[i] * x);
        const [Px, Py, Pz] = leptonPolarisationFromCurrent(tau, mTau, current, v);
        const nP = dir[0] * Px + dir[1] * Py + dir[2] * Pz;
        const P2 = Px * Px + Py * Py + Pz * Pz;
        const acc = sums.get(sign) ?? [0, 0, 0];
        sums.set(sign, [acc[0] + nP, acc[1] + P2, acc[2] + (nP - P2 / 3) ** 2]);
      }
    }
    const [nP, P2, dev] = sums.get(1)!;
    const sigma = Math.sqrt(dev) / P2;
    expect(P2).toBeGreaterThan(300);
    expect(Math.abs(nP / P2 - 1 / 3)).toBeLessThan(4 * sigma);
    const [nPr, P2r] = sums.get(-1)!;
    expect(Math.abs(nPr / P2r - 1 / 3)).toBeGreaterThan(5 * sigma);
  });

  it('each tau mode of N -> tau- pi+ has its share BR(tau -> mode) / sum (PDG 2024) within 4 sigma', () => {
    const modes = [['e- nu nu', BR_TAU_TO_ONE_TRACK.e], ['mu- nu nu', BR_TAU_TO_ONE_TRACK.mu], ['pi- nu', BR_TAU_TO_ONE_TRACK.pi], ['K- nu', BR_TAU_TO_ONE_TRACK.K], ['rho- nu', BR_TAU_TO_ONE_TRACK.rho]] as const;
    const counts = modes.map(([m]) => cols.decay_channel.filter((d) => d === plan.decayChannels.indexOf(`pi+ tau-, tau- -> ${m}`)).length);
    const total = counts.reduce((a, b) => a + b, 0);
    const sumBr = modes.reduce((a, [, br]) => a + br, 0);
    modes.forEach(([, br], k) => {
      const p = br / sumBr;
      expect(Math.abs(counts[k] / total - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / total));
    });
  });
});

describe('na62-dump-hnl: multi-hadron and D(s)(*) decays from the Pythia 8 pools', async () => {
  // 2.95 GeV: the multi-hadron events come from the 3.0 GeV tables, scaled by 2.95/3.
  const N = 20_000;
  const M = 2.95;
  const { cols, plan } = await sample('cpu', N, [`model.mass=${M}`, 'model.mixing=1:1:1']);
  const poolChannels = plan.decayChannels.map((label, d) => (/\(Pythia 8\)/.test(label) ? d : -1)).filter((d) => d >= 0);
  const events = (pattern: RegExp) => Array.from({ length: N }, (_, i) => i).filter((i) => pattern.test(plan.decayChannels[cols.decay_channel[i]]));
  const mass = (...ps: number[][]) => {
    const s = ps.reduce((a, p) => a.map((x, k) => x + p[k]), [0, 0, 0, 0]);
    return Math.sqrt(Math.max(0, s[3] ** 2 - s[0] ** 2 - s[1] ** 2 - s[2] ** 2));
  };

  it('every current with a remainder and every D(s)(*) + l channel is generated; the two tracks have opposite charges (track 1 negative in the particle chain)', () => {
    for (const label of ['e- hadrons, two tracks', 'mu- hadrons, two tracks', 'tau- hadrons, two tracks', 'nu hadrons, two tracks', 'Ds+ mu-, Ds+ -> one track', 'Ds*+ e-, Ds*+ -> one track', 'D+ e-, D+ -> one track']) {
      expect(plan.decayChannels.some((c) => c.startsWith(label)), label).toBe(true);
    }
    const pool = events(/\(Pythia 8\)/);
    expect(pool.length).toBeGreaterThan(N / 4);
    for (const i of pool) {
      const [q1, q2] = [finalStateCharge(cols.d1_pdg[i]), finalStateCharge(cols.d2_pdg[i])];
      if (!(q1 !== 0 && q1 === -q2)) expect.fail(`event ${i} (${plan.decayChannels[cols.decay_channel[i]]}): tracks ${cols.d1_pdg[i]}, ${cols.d2_pdg[i]}`);
    }
  });

  it("what is seen fits in what decayed: m(d1 + d2 + d3) <= m_N, and a D(s)(*)'s track and neutrals within its mass (1e-6); the 3.0 GeV tables have events heavier than 2.95 GeV (N -> e- hadrons: nearly all, nothing invisible but from charm decays), so unscaled events would not fit", () => {
    const D_MASS: Record<string, number> = { 'D+': PARTICLES.D.mass, 'Ds+': PARTICLES.Ds.mass, 'Ds*+': PARTICLES.DsStar.mass };
    for (const i of events(/\(Pythia 8\)/)) {
      const label = plan.decayChannels[cols.decay_channel[i]];
      const [d1, d2, d3] = ['d1', 'd2', 'd3'].map((x) => p4(cols, x, i));
      expect(mass(d1, d2, d3)).toBeLessThanOrEqual(M * (1 + 1e-6));
      const meson = /^(D\+|Ds\+|Ds\*\+) /.exec(label)?.[1];
      if (meson) expect(mass(d2, d3)).toBeLessThanOrEqual(D_MASS[meson] * (1 + 1e-6));
    }
    const { index, records } = loadPools();
    const table = index.hnl.e.find((t) => t.mass === 3)!;
    let heavier = 0;
    for (let j = table.offset; j < table.offset + table.count; j++) {
      const at = (o: number) => Array.from(records.subarray(j * RECORD_SIZE + o, j * RECORD_SIZE + o + 4));
      if (mass(at(RECORD.track1), at(RECORD.track2), at(RECORD.neutral)) > M) heavier++;
    }
    expect(heavier).toBeGreaterThan(table.count / 2);
  });

  it("a pool decay of N's width that a mass cannot draw is named in the plan with its BR: at 1.1 GeV the e and mu remainders (too few events above the duality cut); none at 2.95 GeV", () => {
    const at = (m: number) => {
      const sc = loadScenario('na62-dump-hnl', [`model.mass=${m}`, 'model.mixing=1:1:1']);
      return processFor(sc).plan(sc, 1);
    };
    const low = at(1.1);
    expect(low.info['without a pool here (BR, not generated)']).toMatch(/^e- hadrons 0\.\d+, mu- hadrons 0\.\d+$/);
    expect(low.decayChannels.some((c) => c.startsWith('e- hadrons'))).toBe(false);
    expect(low.decayChannels.some((c) => c.startsWith('nu hadrons'))).toBe(true);
    expect(plan.info['without a pool here (BR, not generated)']).toBe('none');
  });

  it('N -> nu_a tau+ tau- (4.5 GeV) has one pool channel per neutrino flavour, their BRs in the ratio of widthNeutrinoDilepton (W + Z for a = tau) times the pools\' two-track fractions', () => {
    const s4 = loadScenario('na62-dump-hnl', ['model.mass=4.5', 'model.mixing=1:2:3']);
    const p4plan = processFor(s4).plan(s4, 1);
    const br = (nu: string) => p4plan.info[`BR(N -> tau+ tau- ${nu}, two tracks (Pythia 8))`] as number;
    const [z, wz] = [hnlPool('tautau_z', 4.5)!.twoTrackFraction, hnlPool('tautau_wz', 4.5)!.twoTrackFraction];
    expect(br('nu_mu') / br('nu_e')).toBeCloseTo(2, 10);
    expect(br('nu_tau') / br('nu_e')).toBeCloseTo((widthNeutrinoDilepton(4.5, 'tau', 'tau', 3) * wz) / (widthNeutrinoDilepton(4.5, 'e', 'tau', 1) * z), 10);
    // The W's share: nu_tau tau tau is an order of magnitude above nu_e tau tau at equal U^2.
    expect(widthNeutrinoDilepton(4.5, 'tau', 'tau', 1) / widthNeutrinoDilepton(4.5, 'e', 'tau', 1)).toBeGreaterThan(5);
  });

  it("N -> e- hadrons takes the hadronic masses above the duality cut: at a grid mass (3 GeV) every event's m(N - e-) (the hadrons, seen or not) is at least the cut hnlPool gives for the remainder's share 1 - exclusive/quark level, and the table has events below it", async () => {
    const n = 6_000;
    const run = await sample('cpu', n, ['model.mass=3', 'model.mixing=1:0:0']);
    const w = hadronicWidths(3, { e: 1, mu: 0, tau: 0 }).e;
    const choice = hnlPool('e', 3, 1 - w.exclusive / w.quarkLevel)!;
    expect(choice.firstRecord).toBeGreaterThan(0);
    const d = run.plan.decayChannels.findIndex((c) => c.startsWith('e- hadrons, two tracks'));
    let seen = 0;
    for (let i = 0; i < n; i++) {
      if (run.cols.decay_channel[i] !== d) continue;
      seen++;
      expect(mass(p4(run.cols, 'llp', i), p4(run.cols, 'd1', i).map((x) => -x))).toBeGreaterThanOrEqual(choice.cut * (1 - 1e-6));
    }
    expect(seen).toBeGreaterThan(300);
  });

  it("the partons' spin weight 1 + h b.n has mean 1 over the multi-hadron events (within 4 sigma) and is not 1 everywhere; with model.polarised=false it is 1", async () => {
    const w = events(/hadrons, two tracks/).map((i) => cols.decay_me_weight[i]);
    const mean = w.reduce((a, x) => a + x, 0) / w.length;
    const sd = Math.sqrt(w.reduce((a, x) => a + (x - mean) ** 2, 0) / w.length);
    expect(Math.abs(mean - 1)).toBeLessThan((4 * sd) / Math.sqrt(w.length));
    expect(sd).toBeGreaterThan(0.1);
    const unpolarised = await sample('cpu', 2_000, [`model.mass=${M}`, 'model.mixing=1:1:1', 'model.polarised=false']);
    for (let i = 0; i < 2_000; i++) {
      if (/hadrons, two tracks/.test(unpolarised.plan.decayChannels[unpolarised.cols.decay_channel[i]])) expect(unpolarised.cols.decay_me_weight[i]).toBe(1);
    }
  });

  it("N's spin reaches the hadrons' event: in N -> e- hadrons (1.5 GeV, a grid mass; N from D(s) decays) each event's record is found by its two track energies in N's frame, its spin vector b turned as the tracks are; X = h b.n (n: N's spin axis, away from the meson) has weighted mean <|b|^2>/3 over the records above the duality cut (the weight is 1 + X), within 4 sigma; the unweighted mean is 0", async () => {
    const only = ['model.mass=1.5', 'model.mixing=1:0:0', 'source.beauty_pairs_per_pot=0'];
    const n = 20_000;
    const mN = 1.5;
    const run = await sample('cpu', n, only);
    const d = run.plan.decayChannels.findIndex((c) => c.startsWith('e- hadrons, two tracks'));
    const { records } = loadPools();
    const w = hadronicWidths(mN, { e: 1, mu: 0, tau: 0 }).e;
    const { table, firstRecord } = hnlPool('e', mN, 1 - w.exclusive / w.quarkLevel)!;
    const rec = (j: number, o: number, k = 4) => Array.from(records.subarray(j * RECORD_SIZE + o, j * RECORD_SIZE + o + k));
    const used = Array.from({ length: table.count - firstRecord }, (_, k) => table.offset + firstRecord + k);
    const unit = (v: number[]) => v.map((x) => x / Math.hypot(v[0], v[1], v[2]));
    const cross3 = (a: number[], b: number[]) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    const frame = (a: number[], b: number[]) => {
      const x = unit(a);
      const y = unit(cross3(a, b));
      return [x, y, cross3(x, y)];
    };
    const [xs, ws]: [number[], number[]] = [[], []];
    for (let i = 0; i < n; i++) {
      if (run.cols.decay_channel[i] !== d) continue;
      const N4 = p4(run.cols, 'llp', i);
      const [t1, t2, m] = ['d1', 'd2', 'parent'].map((x) => restOf(p4(run.cols, x, i), N4, mN));
      let j = used[0];
      for (const c of used) if (Math.abs(rec(c, RECORD.track1)[3] - t1[3]) + Math.abs(rec(c, RECORD.track2)[3] - t2[3]) < Math.abs(rec(j, RECORD.track1)[3] - t1[3]) + Math.abs(rec(j, RECORD.track2)[3] - t2[3])) j = c;
      expect(Math.abs(rec(j, RECORD.track1)[3] - t1[3])).toBeLessThan(1e-5);
      // The rotation taking the record's track directions to the event's, applied to b.
      const [from, to] = [frame(rec(j, RECORD.track1), rec(j, RECORD.track2)), frame(t1, t2)];
      const b = rec(j, RECORD.spin, 3);
      const inFrom = from.map((axis) => axis[0] * b[0] + axis[1] * b[1] + axis[2] * b[2]);
      const bEvent = [0, 1, 2].map((k) => to[0][k] * inFrom[0] + to[1][k] * inFrom[1] + to[2][k] * inFrom[2]);
      const spin = unit(m).map((x) => -x);
      const h = run.cols.llp_helicity[i] * Math.sign(run.cols.d1_pdg[i]);
      xs.push(h * (bEvent[0] * spin[0] + bEvent[1] * spin[1] + bEvent[2] * spin[2]));
      ws.push(run.cols.decay_me_weight[i]);
    }
    expect(xs.length).toBeGreaterThan(500);
    const expected = used.reduce((acc, j) => acc + rec(j, RECORD.spin, 3).reduce((a, x) => a + x * x, 0), 0) / used.length / 3;
    const weighted = weightedMean(xs, ws);
    expect(Math.abs(weighted.mean - expected)).toBeLessThan(4 * weighted.error);
    expect(expected).toBeGreaterThan(0.2);
    const plain = weightedMean(xs, xs.map(() => 1));
    expect(Math.abs(plain.mean)).toBeLessThan(4 * plain.error);
  });
});

describe('na62-dump-hnl: reweighting to another U^2 equals regenerating (cpu)', () => {
  it('m_N = 1 GeV, U_mu^2 from 1e-6 (flat decay density) to 1e-3 (decay length shorter than the distance to the volume): within 4 sigma', async () => {
    const N = 40_000;
    const [U2A, U2B] = [1e-6, 1e-3];
    const scenarioA = loadScenario('na62-dump-hnl', [`model.U2=${U2A}`]);
    const scenarioB = loadScenario('na62-dump-hnl', [`model.U2=${U2B}`]);
    const planA = na62DumpHnl.plan(scenarioA, N);
    const sample = new AcceptedSample(planA.params.hnl_mass, acceptedMask(na62DumpHnl.layout));
    const a = await run({ scenario: scenarioA, events: N, seed: 'dump-a', backend: 'cpu', onBatch: (b) => sample.add(b) });
    const [atA, atB] = [U2A, U2B].map((u) => sample.expectations(U2A, planA.params.hnl_ctau, [u], planA.productionChannels.length));
    const direct = await run({ scenario: scenarioB, events: N, seed: 'dump-b', backend: 'cpu' });
    expect(atA.expected[0] / a.sumWeightsAccepted - 1).toBeCloseTo(0, 8);
    const sigma = Math.hypot(atB.error[0], direct.sumWeightsAcceptedError);
    expect(direct.sumWeightsAccepted).toBeGreaterThan(0);
    expect(Math.abs(atB.expected[0] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    // Teeth: the long-lifetime U^4 scaling misses by far.
    expect(Math.abs(a.sumWeightsAccepted * (U2B / U2A) ** 2 - direct.sumWeightsAccepted)).toBeGreaterThan(10 * sigma);
  });
});

describe('na62-dump-hnl: reweighting to other mixing ratios equals regenerating (cpu)', () => {
  // One sample at 1:1:1 serves every ratio: production channels scale by U'_a^2/U_a^2 of their
  // flavour, decays by BR(U')/BR(U), and c*tau is the target's (src/scan/hnlReweight.ts).
  const N = 150_000;
  const U2 = 1e-5;
  const common = ['model.mass=1.2', `model.U2=${U2}`];
  const scenarioA = loadScenario('na62-dump-hnl', [...common, 'model.mixing=1:1:1']) as Na62DumpHnlScenario;
  const planA = na62DumpHnl.plan(scenarioA, N);
  const sample = new AcceptedSample(planA.params.hnl_mass, acceptedMask(na62DumpHnl.layout));
  const generated = run({ scenario: scenarioA, events: N, seed: 'mix-a', backend: 'cpu', onBatch: (b) => sample.add(b) }); // once for every target
  it.each(['0:1:0', '1:0:0', '1:2:0', '1:1:3'])('m_N = 1.2 GeV, U^2 = 1e-5, from 1:1:1 to %s: within 4 sigma, and > 5 sigma from not reweighting', async (target) => {
    const scenarioB = loadScenario('na62-dump-hnl', [...common, `model.mixing=${target}`]);
    const a = await generated;
    const reweight = targetReweight(scenarioA, planA, target);
    const at = sample.expectations(U2, planA.params.hnl_ctau, [U2], planA.productionChannels.length, reweight);
    const direct = await run({ scenario: scenarioB, events: N, seed: 'mix-b', backend: 'cpu' });
    const sigma = Math.hypot(at.error[0], direct.sumWeightsAcceptedError);
    expect(direct.sumWeightsAccepted).toBeGreaterThan(0);
    expect(Math.abs(at.expected[0] - direct.sumWeightsAccepted)).toBeLessThan(4 * sigma);
    expect(Math.abs(a.sumWeightsAccepted - direct.sumWeightsAccepted)).toBeGreaterThan(5 * Math.hypot(a.sumWeightsAcceptedError, direct.sumWeightsAcceptedError));
  });

  it('a target with a flavour the sample lacks is refused, naming --target-mixing', () => {
    const s = loadScenario('na62-dump-hnl', ['model.mixing=0:1:0']) as Na62DumpHnlScenario;
    expect(() => targetReweight(s, na62DumpHnl.plan(s, 1), '1:0:0')).toThrow(/--target-mixing = "1:0:0": the sample has no events of D\+ -> e\+ N/);
    expect(() => targetReweight(s, na62DumpHnl.plan(s, 1), 'a:b')).toThrow(/--target-mixing/);
  });
});

describe.runIf(gpuAvailable)('na62-dump-hnl: CPU (float64) and WebGPU (float32) agree event by event, 1e4 events', async () => {
  const N = 10_000;
  const cases: [string, string[]][] = [
    ['preset (1 GeV, U_mu, Majorana, polarised)', []],
    ['0.5 GeV, U_e, Dirac', ['model.mass=0.5', 'model.mixing=1:0:0', 'model.majorana=false']],
    ['2.5 GeV, 1:1:1 (B mesons, quark-level regime), unpolarised', ['model.mass=2.5', 'model.mixing=1:1:1', 'model.polarised=false']],
    // U_tau^2 = 10 U_mu^2: ~4% of the events (~400) come from tau decays of both kinds, not ~0.5%;
    // N from tau -> pi Nbar follows the tau's spin.
    ['1.2 GeV, 0:1:10 (N from tau -> pi/rho Nbar, l nu N/Nbar), beryllium target', ['model.mass=1.2', 'model.mixing=0:1:10', 'source.absorber=target']],
    ['0.6 GeV, U_e, with photon final states', ['model.mass=0.6', 'model.mixing=1:0:0', 'detector.photon_final_states=true']],
    ["1.5 GeV, U_e (K*+ -> K pi, omega/eta/eta' -> pi+ pi- X0 with their Dalitz weights)", ['model.mass=1.5', 'model.mixing=1:0:0']],
    ['3.05 GeV, 1:0:3 (N -> tau X: the tau as particle 1 or 2, polarised, to e/mu nu nu with its weight, pi/K nu, rho nu -> pi pi0 nu; Pythia pools: multi-hadron decays scaled from 3.0 GeV with their spin weights, Ds(*) -> one track)', ['model.mass=3.05', 'model.mixing=1:0:3']],
  ];
  for (const [label, overrides] of cases) {
    const cpu = await sample('cpu', N, overrides);
    const gpu = await sample('webgpu', N, overrides);
    const L = cpu.plan.process.layout;
    it(`${label}: every GPU word written; same channels, PDG ids and helicities`, () => {
      for (const c of L.columns) expect(gpu.raw[c.name].indexOf(SENTINEL_WORD), c.name).toBe(-1);
      for (const c of ['production_channel', 'decay_channel', 'parent_pdg', 'd1_pdg', 'd2_pdg', 'd3_pdg', 'llp_helicity']) expect(gpu.cols[c], c).toEqual(cpu.cols[c]);
    });
    it(`${label}: momenta within ${TOLERANCE.momentumPerParentEnergy.toExponential(1)} x E_parent, positions within ${TOLERANCE.positionMetres.toExponential(1)} m, weights within their float32 conditioning`, () => {
      // N's angle: its transverse momentum is the sum of the decay's (<= m_P/2) and the
      // parent's share, so in float32 it carries a relative error of a few ulp of
      // (m_P/2 + p_T,parent)/p_T,N; the distance to a side exit, R/sin(theta), has the same
      // relative error, and ln P ~ ln(s_out - s_in) amplifies it by s_out/(s_out - s_in).
      const angleRel = (i: number) => {
        const c = cpu.cols;
        const mP = Math.sqrt(Math.max(0, c.parent_e[i] ** 2 - c.parent_px[i] ** 2 - c.parent_py[i] ** 2 - c.parent_pz[i] ** 2));
        return (TOLERANCE.pathAmplifiedUlps * F32_EPS * (mP / 2 + Math.hypot(c.parent_px[i], c.parent_py[i]))) / Math.hypot(c.llp_px[i], c.llp_py[i]);
      };
      const lnP = (i: number) => {
        const [sIn, sOut] = [cpu.cols.decay_s_in[i], cpu.cols.decay_s_out[i]];
        return TOLERANCE.logWeight + (sOut > sIn ? (angleRel(i) * sOut) / (sOut - sIn) : 0);
      };
      const distance = (i: number) => TOLERANCE.positionMetres + angleRel(i) * Math.max(Math.abs(cpu.cols.decay_s_in[i]), Math.abs(cpu.cols.decay_s_out[i]));
      const tolerance: Record<string, (i: number) => number> = {
        decay_log_prob: lnP,
        log_weight: (i) => lnP(i) + TOLERANCE.matrixElementWeightAbsolute / cpu.cols.decay_me_weight[i],
        decay_me_weight: () => TOLERANCE.matrixElementWeightAbsolute,
        decay_s_in: distance,
        decay_s_out: distance,
        decay_s: distance,
        decay_x: distance,
        decay_y: distance,
        decay_z: distance,
        llp_helicity: () => 0,
      };
      for (const c of L.columns) {
        if (c.kind !== 'f32') continue;
        const tol = tolerance[c.name] ?? (c.unit === 'GeV' ? (i: number) => TOLERANCE.momentumPerParentEnergy * cpu.cols.parent_e[i] : () => TOLERANCE.positionMetres);
        if (!tolerance[c.name] && c.unit !== 'GeV' && c.unit !== 'm') throw new Error(`no tolerance stated for ${c.name}`);
        for (let i = 0; i < N; i++) {
          const d = Math.abs(gpu.cols[c.name][i] - cpu.cols[c.name][i]);
          // !(d <= tol): a NaN on either side fails too.
          if (!(d <= tol(i))) expect.fail(`${c.name}, event ${i}: GPU ${gpu.cols[c.name][i]} vs CPU ${cpu.cols[c.name][i]} (tolerance ${tol(i)})`);
        }
      }
    });
    it(`${label}: flags differ on at most ${TOLERANCE.flagDisagreementFraction * 100}% of events`, () => {
      let differ = 0;
      for (let i = 0; i < N; i++) if (gpu.cols.flags[i] !== cpu.cols.flags[i]) differ++;
      expect(differ / N).toBeLessThanOrEqual(TOLERANCE.flagDisagreementFraction);
    });
  }
});

describe('na62-dump-hnl: bad input', () => {
  const plan = (o: string[]) => {
    const s = loadScenario('na62-dump-hnl', o);
    return processFor(s).plan(s, 1);
  };
  it('a mass no D or B meson can make, a mass with no two-track decay, bad mixing ratios, an unknown absorber', () => {
    expect(() => plan(['model.mass=5.5'])).toThrow(/model\.mass = 5\.5: no D or B meson decay can produce it/);
    expect(() => plan(['model.mass=0.0009', 'model.mixing=0:0:1'])).toThrow(/model\.mass = 0\.0009: N has no decay generated here \(two charged tracks/);
    expect(() => plan(['detector.photon_final_states=yes'])).toThrow(/detector\.photon_final_states/);
    expect(() => plan(['model.mass=3', 'source.beauty_pairs_per_pot=0'])).toThrow(/model\.mass = 3: no D or B meson decay can produce it/);
    expect(() => plan(['model.mixing=1:-1:0'])).toThrow(/model\.mixing/);
    expect(() => plan(['model.mixing=one'])).toThrow(/model\.mixing/);
    expect(() => plan(['source.absorber=lead'])).toThrow(/source\.absorber/);
  });
});
