/**
 * Standard CEvNS of reactor antineutrinos in the NUCLEUS target arrays (PHYSICS.md section 3):
 * the events the dipole-portal signal sits on. CPU reference; WGSL twin shaders/nucleus_cevns.wgsl.
 *
 * Sampling with weights: a target nucleus c (one isotope in one array) with probability
 * p_c proportional to N_c Q_W,c^2; E_nu from Phi(E) E^2 (a table over the scenario's energy
 * range); E_R uniform in [0, E_R,max(E)], or, with a light-neutrino magnetic moment
 * (model.mu_nu_bohr > 0), from the mixture of that and ln E_R uniform in
 * [E_R,min, E_R,max] (half each; E_R,min = model.magnetic_er_min_eV), whose 1/E_R follows the
 * magnetic term alpha Z^2 mu^2 (1/E_R - 1/E) F^2 (cevns.ts). That term is generated above
 * E_R,min only: its integral diverges at E_R -> 0. The weight is the rate density over the
 * proposal density q(E_R),
 *   w = (T / N_gen) N_c I [dsigma/dE_R](E, E_R) / (E^2 p_c q(E_R)),   I = Int Phi(E) E^2 dE,
 * so the sum of weights is the expected number of interactions in the live time T, and the
 * accepted ones are those above the array's recoil threshold.
 */
import { InputError } from '../config/errors.js';
import type { Scenario } from '../config/schema.js';
import { cumulative, sampleBins } from '../engine/cpu/sampling.js';
import { columnWriter, makeLayout, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { maxRecoil, weakCharge } from '../physics/cevns.js';
import { ALPHA, G_F, GEV_M2_TO_CM2 } from '../physics/constants.js';
import { BOHR_MAGNETON_PER_GEV } from '../physics/dipole.js';
import { helmFromRadii, helmRadii, recoilMomentum } from '../physics/formFactor.js';
import { energyTable, kgDayRates, nucleusTargets, RECOIL_SPECTRUM } from './nucleusCommon.js';
import { defineProcess, type Plan } from './process.js';

export const NUCLEUS_CEVNS_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events in the live time)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'target nucleus and array' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'unused (one label, "none")' },
    f('enu', 'GeV', 'antineutrino energy'),
    f('er', 'GeV', 'nuclear recoil kinetic energy'),
    f('q', 'GeV', 'momentum transfer sqrt(2 M E_R + E_R^2)'),
    f('magnetic_share', '', 'share of the light-neutrino magnetic-moment term in dsigma/dE_R at this point (0 without it)'),
  ],
  [{ name: 'accepted', bit: 0, doc: 'recoil energy above the array threshold' }],
);

const E_BINS = 256;

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'nucleus-cevns') throw new Error(`nucleus-cevns cannot plan a ${scenario.process} scenario`);
  const src = scenario.source;
  const { geometry, components } = nucleusTargets(scenario.detector.geometry);
  // E_nu proposal Phi(E) E^2 on E_BINS equal bins (GeV).
  const [e0, e1] = src.energy_range_MeV.map((x) => x * 1e-3);
  const table = energyTable(src, e0, e1, E_BINS, (E) => E * E);
  const I = table.integral;
  if (!(I > 0)) throw new InputError('source.energy_range_MeV', src.energy_range_MeV, 'no antineutrinos in this range');
  const pick = components.map((c) => c.count * weakCharge(c.nucleus) ** 2);
  const pickSum = pick.reduce((s, x) => s + x, 0);
  const T = scenario.exposure.live_days * 86400;
  const params = {
    n_components: components.length,
    component_cdf: cumulative(pick),
    // ln[(T/N) N_c I GEV_M2_TO_CM2 / p_c]: the event's log-weight before the cross-section.
    component_log_norm: components.map((c, k) => Math.log(((T / events) * c.count * I * GEV_M2_TO_CM2) / (pick[k] / pickSum))),
    nucleus_mass: components.map((c) => c.nucleus.M),
    weak_charge: components.map((c) => weakCharge(c.nucleus)),
    helm_r1: components.map((c) => helmRadii(c.nucleus.A).R1),
    helm_s: components.map((c) => helmRadii(c.nucleus.A).s),
    threshold: components.map((c) => c.threshold),
    cevns_norm: (G_F * G_F) / (4 * Math.PI),
    nucleus_z: components.map((c) => c.nucleus.Z),
    // alpha mu^2 of the light neutrino (GeV^-2); 0: no magnetic term and E_R uniform only.
    alpha_mu2: ALPHA * (scenario.model.mu_nu_bohr * BOHR_MAGNETON_PER_GEV) ** 2,
    magnetic_er_min: scenario.model.magnetic_er_min_eV * 1e-9,
    enu_min: e0,
    enu_bin: table.de,
    n_enu: E_BINS,
    enu_cdf: table.cdf,
  };
  const massKg = geometry.arrays.reduce((s, a) => s + a.mass_g / 1000, 0);
  return {
    params,
    spectrum: RECOIL_SPECTRUM,
    productionChannels: components.map((c) => c.label),
    decayChannels: ['none'],
    info: {
      'target mass [kg]': massKg,
      'live time [days]': scenario.exposure.live_days,
      'exposure [kg day]': massKg * scenario.exposure.live_days,
      'light-neutrino magnetic moment [Bohr magnetons]': scenario.model.mu_nu_bohr,
      ...(scenario.model.mu_nu_bohr > 0 ? { 'magnetic term generated above [eV]': scenario.model.magnetic_er_min_eV } : {}),
      'flux [/cm^2/s] in range': table.fluxInRange,
      arrays: geometry.arrays.map((a) => `${a.name}: ${a.mass_g} g, threshold ${a.threshold_eV} eV`),
    },
  };
}

export type NucleusCevnsParams = ReturnType<typeof planParams>['params'];

function sampleCpu(plan: Plan<NucleusCevnsParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = NUCLEUS_CEVNS_LAYOUT.index;
  const { put } = columnWriter(out, n);
  const u = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    uniforms4(key, firstEvent + i, STREAM.production, 0, u);
    const [c] = sampleBins(u[0], P.component_cdf, 0, P.n_components);
    const [k, fr] = sampleBins(u[1], P.enu_cdf, 0, P.n_enu);
    const E = P.enu_min + (k + fr) * P.enu_bin;
    const M = P.nucleus_mass[c];
    const erMax = maxRecoil(E, M);
    // E_R = x E_R,max: uniform x, or (magnetic term, half the events where the window is open)
    // ln x uniform in [ln(E_R,min/E_R,max), 0]. 1 - x is kept exact in both branches.
    const span = Math.log(erMax / P.magnetic_er_min);
    const mixture = P.alpha_mu2 > 0 && span > 0 ? 0.5 : 0;
    let x = u[2];
    let oneMinusX = 1 - u[2];
    if (u[3] < mixture) {
      x = Math.exp(-(1 - u[2]) * span);
      oneMinusX = -Math.expm1(-(1 - u[2]) * span);
    }
    const er = erMax * x;
    const q = recoilMomentum(M, er);
    const F = helmFromRadii(q, P.helm_r1[c], P.helm_s[c]);
    // dsigma/dE_R = (G_F^2/4pi) Q_W^2 M (1 - M E_R/(2E^2)) F^2 (cevns.ts). With E_R = x E_R,max
    // the bracket is [(1 - x) M + 2E]/(M + 2E): no cancellation near the end point, where
    // 1 - M E_R/(2E^2) is ~1e-4 on tungsten and float32 would lose 1e-3 of it.
    const shape = (oneMinusX * M + 2 * E) / (M + 2 * E);
    const weak = P.cevns_norm * P.weak_charge[c] ** 2 * M * shape;
    // alpha Z^2 mu^2 (1/E_R - 1/E) = alpha Z^2 mu^2 (E - E_R)/(E E_R), above E_R,min only.
    const magnetic = er > P.magnetic_er_min ? (P.alpha_mu2 * P.nucleus_z[c] ** 2 * (E - er)) / (E * er) : 0;
    // Proposal density times E_R,max: (1 - mixture) + mixture [E_R > E_R,min] / (x span).
    const proposal = 1 - mixture + (mixture > 0 && er > P.magnetic_er_min ? mixture / (x * span) : 0);
    const logW = P.component_log_norm[c] + Math.log((weak + magnetic) * F * F) + Math.log(erMax / proposal) - 2 * Math.log(E);
    put(L.log_weight, i, logW);
    put(L.flags, i, er > P.threshold[c] ? 1 : 0);
    put(L.production_channel, i, c);
    put(L.decay_channel, i, 0);
    put(L.enu, i, E);
    put(L.er, i, er);
    put(L.q, i, q);
    put(L.magnetic_share, i, magnetic / (weak + magnetic));
  }
}

export const nucleusCevns = defineProcess<NucleusCevnsParams>({
  id: 'nucleus-cevns',
  layout: NUCLEUS_CEVNS_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'coherent.wgsl', 'nucleus_cevns.wgsl'],
  planParams,
  sampleCpu,
  derived: kgDayRates,
});
