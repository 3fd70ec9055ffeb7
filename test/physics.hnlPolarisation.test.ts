/**
 * HNL polarisation (src/physics/hnl/polarisation.ts) against independent evaluations: every
 * target is the V-A amplitude squared with explicit Dirac matrices (src/physics/dirac.ts) and
 * N's spin projector u ubar = (pslash + M)(1 + g5 sslash)/2, or (test 4) the Dalitz integral
 * of the matrix element against the widths of 1805.08567 (eqs. 4.7, 4.8) and muon decay.
 * Four-vectors: dirac.ts's V4 is (E, px, py, pz); polarisation.ts takes (px, py, pz, E).
 */
import { describe, expect, it } from 'vitest';
import { G_F, SIN2_THETA_W_MZ } from '../src/physics/constants.js';
import { add, bar, G5, GAMMA, I4, type Mat, METRIC, mul, ONE_MINUS_G5, scale, slash, traceRe, type V4 } from '../src/physics/dirac.js';
import { widthChargedLeptonPair, widthChargedPseudoscalar, widthChargedVector, widthNeutralVector, widthNeutrinoDilepton } from '../src/physics/hnl/decay.js';
import { type LeptonicCoefficients, leptonicLeptonPolarisation, leptonicMatrixElement, leptonicProductionHelicityPlus, leptonPolarisationFromCurrent, tauTwoBodySpinCorrelation, twoBodyDecayAsymmetry, vectorMesonDecayWeight } from '../src/physics/hnl/polarisation.js';
import { TAU_DECAYS_TO_HNL, tauLeptonicEnergyDensity, tauLeptonicSpinCorrelation, widthTauToMesonHnl } from '../src/physics/hnl/tau.js';
import { integrate } from '../src/physics/integrate.js';
import { boost, twoBodyMomentum } from '../src/physics/kinematics.js';
import { PARTICLES, type Particle } from '../src/physics/particles.js';

const ZERO: V4 = [0, 0, 0, 0];
/** The six unit vectors: averaging a quadratic form over them is exact (its average over all directions). */
const OCTAHEDRON = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];
const ONE_P_G5 = add(I4, G5);
/** u ubar of spin state s: (pslash + m)(1 + g5 sslash)/2; s = 0 gives half the spin sum, the spin average. */
const spinState = (p: V4, m: number, s: V4 = ZERO): Mat => scale(mul(add(slash(p), scale(I4, m)), add(I4, mul(G5, slash(s)))), 0.5);
/** Spin sum of a final fermion (pslash + m) or antifermion (pslash - m). */
const spinSum = (p: V4, m: number, anti = false): Mat => add(slash(p), scale(I4, anti ? -m : m));
/** Helicity-h spin vector h (|p|, E phat)/m. */
function helicitySpin(p: V4, m: number, h: number): V4 {
  const k = Math.hypot(p[1], p[2], p[3]);
  return [(h * k) / m, (h * p[0] * p[1]) / (k * m), (h * p[0] * p[2]) / (k * m), (h * p[0] * p[3]) / (k * m)];
}
const toV4 = (p: readonly number[]): V4 => [p[3], p[0], p[1], p[2]];
/** N's spin 4-vector h e across its flight n = (sin, 0, cos), towards z: e = (z - cos n)/sin = (-cos, 0, sin) (spatial, so e.p_N = 0). */
const acrossSpin = (cos: number, h: number): V4 => [0, -h * cos, 0, h * Math.sqrt(1 - cos * cos)];
const traceIm = (a: Mat) => a.im[0] + a.im[5] + a.im[10] + a.im[15];
/** T^{mu nu} = Tr[X Gam^mu Y bar(Gam^nu)] (= sum over spins of J^mu J^nu*), complex, upper indices. */
function currentTensor(X: Mat, Y: Mat, gam: Mat[]): { re: number[][]; im: number[][] } {
  const re = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  const im = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let m = 0; m < 4; m++) {
    for (let n = 0; n < 4; n++) {
      const t = mul(mul(mul(X, gam[m]), Y), bar(gam[n]));
      re[m][n] = traceRe(t);
      im[m][n] = traceIm(t);
    }
  }
  return { re, im };
}
/** |J1.J2|^2 = Re sum g_mm g_nn T1^{mn} T2^{mn}. */
function contract(a: ReturnType<typeof currentTensor>, b: ReturnType<typeof currentTensor>): number {
  let s = 0;
  for (let m = 0; m < 4; m++) for (let n = 0; n < 4; n++) s += METRIC[m] * METRIC[n] * (a.re[m][n] * b.re[m][n] - a.im[m][n] * b.im[m][n]);
  return s;
}
const LEFT = GAMMA.map((g) => mul(g, ONE_MINUS_G5)); // gamma^mu (1 - g5)
/**
 * |ubar_X G u_Y|^2 summed as Tr[X G Y bar(G)] for a meson of momentum q: G = qslash (1 - g5) for a
 * pseudoscalar; for a vector, gamma^mu (1 - g5) contracted with sum_pol eps*_mu eps_nu = -g_mu nu + q_mu q_nu/m^2.
 */
function mesonVertexTrace(X: Mat, Y: Mat, q: V4, m: number, kind: 'pseudoscalar' | 'vector'): number {
  if (kind === 'pseudoscalar') {
    const G = mul(slash(q), ONE_MINUS_G5);
    return traceRe(mul(mul(mul(X, G), Y), bar(G)));
  }
  const T = currentTensor(X, Y, LEFT);
  let s = 0;
  for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) s += ((a === b ? -METRIC[a] : 0) + (METRIC[a] * q[a] * METRIC[b] * q[b]) / (m * m)) * T.re[a][b];
  return s;
}
const relDiff = (a: number, b: number) => Math.abs(a / b - 1);
const scale4 = (v: V4, h: number): V4 => [h * v[0], h * v[1], h * v[2], h * v[3]];

describe('P+ -> l+ N: helicity of N (V-A amplitude p_P^mu ubar_N gamma_mu (1 - g5) v_l, P rest frame)', () => {
  /** Rate for N helicity h: Tr[u_N ubar_N G (pslash_l - m_l) bar(G)], G = pslash_P (1 - g5); N along +z. */
  function rate(mP: number, ml: number, mN: number, h: number): number {
    const k = twoBodyMomentum(mP, ml, mN);
    const pN: V4 = [Math.hypot(k, mN), 0, 0, k];
    const pl: V4 = [Math.hypot(k, ml), 0, 0, -k];
    const G = mul(slash([mP, 0, 0, 0]), ONE_MINUS_G5);
    return traceRe(mul(mul(mul(spinState(pN, mN, helicitySpin(pN, mN, h)), G), spinSum(pl, ml, true)), bar(G)));
  }
  const { K, Ds, e, mu, tau } = PARTICLES;
  type Case = [Particle, Particle, number];
  const all: Case[] = [[K, mu, 0.01], [K, mu, 0.2], [K, mu, 0.35], ...[e, mu, tau].flatMap((l) => [0.1, 1.0, 1.5].map((mN): Case => [Ds, l, mN]))];
  const cases = all.filter(([P, l, mN]) => P.mass > l.mass + mN);

  it('the helicity +1 fraction equals the projector evaluation (K -> mu N, Ds -> l N) to 1e-9, and the two rates sum to 4 mP^4 S (1805.08567 eq. 3.3)', () => {
    expect(cases.length).toBe(10); // Ds -> tau N is open only at m_N = 0.1
    for (const [P, l, mN] of cases) {
      const plus = rate(P.mass, l.mass, mN, 1);
      const minus = rate(P.mass, l.mass, mN, -1);
      expect(Math.abs(plus / (plus + minus) - leptonicProductionHelicityPlus(P.mass, l.mass, mN)), `${P.name} ${l.name} ${mN}`).toBeLessThan(1e-9);
      const [xl2, xN2] = [(l.mass / P.mass) ** 2, (mN / P.mass) ** 2];
      const S = xl2 + xN2 - (xN2 - xl2) ** 2;
      expect(relDiff(plus + minus, 4 * P.mass ** 4 * S)).toBeLessThan(1e-9);
    }
  });

  it('limits: m_N -> 0 gives helicity -1 only (fraction -> 0), m_l -> 0 gives +1 only (fraction -> 1)', () => {
    const { K, mu } = PARTICLES;
    expect(leptonicProductionHelicityPlus(K.mass, mu.mass, 1e-6)).toBeLessThan(1e-9);
    expect(leptonicProductionHelicityPlus(K.mass, 1e-6, 0.2)).toBeGreaterThan(1 - 1e-9);
    // The projector evaluation agrees near the limits too.
    expect(rate(K.mass, mu.mass, 1e-4, 1) / rate(K.mass, mu.mass, 1e-4, -1)).toBeLessThan(1e-6);
    expect(rate(K.mass, 1e-5, 0.2, -1) / rate(K.mass, 1e-5, 0.2, 1)).toBeLessThan(1e-6);
  });
});

describe('N -> l- X+: asymmetry alpha of a spin-up N (N rest frame, s = (0,0,0,1))', () => {
  /** |M|^2 with the lepton along cos = +1 or -1: pseudoscalar q^mu ubar_l gamma_mu (1-g5) u_N, vector summed over X polarisations. */
  function squared(M: number, ml: number, mX: number, kind: 'pseudoscalar' | 'vector', cos: number): number {
    const k = twoBodyMomentum(M, ml, mX);
    const pl: V4 = [Math.hypot(k, ml), 0, 0, cos * k];
    const q: V4 = [Math.hypot(k, mX), 0, 0, -cos * k];
    return mesonVertexTrace(spinSum(pl, ml), spinState([M, 0, 0, 0], M, [0, 0, 0, 1]), q, mX, kind);
  }
  const { e, mu, pi, K, rho, rho0 } = PARTICLES;
  const channels: [Particle, Particle, 'pseudoscalar' | 'vector'][] = [[e, pi, 'pseudoscalar'], [mu, pi, 'pseudoscalar'], [e, K, 'pseudoscalar'], [mu, K, 'pseudoscalar'], [e, rho, 'vector'], [mu, rho, 'vector']];

  it('alpha equals (|M|^2(+1) - |M|^2(-1))/(sum) to 1e-9 for e, mu with pi, K, rho at M = 0.3, 0.7, 1.5 GeV', () => {
    let n = 0;
    for (const [l, X, kind] of channels) {
      for (const M of [0.3, 0.7, 1.5].filter((M) => M > l.mass + X.mass)) {
        const [up, down] = [squared(M, l.mass, X.mass, kind, 1), squared(M, l.mass, X.mass, kind, -1)];
        expect(Math.abs((up - down) / (up + down) - twoBodyDecayAsymmetry(M, l.mass, X.mass, kind)), `${l.name} ${X.name} ${M}`).toBeLessThan(1e-9);
        n++;
      }
    }
    expect(n).toBe(12); // e rho and mu rho open only at 1.5 GeV, mu K from 0.7 GeV
  });

  it('the isotropic part gives eqs. 4.2, 4.4 exactly: Gamma = (G_F^2 f^2 (m_V^2 for a vector)/2) |M|^2_iso k/(8 pi M^2)', () => {
    // Physical amplitude (G_F/sqrt2) V U f q^mu J_mu, or f_V m_V eps*^mu J_mu; Gamma = k |M|^2_avg/(8 pi M^2).
    for (const [l, X, kind] of channels) {
      for (const M of [0.3, 0.7, 1.5, 2.5].filter((M) => M > l.mass + X.mass)) {
        const iso = 0.5 * (squared(M, l.mass, X.mass, kind, 1) + squared(M, l.mass, X.mass, kind, -1));
        const norm = kind === 'vector' ? X.mass ** 2 : 1;
        const fromTrace = ((G_F ** 2 * norm) / 2) * iso * (twoBodyMomentum(M, l.mass, X.mass) / (8 * Math.PI * M * M));
        const width = (kind === 'vector' ? widthChargedVector : widthChargedPseudoscalar)(M, l, X, 1, 1, 1);
        expect(relDiff(fromTrace, width), `${l.name} ${X.name} ${M}`).toBeLessThan(1e-9);
      }
    }
  });

  it('neutral nu rho0 (m_l = 0): alpha from the traces, and the isotropic part has the shape of eq. 4.5', () => {
    const ratios: number[] = [];
    for (const M of [0.9, 1.2, 1.5, 2.5]) {
      const [up, down] = [squared(M, 0, rho0.mass, 'vector', 1), squared(M, 0, rho0.mass, 'vector', -1)];
      expect(Math.abs((up - down) / (up + down) - twoBodyDecayAsymmetry(M, 0, rho0.mass, 'vector'))).toBeLessThan(1e-9);
      const gammaShape = (0.5 * (up + down) * twoBodyMomentum(M, 0, rho0.mass)) / (M * M);
      ratios.push(widthNeutralVector(M, rho0, 1, 1, 1) / gammaShape);
    }
    for (const r of ratios) expect(relDiff(r, ratios[0])).toBeLessThan(1e-9);
    // Neutral current: half the charged normalisation of eq. 4.4 with V = 1.
    expect(relDiff(ratios[0], (G_F ** 2 * rho0.mass ** 2) / (16 * Math.PI) / 2)).toBeLessThan(1e-9);
  });
});

describe('tau- -> X- N (X = pi, rho): N direction about the tau spin and its helicity (tau rest frame, spin along z)', () => {
  /** |M|^2 for N of helicity h at angle acos(cos) to the tau spin: ubar_N Gam u_tau, Gam = qslash (1 - g5), or the rho summed over polarisations. */
  function squared(mN: number, X: Particle, kind: 'pseudoscalar' | 'vector', cos: number, h: number, across = false): number {
    const mTau = PARTICLES.tau.mass;
    const k = twoBodyMomentum(mTau, mN, X.mass);
    const sin = Math.sqrt(1 - cos * cos);
    const pN: V4 = [Math.hypot(k, mN), k * sin, 0, k * cos];
    const q: V4 = [mTau - pN[0], -pN[1], -pN[2], -pN[3]];
    const sN = across ? acrossSpin(cos, h) : helicitySpin(pN, mN, h);
    return mesonVertexTrace(spinState(pN, mN, sN), spinState([mTau, 0, 0, 0], mTau, [0, 0, 0, 1]), q, X.mass, kind);
  }
  const { pi, rho } = PARTICLES;
  const cases: [Particle, 'pseudoscalar' | 'vector', number][] = [0.01, 0.3, 0.8, 1.2, 1.5].flatMap((mN) => [[pi, 'pseudoscalar', mN], [rho, 'vector', mN]] as [Particle, 'pseudoscalar' | 'vector', number][]);

  it('rate(h, cos) is linear in cos for each h, and alpha, the helicity +1 share and its slope equal the traces to 1e-9 (m_N = 0.01 to 1.5 GeV)', () => {
    let n = 0;
    for (const [X, kind, mN] of cases.filter(([X, , mN]) => PARTICLES.tau.mass > mN + X.mass)) {
      const r = (cos: number, h: number) => squared(mN, X, kind, cos, h);
      const total = r(1, 1) + r(-1, 1) + r(1, -1) + r(-1, -1);
      // Linear in cos: the midpoint is the mean of the ends (relative to the total: the h = +1 rate
      // of a light N is m_N^2/m_tau^2 of the traces' terms, which cancel to it).
      for (const h of [1, -1]) expect(Math.abs(r(0, h) - 0.5 * (r(1, h) + r(-1, h))) / total, `${X.name} ${mN} h ${h}`).toBeLessThan(1e-9);
      const c = tauTwoBodySpinCorrelation(PARTICLES.tau.mass, mN, X.mass, kind);
      const label = `${X.name} ${mN}`;
      expect(Math.abs(c.alpha - (r(1, 1) + r(1, -1) - r(-1, 1) - r(-1, -1)) / total), label).toBeLessThan(1e-9);
      expect(Math.abs(c.helicityPlus - (r(1, 1) + r(-1, 1)) / total), label).toBeLessThan(1e-9);
      expect(Math.abs(c.helicitySlope - (r(1, 1) - r(-1, 1)) / total), label).toBeLessThan(1e-9);
      // Across N's flight, towards the tau spin: (rate(+) - rate(-))/(sum) = transverse sin/(1 + alpha cos).
      for (const cos of [-0.6, 0.2, 0.7]) {
        const [up, down] = [squared(mN, X, kind, cos, 1, true), squared(mN, X, kind, cos, -1, true)];
        const predicted = (c.transverse * Math.sqrt(1 - cos * cos)) / (1 + c.alpha * cos);
        expect(Math.abs((up - down) / (up + down) - predicted), `${label} across, cos ${cos}`).toBeLessThan(1e-9);
      }
      n++;
    }
    expect(n).toBe(8); // tau -> rho N closes above 1.0 GeV
  });

  it('the spin-summed trace has the shape of Gamma(tau -> X N) of tau.ts: Gamma/(total k) is the same at every m_N', () => {
    for (const [X, kind] of [[pi, 'pseudoscalar'], [rho, 'vector']] as const) {
      const ratios = [0.01, 0.3, 0.8].map((mN) => {
        const total = [1, -1].reduce((s, cos) => s + squared(mN, X, kind, cos, 1) + squared(mN, X, kind, cos, -1), 0);
        return widthTauToMesonHnl(X, mN, 1) / (total * twoBodyMomentum(PARTICLES.tau.mass, mN, X.mass));
      });
      for (const r of ratios) expect(relDiff(r, ratios[0]), X.name).toBeLessThan(1e-9);
    }
  });

  it('massless limit: the neutrino is left-handed; alpha = -1 for tau -> pi nu and -(m_tau^2 - 2 m_rho^2)/(m_tau^2 + 2 m_rho^2) for tau -> rho nu', () => {
    const mTau = PARTICLES.tau.mass;
    const piNu = tauTwoBodySpinCorrelation(mTau, 1e-6, pi.mass, 'pseudoscalar');
    const rhoNu = tauTwoBodySpinCorrelation(mTau, 1e-6, rho.mass, 'vector');
    expect(piNu.alpha + 1).toBeLessThan(1e-9);
    expect(Math.abs(rhoNu.alpha + (mTau ** 2 - 2 * rho.mass ** 2) / (mTau ** 2 + 2 * rho.mass ** 2))).toBeLessThan(1e-9);
    expect(piNu.helicityPlus).toBeLessThan(1e-9);
    expect(rhoNu.helicityPlus).toBeLessThan(1e-9);
  });
});

describe('tau -> l nu N from a polarised tau: N direction about the tau flight and its helicity at fixed E_N (tau frame, flight along z)', () => {
  const mTau = PARTICLES.tau.mass;
  /** v vbar of an antifermion of physical spin s: (pslash - m)(1 + g5 sslash)/2. */
  const antiSpinState = (p: V4, m: number, sv: V4): Mat => scale(mul(add(slash(p), scale(I4, -m)), add(I4, mul(G5, slash(sv)))), 0.5);
  // The octahedron's six directions integrate any quadratic polynomial of the direction exactly,
  // and |M|^2 is quadratic in the l direction in the (l nu) frame.
  /**
   * |M|^2 averaged over the l and nubar directions at fixed p_N (energy E, angle acos(c) to z, helicity h).
   * W line: tau+ (spin -z: helicity -1/2 along its flight z) -> nubar_tau l+ N, [vbar_tau G v_nu][ubar_N G v_l].
   * Tau line: tau- (spin +z) -> N l- nubar, [ubar_N G u_tau][ubar_l G v_nu].
   */
  function averaged(fromWLine: boolean, mN: number, ml: number, E: number, c: number, h: number, across = false): number {
    const k = Math.sqrt(E * E - mN * mN);
    const sn = Math.sqrt(1 - c * c);
    const pN: [number, number, number, number] = [k * sn, 0, k * c, E];
    const Q: [number, number, number, number] = [-pN[0], -pN[1], -pN[2], mTau - E];
    const q = Math.sqrt(Q[3] ** 2 - Q[0] ** 2 - Q[1] ** 2 - Q[2] ** 2);
    const kStar = (q * q - ml * ml) / (2 * q);
    const sN = across ? acrossSpin(c, h) : helicitySpin(toV4(pN), mN, h);
    let sum = 0;
    for (const d of OCTAHEDRON) {
      const pl = toV4(boost([kStar * d[0], kStar * d[1], kStar * d[2], Math.hypot(kStar, ml)], Q, q));
      const pNu = toV4(boost([-kStar * d[0], -kStar * d[1], -kStar * d[2], kStar], Q, q));
      if (fromWLine) {
        const tau = antiSpinState([mTau, 0, 0, 0], mTau, [0, 0, 0, -1]);
        sum += contract(currentTensor(tau, slash(pNu), LEFT), currentTensor(spinState(toV4(pN), mN, sN), spinSum(pl, ml, true), LEFT));
      } else {
        const tau = spinState([mTau, 0, 0, 0], mTau, [0, 0, 0, 1]);
        sum += contract(currentTensor(spinState(toV4(pN), mN, sN), tau, LEFT), currentTensor(spinSum(pl, ml), slash(pNu), LEFT));
      }
    }
    return sum / OCTAHEDRON.length;
  }
  const { e, mu } = PARTICLES;
  const cases = [true, false].flatMap((w) => [e, mu].flatMap((l) => [0.1, 0.5, 1.0, 1.4].map((mN) => [w, l, mN] as const))).filter(([, l, mN]) => mTau > l.mass + mN);

  it('alpha, the helicity +1 share and its slope equal the traces to 1e-9 at five energies, both lines, e and mu, m_N = 0.1 to 1.4 GeV; the rate is linear in cos', () => {
    let n = 0;
    for (const [w, l, mN] of cases) {
      const eMax = (mTau * mTau + mN * mN - l.mass * l.mass) / (2 * mTau);
      for (const f of [0.05, 0.3, 0.5, 0.8, 0.97]) {
        const E = mN + f * (eMax - mN);
        const r = (c: number, h: number) => averaged(w, mN, l.mass, E, c, h);
        const total = r(1, 1) + r(-1, 1) + r(1, -1) + r(-1, -1);
        const label = `${w ? 'W line' : 'tau line'} ${l.name} ${mN} ${f}`;
        for (const h of [1, -1]) expect(Math.abs(r(0, h) - 0.5 * (r(1, h) + r(-1, h))) / total, label).toBeLessThan(1e-9);
        const spin = tauLeptonicSpinCorrelation(w, mTau, mN, l.mass, E, Math.sqrt(E * E - mN * mN));
        expect(Math.abs(spin.alpha - (r(1, 1) + r(1, -1) - r(-1, 1) - r(-1, -1)) / total), label).toBeLessThan(1e-9);
        expect(Math.abs(spin.helicityPlus - (r(1, 1) + r(-1, 1)) / total), label).toBeLessThan(1e-9);
        expect(Math.abs(spin.helicitySlope - (r(1, 1) - r(-1, 1)) / total), label).toBeLessThan(1e-9);
        for (const cos of [-0.6, 0.2, 0.7]) {
          const [up, down] = [averaged(w, mN, l.mass, E, cos, 1, true), averaged(w, mN, l.mass, E, cos, -1, true)];
          const predicted = (spin.transverse * Math.sqrt(1 - cos * cos)) / (1 + spin.alpha * cos);
          expect(Math.abs((up - down) / (up + down) - predicted), `${label} across, cos ${cos}`).toBeLessThan(1e-9);
        }
        n++;
      }
    }
    expect(n).toBe(80);
  });

  it("the traces summed over h and cos, times k and the (l nu) phase space (q^2 - m_l^2)/q^2, have the shape of tauLeptonicEnergyDensity (HNLCalc's dGamma/dE_N)", () => {
    for (const decay of TAU_DECAYS_TO_HNL.filter((d) => d.lepton)) {
      const w = decay.nSign === 1;
      const ml = PARTICLES[decay.lepton!].mass;
      const mN = 0.5;
      const eMax = (mTau * mTau + mN * mN - ml * ml) / (2 * mTau);
      const ratios = [0.1, 0.4, 0.7, 0.95].map((f) => {
        const E = mN + f * (eMax - mN);
        const k = Math.sqrt(E * E - mN * mN);
        const q2 = mTau * mTau + mN * mN - 2 * mTau * E;
        const summed = [1, -1].reduce((sum, h) => sum + averaged(w, mN, ml, E, 1, h) + averaged(w, mN, ml, E, -1, h), 0);
        return tauLeptonicEnergyDensity(decay, mN, 1, E) / (summed * k * ((q2 - ml * ml) / q2));
      });
      for (const r of ratios) expect(relDiff(r, ratios[0]), decay.label).toBeLessThan(1e-9);
    }
  });

  it('m_N -> 0: N (a neutrino) is left-handed, and for the W line goes along the tau+ flight as 1 + cos (muon decay: nu_e against the mu+ spin)', () => {
    const s = tauLeptonicSpinCorrelation(true, mTau, 1e-7, PARTICLES.mu.mass, 0.5, Math.sqrt(0.25 - 1e-14));
    expect(Math.abs(s.alpha - 1)).toBeLessThan(1e-9);
    expect(s.helicityPlus).toBeLessThan(1e-9);
    const t = tauLeptonicSpinCorrelation(false, mTau, 1e-7, PARTICLES.mu.mass, 0.5, Math.sqrt(0.25 - 1e-14));
    expect(t.helicityPlus).toBeLessThan(1e-9);
  });
});

describe('N -> l V, V -> a b: the vector meson decay weight against the Dirac trace of the whole chain (N rest frame, random spin axes)', () => {
  /** |ubar_l kslash (1 - g5) u_N|^2 for N in spin state h s: the chain's |M|^2 with the decay current k (transverse to q). */
  const traced = (M: number, s: number[], h: number, pl: number[], ml: number, k: number[]) => {
    const G = mul(slash(toV4(k)), ONE_MINUS_G5);
    return traceRe(mul(mul(mul(spinSum(toV4(pl), ml), G), spinState([M, 0, 0, 0], M, [0, s[0] * h, s[1] * h, s[2] * h])), bar(G)));
  };
  const r = rng(11);
  const { e, mu, rho, rho0, Kstar, phi, pi, pi0, K, K0 } = PARTICLES;
  const cases: [number, Particle | null, Particle, Particle, Particle][] = [
    [1.0, mu, rho, pi, pi0], [1.5, e, rho, pi, pi0], [1.5, mu, Kstar, K0, pi], [1.2, null, rho0, pi, pi], [1.5, null, phi, K, K],
  ];

  it('equals |M|^2(k)/<|M|^2> over the directions of k (exact on the octahedron) to 1e-9, both helicities and unpolarised; its mean is 1', () => {
    for (const [M, l, V, a, b] of cases) {
      const ml = l ? l.mass : 0;
      for (let trial = 0; trial < 4; trial++) {
        // N -> l V along a random direction, N's spin along another; V -> a b along a third (V frame).
        const ct = 2 * r() - 1;
        const ph = 2 * Math.PI * r();
        const dl = [Math.sqrt(1 - ct * ct) * Math.cos(ph), Math.sqrt(1 - ct * ct) * Math.sin(ph), ct];
        const cs = 2 * r() - 1;
        const s = [Math.sqrt(1 - cs * cs), 0, cs];
        const p = twoBodyMomentum(M, ml, V.mass);
        const pl = [p * dl[0], p * dl[1], p * dl[2], Math.hypot(p, ml)];
        const q = [-pl[0], -pl[1], -pl[2], Math.hypot(p, V.mass)];
        const pStar = twoBodyMomentum(V.mass, a.mass, b.mass);
        const kIn = (d: number[]) => boost([2 * pStar * d[0], 2 * pStar * d[1], 2 * pStar * d[2], 0], q as [number, number, number, number], V.mass);
        for (const h of [1, -1, 0]) {
          const mean = OCTAHEDRON.reduce((sum, d) => sum + traced(M, s, h, pl, ml, kIn(d)), 0) / OCTAHEDRON.length;
          const cd = 2 * r() - 1;
          const d = [Math.sqrt(1 - cd * cd) * Math.cos(3 * cd), Math.sqrt(1 - cd * cd) * Math.sin(3 * cd), cd];
          const k = kIn(d);
          const w = vectorMesonDecayWeight(M, s, h, pl, q, V.mass, k, 4 * pStar * pStar);
          expect(Math.abs(w - traced(M, s, h, pl, ml, k) / mean), `${V.name} ${M} h ${h}`).toBeLessThan(1e-9);
          const meanW = OCTAHEDRON.reduce((sum, dd) => sum + vectorMesonDecayWeight(M, s, h, pl, q, V.mass, kIn(dd), 4 * pStar * pStar), 0) / OCTAHEDRON.length;
          expect(Math.abs(meanW - 1)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('unpolarised N -> nu V: the helicity-0 share of V is M^2/(M^2 + 2 m_V^2), seen as the weight along and across V\'s flight', () => {
    // V along +z in N's frame, nu along -z; k along V's flight: 3 f_L; across it: (3/2)(1 - f_L).
    for (const [M, V] of [[1.2, rho0], [1.5, phi]] as const) {
      const p = twoBodyMomentum(M, 0, V.mass);
      const pl = [0, 0, -p, p];
      const q = [0, 0, p, Math.hypot(p, V.mass)];
      const kAlong = boost([0, 0, 1, 0], q as [number, number, number, number], V.mass);
      const kAcross = boost([1, 0, 0, 0], q as [number, number, number, number], V.mass);
      const fL = (M * M) / (M * M + 2 * V.mass ** 2);
      expect(Math.abs(vectorMesonDecayWeight(M, [0, 0, 1], 0, pl, q, V.mass, kAlong, 1) - 3 * fL)).toBeLessThan(1e-12);
      expect(Math.abs(vectorMesonDecayWeight(M, [0, 0, 1], 0, pl, q, V.mass, kAcross, 1) - 1.5 * (1 - fL))).toBeLessThan(1e-12);
    }
  });
});

/** Deterministic uniform [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random point (m12^2, m23^2) inside the Dalitz plot of M -> 1 2 3 with m3 = 0: m12^2 uniform, then m23^2 uniform in its range. */
function randomDalitzPoint(r: () => number, M: number, m1: number, m2: number): [number, number] {
  const s12 = (m1 + m2) ** 2 + r() * (M * M - (m1 + m2) ** 2);
  const e2 = (s12 - m1 * m1 + m2 * m2) / (2 * Math.sqrt(s12));
  const e3 = (M * M - s12) / (2 * Math.sqrt(s12));
  const k2 = Math.sqrt(e2 * e2 - m2 * m2);
  return [s12, (e2 + e3) ** 2 - (k2 + e3) ** 2 + r() * 4 * k2 * e3];
}

/** Momenta (px, py, pz, E) of M -> 1 2 3 at Dalitz point (m12^2, m23^2), M at rest: p1 along z, p3 in the xz plane. */
function dalitzMomenta(M: number, m1: number, m2: number, m3: number, s12: number, s23: number): number[][] {
  const E1 = (M * M + m1 * m1 - s23) / (2 * M);
  const E3 = (M * M + m3 * m3 - s12) / (2 * M);
  const E2 = M - E1 - E3;
  const [k1, k2, k3] = [Math.sqrt(E1 * E1 - m1 * m1), Math.sqrt(E2 * E2 - m2 * m2), Math.sqrt(E3 * E3 - m3 * m3)];
  const c = Math.max(-1, Math.min(1, (k2 * k2 - k1 * k1 - k3 * k3) / (2 * k1 * k3)));
  const sn = Math.sqrt(1 - c * c);
  return [[0, 0, k1, E1], [-k3 * sn, 0, -k1 - k3 * c, E2], [k3 * sn, 0, k3 * c, E3]];
}

describe('N -> l1- l2+ nu: leptonicMatrixElement against Dirac traces, random configurations and spin axes', () => {
  /** Tr-evaluated |M|^2 for N spin state h s (h = 0: spin average), currents [ubar Gam_a u_N][ubar Gam_b v]. */
  function traced(M: number, p: number[][], sh: V4, m1: number, m2: number, neutral: { gL: number; gR: number } | null): number {
    const [p1, p2, pNu] = p.map(toV4);
    const N = spinState([M, 0, 0, 0], M, sh);
    if (!neutral) {
      // Charged current: [ubar_{l1} g^mu (1-g5) u_N][ubar_nu g_mu (1-g5) v_{l2}].
      return contract(currentTensor(spinSum(p1, m1), N, LEFT), currentTensor(slash(pNu), spinSum(p2, m2, true), LEFT));
    }
    // Neutral current: [ubar_nu g^mu (1-g5) u_N][ubar_l g_mu (gL (1-g5) + gR (1+g5)) v_l].
    const chiral = GAMMA.map((g) => mul(g, add(scale(ONE_MINUS_G5, neutral.gL), scale(ONE_P_G5, neutral.gR))));
    return contract(currentTensor(slash(pNu), N, LEFT), currentTensor(spinSum(p1, m1), spinSum(p2, m2, true), chiral));
  }
  function check(c: LeptonicCoefficients, M: number, m1: number, m2: number, neutral: { gL: number; gR: number } | null, seed: number): number[] {
    const r = rng(seed);
    const ratios: number[] = [];
    for (let i = 0; i < 12; i++) {
      // A point inside the Dalitz plot (m3 = 0), then a random rotation and spin axis.
      const [s12, s23] = randomDalitzPoint(r, M, m1, m2);
      const [ct, ph, ps] = [2 * r() - 1, 2 * Math.PI * r(), 2 * Math.PI * r()];
      const st = Math.sqrt(1 - ct * ct);
      const rot = (v: number[]) => {
        const [x1, y1] = [v[0] * Math.cos(ps) - v[1] * Math.sin(ps), v[0] * Math.sin(ps) + v[1] * Math.cos(ps)];
        const [y2, z2] = [y1 * ct - v[2] * st, y1 * st + v[2] * ct];
        return [x1 * Math.cos(ph) - y2 * Math.sin(ph), x1 * Math.sin(ph) + y2 * Math.cos(ph), z2, v[3]];
      };
      const p = dalitzMomenta(M, m1, m2, 0, s12, s23).map(rot);
      const [sc, sp] = [2 * r() - 1, 2 * Math.PI * r()];
      const s = [Math.sqrt(1 - sc * sc) * Math.cos(sp), Math.sqrt(1 - sc * sc) * Math.sin(sp), sc, 0];
      for (const h of [1, -1, 0]) {
        const fn = leptonicMatrixElement(c, M, [0, 0, 0, M], s, h, p[0], p[1], p[2], m1, m2);
        ratios.push(traced(M, p, scale4(toV4(s), h), m1, m2, neutral) / fn);
      }
    }
    return ratios;
  }

  it('charged current (cA = 1, cB = cI = 0), massive leptons: trace = 128 x function for every point and h = +1, -1, 0', () => {
    for (const r of check({ cA: 1, cB: 0, cI: 0 }, 1.5, 0.3, 0.45, null, 1)) expect(relDiff(r, 128)).toBeLessThan(1e-9);
  });

  it('neutral current nu l- l+ (cA = gL^2, cB = gR^2, cI = gL gR), same and other flavour: trace = 128 x function', () => {
    const s2 = SIN2_THETA_W_MZ;
    for (const [gL, seed] of [[-0.5 + s2, 2], [0.5 + s2, 3]]) {
      const cfg = { gL, gR: s2 };
      const c = { cA: gL * gL, cB: s2 * s2, cI: gL * s2 };
      for (const r of check(c, 1.2, 0.4, 0.4, cfg, seed)) expect(relDiff(r, 128)).toBeLessThan(1e-9);
    }
  });
});

describe("the tau's polarisation from N's decay, and the polarised tau's decays, against Dirac traces with the tau's spin projector", () => {
  const randomUnit = (r: () => number) => {
    const c = 2 * r() - 1;
    const ph = 2 * Math.PI * r();
    return [Math.sqrt(1 - c * c) * Math.cos(ph), Math.sqrt(1 - c * c) * Math.sin(ph), c];
  };
  /** A rest-frame spin direction of a particle of momentum p (px, py, pz, E) and mass m, as its four-vector in p's frame (dirac.ts order). */
  const spinIn = (p: number[], m: number, d: number[]): V4 => toV4(boost([d[0], d[1], d[2], 0], p as [number, number, number, number], m));
  const mTau = PARTICLES.tau.mass;

  it('N -> tau- X+ through ubar_tau Jslash (1 - g5) u_N (J = p_P, or any current of a narrow vector): the tau spin density (1 + P.s)/2 and the rate for both N spins, to 1e-9; its N-spin asymmetry is twoBodyDecayAsymmetry for a pseudoscalar', () => {
    const r = rng(21);
    for (const M of [2.7, 3.0, 4.5]) {
      for (let trial = 0; trial < 6; trial++) {
        const mP = [0.1396, 0.4937, 0.7753][trial % 3];
        const k = twoBodyMomentum(M, mTau, mP);
        const n = randomUnit(r);
        const pl = [k * n[0], k * n[1], k * n[2], Math.hypot(k, mTau)];
        const pseudoscalar = trial < 3;
        const J = pseudoscalar ? [-pl[0], -pl[1], -pl[2], M - pl[3]] : [r() - 0.5, r() - 0.5, r() - 0.5, r() - 0.5];
        const G = mul(slash(toV4(J)), ONE_MINUS_G5);
        const sN = randomUnit(r);
        const rates: number[] = [];
        for (const h of [1, -1, 0]) {
          const v = sN.map((x) => h * x);
          const N = spinState([M, 0, 0, 0], M, [0, v[0], v[1], v[2]]);
          const traced = (d: number[]) => traceRe(mul(mul(mul(scale(spinState(toV4(pl), mTau, spinIn(pl, mTau, d)), 2), G), N), bar(G)));
          const [Px, Py, Pz, rate] = leptonPolarisationFromCurrent(pl, mTau, J, v);
          for (let j = 0; j < 3; j++) {
            const d = randomUnit(r);
            const up = traced(d);
            const down = traced(d.map((x) => -x));
            expect(Math.abs(up / (up + down) - (1 + Px * d[0] + Py * d[1] + Pz * d[2]) / 2)).toBeLessThan(1e-9);
            if (j === 0) rates.push((up + down) / rate);
          }
          if (pseudoscalar && h !== 0) {
            const cos = sN[0] * n[0] + sN[1] * n[1] + sN[2] * n[2];
            const [, , , r0] = leptonPolarisationFromCurrent(pl, mTau, J, [0, 0, 0]);
            expect(Math.abs(rate / r0 - (1 + twoBodyDecayAsymmetry(M, mTau, mP, 'pseudoscalar') * h * cos))).toBeLessThan(1e-9);
          }
        }
        // One proportionality constant for h = +1, -1 and unpolarised: the rates are right too.
        expect(relDiff(rates[0], rates[2])).toBeLessThan(1e-9);
        expect(relDiff(rates[1], rates[2])).toBeLessThan(1e-9);
      }
    }
  });

  it('N -> tau- l+ nu and l- tau+ nu (charged current): the spin density of the tau as particle 1 (p1 -> p1 - m1 s1) or 2 (p2 -> p2 + m2 s2), to 1e-9', () => {
    const r = rng(22);
    for (const [M, m1, m2, slot] of [[3.0, mTau, 0.1057, 1], [2.5, mTau, 0.000511, 1], [3.0, 0.1057, mTau, 2], [4.0, 0.000511, mTau, 2]] as const) {
      for (let trial = 0; trial < 6; trial++) {
        const [s12, s23] = randomDalitzPoint(r, M, m1, m2);
        const [p1, p2, pNu] = dalitzMomenta(M, m1, m2, 0, s12, s23);
        const sN = randomUnit(r);
        for (const h of [1, -1, 0]) {
          const N = spinState([M, 0, 0, 0], M, [0, h * sN[0], h * sN[1], h * sN[2]]);
          const [pTau, mT] = slot === 1 ? [p1, m1] : [p2, m2];
          const rest = (p: readonly number[]) => boost(p as [number, number, number, number], [-pTau[0], -pTau[1], -pTau[2], pTau[3]], mT);
          const P = leptonicLeptonPolarisation(1, M, sN, h, p1, p2, pNu, m1, m2, slot, rest);
          const traced = (d: number[]) => {
            const X1 = slot === 1 ? scale(spinState(toV4(p1), m1, spinIn(p1, m1, d)), 2) : spinSum(toV4(p1), m1);
            const X2 = slot === 2 ? scale(mul(add(slash(toV4(p2)), scale(I4, -m2)), add(I4, mul(G5, slash(spinIn(p2, m2, d))))), 1) : spinSum(toV4(p2), m2, true);
            return contract(currentTensor(X1, N, LEFT), currentTensor(slash(toV4(pNu)), X2, LEFT));
          };
          for (let j = 0; j < 3; j++) {
            const d = randomUnit(r);
            const up = traced(d);
            const down = traced(d.map((x) => -x));
            expect(Math.abs(up / (up + down) - (1 + P[0] * d[0] + P[1] * d[1] + P[2] * d[2]) / 2)).toBeLessThan(1e-9);
          }
        }
      }
    }
  });

  it('a polarised tau- -> l- nubar nu and tau+ -> l+ nu nubar: leptonicMatrixElement with the tau as N, spin P and h = +1 (tau-) or -1 (tau+), to 1e-9; tau-/tau+ -> pi nu: the pion along 1 +/- P.n', () => {
    const r = rng(23);
    for (const ml of [0.000511, 0.1057]) {
      for (let trial = 0; trial < 6; trial++) {
        const [s12, s23] = randomDalitzPoint(r, mTau, ml, 0);
        // Particle 1 the charged lepton, 2 the neutrino paired with the tau, 3 the other (as TAU_TO_LEPTONS).
        const [pl, pa, pb] = dalitzMomenta(mTau, ml, 0, 0, s12, s23);
        const d = randomUnit(r);
        const sTau: V4 = [0, d[0], d[1], d[2]];
        // tau-: [ubar_nu_tau g (1-g5) u_tau][ubar_l g (1-g5) v_nubar], pa = nubar_l, pb = nu_tau.
        const minus = contract(currentTensor(slash(toV4(pb)), spinState([mTau, 0, 0, 0], mTau, sTau), LEFT), currentTensor(spinSum(toV4(pl), ml), slash(toV4(pa)), LEFT));
        // tau+: [vbar_tau g (1-g5) v_nubar_tau][ubar_nu_l g (1-g5) v_l], pa = nu_l, pb = nubar_tau.
        const vTau = scale(mul(add(slash([mTau, 0, 0, 0]), scale(I4, -mTau)), add(I4, mul(G5, slash(sTau)))), 0.5);
        const plus = contract(currentTensor(vTau, slash(toV4(pb)), LEFT), currentTensor(slash(toV4(pa)), spinSum(toV4(pl), ml, true), LEFT));
        const c = { cA: 1, cB: 0, cI: 0 };
        const fMinus = leptonicMatrixElement(c, mTau, [0, 0, 0, mTau], [...d, 0], 1, pl, pa, pb, ml, 0);
        const fPlus = leptonicMatrixElement(c, mTau, [0, 0, 0, mTau], [...d, 0], -1, pl, pa, pb, ml, 0);
        expect(relDiff(minus / fMinus, 128)).toBeLessThan(1e-9);
        expect(relDiff(plus / fPlus, 128)).toBeLessThan(1e-9);
      }
    }
    // tau -> pi nu: rate(pion along n) for spin s, with G = p_pi-slash (1 - g5).
    const k = twoBodyMomentum(mTau, PARTICLES.pi.mass, 0);
    for (let trial = 0; trial < 4; trial++) {
      const n = randomUnit(r);
      const d = randomUnit(r);
      const pPi: V4 = [Math.hypot(k, PARTICLES.pi.mass), k * n[0], k * n[1], k * n[2]];
      const pNu: V4 = [k, -k * n[0], -k * n[1], -k * n[2]];
      const G = mul(slash(pPi), ONE_MINUS_G5);
      const sTau = (x: number): V4 => [0, x * d[0], x * d[1], x * d[2]];
      const cos = n[0] * d[0] + n[1] * d[1] + n[2] * d[2];
      const minus = (x: number) => traceRe(mul(mul(mul(slash(pNu), G), spinState([mTau, 0, 0, 0], mTau, sTau(x))), bar(G)));
      const plus = (x: number) => traceRe(mul(mul(mul(mul(add(slash([mTau, 0, 0, 0]), scale(I4, -mTau)), add(I4, mul(G5, slash(sTau(x))))), G), slash(pNu)), bar(G)));
      expect(Math.abs(minus(1) / (minus(1) + minus(-1)) - (1 + cos) / 2)).toBeLessThan(1e-9);
      expect(Math.abs(plus(1) / (plus(1) + plus(-1)) - (1 - cos) / 2)).toBeLessThan(1e-9);
    }
  });
});

describe('a partly polarised tau -> rho nu, rho -> pi pi0, against the Dirac trace of the chain', () => {
  const mTau = PARTICLES.tau.mass;
  const { rho, pi, pi0 } = PARTICLES;
  const kRho = twoBodyMomentum(mTau, rho.mass, 0);
  const pStar = twoBodyMomentum(rho.mass, pi.mass, pi0.mass);
  // tau- : |ubar_nu kslash (1 - g5) u_tau|^2, u ubar = (pslash + m)(1 + g5 Pslash)/2; tau+ : |vbar_tau kslash (1 - g5) v_nu|^2, v vbar = (pslash - m)(1 + g5 Pslash)/2.
  const traced = (sign: number, pol: number[], nu: V4, k: V4) => {
    const G = mul(slash(k), ONE_MINUS_G5);
    const tau = scale(mul(add(slash([mTau, 0, 0, 0]), scale(I4, sign * mTau)), add(I4, mul(G5, slash([0, pol[0], pol[1], pol[2]])))), 0.5);
    return sign > 0 ? traceRe(mul(mul(mul(slash(nu), G), tau), bar(G))) : traceRe(mul(mul(mul(tau, G), slash(nu)), bar(G)));
  };
  it("vectorMesonDecayWeight with the tau's polarisation vector P (|P| < 1) and h = +1 (tau-), -1 (tau+) is the chain's |M|^2 over its mean over the rho's decay directions (1e-9); the rho's own direction follows 1 + h alpha P.n, alpha = (m_tau^2 - 2 m_rho^2)/(m_tau^2 + 2 m_rho^2)", () => {
    const r = rng(31);
    const alpha = (mTau ** 2 - 2 * rho.mass ** 2) / (mTau ** 2 + 2 * rho.mass ** 2);
    for (let trial = 0; trial < 6; trial++) {
      const size = 0.3 + 0.6 * r();
      const ps = [2 * r() - 1, 2 * r() - 1, 2 * r() - 1];
      const norm = Math.hypot(ps[0], ps[1], ps[2]);
      const pol = ps.map((x) => (size * x) / norm);
      const ct = 2 * r() - 1;
      const dq = [Math.sqrt(1 - ct * ct), 0, ct];
      const q = [kRho * dq[0], kRho * dq[1], kRho * dq[2], Math.hypot(kRho, rho.mass)];
      const nu = [-q[0], -q[1], -q[2], kRho];
      const kIn = (d: number[]) => boost([2 * pStar * d[0], 2 * pStar * d[1], 2 * pStar * d[2], 0], q as [number, number, number, number], rho.mass);
      for (const sign of [1, -1]) {
        const mean = OCTAHEDRON.reduce((sum, d) => sum + traced(sign, pol, toV4(nu), toV4(kIn(d))), 0) / OCTAHEDRON.length;
        const cd = 2 * r() - 1;
        const k = kIn([Math.sqrt(1 - cd * cd), 0, cd]);
        const w = vectorMesonDecayWeight(mTau, pol, sign, nu, q, rho.mass, k, 4 * pStar * pStar);
        expect(Math.abs(w - traced(sign, pol, toV4(nu), toV4(k)) / mean)).toBeLessThan(1e-9);
        // The rho along +dq against -dq: (1 + h alpha P.dq)/(1 - h alpha P.dq).
        const back = [-q[0], -q[1], -q[2], q[3]];
        const meanBack = OCTAHEDRON.reduce((sum, d) => sum + traced(sign, pol, toV4([q[0], q[1], q[2], kRho]), toV4(boost([2 * pStar * d[0], 2 * pStar * d[1], 2 * pStar * d[2], 0], back as [number, number, number, number], rho.mass))), 0) / OCTAHEDRON.length;
        const c = pol[0] * dq[0] + pol[1] * dq[1] + pol[2] * dq[2];
        expect(Math.abs(mean / meanBack - (1 + sign * alpha * c) / (1 - sign * alpha * c))).toBeLessThan(1e-9);
      }
    }
  });
});

describe('three-body widths from the matrix element (Dalitz integral)', () => {
  /**
   * Gamma = 1/((2pi)^3 32 M^3) Int |M|^2 dm12^2 dm23^2 (PDG "Kinematics", three-body decays),
   * |M|^2 = 64 G_F^2 x leptonicMatrixElement(h = 0) (spin-averaged), U^2 = 1, m3 = 0 (neutrino).
   */
  function dalitzWidth(c: LeptonicCoefficients, M: number, m1: number, m2: number): number {
    const lo = (m1 + m2) ** 2;
    const span = M * M - lo;
    const outer = (t: number) => {
      const s12 = lo + span * t * t; // t^2 removes the sqrt edge at threshold
      const e2 = (s12 - m1 * m1 + m2 * m2) / (2 * Math.sqrt(s12));
      const e3 = (M * M - s12) / (2 * Math.sqrt(s12));
      const k2 = Math.sqrt(Math.max(0, e2 * e2 - m2 * m2));
      const inner = (s23: number) => {
        const p = dalitzMomenta(M, m1, m2, 0, s12, s23);
        return leptonicMatrixElement(c, M, [0, 0, 0, M], [0, 0, 0, 0], 0, p[0], p[1], p[2], m1, m2);
      };
      // |M|^2 is quadratic in m23^2 at fixed m12^2: one panel of Gauss-Legendre is exact.
      return integrate(inner, (e2 + e3) ** 2 - (k2 + e3) ** 2, (e2 + e3) ** 2 - (k2 - e3) ** 2, 1) * 2 * span * t;
    };
    return (64 * G_F ** 2 * integrate(outer, 0, 1, 64)) / ((2 * Math.PI) ** 3 * 32 * M ** 3);
  }

  it('massless charged current is muon decay: G_F^2 M^5/(192 pi^3) (fixes the spin-average factor)', () => {
    const M = PARTICLES.mu.mass;
    expect(relDiff(dalitzWidth({ cA: 1, cB: 0, cI: 0 }, M, 0, 0), (G_F ** 2 * M ** 5) / (192 * Math.PI ** 3))).toBeLessThan(1e-9);
  });

  it('N -> l_a- l_b+ nu_b equals widthChargedLeptonPair (eq. 4.7) to 1e-4 at M = 0.3, 1, 2 GeV', () => {
    const mass = { e: PARTICLES.e.mass, mu: PARTICLES.mu.mass };
    for (const [a, b] of [['e', 'mu'], ['mu', 'e']] as const) {
      for (const M of [0.3, 1, 2]) {
        expect(relDiff(dalitzWidth({ cA: 1, cB: 0, cI: 0 }, M, mass[a], mass[b]), widthChargedLeptonPair(M, a, b, 1)), `${a} ${b} ${M}`).toBeLessThan(1e-4);
      }
    }
  });

  it('N -> nu_a l_b- l_b+ equals widthNeutrinoDilepton (eq. 4.8) to 1e-4, a == b and a != b, b = mu, e', () => {
    const s2 = SIN2_THETA_W_MZ;
    for (const b of ['mu', 'e'] as const) {
      const ml = PARTICLES[b].mass;
      for (const a of ['e', 'mu'] as const) {
        const gL = -0.5 + s2 + (a === b ? 1 : 0);
        for (const M of [0.3, 1, 2]) {
          const fromMe = dalitzWidth({ cA: gL * gL, cB: s2 * s2, cI: gL * s2 }, M, ml, ml);
          expect(relDiff(fromMe, widthNeutrinoDilepton(M, a, b, 1)), `nu_${a} ${b}${b} at ${M}`).toBeLessThan(1e-4);
        }
      }
    }
  });
});
