/**
 * NA62 in kaon mode for a muon-philic mediator: K+ -> mu+ nu X (X = L_mu - L_tau Z' or a
 * muon-philic scalar) in the decay region of the K+ beam, the muon through the STRAW
 * spectrometer into MUV3, and the missing-mass cut m_miss^2 = (P_K - p_mu)^2 > 0.05 GeV^2
 * (PHYSICS.md section 2; arXiv:1902.07715). X is not decayed: the weights count K+ -> mu+ nu X.
 * CPU reference sampler; its WGSL twin is shaders/na62_kaon_zprime.wgsl.
 *
 * The Dalitz plane is sampled from a table made here in float64 from the full squared
 * amplitude (both emission legs, src/physics/zprime/kaon.ts): KO bins in ln m_miss^2, and for
 * each KI bins in the position t in [0, 1] of ln(m12^2 - m_mu^2) between its kinematic
 * limits, each cell weighted by |M|^2 times the Jacobian at its centre. Events are unweighted
 * within the table (piecewise-constant density); every event carries
 *   w = (N_K / N_gen) * w_K(z) * BR(K+ -> mu+ nu X).
 */
import { InputError } from '../config/errors.js';
import type { Scenario } from '../config/schema.js';
import { cumulative, rotateEuler, sampleBins, TWO_PI } from '../engine/cpu/sampling.js';
import { columnWriter, fourVector, makeLayout, pdgColumn as pdg, position, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { loadNa62Geometry, na62GeometryParams } from '../geometry/na62.js';
import { na62TrackAcceptance, TRACK_IN_MUV3, TRACK_IN_STRAW } from '../geometry/na62Acceptance.js';
import { boost, type Vec4 } from '../physics/kinematics.js';
import { PARTICLES } from '../physics/particles.js';
import { dalitzMomenta as amplitudeMomenta, kaonMatrixElement2, kaonToMuNuX, M2MISS_CUT, m12RangeAboveMuon } from '../physics/zprime/kaon.js';
import { dalitzMomenta, logPosition } from './dalitzKinematics.js';
import { kaonBeamParams, putKaonDecay, sampleKaonBeam } from '../sources/na62KaonBeam.js';
import { defineProcess, type Plan } from './process.js';

export const NA62_KAON_ZPRIME_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events); the host writes weight = exp(log_weight)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits, expanded to the boolean columns' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'index into the production-channel dictionary' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'index into the decay-channel dictionary (X is not decayed)' },
    f('source_weight', '', 'kaon decay-point weight w_K(z) (mean 1 over the region)'),
    f('m2miss', 'GeV^2', 'missing mass squared (P_K - p_mu)^2 = (p_nu + p_X)^2, from the sampled Dalitz variable'),
    ...fourVector('parent', 'K+ at its decay'),
    ...position('prod', 'production vertex (K+ decay)'),
    ...fourVector('llp', 'the mediator X'),
    pdg('d1_pdg', 'PDG id of the muon (-13, mu+)'),
    ...fourVector('d1', 'the muon'),
    pdg('d2_pdg', 'PDG id of the neutrino (14)'),
    ...fourVector('d2', 'the neutrino'),
  ],
  [
    { name: 'accepted', bit: 0, doc: 'all criteria below' },
    { name: 'in_straw', bit: 1, doc: 'the muon inside all four STRAW chambers (outside the beam holes)' },
    { name: 'in_muv3', bit: 2, doc: 'the muon inside MUV3' },
    { name: 'm2miss_cut', bit: 3, doc: `missing mass squared above the cut (${M2MISS_CUT} GeV^2)` },
  ],
);

const FLAG = { accepted: 1, inStraw: 2, inMuv3: 4, m2miss: 8 };
const KO = 96;
const KI = 48;

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'na62-kaon-zprime') throw new Error(`na62-kaon-zprime cannot plan a ${scenario.process} scenario`);
  const { mass: m, coupling: g, kind } = scenario.model;
  const mK = PARTICLES.K.mass;
  const mMu = PARTICLES.mu.mass;
  if (m >= mK - mMu) throw new InputError('model.mass', m, `K+ -> mu+ nu X needs mass < m_K - m_mu = ${(mK - mMu).toFixed(5)} GeV`);
  const lnLo = Math.log(m * m);
  const lnHi = Math.log((mK - mMu) ** 2);
  const cells = new Float64Array(KO * KI);
  for (let i = 0; i < KO; i++) {
    const m23sq = Math.exp(lnLo + ((i + 0.5) / KO) * (lnHi - lnLo));
    const r = m12RangeAboveMuon(m23sq, m);
    if (!r) continue;
    const a = Math.log(r[0]);
    const b = Math.log(r[1]);
    for (let j = 0; j < KI; j++) {
      const e = Math.exp(a + ((j + 0.5) / KI) * (b - a));
      const mom = amplitudeMomenta(mMu * mMu + e, m23sq, m);
      // |M|^2 times the Jacobian d m23^2 d m12^2 = m23^2 (m12^2 - m_mu^2) (b - a) d(ln m23^2) dt.
      cells[i * KI + j] = mom ? Math.max(0, kaonMatrixElement2(kind, mom[0], mom[1], mom[2], m)) * m23sq * e * (b - a) : 0;
    }
  }
  const rows = Array.from({ length: KO }, (_, i) => cells.subarray(i * KI, (i + 1) * KI).reduce((s, x) => s + x, 0));
  const total = rows.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new InputError('model.mass', m, 'K+ -> mu+ nu X has no phase space at this mass');
  const outerCdf = cumulative(rows);
  const innerCdf = rows.flatMap((row, i) => (row > 0 ? cumulative(cells.subarray(i * KI, (i + 1) * KI)) : Array.from({ length: KI }, (_, j) => (j + 1) / KI)));
  const width = kaonToMuNuX(kind, m, M2MISS_CUT);
  const br = width.br * g * g;
  const exposure = scenario.exposure.kaon_decays;
  const params = {
    ...kaonBeamParams(scenario.source),
    ...na62GeometryParams(loadNa62Geometry(scenario.detector.geometry)),
    mu_mass: mMu,
    x_mass: m,
    ln_m23sq_lo: lnLo,
    ln_m23sq_hi: lnHi,
    n_outer: KO,
    n_inner: KI,
    outer_cdf: outerCdf,
    inner_cdf: innerCdf,
    m2miss_cut: M2MISS_CUT,
    log_norm: Math.log(exposure / events) + Math.log(br),
    muon_pdg: -PARTICLES.mu.pdg,
    nu_pdg: PARTICLES.nu_mu.pdg,
  };
  const label = kind === 'vector' ? "Z'" : 'S';
  return {
    params,
    productionChannels: [`K+ -> mu+ nu ${label}`],
    decayChannels: ['not decayed'],
    info: {
      'mediator': kind === 'vector' ? "L_mu - L_tau vector Z'" : 'muon-philic scalar',
      'mass [GeV]': m,
      coupling: g,
      [`BR(K+ -> mu+ nu ${label})`]: br,
      'fraction with m_miss^2 > 0.05 GeV^2': width.fractionAbove,
      'exposure [K+ decays in region]': exposure,
      'Dalitz table': `${KO} bins in ln m_miss^2 x ${KI} in ln(m12^2 - m_mu^2)`,
    },
  };
}

export type Na62KaonZprimeParams = ReturnType<typeof planParams>['params'];

function sampleCpu(plan: Plan<Na62KaonZprimeParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = NA62_KAON_ZPRIME_LAYOUT.index;
  const u = new Float64Array(4);
  const v = new Float64Array(4);
  const writer = columnWriter(out, n);
  const { put, put4 } = writer;
  for (let i = 0; i < n; i++) {
    const event = firstEvent + i;
    uniforms4(key, event, STREAM.source, 0, u);
    uniforms4(key, event, STREAM.source, 1, v);
    const K = sampleKaonBeam(P, u, v);

    // Production: (m23^2, m12^2) from the Dalitz table, then an isotropic orientation.
    uniforms4(key, event, STREAM.production, 0, u);
    uniforms4(key, event, STREAM.production, 1, v);
    const [io, fo] = sampleBins(u[0], P.outer_cdf, 0, P.n_outer);
    const spanO = P.ln_m23sq_hi - P.ln_m23sq_lo;
    const m23sq = Math.exp(P.ln_m23sq_lo + ((io + fo) / P.n_outer) * spanO);
    // (m_K - m_mu)^2 - m23^2 from the distance to the end of the range, without cancellation.
    const gap = Math.exp(P.ln_m23sq_hi) * -Math.expm1(-((P.n_outer - io - fo) / P.n_outer) * spanO);
    const lambdaK = gap * ((P.kaon_mass + P.mu_mass) ** 2 - m23sq);
    const [ji, fi] = sampleBins(u[1], P.inner_cdf, io * P.n_inner, P.n_inner);
    const range = m12RangeAboveMuon(m23sq, P.x_mass, lambdaK)!;
    // t and 1 - t from the bin index and the position in it, each without cancellation.
    const [fromLow, toHigh] = logPosition(range[0], range[2], (ji + fi) / P.n_inner, (P.n_inner - ji - fi) / P.n_inner);
    const [pMu, pNu, pX] = dalitzMomenta(m23sq, lambdaK, fromLow, toHigh, P.kaon_mass, P.mu_mass, P.x_mass);
    const uTheta = u[2];
    const phi = TWO_PI * u[3];
    const psi = TWO_PI * v[0];
    const lab = (p4: Vec4): Vec4 => {
      const r = rotateEuler([p4[0], p4[1], p4[2]], uTheta, phi, psi);
      return boost([r[0], r[1], r[2], p4[3]], K.p, P.kaon_mass);
    };
    const mu = lab(pMu);
    const nu = lab(pNu);
    const X = lab(pX);

    const acc = na62TrackAcceptance(P, K.x, K.y, K.z, mu[0], mu[1], mu[2], 1);
    let flags = 0;
    if (acc & TRACK_IN_STRAW) flags |= FLAG.inStraw;
    if (acc & TRACK_IN_MUV3) flags |= FLAG.inMuv3;
    if (m23sq > P.m2miss_cut) flags |= FLAG.m2miss;
    if ((flags & (FLAG.inStraw | FLAG.inMuv3 | FLAG.m2miss)) === (FLAG.inStraw | FLAG.inMuv3 | FLAG.m2miss)) flags |= FLAG.accepted;

    put(L.log_weight, i, P.log_norm + Math.log(K.weight));
    put(L.flags, i, flags);
    put(L.production_channel, i, 0);
    put(L.decay_channel, i, 0);
    putKaonDecay(writer, L, i, K);
    put(L.m2miss, i, m23sq);
    put4(L.llp_px, i, X);
    put(L.d1_pdg, i, P.muon_pdg);
    put4(L.d1_px, i, mu);
    put(L.d2_pdg, i, P.nu_pdg);
    put4(L.d2_px, i, nu);
  }
}

export const na62KaonZprime = defineProcess<Na62KaonZprimeParams>({
  id: 'na62-kaon-zprime',
  layout: NA62_KAON_ZPRIME_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'na62_kaon_beam.wgsl', 'na62_acceptance.wgsl', 'dalitz.wgsl', 'na62_kaon_zprime.wgsl'],
  // dalitz.wgsl is the twin of ./dalitzKinematics.ts
  planParams,
  sampleCpu,
});
