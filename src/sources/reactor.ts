/**
 * Reactor antineutrinos (PHYSICS.md section 3): the spectrum per fission of each fissioning
 * isotope, the fission rate of a core from its thermal power, and the flux at a detector.
 *
 * Spectra per fission, E in MeV, in antineutrinos per MeV per fission:
 * - above 2 MeV exp(sum_k a_k E^k), k = 0..5: Huber, Phys. Rev. C 84 (2011) 024617 for U235,
 *   Pu239, Pu241; Mueller et al., Phys. Rev. C 83 (2011) 054615 for U238;
 * - below 2 MeV exp(a0 + a1 E + a2 E^2): Vogel & Engel, Phys. Rev. D 39 (1989) 3378.
 * The two descriptions are used as given; they differ by a few per cent at 2 MeV.
 * Energies per fission: 202.36 / 205.99 / 211.12 / 214.26 MeV (U235/U238/Pu239/Pu241).
 */
import { J_PER_MEV } from '../physics/constants.js';

export type FissionIsotope = 'U235' | 'U238' | 'Pu239' | 'Pu241';
export const FISSION_ISOTOPES: readonly FissionIsotope[] = ['U235', 'U238', 'Pu239', 'Pu241'];

const HUBER_MUELLER: Record<FissionIsotope, readonly number[]> = {
  U235: [4.367, -4.577, 2.1, -0.5294, 0.06186, -0.002777],
  U238: [0.4833, 0.1927, -0.1283, -0.006762, 0.002233, -0.0001536],
  Pu239: [4.757, -5.392, 2.563, -0.6596, 0.0782, -0.003536],
  Pu241: [2.99, -2.882, 1.278, -0.3343, 0.03905, -0.001754],
};

const VOGEL_ENGEL: Record<FissionIsotope, readonly number[]> = {
  U235: [0.87, -0.16, -0.091],
  U238: [0.976, -0.162, -0.079],
  Pu239: [0.896, -0.239, -0.0981],
  Pu241: [0.793, -0.08, -0.1085],
};

/** Energy released per fission in MeV. */
export const ENERGY_PER_FISSION_MEV: Record<FissionIsotope, number> = { U235: 202.36, U238: 205.99, Pu239: 211.12, Pu241: 214.26 };

/** Default fission fractions (PHYSICS.md section 3; a mid-cycle pressurised-water reactor). */
export const DEFAULT_FISSION_FRACTIONS: Record<FissionIsotope, number> = { U235: 0.58, U238: 0.07, Pu239: 0.3, Pu241: 0.05 };

/** Where the spectra switch from Vogel-Engel to Huber-Mueller, and where fipgen stops them (MeV). */
export const SPECTRUM_SWITCH_MEV = 2;
export const SPECTRUM_MAX_MEV = 10;

/** Antineutrinos per MeV per fission of one isotope at E (MeV); 0 outside (0, SPECTRUM_MAX_MEV]. */
export function spectrumPerFission(iso: FissionIsotope, E: number): number {
  if (!(E > 0) || E > SPECTRUM_MAX_MEV) return 0;
  const a = E < SPECTRUM_SWITCH_MEV ? VOGEL_ENGEL[iso] : HUBER_MUELLER[iso];
  let x = 0;
  for (let k = a.length - 1; k >= 0; k--) x = x * E + a[k];
  return Math.exp(x);
}

export interface Core {
  /** Thermal power in watts. */
  readonly power_W: number;
  /** Distance to the detector in metres. */
  readonly distance_m: number;
}


/** Fissions per second of a core of thermal power P (W) with the given fission fractions and energies per fission (MeV). */
export function fissionRate(power_W: number, fractions: Record<FissionIsotope, number>, energies: Record<FissionIsotope, number> = ENERGY_PER_FISSION_MEV): number {
  const perFission = FISSION_ISOTOPES.reduce((s, k) => s + fractions[k] * energies[k], 0);
  return power_W / (perFission * J_PER_MEV);
}

/**
 * Antineutrino flux at the detector, per cm^2 per second per MeV, at E (MeV), summed over
 * cores: sum_cores (fission rate / (4 pi L^2)) sum_k f_k S_k(E).
 */
export function reactorFlux(E: number, cores: readonly Core[], fractions: Record<FissionIsotope, number>, energies: Record<FissionIsotope, number> = ENERGY_PER_FISSION_MEV): number {
  const spectrum = FISSION_ISOTOPES.reduce((s, k) => s + fractions[k] * spectrumPerFission(k, E), 0);
  return cores.reduce((s, c) => s + (fissionRate(c.power_W, fractions, energies) * spectrum) / (4 * Math.PI * (c.distance_m * 100) ** 2), 0);
}

