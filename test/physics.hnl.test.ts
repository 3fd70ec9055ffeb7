import { describe, expect, it } from 'vitest';
import {
  alphaS, hnlDecayTable, qcdCorrection, threeBodyIntegralI3, threeBodyIntegralIOneMassive, widthQuarkCharged, widthQuarkNeutral, HNL_DECAY_CHANNELS,
} from '../src/physics/hnl/decay.js';
import { CKM } from '../src/physics/constants.js';
import { brLeptonicToHnl, LEPTONIC_PARENTS, widthLeptonicToHnl } from '../src/physics/hnl/production.js';
import { brTauToHnl, brToTau, TAU_DECAYS_TO_HNL, tauLeptonicEnergyDensity, tauLeptonicEnergyRange } from '../src/physics/hnl/tau.js';
import { dalitzRange12, kallen } from '../src/physics/kinematics.js';
import { integrate } from '../src/physics/integrate.js';
import { brSemileptonicToHnl, pseudoscalarFormFactorsAt, SEMILEPTONIC_CHANNELS, widthSemileptonicToHnl } from '../src/physics/hnl/semileptonic.js';
import { mixingFrom, parseMixingRatios } from '../src/physics/hnl/mixing.js';
import { PARTICLES } from '../src/physics/particles.js';

const only = (f: 'e' | 'mu' | 'tau') => ({ e: 0, mu: 0, tau: 0, [f]: 1 });

describe('HNL decay widths (PHYSICS.md section 1.2, arXiv:1805.08567)', () => {
  // Checkpoint, PHYSICS.md section 5: c*tau of a Majorana HNL at M = 0.3 GeV with U^2 = 1 in
  // one flavour: 0.0806 / 0.1185 / 0.2165 m (+-2%), "1805.08567 formulas; agrees with ALPINIST tables".
  it.each([
    ['e', 0.0806],
    ['mu', 0.1185],
    ['tau', 0.2165],
  ] as const)('c*tau(M = 0.3 GeV, U_%s^2 = 1, Majorana) = %f m within 2%%', (flavour, target) => {
    const table = hnlDecayTable(0.3, only(flavour), true);
    expect(Math.abs(table.ctau / target - 1)).toBeLessThan(0.02);
  });

  it('Majorana total width is exactly twice the Dirac one, with identical branching ratios', () => {
    const U = mixingFrom(1e-6, [0.2, 0.5, 0.3]);
    const maj = hnlDecayTable(0.4, U, true);
    const dir = hnlDecayTable(0.4, U, false);
    expect(maj.totalWidth / dir.totalWidth).toBe(2);
    expect(maj.branchingRatios).toEqual(dir.branchingRatios);
  });

  it('widths scale linearly with U^2 at fixed flavour ratios (every channel is proportional to one U_a^2)', () => {
    for (const M of [0.05, 0.2, 0.45, 0.9]) {
      const a = hnlDecayTable(M, mixingFrom(1e-4, [1, 1, 1].map((x) => x / 3) as [number, number, number]), true);
      const b = hnlDecayTable(M, mixingFrom(1e-8, [1, 1, 1].map((x) => x / 3) as [number, number, number]), true);
      expect(a.totalWidth / b.totalWidth).toBeCloseTo(1e4, 6);
    }
  });

  it('three-body integral: numerical I(0, x, 0) = I(0, 0, x) equals the closed form of I(x, 0, 0), and I(0,0,0) = 1 (1805.08567 eq. C.10)', () => {
    expect(threeBodyIntegralI3(0, 0, 0)).toBeCloseTo(1, 10);
    for (const x of [0.01, 0.1, 0.35, 0.7, 0.95]) {
      expect(threeBodyIntegralI3(0, x, 0)).toBeCloseTo(threeBodyIntegralIOneMassive(x), 8);
      expect(threeBodyIntegralI3(0, 0, x)).toBeCloseTo(threeBodyIntegralIOneMassive(x), 8);
    }
  });

  it('labels are unique and name one charge state', () => {
    const labels = HNL_DECAY_CHANNELS.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('pi+ mu-');
    expect(labels).toContain('pi0 nu');
    expect(labels).toContain('nu nu nu');
  });
});

describe('HNL quark-level hadronic decays above 1 GeV (arXiv:1805.08567; FairShip python/hnl.py, HNLCalc/SIREN)', () => {
  const GF = 1.1663787e-5;
  const scale = (M: number) => (GF ** 2 * M ** 5) / (192 * Math.PI ** 3);
  const hadronicLabels = new Set(HNL_DECAY_CHANNELS.filter((c) => c.hadronic).map((c) => c.label));
  const isHadronic = (label: string) => hadronicLabels.has(label) || label.endsWith(' hadrons');

  it('I(x_u, x_d, x_l): I(0, a, b) equals an independent integration of I(a, b, 0) in s = (p_a + p_b)^2 (1805.08567 eq. C.9) in both orders, and I(0,0,0) = 1', () => {
    // I(x1, x2, 0) = 12 Int_{(x1+x2)^2}^1 ds/s (s - x1^2 - x2^2)(1-s)^2 sqrt(lambda(s, x1^2, x2^2)), s = lo + (1 - lo) t^2.
    const lepton = (x1: number, x2: number) => {
      const lo = (x1 + x2) ** 2;
      const span = 1 - lo;
      return 12 * integrate((t) => {
        const s = lo + span * t * t;
        return ((s - x1 * x1 - x2 * x2) * (1 - s) ** 2 * Math.sqrt(Math.max(0, kallen(s, x1 * x1, x2 * x2))) / s) * 2 * span * t;
      }, 0, 1, 64);
    };
    expect(threeBodyIntegralI3(0, 0, 0)).toBeCloseTo(1, 10);
    for (const [a, b] of [[0.01, 0.2], [0.1, 0.3], [0.3, 0.5], [0.05, 0.9], [0.6, 0]]) {
      expect(threeBodyIntegralI3(0, a, b)).toBeCloseTo(lepton(a, b), 8);
      expect(threeBodyIntegralI3(0, a, b)).toBeCloseTo(lepton(b, a), 8);
    }
    expect(threeBodyIntegralI3(0.5, 0.3, 0.2)).toBe(0); // closed at x_u + x_d + x_l = 1
  });

  it('Delta_QCD(1.5 GeV) lies in (0, 0.5); one-loop alpha_s within 7% of FairShip alpha_s.dat (1 GeV 0.430, 3 GeV 0.252, 5 GeV 0.212)', () => {
    expect(qcdCorrection(1.5)).toBeGreaterThan(0);
    expect(qcdCorrection(1.5)).toBeLessThan(0.5);
    for (const [mu, fairship] of [[1, 0.43], [3, 0.252], [5, 0.212]]) expect(Math.abs(alphaS(mu) / fairship - 1)).toBeLessThan(0.07);
    expect(alphaS(1.77693)).toBeCloseTo(0.332, 12); // alpha_s(m_tau), the input (SIREN HNLDecay.cxx)
  });

  it('massless limit of N -> l- u dbar: 3 |V|^2 G_F^2 M^5 U^2/(192 pi^3) per pair before the (1 + Delta_QCD) factor (I = 1; 1805.08567)', () => {
    // At M = 5 GeV the e, u, d masses shift I by ~8 (m_d/M)^2 ~ 1e-5 only.
    const M = 5;
    const massless = 3 * CKM.ud ** 2 * scale(M);
    expect(Math.abs(widthQuarkCharged(M, 'e', 'u', 'd', CKM.ud, 1) / massless - 1)).toBeLessThan(1e-4);
    expect(widthQuarkCharged(M, 'e', 'u', 'd', CKM.ud, 0.5) / widthQuarkCharged(M, 'e', 'u', 'd', CKM.ud, 1)).toBeCloseTo(0.5, 12); // prop. to U_e^2
  });

  it('M = 0.9 GeV: exclusive regime, no "hadrons" entries', () => {
    const t = hnlDecayTable(0.9, mixingFrom(1e-6, [0.3, 0.4, 0.3]), true);
    expect(t.regime).toBe('exclusive');
    expect(Object.keys(t.branchingRatios).filter((k) => k.includes('hadrons'))).toEqual([]);
  });

  it('M = 2 GeV, U_mu only: quark-level regime, BRs sum to 1, hadronic total = (1 + Delta_QCD) x quark level (FairShip max, SIREN remainder)', () => {
    const M = 2;
    const t = hnlDecayTable(M, only('mu'), true);
    expect(t.regime).toBe('quark-level');
    expect(t.branchingRatios['mu- hadrons']).toBeGreaterThan(0);
    expect(t.branchingRatios['nu hadrons']).toBeGreaterThan(0);
    expect(t.branchingRatios).not.toHaveProperty(['e- hadrons']);
    expect(t.branchingRatios).not.toHaveProperty(['tau- hadrons']);
    expect(Object.values(t.branchingRatios).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const pairs: [('u' | 'c'), ('d' | 's' | 'b'), number][] = [
      ['u', 'd', CKM.ud], ['u', 's', CKM.us], ['c', 'd', CKM.cd], ['c', 's', CKM.cs], ['u', 'b', CKM.ub], ['c', 'b', CKM.cb],
    ];
    const cc = pairs.reduce((s, [u, d, v]) => s + widthQuarkCharged(M, 'mu', u, d, v, 1), 0);
    const nc = (['u', 'd', 's', 'c', 'b'] as const).reduce((s, q) => s + widthQuarkNeutral(M, q, 1), 0);
    const quarkTotal = (1 + qcdCorrection(M)) * (cc + nc);
    const hadronicBr = Object.entries(t.branchingRatios).filter(([k]) => isHadronic(k)).reduce((s, [, br]) => s + br, 0);
    const hadronic = (hadronicBr * t.totalWidth) / 2; // single-charge-state widths (Majorana factor 2)
    expect(Math.abs(hadronic / quarkTotal - 1)).toBeLessThan(1e-9);
  });

  it('total width rises monotonically from 0.9 to 5 GeV (50 masses, each flavour), across the 1 GeV switch', () => {
    for (const f of ['e', 'mu', 'tau'] as const) {
      const widths = Array.from({ length: 50 }, (_, i) => hnlDecayTable(0.9 + (4.1 * i) / 49, only(f), true).totalWidth);
      for (let i = 1; i < widths.length; i++) expect(widths[i], `${f} ${i}`).toBeGreaterThan(widths[i - 1]);
    }
  });
});

describe('HNL production in two-body leptonic decays (PHYSICS.md section 1.1)', () => {
  // Checkpoint: Gamma(K -> mu nu) at tree level with f_K 0.1557, V_us 0.2243 = 3.313e-17 GeV (PHYSICS.md section 5).
  it('Gamma(K+ -> mu+ nu) at tree level = 3.313e-17 GeV (m_N -> 0, U^2 = 1)', () => {
    const w = widthLeptonicToHnl(LEPTONIC_PARENTS.K, PARTICLES.mu, 0, 1);
    expect(w / 3.313e-17 - 1).toBeLessThan(1e-3);
    expect(w / 3.313e-17 - 1).toBeGreaterThan(-1e-3);
  });
  // Checkpoint: BR(K -> mu nu) = 0.623 at tree level (PDG 0.636 includes radiative corrections).
  it('BR(K+ -> mu+ nu) at tree level = 0.623', () => {
    expect(brLeptonicToHnl(LEPTONIC_PARENTS.K, 'mu', 0, only('mu'))).toBeCloseTo(0.623, 3);
  });
  // Checkpoint: BR(Ds -> mu nu) = 0.54% (PDG 0.543%); our tree level with PDG 2024 tau(Ds) = 501.2 fs
  // gives 0.531%: 2% tolerance covers the lifetime the checkpoint was made with (504 fs, PDG 2020).
  it('BR(Ds+ -> mu+ nu) at tree level = 0.54% within 2%', () => {
    expect(Math.abs(brLeptonicToHnl(LEPTONIC_PARENTS.Ds, 'mu', 0, only('mu')) / 0.0054 - 1)).toBeLessThan(0.02);
  });
  // Checkpoint: BR(Ds -> mu N)/U_mu^2 at M = 0.5 GeV = 0.111 (same formula). We get 0.1099 with
  // tau(Ds) = 501.2 fs (PDG 2024) and 0.1105 with 504 fs: 2% covers the lifetime, as above.
  it('BR(Ds+ -> mu+ N)/U_mu^2 at M = 0.5 GeV = 0.111 within 2%', () => {
    expect(Math.abs(brLeptonicToHnl(LEPTONIC_PARENTS.Ds, 'mu', 0.5, only('mu')) / 0.111 - 1)).toBeLessThan(0.02);
  });
  it('closes exactly at m_N = m_P - m_l', () => {
    const edge = PARTICLES.K.mass - PARTICLES.mu.mass;
    expect(widthLeptonicToHnl(LEPTONIC_PARENTS.K, PARTICLES.mu, edge, 1)).toBe(0);
    expect(widthLeptonicToHnl(LEPTONIC_PARENTS.K, PARTICLES.mu, edge - 1e-3, 1)).toBeGreaterThan(0);
  });
});

describe('mixing ratios', () => {
  it('parses ratios and benchmarks, rejects negatives and garbage', () => {
    expect(parseMixingRatios('1:0:0')).toEqual([1, 0, 0]);
    expect(parseMixingRatios('E')).toEqual([0, 1, 0]); // benchmark E: muon only (NA62 HNL talk)
    expect(parseMixingRatios('D')).toEqual([1, 0, 0]);
    expect(typeof parseMixingRatios('e')).toBe('string'); // not benchmark E by accident
    expect(typeof parseMixingRatios('1:-1:0')).toBe('string');
    expect(typeof parseMixingRatios('1:x:0')).toBe('string');
    expect(typeof parseMixingRatios('0:0:0')).toBe('string');
  });
});

describe('HNL production in semileptonic decays and from tau (PHYSICS.md section 1.1)', () => {
  const channel = (parent: string) => SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === parent)!;

  it('massless limit = the textbook G_F^2 |V|^2 m^5/(192 pi^3) Int |f+|^2 lambda^(3/2) dxi (f+ squared once), integrated here independently', () => {
    for (const ch of SEMILEPTONIC_CHANNELS) {
      if (ch.kind !== 'pseudoscalar') continue;
      const mP = ch.parent.mass;
      const x2 = (ch.daughter.mass / mP) ** 2;
      let sum = 0;
      const n = 200_000; // midpoint rule
      const top = (1 - Math.sqrt(x2)) ** 2;
      for (let k = 0; k < n; k++) {
        const xi = ((k + 0.5) / n) * top;
        const [fPlus] = pseudoscalarFormFactorsAt(ch.formFactors, mP, ch.daughter.mass, xi * mP * mP);
        const lam = Math.max(0, 1 + x2 * x2 + xi * xi - 2 * x2 - 2 * xi - 2 * x2 * xi);
        sum += fPlus ** 2 * lam ** 1.5;
      }
      const textbook = ((1.1663787e-5 ** 2 * ch.ckm ** 2 * ch.isospinFactor * mP ** 5) / (192 * Math.PI ** 3)) * (sum * top) / n;
      const ours = widthSemileptonicToHnl(ch, { ...PARTICLES.e, mass: 0 }, 0, 1);
      expect(Math.abs(ours / textbook - 1), ch.parent.name).toBeLessThan(1e-6);
    }
  });

  // SM limits against PDG 2024 (m_N -> 0, U^2 = 1). The single-pole form factors of PHYSICS.md
  // are a model, not fits to these rates: D -> K comes out 4-7% low, B -> D 13-16% low (its
  // q^2 slope is steeper than one pole at 6.4 GeV); the tolerances say so and no more.
  it.each([
    ['D0', 'e', 0.03549, 0.1],
    ['D0', 'mu', 0.0341, 0.1],
    ['D+', 'e', 0.0872, 0.1],
    ['B+', 'e', 0.0235, 0.2],
    ['B0', 'e', 0.0224, 0.2],
  ] as const)('BR(%s -> P l+ nu), l = %s: PDG %f within %f', (parent, l, pdg, tol) => {
    expect(Math.abs(brSemileptonicToHnl(channel(parent), l, 0, only(l)) / pdg - 1)).toBeLessThan(tol);
  });

  it('D -> pi (ETM): f+(0) = f0(0) = 0.6117 (z = z0 at q^2 = 0), and both rise with q^2 towards the D* pole', () => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === 'D0' && c.daughter.name === 'pi-')!;
    if (ch.kind !== 'pseudoscalar') throw new Error('D0 -> pi- is a pseudoscalar channel');
    const [M, m] = [ch.parent.mass, ch.daughter.mass];
    const at0 = pseudoscalarFormFactorsAt(ch.formFactors, M, m, 0);
    expect(Math.abs(at0[0] - 0.6117)).toBeLessThan(1e-15);
    expect(Math.abs(at0[1] - 0.6117)).toBeLessThan(1e-15);
    const atMax = pseudoscalarFormFactorsAt(ch.formFactors, M, m, (M - m) ** 2);
    expect(atMax[0]).toBeGreaterThan(at0[0] * 1.5);
    expect(atMax[1]).toBeGreaterThan(at0[1]);
  });

  // The BCL sets are checked by the kinematic constraint f+(0) = f0(0), which a mistyped
  // coefficient breaks and which holds only in the convention a set was fitted in: for B -> pi,
  // K = 3 in the z^K term (appending a zero fourth coefficient, as the Belle II decay file writes
  // it, breaks it by 3%). Bs -> K's z(0) = 0.15 is too small for K to show.
  const bclChannel = (parent: string, daughter: string) => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === parent && c.daughter.name === daughter)!;
    if (ch.kind !== 'pseudoscalar' || ch.formFactors.form !== 'bcl') throw new Error(`${parent} -> ${daughter} is a BCL channel`);
    return { ff: ch.formFactors, M: ch.parent.mass, m: ch.daughter.mass };
  };
  it.each([
    ['B0', 'pi-', 0.2311],
    ['Bs0', 'K-', 0.159],
  ] as const)('%s -> %s (BCL): f+(0) = f0(0) = %f to 1e-3', (parent, daughter, fAtZero) => {
    const { ff, M, m } = bclChannel(parent, daughter);
    const [fPlus, fZero] = pseudoscalarFormFactorsAt(ff, M, m, 0);
    expect(Math.abs(fPlus - fZero)).toBeLessThan(1e-3);
    expect(Math.abs(fPlus - fAtZero)).toBeLessThan(1e-3);
  });
  it('B0 -> pi- (BCL) read with K = 4 breaks f+(0) = f0(0) by more than 2%', () => {
    const { ff, M, m } = bclChannel('B0', 'pi-');
    const [fPlus, fZero] = pseudoscalarFormFactorsAt({ ...ff, plus: [...ff.plus, 0], zero: [...ff.zero, 0] }, M, m, 0);
    expect(Math.abs(fPlus / fZero - 1)).toBeGreaterThan(0.02);
  });

  // The Cabibbo-suppressed channels against PDG 2024: the transcribed ETM D -> pi form factors
  // give 11-12% less than PDG (|V_cd| f+(0) = 0.135 against the measured 0.1426); B -> rho with
  // the transcribed fit matches to 1%; B -> pi (HFLAV 2023 fit) to 2%; Bs -> K- mu+ nu against
  // LHCb's (1.06 +- 0.09)e-4 (arXiv:2012.05143; PDG 2024), 5% low. Bs -> K*- l nu has no measured rate.
  it.each([
    ['D0', 'pi-', 'e', 0.00291, 0.15],
    ['D+', 'pi0', 'e', 0.00372, 0.15],
    ['B0', 'pi-', 'e', 1.5e-4, 0.05],
    ['B+', 'pi0', 'e', 7.8e-5, 0.05],
    ['Bs0', 'K-', 'mu', 1.06e-4, 0.1],
    ['B0', 'rho-', 'e', 2.94e-4, 0.1],
    ['B+', 'rho0', 'e', 1.58e-4, 0.1],
  ] as const)('BR(%s -> %s %s+ nu): PDG %f within %f', (parent, daughter, l, pdg, tol) => {
    const ch = SEMILEPTONIC_CHANNELS.find((c) => c.parent.name === parent && c.daughter.name === daughter)!;
    expect(Math.abs(brSemileptonicToHnl(ch, l, 0, only(l)) / pdg - 1)).toBeLessThan(tol);
  });

  const tauDecay = (label: string) => TAU_DECAYS_TO_HNL.find((d) => d.label === label)!;
  it.each([
    ['pi+ Nbar', 'tau', 0.1082],
    ['rho+ Nbar', 'tau', 0.2549],
    ['e+ nu N', 'e', 0.1782],
    ['e+ nu Nbar', 'tau', 0.1782],
    ['mu+ nu N', 'mu', 0.1739],
    ['mu+ nu Nbar', 'tau', 0.1739],
  ] as const)('BR(tau+ -> %s) at m_N -> 0, U_%s^2 = 1, tree level: PDG 2024 %f within 3% (radiative corrections)', (label, flavour, pdg) => {
    expect(Math.abs(brTauToHnl(tauDecay(label), 1e-6, only(flavour)) / pdg - 1)).toBeLessThan(0.03);
  });

  it('BR(Ds+ -> tau+ nu), BR(D+ -> tau+ nu) at tree level: PDG 2024 (5.36 +- 0.10)% within 5%, (0.120 +- 0.027)% within its 23% error', () => {
    expect(Math.abs(brToTau(LEPTONIC_PARENTS.Ds) / 0.0536 - 1)).toBeLessThan(0.05);
    expect(Math.abs(brToTau(LEPTONIC_PARENTS.D) / 0.0012 - 1)).toBeLessThan(0.23);
  });

  // tau -> l nu N from the muon-decay matrix element, spin-averaged |M|^2 = 64 G_F^2 U^2 (p_tau.p_a)(p_b.p_c),
  // dGamma = |M|^2 dm12^2 dm23^2/(256 pi^3 m^3) with m12^2 = (p_N + p_l)^2, m23^2 = (p_l + p_nu)^2 = m^2 + m_N^2 - 2 m E_N:
  // N on the W's lepton line pairs the tau with N, (p_tau.p_N)(p_l.p_nu); N on the tau line pairs it with the neutrino, (p_tau.p_nu)(p_l.p_N).
  it.each([
    ['mu+ nu N', 0.5],
    ['mu+ nu Nbar', 0.5],
    ['e+ nu N', 1.2],
    ['e+ nu Nbar', 1.2],
  ] as const)('tau+ -> %s at m_N = %f: dGamma/dE_N of the closed form (HNLCalc) = the Dalitz integral of the muon-decay |M|^2 (1e-6, 7 energies)', (label, mN) => {
    const decay = tauDecay(label);
    const m = PARTICLES.tau.mass;
    const ml = decay.lepton === 'e' ? PARTICLES.e.mass : PARTICLES.mu.mass;
    const [eMin, eMax] = tauLeptonicEnergyRange(decay, mN);
    for (let k = 1; k < 8; k++) {
      const E = eMin + ((eMax - eMin) * k) / 8;
      const m23 = m * m + mN * mN - 2 * m * E;
      const [lo, hi] = dalitzRange12(m, mN, ml, 0, m23);
      const me = (m12: number) => {
        const tauN = m * E;
        const lNu = 0.5 * (m23 - ml * ml);
        const tauNu = 0.5 * (m * m - m12); // m12^2 = (p_tau - p_nu)^2
        const lN = 0.5 * (m12 - mN * mN - ml * ml);
        return 64 * 1.1663787e-5 ** 2 * (decay.nSign === 1 ? tauN * lNu : tauNu * lN);
      };
      let sum = 0;
      const n = 2000; // |M|^2 is at most quadratic in m12^2: the midpoint rule is off by ~(1/24) n^-2 of the curvature, < 1e-7
      for (let i = 0; i < n; i++) sum += me(lo + ((i + 0.5) / n) * (hi - lo));
      const dalitz = ((sum / n) * (hi - lo) * 2 * m) / (256 * Math.PI ** 3 * m ** 3);
      expect(Math.abs(tauLeptonicEnergyDensity(decay, mN, 1, E) / dalitz - 1)).toBeLessThan(1e-6);
    }
  });

  it('close at their thresholds and scale with U_a^2 of the lepton flavour only', () => {
    const d0 = channel('D0');
    const edge = d0.parent.mass - d0.daughter.mass - PARTICLES.mu.mass;
    expect(brSemileptonicToHnl(d0, 'mu', edge + 1e-6, only('mu'))).toBe(0);
    expect(brSemileptonicToHnl(d0, 'mu', edge - 1e-2, only('mu'))).toBeGreaterThan(0);
    expect(brSemileptonicToHnl(d0, 'mu', 0.5, only('e'))).toBe(0);
    const tauPi = tauDecay('pi+ Nbar');
    expect(brTauToHnl(tauPi, PARTICLES.tau.mass - PARTICLES.pi.mass + 1e-6, only('tau'))).toBe(0);
    expect(brTauToHnl(tauPi, 1.0, only('tau'))).toBeGreaterThan(0);
    expect(brTauToHnl(tauPi, 1.0, only('mu'))).toBe(0);
    expect(brTauToHnl(tauDecay('mu+ nu N'), PARTICLES.tau.mass - PARTICLES.mu.mass + 1e-6, only('mu'))).toBe(0);
    expect(brTauToHnl(tauDecay('mu+ nu N'), 1.0, only('tau'))).toBe(0);
    expect(brTauToHnl(tauDecay('mu+ nu Nbar'), 1.0, only('mu'))).toBe(0);
  });
});
