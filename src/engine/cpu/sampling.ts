/**
 * Sampling building blocks in float64, shared by every process's CPU sampler.
 * Twin of shaders/sampling.wgsl: same function names, same arguments, same use of the
 * uniforms, so event i comes out the same on both backends up to float32 rounding.
 */
import { boost, type Vec4 } from '../../physics/kinematics.js';
import { LOG_WEIGHT_ZERO } from '../layout.js';

/** Two independent standard normals from two uniforms (Box-Muller). */
export function gaussPair(u1: number, u2: number): [number, number] {
  const r = Math.sqrt(-2 * Math.log(u1));
  return [r * Math.cos(TWO_PI * u2), r * Math.sin(TWO_PI * u2)];
}

/**
 * Cumulative probabilities of non-negative weights, the last exactly 1, each rounded to
 * float32: the GPU compares its uniforms with float32 values, and a float64 threshold on the
 * CPU could pick another bin for a u between the two. The tables of both samplers.
 */
export function cumulative(w: ArrayLike<number>): number[] {
  let sum = 0;
  for (let k = 0; k < w.length; k++) sum += w[k];
  let acc = 0;
  return Array.from(w, (x, k) => (k === w.length - 1 ? 1 : Math.fround((acc += x / sum))));
}

/** The probability of entry k of a cumulative table (cumulative): what pickChannel gives it. Twin of binProbability in shaders/sampling.wgsl. */
export function binProbability(cum: ArrayLike<number>, k: number): number {
  return cum[k] - (k > 0 ? cum[k - 1] : 0);
}

/** Index of the channel picked by u from cumulative probabilities (last entry 1). */
export function pickChannel(u: number, cumulative: readonly number[] | Float64Array, count: number): number {
  for (let k = 0; k < count - 1; k++) if (u < cumulative[k]) return k;
  return count - 1;
}

export const TWO_PI = 2 * Math.PI;

/** Unit vector at polar angle theta (given as its cosine and sine) and azimuth phi about +z. */
export function polarDirection(cosTheta: number, sinTheta: number, phi: number): [number, number, number] {
  return [sinTheta * Math.cos(phi), sinTheta * Math.sin(phi), cosTheta];
}

/**
 * Unit vector with cos(theta) = 2 u1 - 1 and phi = 2 pi u2: isotropic. sin(theta) is
 * 2 sqrt(u1 (1 - u1)), exact in float32 too; sqrt(1 - c^2) would lose precision near the poles.
 */
export function isotropicDirection(u1: number, u2: number): [number, number, number] {
  return polarDirection(2 * u1 - 1, 2 * Math.sqrt(u1 * (1 - u1)), TWO_PI * u2);
}

/**
 * Unit vector at angle theta (cosine, sine) to the unit vector `axis`, at azimuth phi about it.
 * The frame about the axis is the branchless orthonormal basis of Duff et al., JCGT 6 (2017) 1,
 * continuous in the axis except across its sign of z, and without a division near zero.
 */
export function aroundAxis(axis: readonly number[], cosTheta: number, sinTheta: number, phi: number): [number, number, number] {
  const [nx, ny, nz] = axis;
  const sign = nz >= 0 ? 1 : -1;
  const a = -1 / (sign + nz);
  const b = nx * ny * a;
  const e1 = [1 + sign * nx * nx * a, sign * b, -sign * nx];
  const e2 = [b, sign + ny * ny * a, -ny];
  const c1 = sinTheta * Math.cos(phi);
  const c2 = sinTheta * Math.sin(phi);
  return [c1 * e1[0] + c2 * e2[0] + cosTheta * nx, c1 * e1[1] + c2 * e2[1] + cosTheta * ny, c1 * e1[2] + c2 * e2[2] + cosTheta * nz];
}

/**
 * A massless daughter of a parent with mass m, lab energy e and momentum p, emitted at theta*
 * to the parent's flight in its rest frame, given as 1 + cos(theta*) and 1 - cos(theta*) (both,
 * each accurate): its lab energy, and cosine and sine of its lab angle to the parent's flight.
 * All from products and sums of positives, so nothing cancels in float32 at either pole:
 * with 1 - beta = m^2/((e + p) e) and D = 1 + beta cos* = (1 - beta) + beta (1 + cos*),
 *   E = [m^2/(e + p) + p (1 + cos*)]/2,  1 + cos = (1 + cos*)(1 + beta)/D,  1 - cos = (1 - cos*)(1 - beta)/D.
 */
export function masslessInLab(m: number, e: number, p: number, onePlusCosStar: number, oneMinusCosStar: number): { energy: number; cos: number; sin: number } {
  const oneMinusBeta = (m * m) / ((e + p) * e);
  const beta = p / e;
  const D = oneMinusBeta + beta * onePlusCosStar;
  const onePlus = (onePlusCosStar * (1 + beta)) / D;
  const oneMinus = (oneMinusCosStar * oneMinusBeta) / D;
  return { energy: ((m * m) / (e + p) + p * onePlusCosStar) / 2, cos: (onePlus - oneMinus) / 2, sin: Math.sqrt(onePlus * oneMinus) };
}

/**
 * Two-body decay of a parent with lab four-momentum `parent` and mass `mass`: daughter 1
 * along the rest-frame direction `dir` with momentum pStar and energy e1Star, daughter 2
 * opposite with energy e2Star; both boosted to the lab.
 */
export function decayTwoBody(parent: Vec4, mass: number, dir: readonly number[], pStar: number, e1Star: number, e2Star: number): [Vec4, Vec4] {
  const d1: Vec4 = [pStar * dir[0], pStar * dir[1], pStar * dir[2], e1Star];
  const d2: Vec4 = [-d1[0], -d1[1], -d1[2], e2Star];
  return [boost(d1, parent, mass), boost(d2, parent, mass)];
}

/**
 * Distances along a ray from (x0, y0, z0) with unit direction (dx, dy, dz) at which it is
 * inside the cylinder z_min <= z <= z_max, x^2 + y^2 <= radius^2 (z-aligned, on the axis
 * x = y = 0), clipped to s >= 0. The caller gives toZMin = z_min - z0 and toZMax = z_max - z0,
 * computed in the best-conditioned way it has (a float32 difference of two coordinates near
 * 180 m keeps only ~1e-5 m). Returns [sIn, sOut]; sOut <= sIn when the ray is never inside.
 */
export function cylinderInterval(
  x0: number, y0: number, toZMin: number, toZMax: number, dx: number, dy: number, dz: number, radius: number,
): [number, number] {
  if (dz <= 0) return [0, 0];
  let sIn = Math.max(0, toZMin / dz);
  let sOut = toZMax / dz;
  const a = dx * dx + dy * dy;
  const b = x0 * dx + y0 * dy; // half of the usual b
  const c = x0 * x0 + y0 * y0 - radius * radius;
  if (a > 0) {
    const disc = b * b - a * c;
    if (disc < 0) return [0, 0];
    // Stable roots of a s^2 + 2 b s + c = 0 (no cancellation between -b and sqrt(disc)).
    const q = -(b + Math.sign(b || 1) * Math.sqrt(disc));
    const r1 = q / a;
    const r2 = c / q;
    sIn = Math.max(sIn, Math.min(r1, r2));
    sOut = Math.min(sOut, Math.max(r1, r2));
  } else if (c > 0) {
    return [0, 0];
  }
  return [sIn, sOut];
}

/**
 * Decay distance forced into [sIn, sOut] for a particle of decay length L (metres), from
 * the exponential truncated to that interval; logProb = ln P(decay in [sIn, sOut]) =
 * -sIn/L + ln(1 - exp(-(sOut - sIn)/L)), exact also when L is kilometres (expm1, log1p).
 */
export function forcedDecay(sIn: number, sOut: number, L: number, u: number): { s: number; logProb: number } {
  const pInside = -Math.expm1(-(sOut - sIn) / L);
  return { s: sIn - L * Math.log1p(-u * pInside), logProb: -sIn / L + Math.log(pInside) };
}

/** Where a long-lived particle decays when forced into a z-aligned cylinder along its flight. */
export interface CylinderDecay {
  /** Unit flight direction. */
  readonly axis: [number, number, number];
  readonly sIn: number;
  readonly sOut: number;
  /** The line of flight crosses the cylinder (else s = 0 and logProb = LOG_WEIGHT_ZERO). */
  readonly inside: boolean;
  /** Distance from the production point to the decay point. */
  readonly s: number;
  /** ln P(decay inside). */
  readonly logProb: number;
}

/**
 * A particle of four-momentum p and mass m made at (x0, y0) with the cylinder's planes at
 * toZMin, toZMax ahead (cylinderInterval's conventions) decays inside it: the interval on its
 * line of flight and the forced decay with decay length |p|/m c*tau. Twin of decayInCylinder in
 * shaders/sampling.wgsl.
 */
export function decayInCylinder(x0: number, y0: number, toZMin: number, toZMax: number, p: readonly number[], m: number, ctau: number, radius: number, u: number): CylinderDecay {
  const pAbs = Math.hypot(p[0], p[1], p[2]);
  const axis: [number, number, number] = [p[0] / pAbs, p[1] / pAbs, p[2] / pAbs];
  const [sIn, sOut] = cylinderInterval(x0, y0, toZMin, toZMax, axis[0], axis[1], axis[2], radius);
  if (!(sOut > sIn)) return { axis, sIn, sOut, inside: false, s: 0, logProb: LOG_WEIGHT_ZERO };
  const forced = forcedDecay(sIn, sOut, (pAbs / m) * ctau, u);
  return { axis, sIn, sOut, inside: true, s: forced.s, logProb: forced.logProb };
}

/**
 * Inverse CDF of a piecewise-constant density over `count` equal bins: the bin k with
 * cdf[offset + k - 1] <= u < cdf[offset + k] (cdf[offset + count - 1] = 1) and the position
 * in it, in [0, 1). Twin of sampleBins in shaders/sampling.wgsl.
 */
export function sampleBins(u: number, cdf: readonly number[] | Float64Array, offset: number, count: number): [number, number] {
  // Binary search for the first k with u < cdf[k] (the last bin if none).
  let k = 0;
  let top = count - 1;
  while (k < top) {
    const mid = (k + top) >> 1;
    if (u < cdf[offset + mid]) top = mid;
    else k = mid + 1;
  }
  const lo = k === 0 ? 0 : cdf[offset + k - 1];
  const hi = cdf[offset + k];
  return [k, hi > lo ? Math.min(1, Math.max(0, (u - lo) / (hi - lo))) : 0.5];
}

/**
 * A vector rotated by Euler angles (z-y-z): R = Rz(phi) Ry(theta) Rz(psi), with cos(theta) =
 * 2 u - 1 (sin(theta) = 2 sqrt(u (1 - u)), as in isotropicDirection). With u, and phi/2pi,
 * psi/2pi uniform it is a uniformly random rotation: it orients a decay plane isotropically.
 */
export function rotateEuler(v: readonly number[], u: number, phi: number, psi: number): [number, number, number] {
  const cosTheta = 2 * u - 1;
  const sinTheta = 2 * Math.sqrt(u * (1 - u));
  // Rz(psi)
  const x1 = Math.cos(psi) * v[0] - Math.sin(psi) * v[1];
  const y1 = Math.sin(psi) * v[0] + Math.cos(psi) * v[1];
  const z1 = v[2];
  // Ry(theta)
  const x2 = cosTheta * x1 + sinTheta * z1;
  const z2 = -sinTheta * x1 + cosTheta * z1;
  // Rz(phi)
  return [Math.cos(phi) * x2 - Math.sin(phi) * y1, Math.sin(phi) * x2 + Math.cos(phi) * y1, z2];
}

/**
 * [cos(theta), sin(theta)] with cos drawn from the density (1 + a cos(theta))/2 on [-1, 1]
 * (|a| <= 1, a polarised two-body decay) by inverting its CDF: cos = (4u - 2 + a)/(1 + S),
 * S = sqrt((1 - a)^2 + 4au), no division by a. sin from 1 - cos = 4(1 - u)/(1 + a + S) and
 * 1 + cos = 4u/(1 - a + S) (their product, not (1 + S)^2 - a^2, which cancels for |a| = 1 near
 * the suppressed pole), not sqrt(1 - cos^2), which in float32 loses the angle near the poles
 * (an electron from N -> e rho was off by 18 ulp of the parent's energy). Twin of linearCosSin in
 * shaders/sampling.wgsl.
 */
export function linearCosSin(a: number, u: number): [number, number] {
  const S = Math.sqrt((1 - a) ** 2 + 4 * a * u);
  return [(4 * u - 2 + a) / (1 + S), (4 * Math.sqrt(u * (1 - u))) / Math.sqrt((1 + a + S) * (1 - a + S))];
}
