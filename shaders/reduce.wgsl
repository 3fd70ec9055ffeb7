// Process-independent passes over a batch already sampled into `out` (same module as the
// sampler, so they share its column constants). Twins of totalsOfBatch and selectRows in
// src/engine/totals.ts and src/engine/layout.ts.
//
// Each invocation owns one chunk of CHUNK consecutive events and works through it alone:
// no shared memory and no barriers (on lavapipe, and on GPUs, barrier-heavy tree
// reductions cost more than the sampling itself).
//
// reduceMain: the chunk's totals, written to partials[chunk]: first the chunk's largest
//   log-weight m, then per group (all events, each production channel, each decay channel, each spectrum group)
//   events, accepted, sum w, sum w accepted, sum w^2 accepted, with w = exp(log_weight - m)
//   kept rescaled as m grows (streaming log-sum-exp), so nothing overflows or underflows in
//   f32 at any weight scale. The host multiplies by exp(m), exp(2m) and adds in float64.
//   Also counts[chunk] = accepted events of the chunk.
// scanMain: exclusive prefix sum of counts (one invocation), total in counts[chunks].
// scatterMain: the chunk's accepted events, in event order, to `compact` (column-major
//   with stride run.n, like `out`) and their index in the batch to rowIndex.

const CHUNK: u32 = 64u;
const N_GROUPS: u32 = 1u + N_PROD_CHANNELS + N_DECAY_CHANNELS + N_SPECTRUM_GROUPS;
const GROUP_FIELDS: u32 = 5u;
const PARTIAL_STRIDE: u32 = 1u + GROUP_FIELDS * N_GROUPS;

@group(0) @binding(3) var<storage, read_write> partials: array<f32>;
@group(0) @binding(4) var<storage, read_write> counts: array<u32>;
@group(0) @binding(5) var<storage, read_write> compact: array<u32>;
@group(0) @binding(6) var<storage, read_write> rowIndex: array<u32>;

// The chunk an invocation owns: the same flattening as eventIndex (kernel.wgsl).
fn chunkIndex(wid: vec3<u32>, nwg: vec3<u32>, lid: u32) -> u32 {
  return eventIndex(wid, nwg, lid);
}

fn isAccepted(i: u32) -> bool {
  return (out[COL_FLAGS * run.n + i] & FLAG_ACCEPTED) != 0u;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn reduceMain(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let t = chunkIndex(wid, nwg, lid);
  let first = t * CHUNK;
  if (first >= run.n) {
    return;
  }
  let last = min(first + CHUNK, run.n);
  var sums: array<f32, GROUP_FIELDS * N_GROUPS>;
  var m = LOG_WEIGHT_ZERO;
  var accepted = 0u;
  for (var i = first; i < last; i++) {
    let lw = bitcast<f32>(out[COL_LOG_WEIGHT * run.n + i]);
    let acc = isAccepted(i);
    var w = 0.0;
    if (lw > LOG_WEIGHT_ZERO) {
      if (lw > m) {
        let s = exp(m - lw);
        for (var g = 0u; g < N_GROUPS; g++) {
          sums[GROUP_FIELDS * g + 2u] *= s;
          sums[GROUP_FIELDS * g + 3u] *= s;
          sums[GROUP_FIELDS * g + 4u] *= s * s;
        }
        m = lw;
      }
      w = exp(lw - m);
    }
    let groups = vec4<u32>(0u, 1u + out[COL_PRODUCTION_CHANNEL * run.n + i], 1u + N_PROD_CHANNELS + out[COL_DECAY_CHANNEL * run.n + i], 1u + N_PROD_CHANNELS + N_DECAY_CHANNELS + spectrumGroup(i));
    let nClasses = select(3u, 4u, N_SPECTRUM_GROUPS > 0u);
    for (var k = 0u; k < nClasses; k++) {
      let o = GROUP_FIELDS * groups[k];
      sums[o] += 1.0;
      sums[o + 2u] += w;
      if (acc) {
        sums[o + 1u] += 1.0;
        sums[o + 3u] += w;
        sums[o + 4u] += w * w;
      }
    }
    accepted += select(0u, 1u, acc);
  }
  let base = t * PARTIAL_STRIDE;
  partials[base] = m;
  for (var k = 0u; k < GROUP_FIELDS * N_GROUPS; k++) {
    partials[base + 1u + k] = sums[k];
  }
  counts[t] = accepted;
}

@compute @workgroup_size(1)
fn scanMain() {
  let chunks = (run.n + CHUNK - 1u) / CHUNK;
  var total = 0u;
  for (var k = 0u; k < chunks; k++) {
    let c = counts[k];
    counts[k] = total;
    total += c;
  }
  counts[chunks] = total;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn scatterMain(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let t = chunkIndex(wid, nwg, lid);
  let first = t * CHUNK;
  if (first >= run.n) {
    return;
  }
  let last = min(first + CHUNK, run.n);
  var dst = counts[t];
  for (var i = first; i < last; i++) {
    if (isAccepted(i)) {
      for (var c = 0u; c < N_COLUMNS; c++) {
        compact[c * run.n + dst] = out[c * run.n + i];
      }
      rowIndex[dst] = i;
      dst++;
    }
  }
}
