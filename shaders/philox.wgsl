// Philox4x32-10 counter-based random numbers (Salmon et al., SC11; Random123 philox.h).
// Twin of src/engine/rng/philox.ts. WGSL has no 64-bit integers: the high word of the
// 32x32 multiply is built from 16-bit halves exactly as in the TypeScript.

const PHILOX_M0: u32 = 0xd2511f53u;
const PHILOX_M1: u32 = 0xcd9e8d57u;
const PHILOX_W0: u32 = 0x9e3779b9u;
const PHILOX_W1: u32 = 0xbb67ae85u;

fn mulhi32(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu;
  let ah = a >> 16u;
  let bl = b & 0xffffu;
  let bh = b >> 16u;
  let ll = al * bl;
  let hl = ah * bl;
  let lh = al * bh;
  let hh = ah * bh;
  let cross = (ll >> 16u) + (hl & 0xffffu) + (lh & 0xffffu);
  return hh + (hl >> 16u) + (lh >> 16u) + (cross >> 16u);
}

fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var c = counter;
  var k = key;
  for (var round = 0u; round < 10u; round++) {
    if (round > 0u) {
      k = k + vec2<u32>(PHILOX_W0, PHILOX_W1);
    }
    let hi0 = mulhi32(PHILOX_M0, c.x);
    let lo0 = PHILOX_M0 * c.x;
    let hi1 = mulhi32(PHILOX_M1, c.z);
    let lo1 = PHILOX_M1 * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
  }
  return c;
}

// Uniform in (0, 1): (f32(r >> 9) + 0.5) * 2^-23, exact in f32 (see uniformFromBits in philox.ts).
fn uniformFromBits(r: u32) -> f32 {
  return (f32(r >> 9u) + 0.5) * 1.1920928955078125e-7;
}

// Streams of one event, one per sampling stage (STREAM in philox.ts).
const STREAM_SOURCE: u32 = 0u;
const STREAM_PRODUCTION: u32 = 1u;
const STREAM_DECAY_POSITION: u32 = 2u;
const STREAM_DECAY: u32 = 3u;
const STREAM_DETECTOR: u32 = 4u;

// Block `block` of stream `stream` of event (lo, hi) under the run key: four uniforms.
fn uniforms4(key: vec2<u32>, event: vec2<u32>, stream: u32, block: u32) -> vec4<f32> {
  let r = philox4x32(vec4<u32>(event.x, event.y, block, stream), key);
  return vec4<f32>(uniformFromBits(r.x), uniformFromBits(r.y), uniformFromBits(r.z), uniformFromBits(r.w));
}
