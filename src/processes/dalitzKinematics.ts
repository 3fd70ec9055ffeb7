/**
 * Three-body Dalitz kinematics of K+ -> mu+ nu X for the event samplers (twin of
 * shaders/dalitz.wgsl). X and nu are made in their own rest frame at an angle theta* to the
 * muon direction, sin(theta*) computed from the distances of m12^2 to both ends of its range
 * (no cancellation near the Dalitz boundary, where the transverse momentum is small), then
 * boosted along the axis into the kaon frame.
 */
import { boost, type Vec4 } from '../physics/kinematics.js';

/**
 * mu, nu, X (px, py, pz, E) in the kaon rest frame for m23^2 and m12^2 = m_mu^2 + lower *
 * (upper/lower)^t, lower and upper = lower + width the ends of m12^2 - m_mu^2 (t is the position
 * in its logarithm); 1 - t given separately, and
 * lambdaK = lambda(m_K^2, m23^2, m_mu^2) computed by the caller from the distance of m23^2 to
 * its maximum (the muon momenta a and pp are its square root: soft muons keep their precision).
 */
export function dalitzMomenta(m23sq: number, lambdaK: number, lower: number, width: number, t: number, oneMinusT: number, mK: number, mMu: number, m: number): [Vec4, Vec4, Vec4] {
  // span = ln(upper/lower) from the width, not as a difference of two logs.
  const span = Math.log1p(width / lower);
  const fromLow = lower * Math.expm1(t * span);
  const toHigh = (lower + width) * -Math.expm1(-oneMinusT * span);
  const m23 = Math.sqrt(m23sq);
  const E1 = (mK * mK - m23sq - mMu * mMu) / (2 * m23);
  const E2 = (m23sq + m * m) / (2 * m23);
  const a = Math.sqrt(Math.max(0, lambdaK)) / (2 * m23);
  const b = Math.sqrt(Math.max(0, E2 * E2 - m * m));
  const sinT = Math.sqrt(Math.max(0, toHigh * fromLow)) / (2 * a * b);
  const cosT = (toHigh - fromLow) / (toHigh + fromLow);
  const xStar: Vec4 = [b * sinT, 0, -b * cosT, E2];
  const nuStar: Vec4 = [-b * sinT, 0, b * cosT, b];
  const Ep = (mK * mK + mMu * mMu - m23sq) / (2 * mK);
  const pp = Math.sqrt(Math.max(0, lambdaK)) / (2 * mK);
  const system: Vec4 = [0, 0, pp, mK - Ep];
  return [[0, 0, -pp, Ep], boost(nuStar, system, m23), boost(xStar, system, m23)];
}
