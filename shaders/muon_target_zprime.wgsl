// mu A -> mu A X in a thick target (M3, NA64mu). Twin of sampleCpu in
// src/processes/muonTargetZprime.ts and of energyAfter (materials.ts), bremThetaC2,
// bremTmin and bremDsigmaWithChi (brem.ts).

// (1 - exp(-k))/k, k = b cm, of the slowing down -dE/dl = a + b E (a, b per cm).
fn lossShape(k: f32) -> f32 {
  if (k > 1e-4) {
    return oneMinusExpNeg(k) / k;
  }
  return 1.0 - k / 2.0;
}

fn energyAfter(E: f32, cm: f32, a: f32, b: f32) -> f32 {
  let k = b * cm;
  return E * exp(-k) - a * cm * lossShape(k);
}

// The energy lost, a sum of positives. Twin of energyLost in materials.ts.
fn energyLost(E: f32, cm: f32, a: f32, b: f32) -> f32 {
  let k = b * cm;
  return E * oneMinusExpNeg(k) + a * cm * lossShape(k);
}

// [a, b] per cm at E: linear in ln E between the table's rows, its end rows beyond. Twin of interpolateLoss.
fn lossAt(E: f32) -> vec2<f32> {
  let n = u32(params[P_N_LOSS]);
  var k = 0u;
  while (k < n - 2u && E > params[P_LOSS_E + k + 1u]) {
    k++;
  }
  let f = clamp(log(E / params[P_LOSS_E + k]) / log(params[P_LOSS_E + k + 1u] / params[P_LOSS_E + k]), 0.0, 1.0);
  let a = params[P_LOSS_A + k] + f * (params[P_LOSS_A + k + 1u] - params[P_LOSS_A + k]);
  let b = params[P_LOSS_B + k] + f * (params[P_LOSS_B + k + 1u] - params[P_LOSS_B + k]);
  return vec2<f32>(a, b);
}

fn bremThetaC2(m: f32, mMu: f32, E: f32, x: f32, oneMinusX: f32) -> f32 {
  return (m * m * oneMinusX / x + mMu * mMu * x) / (x * E * E);
}

// chi at t_min from the host's table of ln chi, linear in ln t_min, clamped at its ends.
fn chiFromTable(tmin: f32) -> f32 {
  let n = u32(params[P_N_CHI]);
  let f = clamp((log(tmin) - params[P_CHI_LN_T0]) / params[P_CHI_STEP], 0.0, f32(n - 1u));
  let k = min(n - 2u, u32(floor(f)));
  let w = f - f32(k);
  return exp(params[P_CHI_LN + k] * (1.0 - w) + params[P_CHI_LN + k + 1u] * w);
}

fn bremDsigmaWithChi(m: f32, mMu: f32, E: f32, x: f32, oneMinusX: f32, pX: f32, theta: f32, tc2: f32, chi: f32) -> f32 {
  let u = -x * E * E * (theta * theta + tc2);
  let bracket = -x * x * E * E * theta * theta / (u * u);
  var A2 = x * x / oneMinusX + 2.0 * (m * m - 4.0 * mMu * mMu) * bracket;
  if (params[P_VECTOR] == 1.0) {
    A2 = 2.0 * (1.0 + oneMinusX * oneMinusX) / oneMinusX + 4.0 * (m * m + 2.0 * mMu * mMu) * bracket;
  }
  let alpha = params[P_ALPHA];
  return 2.0 * params[P_COUPLING_OVER_4PI] * alpha * alpha * pX * E * oneMinusX * chi / (u * u) * A2 * sin(theta);
}

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let us = uniforms4(key, event, STREAM_SOURCE, 0u);
  let up = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let ud = uniforms4(key, event, STREAM_DECAY, 0u);
  let ut = uniforms4(key, event, STREAM_DETECTOR, 0u);
  let m = params[P_X_MASS];
  let mMu = params[P_MU_MASS];
  let spread = params[P_BEAM_RMS] * clamp(gaussPair(us.x, us.y).x, -BEAM_SIGMAS, BEAM_SIGMAS);
  let beamE = params[P_BEAM_E] * (1.0 + spread);
  let zCm = us.z * params[P_TARGET_CM];
  let lossIn = lossAt(beamE);
  let E = energyAfter(beamE, zCm, lossIn.x, lossIn.y);
  let lnEOverTop = log1p(spread) - params[P_LN_TOP_OVER_BEAM] + logOneMinus(energyLost(beamE, zCm, lossIn.x, lossIn.y) / beamE);
  let xb = sampleBins(up.x, P_X_CDF, u32(params[P_N_X]));
  let lnX = params[P_LN_X_HI] - (f32(u32(params[P_N_X]) - xb.k) - xb.f) * params[P_LN_X_BIN]; // accurate near x = 1
  let x = exp(lnX);
  let oneMinusX = oneMinusExpNeg(-lnX);
  let d = (f32(xb.k) + xb.f) * params[P_LN_X_BIN] + lnEOverTop; // ln(xE/m), accurate near threshold
  let xEMinusM = m * expm1(d);
  var logW = LOG_WEIGHT_ZERO;
  var theta = 0.0;
  var X = vec4<f32>(0.0);
  var mu = vec4<f32>(0.0);
  var eExit = 0.0;
  var eMeasured = 0.0;
  var s = -1.0;
  var flags = 0u;
  let channel = pickChannel(ud.x, P_CHANNEL_CDF, u32(params[P_N_CHANNELS]));
  if (d > 0.0 && oneMinusX * E > mMu) {
    let tc2 = bremThetaC2(m, mMu, E, x, oneMinusX);
    let T = params[P_THETA_MAX_SQ];
    let F = T / (T + tc2);
    let t2 = tc2 * up.y * F / (1.0 - up.y + up.y * tc2 / (T + tc2));
    theta = sqrt(t2);
    let u = -x * E * E * (t2 + tc2);
    let tmin = u * u / (4.0 * E * E * oneMinusX * oneMinusX);
    let pX = sqrt(xEMinusM * (xEMinusM + 2.0 * m));
    let dsig = bremDsigmaWithChi(m, mMu, E, x, oneMinusX, pX, theta, tc2, chiFromTable(tmin));
    let qx = binProbability(P_X_CDF, xb.k) / (params[P_LN_X_BIN] * x);
    let qTheta = 2.0 * theta * tc2 / ((t2 + tc2) * (t2 + tc2) * F);
    if (dsig > 0.0) {
      logW = params[P_LOG_NORM] + log(dsig) - log(qx) - log(qTheta);
    }
    let phi = TWO_PI * up.z;
    let pMu = sqrt((E - mMu) * (E + mMu));
    let sinT = sin(theta);
    let sinHalf = sin(theta / 2.0);
    X = vec4<f32>(pX * sinT * cos(phi), pX * sinT * sin(phi), pX * cos(theta), x * E);
    let pzOut = (E * E * oneMinusX * (1.0 + x) - mMu * mMu + m * m) / (pMu + pX) + 2.0 * pX * sinHalf * sinHalf;
    let ptOut = pX * sinT;
    let eOut = oneMinusX * E;
    let pOut = sqrt((eOut - mMu) * (eOut + mMu));
    let len = sqrt(ptOut * ptOut + pzOut * pzOut);
    let norm = pOut / len;
    mu = vec4<f32>(-X.x * norm, -X.y * norm, pzOut * norm, eOut);
    let lossOut = lossAt(eOut);
    eExit = max(0.0, energyAfter(eOut, (params[P_TARGET_CM] - zCm) * len / pzOut, lossOut.x, lossOut.y));
    eMeasured = eExit * (1.0 + params[P_RECOIL_RESOLUTION] * gaussPair(ut.x, ut.y).x);
    if (eMeasured < params[P_RECOIL_CUT]) {
      flags |= FLAG_RECOIL_BELOW_CUT;
    }
    if (eExit > mMu && atan2(ptOut, pzOut) < params[P_RECOIL_MAX_ANGLE]) {
      flags |= FLAG_RECOIL_IN_ACCEPTANCE;
    }
    s = -(pX / m) * params[P_CTAU] * logOneMinus(ud.y);
    if (!(params[P_CHANNEL_VISIBLE + channel] == 1.0 && s >= 0.0 && s < params[P_VETO_LENGTH])) {
      flags |= FLAG_INVISIBLE;
    }
    let all = FLAG_RECOIL_BELOW_CUT | FLAG_RECOIL_IN_ACCEPTANCE | FLAG_INVISIBLE;
    if ((flags & all) == all) {
      flags |= FLAG_ACCEPTED;
    }
  }
  putF(COL_LOG_WEIGHT, i, logW);
  putU(COL_FLAGS, i, flags);
  putU(COL_PRODUCTION_CHANNEL, i, 0u);
  putU(COL_DECAY_CHANNEL, i, channel);
  putF(COL_BEAM_E, i, beamE);
  putF(COL_PROD_Z, i, zCm / 100.0);
  putF(COL_MU_E, i, E);
  putF(COL_X, i, x);
  putF(COL_THETA, i, theta);
  put4(COL_LLP_PX, i, X);
  put4(COL_RECOIL_PX, i, mu);
  putF(COL_RECOIL_E_EXIT, i, eExit);
  putF(COL_RECOIL_E_MEASURED, i, eMeasured);
  putF(COL_DECAY_S, i, s);
}
