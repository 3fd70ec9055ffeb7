// What every sampler kernel shares: its event index and Philox counter, and writing a value
// of column COL_* for event i into the column-major `out` (layout.ts).

// Event index in the batch from the (possibly 2-D) dispatch.
fn eventIndex(wid: vec3<u32>, nwg: vec3<u32>, lid: u32) -> u32 {
  return (wid.y * nwg.x + wid.x) * WORKGROUP_SIZE + lid;
}

// The event's 64-bit index in the run as (low, high) words, and the run's Philox key.
fn eventCounter(i: u32) -> vec2<u32> {
  let lo = run.first_lo + i;
  return vec2<u32>(lo, run.first_hi + select(0u, 1u, lo < run.first_lo));
}
fn runKey() -> vec2<u32> {
  return vec2<u32>(run.key_lo, run.key_hi);
}

fn putF(col: u32, i: u32, x: f32) {
  out[col * run.n + i] = bitcast<u32>(x);
}
fn putU(col: u32, i: u32, x: u32) {
  out[col * run.n + i] = x;
}
fn putI(col: u32, i: u32, x: i32) {
  out[col * run.n + i] = bitcast<u32>(x);
}
fn put4(col: u32, i: u32, p: vec4<f32>) {
  putF(col, i, p.x);
  putF(col + 1u, i, p.y);
  putF(col + 2u, i, p.z);
  putF(col + 3u, i, p.w);
}
