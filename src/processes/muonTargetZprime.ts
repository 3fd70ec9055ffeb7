/**
 * A muon-philic mediator X (L_mu - L_tau Z' or a scalar) radiated by a muon beam in a thick
 * target, mu A -> mu A X (PHYSICS.md section 2), for the muon missing-momentum experiments
 * M3 (Kahn et al., arXiv:1804.03144) and NA64mu (arXiv:2401.01708): geometry/m3.json,
 * geometry/na64mu.json. CPU reference; WGSL twin shaders/muon_target_zprime.wgsl.
 *
 * Per event: the beam energy (Gaussian spread); the emission depth z uniform in the target;
 * the muon energy there from the mean stopping power a + bE of the material (energyAfter,
 * materials.ts; a and b at the muon's energy, 10 GeV's below the tables' first row); x = E_X/E from a tabulated proposal in ln x (dsigma/dx at the top beam
 * energy, on the host) and theta^2 from the proposal thetaC^2/(theta^2 + thetaC^2)^2 (the
 * 1/u^2 of the exact-WW formula); the weight is the exact double-differential cross-section
 * there (brem.ts, chi from a host table in ln t_min) over the proposal density,
 *   w = (N_mu / N_gen) n_A L dsigma/dx dtheta / (q_x(x) q_theta(theta)),
 * so the sum of weights is the expected number of X in the exposure. The outgoing muon has
 * energy (1 - x) E and the momentum the beam muon had minus X's (the nucleus' recoil
 * neglected), is slowed down through the rest of the target and measured with the recoil
 * spectrometer's resolution. X decays (channel by its branching ratios, distance from its
 * c*tau); a decay to charged leptons or photons within the veto length is visible (nu nubar is not).
 * Accepted (the missing-momentum signal): measured recoil energy below the cut, the recoil
 * muon leaves the target inside the spectrometer's angular acceptance, and X is not seen.
 * Units: GeV, metres (the target thickness internally in cm for the stopping power), rad.
 */
import { InputError } from '../config/errors.js';
import { BEAM_ENERGY_CLAMP_SIGMAS as BEAM_SIGMAS, type Scenario } from '../config/schema.js';
import { binProbability, cumulative, gaussPair, pickChannel, sampleBins, TWO_PI } from '../engine/cpu/sampling.js';
import { columnWriter, fourVector, LOG_WEIGHT_ZERO, makeLayout, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { loadMuonTargetGeometry } from '../geometry/muonTarget.js';
import { ALPHA, AVOGADRO, GEV_M2_TO_CM2 } from '../physics/constants.js';
import { energyAfter, energyLost, interpolateLoss, MATERIALS, muonLossPerCm, thicknessCm } from '../physics/materials.js';
import { PARTICLES } from '../physics/particles.js';
import { bremDsigmaDx, bremDsigmaWithChi, bremThetaC2, bremTmin, ChiTable, chiFromTable } from '../physics/zprime/brem.js';
import { mediatorDecays } from '../physics/zprime/model.js';
import { defineProcess, type Plan } from './process.js';

export const MUON_TARGET_ZPRIME_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events in the exposure)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'mu A -> mu A X on the target nucleus' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'decay of X (by its branching ratios)' },
    f('beam_e', 'GeV', 'beam muon energy at the target front'),
    f('prod_z', 'm', 'emission depth in the target, from its front face'),
    f('mu_e', 'GeV', 'muon energy at the emission point (after the stopping power)'),
    f('x', '', 'E_X / E_mu at the emission point'),
    f('theta', 'rad', 'angle of X to the beam'),
    ...fourVector('llp', 'the mediator X'),
    ...fourVector('recoil', 'the outgoing muon at the emission point'),
    f('recoil_e_exit', 'GeV', 'outgoing muon energy where it leaves the target (below the muon mass, or 0: it stopped)'),
    f('recoil_e_measured', 'GeV', 'that energy as the recoil spectrometer measures it'),
    f('decay_s', 'm', 'distance X flies before it decays (-1: no emission at this x)'),
  ],
  [
    { name: 'accepted', bit: 0, doc: 'missing-momentum signal: all criteria below' },
    { name: 'recoil_below_cut', bit: 1, doc: 'measured recoil energy below the cut' },
    { name: 'recoil_in_acceptance', bit: 2, doc: 'the outgoing muon leaves the target, inside the angular acceptance' },
    { name: 'invisible', bit: 3, doc: 'X not seen: an invisible channel, or a visible one decaying past the veto length' },
  ],
);

const FLAG = { accepted: 1, belowCut: 2, inAcceptance: 4, invisible: 8 };
/** The flags an accepted event needs. */
const SIGNAL = FLAG.belowCut | FLAG.inAcceptance | FLAG.invisible;
/** The final states the calorimeters see (within the veto length): all but nu nubar. */
const visible = (channel: string) => channel !== 'nu nubar';
/** Bins of the ln x proposal table. */
const X_BINS = 96;
/** The proposal table's floor, relative to its largest bin: every x keeps a chance. */
const X_FLOOR = 1e-3;
const M_MU = PARTICLES.mu.mass;

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'muon-target-zprime') throw new Error(`muon-target-zprime cannot plan a ${scenario.process} scenario`);
  const { source, model, exposure } = scenario;
  const { mass: m, coupling: g, kind } = model;
  const geometry = loadMuonTargetGeometry(scenario.detector.geometry);
  const mat = MATERIALS[geometry.target.material];
  const E0 = source.energy_GeV;
  // The beam's Gaussian is clamped at +-BEAM_SIGMAS (a 6e-7 tail), the top energy the x table covers.
  const eTop = E0 * (1 + BEAM_SIGMAS * source.energy_rms_fraction);
  if (!(m < eTop - M_MU)) throw new InputError('model.mass', m, `a ${E0} GeV muon can radiate masses below E_beam - m_mu = ${(eTop - M_MU).toFixed(4)} GeV`);
  const lengthCm = thicknessCm(mat, geometry.target.thickness_X0);
  const loss = muonLossPerCm(mat);
  const lossAtE = (E: number) => interpolateLoss(loss.energies, loss.a, loss.b, E);
  // The slowest beam muon must cross the whole target (else its energy, a log of a negative, is NaN).
  const eLow = E0 * (1 - BEAM_SIGMAS * source.energy_rms_fraction);
  const eLowAtEnd = energyAfter(eLow, lengthCm, ...lossAtE(eLow));
  if (!(eLowAtEnd > M_MU)) {
    throw new InputError('source.energy_GeV', E0, `a ${eLow.toFixed(3)} GeV muon (${BEAM_SIGMAS} sigma below the beam energy) stops in ${geometry.target.thickness_X0} X0 of ${mat.name}; allowed: a beam energy at which it crosses the target, or a thinner target`);
  }
  // The ln x proposal: dsigma/dx x at the top beam energy, whose x range holds every event's.
  const couplingOver4pi = (g * g) / (4 * Math.PI);
  const lnXLo = Math.log(m / eTop);
  const lnXHi = Math.log(1 - M_MU / eTop);
  const dLnX = (lnXHi - lnXLo) / X_BINS;
  const point = { kind, m, g, E: eTop, material: mat };
  const cells = Array.from({ length: X_BINS }, (_, k) => {
    const x = Math.exp(lnXLo + (k + 0.5) * dLnX);
    return bremDsigmaDx(point, x) * x;
  });
  const top = Math.max(...cells);
  if (!(top > 0)) throw new InputError('model.mass', m, 'no bremsstrahlung phase space at this mass and beam energy');
  const chi = new ChiTable(E0 * E0, mat).packed();
  const decays = mediatorDecays(kind, m, g);
  const channels = Object.keys(decays.branchingRatios);
  const nucleiPerCm3 = (mat.density_g_cm3 * AVOGADRO) / mat.molarMass;
  const params = {
    beam_e: E0,
    beam_rms: source.energy_rms_fraction,
    target_cm: lengthCm,
    // The stopping power table, per cm: a in GeV/cm, b in 1/cm, at ascending energies (GeV).
    n_loss: loss.energies.length,
    loss_e: loss.energies,
    loss_a: loss.a,
    loss_b: loss.b,
    alpha: ALPHA,
    mu_mass: M_MU,
    x_mass: m,
    coupling_over_4pi: couplingOver4pi,
    vector: kind === 'vector' ? 1 : 0,
    ln_x_hi: lnXHi,
    // The theta proposal's range [0, pi]: the whole angle, as bremDsigmaDx integrates it.
    theta_max_sq: Math.PI ** 2,
    // ln(E_top/E_beam) = ln(1 + BEAM_SIGMAS rms): the proposal's x range is for E_top.
    ln_top_over_beam: Math.log1p(BEAM_SIGMAS * source.energy_rms_fraction),
    ln_x_bin: dLnX,
    n_x: X_BINS,
    x_cdf: cumulative(cells.map((c) => Math.max(c, X_FLOOR * top))),
    chi_ln_t0: chi.lnT0,
    chi_step: chi.step,
    n_chi: chi.lnChi.length,
    chi_ln: chi.lnChi,
    // ln[(N_mu/N_gen) n_A L GEV_M2_TO_CM2]: the weight before the event's factors.
    log_norm: Math.log(((exposure.muons_on_target / events) * nucleiPerCm3 * lengthCm * GEV_M2_TO_CM2)),
    // A positive coupling always opens a channel (nu nubar for the vector, gamma gamma for the scalar).
    n_channels: channels.length,
    channel_cdf: cumulative(channels.map((c) => decays.branchingRatios[c])),
    channel_visible: channels.map((c) => (visible(c) ? 1 : 0)),
    ctau: decays.ctau,
    recoil_cut: geometry.recoil.energy_cut_GeV,
    recoil_resolution: geometry.recoil.momentum_resolution,
    recoil_max_angle: geometry.recoil.max_angle_rad,
    veto_length: geometry.veto_length_m,
  };
  const label = kind === 'vector' ? "Z'" : 'S';
  return {
    params,
    productionChannels: [`mu ${mat.name} -> mu ${mat.name} ${label}`],
    decayChannels: channels,
    info: {
      mediator: kind === 'vector' ? "L_mu - L_tau vector Z'" : 'muon-philic scalar',
      'mass [GeV]': m,
      coupling: g,
      'c*tau [m]': decays.ctau,
      'branching ratios': decays.branchingRatios,
      'beam [GeV]': E0,
      target: `${mat.name}, ${geometry.target.thickness_X0} X0 = ${lengthCm.toFixed(2)} cm`,
      'stopping power at the beam energy [MeV/cm]': (lossAtE(E0)[0] + lossAtE(E0)[1] * E0) * 1e3,
      'muon energy at the target end [GeV]': energyAfter(E0, lengthCm, ...lossAtE(E0)),
      'exposure [muons on target]': exposure.muons_on_target,
      'signal': `recoil muon below ${geometry.recoil.energy_cut_GeV} GeV (resolution ${geometry.recoil.momentum_resolution}), within ${geometry.recoil.max_angle_rad} rad, X unseen within ${geometry.veto_length_m} m`,
    },
  };
}

export type MuonTargetZprimeParams = ReturnType<typeof planParams>['params'];

/** BR to the final states the calorimeters see, as the sampler draws the channels (scans reweight with it). */
export function visibleBranchingRatio(P: Pick<MuonTargetZprimeParams, 'channel_cdf' | 'channel_visible'>): number {
  return P.channel_visible.reduce<number>((s, v, k) => s + v * binProbability(P.channel_cdf, k), 0);
}

/** a (GeV/cm) and b (1/cm) of the target at energy E. Twin of lossAt in the WGSL. */
function lossAt(P: MuonTargetZprimeParams, E: number): [number, number] {
  return interpolateLoss(P.loss_e, P.loss_a, P.loss_b, E);
}

function sampleCpu(plan: Plan<MuonTargetZprimeParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = MUON_TARGET_ZPRIME_LAYOUT.index;
  const { put, put4 } = columnWriter(out, n);
  const us = new Float64Array(4);
  const up = new Float64Array(4);
  const ud = new Float64Array(4);
  const ut = new Float64Array(4);
  const m = P.x_mass;
  const mMu = P.mu_mass;
  for (let i = 0; i < n; i++) {
    const ev = firstEvent + i;
    uniforms4(key, ev, STREAM.source, 0, us);
    uniforms4(key, ev, STREAM.production, 0, up);
    uniforms4(key, ev, STREAM.decay, 0, ud);
    uniforms4(key, ev, STREAM.detector, 0, ut);
    const spread = P.beam_rms * Math.min(BEAM_SIGMAS, Math.max(-BEAM_SIGMAS, gaussPair(us[0], us[1])[0]));
    const beamE = P.beam_e * (1 + spread);
    const zCm = us[2] * P.target_cm;
    // The stopping power at the beam muon's energy along its path (it loses a few per cent).
    const [aIn, bIn] = lossAt(P, beamE);
    const E = energyAfter(beamE, zCm, aIn, bIn);
    // ln(E/E_top) from small well-conditioned pieces (see the threshold below).
    const lnEOverTop = Math.log1p(spread) - P.ln_top_over_beam + Math.log1p(-energyLost(beamE, zCm, aIn, bIn) / beamE);
    const [k, fr] = sampleBins(up[0], P.x_cdf, 0, P.n_x);
    // ln x from the upper end: near x = 1 it is small and accurate, and 1 - x with it.
    const lnX = P.ln_x_hi - (P.n_x - k - fr) * P.ln_x_bin;
    const x = Math.exp(lnX);
    const oneMinusX = -Math.expm1(lnX);
    // Above threshold by d = ln(xE/m) = (k + f) bin + ln(E/E_top): xE - m = m expm1(d) without
    // the cancellation of xE - m, which float32 would get wrong by 1e-6 m (ln x has an absolute
    // error of an ulp of |ln x| ~ 10) and the weight's sqrt(xE - m) with it near threshold.
    const d = (k + fr) * P.ln_x_bin + lnEOverTop;
    const xEMinusM = m * Math.expm1(d);
    let logW = LOG_WEIGHT_ZERO;
    let theta = 0;
    let X = [0, 0, 0, 0];
    let mu = [0, 0, 0, 0];
    let eExit = 0;
    let eMeasured = 0;
    let s = -1;
    let flags = 0;
    const channel = pickChannel(ud[0], P.channel_cdf, P.n_channels);
    if (d > 0 && oneMinusX * E > mMu) {
      // theta^2 from thetaC^2 v F/(1 - v F), F = T/(T + thetaC^2), T = theta_max^2 = pi^2:
      // density thetaC^2/(theta^2 + thetaC^2)^2 / F in theta^2 on [0, T].
      const tc2 = bremThetaC2(m, E, x, oneMinusX);
      const F = P.theta_max_sq / (P.theta_max_sq + tc2);
      // 1 - vF = (1 - v) + v thetaC^2/(pi^2 + thetaC^2): a sum of positives.
      const t2 = (tc2 * up[1] * F) / (1 - up[1] + (up[1] * tc2) / (P.theta_max_sq + tc2));
      theta = Math.sqrt(t2);
      const chi = chiFromTable(P.chi_ln_t0, P.chi_step, P.chi_ln, bremTmin(E, x, oneMinusX, theta, tc2));
      const pX = Math.sqrt(xEMinusM * (xEMinusM + 2 * m));
      const dsig = bremDsigmaWithChi(P.vector === 1 ? 'vector' : 'scalar', P.coupling_over_4pi, m, E, x, oneMinusX, pX, theta, tc2, chi);
      const cellProb = binProbability(P.x_cdf, k);
      const qx = cellProb / (P.ln_x_bin * x);
      const qTheta = (2 * theta * tc2) / ((t2 + tc2) ** 2 * F);
      if (dsig > 0) logW = P.log_norm + Math.log(dsig) - Math.log(qx) - Math.log(qTheta);
      // X and the outgoing muon. p_mu - p_X along the beam without cancellation near x = 1:
      // (p_mu^2 - p_X^2)/(p_mu + p_X) = (E^2 (1-x)(1+x) - m_mu^2 + m^2)/(p_mu + p_X).
      const phi = TWO_PI * up[2];
      const pMu = Math.sqrt((E - mMu) * (E + mMu));
      const sinT = Math.sin(theta);
      const sinHalf = Math.sin(theta / 2);
      X = [pX * sinT * Math.cos(phi), pX * sinT * Math.sin(phi), pX * Math.cos(theta), x * E];
      const pzOut = (E * E * oneMinusX * (1 + x) - mMu * mMu + m * m) / (pMu + pX) + 2 * pX * sinHalf * sinHalf;
      const ptOut = pX * sinT;
      const eOut = oneMinusX * E;
      const pOut = Math.sqrt((eOut - mMu) * (eOut + mMu));
      const norm = pOut / Math.hypot(ptOut, pzOut);
      mu = [-X[0] * norm, -X[1] * norm, pzOut * norm, eOut];
      // Through the rest of the target along its direction, then the spectrometer.
      const cosMu = pzOut / Math.hypot(ptOut, pzOut);
      // The stopping power at the outgoing muon's own energy.
      const [aOut, bOut] = lossAt(P, eOut);
      eExit = Math.max(0, energyAfter(eOut, (P.target_cm - zCm) / cosMu, aOut, bOut));
      eMeasured = eExit * (1 + P.recoil_resolution * gaussPair(ut[0], ut[1])[0]);
      if (eMeasured < P.recoil_cut) flags |= FLAG.belowCut;
      if (eExit > mMu && Math.atan2(ptOut, pzOut) < P.recoil_max_angle) flags |= FLAG.inAcceptance;
      // X's decay: distance from its c*tau.
      s = -((pX / m) * P.ctau) * Math.log1p(-ud[1]);
      if (!(P.channel_visible[channel] === 1 && s >= 0 && s < P.veto_length)) flags |= FLAG.invisible;
      if ((flags & SIGNAL) === SIGNAL) flags |= FLAG.accepted;
    }
    put(L.log_weight, i, logW);
    put(L.flags, i, flags);
    put(L.production_channel, i, 0);
    put(L.decay_channel, i, channel);
    put(L.beam_e, i, beamE);
    put(L.prod_z, i, zCm / 100);
    put(L.mu_e, i, E);
    put(L.x, i, x);
    put(L.theta, i, theta);
    put4(L.llp_px, i, X as [number, number, number, number]);
    put4(L.recoil_px, i, mu as [number, number, number, number]);
    put(L.recoil_e_exit, i, eExit);
    put(L.recoil_e_measured, i, eMeasured);
    put(L.decay_s, i, s);
  }
}

export const muonTargetZprime = defineProcess<MuonTargetZprimeParams>({
  id: 'muon-target-zprime',
  layout: MUON_TARGET_ZPRIME_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'muon_target_zprime.wgsl'],
  shaderConstants: { BEAM: { type: 'f32', values: { sigmas: BEAM_SIGMAS } } },
  planParams,
  sampleCpu,
});
