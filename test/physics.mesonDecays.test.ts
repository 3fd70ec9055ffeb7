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

  it('the shapes are not flat: omega\'s P wave vanishes where the pions are collinear, eta\'s density falls with the pi0 energy (a = -1.095 < 0)', () => {
    const omega = MESON_TO_PI_PI_X.omega;
    // At the top of m(pi+ pi-), X at rest and the pions back to back: |p+ x p-| = 0.
    const sTop = (omega.meson.mass - omega.neutral.mass) ** 2;
    const [lo] = dalitzRange12(omega.meson.mass, omega.neutral.mass, mPi, mPi, sTop);
    expect(Math.abs(matrixElementFromInvariants(omega, sTop, lo))).toBeLessThan(1e-12);
    const eta = MESON_TO_PI_PI_X.eta;
    const sLow = (2 * mPi) ** 2 * 1.01;
    const sHigh = (eta.meson.mass - eta.neutral.mass) ** 2 * 0.99;
    const mid = (s: number) => dalitzRange12(eta.meson.mass, eta.neutral.mass, mPi, mPi, s).reduce((x, y) => x + y) / 2;
    // Low m(pi+ pi-) is a fast pi0 (Y near +1): |M|^2 there is below the value at a slow pi0.
    expect(matrixElementFromInvariants(eta, sLow, mid(sLow))).toBeLessThan(matrixElementFromInvariants(eta, sHigh, mid(sHigh)));
  });
});
