/**
 * Target nuclei: isotopes, natural elements (by isotopic abundance) and compounds (by
 * formula), for coherent neutrino scattering. Nuclear masses are A x 0.931494 GeV (the
 * atomic mass unit), the convention of the PHYSICS.md checkpoints (within 0.1% of the true
 * nuclear masses).
 *
 * Abundances: NIST "Atomic Weights and Isotopic Compositions" (Coursey et al.), the
 * representative isotopic compositions, as fractions of atoms.
 */
import { InputError } from '../config/errors.js';
import { AMU_GEV } from './constants.js';


export interface Nucleus {
  readonly name: string;
  readonly Z: number;
  readonly A: number;
  /** Mass in GeV (A x AMU_GEV). */
  readonly M: number;
}

const ELEMENTS: Readonly<Record<string, { Z: number; isotopes: Readonly<Record<number, number>> }>> = {
  O: { Z: 8, isotopes: { 16: 0.99757, 17: 0.00038, 18: 0.00205 } },
  Al: { Z: 13, isotopes: { 27: 1 } },
  Ca: { Z: 20, isotopes: { 40: 0.96941, 42: 0.00647, 43: 0.00135, 44: 0.02086, 46: 0.00004, 48: 0.00187 } },
  Ge: { Z: 32, isotopes: { 70: 0.2057, 72: 0.2745, 73: 0.0775, 74: 0.365, 76: 0.0773 } },
  W: { Z: 74, isotopes: { 180: 0.0012, 182: 0.265, 183: 0.1431, 184: 0.3064, 186: 0.2843 } },
};

/** Compounds by formula: element -> atoms per formula unit. */
const COMPOUNDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  CaWO4: { Ca: 1, W: 1, O: 4 },
  Al2O3: { Al: 2, O: 3 },
};

/** A target: nuclei with their number per target unit (per nucleus, atom or formula unit). */
export interface Target {
  readonly name: string;
  readonly components: readonly { readonly nucleus: Nucleus; readonly count: number }[];
  /** Mass of one target unit in GeV (sum of its nuclei's masses). */
  readonly unitMass: number;
  /** What one unit is, for the docs and the JSON: "nucleus", "atom" or "formula unit". */
  readonly unit: string;
}

function nucleus(symbol: string, A: number): Nucleus {
  const el = ELEMENTS[symbol];
  return { name: `${symbol}${A}`, Z: el.Z, A, M: A * AMU_GEV };
}

function elementComponents(symbol: string, count: number) {
  return Object.entries(ELEMENTS[symbol].isotopes).map(([A, f]) => ({ nucleus: nucleus(symbol, Number(A)), count: count * f }));
}

export const KNOWN_TARGETS = [
  ...Object.entries(ELEMENTS).flatMap(([s, e]) => Object.keys(e.isotopes).map((A) => `${s}${A}`)),
  ...Object.keys(ELEMENTS),
  ...Object.keys(COMPOUNDS),
];

/** A target by name: an isotope ("Ge73"), a natural element ("Ge"), or a compound ("CaWO4"). */
export function targetByName(name: string, field = 'target'): Target {
  const iso = /^([A-Z][a-z]?)(\d+)$/.exec(name);
  let components: Target['components'] | undefined;
  let unit = 'nucleus';
  if (iso && ELEMENTS[iso[1]]?.isotopes[Number(iso[2])] !== undefined) components = [{ nucleus: nucleus(iso[1], Number(iso[2])), count: 1 }];
  else if (ELEMENTS[name]) {
    components = elementComponents(name, 1);
    unit = 'atom';
  } else if (COMPOUNDS[name]) {
    components = Object.entries(COMPOUNDS[name]).flatMap(([s, n]) => elementComponents(s, n));
    unit = 'formula unit';
  }
  if (!components) throw new InputError(field, name, `unknown target; known: ${KNOWN_TARGETS.join(', ')}`);
  return { name, components, unitMass: components.reduce((m, c) => m + c.count * c.nucleus.M, 0), unit };
}
