/**
 * Three-body decays of the light neutral mesons an HNL decays to, into two charged pions and a
 * neutral meson (the STRAW spectrometer sees the pions): omega -> pi+ pi- pi0,
 * eta -> pi+ pi- pi0, eta' -> pi+ pi- eta. Branching ratios and Dalitz parameters are in
 * src/physics/constants.ts with their sources.
 *
 * Particle order everywhere: 1 = the neutral meson, 2 = pi-, 3 = pi+ (the pion pair is "23").
 * Spin-averaged |M|^2 in the decaying meson's rest frame (arbitrary normalisation):
 *  - omega (J^PC = 1--): the P-wave |p+ x p-|^2, the only Lorentz structure of a vector to three
 *    pseudoscalars, eps_{mu nu rho sigma} e^mu p+^nu p-^rho p0^sigma (Gell-Mann, Sharp and
 *    Wagner, PRL 8 (1962) 261); the measured Dalitz-plot slope (of order 10%, from the rho
 *    propagators) is not included.
 *  - eta, eta' (0-+): 1 + aY + bY^2 + dX^2 + fY^3 + gX^2Y with X = sqrt(3)(T+ - T-)/Q,
 *    Y = kappa T1/Q - 1, T the kinetic energies, Q = M - m1 - m2 - m3; kappa = 3 for
 *    eta -> 3 pi (KLOE's definition), (m_eta + 2 m_pi)/m_pi for eta' -> eta pi pi (PDG's).
 */
import { BR_TO_PI_PI_X, DALITZ_PARAMETERS } from './constants.js';
import { integrate } from './integrate.js';
import { cross, threeBodyAtRest, type Vec4 } from './kinematics.js';
import { type Particle, PARTICLES } from './particles.js';

/** The shape of |M|^2: the P wave of a vector, or the Dalitz polynomial of a pseudoscalar. */
export interface DalitzShape {
  readonly pWave: boolean;
  readonly kappa: number;
  readonly a: number;
  readonly b: number;
  readonly d: number;
  readonly f: number;
  readonly g: number;
}

export interface MesonToPiPiX {
  readonly meson: Particle;
  /** The neutral third particle (particle 1). */
  readonly neutral: Particle;
  readonly br: number;
  readonly shape: DalitzShape;
}

const P_WAVE: DalitzShape = { pWave: true, kappa: 0, a: 0, b: 0, d: 0, f: 0, g: 0 };

export const MESON_TO_PI_PI_X = {
  omega: { meson: PARTICLES.omega, neutral: PARTICLES.pi0, br: BR_TO_PI_PI_X.omega, shape: P_WAVE },
  eta: { meson: PARTICLES.eta, neutral: PARTICLES.pi0, br: BR_TO_PI_PI_X.eta, shape: { pWave: false, kappa: 3, ...DALITZ_PARAMETERS.eta } },
  etaPrime: {
    meson: PARTICLES.etaPrime, neutral: PARTICLES.eta, br: BR_TO_PI_PI_X.etaPrime,
    shape: { pWave: false, kappa: (PARTICLES.eta.mass + 2 * PARTICLES.pi.mass) / PARTICLES.pi.mass, ...DALITZ_PARAMETERS.etaPrime },
  },
} as const satisfies Record<string, MesonToPiPiX>;

/**
 * |M|^2 at rest-frame momenta p1 (neutral, mass m1), p2 (pi-), p3 (pi+) (mass m2 each) of a
 * meson of mass M. Twin of mesonThreeBodyMatrixElement in shaders/na62_dump_hnl.wgsl.
 */
export function mesonThreeBodyMatrixElement(shape: DalitzShape, M: number, p1: Vec4, p2: Vec4, p3: Vec4, m1: number, m2: number): number {
  if (shape.pWave) {
    const [cx, cy, cz] = cross(p3, p2);
    return cx * cx + cy * cy + cz * cz;
  }
  const Q = M - m1 - 2 * m2;
  const X = (Math.sqrt(3) * (p3[3] - p2[3])) / Q;
  const Y = (shape.kappa * (p1[3] - m1)) / Q - 1;
  return 1 + Y * (shape.a + Y * (shape.b + shape.f * Y)) + X * X * (shape.d + shape.g * Y);
}

/**
 * The mean of phaseSpace x |M|^2 over t uniform and isotropic directions: an event's weight
 * phaseSpace |M|^2 / norm then has mean 1 and the weighted events follow |M|^2 over the Dalitz
 * plot. |M|^2 depends only on the angle between dir1 and dir2, so one angle is integrated.
 */
export function mesonThreeBodyNorm(decay: MesonToPiPiX): number {
  let norm = NORMS.get(decay);
  if (norm === undefined) NORMS.set(decay, (norm = integrateNorm(decay)));
  return norm;
}

/** Each decay's norm, computed once (a scan plans every mass; the norm depends on no model input). */
const NORMS = new Map<MesonToPiPiX, number>();

function integrateNorm(decay: MesonToPiPiX): number {
  const M = decay.meson.mass;
  const m1 = decay.neutral.mass;
  const m2 = PARTICLES.pi.mass;
  return integrate((t) => integrate((c) => {
    const s = Math.sqrt(Math.max(0, 1 - c * c));
    const r = threeBodyAtRest(M, m1, m2, m2, t, [0, 0, 1], [s, 0, c]);
    return 0.5 * r.phaseSpace * mesonThreeBodyMatrixElement(decay.shape, M, r.p1, r.p2, r.p3, m1, m2);
  }, -1, 1, 8), 0, 1, 16);
}
