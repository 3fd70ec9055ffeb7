// What every sampler kernel shares: its entry point (event index, Philox key and counter) and
// writing a value of column COL_* for event i into the column-major `out` (layout.ts). Each
// process's shader defines sampleEvent.

// Event index in the batch from the (possibly 2-D) dispatch.
fn eventIndex(wid: vec3<u32>, nwg: vec3<u32>, lid: u32) -> u32 {
  return (wid.y * nwg.x + wid.x) * WORKGROUP_SIZE + lid;
}

// The sampler's entry point, one invocation per event: the process's sampleEvent gets the
// event's index in the batch, the run's Philox key and the event's 64-bit index in the run as
// (low, high) words.
@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = eventIndex(wid, nwg, lid);
  if (i >= run.n) {
    return;
  }
  let lo = run.first_lo + i;
  let event = vec2<u32>(lo, run.first_hi + select(0u, 1u, lo < run.first_lo));
  sampleEvent(i, vec2<u32>(run.key_lo, run.key_hi), event);
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
