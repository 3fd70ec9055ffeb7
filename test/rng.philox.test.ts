import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulhi32, philox4x32, uniformFromBits } from '../src/engine/rng/philox.js';
import { keyFromSeed } from '../src/engine/rng/seed.js';

const kat = JSON.parse(readFileSync(new URL('./data/philox4x32_10.kat.json', import.meta.url), 'utf8')) as {
  vectors: { counter: string[]; key: string[]; expected: string[] }[];
};
const hex = (s: string) => parseInt(s, 16) >>> 0;

describe('Philox4x32-10, TypeScript (Random123 known-answer vectors)', () => {
  it.each(kat.vectors.map((v, i) => [i, v] as const))('vector %i', (_, v) => {
    const out = new Uint32Array(4);
    const [c0, c1, c2, c3] = v.counter.map(hex);
    const [k0, k1] = v.key.map(hex);
    philox4x32(c0, c1, c2, c3, k0, k1, out);
    expect([...out]).toEqual(v.expected.map(hex));
  });

  it('mulhi32 from 16-bit halves equals the BigInt product', () => {
    const cases = [[0xffffffff, 0xffffffff], [0xd2511f53, 0x12345678], [1, 0xffffffff], [0x80000000, 2], [0, 7]];
    for (const [a, b] of cases) expect(mulhi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
  });
});

describe('uniforms and seeds', () => {
  it('uniforms lie strictly inside (0, 1) and are exact in float32 at both ends', () => {
    for (const r of [0, 1, 511, 0xffffffff, 0xfffffe00]) {
      const u = uniformFromBits(r);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(Math.fround(u)).toBe(u);
    }
    expect(uniformFromBits(0)).toBe(2 ** -24);
    expect(uniformFromBits(0xffffffff)).toBe(1 - 2 ** -24);
  });

  it('a decimal seed is the key itself; a string seed hashes reproducibly', () => {
    expect(keyFromSeed(0)).toEqual([0, 0]);
    expect(keyFromSeed('4294967297')).toEqual([1, 1]);
    expect(keyFromSeed('my-run')).toEqual(keyFromSeed('my-run'));
    expect(keyFromSeed('my-run')).not.toEqual(keyFromSeed('my-run2'));
  });
});
