/**
 * Relativistic kinematics in float64 (energies, momenta, masses in GeV): the host-side
 * formulas the planner uses and the CPU sampler shares with its WGSL twin (boost in
 * shaders/sampling.wgsl).
 */

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

