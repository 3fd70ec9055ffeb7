// Three-body Dalitz kinematics of M -> 1 2 3 with particle 3 massless (K+ -> mu+ nu X,
// N -> l- l+ nu). Twin of src/processes/dalitzKinematics.ts. Four-vectors are (px, py, pz, E).

// Lower end and width of m12^2 - m1^2 (m12^2 = (p1 + p2)^2) at fixed m23^2 = (p2 + p3)^2,
// lambda1 = lambda(M^2, m23^2, m1^2) and above = m23^2 - m2^2 (particle 3 massless: b = above/(2 m23)) from the caller. Twin of m12Range in src/physics/kinematics.ts: the lower end
// m2^2 + 2[E2 m1^2/(E1 + a) + a m2^2/(E2 + b)] is a sum of positive terms, not
// (E1+E2)^2 - (a+b)^2, which loses 1e-4 in float32 at small m23.
fn m12Range(M: f32, m1: f32, m2: f32, m23sq: f32, lambda1: f32, above: f32) -> vec2<f32> {
  let m23 = sqrt(m23sq);
  let E2 = (m23sq + m2 * m2) / (2.0 * m23);
  let E1 = (M * M - m23sq - m1 * m1) / (2.0 * m23);
  let a = sqrt(max(0.0, lambda1)) / (2.0 * m23);
  let b = above / (2.0 * m23);
  return vec2<f32>(m2 * m2 + 2.0 * (E2 * m1 * m1 / (E1 + a) + a * m2 * m2 / (E2 + b)), 4.0 * a * b);
}

struct DalitzMomenta {
  p1: vec4<f32>,
  p3: vec4<f32>,
  p2: vec4<f32>,
}

// Particles 1, 3, 2 in the rest frame of M for m23^2 and m12^2 given by its distances fromLow
// and toHigh to the ends of its range. 2 and 3 are made in their rest frame at angle theta* to
// the axis, sin(theta*) from the distances to both limits (no cancellation near the boundary),
// then boosted along the axis; particle 1 moves along -z.
fn dalitzMomenta(m23sq: f32, lambda1: f32, fromLow: f32, toHigh: f32, M: f32, m1: f32, m2: f32, above: f32) -> DalitzMomenta {
  let m23 = sqrt(m23sq);
  let E2 = (m23sq + m2 * m2) / (2.0 * m23);
  let a = sqrt(max(0.0, lambda1)) / (2.0 * m23);
  let b = above / (2.0 * m23);
  let sinT = sqrt(max(0.0, toHigh * fromLow)) / (2.0 * a * b);
  let cosT = (toHigh - fromLow) / (toHigh + fromLow);
  let twoStar = vec4<f32>(b * sinT, 0.0, -b * cosT, E2);
  let threeStar = vec4<f32>(-b * sinT, 0.0, b * cosT, b);
  let Ep = (M * M + m1 * m1 - m23sq) / (2.0 * M);
  let pp = sqrt(max(0.0, lambda1)) / (2.0 * M);
  let system = vec4<f32>(0.0, 0.0, pp, M - Ep);
  return DalitzMomenta(vec4<f32>(0.0, 0.0, -pp, Ep), boost(threeStar, system, m23), boost(twoStar, system, m23));
}

// M -> 1 2 3 at rest (3 massless) from two uniforms, with the Jacobian (span of m23^2)(range of
// m12^2). Twin of dalitzPointAtRest.
struct DalitzPoint {
  p1: vec4<f32>,
  p2: vec4<f32>,
  p3: vec4<f32>,
  jacobian: f32,
}
fn dalitzPointAtRest(M: f32, m1: f32, m2: f32, t23: f32, t12: f32) -> DalitzPoint {
  let span23 = (M - m1) * (M - m1) - m2 * m2;
  let above = span23 * t23;
  let m23sq = m2 * m2 + above;
  let lambda1 = span23 * (1.0 - t23) * ((M + m1) * (M + m1) - m23sq);
  let width = m12Range(M, m1, m2, m23sq, lambda1, above).y;
  let r = dalitzMomenta(m23sq, lambda1, width * t12, width * (1.0 - t12), M, m1, m2, above);
  return DalitzPoint(r.p1, r.p2, r.p3, span23 * width);
}

// fromLow and toHigh of m12^2 - m1^2 = lower (upper/lower)^t, upper = lower + width. Twin of logPosition.
fn logPosition(lower: f32, width: f32, t: f32, oneMinusT: f32) -> vec2<f32> {
  let span = log1p(width / lower);
  return vec2<f32>(lower * expm1(t * span), (lower + width) * oneMinusExpNeg(oneMinusT * span));
}
