// NA62 kaon mode, K+ -> mu+ nu X from the Dalitz table, the muon through STRAW and MUV3, the
// missing-mass cut. Twin of sampleCpu in src/processes/na62KaonZprime.ts.


fn toLab(p: vec4<f32>, uTheta: f32, phi: f32, psi: f32, K: vec4<f32>, mK: f32) -> vec4<f32> {
  return boost(vec4<f32>(rotateEuler(p.xyz, uTheta, phi, psi), p.w), K, mK);
}

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let K = sampleKaonBeam(uniforms4(key, event, STREAM_SOURCE, 0u), uniforms4(key, event, STREAM_SOURCE, 1u));

  let u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let v = uniforms4(key, event, STREAM_PRODUCTION, 1u);
  let mK = params[P_KAON_MASS];
  let mMu = params[P_MU_MASS];
  let m = params[P_X_MASS];
  let nOuter = u32(params[P_N_OUTER]);
  let nInner = u32(params[P_N_INNER]);
  let outer = sampleBins(u.x, P_OUTER_CDF, nOuter);
  let lnLo = params[P_LN_M23SQ_LO];
  let lnHi = params[P_LN_M23SQ_HI];
  let spanO = lnHi - lnLo;
  let m23sq = exp(lnLo + ((f32(outer.k) + outer.f) / f32(nOuter)) * spanO);
  let gap = exp(lnHi) * oneMinusExpNeg(((f32(nOuter - outer.k) - outer.f) / f32(nOuter)) * spanO);
  let lambdaK = gap * ((mK + mMu) * (mK + mMu) - m23sq);
  let inner = sampleBins(u.y, P_INNER_CDF + outer.k * nInner, nInner);
  let range = m12Range(mK, mMu, m, m23sq, lambdaK, m23sq - m * m);
  let t = (f32(inner.k) + inner.f) / f32(nInner);
  let oneMinusT = (f32(nInner - inner.k) - inner.f) / f32(nInner);
  let pos = logPosition(range.x, range.y, t, oneMinusT);
  let d = dalitzMomenta(m23sq, lambdaK, pos.x, pos.y, mK, mMu, m, m23sq - m * m);
  let uTheta = u.z;
  let phi = TWO_PI * u.w;
  let psi = TWO_PI * v.x;
  let mu = toLab(d.p1, uTheta, phi, psi, K.p, mK);
  let nu = toLab(d.p3, uTheta, phi, psi, K.p, mK);
  let X = toLab(d.p2, uTheta, phi, psi, K.p, mK);

  let acc = na62TrackAcceptance(K.x, mu.xyz, 1.0);
  var flags = 0u;
  if ((acc & TRACK_IN_STRAW) != 0u) {
    flags |= FLAG_IN_STRAW;
  }
  if ((acc & TRACK_IN_MUV3) != 0u) {
    flags |= FLAG_IN_MUV3;
  }
  if (m23sq > params[P_M2MISS_CUT]) {
    flags |= FLAG_M2MISS_CUT;
  }
  let all = FLAG_IN_STRAW | FLAG_IN_MUV3 | FLAG_M2MISS_CUT;
  if ((flags & all) == all) {
    flags |= FLAG_ACCEPTED;
  }

  putF(COL_LOG_WEIGHT, i, params[P_LOG_NORM] + log(K.weight));
  putU(COL_FLAGS, i, flags);
  putU(COL_PRODUCTION_CHANNEL, i, 0u);
  putU(COL_DECAY_CHANNEL, i, 0u);
  putKaonDecay(i, K);
  putF(COL_M2MISS, i, m23sq);
  put4(COL_LLP_PX, i, X);
  putI(COL_D1_PDG, i, i32(params[P_MUON_PDG]));
  put4(COL_D1_PX, i, mu);
  putI(COL_D2_PDG, i, i32(params[P_NU_PDG]));
  put4(COL_D2_PX, i, nu);
}
