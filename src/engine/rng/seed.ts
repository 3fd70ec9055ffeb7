/**
 * Run seed -> Philox key. A decimal integer in [0, 2^64) is the key itself (low word, high
 * word), so `--seed 0` reproduces Random123's zero key; any other string is hashed to two
 * words with seedrandom's ARC4 key schedule (its first two outputs), so "my-run-7" is a
 * valid, reproducible seed.
 */
import seedrandom from 'seedrandom';

export type PhiloxKey = readonly [number, number];

export function keyFromSeed(seed: string | number): PhiloxKey {
  const text = String(seed).trim();
  if (/^\d+$/.test(text)) {
    const v = BigInt(text);
    if (v < 2n ** 64n) return [Number(v & 0xffffffffn), Number(v >> 32n)];
  }
  const rng = seedrandom(text);
  return [rng.int32() >>> 0, rng.int32() >>> 0];
}
