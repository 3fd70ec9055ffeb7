// The dipole portal at NUCLEUS: Primakoff upscattering nu A -> N A, N -> nu gamma within the
// veto distance. Twin of sampleCpu in src/processes/nucleusDipole.ts (and of recoilWindow,
// primakoffDsigmaDER in src/physics/dipole.ts).

// The square root's argument in its factored form, with E - m (eAboveMass) well-conditioned.
fn recoilWindow(E: f32, eAboveMass: f32, m: f32, M: f32) -> vec2<f32> {
  let disc = (2.0 * M * eAboveMass - m * m) * (2.0 * M * (E + m) - m * m);
  if (E <= m + m * m / (2.0 * M) || disc <= 0.0) {
    return vec2<f32>(0.0, 0.0);
  }
  let hi = (2.0 * M * E * E - m * m * (E + M) + E * sqrt(disc)) / (2.0 * M * (2.0 * E + M));
  // The lower end from the product of the two (exact), not a difference.
  return vec2<f32>(m * m * m * m / (4.0 * M * (2.0 * E + M) * hi), hi);
}

fn primakoffDsigmaDER(E: f32, ER: f32, m: f32, alphaMu2: f32, Z: f32, M: f32, F2: f32) -> f32 {
  let m2 = m * m;
  let num = 8.0 * E * E * ER * M - 8.0 * E * ER * ER * M - 4.0 * E * ER * m2 + 2.0 * ER * ER * ER * M + ER * ER * m2 - 2.0 * ER * M * m2 - m2 * m2;
  return alphaMu2 * Z * Z * F2 * num / (8.0 * E * E * ER * ER * M);
}

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let v = uniforms4(key, event, STREAM_DECAY, 0u);
  let c = sampleBins(u.x, P_COMPONENT_CDF, u32(params[P_N_COMPONENTS])).k;
  let eb = sampleBins(u.y, P_ENU_CDF, u32(params[P_N_ENU]));
  let E = params[P_ENU_MIN] + (f32(eb.k) + eb.f) * params[P_ENU_BIN];
  let M = params[P_NUCLEUS_MASS + c];
  let m = params[P_N_MASS];
  let eAboveMass = params[P_ENU_MIN_ABOVE_MASS] + (f32(eb.k) + eb.f) * params[P_ENU_BIN]; // E - m
  let w = recoilWindow(E, eAboveMass, m, M);
  var logW = LOG_WEIGHT_ZERO;
  var er = 0.0;
  var eN = 0.0;
  var pN = 0.0;
  var s = 0.0;
  var logP = LOG_WEIGHT_ZERO;
  var eGamma = 0.0;
  var cosStar = 0.0;
  var cosLab = 0.0;
  var flags = 0u;
  if (w.y > 0.0) {
    let span = log(w.y / w.x);
    er = w.x * exp(u.z * span);
    let F = helmFromRadii(recoilMomentum(M, er), params[P_HELM_R1 + c], params[P_HELM_S + c]);
    let dsig = primakoffDsigmaDER(E, er, m, params[P_ALPHA_MU2], params[P_NUCLEUS_Z + c], M, F * F);
    eN = E - er;
    let eAbove = eAboveMass - er; // E_N - m
    pN = sqrt(max(0.0, eAbove * (eN + m)));
    let Ldecay = (pN / m) * params[P_N_CTAU];
    let pInside = oneMinusExpNeg(params[P_VETO_DISTANCE] / Ldecay);
    s = -Ldecay * logOneMinus(u.w * pInside);
    logP = log(pInside);
    var onePlusCos = 2.0 * v.x;
    if (params[P_MAJORANA] != 1.0) {
      onePlusCos = 2.0 * v.x / (1.0 + sqrt(1.0 - v.x));
    }
    cosStar = onePlusCos - 1.0;
    eGamma = (m * m / (eN + pN) + pN * onePlusCos) / 2.0;
    let beta = pN / eN;
    cosLab = (cosStar + beta) / (1.0 + beta * cosStar);
    if (dsig > 0.0) {
      logW = params[P_COMPONENT_LOG_NORM + c] + log(dsig) + log(er * span) + logP;
    }
    if (er > params[P_THRESHOLD + c]) {
      flags |= FLAG_ABOVE_THRESHOLD;
    }
    if (eGamma > params[P_PHOTON_E_MIN] && eGamma < params[P_PHOTON_E_MAX]) {
      flags |= FLAG_PHOTON_IN_WINDOW;
    }
    if ((flags & (FLAG_ABOVE_THRESHOLD | FLAG_PHOTON_IN_WINDOW)) == (FLAG_ABOVE_THRESHOLD | FLAG_PHOTON_IN_WINDOW)) {
      flags |= FLAG_ACCEPTED;
    }
  }
  putF(COL_LOG_WEIGHT, i, logW);
  putU(COL_FLAGS, i, flags);
  putU(COL_PRODUCTION_CHANNEL, i, c);
  putU(COL_DECAY_CHANNEL, i, 0u);
  putF(COL_ENU, i, E);
  putF(COL_ER, i, er);
  putF(COL_LLP_E, i, eN);
  putF(COL_LLP_P, i, pN);
  putF(COL_DECAY_S, i, s);
  putF(COL_DECAY_LOG_PROB, i, logP);
  putF(COL_GAMMA_E, i, eGamma);
  putF(COL_GAMMA_COS_STAR, i, cosStar);
  putF(COL_GAMMA_COS_LAB, i, cosLab);
}
