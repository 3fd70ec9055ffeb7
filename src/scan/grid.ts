/** Scan grids: "start:stop:count" ranges, linear or logarithmic, with input errors that name the flag. */
import { InputError } from '../config/errors.js';

export interface Range {
  readonly start: number;
  readonly stop: number;
  readonly count: number;
}

export function parseRange(flag: string, text: string): Range {
  const parts = text.split(':').map((s) => Number(s.trim()));
  const [start, stop, count] = parts;
  if (parts.length !== 3 || !parts.every(Number.isFinite) || !Number.isInteger(count) || count < 1) {
    throw new InputError(flag, text, 'expected start:stop:count, e.g. 0.15:0.45:30 (count a whole number >= 1)');
  }
  if (count > 1 && !(stop > start)) throw new InputError(flag, text, 'the range is empty: stop must be greater than start');
  return { start, stop, count };
}

/** The grid points: evenly spaced, in log10 when `log` (then start must be > 0). */
export function gridPoints(flag: string, r: Range, log: boolean): number[] {
  if (log && !(r.start > 0)) throw new InputError(flag, `${r.start}:${r.stop}:${r.count}`, 'a logarithmic range needs start > 0');
  if (r.count === 1) return [r.start];
  const a = log ? Math.log10(r.start) : r.start;
  const b = log ? Math.log10(r.stop) : r.stop;
  return Array.from({ length: r.count }, (_, k) => {
    const x = a + ((b - a) * k) / (r.count - 1);
    return log ? 10 ** x : x;
  });
}
