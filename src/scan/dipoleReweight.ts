/**
 * Expected events over a grid of magnetic moments mu from one nucleus-dipole sample per mass.
 * An accepted event generated at mu_ref has weight w = base * P(decay within L_det) * BR(nu gamma);
 * at mu: production scales as (mu/mu_ref)^2, the nu gamma width too (an invisible width stays),
 * so c*tau and BR(nu gamma) change, and the decay density is replaced exactly
 * (logDecayReweight, as for HNLs, with s in [0, L_det]).
 */
import { HBARC_GEV_M } from '../physics/constants.js';
import type { EventBatch } from '../engine/layout.js';
import { logDecayReweight, sumOverGrid } from './hnlReweight.js';

export class DipoleSample {
  private readonly betaGamma: number[] = [];
  private readonly s: number[] = [];
  private readonly logBase: number[] = [];
  private readonly channel: number[] = [];
  /** h cos(theta*): N's helicity times the photon's angle cosine to N's flight in its rest frame. */
  private readonly helicityCos: number[] = [];

  constructor(
    private readonly mass: number,
    private readonly acceptedMask: number,
  ) {}

  add(b: EventBatch): void {
    const [lw, flags, s, logP, p, prod, cos, h] = ['log_weight', 'flags', 'decay_s', 'decay_log_prob', 'llp_p', 'production_channel', 'gamma_cos_star', 'llp_helicity'].map((n) => b.column(n));
    for (let i = 0; i < b.n; i++) {
      if (!(flags[i] & this.acceptedMask)) continue;
      this.betaGamma.push(p[i] / this.mass);
      this.s.push(s[i]);
      this.logBase.push(lw[i] - logP[i]); // still includes ln BR(nu gamma) at mu_ref
      this.channel.push(prod[i]);
      this.helicityCos.push(h[i] * cos[i]);
    }
  }

  /**
   * @param widthNuGammaRef width of N -> nu gamma at mu_ref (GeV); invisible: the extra width;
   * vetoDistance: L_det (m).
   */
  expectations(muRef: number, widthNuGammaRef: number, invisible: number, vetoDistance: number, grid: readonly number[], nChannels: number) {
    return this.reweighted(muRef, widthNuGammaRef, invisible, vetoDistance, grid, nChannels, 1, () => 1);
  }

  /**
   * A Dirac N from a sample generated as Majorana (same production, same helicities): its
   * nu gamma width is half (Gamma_Majorana = 2 Gamma_Dirac) and its photon density
   * (1 + h cos theta*)/2 instead of the isotropic 1/2 (N-bar of helicity h, mostly -1), so each
   * event gains the factor 1 + h cos theta*. (The other way is not possible: a Dirac sample
   * has almost no photons at h cos theta* = -1.)
   */
  diracFromMajorana(muRef: number, widthNuGammaMajoranaRef: number, invisible: number, vetoDistance: number, grid: readonly number[], nChannels: number) {
    return this.reweighted(muRef, widthNuGammaMajoranaRef, invisible, vetoDistance, grid, nChannels, 0.5, (hc) => 1 + hc);
  }

  private reweighted(
    muRef: number, widthNuGammaRef: number, invisible: number, vetoDistance: number, grid: readonly number[], nChannels: number,
    widthScale: number, photonFactor: (helicityCos: number) => number,
  ) {
    const widthRef = widthNuGammaRef + invisible;
    const ctauRef = HBARC_GEV_M / widthRef;
    const logBrRef = Math.log(widthNuGammaRef / widthRef);
    const per = grid.map((mu) => {
      const r = (mu / muRef) ** 2;
      const nuGamma = widthNuGammaRef * widthScale * r;
      const width = nuGamma + invisible;
      return { logR: Math.log(r), logBr: Math.log(nuGamma / width), ctau: HBARC_GEV_M / width };
    });
    return sumOverGrid(grid.length, this.channel, nChannels, (i, k) => {
      const g = per[k];
      const logDecay = logDecayReweight(this.s[i], 0, vetoDistance, this.betaGamma[i] * ctauRef, this.betaGamma[i] * g.ctau);
      return photonFactor(this.helicityCos[i]) * Math.exp(this.logBase[i] - logBrRef + g.logR + g.logBr + logDecay);
    });
  }
}
