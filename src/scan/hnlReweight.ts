/**
 * Expected events over a U^2 grid from one sample per mass (HNL processes with a forced
 * decay, same flavour ratios). For an event generated at U_ref^2 (decay length L = beta
 * gamma c*tau_ref) and accepted, its weight at U^2 is (README "reweighting")
 *
 *   w' = w * (U^2/U_ref^2) * [exp(-s/L')/L'] / q(s) / P,   L' = L * U_ref^2/U^2,
 *
 * q(s) = exp(-(s - s_in)/L) / (L (1 - exp(-(s_out - s_in)/L))) the density the decay point was
 * drawn from and P its probability (ln P is the decay_log_prob column; all of it is done in
 * logs, so nothing underflows): production scales with U^2,
 * the decay density is replaced, the branching ratios of the decay do not change.
 *
 * To other mixing ratios (MixingReweight): each production channel scales by its rate at the
 * target over its rate in the sample, each decay channel by its branching ratio, and c*tau is
 * the target's; every channel's kinematics is independent of the mixing (N -> l+ l- nu is
 * generated per neutrino flavour for that), so this is exact. The sample must have U_a^2 > 0
 * wherever the target has.
 */
import { InputError } from '../config/errors.js';
import { binProbability } from '../engine/cpu/sampling.js';
import type { EventBatch } from '../engine/layout.js';
import type { Plan } from '../processes/process.js';

/**
 * ln of the decay-point density ratio for moving an event from decay length L to L2: the new
 * density exp(-s/L2)/L2 over the proposal it was drawn from, the exponential of length L
 * truncated to [sIn, sOut] (exp(-(s - sIn)/L)/(L (1 - exp(-(sOut - sIn)/L)))).
 */
export function logDecayReweight(s: number, sIn: number, sOut: number, L: number, L2: number): number {
  return -s / L2 - Math.log(L2) - logDecayProposal(s, sIn, sOut, L);
}

/** ln of the proposal density of the decay point: the exponential of length L truncated to [sIn, sOut]. */
export function logDecayProposal(s: number, sIn: number, sOut: number, L: number): number {
  return -(s - sIn) / L - Math.log(L) - Math.log(-Math.expm1(-(sOut - sIn) / L));
}

/**
 * Sums reweighted events over a coupling grid: weight(i, k) is event i's weight at grid point k.
 * Gives the expected events at each point, their Monte Carlo errors (sqrt of the sum of squared
 * weights) and the split by production channel (channel[i] of each event).
 */
export function sumOverGrid(nGrid: number, channel: readonly number[], nChannels: number, weight: (i: number, k: number) => number) {
  const expected = new Float64Array(nGrid);
  const variance = new Float64Array(nGrid);
  const byChannel = Array.from({ length: nChannels }, () => new Float64Array(nGrid));
  for (let i = 0; i < channel.length; i++) {
    for (let k = 0; k < nGrid; k++) {
      const w = weight(i, k);
      expected[k] += w;
      variance[k] += w * w;
      byChannel[channel[i]][k] += w;
    }
  }
  return { expected: [...expected], error: [...variance].map(Math.sqrt), byChannel: byChannel.map((c) => [...c]) };
}

/** What an accepted event needs for reweighting, gathered batch by batch. */
export class AcceptedSample {
  private betaGamma: number[] = [];
  private s: number[] = [];
  private sIn: number[] = [];
  private sOut: number[] = [];
  private logBase: number[] = [];
  private channel: number[] = [];
  private decay: number[] = [];

  constructor(
    private readonly mass: number,
    private readonly acceptedMask: number,
  ) {}

  /** Adds the accepted rows of a batch. */
  add(b: EventBatch): void {
    const [lw, flags, s, sIn, sOut, logP, px, py, pz, prod, dec] = ['log_weight', 'flags', 'decay_s', 'decay_s_in', 'decay_s_out', 'decay_log_prob', 'llp_px', 'llp_py', 'llp_pz', 'production_channel', 'decay_channel'].map((n) => b.column(n));
    for (let i = 0; i < b.n; i++) {
      // Accepted implies inside the decay volume, so ln P is a real log here.
      if (!(flags[i] & this.acceptedMask)) continue;
      this.betaGamma.push(Math.hypot(px[i], py[i], pz[i]) / this.mass);
      this.s.push(s[i]);
      this.sIn.push(sIn[i]);
      this.sOut.push(sOut[i]);
      // ln(w / P): the weight without its decay probability.
      this.logBase.push(lw[i] - logP[i]);
      this.channel.push(prod[i]);
      this.decay.push(dec[i]);
    }
  }

  get size(): number {
    return this.s.length;
  }

  /**
   * Expected accepted events at each U^2 of the grid (at the generated mixing ratios, or at
   * `target`'s), with Monte Carlo errors and the split by production channel.
   */
  expectations(U2ref: number, ctauRef: number, grid: readonly number[], nChannels: number, target?: MixingReweight) {
    const r = grid.map((U2) => U2 / U2ref);
    const logR = r.map(Math.log);
    const ctau = target?.ctau ?? ctauRef;
    const logProd = target ? target.productionScale.map(Math.log) : [];
    const logDecay = target ? target.decayScale.map(Math.log) : [];
    // What depends on the event alone, once per event: its weight without the decay density, its
    // channels' scale to the target and the proposal it was drawn from (logDecayReweight split).
    const base = this.s.map((s, i) => {
      const scale = target ? logProd[this.channel[i]] + logDecay[this.decay[i]] : 0;
      return this.logBase[i] + scale - logDecayProposal(s, this.sIn[i], this.sOut[i], this.betaGamma[i] * ctauRef);
    });
    return sumOverGrid(grid.length, this.channel, nChannels, (i, k) => {
      const L2 = (this.betaGamma[i] * ctau) / r[k];
      return Math.exp(base[i] + logR[k] - this.s[i] / L2 - Math.log(L2));
    });
  }
}

/** From a sample's mixing to other ratios at the same total U^2: per production channel, per decay channel, and the new c*tau. */
export interface MixingReweight {
  readonly productionScale: number[];
  readonly decayScale: number[];
  readonly ctau: number;
}

/** A plan's channel probabilities and normalisation (both HNL processes have them). */
interface ChannelParams {
  readonly log_norm: number;
  readonly prod_cum: number[];
  readonly decay_cum: number[];
  readonly hnl_ctau: number;
}

/**
 * The MixingReweight from a sample's plan to the plan of the same scenario at the target
 * mixing (same mass, U^2 and events), channel by channel by label: an event's weight is
 * exp(log_norm) over the probabilities its production and decay channels were drawn with, times
 * what does not depend on the mixing, so the ratio of the two plans' numbers is exact.
 */
export function mixingReweight(from: Plan, to: Plan, target: string): MixingReweight {
  const P = from.params as unknown as ChannelParams;
  const Q = to.params as unknown as ChannelParams;
  const scales = (fromLabels: readonly string[], toLabels: readonly string[], fromCum: number[], toCum: number[]) => {
    const missing = toLabels.filter((l, j) => binProbability(toCum, j) > 0 && !fromLabels.includes(l));
    if (missing.length > 0) throw new InputError('--target-mixing', target, `the sample has no events of ${missing.join(', ')}: generate it with U_a^2 > 0 for every flavour the target has (e.g. model.mixing=1:1:1)`);
    return fromLabels.map((l, k) => {
      const j = toLabels.indexOf(l);
      return j < 0 ? 0 : binProbability(toCum, j) / binProbability(fromCum, k);
    });
  };
  const norm = Math.exp(Q.log_norm - P.log_norm);
  return {
    productionScale: scales(from.productionChannels, to.productionChannels, P.prod_cum, Q.prod_cum).map((x) => x * norm),
    decayScale: scales(from.decayChannels, to.decayChannels, P.decay_cum, Q.decay_cum),
    ctau: Q.hnl_ctau,
  };
}
