/**
 * Three-body Dalitz kinematics for the event samplers (twin of shaders/dalitz.wgsl): a decay
 * M -> 1 2 3 with particle 3 massless (K+ -> mu+ nu X, N -> l- l+ nu). Particles 2 and 3 are
 * made in their own rest frame at an angle theta* to the direction of particle 1, sin(theta*)
 * computed from the distances of m12^2 to both ends of its range (no cancellation near the
 * Dalitz boundary, where the transverse momentum is small), then boosted along the axis into
 * the rest frame of M.
 */
import { boost, m12Range, type Vec4 } from '../physics/kinematics.js';

/**
 * Particles 1, 3, 2 (px, py, pz, E) in the rest frame of M for m23^2 and m12^2 given by its
 * distances fromLow and toHigh to the ends of its range (lambda1 and above = m23^2 - m2^2 as for
 * m12Range in src/physics/kinematics.ts); particle 1
 * moves along -z.
 */
export function dalitzMomenta(m23sq: number, lambda1: number, fromLow: number, toHigh: number, M: number, m1: number, m2: number, above = m23sq - m2 * m2): [Vec4, Vec4, Vec4] {
  const m23 = Math.sqrt(m23sq);
  const E2 = (m23sq + m2 * m2) / (2 * m23);
  const a = Math.sqrt(Math.max(0, lambda1)) / (2 * m23);
  const b = above / (2 * m23); // sqrt(E2^2 - m2^2) for massless 3, from above = m23^2 - m2^2
  const sinT = Math.sqrt(Math.max(0, toHigh * fromLow)) / (2 * a * b);
  const cosT = (toHigh - fromLow) / (toHigh + fromLow);
  const twoStar: Vec4 = [b * sinT, 0, -b * cosT, E2];
  const threeStar: Vec4 = [-b * sinT, 0, b * cosT, b];
  const Ep = (M * M + m1 * m1 - m23sq) / (2 * M);
  const pp = Math.sqrt(Math.max(0, lambda1)) / (2 * M);
  const system: Vec4 = [0, 0, pp, M - Ep];
  return [[0, 0, -pp, Ep], boost(threeStar, system, m23), boost(twoStar, system, m23)];
}

/**
 * M -> 1 2 3 at rest (3 massless) from two uniforms, as the samplers of N -> l l nu and tau -> l nu
 * nu draw it: m23^2 - m2^2 = t23 (span of it), m12^2 at t12 of its range (from both ends, so no
 * cancellation near either); particles 1, 2, 3 and the Jacobian (span of m23^2)(range of m12^2),
 * so that a weight |M|^2 jacobian / norm has mean 1 when norm is the Dalitz integral of |M|^2.
 */
export function dalitzPointAtRest(M: number, m1: number, m2: number, t23: number, t12: number): { p1: Vec4; p2: Vec4; p3: Vec4; jacobian: number } {
  const span23 = (M - m1) ** 2 - m2 * m2;
  const above = span23 * t23; // m23^2 - m2^2, from the uniform: no cancellation near m2
  const m23sq = m2 * m2 + above;
  const lambda1 = span23 * (1 - t23) * ((M + m1) ** 2 - m23sq);
  const range = m12Range(M, m1, m2, m23sq, lambda1, above);
  const width = range ? range[1] : 0;
  const [p1, p3, p2] = dalitzMomenta(m23sq, lambda1, width * t12, width * (1 - t12), M, m1, m2, above);
  return { p1, p2, p3, jacobian: span23 * width };
}

/** fromLow and toHigh of m12^2 - m1^2 = lower (upper/lower)^t (upper = lower + width), each without cancellation. */
export function logPosition(lower: number, width: number, t: number, oneMinusT: number): [number, number] {
  const span = Math.log1p(width / lower); // ln(upper/lower) from the width, not a difference of logs
  return [lower * Math.expm1(t * span), (lower + width) * -Math.expm1(-oneMinusT * span)];
}
