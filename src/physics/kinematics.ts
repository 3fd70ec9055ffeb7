/**
 * Relativistic kinematics in float64 (energies, momenta, masses in GeV): the host-side
 * formulas the planner uses and the CPU sampler shares with its WGSL twin (boost in
 * shaders/sampling.wgsl).
 */

/** Minkowski product of (px, py, pz, E) four-vectors, metric (+,-,-,-). */
export function minkowski(a: readonly number[], b: readonly number[]): number {
  return a[3] * b[3] - a[0] * b[0] - a[1] * b[1] - a[2] * b[2];
}

/** The cross product of the spatial parts of a and b (four-vectors (px, py, pz, E) or 3-vectors). */
export function cross(a: readonly number[], b: readonly number[]): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Kallen function lambda(a,b,c) = a^2 + b^2 + c^2 - 2ab - 2bc - 2ca. */
export function kallen(a: number, b: number, c: number): number {
  return a * a + b * b + c * c - 2 * a * b - 2 * b * c - 2 * c * a;
}

/**
 * Momentum of either daughter in the rest frame of a parent of mass M decaying to masses
 * m1, m2: p* = sqrt(lambda(M^2, m1^2, m2^2)) / (2M). Returns NaN below threshold.
 */
export function twoBodyMomentum(M: number, m1: number, m2: number): number {
  if (M < m1 + m2) return NaN;
  return Math.sqrt(Math.max(0, kallen(M * M, m1 * m1, m2 * m2))) / (2 * M);
}

/** M -> m1 m2 in M's rest frame: the common momentum p and the daughters' energies e1, e2. */
export function twoBodyRestFrame(M: number, m1: number, m2: number): { p: number; e1: number; e2: number } {
  const p = twoBodyMomentum(M, m1, m2);
  return { p, e1: Math.hypot(p, m1), e2: Math.hypot(p, m2) };
}

/** A four-vector (px, py, pz, E) in GeV, or a position (x, y, z) in metres with t unused. */
export type Vec4 = [number, number, number, number];

/**
 * Lorentz boost of the four-vector p from the rest frame of a particle with four-momentum
 * `parent` (mass `mass`) into the frame where the parent has that four-momentum.
 */
export function boost(p: Vec4, parent: Vec4, mass: number): Vec4 {
  const bx = parent[0] / parent[3];
  const by = parent[1] / parent[3];
  const bz = parent[2] / parent[3];
  const gamma = parent[3] / mass;
  const bp = bx * p[0] + by * p[1] + bz * p[2];
  // gamma^2/(1+gamma) written so that it stays exact when beta -> 0.
  const k = (gamma * gamma) / (1 + gamma);
  const c = k * bp + gamma * p[3];
  return [p[0] + c * bx, p[1] + c * by, p[2] + c * bz, gamma * (p[3] + bp)];
}

/**
 * M -> 1 (2 3) at rest, sequentially: m23^2 = (m2 + m3)^2 + t [(M - m1)^2 - (m2 + m3)^2],
 * particle 1 along dir1, particle 2 along dir2 in the rest frame of (23). For t uniform and
 * both directions isotropic the phase-space density relative to that sampling is
 * phaseSpace = (2 p1/M)(2 q/m23) (p1 in the frame of M, q in that of 23: dPhi_3 ~ p1 q/(M m23) dm23^2
 * dOmega1 dOmega2), at most 1. The Kallen functions are written as products of the distances to
 * the ends of the m23^2 range, exact at both ends. The samplers' twin is threeBodyAtRest in shaders/sampling.wgsl.
 */
export function threeBodyAtRest(M: number, m1: number, m2: number, m3: number, t: number, dir1: readonly number[], dir2: readonly number[]): { p1: Vec4; p2: Vec4; p3: Vec4; phaseSpace: number } {
  const span = (M - m1) ** 2 - (m2 + m3) ** 2;
  const above = span * t; // m23^2 - (m2 + m3)^2
  const m23sq = (m2 + m3) ** 2 + above;
  const m23 = Math.sqrt(m23sq);
  const p1Star = Math.sqrt(span * (1 - t) * ((M + m1) ** 2 - m23sq)) / (2 * M);
  const q = Math.sqrt(above * (above + 4 * m2 * m3)) / (2 * m23);
  const e1 = (M * M + m1 * m1 - m23sq) / (2 * M);
  const p1: Vec4 = [p1Star * dir1[0], p1Star * dir1[1], p1Star * dir1[2], e1];
  // The 23 system moves along -dir1 with momentum p1Star and energy M - e1.
  const pair: Vec4 = [-p1[0], -p1[1], -p1[2], M - e1];
  const e2 = (m23sq + m2 * m2 - m3 * m3) / (2 * m23);
  const p2 = boost([q * dir2[0], q * dir2[1], q * dir2[2], e2], pair, m23);
  const p3 = boost([-q * dir2[0], -q * dir2[1], -q * dir2[2], m23 - e2], pair, m23);
  return { p1, p2, p3, phaseSpace: ((2 * p1Star) / M) * ((2 * q) / m23) };
}

/**
 * The lower end and the width of m12^2 - m1^2 (m12^2 = (p1 + p2)^2) at fixed m23^2 = (p2 + p3)^2,
 * lambda1 = lambda(M^2, m23^2, m1^2) and above = m23^2 - m2^2 from the caller (their best-conditioned
 * forms); particle 3 massless; null outside
 * the Dalitz plot. The lower end m2^2 + 2[E2 m1^2/(E1 + a) + a m2^2/(E2 + b)] is a sum of positive
 * terms, not (E1 + E2)^2 - (a + b)^2, which loses 1e-4 in float32 at small m23.
 */
export function m12Range(M: number, m1: number, m2: number, m23sq: number, lambda1: number, above = m23sq - m2 * m2): [number, number] | null {
  const m23 = Math.sqrt(m23sq);
  const E2 = (m23sq + m2 * m2) / (2 * m23); // particle 2 in the (2 3) rest frame
  const E1 = (M * M - m23sq - m1 * m1) / (2 * m23); // particle 1 in the same frame
  if (E1 < m1 || above < 0 || lambda1 < 0) return null;
  const a = Math.sqrt(lambda1) / (2 * m23);
  // b = sqrt(E2^2 - m2^2) = (m23^2 - m2^2)/(2 m23) as particle 3 is massless; `above` =
  // m23^2 - m2^2 from the caller keeps it exact near m23 = m2.
  const b = above / (2 * m23);
  return [m2 * m2 + 2 * ((E2 * m1 * m1) / (E1 + a) + (a * m2 * m2) / (E2 + b)), 4 * a * b];
}

/** The range of s12 = (p1 + p2)^2 at fixed s23 = (p2 + p3)^2 in a decay M -> 1 2 3 (PDG kinematics section). */
export function dalitzRange12(M: number, m1: number, m2: number, m3: number, s23: number): [number, number] {
  const m23 = Math.sqrt(s23);
  const E2 = (s23 - m3 * m3 + m2 * m2) / (2 * m23);
  const E1 = (M * M - s23 - m1 * m1) / (2 * m23);
  const p1 = Math.sqrt(Math.max(0, E1 * E1 - m1 * m1));
  const p2 = Math.sqrt(Math.max(0, E2 * E2 - m2 * m2));
  return [(E1 + E2) ** 2 - (p1 + p2) ** 2, (E1 + E2) ** 2 - (p1 - p2) ** 2];
}
