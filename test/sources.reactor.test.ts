import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/config/load.js';
import { fluxPerGeV } from '../src/processes/nucleusCommon.js';
import {
  DEFAULT_FISSION_FRACTIONS, ENERGY_PER_FISSION_MEV, FISSION_ISOTOPES, fissionRate, reactorFlux, spectrumPerFission, SPECTRUM_MAX_MEV, SPECTRUM_SWITCH_MEV,
} from '../src/sources/reactor.js';

describe('reactor antineutrino source (PHYSICS.md section 3)', () => {
  it('Huber 2011 U235 above 2 MeV: the fit evaluated by hand at 3 MeV', () => {
    // exp(4.367 - 4.577*3 + 2.100*9 - 0.5294*27 + 0.06186*81 - 0.002777*243), Huber Phys. Rev. C 84, 024617, table III.
    const byHand = Math.exp(4.367 - 4.577 * 3 + 2.1 * 9 - 0.5294 * 27 + 0.06186 * 81 - 0.002777 * 243);
    expect(spectrumPerFission('U235', 3)).toBeCloseTo(byHand, 12);
    // Vogel-Engel below 2 MeV: exp(0.870 - 0.160 E - 0.091 E^2).
    expect(spectrumPerFission('U235', 1)).toBeCloseTo(Math.exp(0.87 - 0.16 - 0.091), 12);
  });

  it('the two parametrisations meet at 2 MeV within 15%, and the spectra fall steeply (E = 8 MeV below 1% of E = 2 MeV)', () => {
    for (const iso of FISSION_ISOTOPES) {
      const below = spectrumPerFission(iso, SPECTRUM_SWITCH_MEV * (1 - 1e-9));
      const above = spectrumPerFission(iso, SPECTRUM_SWITCH_MEV);
      expect(Math.abs(above / below - 1), iso).toBeLessThan(0.15);
      expect(spectrumPerFission(iso, 8) / above, iso).toBeLessThan(0.01);
    }
    expect(spectrumPerFission('U235', SPECTRUM_MAX_MEV * 1.01)).toBe(0);
  });

  it('fission rate = P / (mean energy per fission): 4.25 GW_th -> 1.289e20 fissions/s with the default fractions', () => {
    const mean = FISSION_ISOTOPES.reduce((s, k) => s + DEFAULT_FISSION_FRACTIONS[k] * ENERGY_PER_FISSION_MEV[k], 0);
    expect(mean).toBeCloseTo(205.8373, 3);
    expect(fissionRate(4.25e9, DEFAULT_FISSION_FRACTIONS) / 1.2887e20).toBeCloseTo(1, 3);
  });

  it('flux falls as 1/L^2 and adds over cores (Chooz: two 4.25 GW cores at 72 m and 102 m)', () => {
    const one = reactorFlux(3, [{ power_W: 4.25e9, distance_m: 72 }], DEFAULT_FISSION_FRACTIONS);
    const far = reactorFlux(3, [{ power_W: 4.25e9, distance_m: 144 }], DEFAULT_FISSION_FRACTIONS);
    expect(one / far).toBeCloseTo(4, 12);
    const both = reactorFlux(3, [{ power_W: 4.25e9, distance_m: 72 }, { power_W: 4.25e9, distance_m: 102 }], DEFAULT_FISSION_FRACTIONS);
    expect(both / one).toBeCloseTo(1 + (72 / 102) ** 2, 12);
  });

  it('the energies per fission are an input (source.energy_per_fission_MeV): more energy per fission, fewer fissions for the same power', () => {
    const base = loadScenario('nucleus-cevns');
    const hot = loadScenario('nucleus-cevns', ['source.energy_per_fission_MeV={"U235":404.72,"U238":411.98,"Pu239":422.24,"Pu241":428.52}']);
    if (base.process !== 'nucleus-cevns' || hot.process !== 'nucleus-cevns') throw new Error('preset');
    expect(base.source.energy_per_fission_MeV).toEqual(ENERGY_PER_FISSION_MEV);
    expect(fluxPerGeV(hot.source, 3e-3) / fluxPerGeV(base.source, 3e-3)).toBeCloseTo(0.5, 12);
    expect(() => loadScenario('nucleus-cevns', ['source.energy_per_fission_MeV.U235=-1'])).toThrow(/source\.energy_per_fission_MeV\.U235 = -1: must be > 0/);
  });
});
