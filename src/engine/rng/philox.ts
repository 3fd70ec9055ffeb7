/**
 * Philox4x32-10 counter-based random numbers (Salmon, Moraes, Dror, Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC11; constants from Random123's philox.h).
 *
 * Twin of shaders/philox.wgsl, written the same way: WGSL has no 64-bit integers, so the
 * 32x32 -> 64-bit multiply is built from 16-bit halves in both. Ten rounds is Random123's
 * default, the smallest count that passes BigCrush with margin.
 *
 * Stream layout (DESIGN.md): key = run seed (two words); counter = (event index low word,
 * event index high word, draw block, stream id). Event i therefore draws the same numbers
 * whatever the batch size, backend or shard.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product a*b (a, b unsigned 32-bit), from 16-bit halves. */
export function mulhi32(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const ll = al * bl;
  const hl = ah * bl;
  const lh = al * bh;
  const hh = ah * bh;
  const cross = (ll >>> 16) + (hl & 0xffff) + (lh & 0xffff);
  return (hh + (hl >>> 16) + (lh >>> 16) + (cross >>> 16)) >>> 0;
}

/**
 * Philox4x32-10 of counter (c0..c3) under key (k0, k1); the four output words go to
 * out[offset..offset+3].
 */
export function philox4x32(
  c0: number, c1: number, c2: number, c3: number,
  k0: number, k1: number,
  out: Uint32Array | number[], offset = 0,
): void {
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulhi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi32(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[offset] = c0;
  out[offset + 1] = c1;
  out[offset + 2] = c2;
  out[offset + 3] = c3;
}

/**
 * A uniform in the open interval (0, 1) from a 32-bit word: (f32(r >> 9) + 0.5) * 2^-23.
 * 23 bits, not the 24 of DESIGN.md: with 24 bits, (2^24 - 1) + 0.5 needs 25 significant
 * bits and rounds to 2^24 in float32, giving u = 1 exactly on the GPU. With 23 bits every
 * value is exact in float32, so CPU and GPU see bit-identical uniforms in [2^-24, 1 - 2^-24].
 */
export function uniformFromBits(r: number): number {
  return ((r >>> 9) + 0.5) * 1.1920928955078125e-7;
}

const TWO32 = 4294967296;

/** The random-number streams of one event, one per sampling stage (DESIGN.md). */
export const STREAM = {
  source: 0,
  production: 1,
  decayPosition: 2,
  decay: 3,
  detector: 4,
} as const;

/**
 * Draws block `block` of stream `stream` for event `event`: four uniforms into out[0..3].
 * Each stage owns a stream and numbers its blocks from 0, so adding draws to one stage
 * never shifts another stage's numbers.
 */
export function uniforms4(key: readonly [number, number], event: number, stream: number, block: number, out: Float64Array): void {
  const words = scratch;
  philox4x32(event >>> 0, Math.floor(event / TWO32) >>> 0, block, stream, key[0], key[1], words, 0);
  out[0] = uniformFromBits(words[0]);
  out[1] = uniformFromBits(words[1]);
  out[2] = uniformFromBits(words[2]);
  out[3] = uniformFromBits(words[3]);
}
const scratch = new Uint32Array(4);
