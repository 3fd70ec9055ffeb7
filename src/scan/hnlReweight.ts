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
 */
import type { EventBatch } from '../engine/layout.js';

/**
 * ln of the decay-point density ratio for moving an event from decay length L to L2: the new
 * density exp(-s/L2)/L2 over the proposal it was drawn from, the exponential of length L
 * truncated to [sIn, sOut] (exp(-(s - sIn)/L)/(L (1 - exp(-(sOut - sIn)/L)))).
 */
export function logDecayReweight(s: number, sIn: number, sOut: number, L: number, L2: number): number {
  const logProposal = -(s - sIn) / L - Math.log(L) - Math.log(-Math.expm1(-(sOut - sIn) / L));
  return -s / L2 - Math.log(L2) - logProposal;
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

  constructor(
    private readonly mass: number,
    private readonly acceptedMask: number,
  ) {}

  /** Adds the accepted rows of a batch. */
  add(b: EventBatch): void {
    const [lw, flags, s, sIn, sOut, logP, px, py, pz, prod] = ['log_weight', 'flags', 'decay_s', 'decay_s_in', 'decay_s_out', 'decay_log_prob', 'llp_px', 'llp_py', 'llp_pz', 'production_channel'].map((n) => b.column(n));
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
    }
  }

  get size(): number {
    return this.s.length;
  }

  /**
   * Expected accepted events at each U^2 of the grid, with Monte Carlo errors and the split
   * by production channel.
   */
  expectations(U2ref: number, ctauRef: number, grid: readonly number[], nChannels: number) {
    const r = grid.map((U2) => U2 / U2ref);
    const logR = r.map(Math.log);
    return sumOverGrid(grid.length, this.channel, nChannels, (i, k) => {
      const L = this.betaGamma[i] * ctauRef;
      return Math.exp(this.logBase[i] + logR[k] + logDecayReweight(this.s[i], this.sIn[i], this.sOut[i], L, L / r[k]));
    });
  }
}
