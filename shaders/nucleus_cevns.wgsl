// Standard CEvNS of reactor antineutrinos in the NUCLEUS arrays. Twin of sampleCpu in
// src/processes/nucleusCevns.ts.

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let c = sampleBins(u.x, P_COMPONENT_CDF, u32(params[P_N_COMPONENTS])).k;
  let eb = sampleBins(u.y, P_ENU_CDF, u32(params[P_N_ENU]));
  let E = params[P_ENU_MIN] + (f32(eb.k) + eb.f) * params[P_ENU_BIN];
  let M = params[P_NUCLEUS_MASS + c];
  let erMax = 2.0 * E * E / (M + 2.0 * E);
  // E_R = x E_R,max: x uniform, or (magnetic term) ln x uniform down to E_R,min; 1 - x exact.
  let span = log(erMax / params[P_MAGNETIC_ER_MIN]);
  var mixture = 0.0;
  if (params[P_ALPHA_MU2] > 0.0 && span > 0.0) {
    mixture = 0.5;
  }
  var x = u.z;
  var oneMinusX = 1.0 - u.z;
  if (u.w < mixture) {
    x = exp(-(1.0 - u.z) * span);
    oneMinusX = oneMinusExpNeg((1.0 - u.z) * span);
  }
  let er = erMax * x;
  let q = recoilMomentum(M, er);
  let F = helmFromRadii(q, params[P_HELM_R1 + c], params[P_HELM_S + c]);
  let qw = params[P_WEAK_CHARGE + c];
  let shape = (oneMinusX * M + 2.0 * E) / (M + 2.0 * E); // 1 - M E_R/(2E^2), well-conditioned
  let weak = params[P_CEVNS_NORM] * qw * qw * M * shape;
  var magnetic = 0.0;
  var proposal = 1.0 - mixture;
  if (er > params[P_MAGNETIC_ER_MIN]) {
    let Z = params[P_NUCLEUS_Z + c];
    magnetic = params[P_ALPHA_MU2] * Z * Z * (E - er) / (E * er);
    if (mixture > 0.0) {
      proposal += mixture / (x * span);
    }
  }
  let logW = params[P_COMPONENT_LOG_NORM + c] + log((weak + magnetic) * F * F) + log(erMax / proposal) - 2.0 * log(E);
  putF(COL_LOG_WEIGHT, i, logW);
  putU(COL_FLAGS, i, select(0u, FLAG_ACCEPTED, er > params[P_THRESHOLD + c]));
  putU(COL_PRODUCTION_CHANNEL, i, c);
  putU(COL_DECAY_CHANNEL, i, 0u);
  putF(COL_ENU, i, E);
  putF(COL_ER, i, er);
  putF(COL_Q, i, q);
  putF(COL_MAGNETIC_SHARE, i, magnetic / (weak + magnetic));
}
