/**
 * HNL production with a vector meson in the final state, P -> V l+ N (src/physics/hnl/semileptonic.ts):
 * the spin-summed |M|^2 against explicit Dirac traces of the same currents, against an
 * independent double-differential formula (which fixes the sign of the V-A interference, so
 * the N energy spectrum), and the Standard-Model limits against PDG rates. The Dalitz integral
 * of |M|^2 against the helicity-form width is in test/physics.hnlProductionSpectrum.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { G_F } from '../src/physics/constants.js';
import { add, bar, I4, G5, type Mat, mul, scale, slash, traceRe, type V4 } from '../src/physics/dirac.js';
import { LEPTON_OF } from '../src/physics/hnl/production.js';
import {
  brSemileptonicToHnl, pseudoscalarFormFactorsAt, SEMILEPTONIC_CHANNELS, semileptonicEnergySpectrum, semileptonicMatrixElement, type SemileptonicChannel, vectorFormFactorsAt, vectorHadronicCurrent, type VectorFormFactors,
} from '../src/physics/hnl/semileptonic.js';
import { dalitzRange12, kallen } from '../src/physics/kinematics.js';
import { PARTICLES } from '../src/physics/particles.js';

type VectorChannel = SemileptonicChannel & { kind: 'vector'; formFactors: VectorFormFactors };
const VECTOR = SEMILEPTONIC_CHANNELS.filter((c): c is VectorChannel => c.kind === 'vector');
const channel = (parent: string, daughter: string) => VECTOR.find((c) => c.parent.name === parent && c.daughter.name === daughter)!;

/** Dalitz points (s12, s23) spread over the allowed region of P -> V l N. */
function dalitzPoints(ch: SemileptonicChannel, ml: number, mN: number, n: number): [number, number][] {
  const M = ch.parent.mass;
  const m = ch.daughter.mass;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) / n;
    const s23 = (m + ml) ** 2 + t * ((M - mN) ** 2 - (m + ml) ** 2);
    const [lo, hi] = dalitzRange12(M, mN, m, ml, s23);
    out.push([lo + ((i * 0.618034) % 1) * (hi - lo), s23]);
  }
  return out;
}

/**
 * The four-momenta (E, px, py, pz) of a Dalitz point in a frame of the test's own choosing (P at
 * rest, the lepton along an oblique axis): |M|^2 is Lorentz-invariant, so it must not matter.
 */
function momenta(ch: SemileptonicChannel, ml: number, mN: number, s12: number, s23: number) {
  const M = ch.parent.mass;
  const m = ch.daughter.mass;
  const El = (M * M + ml * ml - s12) / (2 * M);
  const EN = (M * M + mN * mN - s23) / (2 * M);
  const kl = Math.sqrt(El * El - ml * ml);
  const kN = Math.sqrt(EN * EN - mN * mN);
  // The angle between l and N from (p_l + p_N)^2 = q^2.
  const q2 = M * M + m * m + mN * mN + ml * ml - s12 - s23;
  const cos = (2 * El * EN + ml * ml + mN * mN - q2) / (2 * kl * kN);
  const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
  const axis = [2 / 3, 1 / 3, 2 / 3]; // unit
  const perp = [Math.SQRT1_2, 0, -Math.SQRT1_2]; // unit, perpendicular to axis
  const pl: V4 = [El, kl * axis[0], kl * axis[1], kl * axis[2]];
  const pN: V4 = [EN, kN * (cos * axis[0] + sin * perp[0]), kN * (cos * axis[1] + sin * perp[1]), kN * (cos * axis[2] + sin * perp[2])];
  const k: V4 = [M - El - EN, -pl[1] - pN[1], -pl[2] - pN[2], -pl[3] - pN[3]];
  return { p: [M, 0, 0, 0] as V4, k, pl, pN, q2 };
}

/** Three real polarisation vectors of a vector meson of momentum k and mass m (any orthonormal set with e.k = 0). */
function polarisations(k: V4, m: number): V4[] {
  const kk = Math.hypot(k[1], k[2], k[3]);
  const n = [k[1] / kk, k[2] / kk, k[3] / kk];
  const a = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const dotA = a[0] * n[0] + a[1] * n[1] + a[2] * n[2];
  const t1 = [a[0] - dotA * n[0], a[1] - dotA * n[1], a[2] - dotA * n[2]];
  const l1 = Math.hypot(...t1);
  const e1 = t1.map((x) => x / l1);
  const e2 = [n[1] * e1[2] - n[2] * e1[1], n[2] * e1[0] - n[0] * e1[2], n[0] * e1[1] - n[1] * e1[0]];
  return [[0, ...e1] as V4, [0, ...e2] as V4, [kk / m, (k[0] / m) * n[0], (k[0] / m) * n[1], (k[0] / m) * n[2]]];
}

const timesI = (a: Mat): Mat => ({ re: a.im.map((x) => -x), im: a.re.slice() });

/**
 * |M|^2 of P -> H l+ N from explicit Dirac matrices at a Dalitz point (momenta()):
 * G_F^2 |V|^2/2 x isospin x the sum over H's polarisations (one term for a pseudoscalar, whose
 * current is f+ (p + k) + f- (p - k)) of Tr[X G (pl - ml) bar(G)], G = H_mu gamma^mu (1 - g5) and X
 * N's u ubar: the spin sum pN + mN, or for helicity h the projector (pN + mN)(1 + g5 sN)/2.
 */
function traced(ch: SemileptonicChannel, ml: number, mN: number, s12: number, s23: number, h?: 1 | -1): number {
  const { p, k, pl, pN, q2 } = momenta(ch, ml, mN, s12, s23);
  const kN = Math.hypot(pN[1], pN[2], pN[3]);
  const sN: V4 = h ? [(h * kN) / mN, (h * pN[0] * pN[1]) / (kN * mN), (h * pN[0] * pN[2]) / (kN * mN), (h * pN[0] * pN[3]) / (kN * mN)] : [0, 0, 0, 0];
  const X = h ? scale(mul(add(slash(pN), scale(I4, mN)), add(I4, mul(G5, slash(sN)))), 0.5) : add(slash(pN), scale(I4, mN));
  const vertices: Mat[] = [];
  if (ch.kind === 'vector') {
    const ff = vectorFormFactorsAt(ch.formFactors, q2);
    for (const e of polarisations(k, ch.daughter.mass)) {
      const [Hv, Ha] = vectorHadronicCurrent(ch.parent.mass, ch.daughter.mass, ff, p, k, e, ch.decaying === 'antiquark' ? 1 : -1);
      vertices.push(mul(add(slash([...Hv] as V4), timesI(slash([...Ha] as V4))), add(I4, G5, -1)));
    }
  } else {
    const [M2, m2] = [ch.parent.mass ** 2, ch.daughter.mass ** 2];
    const [fPlus, fZero] = pseudoscalarFormFactorsAt(ch.formFactors, ch.parent.mass, ch.daughter.mass, q2);
    const fMinus = ((fZero - fPlus) * (M2 - m2)) / q2;
    vertices.push(mul(slash([0, 1, 2, 3].map((mu) => fPlus * (p[mu] + k[mu]) + fMinus * (p[mu] - k[mu])) as V4), add(I4, G5, -1)));
  }
  const sum = vertices.reduce((acc, v) => acc + traceRe(mul(mul(mul(X, v), add(slash(pl), scale(I4, ml), -1)), bar(v))), 0);
  return (ch.isospinFactor * G_F ** 2 * ch.ckm ** 2 * sum) / 2;
}

describe('P -> V l+ N: |M|^2 (src/physics/hnl/semileptonic.ts)', () => {
  // (The spin-summed |M|^2 against the explicit Dirac trace: the helicity test below, whose two
  // helicities each match the trace with N's spin projector and sum to it.)
  // HNLCalc (github.com/laroccod/HNLCalc, HNLCalc.py at a873844, lines 889-905): dBR/(dq^2 dE_N)
  // = tau U^2 |V|^2 G_F^2/(32 pi^3 M^2) (t1 + ... + t8) in terms of f1 = V/(M+m), f2 = (M+m) A1,
  // f3 = -A2/(M+m), f4 = [m(2A0 - A1 - A2) + M(A2 - A1)]/q^2, f5 = f3 + f4. With
  // dGamma = |M|^2 dq^2 dE_N/(128 pi^3 M^2) it says |M|^2 = 4 G_F^2 |V|^2 (t1 + ... + t8).
  // It has one sign of the V-A1 term (t5) for every channel, right for a decaying antiquark
  // (B -> D*: the CP mirror of b -> c l- nubar); for the c quark of D -> K* the CP-mirrored
  // current flips it, which here is V -> -V.
  function hnlCalc(ch: VectorChannel, ml: number, mN: number, q2: number, E: number): number {
    const [M, m] = [ch.parent.mass, ch.daughter.mass];
    const [Vplain, A0, A1, A2] = vectorFormFactorsAt(ch.formFactors, q2);
    const V = ch.decaying === 'antiquark' ? Vplain : -Vplain;
    const f1 = V / (M + m);
    const f2 = (M + m) * A1;
    const f3 = -A2 / (M + m);
    const f4 = (m * (2 * A0 - A1 - A2) + M * (A2 - A1)) / q2;
    const f5 = f3 + f4;
    const [m2, m3] = [ml, mN];
    const w = M * M - m * m + m3 * m3 - m2 * m2 - 2 * M * E;
    const W = M * M - m * m - q2;
    const t1 = ((f2 * f2) / 2) * (q2 - m3 * m3 - m2 * m2 + w * ((W - w) / (m * m)));
    const t2 = ((f5 * f5) / 2) * (m3 * m3 + m2 * m2) * (q2 - m3 * m3 + m2 * m2) * ((W * W) / (4 * m * m) - q2);
    const t3 = 2 * f3 * f3 * m * m * ((W * W) / (4 * m * m) - q2) * (m3 * m3 + m2 * m2 - q2 + w * ((W - w) / (m * m)));
    const t4 = 2 * f3 * f5 * (m3 * m3 * w + (W - w) * m2 * m2) * ((W * W) / (4 * m * m) - q2);
    const t5 = 2 * f1 * f2 * (q2 * (2 * w - W) + W * (m3 * m3 - m2 * m2));
    const t6 = ((f2 * f5) / 2) * (w * (W / (m * m)) * (m3 * m3 - m2 * m2) + ((W * W) / (m * m)) * m2 * m2 + 2 * (m3 * m3 - m2 * m2) ** 2 - 2 * q2 * (m3 * m3 + m2 * m2));
    const t7 = f2 * f3 * (W * w * ((W - w) / (m * m)) + 2 * w * (m2 * m2 - m3 * m3) + W * (m3 * m3 - m2 * m2 - q2));
    const t8 = f1 * f1 * (W * W * (q2 - m3 * m3 + m2 * m2) - 2 * m * m * (q2 * q2 - (m3 * m3 - m2 * m2) ** 2) + 2 * w * W * (m3 * m3 - q2 - m2 * m2) + 2 * w * w * q2);
    return 4 * G_F ** 2 * ch.ckm ** 2 * (t1 + t2 + t3 + t4 + t5 + t6 + t7 + t8);
  }

  // Its lepton-mass terms are not exact: with a muon or a tau it differs from the explicit
  // traces above by up to 1.4e-4 (with m_l = 0 it agrees to 1e-15), so it is held here with
  // electrons, where that is below 1e-6.
  const electronCases = [
    ['B+', 'D*0bar', 'e', 1.5],
    ['B0', 'D*-', 'e', 0.01],
    ['D0', 'K*-', 'e', 0.4],
    ['D+', 'K*0bar', 'e', 0.8],
    ['Bs0', 'Ds*-', 'e', 2.0],
  ] as const;
  it.each(electronCases)('%s -> %s %s+ N at m_N = %f: equals the double-differential formula of HNLCalc point by point (1e-6), whose V-A1 interference term (t5) fixes how l and N share the energy', (parent, daughter, l, mN) => {
    const ch = channel(parent, daughter);
    const ml = LEPTON_OF[l].mass;
    const M = ch.parent.mass;
    for (const [s12, s23] of dalitzPoints(ch, ml, mN, 12)) {
      const q2 = M * M + ch.daughter.mass ** 2 + mN * mN + ml * ml - s12 - s23;
      const E = (M * M + mN * mN - s23) / (2 * M);
      const ours = semileptonicMatrixElement(ch, ml, mN, s12, s23);
      expect(Math.abs(ours / hnlCalc(ch, ml, mN, q2, E) - 1)).toBeLessThan(1e-6);
    }
  });

  // Which of l+ and N is the harder at m_N -> 0 follows from the V-A structure alone, as in muon
  // decay, where the particle paired with the muon in |M|^2 ~ (p_mu.p_nubar)(p_e.p_numu) is the
  // softer (<x> = 0.6 against 0.7): b-bar -> c-bar l+ nu is the CP mirror of b -> c l- nubar
  // ~ (p_b.p_nubar)(p_c.p_l), so its l+ is the harder; c -> s l+ nu ~ (p_c.p_l)(p_s.p_nu), like
  // t -> b l+ nu, so its l+ is the softer. The V-A1 interference is what makes the difference.
  it.each([
    ['B0', 'D*-', 'harder'],
    ['Bs0', 'Ds*-', 'harder'],
    ['D0', 'K*-', 'softer'],
    ['D+', 'K*0bar', 'softer'],
  ] as const)('%s -> %s e+ N at m_N -> 0: the charged lepton is the %s by more than 5% of <E_N>', (parent, daughter, which) => {
    const ch = channel(parent, daughter);
    const [M, m] = [ch.parent.mass, ch.daughter.mass];
    const spectrum = semileptonicEnergySpectrum(ch, PARTICLES.e, 1e-4, 1, 64);
    const total = spectrum.widths.reduce((a, b) => a + b, 0);
    const step = (spectrum.eMax - spectrum.eMin) / 64;
    const meanEN = spectrum.widths.reduce((s, w, k) => s + w * (spectrum.eMin + (k + 0.5) * step), 0) / total;
    // <E_V> from the q^2 distribution (E_V = (M^2 + m^2 - q^2)/(2M)); E_l = M - E_N - E_V.
    let sumEV = 0;
    let sumW = 0;
    const qMax = (M - m) ** 2;
    for (let i = 0; i < 4000; i++) {
      const q2 = ((i + 0.5) / 4000) * qMax;
      // dGamma/dq^2 at m_l = m_N = 0 from the helicity amplitudes: k q^2 (H+^2 + H-^2 + H0^2).
      const [V, , A1, A2] = vectorFormFactorsAt(ch.formFactors, q2);
      const k = Math.sqrt(kallen(M * M, m * m, q2)) / (2 * M);
      const Hp = (M + m) * A1 - (2 * M * k * V) / (M + m);
      const Hm = (M + m) * A1 + (2 * M * k * V) / (M + m);
      const H0 = ((M * M - m * m - q2) * (M + m) * A1 - (4 * M * M * k * k * A2) / (M + m)) / (2 * m * Math.sqrt(q2));
      const w = k * q2 * (Hp * Hp + Hm * Hm + H0 * H0);
      sumW += w;
      sumEV += w * ((M * M + m * m - q2) / (2 * M));
    }
    const meanEl = M - meanEN - sumEV / sumW;
    if (which === 'harder') expect(meanEl).toBeGreaterThan(1.05 * meanEN);
    else expect(meanEl).toBeLessThan(0.95 * meanEN);
  });
});

describe('P -> V l+ nu and Bs -> Ds l+ nu: Standard-Model limits (m_N -> 0, U^2 = 1) against PDG 2024', () => {
  const only = (f: 'e' | 'mu' | 'tau') => ({ e: 0, mu: 0, tau: 0, [f]: 1 });
  // The form-factor models (Melikhov-Stech for D -> K*, B -> D*; Faustov-Galkin for Bs -> Ds*; the
  // B -> D single pole for Bs -> Ds) are not fits to these rates: D -> K* comes out 11-12% above
  // PDG, B -> D* 12-16% above (tau: 11% below), Bs -> Ds* 13% above, Bs -> Ds 17% below; the
  // tolerances say so and no more.
  it.each([
    ['D0', 'K*-', 'e', 0.0215, 0.2],
    ['D+', 'K*0bar', 'e', 0.054, 0.2],
    ['B0', 'D*-', 'e', 0.0497, 0.2],
    ['B0', 'D*-', 'tau', 0.0158, 0.15],
    ['B+', 'D*0bar', 'e', 0.0558, 0.2],
    ['Bs0', 'Ds*-', 'mu', 0.052, 0.2],
    // Bs -> Ds with the B -> D single pole of PHYSICS.md (as 1805.08567 does): 17% low, as B -> D is.
    ['Bs0', 'Ds-', 'mu', 0.0231, 0.2],
  ] as const)('BR(%s -> %s %s+ nu): PDG %f within %f', (parent, daughter, l, pdg, tol) => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === parent && c.daughter.name === daughter)!;
    const br = brSemileptonicToHnl(ch, l, 0, only(l));
    expect(Math.abs(br / pdg - 1)).toBeLessThan(tol);
  });
});

describe('P -> H l+ N with N of definite helicity (P rest frame): |M|^2(h) and the energy spectrum helicity share', () => {
  const pick = (parent: string, daughter: string) => SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === parent && c.daughter.name === daughter)!;
  const cases = [
    ['D0', 'K-', 'mu', 0.6], ['D+', 'pi0', 'e', 1.0], ['B0', 'D-', 'tau', 1.2],
    ['D0', 'K*-', 'e', 0.4], ['B+', 'D*0bar', 'mu', 1.5], ['B0', 'D*-', 'tau', 0.8], ['Bs0', 'Ds*-', 'mu', 2.0],
  ] as const;

  it.each(cases)('%s -> %s %s+ N at m_N = %f: |M|^2(h = +-1) equals the trace with the spin projector (1e-9), and the two sum to the spin-summed |M|^2', (parent, daughter, l, mN) => {
    const ch = pick(parent, daughter);
    const ml = LEPTON_OF[l].mass;
    for (const [s12, s23] of dalitzPoints(ch, ml, mN, 10)) {
      const plus = semileptonicMatrixElement(ch, ml, mN, s12, s23, 1);
      const minus = semileptonicMatrixElement(ch, ml, mN, s12, s23, -1);
      const all = semileptonicMatrixElement(ch, ml, mN, s12, s23);
      expect(Math.abs(plus - traced(ch, ml, mN, s12, s23, 1)) / all, `${parent} ${s23} +`).toBeLessThan(1e-9);
      expect(Math.abs(minus - traced(ch, ml, mN, s12, s23, -1)) / all, `${parent} ${s23} -`).toBeLessThan(1e-9);
      expect(Math.abs(plus + minus - all) / all).toBeLessThan(1e-12);
    }
  });

  it('the spectrum helicity share: in [0, 1]; -> 0 for a light N (a left-handed neutrino: below 1e-5 of the width at m_N = 1 MeV, largest in the slowest bin)', () => {
    const weightedPlus = (sp: ReturnType<typeof semileptonicEnergySpectrum>) => sp.widths.reduce((a, w, k) => a + w * sp.helicityPlus[k], 0) / sp.widths.reduce((a, b) => a + b, 0);
    for (const ch of [pick('D0', 'K-'), pick('B+', 'D*0bar')]) {
      const light = semileptonicEnergySpectrum(ch, PARTICLES.mu, 1e-3, 1, 16);
      expect(weightedPlus(light)).toBeLessThan(1e-5);
      expect(Math.max(...light.helicityPlus)).toBe(light.helicityPlus[0]);
      const heavy = semileptonicEnergySpectrum(ch, PARTICLES.mu, 1.0, 1, 16);
      for (const x of heavy.helicityPlus) expect(x >= 0 && x <= 1).toBe(true);
      const meanPlus = weightedPlus(heavy);
      expect(meanPlus, ch.parent.name).toBeGreaterThan(0.05); // a 1 GeV N is far from a left-handed neutrino
      expect(meanPlus).toBeLessThan(0.95);
    }
  });
});
