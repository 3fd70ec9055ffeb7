// Standard CEvNS of reactor antineutrinos in the NUCLEUS arrays. Twin of sampleCpu in
// src/processes/nucleusCevns.ts.

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WORKGROUP_SIZE + lid;
  if (i >= run.n) {
    return;
  }
  let key = vec2<u32>(run.key_lo, run.key_hi);
  let lo = run.first_lo + i;
  let event = vec2<u32>(lo, run.first_hi + select(0u, 1u, lo < run.first_lo));
  let u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let c = sampleBins(u.x, P_COMPONENT_CDF, u32(params[P_N_COMPONENTS])).k;
  let eb = sampleBins(u.y, P_ENU_CDF, u32(params[P_N_ENU]));
  let E = params[P_ENU_MIN] + (f32(eb.k) + eb.f) * params[P_ENU_BIN];
  let M = params[P_NUCLEUS_MASS + c];
  let erMax = 2.0 * E * E / (M + 2.0 * E);
  let er = erMax * u.z;
  let q = recoilMomentum(M, er);
  let F = helmFromRadii(q, params[P_HELM_R1 + c], params[P_HELM_S + c]);
  let qw = params[P_WEAK_CHARGE + c];
  let shape = ((1.0 - u.z) * M + 2.0 * E) / (M + 2.0 * E); // 1 - M E_R/(2E^2), well-conditioned
  let logW = params[P_COMPONENT_LOG_NORM + c] + log(params[P_CEVNS_NORM] * qw * qw * M * shape * F * F) + log(erMax) - 2.0 * log(E);
  out[COL_LOG_WEIGHT * run.n + i] = bitcast<u32>(logW);
  out[COL_FLAGS * run.n + i] = select(0u, FLAG_ACCEPTED, er > params[P_THRESHOLD + c]);
  out[COL_PRODUCTION_CHANNEL * run.n + i] = c;
  out[COL_DECAY_CHANNEL * run.n + i] = 0u;
  out[COL_ENU * run.n + i] = bitcast<u32>(E);
  out[COL_ER * run.n + i] = bitcast<u32>(er);
  out[COL_Q * run.n + i] = bitcast<u32>(q);
}
