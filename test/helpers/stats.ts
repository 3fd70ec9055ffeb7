/** Small statistics helpers for distribution tests. */

/** Kolmogorov-Smirnov statistic of samples against a continuous CDF. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * Critical value of the one-sample KS statistic at significance alpha for large n:
 * sqrt(-ln(alpha/2)/2)/sqrt(n) (asymptotic Kolmogorov distribution); alpha = 1e-3 gives 1.949/sqrt(n).
 */
export function ksCritical(n: number, alpha = 1e-3): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
}

/**
 * The weighted mean of xs and its standard error sqrt(sum w^2 (x - mean)^2)/sum w (the delta
 * method: it keeps the correlation of the weights with x, which Var(x)/n_eff drops).
 */
export function weightedMean(xs: readonly number[], ws: readonly number[]): { mean: number; error: number } {
  const sumW = ws.reduce((a, w) => a + w, 0);
  const mean = xs.reduce((a, x, k) => a + ws[k] * x, 0) / sumW;
  return { mean, error: Math.sqrt(xs.reduce((a, x, k) => a + (ws[k] * (x - mean)) ** 2, 0)) / sumW };
}
