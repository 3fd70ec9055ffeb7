/**
 * Target materials for muon beams: atomic and nuclear data (PDG 2024 "Atomic and nuclear
 * properties of materials") and the mean muon stopping power -dE/dX = a(E) + b(E) E in the
 * form of Groom, Mokhov and Striganov (At. Data Nucl. Data Tables 78 (2001) 183), a the
 * electronic (ionization) part, b the radiative one (bremsstrahlung, pair production,
 * photonuclear), from the PUMAS tables (PUMAS below). Units: density g/cm^3, X0 g/cm^2, a MeV cm^2/g, b 1e-6 cm^2/g,
 * energies GeV (total muon energy).
 */
export interface MuonLossTable {
  readonly energies_GeV: readonly number[];
  readonly a_MeV_cm2_g: readonly number[];
  readonly b_1e6_cm2_g: readonly number[];
  readonly source: string;
}

export interface Material {
  readonly name: string;
  readonly Z: number;
  /** Mass number used in the nuclear form factor. */
  readonly A: number;
  /** Molar mass in g/mol (for per-gram quantities). */
  readonly molarMass: number;
  readonly density_g_cm3: number;
  readonly X0_g_cm2: number;
  readonly muonLoss: MuonLossTable;
}

/** Total muon energies (GeV) of the stopping-power rows: kinetic 10, 20, 100, 160, 200 GeV and total 15 GeV. */
const LOSS_ENERGIES = [10.106, 15, 20.106, 100.106, 160.106, 200.106];
const PUMAS =
  'PUMAS v1.1 muon tables (niess/pumas-materials, dedx/muon/<material>.txt, PDG format: ionization with the Sternheimer density effect, ' +
  'bremsstrahlung and pair production SSR, photonuclear DRSS; 15 GeV log-log interpolated). They agree with Groom et al. to a few per cent ' +
  '(W at 14 GeV: 1.768 MeV cm^2/g, 34.1 MeV/cm; b_brems(W, 15 GeV) 3.37e-6 against 3.39e-6 from the exact-WW check)';

/** The materials with their data (density and X0: PDG 2024). */
export const MATERIALS: Readonly<Record<string, Material>> = {
  W: {
    name: 'W', Z: 74, A: 184, molarMass: 183.84, density_g_cm3: 19.3, X0_g_cm2: 6.76,
    muonLoss: { energies_GeV: LOSS_ENERGIES, a_MeV_cm2_g: [1.617, 1.665, 1.7, 1.858, 1.899, 1.918], b_1e6_cm2_g: [6.92, 7.95, 8.72, 12.59, 13.52, 13.93], source: PUMAS },
  },
  Pb: {
    name: 'Pb', Z: 82, A: 207, molarMass: 207.2, density_g_cm3: 11.35, X0_g_cm2: 6.37,
    muonLoss: { energies_GeV: LOSS_ENERGIES, a_MeV_cm2_g: [1.616, 1.665, 1.7, 1.859, 1.9, 1.918], b_1e6_cm2_g: [7.45, 8.57, 9.41, 13.59, 14.59, 15.03], source: PUMAS },
  },
  Cu: {
    name: 'Cu', Z: 29, A: 64, molarMass: 63.546, density_g_cm3: 8.96, X0_g_cm2: 12.86,
    muonLoss: { energies_GeV: LOSS_ENERGIES, a_MeV_cm2_g: [1.891, 1.944, 1.98, 2.154, 2.199, 2.22], b_1e6_cm2_g: [3.51, 3.99, 4.34, 6.18, 6.64, 6.84], source: PUMAS },
  },
  Fe: {
    name: 'Fe', Z: 26, A: 56, molarMass: 55.845, density_g_cm3: 7.874, X0_g_cm2: 13.84,
    muonLoss: { energies_GeV: LOSS_ENERGIES, a_MeV_cm2_g: [1.941, 1.994, 2.031, 2.206, 2.252, 2.273], b_1e6_cm2_g: [3.27, 3.71, 4.04, 5.74, 6.17, 6.36], source: PUMAS },
  },
};

/** The tables' units to GeV cm^2/g (a, from MeV cm^2/g) and cm^2/g (b, from 1e-6 cm^2/g). */
const A_TO_GEV = 1e-3;
const B_TO_CM2_G = 1e-6;

/** a (GeV cm^2/g) and b (cm^2/g) at total energy E (GeV): linear in ln E between the tabulated energies, constant beyond. */
export function muonLossAt(mat: Material, E: number): { a: number; b: number } {
  const t = mat.muonLoss;
  const [a, b] = interpolateLoss(t.energies_GeV, t.a_MeV_cm2_g, t.b_1e6_cm2_g, E);
  return { a: a * A_TO_GEV, b: b * B_TO_CM2_G };
}

/** The stopping-power table per cm of the material: a in GeV/cm, b in 1/cm, at ascending energies (GeV); interpolateLoss reads it. */
export function muonLossPerCm(mat: Material): { energies: number[]; a: number[]; b: number[] } {
  const t = mat.muonLoss;
  const rho = mat.density_g_cm3;
  return { energies: [...t.energies_GeV], a: t.a_MeV_cm2_g.map((a) => a * A_TO_GEV * rho), b: t.b_1e6_cm2_g.map((b) => b * B_TO_CM2_G * rho) };
}

/**
 * [a, b] at E from tables at ascending energies: linear in ln E between rows, the end rows'
 * values beyond them (the tables start at 10 GeV: below, a and b of 10 GeV). Twin of lossAt
 * in shaders/muon_target_zprime.wgsl.
 */
export function interpolateLoss(energies: readonly number[], a: readonly number[], b: readonly number[], E: number): [number, number] {
  const n = energies.length;
  let k = 0;
  while (k < n - 2 && E > energies[k + 1]) k++;
  const f = Math.min(1, Math.max(0, Math.log(E / energies[k]) / Math.log(energies[k + 1] / energies[k])));
  return [a[k] + f * (a[k + 1] - a[k]), b[k] + f * (b[k + 1] - b[k])];
}

/** Thickness in cm of a number of radiation lengths. */
export function thicknessCm(mat: Material, X0s: number): number {
  return (X0s * mat.X0_g_cm2) / mat.density_g_cm3;
}

/**
 * Energy (GeV) of a muon of energy E after a path of `cm` centimetres, in the continuous
 * slowing-down approximation with a and b constant along it (a per cm = a rho, b per cm = b rho):
 *   E(l) = E exp(-k) - a rho l (1 - exp(-k))/k,  k = b rho l,
 * the solution of dE/dl = -(a + b E) rho written without the large a/b cancellation.
 * Can fall below the muon mass: the muon stopped.
 */
export function energyAfter(E: number, cm: number, aPerCm: number, bPerCm: number): number {
  const k = bPerCm * cm;
  return E * Math.exp(-k) - aPerCm * cm * lossShape(k);
}

/** The energy lost on that path, E (1 - exp(-k)) + a rho l (1 - exp(-k))/k: a sum of positives. */
export function energyLost(E: number, cm: number, aPerCm: number, bPerCm: number): number {
  const k = bPerCm * cm;
  return E * -Math.expm1(-k) + aPerCm * cm * lossShape(k);
}

/**
 * (1 - exp(-k))/k, and its series 1 - k/2 below k = 1e-8 (its next term, k^2/6, is below float64's
 * resolution there). The WGSL twin switches at 1e-4, where k^2/6 is below float32's.
 */
function lossShape(k: number): number {
  return k > 1e-8 ? -Math.expm1(-k) / k : 1 - k / 2;
}
