/**
 * HNL mixing: U_alpha^2 for alpha = e, mu, tau, given as a total U^2 = sum_alpha U_alpha^2
 * and ratios U_e^2 : U_mu^2 : U_tau^2.
 */

export interface Mixing {
  readonly e: number;
  readonly mu: number;
  readonly tau: number;
}

export type Flavour = keyof Mixing;
export const FLAVOURS: readonly Flavour[] = ['e', 'mu', 'tau'];

/**
 * Benchmark mixing ratios U_e^2 : U_mu^2 : U_tau^2 in percent, from the NA62 HNL talk
 * (shared/seeds/000; PHYSICS.md section 1.2). A-C are the normal/inverted-ordering
 * benchmarks used by the PBC; D-F single-flavour dominance.
 */
export const MIXING_BENCHMARKS: Readonly<Record<string, readonly [number, number, number]>> = {
  A: [0.53, 84.7, 14.7],
  B: [12.0, 20.5, 67.5],
  C: [3.65, 38.3, 58.0],
  D: [100, 0, 0],
  E: [0, 100, 0],
  F: [0, 0, 100],
};

/**
 * Parses "a:b:c" ratios or a benchmark letter. Returns the normalised fractions, or a
 * string saying what is wrong (the caller turns it into an input error naming the field).
 */
export function parseMixingRatios(text: string): [number, number, number] | string {
  const trimmed = text.trim();
  // Exact upper-case letters only: "e" must not silently become benchmark E (muon-only).
  const bench = MIXING_BENCHMARKS[trimmed];
  const parts = bench ? [...bench] : trimmed.split(':').map((s) => Number(s.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) {
    return `expected three ratios "U_e^2:U_mu^2:U_tau^2" such as "1:0:0", or a benchmark letter ${Object.keys(MIXING_BENCHMARKS).join('/')} (upper case)`;
  }
  if (parts.some((x) => x < 0)) return 'mixing ratios must be >= 0';
  const sum = parts[0] + parts[1] + parts[2];
  if (!(sum > 0)) return 'at least one mixing ratio must be > 0';
  return [parts[0] / sum, parts[1] / sum, parts[2] / sum];
}

/** U_alpha^2 from the total U^2 and normalised fractions. */
export function mixingFrom(U2: number, fractions: readonly [number, number, number]): Mixing {
  return { e: U2 * fractions[0], mu: U2 * fractions[1], tau: U2 * fractions[2] };
}

export function totalU2(U: Mixing): number {
  return U.e + U.mu + U.tau;
}
