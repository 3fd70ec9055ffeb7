/**
 * Dirac algebra with explicit 4x4 complex matrices (Dirac representation, metric (+,-,-,-)):
 * spin sums and helicity projections evaluated numerically, so no hand-made trace can be
 * wrong. Used by the K+ -> mu+ nu X amplitude and by the tests of the dipole cross-sections.
 */

export type Mat = { re: Float64Array; im: Float64Array };
export const mat = (): Mat => ({ re: new Float64Array(16), im: new Float64Array(16) });
export function mul(a: Mat, b: Mat): Mat {
  const c = mat();
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < 4; k++) {
        const ar = a.re[4 * i + k];
        const ai = a.im[4 * i + k];
        const br = b.re[4 * k + j];
        const bi = b.im[4 * k + j];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      c.re[4 * i + j] = re;
      c.im[4 * i + j] = im;
    }
  }
  return c;
}
export function add(a: Mat, b: Mat, sb = 1): Mat {
  const c = mat();
  for (let i = 0; i < 16; i++) {
    c.re[i] = a.re[i] + sb * b.re[i];
    c.im[i] = a.im[i] + sb * b.im[i];
  }
  return c;
}
export function scale(a: Mat, s: number): Mat {
  const c = mat();
  for (let i = 0; i < 16; i++) {
    c.re[i] = a.re[i] * s;
    c.im[i] = a.im[i] * s;
  }
  return c;
}
export function dagger(a: Mat): Mat {
  const c = mat();
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      c.re[4 * i + j] = a.re[4 * j + i];
      c.im[4 * i + j] = -a.im[4 * j + i];
    }
  }
  return c;
}
export function traceRe(a: Mat): number {
  return a.re[0] + a.re[5] + a.re[10] + a.re[15];
}
/** Re Tr(a b) without forming the product. */
export function traceProductRe(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) s += a.re[4 * i + j] * b.re[4 * j + i] - a.im[4 * i + j] * b.im[4 * j + i];
  return s;
}
export function fromReal(rows: number[][], imRows?: number[][]): Mat {
  const m = mat();
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      m.re[4 * i + j] = rows[i][j];
      if (imRows) m.im[4 * i + j] = imRows[i][j];
    }
  }
  return m;
}

// Dirac representation; metric (+,-,-,-).
export const I4 = fromReal([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
export const G0 = fromReal([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, -1, 0], [0, 0, 0, -1]]);
export const G1 = fromReal([[0, 0, 0, 1], [0, 0, 1, 0], [0, -1, 0, 0], [-1, 0, 0, 0]]);
export const G2 = fromReal([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [[0, 0, 0, -1], [0, 0, 1, 0], [0, 1, 0, 0], [-1, 0, 0, 0]]);
export const G3 = fromReal([[0, 0, 1, 0], [0, 0, 0, -1], [-1, 0, 0, 0], [0, 1, 0, 0]]);
export const G5 = fromReal([[0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]]);
export const GAMMA = [G0, G1, G2, G3];
export const METRIC = [1, -1, -1, -1];

export type V4 = [number, number, number, number]; // (E, px, py, pz)
export function slash(p: V4): Mat {
  return add(add(add(scale(G0, p[0]), scale(G1, -p[1])), scale(G2, -p[2])), scale(G3, -p[3]));
}
export const dot = (a: V4, b: V4) => a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
export const sum = (a: V4, b: V4): V4 => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
export const bar = (a: Mat) => mul(mul(G0, dagger(a)), G0);
export const PL = scale(add(I4, G5, -1), 0.5);
export const PR = scale(add(I4, G5), 0.5);
export const ONE_MINUS_G5 = add(I4, G5, -1);

