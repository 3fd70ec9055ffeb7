// Sampling building blocks in f32. Twin of src/engine/cpu/sampling.ts and the boost of
// src/physics/kinematics.ts: same names, same arguments, same use of the uniforms.

const TWO_PI: f32 = 6.283185307179586;

fn gaussPair(u1: f32, u2: f32) -> vec2<f32> {
  let r = sqrt(-2.0 * log(u1));
  return vec2<f32>(r * cos(TWO_PI * u2), r * sin(TWO_PI * u2));
}

// Channel picked by u from cumulative probabilities params[offset .. offset + count).
fn pickChannel(u: f32, offset: u32, count: u32) -> u32 {
  for (var k = 0u; k + 1u < count; k++) {
    if (u < params[offset + k]) {
      return k;
    }
  }
  return count - 1u;
}

// Unit vector at polar angle theta (cosine, sine) and azimuth phi about +z. Twin of polarDirection.
fn polarDirection(cosTheta: f32, sinTheta: f32, phi: f32) -> vec3<f32> {
  return vec3<f32>(sinTheta * cos(phi), sinTheta * sin(phi), cosTheta);
}

// sin(theta) = 2 sqrt(u1 (1 - u1)): exact in f32, where sqrt(1 - c^2) loses precision near the poles.
fn isotropicDirection(u1: f32, u2: f32) -> vec3<f32> {
  return polarDirection(2.0 * u1 - 1.0, 2.0 * sqrt(u1 * (1.0 - u1)), TWO_PI * u2);
}

// Unit vector at angle theta (cosine, sine) to the unit vector axis, azimuth phi about it
// (the basis of Duff et al., JCGT 2017). Twin of aroundAxis in sampling.ts.
fn aroundAxis(axis: vec3<f32>, cosTheta: f32, sinTheta: f32, phi: f32) -> vec3<f32> {
  let sign = select(-1.0, 1.0, axis.z >= 0.0);
  let a = -1.0 / (sign + axis.z);
  let b = axis.x * axis.y * a;
  let e1 = vec3<f32>(1.0 + sign * axis.x * axis.x * a, sign * b, -sign * axis.x);
  let e2 = vec3<f32>(b, sign + axis.y * axis.y * a, -axis.y);
  return sinTheta * cos(phi) * e1 + sinTheta * sin(phi) * e2 + cosTheta * axis;
}

// Boost p from the rest frame of a particle with lab four-momentum `parent` and mass `mass`.
fn boost(p: vec4<f32>, parent: vec4<f32>, mass: f32) -> vec4<f32> {
  let b = parent.xyz / parent.w;
  let gamma = parent.w / mass;
  let bp = dot(b, p.xyz);
  let k = gamma * gamma / (1.0 + gamma);
  let c = k * bp + gamma * p.w;
  return vec4<f32>(p.xyz + c * b, gamma * (p.w + bp));
}

// A massless daughter's lab energy and lab angle (cosine, sine) to the parent's flight from
// 1 +- cos(theta*) in the parent's rest frame; nothing cancels. Twin of masslessInLab in sampling.ts.
struct Massless {
  energy: f32,
  cosLab: f32,
  sinLab: f32,
}

fn masslessInLab(m: f32, e: f32, p: f32, onePlusCosStar: f32, oneMinusCosStar: f32) -> Massless {
  let oneMinusBeta = m * m / ((e + p) * e);
  let beta = p / e;
  let D = oneMinusBeta + beta * onePlusCosStar;
  let onePlus = onePlusCosStar * (1.0 + beta) / D;
  let oneMinus = oneMinusCosStar * oneMinusBeta / D;
  return Massless((m * m / (e + p) + p * onePlusCosStar) / 2.0, (onePlus - oneMinus) / 2.0, sqrt(onePlus * oneMinus));
}

struct TwoBody {
  d1: vec4<f32>,
  d2: vec4<f32>,
}

fn decayTwoBody(parent: vec4<f32>, mass: f32, dir: vec3<f32>, pStar: f32, e1Star: f32, e2Star: f32) -> TwoBody {
  let d1 = vec4<f32>(pStar * dir, e1Star);
  let d2 = vec4<f32>(-pStar * dir, e2Star);
  return TwoBody(boost(d1, parent, mass), boost(d2, parent, mass));
}

// M -> 1 (2 3) at rest, sequentially: m23^2 from t uniform, 1 along dir1, 2 along dir2 in the
// rest frame of (23); phaseSpace = (2 p1/M)(2 q/m23) is the density relative to that sampling.
// Twin of threeBodyAtRest in src/physics/kinematics.ts.
struct ThreeBody {
  p1: vec4<f32>,
  p2: vec4<f32>,
  p3: vec4<f32>,
  phaseSpace: f32,
}

fn threeBodyAtRest(M: f32, m1: f32, m2: f32, m3: f32, t: f32, dir1: vec3<f32>, dir2: vec3<f32>) -> ThreeBody {
  let span = (M - m1) * (M - m1) - (m2 + m3) * (m2 + m3);
  let above = span * t;
  let m23sq = (m2 + m3) * (m2 + m3) + above;
  let m23 = sqrt(m23sq);
  let p1Star = sqrt(span * (1.0 - t) * ((M + m1) * (M + m1) - m23sq)) / (2.0 * M);
  let q = sqrt(above * (above + 4.0 * m2 * m3)) / (2.0 * m23);
  let e1 = (M * M + m1 * m1 - m23sq) / (2.0 * M);
  let pair = vec4<f32>(-p1Star * dir1, M - e1);
  let e2 = (m23sq + m2 * m2 - m3 * m3) / (2.0 * m23);
  let p2 = boost(vec4<f32>(q * dir2, e2), pair, m23);
  let p3 = boost(vec4<f32>(-q * dir2, m23 - e2), pair, m23);
  return ThreeBody(vec4<f32>(p1Star * dir1, e1), p2, p3, (2.0 * p1Star / M) * (2.0 * q / m23));
}

// [sIn, sOut] along the ray (origin o, unit direction d) inside the z-aligned cylinder, with
// toZMin = z_min - o.z and toZMax = z_max - o.z given well-conditioned by the caller;
// sOut <= sIn when the ray is never inside.
fn cylinderInterval(o: vec3<f32>, toZMin: f32, toZMax: f32, d: vec3<f32>, radius: f32) -> vec2<f32> {
  if (d.z <= 0.0) {
    return vec2<f32>(0.0, 0.0);
  }
  var sIn = max(0.0, toZMin / d.z);
  var sOut = toZMax / d.z;
  let a = d.x * d.x + d.y * d.y;
  let b = o.x * d.x + o.y * d.y;
  let c = o.x * o.x + o.y * o.y - radius * radius;
  if (a > 0.0) {
    let disc = b * b - a * c;
    if (disc < 0.0) {
      return vec2<f32>(0.0, 0.0);
    }
    let sgn = select(-1.0, 1.0, b >= 0.0);
    let q = -(b + sgn * sqrt(disc));
    let r1 = q / a;
    let r2 = c / q;
    sIn = max(sIn, min(r1, r2));
    sOut = min(sOut, max(r1, r2));
  } else if (c > 0.0) {
    return vec2<f32>(0.0, 0.0);
  }
  return vec2<f32>(sIn, sOut);
}

// 1 - exp(-y) for y >= 0 without cancellation.
fn oneMinusExpNeg(y: f32) -> f32 {
  return -expm1(-y);
}

// ln(1 + y) for y > -1: a series for |y| < 0.1 (truncation y^8/8, < 2e-9 relative), where
// log(1 + y) in f32 loses the digits of y below an ulp of 1. Twin of Math.log1p.
fn log1p(y: f32) -> f32 {
  if (abs(y) < 0.1) {
    return y * (1.0 - y * (0.5 - y * (1.0 / 3.0 - y * (0.25 - y * (0.2 - y * (1.0 / 6.0 - y * (1.0 / 7.0)))))));
  }
  return log(1.0 + y);
}

// e^x - 1: a series for |x| < 0.1 (truncation x^6/720, < 2e-9 relative), where exp(x) - 1
// cancels in f32. Twin of Math.expm1.
fn expm1(x: f32) -> f32 {
  if (abs(x) < 0.1) {
    return x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0 + x * (1.0 / 120.0)))));
  }
  return exp(x) - 1.0;
}

// ln(1 - v) for 0 <= v < 1.
fn logOneMinus(v: f32) -> f32 {
  return log1p(-v);
}

struct ForcedDecay {
  s: f32,
  logProb: f32,
}

// Decay distance forced into [sIn, sOut] for decay length L (exponential truncated to the
// interval) and ln P(decay inside) = -sIn/L + ln(1 - exp(-(sOut - sIn)/L)).
fn forcedDecay(sIn: f32, sOut: f32, L: f32, u: f32) -> ForcedDecay {
  let pInside = oneMinusExpNeg((sOut - sIn) / L);
  return ForcedDecay(sIn - L * logOneMinus(u * pInside), -sIn / L + log(pInside));
}

// A particle of four-momentum p made at o decays inside the z-aligned cylinder (planes toZMin,
// toZMax ahead): its flight axis, [s_in, s_out], and the forced decay. Twin of decayInCylinder.
struct CylinderDecay {
  axis: vec3<f32>,
  interval: vec2<f32>,
  inside: bool,
  s: f32,
  logProb: f32,
}

fn decayInCylinder(o: vec3<f32>, toZMin: f32, toZMax: f32, p: vec4<f32>, m: f32, ctau: f32, radius: f32, u: f32) -> CylinderDecay {
  let pAbs = length(p.xyz);
  let axis = p.xyz / pAbs;
  let interval = cylinderInterval(o, toZMin, toZMax, axis, radius);
  if (!(interval.y > interval.x)) {
    return CylinderDecay(axis, interval, false, 0.0, LOG_WEIGHT_ZERO);
  }
  let forced = forcedDecay(interval.x, interval.y, (pAbs / m) * ctau, u);
  return CylinderDecay(axis, interval, true, forced.s, forced.logProb);
}

// Inverse CDF of a piecewise-constant density over `count` equal bins (cdf in params at
// `offset`): the bin and the position in it. Twin of sampleBins in sampling.ts.
struct BinSample {
  k: u32,
  f: f32,
}

// Probability of bin k of the cumulative table at params[offset]. Twin of binProbability.
fn binProbability(offset: u32, k: u32) -> f32 {
  var below = 0.0;
  if (k > 0u) {
    below = params[offset + k - 1u];
  }
  return params[offset + k] - below;
}

fn sampleBins(u: f32, offset: u32, count: u32) -> BinSample {
  // Binary search for the first k with u < cdf[k] (the last bin if none).
  var k = 0u;
  var top = count - 1u;
  loop {
    if (k >= top) {
      break;
    }
    let mid = (k + top) / 2u;
    if (u < params[offset + mid]) {
      top = mid;
    } else {
      k = mid + 1u;
    }
  }
  var lo = 0.0;
  if (k > 0u) {
    lo = params[offset + k - 1u];
  }
  let hi = params[offset + k];
  var f = 0.5;
  if (hi > lo) {
    f = clamp((u - lo) / (hi - lo), 0.0, 1.0);
  }
  return BinSample(k, f);
}

// Euler rotation z-y-z, R = Rz(phi) Ry(theta) Rz(psi), cos(theta) = 2u - 1. Twin of rotateEuler in sampling.ts.
fn rotateEuler(v: vec3<f32>, u: f32, phi: f32, psi: f32) -> vec3<f32> {
  let cosTheta = 2.0 * u - 1.0;
  let sinTheta = 2.0 * sqrt(u * (1.0 - u));
  let x1 = cos(psi) * v.x - sin(psi) * v.y;
  let y1 = sin(psi) * v.x + cos(psi) * v.y;
  let z1 = v.z;
  let x2 = cosTheta * x1 + sinTheta * z1;
  let z2 = -sinTheta * x1 + cosTheta * z1;
  return vec3<f32>(cos(phi) * x2 - sin(phi) * y1, sin(phi) * x2 + cos(phi) * y1, z2);
}

// (cos(theta), sin(theta)), cos from the density (1 + a cos(theta))/2 by its inverse CDF, sin
// without 1 - cos^2 (cancels near the poles). Twin of linearCosSin in sampling.ts.
fn linearCosSin(a: f32, u: f32) -> vec2<f32> {
  let S = sqrt((1.0 - a) * (1.0 - a) + 4.0 * a * u);
  return vec2<f32>((4.0 * u - 2.0 + a) / (1.0 + S), 4.0 * sqrt(u * (1.0 - u)) / sqrt((1.0 + a + S) * (1.0 - a + S)));
}
