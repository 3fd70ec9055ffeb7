/**
 * What the NUCLEUS generators share: the target nuclei of the arrays with their numbers, and
 * a piecewise-constant table of the reactor antineutrino energy for inverse-CDF sampling.
 */
import type { z } from 'zod';
import type { ReactorSource } from '../config/schema.js';
import { loadNucleusGeometry, type NucleusGeometry } from '../geometry/nucleus.js';
import { KG_PER_GEV } from '../physics/constants.js';
import { type Nucleus, targetByName } from '../physics/nuclei.js';
import { cumulative } from '../engine/cpu/sampling.js';
import { reactorFlux } from '../sources/reactor.js';
import { logEdges, type SpectrumSpec } from './process.js';


export interface TargetComponent {
  readonly label: string;
  readonly nucleus: Nucleus;
  /** Number of these nuclei in the array. */
  readonly count: number;
  /** Recoil threshold of the array in GeV. */
  readonly threshold: number;
  /** Index of the array in the geometry. */
  readonly array: number;
}

export function nucleusTargets(geometryName: string): { geometry: NucleusGeometry; components: TargetComponent[] } {
  const geometry = loadNucleusGeometry(geometryName);
  const components = geometry.arrays.flatMap((arr, array) => {
    const target = targetByName(arr.material, 'detector.geometry.arrays.material');
    const units = arr.mass_g / 1000 / (target.unitMass * KG_PER_GEV);
    return target.components.map((c) => ({ label: `${c.nucleus.name} in ${arr.name}`, nucleus: c.nucleus, count: units * c.count, threshold: arr.threshold_eV * 1e-9, array }));
  });
  return { geometry, components };
}

/** Antineutrino flux per cm^2 per second per GeV at E (GeV). */
export function fluxPerGeV(src: z.infer<typeof ReactorSource>, E: number): number {
  return reactorFlux(E * 1e3, src.cores, src.fission_fractions, src.energy_per_fission_MeV) * 1e3;
}

/**
 * Phi(E) g(E) on `bins` equal bins of [e0, e1] (GeV), midpoint values: the cumulative
 * distribution (float32-rounded, for both samplers) and the integral I = Int Phi g dE.
 */
export function energyTable(src: z.infer<typeof ReactorSource>, e0: number, e1: number, bins: number, g: (E: number) => number) {
  const de = (e1 - e0) / bins;
  const cells = Array.from({ length: bins }, (_, k) => {
    const E = e0 + (k + 0.5) * de;
    return fluxPerGeV(src, E) * g(E) * de;
  });
  const integral = cells.reduce((s, x) => s + x, 0);
  const cdf = cumulative(cells);
  const fluxInRange = cells.reduce((s, x, k) => s + x / g(e0 + (k + 0.5) * de), 0);
  return { de, cdf, integral, fluxInRange };
}

/** The recoil spectrum in the summary: 1 eV to 100 keV, five bins per decade (E_R in GeV). */
export const RECOIL_SPECTRUM: SpectrumSpec = {
  column: 'er',
  label: 'nuclear recoil energy E_R',
  edges: logEdges(1e-9, 1e-4, 25),
  display: { unit: 'eV', factor: 1e9 },
};

/** Rates per kg of target and day of live time, from a run's totals (the plan records both). */
export function kgDayRates(plan: { info: Readonly<Record<string, unknown>> }, t: { sumWeightsAccepted: number; sumWeightsAcceptedError: number }): Record<string, number> {
  const kgDay = Number(plan.info['target mass [kg]']) * Number(plan.info['live time [days]']);
  return {
    'accepted rate [/kg/day]': t.sumWeightsAccepted / kgDay,
    'accepted rate MC error [/kg/day]': t.sumWeightsAcceptedError / kgDay,
  };
}
