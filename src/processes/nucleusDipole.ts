/**
 * The dipole portal at NUCLEUS (PHYSICS.md section 3): a reactor antineutrino upscatters
 * coherently on a nucleus of the target arrays into a heavy neutral lepton N through a
 * transition magnetic moment (Primakoff), N -> nu gamma decays within the veto distance, and
 * the photon is seen in the veto in coincidence with the recoil.
 * CPU reference; WGSL twin shaders/nucleus_dipole.wgsl.
 *
 * Sampling with weights: a nucleus c with probability p_c proportional to N_c Z_c^2; E_nu from
 * Phi(E) on the scenario's range above the lowest production threshold; ln E_R uniform in the
 * kinematic window; the decay distance from the exponential truncated to the veto distance;
 * N's helicity from the ratio of the helicity pieces of the cross-section (dipole.ts); the
 * photon's angle to N's flight in its rest frame from its exact distribution (isotropic for
 * a Majorana N, (1 + h cos theta*)/2 for a Dirac N-bar of helicity h). The weight is
 *   w = (T / N_gen) N_c I [dsigma/dE_R] E_R ln(E_R+/E_R-) / p_c * P(decay within L) * BR(nu gamma),
 * I = Int Phi dE. Conventions (mu in Bohr magnetons, L = (mu/2) Nbar sigma P_L nu F): dipole.ts.
 * The antineutrinos travel along +z (the cores' directions are not told apart); the vertex is
 * uniform in the box of the struck nucleus's array; N's polar angle follows from E_nu and
 * E_R, its azimuth is uniform. The veto is taken as a sphere of radius L_det about the vertex:
 * a photon from a decay within it is seen if its energy is in the veto's window.
 */
import { InputError } from '../config/errors.js';
import type { Scenario } from '../config/schema.js';
import { aroundAxis, cumulative, masslessInLab, polarDirection, sampleBins, TWO_PI } from '../engine/cpu/sampling.js';
import { columnWriter, fourVector, LOG_WEIGHT_ZERO, makeLayout, position, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { ALPHA, C_M_PER_S, GEV_M2_TO_CM2, HBARC_GEV_M } from '../physics/constants.js';
import { BOHR_MAGNETON_PER_GEV, minorityHelicityRatio, primakoffDsigmaDER, recoilWindow, upscatterMomentum, upscatterThreshold, widthNuGamma } from '../physics/dipole.js';
import { helmFromRadii, helmRadii, recoilMomentum } from '../physics/formFactor.js';
import type { Vec4 } from '../physics/kinematics.js';
import { energyTable, kgDayRates, nucleusTargets, RECOIL_SPECTRUM } from './nucleusCommon.js';
import { defineProcess, type Plan } from './process.js';

export const NUCLEUS_DIPOLE_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events in the live time)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'target nucleus and array' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'N -> nu gamma' },
    f('enu', 'GeV', 'antineutrino energy (the antineutrino travels along +z)'),
    f('er', 'GeV', 'nuclear recoil kinetic energy'),
    ...position('prod', 'upscattering vertex, uniform in the array box'),
    ...fourVector('llp', 'heavy neutral lepton N'),
    f('llp_p', 'GeV', 'momentum of N'),
    { name: 'llp_helicity', kind: 'i32', unit: '', doc: 'helicity of N (lab frame): -1 for most, as a reactor antineutrino is right-handed and the dipole flips chirality; +1 with the probability of its cross-section' },
    f('decay_s', 'm', 'distance N flies before it decays (forced within the veto distance)'),
    f('decay_log_prob', '', 'ln of the probability that N decays within the veto distance'),
    ...position('decay', 'N decay point (prod + decay_s along N)'),
    ...fourVector('gamma', 'decay photon'),
    f('gamma_cos_star', '', "cosine of the photon angle to N's flight direction in the N rest frame"),
    f('gamma_cos_lab', '', 'cosine of the photon angle to the N direction in the laboratory'),
  ],
  [
    { name: 'accepted', bit: 0, doc: 'recoil above threshold and photon in the veto energy window' },
    { name: 'above_threshold', bit: 1, doc: 'recoil energy above the array threshold' },
    { name: 'photon_in_window', bit: 2, doc: 'photon energy within the veto window (1 keV - 10 MeV)' },
  ],
);

const E_BINS = 256;
/** The cryogenic veto's photon energy window (PHYSICS.md section 3), GeV. */
export const PHOTON_WINDOW_GEV: [number, number] = [1e-6, 1e-2];

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'nucleus-dipole') throw new Error(`nucleus-dipole cannot plan a ${scenario.process} scenario`);
  const { source: src, model } = scenario;
  const m = model.mass;
  const { geometry, components } = nucleusTargets(scenario.detector.geometry);
  const [eMin, eMax] = src.energy_range_MeV.map((x) => x * 1e-3);
  const lowest = Math.min(...components.map((c) => upscatterThreshold(m, c.nucleus.M)));
  if (!(lowest < eMax)) {
    throw new InputError('model.mass', m, `no reactor antineutrino (E <= ${eMax * 1e3} MeV) can make it: allowed mass < ${(eMax * 1e3).toFixed(2)} MeV minus the recoil term`);
  }
  const e0 = Math.max(eMin, lowest * (1 + 1e-9));
  const table = energyTable(src, e0, eMax, E_BINS, () => 1);
  const pick = components.map((c) => c.count * c.nucleus.Z ** 2);
  const pickSum = pick.reduce((s, x) => s + x, 0);
  const T = scenario.exposure.live_days * 86400;
  const widthNuG = widthNuGamma(m, model.mu_bohr, model.majorana);
  const width = widthNuG + model.invisible_width_GeV;
  const mu = model.mu_bohr * BOHR_MAGNETON_PER_GEV;
  const params = {
    n_components: components.length,
    component_cdf: cumulative(pick),
    // ln[(T/N) N_c I GEV_M2_TO_CM2 / p_c] + ln BR(nu gamma): the weight before the event's factors.
    component_log_norm: components.map((c, k) => Math.log(((T / events) * c.count * table.integral * GEV_M2_TO_CM2) / (pick[k] / pickSum)) + Math.log(widthNuG / width)),
    nucleus_mass: components.map((c) => c.nucleus.M),
    nucleus_z: components.map((c) => c.nucleus.Z),
    helm_r1: components.map((c) => helmRadii(c.nucleus.A).R1),
    helm_s: components.map((c) => helmRadii(c.nucleus.A).s),
    threshold: components.map((c) => c.threshold),
    // The box of each component's array: centre and edges, x y z per component (m).
    box_center: components.flatMap((c) => geometry.arrays[c.array].center_m),
    box_size: components.flatMap((c) => geometry.arrays[c.array].size_m),
    mu_bohr: model.mu_bohr,
    alpha_mu2: ALPHA * mu * mu,
    n_mass: m,
    n_ctau: HBARC_GEV_M / width,
    majorana: model.majorana ? 1 : 0,
    veto_distance: geometry.veto_distance_m,
    photon_e_min: PHOTON_WINDOW_GEV[0],
    photon_e_max: PHOTON_WINDOW_GEV[1],
    enu_min: e0,
    // E_nu - m_N at the start of the table, in float64: near threshold N is slow and
    // p_N^2 = (E_N - m)(E_N + m) must not come from E_N^2 - m^2 (float32 loses 1e-4 there).
    enu_min_above_mass: e0 - m,
    enu_bin: table.de,
    n_enu: E_BINS,
    enu_cdf: table.cdf,
  };
  return {
    params,
    spectrum: RECOIL_SPECTRUM,
    productionChannels: components.map((c) => c.label),
    decayChannels: ['nu gamma'],
    info: {
      'N mass [GeV]': m,
      'mu [Bohr magnetons]': model.mu_bohr,
      'N type': model.majorana ? 'Majorana' : 'Dirac',
      'width [GeV]': width,
      'c*tau [m]': HBARC_GEV_M / width,
      'lifetime [s]': HBARC_GEV_M / width / C_M_PER_S,
      'BR(N -> nu gamma)': widthNuG / width,
      'E_nu range sampled [GeV]': [e0, eMax],
      'target mass [kg]': geometry.arrays.reduce((s, a) => s + a.mass_g / 1000, 0),
      'live time [days]': scenario.exposure.live_days,
      'veto distance [m]': geometry.veto_distance_m,
    },
  };
}

export type NucleusDipoleParams = ReturnType<typeof planParams>['params'];

function sampleCpu(plan: Plan<NucleusDipoleParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = NUCLEUS_DIPOLE_LAYOUT.index;
  const { put, put4 } = columnWriter(out, n);
  const u = new Float64Array(4);
  const uv = new Float64Array(4);
  const v = new Float64Array(4);
  const m = P.n_mass;
  for (let i = 0; i < n; i++) {
    uniforms4(key, firstEvent + i, STREAM.production, 0, u);
    uniforms4(key, firstEvent + i, STREAM.production, 1, uv);
    uniforms4(key, firstEvent + i, STREAM.decay, 0, v);
    const [c] = sampleBins(u[0], P.component_cdf, 0, P.n_components);
    const [k, fr] = sampleBins(u[1], P.enu_cdf, 0, P.n_enu);
    const E = P.enu_min + (k + fr) * P.enu_bin;
    const M = P.nucleus_mass[c];
    const eAboveMass = P.enu_min_above_mass + (k + fr) * P.enu_bin; // E - m, well-conditioned
    const w = recoilWindow(E, m, M, eAboveMass);
    const prod = [0, 1, 2].map((a) => P.box_center[3 * c + a] + (uv[a] - 0.5) * P.box_size[3 * c + a]);
    let logW = LOG_WEIGHT_ZERO;
    let er = 0;
    let pN = 0;
    let s = 0;
    let logP = LOG_WEIGHT_ZERO;
    let cosStar = 0;
    let cosLab = 0;
    let flags = 0;
    let helicity = -1;
    let N: Vec4 = [0, 0, 0, 0];
    let gamma: Vec4 = [0, 0, 0, 0];
    let dir = [0, 0, 1];
    if (w) {
      const span = Math.log(w[1] / w[0]);
      er = w[0] * Math.exp(u[2] * span);
      const F = helmFromRadii(recoilMomentum(M, er), P.helm_r1[c], P.helm_s[c]);
      const dsig = primakoffDsigmaDER(E, er, m, P.mu_bohr, P.nucleus_z[c], M, F * F);
      const eN = E - er;
      const eAbove = eAboveMass - er; // E_N - m
      pN = Math.sqrt(Math.max(0, eAbove * (eN + m)));
      // N's direction: its polar angle from the kinematics (with E_R's distances to the window
      // edges from ln E_R = ln E_R- + u span), its azimuth uniform.
      const [pT, pz] = upscatterMomentum(E, eAboveMass, m, M, w[0], w[1], w[0] * Math.expm1(u[2] * span), -w[1] * Math.expm1(-(1 - u[2]) * span));
      dir = polarDirection(pz / pN, pT / pN, TWO_PI * uv[3]);
      N = [pN * dir[0], pN * dir[1], pN * dir[2], eN];
      const Ldecay = (pN / m) * P.n_ctau;
      const pInside = -Math.expm1(-P.veto_distance / Ldecay);
      s = -Ldecay * Math.log1p(-u[3] * pInside);
      logP = Math.log(pInside);
      // Helicity: the minority (+1) with probability r/(1 + r), r its cross-section over the majority's.
      const r = minorityHelicityRatio(E, er, m, eN, pN, pT, pz);
      helicity = v[1] * (1 + r) < r ? 1 : -1; // v < r/(1 + r)
      // Photon: 1 +- cos(theta*) about N's flight exactly from the uniform: Majorana (isotropic)
      // 2v and 2(1 - v); Dirac of helicity -1 (density (1 - cos*)/2) 2v/(1 + s) and 2s,
      // s = sqrt(1 - v), and the two swapped for helicity +1 (density (1 + cos*)/2).
      const sq = Math.sqrt(1 - v[0]);
      let [onePlusCos, oneMinusCos] = P.majorana === 1 ? [2 * v[0], 2 * (1 - v[0])] : [(2 * v[0]) / (1 + sq), 2 * sq];
      if (P.majorana !== 1 && helicity === 1) [onePlusCos, oneMinusCos] = [oneMinusCos, onePlusCos];
      cosStar = onePlusCos - 1;
      const ph = masslessInLab(m, eN, pN, onePlusCos, oneMinusCos);
      const eGamma = ph.energy;
      cosLab = ph.cos;
      const g = aroundAxis(dir, ph.cos, ph.sin, TWO_PI * v[2]);
      gamma = [eGamma * g[0], eGamma * g[1], eGamma * g[2], eGamma];
      logW = dsig > 0 ? P.component_log_norm[c] + Math.log(dsig) + Math.log(er * span) + logP : LOG_WEIGHT_ZERO;
      if (er > P.threshold[c]) flags |= 2;
      if (eGamma > P.photon_e_min && eGamma < P.photon_e_max) flags |= 4;
      if ((flags & 6) === 6) flags |= 1;
    }
    put(L.log_weight, i, logW);
    put(L.flags, i, flags);
    put(L.production_channel, i, c);
    put(L.decay_channel, i, 0);
    put(L.enu, i, E);
    put(L.er, i, er);
    put(L.prod_x, i, prod[0]);
    put(L.prod_y, i, prod[1]);
    put(L.prod_z, i, prod[2]);
    put4(L.llp_px, i, N);
    put(L.llp_p, i, pN);
    put(L.llp_helicity, i, helicity);
    put(L.decay_s, i, s);
    put(L.decay_log_prob, i, logP);
    put(L.decay_x, i, prod[0] + s * dir[0]);
    put(L.decay_y, i, prod[1] + s * dir[1]);
    put(L.decay_z, i, prod[2] + s * dir[2]);
    put4(L.gamma_px, i, gamma);
    put(L.gamma_cos_star, i, cosStar);
    put(L.gamma_cos_lab, i, cosLab);
  }
}

export const nucleusDipole = defineProcess<NucleusDipoleParams>({
  id: 'nucleus-dipole',
  layout: NUCLEUS_DIPOLE_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'coherent.wgsl', 'nucleus_dipole.wgsl'],
  planParams,
  sampleCpu,
  derived: kgDayRates,
});
