/**
 * The parton configurations behind the Pythia pools of N's multi-hadron and nu tau tau decays
 * (src/physics/hnl/partonDecays.ts): integrated over phase space they give decay.ts's widths
 * (1805.08567's I(x_u, x_d, x_l) for N -> l u dbar, C1 f1 + 4 C2 f2 for N -> nu q qbar and nu tau tau)
 * in one proportion; the spin vector b reproduces the polarised |M|^2 it is read from, and for
 * the charged current is the dbar's velocity (which pins the partons' places).
 */
import { describe, expect, it } from 'vitest';
import { CKM } from '../src/physics/constants.js';
import { POOL_DECAYS, poolDecayChannels, quarkLevelChannels, partonsAtRest, spinVector } from '../src/physics/hnl/partonDecays.js';
import { leptonicMatrixElement } from '../src/physics/hnl/polarisation.js';
import { integrate } from '../src/physics/integrate.js';

/** Phase-space integral of the channel's unpolarised |M|^2 times the m23^2 span: proportional to its width at fixed M. */
function dalitzIntegral(ch: ReturnType<typeof quarkLevelChannels>[number], M: number): number {
  const [m1, m2, m3] = ch.masses;
  const span = (M - m1) ** 2 - (m2 + m3) ** 2;
  // |M|^2 is rotation invariant: particle 1 along z, the 23 axis at angle theta to it.
  return span * integrate((t) => integrate((c) => {
    const s = Math.sqrt(Math.max(0, 1 - c * c));
    return partonsAtRest(ch, M, t, [0, 0, 1], [s, 0, c]).density;
  }, -1, 1, 16), 0, 1, 64);
}

describe('quark-level partons of N -> l u dbar and N -> nu q qbar', () => {
  for (const M of [1.5, 3.0, 5.0]) {
    it(`integrate to decay.ts's widths, every pair and current (and nu tau tau above 3.55 GeV) in one proportion (M = ${M} GeV)`, () => {
      const ratios: { label: string; r: number }[] = [];
      for (const decay of POOL_DECAYS) {
        for (const ch of poolDecayChannels(M, decay)) {
          // The CC width carries |V_ij|^2, which the matrix element here does not.
          const ckm2 = ch.coefficients.cB === 0 && ch.coefficients.cI === 0 ? ckmSquared(ch.label) : 1;
          // And the quarks' N_c = 3, which the taus lack.
          const colours = Math.abs(ch.pdg[0]) === 15 && ch.pdg[1] === -ch.pdg[0] ? 1 : 3;
          ratios.push({ label: ch.label, r: ch.width / ckm2 / colours / dalitzIntegral(ch, M) });
        }
      }
      expect(ratios.length).toBeGreaterThan(8);
      if (M > 2 * 1.777) expect(ratios.some(({ label }) => label.includes('tau- tau+'))).toBe(true);
      // Massive quarks (c, b) and the tau move the integrals by up to ~100x; the ratio stays.
      for (const { label, r } of ratios) expect(r / ratios[0].r, label).toBeCloseTo(1, 3);
    });
  }

  it("the charged lepton of N -> e- u dbar goes against N's spin as the electron of mu- decay: <n_e . b> = -1/3 (dGamma/dcos = 1 - cos/3; M = 5 GeV, masses negligible), to 1e-3", () => {
    const M = 5;
    const ch = quarkLevelChannels(M, 'e').find((c) => c.label === 'e- u dbar')!;
    const average = (g: (r: ReturnType<typeof partonsAtRest>) => number) => integrate((t) => integrate((c) => {
      const r = partonsAtRest(ch, M, t, [0, 0, 1], [Math.sqrt(1 - c * c), 0, c]);
      return r.density * g(r);
    }, -1, 1, 16), 0, 1, 64);
    const asymmetry = average((r) => {
      const b = spinVector(ch, M, r.partons);
      const l = r.partons[0];
      return (b[0] * l[0] + b[1] * l[1] + b[2] * l[2]) / Math.hypot(l[0], l[1], l[2]);
    }) / average(() => 1);
    expect(asymmetry).toBeCloseTo(-1 / 3, 3);
  });

  it("N's spin is seen by the W's antiquark alone, |M|^2 = (p_N - h M s).p_dbar (p_l.p_u): b is the dbar's velocity in every event of every charged-current pair (1e-12), which pins the dbar's place (the widths cannot: the phase-space integral is symmetric in the masses)", () => {
    const M = 4.5;
    for (const current of ['e', 'mu', 'tau'] as const) {
      for (const ch of quarkLevelChannels(M, current)) {
        for (const [t, c] of [[0.2, 0.3], [0.7, -0.8], [0.5, 0.95]]) {
          const { partons } = partonsAtRest(ch, M, t, [0.6, 0, 0.8], [Math.sqrt(1 - c * c), 0, c]);
          const b = spinVector(ch, M, partons);
          const dbar = partons[1];
          expect(ch.pdg[1]).toBeLessThan(0);
          for (let k = 0; k < 3; k++) expect(b[k], ch.label).toBeCloseTo(dbar[k] / dbar[3], 12);
        }
      }
    }
  });

  it('the spin vector b gives the polarised |M|^2 for any spin axis', () => {
    const M = 2.5;
    for (const ch of [...quarkLevelChannels(M, 'mu'), ...quarkLevelChannels(M, 'nu')]) {
      const { partons } = partonsAtRest(ch, M, 0.37, [0.6, 0, 0.8], [0, 0.28, 0.96]);
      const b = spinVector(ch, M, partons);
      const n = [0.48, -0.6, 0.64];
      const [m1, m2] = ch.masses;
      const me = (h: number) => leptonicMatrixElement(ch.coefficients, M, [0, 0, 0, M], [...n, 0], h, ...partons, m1, m2);
      for (const h of [1, -1]) expect(me(h) / me(0), ch.label).toBeCloseTo(1 + h * (b[0] * n[0] + b[1] * n[1] + b[2] * n[2]), 10);
      expect(Math.hypot(...b)).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

/** |V_ij|^2 of a charged-current label "l- u dbar" (PDG 2024 values as constants.ts has them). */
function ckmSquared(label: string): number {
  const [, up, down] = label.split(' ');
  const key = `${up}${down.replace('bar', '')}`;
  return CKM[key as keyof typeof CKM] ** 2;
}
