/**
 * CPU (float64) vs WebGPU (float32) tolerances, per quantity, each with its reason.
 * The two paths draw the same uniforms (bit-identical, see uniformFromBits), so every
 * difference is float32 rounding in the WGSL chain; none of these may be widened to hide a bug.
 * f32 epsilon = 2^-23 = 1.19e-7; one ulp at 75 GeV is 7.6e-6 GeV and at 180 m 1.5e-5 m.
 */
export const F32_EPS = 2 ** -23;

export const TOLERANCE = {
  /**
   * Four-momentum components, absolute, in units of the event's kaon energy: the lab
   * components of a daughter are sums of terms of size ~E_K after a boost with gamma ~ 150-500,
   * so their float32 error is a few ulp of E_K, whatever the component's own size (a lepton
   * emitted backwards keeps the absolute, not the relative, precision). 16 ulp.
   */
  momentumPerParentEnergy: 16 * F32_EPS,
  /** Vertex coordinates, absolute, metres: 8 ulp of float32 at z in [128, 256) m. */
  positionMetres: 8 * 2 ** -16,
  /** Path lengths s_in, s_out, s (metres), absolute: as positions. */
  distanceMetres: 8 * 2 ** -16,
  /**
   * ln(weight), absolute: a sum of logs of well-conditioned factors (kaon decay-point
   * weight, decay probability with its series forms), each good to a few ulp relative:
   * 2e-5 is 1e-5 relative on the weight, two orders above what we see (2e-6).
   */
  logWeight: 2e-5,
  /** source_weight, relative: a product of a few exp and a division. */
  factorRelative: 2e-5,
  /** Fraction of events whose acceptance flags may differ (tracks on a boundary). */
  flagDisagreementFraction: 1e-3,
  /**
   * Ulps of N's float32 angle in dump mode, relative to the terms its transverse momentum is
   * the sum of: a side exit R/sin(theta) of the decay volume (N from z = 23 m grazing a 1 m
   * radius at 80-180 m) carries this relative error, and P ~ (s_out - s_in)/L amplifies it by
   * s_out/(s_out - s_in) (the per-event formula is in test/process.na62DumpHnl.test.ts).
   */
  pathAmplifiedUlps: 8,
  /**
   * A three-body matrix-element weight (mean 1), absolute: |M|^2 is a sum of products of dot
   * products such as M(E - h s.p), which cancel for a light lepton along the spin; the absolute
   * error stays at the scale of the unsuppressed |M|^2 (~1e-6 of the mean), so a suppressed
   * event (weight 0.03) can differ by 2e-4 relative. 1e-5 absolute, ln w gets 1e-5/w.
   */
  matrixElementWeightAbsolute: 1e-5,
  /** Relative difference of the sums of weights (all, and accepted). */
  sumOfWeightsRelative: 1e-2,
} as const;
