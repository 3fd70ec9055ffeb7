/**
 * The N energy spectrum of semileptonic production P -> P' l+ N (src/physics/hnl/production.ts),
 * which the dump-mode sampler draws E_N from: the Dalitz integral of the matrix element must give
 * the width of 1805.08567 eq. 3.8 (an independent closed-form-in-one-variable evaluation).
 */
import { describe, expect, it } from 'vitest';
import { LEPTON_OF } from '../src/physics/hnl/production.js';
import { SEMILEPTONIC_CHANNELS, semileptonicEnergySpectrum, widthSemileptonicToHnl } from '../src/physics/hnl/semileptonic.js';

describe('semileptonic production: N energy spectrum from the matrix element', () => {
  const cases = SEMILEPTONIC_CHANNELS.flatMap((ch) =>
    (['e', 'mu', 'tau'] as const).flatMap((l) => [0.01, 0.3, 0.8, 1.5, 2.5].map((mN) => ({ ch, l, mN }))),
  ).filter(({ ch, l, mN }) => ch.parent.mass > ch.daughter.mass + LEPTON_OF[l].mass + mN + 0.05);

  it.each(cases.map((c) => [`${c.ch.parent.name} -> ${c.ch.daughter.name} ${c.l}+ N, m_N = ${c.mN}`, c] as const))('%s: the sum of the bins equals the width of 1805.08567 eq. 3.8 to 1e-4', (_, { ch, l, mN }) => {
    const spectrum = semileptonicEnergySpectrum(ch, LEPTON_OF[l], mN, 1e-6, 64);
    const total = spectrum.widths.reduce((a, b) => a + b, 0);
    const width = widthSemileptonicToHnl(ch, LEPTON_OF[l], mN, 1e-6);
    expect(width).toBeGreaterThan(0);
    expect(Math.abs(total / width - 1)).toBeLessThan(1e-4);
    expect(spectrum.widths.every((w) => w >= 0)).toBe(true);
  });
});
