/**
 * Expected missing-momentum events over a grid of couplings g from one muon-target sample per
 * mass (M3, NA64mu). Production scales as (g/g_ref)^2; the decay is replaced by its exact
 * expectation: every width scales as g^2, so the branching ratios stay and c*tau goes as
 * (g_ref/g)^2, and an event whose recoil passes the cuts counts with the probability that X
 * is not seen, 1 - BR_visible (1 - exp(-L_veto/(beta gamma c*tau))). The sampled decay of the
 * generated events is not used (it only sets their `invisible` flag).
 */
import type { EventBatch } from '../engine/layout.js';
import { sumOverGrid } from './hnlReweight.js';

export class MediatorSample {
  private readonly weight: number[] = [];
  private readonly betaGamma: number[] = [];

  /** recoilMask: the flag bits an event's recoil muon must have (below the cut, in acceptance). */
  constructor(
    private readonly mass: number,
    private readonly recoilMask: number,
  ) {}

  add(b: EventBatch): void {
    const [lw, flags, px, py, pz] = ['log_weight', 'flags', 'llp_px', 'llp_py', 'llp_pz'].map((n) => b.column(n));
    for (let i = 0; i < b.n; i++) {
      if ((flags[i] & this.recoilMask) !== this.recoilMask) continue;
      this.weight.push(Math.exp(lw[i]));
      this.betaGamma.push(Math.hypot(px[i], py[i], pz[i]) / this.mass);
    }
  }

  /** ctauRef: c*tau at gRef in m; brVisible: BR to visible final states. */
  expectations(gRef: number, ctauRef: number, brVisible: number, vetoLength: number, grid: readonly number[]) {
    const per = grid.map((g) => ({ scale: (g / gRef) ** 2, ctau: ctauRef * (gRef / g) ** 2 }));
    const channel = new Array<number>(this.weight.length).fill(0);
    return sumOverGrid(grid.length, channel, 1, (i, k) => {
      const { scale, ctau } = per[k];
      const seen = brVisible * -Math.expm1(-vetoLength / (this.betaGamma[i] * ctau));
      return this.weight[i] * scale * (1 - seen);
    });
  }
}
