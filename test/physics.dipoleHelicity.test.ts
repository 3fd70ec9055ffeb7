/**
 * The helicity of N in Primakoff upscattering (src/physics/dipole.ts): the closed-form pieces
 * against an independent evaluation with explicit Dirac matrices and helicity projectors,
 *   |A_h|^2 = Tr[(pslash_N + m)(1 + g5 sslash_h)/2  G  P_L pslash_nu P_R  Gbar],
 *   G = sigma^{ab} q_a J_b, q = p_nu - p_N, J = P + P' (spin-0 nucleus), s_h = h (|p|, E phat)/m,
 *   dsigma_h/dE_R = alpha Z^2 mu^2 |A_h|^2/(8 q^4 M E^2)   (|M|^2/(32 pi M E^2), (mu Z e)^2 = 4 pi alpha Z^2 mu^2),
 * for a neutrino; the reactor antineutrino's pieces are those with h -> -h (CP).
 */
import { describe, expect, it } from 'vitest';
import { ALPHA } from '../src/physics/constants.js';
import { add, bar, G5, I4, mul, PL, PR, scale, slash, traceRe, type V4 } from '../src/physics/dirac.js';
import { BOHR_MAGNETON_PER_GEV, primakoffDsigmaDER, primakoffDsigmaDERByHelicity, primakoffSigmaByHelicity, primakoffSigmaPointlike, recoilWindow } from '../src/physics/dipole.js';
import { targetByName } from '../src/physics/nuclei.js';

/** dsigma_h/dE_R for a neutrino (h = N's helicity), by projectors, GeV^-3, mu in Bohr magnetons, F = 1. */
function projectorPiece(E: number, ER: number, m: number, M: number, Z: number, muBohr: number, h: 1 | -1): number {
  const eN = E - ER;
  const pN = Math.sqrt(eN * eN - m * m);
  const cos = (2 * E * eN - m * m - 2 * M * ER) / (2 * E * pN);
  const sin = Math.sqrt(1 - cos * cos);
  const pnu: V4 = [E, 0, 0, E];
  const pn: V4 = [eN, pN * sin, 0, pN * cos];
  const Pin: V4 = [M, 0, 0, 0];
  const Pout: V4 = [M + ER, -pn[1], 0, E - pn[3]];
  const q: V4 = [E - eN, -pn[1], 0, E - pn[3]];
  const J: V4 = [Pin[0] + Pout[0], Pin[1] + Pout[1], Pin[2] + Pout[2], Pin[3] + Pout[3]];
  // sigma^{ab} q_a J_b = (i/2)[qslash, Jslash]; the i drops out of |A|^2.
  const G = scale(add(mul(slash(q), slash(J)), mul(slash(J), slash(q)), -1), 0.5);
  const s: V4 = [(h * pN) / m, (h * eN * sin) / m, 0, (h * eN * cos) / m];
  const spinProjector = scale(mul(add(slash(pn), scale(I4, m)), add(I4, mul(G5, slash(s)))), 0.5);
  const a2 = traceRe(mul(mul(mul(mul(spinProjector, G), PL), mul(slash(pnu), PR)), bar(G)));
  const q2 = q[0] ** 2 - q[1] ** 2 - q[3] ** 2;
  const mu = muBohr * BOHR_MAGNETON_PER_GEV;
  return (ALPHA * Z * Z * mu * mu * a2) / (8 * q2 * q2 * M * E * E);
}

describe('Primakoff upscattering by N helicity (lab frame)', () => {
  const cases = [
    { label: 'Ge-73-like nucleus, E = 3 MeV, m_N = 1 MeV', E: 3e-3, m: 1e-3, M: 67.93, Z: 32 },
    { label: 'light nucleus (M = 5 GeV), E = 10 MeV, m_N = 6 MeV', E: 10e-3, m: 6e-3, M: 5, Z: 3 },
    { label: 'O-16-like, E = 8 MeV, m_N = 0.3 MeV', E: 8e-3, m: 0.3e-3, M: 14.9, Z: 8 },
  ];
  for (const c of cases) {
    it(`${c.label}: the closed-form pieces equal the projector evaluation, and sum to PHYSICS.md's formula`, () => {
      const [lo, hi] = recoilWindow(c.E, c.m, c.M)!;
      for (const t of [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]) {
        const ER = lo * (hi / lo) ** t;
        const [majority, minority] = primakoffDsigmaDERByHelicity(c.E, ER, c.m, 1e-7, c.Z, c.M);
        // The reactor antineutrino's majority (h = -1) is the neutrino's h = +1 piece.
        const plus = projectorPiece(c.E, ER, c.m, c.M, c.Z, 1e-7, 1);
        const minus = projectorPiece(c.E, ER, c.m, c.M, c.Z, 1e-7, -1);
        const total = primakoffDsigmaDER(c.E, ER, c.m, 1e-7, c.Z, c.M);
        expect(Math.abs(majority / plus - 1), `majority at t=${t}`).toBeLessThan(1e-6);
        expect(Math.abs(minority - minus) / total, `minority at t=${t}`).toBeLessThan(1e-6);
        expect(Math.abs((plus + minus) / total - 1), `sum at t=${t}`).toBeLessThan(1e-6);
      }
    });
  }

  it('the minority helicity vanishes at E_R+ (N backward) and the majority at E_R- (N forward), both by angular momentum along the beam', () => {
    const { E, m, M, Z } = cases[0];
    const [lo, hi] = recoilWindow(E, m, M)!;
    // Each vanishing piece goes linearly with the distance to its edge.
    const ratioNearHi = (d: number) => {
      const [a, b] = primakoffDsigmaDERByHelicity(E, hi * (1 - d), m, 1e-7, Z, M);
      return b / a;
    };
    const ratioNearLo = (d: number) => {
      const [a, b] = primakoffDsigmaDERByHelicity(E, lo * (1 + d), m, 1e-7, Z, M);
      return a / b;
    };
    // At E_R- itself the cross-section is all minority (not zero), and no NaN comes out.
    const atLo = primakoffDsigmaDERByHelicity(E, lo, m, 1e-7, Z, M);
    expect(atLo[0]).toBe(0);
    expect(atLo[1]).toBeGreaterThan(0);
    expect(atLo[1]).toBe(primakoffDsigmaDER(E, lo, m, 1e-7, Z, M));
    for (const ratio of [ratioNearHi, ratioNearLo]) {
      expect(ratio(1e-9)).toBeLessThan(1e-7);
      expect(Math.abs(ratio(1e-10) / ratio(1e-9) - 0.1)).toBeLessThan(1e-3);
    }
  });

  it('the minority fraction vanishes as m_N^2 -> 0 (chirality flip of a massless N is complete)', () => {
    // At a fixed recoil (50 eV on Ge-73 at 3 MeV) the minority fraction is
    // (m^2/S^2) ((E_R + m^2/S)/(E + p_N))^2 x (an angle factor): once m^2/S << E_R (m << 20 keV
    // here) it goes as m^2, a tenth of the mass giving a hundredth of the fraction.
    const frac = (m: number) => {
      const [a, b] = primakoffDsigmaDERByHelicity(3e-3, 50e-9, m, 1e-7, 32, 67.93);
      return b / (a + b);
    };
    expect(frac(1e-7)).toBeGreaterThan(0);
    expect(frac(1e-7)).toBeLessThan(1e-15);
    expect(Math.abs(frac(1e-8) / frac(1e-7) - 0.01)).toBeLessThan(1e-4);
  });
});

describe('Primakoff upscattering by N helicity, integrated over the window', () => {
  it('the minority cross-section tends to alpha Z^2 mu^2 m^2 (E + p)/(8 E^2 p), p = sqrt(E^2 - m^2), for a heavy nucleus (W-184, E = 3 MeV, m_N = 0.5 MeV, F = 1) within 1%', () => {
    // The M -> infinity limit of the minority piece integrated in E_R: with E_N -> E the
    // recoil-weighted factors reduce to m^2 (E + p)/(8 E^2 p) times alpha Z^2 mu^2.
    const w184 = targetByName('W184').components[0].nucleus;
    const [E, m, muBohr] = [3e-3, 0.5e-3, 1e-7];
    const [majority, minority] = primakoffSigmaByHelicity(E, m, muBohr, w184, false);
    const mu = muBohr * BOHR_MAGNETON_PER_GEV;
    const p = Math.sqrt(E * E - m * m);
    const limit = (ALPHA * w184.Z ** 2 * mu * mu * m * m * (E + p)) / (8 * E * E * p);
    expect(Math.abs(minority / limit - 1)).toBeLessThan(0.01);
    expect(Math.abs((majority + minority) / primakoffSigmaPointlike(E, m, muBohr, w184.Z, w184.M) - 1)).toBeLessThan(1e-6);
  });
});
