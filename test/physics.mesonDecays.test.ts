/**
 * Three-body decays of omega, eta and eta' to pi+ pi- X0 (src/physics/mesonDecays.ts): the
 * sequential generator threeBodyAtRest conserves four-momentum, and events weighted by
 * phaseSpace |M|^2 / norm follow |M|^2 over the Dalitz plot. The target densities are 2D
 * integrals over the Dalitz plot with |M|^2 written in invariants (not in the generated momenta):
 *   E+ = (M^2 + m^2 - m(X pi-)^2)/(2M), E- likewise, E_X = (M^2 + m_X^2 - m(pi+ pi-)^2)/(2M),
 *   p+.p- = (m(pi+ pi-)^2 - 2 m^2)/2,
 * omega: |p+ x p-|^2 = |p+|^2 |p-|^2 - (E+ E- - p+.p-)^2 (Gell-Mann, Sharp, Wagner 1962);
 * eta, eta': the Dalitz polynomial of KLOE-2 (arXiv:1601.06985) and BESIII (PRD 97 (2018) 012003).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { isotropicDirection } from '../src/engine/cpu/sampling.js';
import { integrate } from '../src/physics/integrate.js';
import { dalitzRange12, minkowski, threeBodyAtRest } from '../src/physics/kinematics.js';
import { MESON_TO_PI_PI_X, mesonThreeBodyMatrixElement, mesonThreeBodyNorm, type MesonToPiPiX } from '../src/physics/mesonDecays.js';
import { PARTICLES } from '../src/physics/particles.js';

const mPi = PARTICLES.pi.mass;

/** |M|^2 from the invariants s = m(pi+ pi-)^2 and sm = m(X pi-)^2, independently of threeBodyAtRest. */
function matrixElementFromInvariants(decay: MesonToPiPiX, s: number, sm: number): number {
  const M = decay.meson.mass;
  const mX = decay.neutral.mass;
  const sp = M * M + mX * mX + 2 * mPi * mPi - s - sm; // m(X pi+)^2
  const ePlus = (M * M + mPi * mPi - sm) / (2 * M);
  const eMinus = (M * M + mPi * mPi - sp) / (2 * M);
  const eX = (M * M + mX * mX - s) / (2 * M);
  if (decay.shape.pWave) {
    const dot3 = ePlus * eMinus - (s - 2 * mPi * mPi) / 2;
    return (ePlus ** 2 - mPi ** 2) * (eMinus ** 2 - mPi ** 2) - dot3 * dot3;
  }
  const { kappa, a, b, d, f, g } = decay.shape;
  const Q = M - mX - 2 * mPi;
  const X = (Math.sqrt(3) * (ePlus - eMinus)) / Q;
  const Y = (kappa * (eX - mX)) / Q - 1;
  return 1 + a * Y + b * Y * Y + d * X * X + f * Y ** 3 + g * X * X * Y;
}

/** Integral of |M|^2 over the Dalitz plot with s in [s0, s1] and sm in [u0, u1]. */
function dalitzIntegral(decay: MesonToPiPiX, s0: number, s1: number, u0 = 0, u1 = Infinity): number {
  const M = decay.meson.mass;
  return integrate((s) => {
    const [lo, hi] = dalitzRange12(M, decay.neutral.mass, mPi, mPi, s);
    return integrate((sm) => matrixElementFromInvariants(decay, s, sm), Math.max(lo, u0), Math.min(hi, u1), 8);
  }, s0, s1, 32);
}

describe('threeBodyAtRest (src/physics/kinematics.ts)', () => {
  it('conserves four-momentum, puts all three on shell and m23^2 where t asks, to 1e-12', () => {
    const rng = seedrandom('three-body-at-rest');
    const [M, m1, m2, m3] = [0.95778, 0.547862, 0.13957039, 0.1349768];
    for (let k = 0; k < 1000; k++) {
      const t = rng();
      const r = threeBodyAtRest(M, m1, m2, m3, t, isotropicDirection(rng(), rng()), isotropicDirection(rng(), rng()));
      const sum = [0, 1, 2, 3].map((i) => r.p1[i] + r.p2[i] + r.p3[i]);
      expect(Math.hypot(sum[0], sum[1], sum[2])).toBeLessThan(1e-12);
      expect(Math.abs(sum[3] - M)).toBeLessThan(1e-12);
      expect(Math.abs(minkowski(r.p1, r.p1) - m1 * m1)).toBeLessThan(1e-12);
      expect(Math.abs(minkowski(r.p2, r.p2) - m2 * m2)).toBeLessThan(1e-12);
      expect(Math.abs(minkowski(r.p3, r.p3) - m3 * m3)).toBeLessThan(1e-12);
      const pair = [0, 1, 2, 3].map((i) => r.p2[i] + r.p3[i]);
      expect(Math.abs(minkowski(pair, pair) - ((m2 + m3) ** 2 + t * ((M - m1) ** 2 - (m2 + m3) ** 2)))).toBeLessThan(1e-12);
    }
  });
});

describe('omega, eta, eta\' -> pi+ pi- X0: weighted events follow |M|^2 over the Dalitz plot', () => {
  const N = 200_000;
  const BINS = 10;
  it.each([
    ['omega -> pi+ pi- pi0', MESON_TO_PI_PI_X.omega],
    ['eta -> pi+ pi- pi0', MESON_TO_PI_PI_X.eta],
    ["eta' -> pi+ pi- eta", MESON_TO_PI_PI_X.etaPrime],
  ] as const)('%s: m(pi+ pi-)^2 and m(X pi-)^2 projections (10 bins) match the Dalitz integrals within 4 sigma per bin; mean weight 1 within 4 sigma', (_label, decay) => {
    const M = decay.meson.mass;
    const mX = decay.neutral.mass;
    const norm = mesonThreeBodyNorm(decay);
    const rng = seedrandom(decay.meson.name);
    const sRange = [(2 * mPi) ** 2, (M - mX) ** 2];
    const uRange = [(mX + mPi) ** 2, (M - mPi) ** 2];
    const projections = [sRange, uRange].map(() => ({ w: new Float64Array(BINS), w2: new Float64Array(BINS) }));
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < N; i++) {
      const r = threeBodyAtRest(M, mX, mPi, mPi, rng(), isotropicDirection(rng(), rng()), isotropicDirection(rng(), rng()));
      const w = (r.phaseSpace * mesonThreeBodyMatrixElement(decay.shape, M, r.p1, r.p2, r.p3, mX, mPi)) / norm;
      sum += w;
      sum2 += w * w;
      const pair = [0, 1, 2, 3].map((k) => r.p2[k] + r.p3[k]);
      const xMinus = [0, 1, 2, 3].map((k) => r.p1[k] + r.p2[k]);
      [minkowski(pair, pair), minkowski(xMinus, xMinus)].forEach((x, j) => {
        const [lo, hi] = j === 0 ? sRange : uRange;
        const b = Math.min(BINS - 1, Math.floor(((x - lo) / (hi - lo)) * BINS));
        projections[j].w[b] += w;
        projections[j].w2[b] += w * w;
      });
    }
    const mean = sum / N;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt((sum2 / N - mean * mean) / N));
    const total = dalitzIntegral(decay, sRange[0], sRange[1]);
    for (let j = 0; j < 2; j++) {
      const [lo, hi] = j === 0 ? sRange : uRange;
      for (let b = 0; b < BINS; b++) {
        const [a, c] = [lo + ((hi - lo) * b) / BINS, lo + ((hi - lo) * (b + 1)) / BINS];
        const expected = (j === 0 ? dalitzIntegral(decay, a, c) : dalitzIntegral(decay, sRange[0], sRange[1], a, c)) / total;
        const got = projections[j].w[b] / sum;
        expect(Math.abs(got - expected), `projection ${j}, bin ${b}: ${got} vs ${expected}`).toBeLessThan(4 * (Math.sqrt(projections[j].w2[b]) / sum) + 1e-4);
      }
    }
  });

  it("the code's |M|^2 at two points of its own kinematics: omega's P wave vanishes with the pions back to back (m(pi+ pi-) at its top, t = 1); eta's polynomial is 1 at the Dalitz-plot centre (X = Y = 0: T+ = T-, T0 = Q/3)", () => {
    const omega = MESON_TO_PI_PI_X.omega;
    const [Mw, mXw] = [omega.meson.mass, omega.neutral.mass];
    const top = threeBodyAtRest(Mw, mXw, mPi, mPi, 1, [0, 0, 1], [1, 0, 0]);
    expect(mesonThreeBodyMatrixElement(omega.shape, Mw, top.p1, top.p2, top.p3, mXw, mPi)).toBeLessThan(1e-20);
    const mid = threeBodyAtRest(Mw, mXw, mPi, mPi, 0.5, [0, 0, 1], [1, 0, 0]);
    expect(mesonThreeBodyMatrixElement(omega.shape, Mw, mid.p1, mid.p2, mid.p3, mXw, mPi)).toBeGreaterThan(1e-4);
    // eta: T0 = Q/3 fixes m(pi+ pi-)^2 = M^2 + m0^2 - 2 M E0; pi- perpendicular to the pi0 in the pair frame makes T+ = T-.
    const eta = MESON_TO_PI_PI_X.eta;
    const [M, m0] = [eta.meson.mass, eta.neutral.mass];
    const E0 = m0 + (M - m0 - 2 * mPi) / 3;
    const s = M * M + m0 * m0 - 2 * M * E0;
    const t = (s - 4 * mPi * mPi) / ((M - m0) ** 2 - 4 * mPi * mPi);
    const centre = threeBodyAtRest(M, m0, mPi, mPi, t, [0, 0, 1], [1, 0, 0]);
    expect(Math.abs(centre.p2[3] - centre.p3[3])).toBeLessThan(1e-15);
    expect(Math.abs(mesonThreeBodyMatrixElement(eta.shape, M, centre.p1, centre.p2, centre.p3, m0, mPi) - 1)).toBeLessThan(1e-12);
  });
});
