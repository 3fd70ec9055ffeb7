/**
 * NA62 in kaon mode: K+ -> l+ N in the decay region, N -> pi l forced to decay inside the
 * decay volume, both charged tracks through the STRAW spectrometer and into the LKr.
 * CPU reference sampler; its WGSL twin is shaders/na62_kaon_hnl.wgsl.
 *
 * Weight of an event (expected events for the scenario's exposure):
 *   w = (N_K / N_gen) * w_K(z) * sum_l BR(K+ -> l+ N) * P(decay in volume) * sum_ch BR(N -> ch)
 * where the production and decay channels are sampled in proportion to their branching
 * ratios (so each event's BR/pick-probability is the constant sum), w_K is the kaon
 * decay-point weight and P the exact probability that N decays between entering and
 * leaving the decay volume.
 *
 * Polarisation (src/physics/hnl/polarisation.ts): N is made with helicity +1 with the fraction
 * leptonicProductionHelicityPlus(m_K, m_l, m_N), else -1, and decays to l pi with density
 * 1 + alpha h cos(theta) about its flight direction in the kaon frame (alpha -> -alpha for a
 * Majorana N's l+ pi- decay).
 */
import type { Scenario } from '../config/schema.js';
import { NothingToGenerate } from '../config/errors.js';
import { aroundAxis, cumulative, decayInCylinder, decayTwoBody, isotropicDirection, linearCosSin, pickChannel, TWO_PI } from '../engine/cpu/sampling.js';
import { columnWriter, fourVector, LOG_WEIGHT_ZERO, makeLayout, pdgColumn as pdg, position, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { loadNa62Geometry, na62GeometryParams } from '../geometry/na62.js';
import { na62TrackAcceptance, TRACK_IN_LKR, TRACK_IN_STRAW } from '../geometry/na62Acceptance.js';
import type { Flavour } from '../physics/hnl/mixing.js';
import { leptonicProductionHelicityPlus, twoBodyDecayAsymmetry } from '../physics/hnl/polarisation.js';
import { brLeptonicToHnl, LEPTON_OF, LEPTONIC_PARENTS, productionLabel } from '../physics/hnl/production.js';
import { boost, twoBodyRestFrame, type Vec4 } from '../physics/kinematics.js';
import { PARTICLES } from '../physics/particles.js';
import { kaonBeamParams, putKaonDecay, sampleKaonBeam } from '../sources/na62KaonBeam.js';
import { planHnlModel } from './hnlModel.js';
import { defineProcess, type Plan } from './process.js';

export const NA62_KAON_HNL_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events); the host writes weight = exp(log_weight)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits, expanded to the boolean columns' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'index into the production-channel dictionary' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'index into the decay-channel dictionary' },
    f('source_weight', '', 'kaon decay-point weight w_K(z) (mean 1 over the decay region)'),
    f('decay_log_prob', '', 'ln P, P the probability that N decays inside the decay volume, exp(-s_in/L)(1 - exp(-(s_out-s_in)/L)); a log, as P can underflow float32 (LOG_WEIGHT_ZERO when N misses the volume)'),
    f('decay_s_in', 'm', 'distance from the production vertex along N flight where N enters the decay volume'),
    f('decay_s_out', 'm', 'same, where N leaves the decay volume'),
    f('decay_s', 'm', 'distance from the production vertex to the N decay vertex'),
    ...fourVector('parent', 'K+ at its decay'),
    ...position('prod', 'production vertex (K+ decay)'),
    ...fourVector('llp', 'heavy neutral lepton N'),
    f('llp_helicity', '', "N's helicity in the kaon rest frame, from K+ -> l+ N (+1 or -1; 0 with model.polarised = false)"),
    ...position('decay', 'N decay vertex'),
    pdg('d1_pdg', 'PDG id of daughter 1 (the charged lepton)'),
    ...fourVector('d1', 'daughter 1 (charged lepton)'),
    pdg('d2_pdg', 'PDG id of daughter 2 (the charged pion)'),
    ...fourVector('d2', 'daughter 2 (charged pion)'),
  ],
  [
    { name: 'accepted', bit: 0, doc: 'all criteria below' },
    { name: 'in_decay_volume', bit: 1, doc: 'the N line of flight crosses the decay volume (else weight 0)' },
    { name: 'in_straw', bit: 2, doc: 'both charged tracks inside all four STRAW chambers (outside the beam holes)' },
    { name: 'in_lkr', bit: 3, doc: 'both charged tracks inside the LKr acceptance' },
  ],
);

const FLAG = { accepted: 1, inDecayVolume: 2, inStraw: 4, inLkr: 8 };

/** Flavours whose K+ -> l+ N and N -> pi l channels fipgen generates here (tau is closed below m_K). */
const LIGHT_FLAVOURS: Flavour[] = ['e', 'mu'];

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'na62-kaon-hnl') throw new Error(`na62-kaon-hnl cannot plan a ${scenario.process} scenario`);
  const model = scenario.model;
  const { U, table: decayTable, params: modelParams, info: modelInfo } = planHnlModel(model);
  const mN = model.mass;
  const mK = PARTICLES.K.mass;
  const mPi = PARTICLES.pi.mass;

  const production = LIGHT_FLAVOURS.map((a) => ({ a, br: brLeptonicToHnl(LEPTONIC_PARENTS.K, a, mN, U) })).filter((c) => c.br > 0);
  if (production.length === 0) {
    const reach = LIGHT_FLAVOURS.map((a) => `mass < ${(mK - LEPTON_OF[a].mass).toFixed(5)} GeV for l = ${a} (needs U_${a}^2 > 0)`).join(' or ');
    throw new NothingToGenerate('model.mass', mN, `K+ -> l+ N cannot produce it with mixing ${model.mixing}; allowed: ${reach}`);
  }
  const decays = LIGHT_FLAVOURS.map((a) => ({ a, label: `pi+ ${a}-`, br: decayTable.branchingRatios[`pi+ ${a}-`] ?? 0 })).filter((c) => c.br > 0);
  if (decays.length === 0) {
    const thresholds = LIGHT_FLAVOURS.map((a) => `mass > ${(mPi + LEPTON_OF[a].mass).toFixed(5)} GeV for l = ${a} (needs U_${a}^2 > 0)`).join(' or ');
    throw new NothingToGenerate('model.mass', mN, `N -> pi l is closed with mixing ${model.mixing}; allowed: ${thresholds}`);
  }
  const sumProd = production.reduce((s, c) => s + c.br, 0);
  const sumDecay = decays.reduce((s, c) => s + c.br, 0);
  const exposure = scenario.exposure.kaon_decays;
  const beam = kaonBeamParams(scenario.source);
  const geometry = na62GeometryParams(loadNa62Geometry(scenario.detector.geometry));
  // K+ -> N l+ and N -> l- pi+ in the parent's rest frame (float64 here).
  const prodFrame = production.map((c) => twoBodyRestFrame(mK, mN, LEPTON_OF[c.a].mass));
  const decayFrame = decays.map((c) => twoBodyRestFrame(mN, LEPTON_OF[c.a].mass, mPi));

  const params = {
    ...beam,
    ...geometry,
    // Decay-volume planes relative to the kaon decay region's ends, in float64 here, so the
    // samplers measure distances from the well-conditioned zFromStart / zToEnd of the source.
    dv_start_after_region: geometry.dv_z_min - beam.kdecay_z_min,
    dv_end_after_region: geometry.dv_z_max - beam.kdecay_z_max,
    ...modelParams,
    log_norm: Math.log(exposure / events) + Math.log(sumProd) + Math.log(sumDecay),
    n_prod: production.length,
    prod_cum: cumulative(production.map((c) => c.br)),
    prod_pstar: prodFrame.map((f) => f.p),
    prod_estar: prodFrame.map((f) => f.e1),
    prod_helicity_plus: production.map((c) => leptonicProductionHelicityPlus(mK, LEPTON_OF[c.a].mass, mN)),
    n_decay: decays.length,
    decay_cum: cumulative(decays.map((c) => c.br)),
    decay_pstar: decayFrame.map((f) => f.p),
    decay_e_lepton: decayFrame.map((f) => f.e1),
    decay_e_pion: decayFrame.map((f) => f.e2),
    decay_lepton_pdg: decays.map((c) => LEPTON_OF[c.a].pdg),
    decay_hadron_pdg: decays.map(() => PARTICLES.pi.pdg),
    decay_alpha: decays.map((c) => twoBodyDecayAsymmetry(mN, LEPTON_OF[c.a].mass, mPi, 'pseudoscalar')),
  };
  const info = {
    ...modelInfo,
    ...Object.fromEntries(production.map((c) => [`BR(${productionLabel.leptonic(LEPTONIC_PARENTS.K, c.a)})`, c.br])),
    ...Object.fromEntries(decays.map((c) => [`BR(N -> ${c.label})`, c.br])),
    'exposure [K+ decays in region]': exposure,
  };
  return {
    params,
    productionChannels: production.map((c) => productionLabel.leptonic(LEPTONIC_PARENTS.K, c.a)),
    decayChannels: decays.map((c) => c.label),
    info,
  };
}

export type Na62KaonHnlParams = ReturnType<typeof planParams>['params'];

function sampleCpu(plan: Plan<Na62KaonHnlParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = NA62_KAON_HNL_LAYOUT.index;
  const u = new Float64Array(4);
  const v = new Float64Array(4);
  const writer = columnWriter(out, n);
  const { put, put4 } = writer;
  for (let i = 0; i < n; i++) {
    const event = firstEvent + i;
    // Source: the kaon and its decay point.
    uniforms4(key, event, STREAM.source, 0, u);
    uniforms4(key, event, STREAM.source, 1, v);
    const K = sampleKaonBeam(P, u, v);

    // Production: K+ -> l+ N, isotropic in the kaon rest frame.
    uniforms4(key, event, STREAM.production, 0, u);
    const prod = pickChannel(u[0], P.prod_cum, P.n_prod);
    const dirN = isotropicDirection(u[1], u[2]);
    const pStar = P.prod_pstar[prod];
    const nStar: Vec4 = [pStar * dirN[0], pStar * dirN[1], pStar * dirN[2], P.prod_estar[prod]];
    const N = boost(nStar, K.p, P.kaon_mass);
    const h = P.polarised === 1 ? (u[3] < P.prod_helicity_plus[prod] ? 1 : -1) : 0;

    // Decay position: forced into the decay volume along the N line of flight.
    uniforms4(key, event, STREAM.decayPosition, 0, u);
    const toZMin = P.dv_start_after_region - K.zFromStart;
    const toZMax = P.dv_end_after_region + K.zToEnd;
    const { axis: [dx, dy, dz], sIn, sOut, inside, s, logProb: decayLogProb } = decayInCylinder(K.x, K.y, toZMin, toZMax, N, P.hnl_mass, P.hnl_ctau, P.dv_radius, u[0]);
    let flags = inside ? FLAG.inDecayVolume : 0;
    const logWeight = inside ? P.log_norm + Math.log(K.weight) + decayLogProb : LOG_WEIGHT_ZERO;
    const vx = K.x + s * dx;
    const vy = K.y + s * dy;
    const vz = K.z + s * dz;

    // Decay: N -> l pi, 1 + alpha h cos(theta) about its spin axis (dirN, see below).
    uniforms4(key, event, STREAM.decay, 0, u);
    const ch = pickChannel(u[0], P.decay_cum, P.n_decay);
    // Lepton charge: l- pi+ for a Dirac N (lepton number of K+ -> l+ N); either for Majorana,
    // whose l+ pi- decay has the opposite spin correlation.
    const qLepton = P.majorana === 1 && u[1] >= 0.5 ? 1 : -1;
    const [cos, sin] = linearCosSin(-qLepton * h * P.decay_alpha[ch], u[2]);
    // The helicity is along dirN in the kaon frame: N decays in the rest frame reached from
    // there (boosted by nStar, then by the kaon), where its spin axis is exactly dirN.
    const dirL = aroundAxis(dirN, cos, sin, TWO_PI * u[3]);
    const [lep, pion] = decayTwoBody(nStar, P.hnl_mass, dirL, P.decay_pstar[ch], P.decay_e_lepton[ch], P.decay_e_pion[ch]).map((p) => boost(p, K.p, P.kaon_mass));

    // Detector.
    const accL = na62TrackAcceptance(P, vx, vy, vz, lep[0], lep[1], lep[2], qLepton);
    const accP = na62TrackAcceptance(P, vx, vy, vz, pion[0], pion[1], pion[2], -qLepton);
    const both = accL & accP;
    if (both & TRACK_IN_STRAW) flags |= FLAG.inStraw;
    if (both & TRACK_IN_LKR) flags |= FLAG.inLkr;
    if ((flags & (FLAG.inDecayVolume | FLAG.inStraw | FLAG.inLkr)) === (FLAG.inDecayVolume | FLAG.inStraw | FLAG.inLkr)) flags |= FLAG.accepted;

    put(L.log_weight, i, logWeight);
    put(L.flags, i, flags);
    put(L.production_channel, i, prod);
    put(L.decay_channel, i, ch);
    putKaonDecay(writer, L, i, K);
    put(L.decay_log_prob, i, decayLogProb);
    put(L.decay_s_in, i, sIn);
    put(L.decay_s_out, i, sOut);
    put(L.decay_s, i, s);
    put4(L.llp_px, i, N);
    put(L.llp_helicity, i, h);
    put(L.decay_x, i, vx);
    put(L.decay_y, i, vy);
    put(L.decay_z, i, vz);
    // PDG ids: l- is +11/+13, pi+ is +211.
    put(L.d1_pdg, i, -qLepton * P.decay_lepton_pdg[ch]);
    put4(L.d1_px, i, lep);
    put(L.d2_pdg, i, -qLepton * P.decay_hadron_pdg[ch]);
    put4(L.d2_px, i, pion);
  }
}

export const na62KaonHnl = defineProcess<Na62KaonHnlParams>({
  id: 'na62-kaon-hnl',
  layout: NA62_KAON_HNL_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'na62_kaon_beam.wgsl', 'na62_acceptance.wgsl', 'na62_kaon_hnl.wgsl'],
  planParams,
  sampleCpu,
});
