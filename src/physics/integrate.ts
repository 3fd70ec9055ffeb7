/**
 * Numerical integration in float64 for host-side physics (widths, normalisations).
 * Composite Gauss-Legendre: exact for polynomials of degree < 2*order on each panel and
 * robust for the smooth, bounded integrands of two- and three-body phase space.
 */

// 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz & Stegun table 25.4).
const GL8_X = [
  -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
  0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363,
];
const GL8_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
  0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];

/** The integrals of the n components of f over [a, b] from the same nodes as integrate (one evaluation of f per node). */
export function integrateComponents(f: (x: number) => readonly number[], n: number, a: number, b: number, panels = 64): number[] {
  const sum = new Array<number>(n).fill(0);
  if (!(b > a)) return sum;
  const h = (b - a) / panels;
  for (let k = 0; k < panels; k++) {
    const mid = a + (k + 0.5) * h;
    for (let j = 0; j < 8; j++) {
      const y = f(mid + 0.5 * h * GL8_X[j]);
      for (let i = 0; i < n; i++) sum[i] += GL8_W[j] * y[i];
    }
  }
  return sum.map((s) => 0.5 * h * s);
}

/** Integral of f over [a, b] with `panels` equal panels of 8-point Gauss-Legendre. */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 64): number {
  if (!(b > a)) return 0;
  const h = (b - a) / panels;
  let sum = 0;
  for (let k = 0; k < panels; k++) {
    const mid = a + (k + 0.5) * h;
    for (let j = 0; j < 8; j++) sum += GL8_W[j] * f(mid + 0.5 * h * GL8_X[j]);
  }
  return 0.5 * h * sum;
}
