/**
 * Muon bremsstrahlung of a muon-philic mediator, mu A -> mu A X, in the exact
 * Weizsacker-Williams form of the DMG4 paper (Bondi et al., arXiv:2101.12192, eqs. 16-17;
 * PHYSICS.md section 2), x = E_X/E_mu and theta the angle of X:
 *   dsigma/dx dtheta = 2 (g^2/4pi) alpha^2 sqrt(x^2 E^2 - m^2) E (1-x) chi(t_min, t_max)/u^2 |A|^2 sin(theta),
 *   u = -x E^2 theta^2 - m^2 (1-x)/x - m_mu^2 x, t_min = u^2/(4E^2(1-x)^2), t_max = E^2,
 *   |A|^2_V = 2(2 - 2x + x^2)/(1-x) + 4(m^2 + 2m_mu^2)(u x + m^2(1-x) + m_mu^2 x^2)/u^2,
 *   |A|^2_S = x^2/(1-x) + 2(m^2 - 4m_mu^2)(u x + m^2(1-x) + m_mu^2 x^2)/u^2,
 *   chi = Int_{t_min}^{t_max} dt (t - t_min)/t^2 G2(t), with the elastic (atomic screening,
 *   nuclear size) and inelastic form factors of G2 in PHYSICS.md section 2.
 */
import { ALPHA, AVOGADRO, GEV_M2_TO_CM2, PROTON_MAGNETIC_MOMENT } from '../constants.js';
import { integrate } from '../integrate.js';
import { PARTICLES } from '../particles.js';
import type { Material } from '../materials.js';
import type { MediatorKind } from './model.js';

const M_MU = PARTICLES.mu.mass;
const M_E = PARTICLES.e.mass;
const M_P = PARTICLES.p.mass;
const MU_P = PROTON_MAGNETIC_MOMENT;

/** G2(t): elastic (screened, finite nucleus) plus inelastic form factor squared, t in GeV^2. */
export function formFactorG2(t: number, mat: Material): number {
  const a = (111 * mat.Z ** (-1 / 3)) / M_E;
  const ap = (773 * mat.Z ** (-2 / 3)) / M_E;
  const d = 0.164 * mat.A ** (-2 / 3);
  const elastic = mat.Z ** 2 * ((a * a * t) / (1 + a * a * t)) ** 2 * (1 / (1 + t / d)) ** 2;
  const inelastic = mat.Z * ((ap * ap * t) / (1 + ap * ap * t)) ** 2 * (1 + t / 0.71) ** -4 * (1 + (t * (MU_P * MU_P - 1)) / (4 * M_P * M_P));
  return elastic + inelastic;
}

/** chi = Int_{tmin}^{tmax} (t - tmin)/t^2 G2(t) dt, integrated in ln t (sharply peaked near tmin). */
export function chiIntegral(tmin: number, tmax: number, mat: Material): number {
  if (!(tmax > tmin)) return 0;
  return integrate((lt) => {
    const t = Math.exp(lt);
    return ((t - tmin) / t) * formFactorG2(t, mat);
  }, Math.log(tmin), Math.log(tmax), 48);
}

/**
 * chi as a function of t_min for fixed t_max and material, tabulated on a ln t_min grid and
 * interpolated linearly in ln chi: chi is smooth in ln t_min, and the double integral over
 * (x, theta) then costs one interpolation per point instead of one integral.
 */
export class ChiTable {
  private readonly lnT0: number;
  private readonly step: number;
  private readonly lnChi: Float64Array;

  constructor(
    private readonly tmax: number,
    mat: Material,
    tminLow = 1e-24,
    points = 400,
  ) {
    this.lnT0 = Math.log(tminLow);
    this.step = (Math.log(tmax) - this.lnT0) / (points - 1);
    this.lnChi = new Float64Array(points);
    for (let k = 0; k < points; k++) this.lnChi[k] = Math.log(Math.max(chiIntegral(Math.exp(this.lnT0 + k * this.step), tmax, mat), 1e-300));
  }

  /** The table itself, for the GPU sampler: ln chi at ln t_min = lnT0 + k step. */
  packed(): { lnT0: number; step: number; lnChi: number[] } {
    return { lnT0: this.lnT0, step: this.step, lnChi: [...this.lnChi] };
  }

  at(tmin: number): number {
    return tmin < this.tmax ? chiFromTable(this.lnT0, this.step, this.lnChi, tmin) : 0;
  }
}

/**
 * chi at t_min from a packed table (ChiTable.packed): linear in ln chi against ln t_min, clamped
 * at the table's ends. The CPU sampler's lookup; its WGSL twin is chiFromTable in muon_target_zprime.wgsl.
 */
export function chiFromTable(lnT0: number, step: number, lnChi: ArrayLike<number>, tmin: number): number {
  const f = Math.min(lnChi.length - 1, Math.max(0, (Math.log(tmin) - lnT0) / step));
  const k = Math.min(lnChi.length - 2, Math.floor(f));
  const w = f - k;
  return Math.exp(lnChi[k] * (1 - w) + lnChi[k + 1] * w);
}

const chiTables = new Map<string, ChiTable>();
function chiTableFor(E: number, mat: Material): ChiTable {
  const key = `${mat.name}/${E}`;
  let t = chiTables.get(key);
  if (!t) chiTables.set(key, (t = new ChiTable(E * E, mat)));
  return t;
}

export interface BremPoint {
  readonly kind: MediatorKind;
  /** Mediator mass (GeV), coupling, muon energy (GeV). */
  readonly m: number;
  readonly g: number;
  readonly E: number;
  readonly material: Material;
  /** Replace g^2/4pi by this coupling (alpha for the photon check); default g^2/4pi. */
  readonly couplingOver4pi?: number;
}

/**
 * The characteristic angle squared: u = -x E^2 (theta^2 + thetaC^2),
 * thetaC^2 = (m^2 (1-x)/x + m_mu^2 x)/(x E^2).
 */
export function bremThetaC2(m: number, E: number, x: number, oneMinusX = 1 - x): number {
  return ((m * m * oneMinusX) / x + M_MU * M_MU * x) / (x * E * E);
}

/**
 * dsigma/dx dtheta in GeV^-2 per nucleus for a given chi (the samplers take chi from a table):
 * u x + m^2 (1-x) + m_mu^2 x^2 = -x^2 E^2 theta^2 exactly, so the |A|^2 bracket is computed
 * as -x^2 E^2 theta^2/u^2 (no cancellation in float32); 1 - x, X's momentum
 * pX = sqrt(x^2 E^2 - m^2) and tc2 = bremThetaC2 are given by the caller (a sampler knows the
 * first two better than the differences: 1 - x near x = 1, xE - m near threshold; it has tc2 already).
 */
export function bremDsigmaWithChi(kind: MediatorKind, couplingOver4pi: number, m: number, E: number, x: number, oneMinusX: number, pX: number, theta: number, tc2: number, chi: number): number {
  const u = -x * E * E * (theta * theta + tc2);
  const common = (-x * x * E * E * theta * theta) / (u * u);
  const A2 =
    kind === 'vector'
      ? (2 * (1 + oneMinusX * oneMinusX)) / oneMinusX + 4 * (m * m + 2 * M_MU * M_MU) * common
      : (x * x) / oneMinusX + 2 * (m * m - 4 * M_MU * M_MU) * common;
  return ((2 * couplingOver4pi * ALPHA * ALPHA * pX * E * oneMinusX * chi) / (u * u)) * A2 * Math.sin(theta);
}

/** t_min = u^2/(4 E^2 (1-x)^2) of the exact-WW formula, tc2 = bremThetaC2. */
export function bremTmin(E: number, x: number, oneMinusX: number, theta: number, tc2: number): number {
  const u = -x * E * E * (theta * theta + tc2);
  return (u * u) / (4 * E * E * oneMinusX * oneMinusX);
}

/** dsigma/dx dtheta in GeV^-2 per nucleus. */
export function bremDsigmaDxDtheta(p: BremPoint, x: number, theta: number): number {
  const { m, E } = p;
  if (x <= 0 || x >= 1 || x * E <= m) return 0;
  const tc2 = bremThetaC2(m, E, x);
  const chi = chiTableFor(E, p.material).at(bremTmin(E, x, 1 - x, theta, tc2));
  return bremDsigmaWithChi(p.kind, p.couplingOver4pi ?? (p.g * p.g) / (4 * Math.PI), m, E, x, 1 - x, Math.sqrt((x * E - m) * (x * E + m)), theta, tc2, chi);
}

/** dsigma/dx in GeV^-2: the angle integrated in ln(theta) from far below the characteristic angle to pi. */
export function bremDsigmaDx(p: BremPoint, x: number): number {
  const thetaC = Math.sqrt(bremThetaC2(p.m, p.E, x));
  const lo = Math.log(1e-4 * thetaC);
  const hi = Math.log(Math.PI);
  return integrate((lt) => {
    const th = Math.exp(lt);
    return bremDsigmaDxDtheta(p, x, th) * th;
  }, lo, hi, 48);
}

/** The x range: the mediator needs E_X > m, the muon keeps at least its mass. */
export function xRange(p: BremPoint): [number, number] {
  return [Math.max(p.m / p.E, 1e-6), 1 - M_MU / p.E];
}

/** Total cross-section in cm^2 per nucleus, and the fraction of it with x above `xCut`. */
export function bremSigma(p: BremPoint, xCut = 0.4): { sigma_cm2: number; fractionAbove: number } {
  const [lo, hi] = xRange(p);
  // ln x spacing: the spectrum rises steeply at small x for light mediators.
  const f = (lx: number) => bremDsigmaDx(p, Math.exp(lx)) * Math.exp(lx);
  const total = integrate(f, Math.log(lo), Math.log(hi), 32);
  const above = xCut > lo ? integrate(f, Math.log(Math.max(xCut, lo)), Math.log(hi), 24) : total;
  return { sigma_cm2: total * GEV_M2_TO_CM2, fractionAbove: above / total };
}

/**
 * Energy-loss coefficient b = (N_A/A_molar) Int x dsigma/dx dx in cm^2/g (so that
 * -dE/dX = b E). With the coupling set to alpha and m -> 0 it is the muon's photon
 * bremsstrahlung loss of the standard tables: the check of the whole machinery (PHYSICS.md 2).
 */
export function bremEnergyLoss(p: BremPoint): number {
  const [lo, hi] = xRange(p);
  const I = integrate((lx) => {
    const x = Math.exp(lx);
    return x * x * bremDsigmaDx(p, x);
  }, Math.log(lo), Math.log(hi), 32);
  return (AVOGADRO / p.material.molarMass) * I * GEV_M2_TO_CM2;
}
