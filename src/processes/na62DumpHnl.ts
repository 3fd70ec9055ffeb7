/**
 * NA62 in dump mode: 400 GeV/c protons on the copper TAX make D and B mesons (and tau leptons
 * from Ds), which make heavy neutral leptons; N decays inside the decay volume to a final state
 * with two charged tracks, which must cross the STRAW spectrometer and reach the LKr (or, as an
 * option, to two photons in the LKr).
 * CPU reference sampler; its WGSL twin is shaders/na62_dump_hnl.wgsl (with na62_dump.wgsl).
 *
 * Weight of an event (expected events for the exposure; the talk's formula, shared/seeds/000):
 *   w = (N_POT/N_gen) * sum_c r_c * P(decay in volume) * sum_d BR(N -> d) * w_ME,
 *   r_c = 2 chi_QQ f_meson BR(meson -> ... N)  (2: a meson and an antimeson per pair),
 * channels c (production) and d (visible decays) picked in proportion to r_c and BR(d); w_ME
 * the three-body matrix-element weight (mean 1; 1 for two-body decays).
 *
 * Polarisation (src/physics/hnl/polarisation.ts): N from P -> l N has helicity +1 with the
 * fraction of leptonicProductionHelicityPlus, else -1; its two-body decays follow
 * 1 + alpha h cos(theta), its three-body decays the polarised matrix element. A tau among N's
 * decay products carries the polarisation that decay gives it (leptonPolarisationFromCurrent,
 * leptonicLeptonPolarisation) into its decay to one track: e/mu nu nu, pi nu, K nu, rho nu (TAU_DECAY). The tau from
 * D(s) -> tau nu is fully polarised; N from its decays follows its spin in direction and
 * helicity (tauTwoBodySpinCorrelation, tauLeptonicSpinCorrelation). N from P -> H l N has the
 * helicity +1 share of its energy bin (semileptonicEnergySpectrum). `model.polarised = false`
 * makes every N unpolarised and isotropic.
 */
import type { Na62DumpHnlScenario, Scenario } from '../config/schema.js';
import { NothingToGenerate } from '../config/errors.js';
import { aroundAxis, cumulative, decayInCylinder, decayTwoBody, isotropicDirection, linearCosSin, pickChannel, rotateEuler, sampleBins, TWO_PI } from '../engine/cpu/sampling.js';
import { columnWriter, fourVector, LOG_WEIGHT_ZERO, makeLayout, pdgColumn as pdg, position, scalarColumn as f } from '../engine/layout.js';
import { STREAM, uniforms4 } from '../engine/rng/philox.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import { loadNa62Geometry, na62GeometryParams } from '../geometry/na62.js';
import { na62TrackAcceptance, TRACK_IN_LKR, TRACK_IN_MUV3, TRACK_IN_STRAW } from '../geometry/na62Acceptance.js';
import { dileptonCouplings, hadronicWidths, widthNeutrinoDilepton } from '../physics/hnl/decay.js';
import { FLAVOURS, type Flavour, type Mixing } from '../physics/hnl/mixing.js';
import { leptonicLeptonPolarisation, leptonicMatrixElement, leptonicProductionHelicityPlus, type LeptonicCoefficients, leptonPolarisationFromCurrent, neutralCurrentCoefficients, type SpinCorrelation, tauTwoBodySpinCorrelation, twoBodyDecayAsymmetry, vectorMesonDecayWeight } from '../physics/hnl/polarisation.js';
import { brLeptonicToHnl, LEPTON_OF, productionLabel, LEPTONIC_PARENTS, type LeptonicParent } from '../physics/hnl/production.js';
import { SEMILEPTONIC_CHANNELS, semileptonicEnergySpectrum, type SemileptonicChannel } from '../physics/hnl/semileptonic.js';
import { brToTau, TAU_DECAYS_TO_HNL, TAU_PARENTS, tauLeptonicEnergySpectrum, tauLeptonicSpinCorrelation, widthTauToMesonHnl } from '../physics/hnl/tau.js';
import { BR_KSTAR_TO, BR_PHI_TO_KK, BR_TAU_TO_ONE_TRACK, BR_TO_TWO_PHOTONS } from '../physics/constants.js';
import { MESON_TO_PI_PI_X, mesonThreeBodyMatrixElement, mesonThreeBodyNorm, type MesonToPiPiX } from '../physics/mesonDecays.js';
import { hnlPool, loadPools, RECORD, recordsAtMass, RECORD_SIZE } from '../physics/hadronPools.js';
import { HADRONIC_CURRENTS, type PoolDecay } from '../physics/hnl/partonDecays.js';
import { integrate } from '../physics/integrate.js';
import { boost, cross, threeBodyAtRest, twoBodyRestFrame, type Vec4 } from '../physics/kinematics.js';
import { type Particle, PARTICLES, widthFromLifetime } from '../physics/particles.js';
import { CASCADE_ENHANCEMENT, dumpSourceParams, sampleDumpMeson, SPECTRUM } from '../sources/na62Dump.js';
import { dalitzPointAtRest } from './dalitzKinematics.js';
import { planHnlModel } from './hnlModel.js';
import { defineProcess, type Plan } from './process.js';

export const NA62_DUMP_HNL_LAYOUT = makeLayout(
  [
    f('log_weight', '', 'natural log of the event weight (expected events); the host writes weight = exp(log_weight)'),
    { name: 'flags', kind: 'u32', unit: '', doc: 'acceptance bits, expanded to the boolean columns' },
    { name: 'production_channel', kind: 'u32', unit: '', doc: 'index into the production-channel dictionary' },
    { name: 'decay_channel', kind: 'u32', unit: '', doc: 'index into the decay-channel dictionary' },
    pdg('parent_pdg', 'PDG id of the meson that made N'),
    ...fourVector('parent', 'the meson that made N'),
    ...position('prod', 'production vertex (meson decay, in the absorber)'),
    ...fourVector('llp', 'heavy neutral lepton N'),
    f('llp_helicity', '', "N's spin along its flight in the rest frame of the meson (or the tau) that made it: +1 or -1 (its helicity from a meson; from a tau, whose N's spin also leans across the flight, the sign of the drawn spin's component along it), 0 with model.polarised=false"),
    f('decay_log_prob', '', 'ln P, P the probability that N decays inside the decay volume (LOG_WEIGHT_ZERO when N misses it)'),
    f('decay_s_in', 'm', 'distance from the production vertex along N flight where N enters the decay volume'),
    f('decay_s_out', 'm', 'same, where N leaves the decay volume'),
    f('decay_s', 'm', 'distance from the production vertex to the N decay vertex'),
    ...position('decay', 'N decay vertex'),
    f('decay_me_weight', '', "matrix-element weight of N's three-body decay, or of its meson's decay to pi+ pi- X0 or of its tau's to l nu nu (mean 1 over the Dalitz plot and orientations; 1 otherwise; times a vector meson's spin-correlation weight); for a multi-hadron pool event its partons' spin weight 1 + h b.n; included in log_weight"),
    pdg('d1_pdg', "PDG id of visible particle 1: charged track 1 (negative in the particle chain N -> l- ...; for a tau-, its charged daughter; for a multi-hadron pool event its negative particle), or a photon"),
    ...fourVector('d1', 'visible particle 1 (charged track or photon)'),
    pdg('d2_pdg', "PDG id of visible particle 2: charged track 2 (positive in the particle chain; for a tau+, its charged daughter; a D(s)(*)+'s charged daughter; a pool event's positive particle), or a photon"),
    ...fourVector('d2', 'visible particle 2 (charged track or photon)'),
    pdg('d3_pdg', "PDG id of the neutral third particle: nu; pi0 from rho+ or K*+ -> K+ pi0, or from a tau's rho; K0 from K*+ -> K0 pi+; pi0 or eta from omega/eta/eta' -> pi+ pi- X0 (the neutrinos are then N minus the three); 0: none, a neutrino whose flavour is summed over, or the sum of a Pythia pool event's neutral particles other than neutrinos (photons, K_L, n)"),
    ...fourVector('d3', 'the neutral third particle (zero when there is none)'),
  ],
  [
    { name: 'accepted', bit: 0, doc: 'in_decay_volume and in_lkr, and in_straw for two charged tracks (two_photons: the LKr alone)' },
    { name: 'in_decay_volume', bit: 1, doc: 'the N line of flight crosses the decay volume (else weight 0)' },
    { name: 'in_straw', bit: 2, doc: 'both charged tracks inside all four STRAW chambers (outside the beam holes); never set for two photons' },
    { name: 'in_lkr', bit: 3, doc: 'both visible particles (tracks, or photons on straight lines) inside the LKr acceptance' },
    { name: 'd1_in_muv3', bit: 4, doc: 'track 1 inside the MUV3 acceptance (muon identification possible); never set for photons' },
    { name: 'd2_in_muv3', bit: 5, doc: 'track 2 inside the MUV3 acceptance; never set for photons' },
    { name: 'two_photons', bit: 6, doc: 'the visible final state is two photons (N -> pi0/eta nu, -> gamma gamma; detector.photon_final_states)' },
  ],
);

const FLAG = { accepted: 1, inDecayVolume: 2, inStraw: 4, inLkr: 8, d1Muv3: 16, d2Muv3: 32, twoPhotons: 64 };
/** How N is made: P -> l N; P -> H l N; P -> tau nu then tau -> meson N; P -> tau nu then tau -> l nu N. */
export const PRODUCTION_KIND = { twoBody: 0, threeBody: 1, tauTwoBody: 2, tauThreeBody: 3 } as const;
/**
 * How N decays: to two bodies (a lepton or nu and a meson), to three leptons by the matrix
 * element, or to a multi-hadron final state drawn from a Pythia 8 pool (src/physics/hadronPools.ts).
 */
export const DECAY_KIND = { twoBody: 0, threeBody: 1, pool: 2 } as const;
/**
 * What the meson of a two-body decay does, isotropically in its frame (a vector's polarisation
 * is not followed): stays (pi, K); a charged meson to a charged and a neutral one, rho+ -> pi+ pi0,
 * K*+ -> K+ pi0 or K0 pi+ (the charged one is track 2); a neutral meson to a charged pair,
 * rho0 -> pi+ pi- or phi -> K+ K- (the pair are the tracks); pi0/eta -> gamma gamma; a neutral
 * meson to pi+ pi- and a neutral one (omega/eta -> pi+ pi- pi0, eta' -> pi+ pi- eta) by its
 * Dalitz-plot |M|^2 (src/physics/mesonDecays.ts), the pions the tracks; D+, Ds+, Ds*+ as a
 * Pythia 8 pool event with one charged particle (track 2) and the sum of its neutrals.
 */
export const MESON_DECAY = { none: 0, chargedAndNeutral: 1, neutralToPair: 2, twoPhotons: 3, threeBody: 4, pool: 5 } as const;
/**
 * What a tau among N's decay products does, in its rest frame reached from N's: nothing (no tau),
 * decays to a meson and nu (pi, K), to l nu nu by the muon-decay |M|^2 (sampled on the Dalitz
 * plot and weighted, as N -> l l nu), or to rho nu with rho -> pi pi0 (weighted by the rho's spin
 * correlation, vectorMesonDecayWeight with the tau as the decaying fermion), all with the
 * polarisation N's decay gave it. Its charged daughter is the track, a pi0 the third particle;
 * the neutrinos are not written. tau -> rho nu only where the third particle is free (not beside
 * N -> tau rho+/K*+, whose meson's pi0 or K0 it is).
 */
export const TAU_DECAY = { none: 0, meson: 1, leptons: 2, vector: 3 } as const;
/** The tau- decays seen as one track, with the track's PDG id in the tau- chain. */
const TAU_TO_ONE_TRACK = [
  { label: 'e- nu nu', conjugate: 'e+ nu nu', daughter: PARTICLES.e, pdg: PARTICLES.e.pdg, mode: TAU_DECAY.leptons, br: BR_TAU_TO_ONE_TRACK.e },
  { label: 'mu- nu nu', conjugate: 'mu+ nu nu', daughter: PARTICLES.mu, pdg: PARTICLES.mu.pdg, mode: TAU_DECAY.leptons, br: BR_TAU_TO_ONE_TRACK.mu },
  { label: 'pi- nu', conjugate: 'pi+ nu', daughter: PARTICLES.pi, pdg: -PARTICLES.pi.pdg, mode: TAU_DECAY.meson, br: BR_TAU_TO_ONE_TRACK.pi },
  { label: 'K- nu', conjugate: 'K+ nu', daughter: PARTICLES.K, pdg: -PARTICLES.K.pdg, mode: TAU_DECAY.meson, br: BR_TAU_TO_ONE_TRACK.K },
  { label: 'rho- nu', conjugate: 'rho+ nu', daughter: PARTICLES.pi, pdg: -PARTICLES.pi.pdg, mode: TAU_DECAY.vector, br: BR_TAU_TO_ONE_TRACK.rho },
] as const;
/** Bits of a decay channel's `selfConjugate`: which of particles 1, 2, 3 keep their PDG id in the conjugate chain. */
const SELF_CONJUGATE = { d1: 1, d2: 2, d3: 4 } as const;
/** Bins of the N energy spectrum of each three-body production channel. */
const ENERGY_BINS = 64;

interface ProductionChannel {
  label: string;
  /** N per proton on target through this channel. */
  rate: number;
  kind: number;
  parent: Particle;
  spectrum: number;
  pStar: number;
  eStar: number;
  /**
   * N's spin correlations (two-body channels): its direction follows 1 + alpha cos(theta) about
   * the spin axis of the tau (0 from a meson: spinless), and its helicity is +1 with probability
   * (helicityPlus + helicitySlope cos)/(1 + alpha cos) (SpinCorrelation in polarisation.ts).
   */
  helicityPlus: number;
  alpha: number;
  helicitySlope: number;
  /** N's polarisation across its flight, towards the tau's spin axis: transverse sin/(1 + alpha cos). */
  transverse: number;
  /** Three-body: the N energy spectrum (widths per bin) and its range, in the meson's or the tau's frame. */
  energy?: { eMin: number; eMax: number; widths: number[]; helicityPlus?: number[] };
  /** From a tau: the tau's momentum and energy in the meson frame (P -> tau nu); else 0. */
  tauPStar: number;
  tauEStar: number;
  /** tau -> l nu N: the charged lepton's mass; else 0. */
  tauLeptonMass: number;
  /** +1 when the listed decay makes N, -1 when it makes Nbar (tau+ -> pi+ Nbar). */
  nSign: number;
}

/** A production channel's fields where it has none of the spin correlations, tau or spectrum: unpolarised, from a meson. */
const PRODUCTION_BASE = { pStar: 0, eStar: 0, helicityPlus: 0.5, alpha: 0, helicitySlope: 0, transverse: 0, nSign: 1, tauPStar: 0, tauEStar: 0, tauLeptonMass: 0 };

/** The fragmentation fraction (source.fragmentation) of each parent meson. */
const FRAGMENTATION_KEY: Readonly<Record<string, keyof Na62DumpHnlScenario['source']['fragmentation']>> = {
  D0: 'D0', 'D+': 'D', 'Ds+': 'Ds', 'B+': 'B', B0: 'B0', Bs0: 'Bs', 'Bc+': 'Bc',
};

function productionChannels(s: Na62DumpHnlScenario, mN: number, U: Mixing): ProductionChannel[] {
  const src = s.source;
  const chiC = src.charm_pairs_per_pot * (src.cascade_enhancement ? CASCADE_ENHANCEMENT.charm : 1);
  const chiB = src.beauty_pairs_per_pot * (src.cascade_enhancement ? CASCADE_ENHANCEMENT.beauty : 1);
  const fr = src.fragmentation;
  const out: ProductionChannel[] = [];
  const twoBody = (lp: LeptonicParent, mesons: number, spectrum: number) => {
    for (const a of FLAVOURS) {
      const br = brLeptonicToHnl(lp, a, mN, U);
      if (!(br > 0 && mesons > 0)) continue;
      const ml = LEPTON_OF[a].mass;
      const { p: pStar, e1: eStar } = twoBodyRestFrame(lp.particle.mass, mN, ml);
      out.push({
        ...PRODUCTION_BASE, label: productionLabel.leptonic(lp, a), rate: 2 * mesons * br, kind: PRODUCTION_KIND.twoBody, parent: lp.particle, spectrum,
        pStar, eStar, helicityPlus: leptonicProductionHelicityPlus(lp.particle.mass, ml, mN),
      });
    }
  };
  const threeBody = (ch: SemileptonicChannel, mesons: number, spectrum: number) => {
    for (const a of FLAVOURS) {
      if (!(U[a] > 0 && mesons > 0)) continue;
      const energy = semileptonicEnergySpectrum(ch, LEPTON_OF[a], mN, U[a], ENERGY_BINS);
      const br = energy.widths.reduce((x, y) => x + y, 0) / widthFromLifetime(ch.parent.lifetime);
      if (!(br > 0)) continue;
      out.push({ ...PRODUCTION_BASE, label: productionLabel.semileptonic(ch, a), rate: 2 * mesons * br, kind: PRODUCTION_KIND.threeBody, parent: ch.parent, spectrum, energy });
    }
  };
  const yieldOf = (meson: Particle): [number, number] => {
    const key = FRAGMENTATION_KEY[meson.name];
    const charm = key === 'D0' || key === 'D' || key === 'Ds';
    return [(charm ? chiC : chiB) * (fr[key] ?? 0), charm ? SPECTRUM.charm : SPECTRUM.beauty];
  };
  for (const lp of [LEPTONIC_PARENTS.D, LEPTONIC_PARENTS.Ds, LEPTONIC_PARENTS.B, LEPTONIC_PARENTS.Bc]) twoBody(lp, ...yieldOf(lp.particle));
  for (const ch of SEMILEPTONIC_CHANNELS) threeBody(ch, ...yieldOf(ch.parent));
  // From tau leptons: P -> tau nu, then tau -> pi/rho N or tau -> l nu N; N's direction and
  // helicity follow the tau's spin (in the sampler).
  const tauWidth = widthFromLifetime(PARTICLES.tau.lifetime);
  for (const lp of TAU_PARENTS) {
    const [mesons, spectrum] = yieldOf(lp.particle);
    const toTau = mesons * brToTau(lp);
    const tauFrame = twoBodyRestFrame(lp.particle.mass, PARTICLES.tau.mass, 0);
    const common = { ...PRODUCTION_BASE, parent: lp.particle, spectrum, tauPStar: tauFrame.p, tauEStar: tauFrame.e1 };
    for (const decay of TAU_DECAYS_TO_HNL) {
      const U2 = U[decay.flavour];
      if (!(U2 > 0 && toTau > 0)) continue;
      const label = productionLabel.tau(lp, decay);
      if (decay.twoBody) {
        const br = widthTauToMesonHnl(decay.twoBody, mN, U2) / tauWidth;
        if (!(br > 0)) continue;
        const { p: pStar, e1: eStar } = twoBodyRestFrame(PARTICLES.tau.mass, mN, decay.twoBody.mass);
        const spin = tauTwoBodySpinCorrelation(PARTICLES.tau.mass, mN, decay.twoBody.mass, decay.twoBody === PARTICLES.pi ? 'pseudoscalar' : 'vector');
        out.push({ ...common, ...spin, label, rate: 2 * toTau * br, kind: PRODUCTION_KIND.tauTwoBody, pStar, eStar, nSign: decay.nSign });
      } else {
        const energy = tauLeptonicEnergySpectrum(decay, mN, U2, ENERGY_BINS);
        const br = energy.widths.reduce((x, y) => x + y, 0) / tauWidth;
        if (!(br > 0)) continue;
        out.push({ ...common, label, rate: 2 * toTau * br, kind: PRODUCTION_KIND.tauThreeBody, energy, nSign: decay.nSign, tauLeptonMass: LEPTON_OF[decay.lepton!].mass });
      }
    }
  }
  return out;
}

interface DecayChannel {
  label: string;
  br: number;
  kind: number;
  /** Two-body: the lepton (or nu) and the meson; three-body: l1- and l2+. */
  m1: number;
  m2: number;
  /** The meson's own decay (mesonDecay): the masses of its two daughters (three-body: the neutral one and a pion). */
  mesonDaughters: [number, number];
  /** The meson's three-body decay, when mesonDecay is threeBody. */
  mesonToPiPiX?: MesonToPiPiX;
  alpha: number;
  mesonDecay: number;
  /** The meson is a vector (rho, K*, phi, omega): its decay is weighted by its spin correlation. */
  vector: boolean;
  coefficients: LeptonicCoefficients;
  /** Three-body: the Dalitz integral of the unpolarised |M|^2 in the sampler's variables. */
  norm: number;
  pdg1: number;
  pdg2: number;
  pdg3: number;
  /** SELF_CONJUGATE bits: the particles that are their own antiparticles (photon, pi0, or no particle). */
  selfConjugate: number;
  /** A tau as particle 1 (the lepton of N -> l M, or l1) or 2 (l2 of N -> l1 l2 nu): its decay to one track (TAU_DECAY). */
  tau?: { slot: 1 | 2; mode: number; daughter: Particle };
  /** Pool events (DECAY_KIND.pool, MESON_DECAY.pool): first record and count in pools.f32; for N's, the table's grid mass (0: a meson's, used as it is). */
  pool?: { offset: number; count: number; gridMass: number };
}

const NONE: LeptonicCoefficients = { cA: 0, cB: 0, cI: 0 };
/**
 * tau- -> l- nubar_l nu_tau as leptonicMatrixElement reads it, the tau as its decaying particle: the
 * muon-decay pairing (P.p_nubar)(p_l.p_nu_tau) with particle 1 = l, particle 2 = nubar_l, the
 * third = nu_tau (for tau+ -> l+ nu_l nubar_tau: nu_l, nubar_tau, and h = -1).
 */
const TAU_TO_LEPTONS: LeptonicCoefficients = { cA: 1, cB: 0, cI: 0 };

/**
 * Dalitz integral of the unpolarised |M|^2/(64 G_F^2 U^2) in the sampler's variables
 * (dalitzPointAtRest): an event's matrix-element weight |M|^2 jacobian/norm then has mean 1.
 */
function leptonicNorm(c: LeptonicCoefficients, M: number, m1: number, m2: number): number {
  return integrate((t23) => integrate((t12) => {
    const { p1, p2, p3, jacobian } = dalitzPointAtRest(M, m1, m2, t23, t12);
    return leptonicMatrixElement(c, M, [0, 0, 0, M], [0, 0, 0, 0], 0, p1, p2, p3, m1, m2) * jacobian;
  }, 0, 1, 8), 0, 1, 16);
}

/** A four-vector turned by the uniformly random rotation of the uniforms (u, v, w) (rotateEuler). Twin of orient in the WGSL. */
function orient(p: Vec4, u: number, v: number, w: number): Vec4 {
  return [...rotateEuler([p[0], p[1], p[2]], u, TWO_PI * v, TWO_PI * w), p[3]] as Vec4;
}

/**
 * The ways a charged lepton of flavour a is seen as particle `slot` (1: the l- of the particle
 * chain, 2: the l+): itself, or a tau through its one-track decays, tau -> rho nu only where the
 * third particle is free for its pi0. Label suffix, BR share, the track's PDG id, the tau's decay.
 */
function leptonModes(a: Flavour, slot: 1 | 2, thirdFree: boolean) {
  const charge = slot === 1 ? 1 : -1;
  if (a !== 'tau') return [{ suffix: '', share: 1, pdg: charge * LEPTON_OF[a].pdg, tau: undefined }];
  return TAU_TO_ONE_TRACK.filter((t) => thirdFree || t.mode !== TAU_DECAY.vector).map((t) => ({
    suffix: slot === 1 ? `, tau- -> ${t.label}` : `, tau+ -> ${t.conjugate}`, share: t.br, pdg: charge * t.pdg, tau: { slot, mode: t.mode, daughter: t.daughter },
  }));
}

function decayChannels(mN: number, U: Mixing, branchingRatios: Readonly<Record<string, number>>, photons: boolean): DecayChannel[] {
  const out: DecayChannel[] = [];
  const base = { alpha: 0, mesonDecay: MESON_DECAY.none, vector: false, mesonDaughters: [0, 0] as [number, number], coefficients: NONE, norm: 1, pdg3: 0, selfConjugate: SELF_CONJUGATE.d3 };
  // N -> l- M+, M+ = pi, K, or a vector decaying to a charged (track 2) and a neutral meson.
  const chargedModes: [Particle, 'pseudoscalar' | 'vector', { suffix: string; share: number; daughters?: [Particle, Particle] }[]][] = [
    [PARTICLES.pi, 'pseudoscalar', [{ suffix: '', share: 1 }]],
    [PARTICLES.K, 'pseudoscalar', [{ suffix: '', share: 1 }]],
    [PARTICLES.rho, 'vector', [{ suffix: '', share: 1, daughters: [PARTICLES.pi, PARTICLES.pi0] }]],
    [PARTICLES.Kstar, 'vector', [
      { suffix: ', K*+ -> K+ pi0', share: BR_KSTAR_TO.KPlusPi0, daughters: [PARTICLES.K, PARTICLES.pi0] },
      { suffix: ', K*+ -> K0 pi+', share: BR_KSTAR_TO.K0PiPlus, daughters: [PARTICLES.pi, PARTICLES.K0] },
    ]],
  ];
  for (const a of FLAVOURS) {
    const l = LEPTON_OF[a];
    for (const [meson, kind, modes] of chargedModes) {
      const tableLabel = `${meson.name} ${l.name}`;
      for (const { suffix, share, daughters } of modes) {
        for (const lm of leptonModes(a, 1, !daughters)) {
          const br = (branchingRatios[tableLabel] ?? 0) * share * lm.share;
          if (!(br > 0)) continue;
          const [charged, neutral] = daughters ?? [meson, undefined];
          const tauNeutral = lm.tau?.mode === TAU_DECAY.vector;
          out.push({
            ...base, label: tableLabel + suffix + lm.suffix, br, kind: DECAY_KIND.twoBody, m1: l.mass, m2: meson.mass, alpha: twoBodyDecayAsymmetry(mN, l.mass, meson.mass, kind),
            mesonDecay: neutral ? MESON_DECAY.chargedAndNeutral : MESON_DECAY.none, mesonDaughters: neutral ? [charged.mass, neutral.mass] : [0, 0], vector: kind === 'vector',
            pdg1: lm.pdg, pdg2: charged.pdg, pdg3: tauNeutral ? PARTICLES.pi0.pdg : (neutral?.pdg ?? 0), selfConjugate: !neutral || neutral.pdg === PARTICLES.pi0.pdg ? SELF_CONJUGATE.d3 : 0,
            tau: lm.tau,
          });
        }
      }
    }
  }
  // N -> l- D+, Ds+, Ds*+: the meson decays as a Pythia 8 pool event with one charged particle
  // (track 2) and the sum of its neutrals (particle 3), turned at random in its rest frame (a
  // Ds*'s decay is not weighted by its spin correlation: the pool does not keep its decay axis).
  const mesonPools = loadPools().index.mesons;
  for (const a of FLAVOURS) {
    const l = LEPTON_OF[a];
    for (const [meson, kind] of [[PARTICLES.D, 'pseudoscalar'], [PARTICLES.Ds, 'pseudoscalar'], [PARTICLES.DsStar, 'vector']] as const) {
      // A tau beside a Ds* (N above 3.9 GeV) would need the Ds*'s decay current for its polarisation: not generated.
      if (a === 'tau' && kind === 'vector') continue;
      const pool = mesonPools[meson.name];
      const tableLabel = `${meson.name} ${l.name}`;
      for (const lm of leptonModes(a, 1, false)) {
        const br = (branchingRatios[tableLabel] ?? 0) * (pool.oneTrack / pool.decayed) * lm.share;
        if (!(br > 0)) continue;
        out.push({
          ...base, label: `${tableLabel}, ${meson.name} -> one track (Pythia 8)${lm.suffix}`, br, kind: DECAY_KIND.twoBody, m1: l.mass, m2: meson.mass,
          alpha: twoBodyDecayAsymmetry(mN, l.mass, meson.mass, kind), mesonDecay: MESON_DECAY.pool, pdg1: lm.pdg, pdg2: 0, tau: lm.tau,
          pool: { offset: pool.offset, count: pool.count, gridMass: 0 },
        });
      }
    }
  }
  /**
   * A decay drawn from a Pythia 8 pool of N decays: an event with exactly two charged particles
   * (tracks 1 and 2) and the sum of its neutrals (particle 3), from the nearest grid mass,
   * weighted by its partons' spin correlation; BR x the pool's two-track fraction (above the
   * duality cut of a remainder whose share of the quark-level width is `share`: hnlPool).
   */
  const fromPool = (decay: PoolDecay, label: string, br: number, share?: number) => {
    const pool = br > 0 ? hnlPool(decay, mN, share) : undefined;
    if (!pool) return;
    out.push({
      ...base, label: `${label}, two tracks (Pythia 8)`, br: br * pool.twoTrackFraction, kind: DECAY_KIND.pool, m1: 0, m2: 0, pdg1: 0, pdg2: 0,
      pool: { offset: pool.table.offset + pool.firstRecord, count: pool.table.count - pool.firstRecord, gridMass: pool.table.mass },
    });
  };
  // N's multi-hadron remainder of each current (decay.ts's "... hadrons"), hadronised by Pythia,
  // from the hadronic masses above those the exclusive channels take.
  const hadronic = hadronicWidths(mN, U);
  for (const current of HADRONIC_CURRENTS) {
    const tableLabel = current === 'nu' ? 'nu hadrons' : `${current}- hadrons`;
    const w = hadronic[current];
    fromPool(current, tableLabel, branchingRatios[tableLabel] ?? 0, w.quarkLevel > 0 ? 1 - w.exclusive / w.quarkLevel : 0);
  }
  // rho0 nu (rho0 -> pi+ pi-, ~100%) and phi nu with phi -> K+ K-: two tracks and a neutrino.
  for (const [meson, daughter, brPair, label] of [
    [PARTICLES.rho0, PARTICLES.pi, 1, 'rho0 nu'],
    [PARTICLES.phi, PARTICLES.K, BR_PHI_TO_KK, 'phi nu, phi -> K+ K-'],
  ] as const) {
    const br = (branchingRatios[`${meson.name} nu`] ?? 0) * brPair;
    if (!(br > 0)) continue;
    out.push({
      ...base, label, br, kind: DECAY_KIND.twoBody, m1: 0, m2: meson.mass, alpha: twoBodyDecayAsymmetry(mN, 0, meson.mass, 'vector'),
      mesonDecay: MESON_DECAY.neutralToPair, mesonDaughters: [daughter.mass, daughter.mass], vector: true, pdg1: -daughter.pdg, pdg2: daughter.pdg, pdg3: 0, selfConjugate: SELF_CONJUGATE.d3,
    });
  }
  // omega/eta nu -> pi+ pi- pi0 nu, eta' nu -> pi+ pi- eta nu: the pions are the tracks, the
  // neutral meson the third particle (the neutrino is N minus the rest).
  for (const decay of [MESON_TO_PI_PI_X.omega, MESON_TO_PI_PI_X.eta, MESON_TO_PI_PI_X.etaPrime]) {
    const { meson, neutral } = decay;
    const br = (branchingRatios[`${meson.name} nu`] ?? 0) * decay.br;
    if (!(br > 0)) continue;
    out.push({
      ...base, label: `${meson.name} nu, ${meson.name} -> pi+ pi- ${neutral.name}`, br, kind: DECAY_KIND.twoBody, m1: 0, m2: meson.mass,
      alpha: twoBodyDecayAsymmetry(mN, 0, meson.mass, decay.shape.pWave ? 'vector' : 'pseudoscalar'), mesonDecay: MESON_DECAY.threeBody, vector: decay.shape.pWave,
      mesonDaughters: [neutral.mass, PARTICLES.pi.mass], mesonToPiPiX: decay, pdg1: -PARTICLES.pi.pdg, pdg2: PARTICLES.pi.pdg, pdg3: neutral.pdg,
    });
  }
  // pi0/eta nu with the meson -> gamma gamma, for the LKr-only selection (the neutrino's flavour is summed over).
  for (const [meson, brPhotons] of photons ? ([[PARTICLES.pi0, BR_TO_TWO_PHOTONS.pi0], [PARTICLES.eta, BR_TO_TWO_PHOTONS.eta]] as const) : []) {
    const br = (branchingRatios[`${meson.name} nu`] ?? 0) * brPhotons;
    if (!(br > 0)) continue;
    out.push({
      ...base, label: `${meson.name} nu, ${meson.name} -> gamma gamma`, br, kind: DECAY_KIND.twoBody, m1: 0, m2: meson.mass,
      alpha: twoBodyDecayAsymmetry(mN, 0, meson.mass, 'pseudoscalar'), mesonDecay: MESON_DECAY.twoPhotons,
      pdg1: PARTICLES.photon.pdg, pdg2: PARTICLES.photon.pdg, selfConjugate: SELF_CONJUGATE.d1 | SELF_CONJUGATE.d2 | SELF_CONJUGATE.d3,
    });
  }
  const NU_OF: Record<Flavour, Particle> = { e: PARTICLES.nu_e, mu: PARTICLES.nu_mu, tau: PARTICLES.nu_tau };
  // N -> l_a- l_b+ nu_b (a != b, charged current only); a tau among them is seen through its
  // one-track decays.
  const leptonic: { label: string; a: Flavour; b: Flavour; coefficients: LeptonicCoefficients; nu: Particle; br: number }[] = [];
  for (const a of FLAVOURS) {
    for (const b of FLAVOURS.filter((x) => x !== a)) {
      leptonic.push({ label: `${a}- ${b}+ nu`, a, b, coefficients: { cA: 1, cB: 0, cI: 0 }, nu: NU_OF[b], br: branchingRatios[`${a}- ${b}+ nu`] ?? 0 });
    }
  }
  // N -> nu_a l_b+ l_b-, one channel per neutrino flavour a (its share of the table's BR by its
  // width): each has its own couplings (W exchange when a = b), so its kinematics does not
  // depend on the mixing and a sample reweights exactly to other ratios.
  for (const b of ['e', 'mu'] as const) {
    const widths = FLAVOURS.map((a) => widthNeutrinoDilepton(mN, a, b, U[a]));
    const sum = widths.reduce((x, y) => x + y, 0);
    FLAVOURS.forEach((a, k) => {
      const g = dileptonCouplings(a, b);
      const br = sum > 0 ? ((branchingRatios[`${b}+ ${b}- nu`] ?? 0) * widths[k]) / sum : 0;
      leptonic.push({ label: `${b}+ ${b}- ${NU_OF[a].name}`, a: b, b, coefficients: neutralCurrentCoefficients(g), nu: NU_OF[a], br });
    });
  }
  // N -> nu_a tau+ tau-, one channel per neutrino flavour a as for e and mu, the two taus decayed
  // by Pythia (unpolarised, uncorrelated) from the pools of the Z-only (a = e, mu) and W + Z
  // (a = tau) couplings.
  {
    const widths = FLAVOURS.map((a) => widthNeutrinoDilepton(mN, a, 'tau', U[a]));
    const sum = widths.reduce((x, y) => x + y, 0);
    FLAVOURS.forEach((a, k) => fromPool(a === 'tau' ? 'tautau_wz' : 'tautau_z', `tau+ tau- ${NU_OF[a].name}`, sum > 0 ? ((branchingRatios['tau+ tau- nu'] ?? 0) * widths[k]) / sum : 0));
  }
  for (const { label, a, b, coefficients, nu, br } of leptonic) {
    if (!(br > 0)) continue;
    const m1 = LEPTON_OF[a].mass;
    const m2 = LEPTON_OF[b].mass;
    const norm = leptonicNorm(coefficients, mN, m1, m2);
    // At most one of the two is a tau (nu tau+ tau- comes from the pools): one of the loops has a single mode.
    for (const l1 of leptonModes(a, 1, true)) {
      for (const l2 of leptonModes(b, 2, true)) {
        const tau = l1.tau ?? l2.tau;
        const tauNeutral = tau?.mode === TAU_DECAY.vector; // the pi0 of tau -> rho nu takes the nu's place
        out.push({
          ...base, label: label + l1.suffix + l2.suffix, br: br * l1.share * l2.share, kind: DECAY_KIND.threeBody, m1, m2, coefficients, norm,
          pdg1: l1.pdg, pdg2: l2.pdg, pdg3: tauNeutral ? PARTICLES.pi0.pdg : nu.pdg, selfConjugate: tauNeutral ? SELF_CONJUGATE.d3 : 0, tau,
        });
      }
    }
  }
  return out;
}

function planParams(scenario: Scenario, events: number) {
  if (scenario.process !== 'na62-dump-hnl') throw new Error(`na62-dump-hnl cannot plan a ${scenario.process} scenario`);
  const model = scenario.model;
  const { U, table, params: modelParams, info: modelInfo } = planHnlModel(model);
  const mN = model.mass;
  const production = productionChannels(scenario, mN, U);
  if (production.length === 0) {
    const heaviest = scenario.source.fragmentation.Bc > 0 ? LEPTONIC_PARENTS.Bc : LEPTONIC_PARENTS.B;
    const reach = heaviest.particle.mass - PARTICLES.e.mass;
    throw new NothingToGenerate('model.mass', mN, `no D or B meson decay can produce it with mixing ${model.mixing} and the yields given; allowed: 0 < mass < ${reach.toFixed(4)} GeV (${heaviest.particle.name} -> e+ N), lower for mu and tau mixing`);
  }
  const photons = scenario.detector.photon_final_states;
  const decays = decayChannels(mN, U, table.branchingRatios, photons);
  if (decays.length === 0) {
    throw new NothingToGenerate('model.mass', mN, `N has no decay generated here (two charged tracks: pi/K/rho/K* with e, mu or tau, rho0/phi/omega/eta/eta' nu, lepton pairs${photons ? '; two photons: pi0/eta nu' : ''}) with mixing ${model.mixing}; allowed: mass > ${(2 * PARTICLES.e.mass).toFixed(5)} GeV with U_e^2 > 0, or above the pi mu threshold${photons ? '' : ' (or set detector.photon_final_states for pi0 nu)'}`);
  }
  const sumRates = production.reduce((s, c) => s + c.rate, 0);
  const sumBr = decays.reduce((s, d) => s + d.br, 0);
  const pot = scenario.exposure.protons_on_target;
  const geometry = na62GeometryParams(loadNa62Geometry(scenario.detector.geometry));
  const source = dumpSourceParams(scenario.source);
  // The share of protons that interact in the absorber at all (the TAX: all; the 0.95
  // lambda_I beryllium target: 61%); the depth is drawn within it.
  const interacting = -Math.expm1(-source.absorber_length / source.absorber_lambda);
  const threeBody = production.filter((c) => c.energy);
  const none = { p: 0, e1: 0, e2: 0 };
  const nFrame = decays.map((d) => (d.kind === DECAY_KIND.twoBody ? twoBodyRestFrame(mN, d.m1, d.m2) : none));
  const mesonTwoBody: number[] = [MESON_DECAY.chargedAndNeutral, MESON_DECAY.neutralToPair, MESON_DECAY.twoPhotons];
  const mesonFrame = decays.map((d) => (mesonTwoBody.includes(d.mesonDecay) ? twoBodyRestFrame(d.m2, ...d.mesonDaughters) : none));
  const mTau = PARTICLES.tau.mass;
  const tauFrame = decays.map((d) => (d.tau?.mode === TAU_DECAY.meson ? twoBodyRestFrame(mTau, d.tau.daughter.mass, 0) : d.tau?.mode === TAU_DECAY.vector ? twoBodyRestFrame(mTau, PARTICLES.rho.mass, 0) : none));
  const tauRhoFrame = decays.map((d) => (d.tau?.mode === TAU_DECAY.vector ? twoBodyRestFrame(PARTICLES.rho.mass, PARTICLES.pi.mass, PARTICLES.pi0.mass) : none));
  // The pool records the decays use, each pool once (poolAt: its first record in pool_records),
  // N's made decays of its own mass here, once, not per event.
  const poolAt = new Map<number, number>();
  const poolRecords: number[] = [];
  for (const d of decays) {
    if (!d.pool || poolAt.has(d.pool.offset)) continue;
    poolAt.set(d.pool.offset, poolRecords.length / RECORD_SIZE);
    const records = loadPools().records.subarray(d.pool.offset * RECORD_SIZE, (d.pool.offset + d.pool.count) * RECORD_SIZE);
    poolRecords.push(...(d.pool.gridMass > 0 ? recordsAtMass(records, d.pool.gridMass, mN) : records));
  }
  const params = {
    ...source,
    ...geometry,
    ...modelParams,
    log_norm: Math.log(pot / events) + Math.log(interacting) + Math.log(sumRates) + Math.log(sumBr),
    n_prod: production.length,
    prod_cum: cumulative(production.map((c) => c.rate)),
    prod_kind: production.map((c) => c.kind),
    prod_parent_mass: production.map((c) => c.parent.mass),
    prod_parent_pdg: production.map((c) => c.parent.pdg),
    prod_spectrum: production.map((c) => c.spectrum),
    prod_pstar: production.map((c) => c.pStar),
    prod_estar: production.map((c) => c.eStar),
    prod_helicity_plus: production.map((c) => c.helicityPlus),
    prod_alpha: production.map((c) => c.alpha),
    prod_helicity_slope: production.map((c) => c.helicitySlope),
    prod_transverse: production.map((c) => c.transverse),
    prod_n_sign: production.map((c) => c.nSign),
    prod_table: production.map((c) => Math.max(0, threeBody.indexOf(c))),
    prod_e_min: production.map((c) => c.energy?.eMin ?? 0),
    prod_e_max: production.map((c) => c.energy?.eMax ?? 0),
    n_energy_bins: ENERGY_BINS,
    // One cumulative table per three-body channel, ENERGY_BINS entries each (a dummy when there is none).
    energy_cdf: threeBody.length > 0 ? threeBody.flatMap((c) => cumulative(c.energy!.widths)) : [1],
    // N's helicity +1 share per bin (P -> H l N; 0.5 for tau -> l nu N, whose correlations are computed per event).
    energy_helicity_plus: threeBody.length > 0 ? threeBody.flatMap((c) => c.energy!.helicityPlus ?? c.energy!.widths.map(() => 0.5)) : [0.5],
    prod_tau_pstar: production.map((c) => c.tauPStar),
    prod_tau_estar: production.map((c) => c.tauEStar),
    prod_tau_lepton_mass: production.map((c) => c.tauLeptonMass),
    tau_mass: PARTICLES.tau.mass,
    n_decay: decays.length,
    decay_cum: cumulative(decays.map((d) => d.br)),
    decay_kind: decays.map((d) => d.kind),
    decay_m1: decays.map((d) => d.m1),
    decay_m2: decays.map((d) => d.m2),
    // Two-body: the momentum and the energies of particles 1 and 2 in N's rest frame (float64 here).
    decay_pstar: nFrame.map((f) => f.p),
    decay_e1: nFrame.map((f) => f.e1),
    decay_e2: nFrame.map((f) => f.e2),
    decay_alpha: decays.map((d) => d.alpha),
    decay_meson_decay: decays.map((d) => d.mesonDecay),
    decay_vector: decays.map((d) => (d.vector ? 1 : 0)),
    decay_ca: decays.map((d) => d.coefficients.cA),
    decay_cb: decays.map((d) => d.coefficients.cB),
    decay_ci: decays.map((d) => d.coefficients.cI),
    decay_norm: decays.map((d) => d.norm),
    decay_pdg1: decays.map((d) => d.pdg1),
    decay_pdg2: decays.map((d) => d.pdg2),
    decay_pdg3: decays.map((d) => d.pdg3),
    decay_self_conjugate: decays.map((d) => d.selfConjugate),
    // The meson's two-body decay in its frame: momentum and the two daughters' energies (float64 here).
    decay_meson_pstar: mesonFrame.map((f) => f.p),
    decay_meson_e1: mesonFrame.map((f) => f.e1),
    decay_meson_e2: mesonFrame.map((f) => f.e2),
    // Its three-body decay: the daughters' masses (the neutral one, a pion), the Dalitz shape and
    // the normalisation of the weight phaseSpace |M|^2 (mesonThreeBodyNorm).
    decay_meson_m1: decays.map((d) => d.mesonDaughters[0]),
    decay_meson_m2: decays.map((d) => d.mesonDaughters[1]),
    decay_meson_norm: decays.map((d) => (d.mesonToPiPiX ? mesonThreeBodyNorm(d.mesonToPiPiX) : 1)),
    decay_dalitz_pwave: decays.map((d) => (d.mesonToPiPiX?.shape.pWave ? 1 : 0)),
    decay_dalitz_kappa: decays.map((d) => d.mesonToPiPiX?.shape.kappa ?? 0),
    decay_dalitz_a: decays.map((d) => d.mesonToPiPiX?.shape.a ?? 0),
    decay_dalitz_b: decays.map((d) => d.mesonToPiPiX?.shape.b ?? 0),
    decay_dalitz_d: decays.map((d) => d.mesonToPiPiX?.shape.d ?? 0),
    decay_dalitz_f: decays.map((d) => d.mesonToPiPiX?.shape.f ?? 0),
    decay_dalitz_g: decays.map((d) => d.mesonToPiPiX?.shape.g ?? 0),
    // A tau among the decay products (TAU_DECAY): which particle it is (0: none), how it decays, its
    // charged daughter's mass; for tau -> P nu the daughter's momentum and energy in the tau frame; for
    // tau -> l nu nu the Dalitz integral of its |M|^2 in the sampler's variables (the weight's norm).
    decay_tau_slot: decays.map((d) => d.tau?.slot ?? 0),
    decay_tau_mode: decays.map((d) => d.tau?.mode ?? TAU_DECAY.none),
    decay_tau_m: decays.map((d) => d.tau?.daughter.mass ?? 0),
    decay_tau_pstar: tauFrame.map((f) => f.p),
    decay_tau_e1: tauFrame.map((f) => f.e1),
    decay_tau_norm: decays.map((d) => (d.tau?.mode === TAU_DECAY.leptons ? leptonicNorm(TAU_TO_LEPTONS, mTau, d.tau.daughter.mass, 0) : 1)),
    // tau -> rho nu: the rho's asymmetry about the tau's spin (+(m_tau^2 - 2 m_rho^2)/(m_tau^2 + 2 m_rho^2),
    // against the nu's of tauTwoBodySpinCorrelation at m_N = 0) and its decay to pi pi0 in its frame.
    decay_tau_alpha: decays.map((d) => (d.tau?.mode === TAU_DECAY.vector ? -tauTwoBodySpinCorrelation(mTau, 0, PARTICLES.rho.mass, 'vector').alpha : d.tau?.mode === TAU_DECAY.meson ? 1 : 0)),
    rho_mass: PARTICLES.rho.mass,
    decay_tau_rho_pstar: tauRhoFrame.map((f) => f.p),
    decay_tau_rho_e1: tauRhoFrame.map((f) => f.e1),
    decay_tau_rho_e2: tauRhoFrame.map((f) => f.e2),
    // Pythia 8 pool events (RECORD_SIZE numbers each, src/physics/hadronPools.ts; N's at its
    // mass) and each decay's first record among them and their number.
    pool_records: poolRecords.length > 0 ? poolRecords : [0],
    decay_pool_offset: decays.map((d) => (d.pool ? poolAt.get(d.pool.offset)! : 0)),
    decay_pool_count: decays.map((d) => d.pool?.count ?? 0),
  };
  const { provenance } = loadPools().index;
  const info = {
    ...modelInfo,
    'fraction of protons interacting in the absorber': interacting,
    'N per interacting proton': sumRates,
    ...Object.fromEntries(production.map((c) => [`N per POT from ${c.label}`, c.rate])),
    'BR of the generated decays (two charged tracks, or two photons)': sumBr,
    ...Object.fromEntries(decays.map((d) => [`BR(N -> ${d.label})`, d.br])),
    'exposure [protons on target]': pot,
    ...(poolRecords.length > 0 ? { 'hadron pools': `${provenance.generator}; seed ${provenance.seed}` } : {}),
    // Pool decays in N's width that this mass cannot draw (no table within reach, or fewer than
    // POOL_MIN_RECORDS events above the duality cut).
    'without a pool here (BR, not generated)': Object.entries(table.branchingRatios)
      .filter(([label, br]) => br > 0 && (label.endsWith(' hadrons') || label === 'tau+ tau- nu') && !decays.some((d) => d.pool && d.label.startsWith(label)))
      .map(([label, br]) => `${label} ${br.toPrecision(3)}`).join(', ') || 'none',
    'not generated': `the other Cabibbo-suppressed semileptonic decays (Ds -> K(*)0 l N, D -> rho/eta/omega l N, B -> eta/omega l N); N decays with a tau beside a Ds*, or with a tau to other than e/mu nu nu, pi nu, K nu, rho nu (the multi-prong and multi-pi0 modes; rho nu beside a meson that decays); D(s)(*) decays, and N's multi-hadron and nu tau tau decays, with other than one (D) or two (N) charged particles; the multi-hadron remainder and nu tau tau where the pools give none ('without a pool here'); the other modes of omega, eta, eta' (eta -> pi+ pi- gamma, eta' -> rho0 gamma)${photons ? '' : ', pi0/eta nu with two photons (detector.photon_final_states)'}`,
  };
  return { params, productionChannels: production.map((c) => c.label), decayChannels: decays.map((d) => d.label), info };
}

export type Na62DumpHnlParams = ReturnType<typeof planParams>['params'];

function sampleCpu(plan: Plan<Na62DumpHnlParams>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void {
  const P = plan.params;
  const L = NA62_DUMP_HNL_LAYOUT.index;
  const u = new Float64Array(4);
  const v = new Float64Array(4);
  const w = new Float64Array(4);
  const x = new Float64Array(4);
  const y = new Float64Array(4);
  const { put, put4 } = columnWriter(out, n);
  const mN = P.hnl_mass;
  // Each decay channel's Dalitz shape for mesonThreeBodyMatrixElement, once per batch.
  const dalitzShapes = Array.from({ length: P.n_decay }, (_, d) => ({
    pWave: P.decay_dalitz_pwave[d] === 1, kappa: P.decay_dalitz_kappa[d],
    a: P.decay_dalitz_a[d], b: P.decay_dalitz_b[d], d: P.decay_dalitz_d[d], f: P.decay_dalitz_f[d], g: P.decay_dalitz_g[d],
  }));
  for (let i = 0; i < n; i++) {
    const event = firstEvent + i;
    // Production channel, then the meson from the absorber.
    uniforms4(key, event, STREAM.production, 0, u);
    uniforms4(key, event, STREAM.production, 1, v);
    const c = pickChannel(u[0], P.prod_cum, P.n_prod);
    const mP = P.prod_parent_mass[c];
    uniforms4(key, event, STREAM.source, 0, w);
    const meson = sampleDumpMeson(P, mP, P.prod_spectrum[c], w, v[3]);
    // The charge-conjugate chain (P- -> l- Nbar) half of the time: charges flip, correlations stay.
    const chain = (v[0] < 0.5 ? 1 : -1) * P.prod_n_sign[c];
    const kind = P.prod_kind[c];
    // From a tau: P -> tau nu, isotropic in the meson frame; the tau's rest frame is the one reached
    // from the meson's, where its spin lies along its flight (the tau- of the N chain, D(s)- ->
    // tau- nubar, has helicity +1/2: the nubar is right-handed and the meson spinless).
    const fromTau = kind === PRODUCTION_KIND.tauTwoBody || kind === PRODUCTION_KIND.tauThreeBody;
    const dirTau = fromTau ? isotropicDirection(v[1], v[2]) : ([0, 0, 1] as const);
    const kTau = P.prod_tau_pstar[c];
    const tauStar: Vec4 = [kTau * dirTau[0], kTau * dirTau[1], kTau * dirTau[2], P.prod_tau_estar[c]];
    /** From the frame N is made in (the meson's, or the tau's) to the lab. */
    const productionToLab = (p: Vec4): Vec4 => boost(fromTau ? boost(p, tauStar, P.tau_mass) : p, meson.p, mP);
    // N's momentum and energy in the frame it is made in: fixed for two-body decays, from the
    // channel's energy table for three-body ones (the kinetic energy first, E_min = m_N: a slow N
    // keeps its momentum's precision).
    const twoBodyKind = kind === PRODUCTION_KIND.twoBody || kind === PRODUCTION_KIND.tauTwoBody;
    let pStar = P.prod_pstar[c];
    let eStar = P.prod_estar[c];
    let energyBin = 0; // three-body: the entry of the channel's tables
    if (!twoBodyKind) {
      const [k, fr] = sampleBins(u[1], P.energy_cdf, P.prod_table[c] * P.n_energy_bins, P.n_energy_bins);
      energyBin = P.prod_table[c] * P.n_energy_bins + k;
      const kinetic = ((k + fr) / P.n_energy_bins) * (P.prod_e_max[c] - P.prod_e_min[c]);
      pStar = Math.sqrt(kinetic * (2 * mN + kinetic));
      eStar = mN + kinetic;
    }
    // N's spin correlations: from a meson (spinless) its helicity alone (P -> l N: per channel;
    // P -> H l N: per energy bin); from a tau its direction about the tau's flight too (tau ->
    // pi/rho N: per channel; tau -> l nu N: at N's energy). u[1] draws the helicity of two-body
    // kinds and the energy of three-body ones, whose helicity takes v[1] (free without a tau) or,
    // from a tau (v[1] drew its direction), a fresh uniform.
    let spin: SpinCorrelation | null = null;
    let hUniform = u[1];
    if (P.polarised === 1 && twoBodyKind) {
      spin = { alpha: P.prod_alpha[c], helicityPlus: P.prod_helicity_plus[c], helicitySlope: P.prod_helicity_slope[c], transverse: P.prod_transverse[c] };
    } else if (P.polarised === 1 && kind === PRODUCTION_KIND.threeBody) {
      spin = { alpha: 0, helicityPlus: P.energy_helicity_plus[energyBin], helicitySlope: 0, transverse: 0 };
      hUniform = v[1];
    } else if (P.polarised === 1 && kind === PRODUCTION_KIND.tauThreeBody) {
      // The N chain's tau: N from the W's lepton line when the listed tau+ decay makes N.
      spin = tauLeptonicSpinCorrelation(P.prod_n_sign[c] === 1, P.tau_mass, mN, P.prod_tau_lepton_mass[c], eStar, pStar);
      uniforms4(key, event, STREAM.production, 2, w);
      hUniform = w[0];
    }
    // N's direction in that frame (from a tau: about the tau's spin axis).
    let dir: readonly number[];
    let cosSpin = 0;
    if (spin && fromTau) {
      const [cos, sin] = linearCosSin(spin.alpha, u[2]);
      dir = aroundAxis(dirTau, cos, sin, TWO_PI * u[3]);
      cosSpin = cos;
    } else {
      dir = isotropicDirection(u[2], u[3]);
    }
    // N's spin: the polarisation P has (1 + alpha cos) P = along dir + transverse (t - cos dir), t the
    // tau's spin axis (along: 2 P(helicity +1) - 1, times 1 + alpha cos). N's spin density
    // (1 + P.sigma)/2 is drawn as the pure state along P/|P| (h = +1) or against it (h = -1) with
    // (1 +- |P|)/2. From a meson P lies along dir (a helicity state). N decays in the rest frame
    // reached from its production frame (a boost along dir), where the spin axis is this vector;
    // the lab direction is not it.
    let h = 0;
    let spinAxis: readonly number[] = dir;
    let longitudinal = 1; // the sign of spinAxis . dir: h times it is N's helicity sign
    if (spin) {
      const scale = 1 + spin.alpha * cosSpin;
      const along = 2 * (spin.helicityPlus + spin.helicitySlope * cosSpin) - scale;
      const S = [0, 1, 2].map((k) => along * dir[k] + spin.transverse * (dirTau[k] - cosSpin * dir[k]));
      const norm = Math.hypot(S[0], S[1], S[2]);
      if (norm > 0) {
        spinAxis = [S[0] / norm, S[1] / norm, S[2] / norm];
        longitudinal = along < 0 ? -1 : 1;
      }
      h = 2 * hUniform * scale < scale + norm ? 1 : -1;
    }
    const nStar: Vec4 = [pStar * dir[0], pStar * dir[1], pStar * dir[2], eStar]; // N in its production frame
    const N = productionToLab(nStar);
    /** From N's rest frame (spin along spinAxis for h = +1) to the lab. */
    const toLab = (p: Vec4): Vec4 => productionToLab(boost(p, nStar, mN));

    // Decay position, forced into the decay volume along the N line of flight.
    uniforms4(key, event, STREAM.decayPosition, 0, u);
    const { axis, sIn, sOut, inside, s, logProb: decayLogProb } = decayInCylinder(meson.x, meson.y, P.dv_z_min - meson.z, P.dv_z_max - meson.z, N, mN, P.hnl_ctau, P.dv_radius, u[0]);
    let flags = inside ? FLAG.inDecayVolume : 0;
    const vx = meson.x + s * axis[0];
    const vy = meson.y + s * axis[1];
    const vz = meson.z + s * axis[2];

    // Decay channel; a Majorana N decays to the conjugate state (l+ X-) half of the time,
    // with the opposite spin correlation.
    uniforms4(key, event, STREAM.decay, 0, u);
    const d = pickChannel(u[0], P.decay_cum, P.n_decay);
    // The second block only where the decay uses it (not N -> l pi, l K).
    if (!(P.decay_kind[d] === DECAY_KIND.twoBody && P.decay_meson_decay[d] === MESON_DECAY.none)) uniforms4(key, event, STREAM.decay, 1, v);
    const lnv = P.majorana === 1 && u[1] >= 0.5 ? -1 : 1;
    const hDecay = h * lnv;
    // A tau among the products (particle tauSlot: the tau- of the particle chain, or tau+ as
    // particle 2) decays in its frame reached from N's with the polarisation N's decay gave it
    // (leptonPolarisationFromCurrent, leptonicLeptonPolarisation); its track replaces it.
    const tauSlot = P.decay_tau_slot[d];
    let tauWeight = 1;
    let tauNeutral: Vec4 | null = null; // the pi0 of tau -> rho nu (N's frame)
    /** The tau (N's frame) of polarisation `pol` (its rest frame) -> its track (N's frame). */
    const tauTrack = (tau: Vec4, pol: readonly number[]): Vec4 => {
      uniforms4(key, event, STREAM.decay, 3, x);
      if (P.decay_tau_mode[d] === TAU_DECAY.leptons) uniforms4(key, event, STREAM.decay, 4, y);
      const t = tauDecayAtRest(P, d, x, y, pol, tauSlot === 1 ? 1 : -1);
      tauWeight = t.weight;
      if (t.neutral) tauNeutral = boost(t.neutral, tau, P.tau_mass);
      return boost(t.p, tau, P.tau_mass);
    };
    const q = chain * lnv; // +1: track 1 negative, track 2 positive
    let d1: Vec4;
    let d2: Vec4;
    let d3: Vec4 = [0, 0, 0, 0];
    let meWeight = 1;
    let pdg1 = P.decay_pdg1[d];
    let pdg2 = P.decay_pdg2[d];
    // The pool event of a decay that has one (N's multi-hadron or nu tau tau decay, or its D
    // meson's), drawn once for both uses (one call site in the WGSL too).
    const ev = P.decay_pool_count[d] > 0 ? poolEvent(P, d, v[0], v[1], v[2], v[3]) : undefined;
    if (ev && P.decay_kind[d] === DECAY_KIND.pool) {
      // A multi-hadron pool event, turned at random in N's frame, weighted by its partons' spin
      // correlation 1 + h b.n (mean 1 over the turns).
      meWeight = 1 + hDecay * (ev.spin[0] * spinAxis[0] + ev.spin[1] * spinAxis[1] + ev.spin[2] * spinAxis[2]);
      [pdg1, pdg2] = [ev.pdg1, ev.pdg2];
      [d1, d2, d3] = [ev.track1, ev.track2, ev.neutral].map(toLab);
    } else if (P.decay_kind[d] === DECAY_KIND.twoBody) {
      const m2 = P.decay_m2[d];
      const [cos, sin] = linearCosSin(P.decay_alpha[d] * hDecay, u[2]);
      const dirL = aroundAxis(spinAxis, cos, sin, TWO_PI * u[3]);
      // The lepton (or nu) and the meson in N's rest frame; the meson decays in its rest frame
      // reached from there, so that a vector's decay can be weighted by its spin correlation.
      const pq = P.decay_pstar[d];
      const lepN: Vec4 = [pq * dirL[0], pq * dirL[1], pq * dirL[2], P.decay_e1[d]];
      const mesN: Vec4 = [-lepN[0], -lepN[1], -lepN[2], P.decay_e2[d]];
      const md = P.decay_meson_decay[d];
      /** The lepton in the lab: a tau- made through the current J (the meson's momentum, or a vector's decay current) becomes its track. */
      const lepton = (J: Vec4): Vec4 => toLab(tauSlot === 1 ? tauTrack(lepN, leptonPolarisationFromCurrent(lepN, P.decay_m1[d], J, spinAxis.map((c) => hDecay * c))) : lepN);
      /** A vector meson's decay weight for the decay current (kRest, 0) of its rest frame; 1 for other mesons. */
      const vectorWeight = (kRest: readonly number[]) => {
        if (P.decay_vector[d] !== 1) return 1;
        const k = boost([kRest[0], kRest[1], kRest[2], 0], mesN, m2);
        return vectorMesonDecayWeight(mN, spinAxis, hDecay, lepN, mesN, m2, k, kRest[0] ** 2 + kRest[1] ** 2 + kRest[2] ** 2);
      };
      if (md === MESON_DECAY.none) {
        d1 = lepton(mesN);
        d2 = toLab(mesN);
      } else if (ev && md === MESON_DECAY.pool) {
        // D+, Ds+, Ds*+ as a pool event at rest, turned at random, boosted along the meson.
        pdg2 = ev.pdg2;
        d1 = lepton(mesN);
        [d2, d3] = [ev.track2, ev.neutral].map((p) => toLab(boost(p, mesN, m2)));
      } else if (md === MESON_DECAY.threeBody) {
        // The meson -> pi- pi+ X0 in its rest frame, weighted by phase space x |M|^2 (mean 1); omega
        // also by its spin correlation with the decay plane's normal p+ x p-.
        uniforms4(key, event, STREAM.decay, 2, w);
        const mX = P.decay_meson_m1[d];
        const mPi = P.decay_meson_m2[d];
        const r = threeBodyAtRest(m2, mX, mPi, mPi, v[2], isotropicDirection(v[0], v[1]), isotropicDirection(w[0], w[1]));
        const normal = vectorWeight(cross(r.p3, r.p2));
        meWeight = ((r.phaseSpace * mesonThreeBodyMatrixElement(dalitzShapes[d], m2, r.p1, r.p2, r.p3, mX, mPi)) / P.decay_meson_norm[d]) * normal;
        [d1, d2, d3] = [r.p2, r.p3, r.p1].map((p) => toLab(boost(p, mesN, m2)));
      } else {
        // The meson's two-body decay, isotropic in its frame (MESON_DECAY), weighted for a vector.
        const dirM = isotropicDirection(v[0], v[1]);
        const [a, b] = decayTwoBody(mesN, m2, dirM, P.decay_meson_pstar[d], P.decay_meson_e1[d], P.decay_meson_e2[d]).map(toLab);
        const k2 = 2 * P.decay_meson_pstar[d];
        const kRest = [k2 * dirM[0], k2 * dirM[1], k2 * dirM[2]];
        meWeight = vectorWeight(kRest);
        if (md === MESON_DECAY.chargedAndNeutral) {
          // A vector's decay current, in N's frame, is the current the lepton is made by.
          [d1, d2, d3] = [lepton(P.decay_vector[d] === 1 ? boost([kRest[0], kRest[1], kRest[2], 0], mesN, m2) : mesN), a, b];
        } else if (md === MESON_DECAY.neutralToPair) {
          [d1, d2, d3] = [b, a, toLab(lepN)];
        } else {
          [d1, d2, d3] = [a, b, toLab(lepN)];
        }
      }
    } else {
      // N -> l1- l2+ nu: m23^2 and m12^2 uniform, weighted by the polarised |M|^2.
      uniforms4(key, event, STREAM.decay, 2, w);
      const m1 = P.decay_m1[d];
      const m2 = P.decay_m2[d];
      const r = dalitzPointAtRest(mN, m1, m2, v[2], v[3]);
      const [p1, p2, pNu] = [r.p1, r.p2, r.p3].map((p) => orient(p, w[0], w[1], w[2]));
      const me = leptonicMatrixElement({ cA: P.decay_ca[d], cB: P.decay_cb[d], cI: P.decay_ci[d] }, mN, [0, 0, 0, mN], [spinAxis[0], spinAxis[1], spinAxis[2], 0], hDecay, p1, p2, pNu, m1, m2);
      meWeight = (me * r.jacobian) / P.decay_norm[d];
      if (tauSlot === 0) {
        [d1, d2] = [toLab(p1), toLab(p2)];
      } else {
        const tau = tauSlot === 1 ? p1 : p2;
        const rest = (p: readonly number[]) => boost(p as Vec4, [-tau[0], -tau[1], -tau[2], tau[3]], P.tau_mass);
        const pol = leptonicLeptonPolarisation(P.decay_ca[d], mN, spinAxis, hDecay, p1, p2, pNu, m1, m2, tauSlot === 1 ? 1 : 2, rest);
        [d1, d2] = tauSlot === 1 ? [toLab(tauTrack(p1, pol)), toLab(p2)] : [toLab(p1), toLab(tauTrack(p2, pol))];
      }
      d3 = toLab(pNu);
    }
    meWeight *= tauWeight;
    if (tauNeutral) d3 = toLab(tauNeutral);

    // Detector: both charged tracks through the spectrometer, or both photons on straight lines into the LKr.
    flags = withAccepted(flags | twoParticleFlags(P, P.decay_meson_decay[d] === MESON_DECAY.twoPhotons, vx, vy, vz, d1, d2, q));

    // A matrix-element weight that rounds to <= 0 (a configuration at the edge of the spin
    // correlation) is a zero weight, not the log of a negative.
    const logWeight = flags & FLAG.inDecayVolume && meWeight > 0 ? P.log_norm + decayLogProb + Math.log(meWeight) : LOG_WEIGHT_ZERO;
    put(L.log_weight, i, logWeight);
    put(L.flags, i, flags);
    put(L.production_channel, i, c);
    put(L.decay_channel, i, d);
    put(L.parent_pdg, i, (chain * P.prod_n_sign[c]) * P.prod_parent_pdg[c]);
    put4(L.parent_px, i, meson.p);
    put(L.prod_x, i, meson.x);
    put(L.prod_y, i, meson.y);
    put(L.prod_z, i, meson.z);
    put4(L.llp_px, i, N);
    put(L.llp_helicity, i, h === 0 ? 0 : h * longitudinal * chain); // no -0 for an unpolarised N of the conjugate chain
    put(L.decay_log_prob, i, decayLogProb);
    put(L.decay_s_in, i, sIn);
    put(L.decay_s_out, i, sOut);
    put(L.decay_s, i, s);
    put(L.decay_x, i, vx);
    put(L.decay_y, i, vy);
    put(L.decay_z, i, vz);
    put(L.decay_me_weight, i, meWeight);
    put(L.d1_pdg, i, (P.decay_self_conjugate[d] & SELF_CONJUGATE.d1 ? 1 : q) * pdg1);
    put4(L.d1_px, i, d1);
    put(L.d2_pdg, i, (P.decay_self_conjugate[d] & SELF_CONJUGATE.d2 ? 1 : q) * pdg2);
    put4(L.d2_px, i, d2);
    put(L.d3_pdg, i, (P.decay_self_conjugate[d] & SELF_CONJUGATE.d3 ? 1 : q) * P.decay_pdg3[d]);
    put4(L.d3_px, i, d3);
  }
}

/**
 * The charged daughter of channel d's tau at rest with polarisation `pol` (sign +1 for a tau-,
 * -1 for a tau+) and the decay's weight (mean 1), from the uniforms x and y (STREAM.decay blocks
 * 3 and 4). tau -> P nu: the meson along 1 + sign alpha P.n (alpha = 1: a tau- sends its pi- along
 * its spin, the left-handed nu against it; rho: the alpha of decay_tau_alpha; Dirac traces in the
 * tests), the rho then to pi pi0 weighted by vectorMesonDecayWeight with the tau's spin P (linear
 * in it, so a partly polarised tau is exact too). tau -> l nu nu: m(nu nu)^2 and
 * m(l nu)^2 uniform on the Dalitz plot, oriented at random, weighted by the muon-decay |M|^2 with
 * the tau as the decaying particle of leptonicMatrixElement (spin pol, h = sign).
 */
function tauDecayAtRest(P: Na62DumpHnlParams, d: number, x: Float64Array, y: Float64Array, pol: readonly number[], sign: number): { p: Vec4; neutral?: Vec4; weight: number } {
  const mode = P.decay_tau_mode[d];
  if (mode === TAU_DECAY.meson || mode === TAU_DECAY.vector) {
    const k = P.decay_tau_pstar[d];
    const size = Math.hypot(pol[0], pol[1], pol[2]);
    const [cos, sin] = linearCosSin(sign * P.decay_tau_alpha[d] * size, x[0]);
    const dir = aroundAxis(size > 0 ? pol.map((c) => c / size) : [0, 0, 1], cos, sin, TWO_PI * x[1]);
    const meson: Vec4 = [k * dir[0], k * dir[1], k * dir[2], P.decay_tau_e1[d]];
    if (mode === TAU_DECAY.meson) return { p: meson, weight: 1 };
    // rho -> pi pi0, isotropic in the rho's frame and weighted by the chain's spin correlation.
    const mRho = P.rho_mass;
    const dirM = isotropicDirection(x[2], x[3]);
    const [pi, pi0] = decayTwoBody(meson, mRho, dirM, P.decay_tau_rho_pstar[d], P.decay_tau_rho_e1[d], P.decay_tau_rho_e2[d]);
    const k2 = 2 * P.decay_tau_rho_pstar[d];
    const current = boost([k2 * dirM[0], k2 * dirM[1], k2 * dirM[2], 0], meson, mRho);
    const nu: Vec4 = [-meson[0], -meson[1], -meson[2], k];
    return { p: pi, neutral: pi0, weight: vectorMesonDecayWeight(P.tau_mass, pol, sign, nu, meson, mRho, current, k2 * k2) };
  }
  const M = P.tau_mass;
  const m = P.decay_tau_m[d];
  const r = dalitzPointAtRest(M, m, 0, x[0], x[1]);
  const [l, nubar, nuTau] = [r.p1, r.p2, r.p3].map((p) => orient(p, x[2], x[3], y[0]));
  const me = leptonicMatrixElement(TAU_TO_LEPTONS, M, [0, 0, 0, M], [pol[0], pol[1], pol[2], 0], sign, l, nubar, nuTau, m, 0);
  return { p: l, weight: (me * r.jacobian) / P.decay_tau_norm[d] };
}

/**
 * Record uPick of decay d's pool events (src/physics/hadronPools.ts; N's already at its mass),
 * turned by the uniformly random rotation of the uniforms (a, b, c) (rotateEuler, as orient):
 * tracks 1 and 2 and the neutral sum in the rest frame of the decaying particle, their PDG ids
 * and the turned spin vector. Twin of poolEvent in the WGSL.
 */
function poolEvent(P: Na62DumpHnlParams, d: number, uPick: number, a: number, b: number, c: number) {
  // uPick = (k + 1/2) 2^-23: record floor(k count / 2^23), exact in integers here and in the WGSL.
  const at = (P.decay_pool_offset[d] + Math.floor((Math.floor(uPick * 8388608) * P.decay_pool_count[d]) / 8388608)) * RECORD_SIZE;
  const r = P.pool_records;
  const turn = (o: number) => rotateEuler([r[at + o], r[at + o + 1], r[at + o + 2]], a, TWO_PI * b, TWO_PI * c);
  const momentum = (o: number): Vec4 => [...turn(o), r[at + o + 3]];
  return {
    track1: momentum(RECORD.track1), track2: momentum(RECORD.track2), neutral: momentum(RECORD.neutral),
    pdg1: r[at + RECORD.pdg1], pdg2: r[at + RECORD.pdg2], spin: turn(RECORD.spin),
  };
}

/**
 * Acceptance bits of the two visible particles from the vertex (vx, vy, vz): charged tracks
 * (charges -q and +q) through all four STRAW chambers and into the LKr, with MUV3 per track;
 * or two photons (charge 0, straight lines) into the LKr.
 */
function twoParticleFlags(P: Na62DumpHnlParams, photons: boolean, vx: number, vy: number, vz: number, d1: Vec4, d2: Vec4, q: number): number {
  const charge = photons ? 0 : q;
  const acc1 = na62TrackAcceptance(P, vx, vy, vz, d1[0], d1[1], d1[2], -charge);
  const acc2 = na62TrackAcceptance(P, vx, vy, vz, d2[0], d2[1], d2[2], charge);
  const both = acc1 & acc2;
  let flags = both & TRACK_IN_LKR ? FLAG.inLkr : 0;
  if (photons) return flags | FLAG.twoPhotons;
  if (both & TRACK_IN_STRAW) flags |= FLAG.inStraw;
  if (acc1 & TRACK_IN_MUV3) flags |= FLAG.d1Muv3;
  if (acc2 & TRACK_IN_MUV3) flags |= FLAG.d2Muv3;
  return flags;
}

/** `accepted`: in the decay volume and the LKr, and through the STRAW chambers unless the final state is two photons. */
function withAccepted(flags: number): number {
  const need = FLAG.inDecayVolume | FLAG.inLkr;
  return (flags & need) === need && flags & (FLAG.inStraw | FLAG.twoPhotons) ? flags | FLAG.accepted : flags;
}

export const na62DumpHnl = defineProcess<Na62DumpHnlParams>({
  id: 'na62-dump-hnl',
  layout: NA62_DUMP_HNL_LAYOUT,
  shaderFiles: ['philox.wgsl', 'sampling.wgsl', 'na62_dump.wgsl', 'na62_acceptance.wgsl', 'dalitz.wgsl', 'na62_dump_hnl.wgsl'],
  shaderConstants: {
    PRODUCTION: { type: 'f32', values: PRODUCTION_KIND },
    DECAY: { type: 'f32', values: DECAY_KIND },
    MESON: { type: 'f32', values: MESON_DECAY },
    TAU: { type: 'f32', values: TAU_DECAY },
    SELF_CONJUGATE: { type: 'u32', values: SELF_CONJUGATE },
    POOL_RECORD: { type: 'u32', values: { ...RECORD, size: RECORD_SIZE } },
  },
  planParams,
  sampleCpu,
});
