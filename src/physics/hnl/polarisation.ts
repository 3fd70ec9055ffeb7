/**
 * HNL polarisation: the helicity N is made with in P+ -> l+ N, and how the direction of
 * its decay products follows its spin. Derived here from the V-A amplitudes with the spin
 * projector (pslash + M)(1 + g5 sslash)/2; test/physics.hnlPolarisation.test.ts checks
 * every formula against explicit Dirac matrices (src/physics/dirac.ts).
 *
 * Conventions: h = +1 or -1 is N's helicity (spin along or against its flight) for the
 * "particle chain" P+ -> l+ N, N -> l- X+. The CP-conjugate chain (P- -> l- Nbar,
 * Nbar -> l+ X-) has helicity -h with the same angular correlations about the flight
 * direction; a Majorana N's lepton-number-violating decay (N -> l+ X-) has the opposite
 * correlation (alpha -> -alpha) to its lepton-number-conserving one.
 */
import { cross, kallen, minkowski as mdot, twoBodyRestFrame } from '../kinematics.js';

/**
 * Fraction of N with helicity +1 in P+ -> l+ N (in the P rest frame). The amplitude is
 * f_P [m_N ubar_N (1 - g5) v_l + m_l ubar_N (1 + g5) v_l]: the m_l term makes helicity -1,
 * the m_N term +1, with widths proportional to
 *   S -+ (x_N^2 - x_l^2) sqrt(lambda(1, x_N^2, x_l^2)),  S = x_l^2 + x_N^2 - (x_N^2 - x_l^2)^2,
 * whose sum is the width's factor 2S (1805.08567 eq. 3.3). So an N much lighter than the
 * lepton is made with helicity -1, an N much heavier with +1.
 */
export function leptonicProductionHelicityPlus(mP: number, ml: number, mN: number): number {
  const xl2 = (ml / mP) ** 2;
  const xN2 = (mN / mP) ** 2;
  const S = xl2 + xN2 - (xN2 - xl2) ** 2;
  if (!(S > 0)) return 0.5;
  const A = (xN2 - xl2) * Math.sqrt(Math.max(0, kallen(1, xN2, xl2)));
  return Math.min(1, Math.max(0, 0.5 * (1 + A / S)));
}

/**
 * Asymmetry alpha of a two-body decay N -> l- X+ (or nu X0, ml = 0) of an N with helicity +1:
 *   dGamma/dcos(theta) ~ 1 + alpha h cos(theta),
 * theta the angle between the lepton (or neutrino) and N's flight, in N's rest frame.
 * Pseudoscalar X (|M|^2 ~ 2(p_l.q)(q.P) - m_X^2 (p_l.P), P = p_N - M s):
 *   alpha = -(1 - x_l^2) sqrt(lambda(1, x_X^2, x_l^2)) / [(1 - x_l^2)^2 - x_X^2 (1 + x_l^2)];
 * vector X (|M|^2 ~ (p_l.P) + 2 (p_l.q)(q.P)/m_X^2):
 *   alpha = k (2 m_X^2 + m_l^2 - M^2) / (m_X^2 E_l + (M^2 - m_l^2 - m_X^2) E_X),
 * k, E_l, E_X the momentum and energies in N's rest frame. The denominators are the shapes
 * of the widths in src/physics/hnl/decay.ts; alpha = -1 for a massless lepton and a light
 * pseudoscalar (the left-handed lepton goes against the spin), 0 at threshold.
 */
export function twoBodyDecayAsymmetry(M: number, ml: number, mX: number, kind: 'pseudoscalar' | 'vector'): number {
  if (!(M > ml + mX)) return 0;
  const M2 = M * M;
  const ml2 = ml * ml;
  const mX2 = mX * mX;
  const { p: k, e1: El, e2: EX } = twoBodyRestFrame(M, ml, mX);
  if (kind === 'pseudoscalar') {
    const xl2 = ml2 / M2;
    const xX2 = mX2 / M2;
    return (-(1 - xl2) * ((2 * k) / M)) / ((1 - xl2) ** 2 - xX2 * (1 + xl2));
  }
  return (k * (2 * mX2 + ml2 - M2)) / (mX2 * El + (M2 - ml2 - mX2) * EX);
}

/**
 * Coefficients of the three-body leptonic decay N -> l1^- l2^+ nu, |M|^2 = 64 G_F^2 U^2 x
 *   [cA (P.p2)(p_nu.p1) + cB (P.p1)(p_nu.p2) + cI m1 m2 (P.p_nu)],  P = p_N - h M s,
 * with s N's spin four-vector (along its flight for h = +1; h = 0 unpolarised, which is the
 * spin average). Charged current l_a^- l_b^+ nu_b (a != b): cA = 1 (the muon-decay
 * structure). Neutral current nu_a l^- l^+ with the W exchange when a is l's flavour:
 * cA = g_L^2, cB = g_R^2, cI = g_L g_R with g_L = -1/2 + s_W^2 (+1 when a = l), g_R = s_W^2,
 * whose integrals are 1805.08567's C1 = g_L^2 + g_R^2 and C2 = g_L g_R (eq. 4.8).
 */
export interface LeptonicCoefficients {
  readonly cA: number;
  readonly cB: number;
  readonly cI: number;
}

/** The neutral current's coefficients from the fermion pair's chiral couplings: g_L^2, g_R^2, g_L g_R. */
export function neutralCurrentCoefficients(g: { gL: number; gR: number }): LeptonicCoefficients {
  return { cA: g.gL ** 2, cB: g.gR ** 2, cI: g.gL * g.gR };
}

/**
 * |M|^2/(64 G_F^2 U^2) of N -> l1^- l2^+ nu for four-vectors (px, py, pz, E) in any frame,
 * N's spin four-vector s (zero for an unpolarised N) and helicity sign h.
 */
export function leptonicMatrixElement(c: LeptonicCoefficients, M: number, pN: readonly number[], s: readonly number[], h: number, p1: readonly number[], p2: readonly number[], pNu: readonly number[], m1: number, m2: number): number {
  const P = [pN[0] - h * M * s[0], pN[1] - h * M * s[1], pN[2] - h * M * s[2], pN[3] - h * M * s[3]];
  return c.cA * mdot(P, p2) * mdot(pNu, p1) + c.cB * mdot(P, p1) * mdot(pNu, p2) + c.cI * m1 * m2 * mdot(P, pNu);
}

/**
 * Spin correlations of tau- -> X- N (X = pi, or rho summed over its helicities) for a tau- whose
 * spin points along an axis; N leaves at angle theta to it with helicity lambda (tau frame).
 *
 * The amplitude is f_X eps*_mu ubar_N gamma^mu (1 - g5) u_tau (f_X q_mu for the pion, q = p_tau - p_N).
 * In the chiral basis ubar_N gamma^mu P_L u_tau = sqrt(m_tau (E - lambda k)) (eta^+ xi, -eta^+ sigma xi)
 * (xi the tau's spin state, eta N's helicity state, E and k N's energy and momentum), so with
 * |eta^+ xi|^2 = (1 + lambda cos)/2 and |eta^+ sigma xi|^2 = (3 - lambda cos)/2:
 *   rate(lambda, cos) ~ (E - lambda k) [L_lambda (1 + lambda cos) + T (1 - lambda cos)],
 *   L_lambda = (m_tau - E - lambda k)^2 (the pion, and the rho's helicity 0), T = 2 m_rho^2 (the rho's
 *   transverse helicities; 0 for the pion).
 * Summed over lambda and cos it is the width's shape in src/physics/hnl/tau.ts; at m_N -> 0 the
 * neutrino is left-handed and goes against the spin for tau -> pi nu (alpha = -1), with
 * alpha = -(m_tau^2 - 2 m_rho^2)/(m_tau^2 + 2 m_rho^2) for tau -> rho nu (the textbook values).
 * test/physics.hnlPolarisation.test.ts checks it against explicit Dirac traces.
 *
 * N's spin also has a component across its flight, in the plane of N's flight n and the spin
 * axis t: writing the amplitude as chi^+ O xi, O = sum_lambda a_lambda Pi_lambda (Pi the helicity
 * projectors, a_lambda = sqrt(E - lambda k)(m_tau - E - lambda k), the rho's transverse part the same
 * with sqrt(E - lambda k) against a spin-down tau), its polarisation along (t - cos n)/sin is
 *   2 (a+ a- - T m_N) sin/(rate) = 2 m_N (m_X^2 - T) sin/(rate)   (a+ a- = m_N q^2, q^2 = m_X^2).
 *
 * Returned for sampling: dGamma/dcos ~ 1 + alpha cos; N has helicity +1 with probability
 * (helicityPlus + helicitySlope cos)/(1 + alpha cos) at that angle (helicityPlus over all angles),
 * and the polarisation across its flight (towards the spin axis) transverse sin/(1 + alpha cos).
 * The same form describes tau -> l nu N (tauLeptonicSpinCorrelation) and, with alpha = slope =
 * transverse = 0, N from a spinless meson.
 */
export interface SpinCorrelation {
  readonly alpha: number;
  readonly helicityPlus: number;
  readonly helicitySlope: number;
  readonly transverse: number;
}

export function tauTwoBodySpinCorrelation(mTau: number, mN: number, mX: number, kind: 'pseudoscalar' | 'vector'): SpinCorrelation {
  if (!(mTau > mN + mX)) return { alpha: 0, helicityPlus: 0.5, helicitySlope: 0, transverse: 0 };
  const { p: k, e1: E } = twoBodyRestFrame(mTau, mN, mX);
  const T = kind === 'vector' ? 2 * mX * mX : 0;
  // E - lambda k for lambda = +1 from m_N^2/(E + k): no cancellation for a light N.
  const eMinusK = (mN * mN) / (E + k);
  const plusForward = eMinusK * (mTau - E - k) ** 2; // helicity +1, weight on (1 + cos)
  const plusBackward = eMinusK * T; // helicity +1, on (1 - cos)
  const minusForward = (E + k) * T; // helicity -1, on (1 + cos)
  const minusBackward = (E + k) * (mTau - E + k) ** 2; // helicity -1, on (1 - cos)
  const sum = plusForward + plusBackward + minusForward + minusBackward;
  return {
    alpha: (plusForward + minusForward - plusBackward - minusBackward) / sum,
    helicityPlus: (plusForward + plusBackward) / sum,
    helicitySlope: (plusForward - plusBackward) / sum,
    transverse: (2 * mN * (mX * mX - T)) / sum,
  };
}

/**
 * Weight of a vector meson's decay in N -> l V (or nu V), V -> a b (or omega -> pi+ pi- pi0),
 * relative to an isotropic decay of V in its frame: its mean over V's decay directions is 1 at
 * any N -> l V configuration, so the lepton's distribution (alpha) is unchanged.
 * For a narrow V the chain's amplitude is J.k, J^mu = ubar_l gamma^mu (1 - g5) u_N and k the decay
 * current made transverse to q = p_V by the propagator's numerator -g + q q/m_V^2 (k = p_a - p_b,
 * (2 p* d, 0) in V's frame; omega: (p+ x p-, 0), its amplitude eps.n), so
 *   |J.k|^2 ~ 2 (p_l.k)(k.P) + K^2 (p_l.P),  P = p_N - h M s,  K^2 = -k^2
 * (the pseudoscalar form of twoBodyDecayAsymmetry with q -> k); averaged over k's direction,
 * <k^mu k^nu> = (K^2/3)(-g + q q/m_V^2), it is (K^2/3)[(p_l.P) + 2 (p_l.q)(q.P)/m_V^2], the vector
 * form. The weight is their ratio. Four-vectors (px, py, pz, E) in N's rest frame; s N's spin axis
 * (unit), h its helicity sign (0: unpolarised). test/physics.hnlPolarisation.test.ts checks it
 * against explicit Dirac traces.
 */
export function vectorMesonDecayWeight(M: number, s: readonly number[], h: number, pl: readonly number[], q: readonly number[], mV: number, k: readonly number[], K2: number): number {
  const P = atRestWithSpin(M, s, h);
  const lP = mdot(pl, P);
  const den = K2 * (lP + (2 * mdot(pl, q) * mdot(q, P)) / (mV * mV));
  return den > 0 ? (3 * (2 * mdot(pl, k) * mdot(k, P) + K2 * lP)) / den : 0;
}

/**
 * The polarisation of the charged lepton l- (a tau) that N at rest makes through the V-A current
 * ubar_l Jslash (1 - g5) u_N: N -> l- P+ has J = p_P (f_P p_P), N -> l- V+, V -> a b the decay
 * current k (narrow V); v is N's polarisation (h times its spin axis; 0 unpolarised). In the chiral
 * basis ubar_l gamma^mu P_L u_N = ul_L^+ sigmabar^mu uN_L with u_L = sqrt(p.sigma) xi, so the
 * amplitude is sqrt(m_N) xi_l^+ O xi_N with
 *   O = sqrt(p_l.sigma) (J^0 + J.sigma) = (S + D n.sigma)(J^0 + J.sigma) = c0 + c.sigma,
 *   S, D = (sqrt(E - k) +- sqrt(E + k))/2, c0 = S J^0 + D n.J, c = S J + D J^0 n + i D n x J,
 * n, E, k the lepton's flight, energy and momentum, xi_l its spin state in its rest frame reached
 * from N's along n. Its spin density is O (1 + v.sigma) O^+ / Tr = (1 + P.sigma)/2 with
 * (a0 + a.sigma)(b0 + b.sigma) = a0 b0 + a.b + (a0 b + b0 a + i a x b).sigma twice.
 * Returns [Px, Py, Pz, rate], rate proportional to the lepton-spin-summed |M|^2 at this N spin.
 * Checked against Dirac traces with the lepton's spin projector (test/physics.hnlPolarisation.test.ts).
 */
export function leptonPolarisationFromCurrent(pl: readonly number[], ml: number, J: readonly number[], v: readonly number[]): [number, number, number, number] {
  const k = Math.hypot(pl[0], pl[1], pl[2]);
  const n = k > 0 ? [pl[0] / k, pl[1] / k, pl[2] / k] : [0, 0, 1];
  const rootPlus = Math.sqrt(pl[3] + k);
  const rootMinus = ml / rootPlus; // sqrt(E - k) = m/sqrt(E + k), without the cancellation
  const S = (rootMinus + rootPlus) / 2;
  const D = (rootMinus - rootPlus) / 2;
  const [J0, Jv] = [J[3], [J[0], J[1], J[2]]];
  const c0 = S * J0 + D * dot3(n, Jv);
  const cRe = [0, 1, 2].map((i) => S * Jv[i] + D * J0 * n[i]);
  const cIm = cross(n, Jv).map((x) => D * x);
  // X = O (1 + v.sigma) = x0 + x.sigma: x0 = c0 + c.v, x = c0 v + c + i c x v.
  const x0Re = c0 + dot3(cRe, v);
  const x0Im = dot3(cIm, v);
  const cImXv = cross(cIm, v);
  const cReXv = cross(cRe, v);
  const xRe = [0, 1, 2].map((i) => c0 * v[i] + cRe[i] - cImXv[i]);
  const xIm = [0, 1, 2].map((i) => cIm[i] + cReXv[i]);
  // X O^+ = r0 + r.sigma (Hermitian): r0 = x0 c0 + x.c*, r = x0 c* + c0 x + i x x c*, real parts.
  const r0 = c0 * x0Re + dot3(xRe, cRe) + dot3(xIm, cIm);
  const xReXcIm = cross(xRe, cIm);
  const xImXcRe = cross(xIm, cRe);
  const r = [0, 1, 2].map((i) => x0Re * cRe[i] + x0Im * cIm[i] + c0 * xRe[i] + xReXcIm[i] - xImXcRe[i]);
  return r0 > 0 ? [r[0] / r0, r[1] / r0, r[2] / r0, r0] : [0, 0, 0, 0];
}

/**
 * The polarisation of l1- (slot 1) or l2+ (slot 2) of N -> l1- l2+ nu through the charged current
 * (leptonicMatrixElement with cB = cI = 0), in its rest frame reached from N's: its spin s enters
 * as p1 -> p1 - m1 s1 (a fermion) or p2 -> p2 + m2 s2 (an antifermion), so
 *   slot 1: P = m1 (P_N.p2) pNu' / |M|^2,   slot 2: P = -m2 (p1.pNu) P_N' / |M|^2,
 * P_N = p_N - h M s_N and ' the spatial part in that rest frame (Dirac traces in the tests).
 * `rest` takes a four-vector of N's frame to the lepton's rest frame.
 */
export function leptonicLeptonPolarisation(cA: number, M: number, s: readonly number[], h: number, p1: readonly number[], p2: readonly number[], pNu: readonly number[], m1: number, m2: number, slot: 1 | 2, rest: (p: readonly number[]) => readonly number[]): [number, number, number] {
  const P = atRestWithSpin(M, s, h);
  const me = cA * mdot(P, p2) * mdot(pNu, p1);
  if (!(me > 0)) return [0, 0, 0];
  const [vec, factor] = slot === 1 ? [rest(pNu), (cA * m1 * mdot(P, p2)) / me] : [rest(P), (-cA * m2 * mdot(p1, pNu)) / me];
  return [factor * vec[0], factor * vec[1], factor * vec[2]];
}

const dot3 = (a: readonly number[], b: readonly number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** p - h M s for a fermion of mass M at rest with spin axis s (3-vector) and sign h: what the V-A current sees of its spin state. */
function atRestWithSpin(M: number, s: readonly number[], h: number): number[] {
  return [-h * M * s[0], -h * M * s[1], -h * M * s[2], M];
}
