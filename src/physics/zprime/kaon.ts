/**
 * K+ -> mu+ nu X for a muon-philic mediator X (PHYSICS.md section 2; Krnjaic, Marques-Tavares,
 * Redigolo, Tobioka, arXiv:1902.07715). For the L_mu - L_tau vector the Z' couples to nu_mu
 * too: the amplitude has emission from the neutrino leg and from the muon leg, and only
 * their sum conserves the current (without the neutrino leg the rate at 10 MeV is ~40x too
 * large). With C = G_F V_us f_K/sqrt(2), p = mu+, q = nu, k = X, P = p + q + k:
 *   M_V = C g' eps*_b ubar(q) [ g^b P_L (qslash + kslash)/(2q.k + m^2) Pslash(1-g5)
 *         + Pslash(1-g5) (m_mu - pslash - kslash)/(2p.k + m^2) g^b ] v(p),
 *   M_S = C g_S ubar(q) Pslash(1-g5) (m_mu - pslash - kslash)/(2p.k + m^2) v(p).
 * Spin sums are done numerically with explicit Dirac matrices (no hand-made traces to get
 * wrong): sum |ubar(q) G v(p)|^2 = Tr[G (pslash - m_mu) Gbar qslash], and for the vector the
 * polarisation sum -g_bc + k_b k_c/m^2. dGamma = sum|M|^2 dm12^2 dm23^2/(256 pi^3 m_K^3),
 * m12^2 = (p+k)^2, m23^2 = (k+q)^2 = m_miss^2.
 */
import { CKM, DECAY_CONSTANT_GEV, G_F } from '../constants.js';
import { integrate } from '../integrate.js';
import { m12Range } from '../kinematics.js';
import { PARTICLES, widthFromLifetime } from '../particles.js';
import type { MediatorKind } from './model.js';

import { add, bar, dot, GAMMA, I4, type Mat, mat, METRIC, mul, ONE_MINUS_G5, PL, scale, slash, sum, traceProductRe, traceRe, type V4 } from '../dirac.js';

const M_MU = PARTICLES.mu.mass;
const M_K = PARTICLES.K.mass;
/** C = G_F V_us f_K / sqrt(2). */
const C = (G_F * CKM.us * DECAY_CONSTANT_GEV.K) / Math.SQRT2;

/**
 * Which emissions of the vector to include: both (the physics), or the muon leg alone (only
 * to show, in the tests, what goes wrong without the neutrino leg).
 */
export type Legs = 'both' | 'muon';

/** The spinor-line matrices Gamma^b (vector, b = 0..3) or Gamma (scalar), without C and the coupling. */
export function kaonCurrents(kind: MediatorKind, p: V4, q: V4, k: V4, m: number, legs: Legs = 'both'): Mat[] {
  const P = sum(sum(p, q), k);
  const weak = mul(slash(P), ONE_MINUS_G5);
  const muonProp = scale(add(scale(I4, M_MU), slash(sum(p, k)), -1), 1 / (2 * dot(p, k) + m * m));
  if (kind === 'scalar') return [mul(weak, muonProp)];
  const nuProp = scale(slash(sum(q, k)), 1 / (2 * dot(q, k) + m * m));
  return GAMMA.map((g) => (legs === 'muon' ? mul(mul(weak, muonProp), g) : add(mul(mul(mul(g, PL), nuProp), weak), mul(mul(weak, muonProp), g))));
}

/** sum over spins and polarisations of |M|^2 / (C g)^2. */
export function kaonMatrixElement2(kind: MediatorKind, p: V4, q: V4, k: V4, m: number, legs: Legs = 'both'): number {
  const G = kaonCurrents(kind, p, q, k, m, legs);
  const pm = add(slash(p), scale(I4, M_MU), -1); // pslash - m_mu: the v vbar spin sum
  const qs = slash(q);
  const left = G.map((g) => mul(g, pm));
  const right = G.map((g) => mul(bar(g), qs));
  const T = (b: number, c: number) => traceProductRe(left[b], right[c]);
  if (kind === 'scalar') return T(0, 0);
  const kl = [k[0], -k[1], -k[2], -k[3]]; // k with a lower index
  let s = 0;
  for (let b = 0; b < 4; b++) for (let c = 0; c < 4; c++) s += ((b === c ? -METRIC[b] : 0) + (kl[b] * kl[c]) / (m * m)) * T(b, c);
  return s;
}

/** Four-momenta (p, q, k) in the kaon rest frame for Dalitz variables m12^2 = (p+k)^2, m23^2 = (k+q)^2, or null outside. */
export function dalitzMomenta(m12sq: number, m23sq: number, m: number): [V4, V4, V4] | null {
  const Eq = (M_K * M_K - m12sq) / (2 * M_K);
  const Ep = (M_K * M_K + M_MU * M_MU - m23sq) / (2 * M_K);
  const Ek = M_K - Ep - Eq;
  const pp = Math.sqrt(Math.max(0, Ep * Ep - M_MU * M_MU));
  const pq = Eq;
  const pk2 = Ek * Ek - m * m;
  if (pk2 < 0 || pp === 0 || pq <= 0) return null;
  const cos = (pk2 - pp * pp - pq * pq) / (2 * pp * pq);
  if (cos < -1 || cos > 1) return null;
  const sin = Math.sqrt(1 - cos * cos);
  const q: V4 = [Eq, 0, 0, pq];
  const p: V4 = [Ep, pp * sin, 0, pp * cos];
  const k: V4 = [Ek, -p[1] - q[1], -p[2] - q[2], -p[3] - q[3]];
  return [p, q, k];
}

/**
 * Range of m12^2 - m_mu^2 at fixed m23^2 (PDG "Kinematics", Dalitz plot boundaries, with
 * E1, E2 and a, b the energies and momenta of mu and X in the (X nu) rest frame):
 * m12^2 = m_mu^2 + m^2 + 2(E1 E2 -+ a b), the lower end written as the sum of positive terms
 * 2[E2 m_mu^2/(E1 + a) + a m^2/(E2 + b)] so it keeps its precision (also in float32, where the
 * difference of squares loses 1e-4 at small m23).
 */
export function m12RangeAboveMuon(m23sq: number, m: number, lambdaK = kallenKmu(m23sq)): [number, number, number] | null {
  // lambdaK from the caller when the muon is nearly at rest (m23 near its maximum), where its
  // product form keeps the precision a difference would lose.
  const r = m12Range(M_K, M_MU, m, m23sq, lambdaK);
  // [lower end, upper end, their difference 4ab] of m12^2 - m_mu^2.
  return r && [r[0], r[0] + r[1], r[1]];
}

/** lambda(m_K^2, m23^2, m_mu^2) = ((m_K - m_mu)^2 - m23^2)((m_K + m_mu)^2 - m23^2). */
export function kallenKmu(m23sq: number): number {
  return ((M_K - M_MU) ** 2 - m23sq) * ((M_K + M_MU) ** 2 - m23sq);
}

/** d Gamma/d ln(m23^2) / g^2 (GeV), the inner Dalitz integral done in ln(m12^2 - m_mu^2). */
function widthDensityLnM23(kind: MediatorKind, m: number, legs: Legs, lnM23sq: number): number {
  const m23sq = Math.exp(lnM23sq);
  const r = m12RangeAboveMuon(m23sq, m);
  if (!r) return 0;
  const a = Math.log(r[0]);
  const b = Math.log(r[1]);
  const inner = integrate((t) => {
    const m12sq = M_MU * M_MU + Math.exp(t);
    const mom = dalitzMomenta(m12sq, m23sq, m);
    return mom ? kaonMatrixElement2(kind, mom[0], mom[1], mom[2], m, legs) * Math.exp(t) : 0;
  }, a, b, 8);
  return (inner * m23sq * C * C) / (256 * Math.PI ** 3 * M_K ** 3);
}

/** The missing-mass-squared cut of the K+ -> mu+ nu X search in GeV^2 (arXiv:1902.07715; PHYSICS.md section 2). */
export const M2MISS_CUT = 0.05;

/**
 * Gamma(K+ -> mu+ nu X)/g^2 in GeV and the fraction of it with m_miss^2 = m23^2 above
 * `m2missCut` (GeV^2), integrated in ln m23^2 and ln(m12^2 - m_mu^2) (collinear peaks).
 */
export function kaonToMuNuX(kind: MediatorKind, m: number, m2missCut = M2MISS_CUT, legs: Legs = 'both'): { widthOverG2: number; fractionAbove: number; br: number } {
  const lo = Math.log(m * m);
  const hi = Math.log((M_K - M_MU) ** 2);
  const f = (l: number) => widthDensityLnM23(kind, m, legs, l);
  const total = integrate(f, lo, hi, 16);
  const cut = Math.log(m2missCut);
  const above = cut >= hi ? 0 : integrate(f, Math.max(lo, cut), hi, 8);
  return { widthOverG2: total, fractionAbove: above / total, br: total / widthFromLifetime(PARTICLES.K.lifetime) };
}

/** Fractions of Gamma(K+ -> mu+ nu X) in bins of m_miss^2 with the given edges (GeV^2, increasing). */
export function kaonMissingMassFractions(kind: MediatorKind, m: number, edges: readonly number[]): number[] {
  const f = (l: number) => widthDensityLnM23(kind, m, 'both', l);
  const parts = edges.slice(1).map((e, k) => integrate(f, Math.log(edges[k]), Math.log(e), 4));
  const total = parts.reduce((s, x) => s + x, 0);
  return parts.map((x) => x / total);
}

/**
 * sum over spins of |ubar(q) k_b Gamma^b v(p)|^2: zero when the current is conserved (Ward
 * identity), the check that the amplitude is complete.
 */
export function wardResidual(p: V4, q: V4, k: V4, m: number, legs: Legs = 'both'): number {
  const G = kaonCurrents('vector', p, q, k, m, legs);
  const kl = [k[0], -k[1], -k[2], -k[3]];
  const kG = G.reduce((acc, g, b) => add(acc, scale(g, kl[b])), mat());
  return traceRe(mul(mul(mul(kG, add(slash(p), scale(I4, M_MU), -1)), bar(kG)), slash(q)));
}

/** Gamma(K+ -> mu+ nu) at tree level from the same spinor machinery (the normalisation check). */
export function kaonToMuNuWidth(): number {
  const E = (M_K * M_K + M_MU * M_MU) / (2 * M_K);
  const pp = (M_K * M_K - M_MU * M_MU) / (2 * M_K);
  const p: V4 = [E, 0, 0, -pp];
  const q: V4 = [pp, 0, 0, pp];
  const G = mul(slash(sum(p, q)), ONE_MINUS_G5);
  const m2 = C * C * traceRe(mul(mul(mul(G, add(slash(p), scale(I4, M_MU), -1)), bar(G)), slash(q)));
  return (pp / (8 * Math.PI * M_K * M_K)) * m2;
}
