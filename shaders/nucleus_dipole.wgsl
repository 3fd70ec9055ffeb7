// The dipole portal at NUCLEUS: Primakoff upscattering nu A -> N A, N -> nu gamma within the
// veto distance. Twin of sampleCpu in src/processes/nucleusDipole.ts (and of recoilWindow,
// primakoffDsigmaDER in src/physics/dipole.ts).

// [E_R-, E_R+, width] from the window's width and product, with E - m (eAboveMass)
// well-conditioned. Twin of recoilWindow in dipole.ts.
fn recoilWindow(E: f32, eAboveMass: f32, m: f32, M: f32) -> vec3<f32> {
  let disc = (2.0 * M * eAboveMass - m * m) * (2.0 * M * (E + m) - m * m);
  if (E <= m + m * m / (2.0 * M) || disc < 0.0) {
    return vec3<f32>(0.0);
  }
  let width = E * sqrt(disc) / (M * (2.0 * E + M));
  let product = m * m * m * m / (4.0 * M * (2.0 * E + M));
  let hi = (width + sqrt(width * width + 4.0 * product)) / 2.0;
  return vec3<f32>(product / hi, hi, width);
}

// N's [p_T, p_z] from the distances to the window edges. Twin of upscatterMomentum in dipole.ts.
fn upscatterMomentum(E: f32, eAboveMass: f32, m: f32, M: f32, lo: f32, hi: f32, dLow: f32, dHigh: f32) -> vec2<f32> {
  let pT = sqrt(M * (2.0 * E + M)) * sqrt(max(0.0, dLow)) * sqrt(max(0.0, dHigh)) / E;
  let pLo = sqrt(max(0.0, (eAboveMass - lo) * (E - lo + m)));
  let pHi = sqrt(max(0.0, (eAboveMass - hi) * (E - hi + m)));
  let pzHi = select(pHi, -pHi, 2.0 * (M - m) * eAboveMass > m * m); // backward at E_R+ above E_c
  return vec2<f32>(pT, (dHigh * pLo + dLow * pzHi) / (dLow + dHigh));
}

// Twin of minorityHelicityRatio in dipole.ts.
fn minorityHelicityRatio(E: f32, ER: f32, m: f32, eN: f32, pN: f32, pT: f32, pz: f32) -> f32 {
  let S = eN + pN;
  let a = ER + m * m / S;
  let b = E + pN;
  var forwardOverBackward = pT / (pN - pz);
  if (pz >= 0.0) {
    forwardOverBackward = (pN + pz) / pT;
  }
  let mS = m / S;
  let ab = a / b;
  return mS * mS * ab * ab * forwardOverBackward * forwardOverBackward;
}

fn primakoffDsigmaDER(E: f32, ER: f32, m: f32, alphaMu2: f32, Z: f32, M: f32, F2: f32) -> f32 {
  let m2 = m * m;
  let num = 8.0 * E * E * ER * M - 8.0 * E * ER * ER * M - 4.0 * E * ER * m2 + 2.0 * ER * ER * ER * M + ER * ER * m2 - 2.0 * ER * M * m2 - m2 * m2;
  return alphaMu2 * Z * Z * F2 * num / (8.0 * E * E * ER * ER * M);
}

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let uv = uniforms4(key, event, STREAM_PRODUCTION, 1u);
  let v = uniforms4(key, event, STREAM_DECAY, 0u);
  let c = sampleBins(u.x, P_COMPONENT_CDF, u32(params[P_N_COMPONENTS])).k;
  let eb = sampleBins(u.y, P_ENU_CDF, u32(params[P_N_ENU]));
  let E = params[P_ENU_MIN] + (f32(eb.k) + eb.f) * params[P_ENU_BIN];
  let M = params[P_NUCLEUS_MASS + c];
  let m = params[P_N_MASS];
  let eAboveMass = params[P_ENU_MIN_ABOVE_MASS] + (f32(eb.k) + eb.f) * params[P_ENU_BIN]; // E - m
  let w = recoilWindow(E, eAboveMass, m, M);
  let b = P_BOX_CENTER + 3u * c;
  let z = P_BOX_SIZE + 3u * c;
  let prod = vec3<f32>(params[b], params[b + 1u], params[b + 2u]) + (uv.xyz - vec3<f32>(0.5)) * vec3<f32>(params[z], params[z + 1u], params[z + 2u]);
  var logW = LOG_WEIGHT_ZERO;
  var er = 0.0;
  var pN = 0.0;
  var s = 0.0;
  var logP = LOG_WEIGHT_ZERO;
  var cosStar = 0.0;
  var cosLab = 0.0;
  var flags = 0u;
  var helicity = -1;
  var N = vec4<f32>(0.0);
  var gamma = vec4<f32>(0.0);
  var dir = vec3<f32>(0.0, 0.0, 1.0);
  if (w.y > 0.0) {
    // ln(E_R+/E_R-), for a narrow window (near threshold) as -ln(1 - width/E_R+): log(hi/lo) of
    // a ratio near 1 would lose its relative precision, and N's angle with it.
    var span = log(w.y / w.x);
    if (w.z < w.y / 2.0) {
      span = -logOneMinus(w.z / w.y);
    }
    er = w.x * exp(u.z * span);
    let F = helmFromRadii(recoilMomentum(M, er), params[P_HELM_R1 + c], params[P_HELM_S + c]);
    let dsig = primakoffDsigmaDER(E, er, m, params[P_ALPHA_MU2], params[P_NUCLEUS_Z + c], M, F * F);
    let eN = E - er;
    let eAbove = eAboveMass - er; // E_N - m
    pN = sqrt(max(0.0, eAbove * (eN + m)));
    let y = u.z * span;
    let p = upscatterMomentum(E, eAboveMass, m, M, w.x, w.y, w.x * expm1(y), w.y * oneMinusExpNeg((1.0 - u.z) * span));
    dir = polarDirection(p.y / pN, p.x / pN, TWO_PI * uv.w);
    N = vec4<f32>(pN * dir, eN);
    let Ldecay = (pN / m) * params[P_N_CTAU];
    let pInside = oneMinusExpNeg(params[P_VETO_DISTANCE] / Ldecay);
    s = -Ldecay * logOneMinus(u.w * pInside);
    logP = log(pInside);
    let r = minorityHelicityRatio(E, er, m, eN, pN, p.x, p.y);
    if (v.y * (1.0 + r) < r) { // v < r/(1 + r)
      helicity = 1;
    }
    let sq = sqrt(1.0 - v.x);
    var onePlusCos = 2.0 * v.x;
    var oneMinusCos = 2.0 * (1.0 - v.x);
    if (params[P_MAJORANA] != 1.0) {
      onePlusCos = 2.0 * v.x / (1.0 + sq);
      oneMinusCos = 2.0 * sq;
      if (helicity == 1) {
        let t = onePlusCos;
        onePlusCos = oneMinusCos;
        oneMinusCos = t;
      }
    }
    cosStar = onePlusCos - 1.0;
    let ph = masslessInLab(m, eN, pN, onePlusCos, oneMinusCos);
    let eGamma = ph.energy;
    cosLab = ph.cosLab;
    gamma = vec4<f32>(eGamma * aroundAxis(dir, ph.cosLab, ph.sinLab, TWO_PI * v.z), eGamma);
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
  putF(COL_PROD_X, i, prod.x);
  putF(COL_PROD_Y, i, prod.y);
  putF(COL_PROD_Z, i, prod.z);
  put4(COL_LLP_PX, i, N);
  putF(COL_LLP_P, i, pN);
  putI(COL_LLP_HELICITY, i, helicity);
  putF(COL_DECAY_S, i, s);
  putF(COL_DECAY_LOG_PROB, i, logP);
  putF(COL_DECAY_X, i, prod.x + s * dir.x);
  putF(COL_DECAY_Y, i, prod.y + s * dir.y);
  putF(COL_DECAY_Z, i, prod.z + s * dir.z);
  put4(COL_GAMMA_PX, i, gamma);
  putF(COL_GAMMA_COS_STAR, i, cosStar);
  putF(COL_GAMMA_COS_LAB, i, cosLab);
}
