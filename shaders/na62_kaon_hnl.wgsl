// NA62 kaon mode: K+ -> l+ N (polarised), N -> pi l forced into the decay volume, acceptance.
// Twin of sampleCpu in src/processes/na62KaonHnl.ts.

// Event i of the batch: key is the run's Philox key, event its 64-bit index in the run.
fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  // Source.
  let K = sampleKaonBeam(uniforms4(key, event, STREAM_SOURCE, 0u), uniforms4(key, event, STREAM_SOURCE, 1u));

  // Production: K+ -> l+ N, isotropic in the kaon rest frame.
  var u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  let prod = pickChannel(u.x, P_PROD_CUM, u32(params[P_N_PROD]));
  let dirN = isotropicDirection(u.y, u.z);
  let nStar = vec4<f32>(params[P_PROD_PSTAR + prod] * dirN, params[P_PROD_ESTAR + prod]);
  let N = boost(nStar, K.p, params[P_KAON_MASS]);
  var h = 0.0;
  if (params[P_POLARISED] == 1.0) {
    h = select(-1.0, 1.0, u.w < params[P_PROD_HELICITY_PLUS + prod]);
  }

  // Decay position.
  u = uniforms4(key, event, STREAM_DECAY_POSITION, 0u);
  let mN = params[P_HNL_MASS];
  let toZMin = params[P_DV_START_AFTER_REGION] - K.zFromStart;
  let toZMax = params[P_DV_END_AFTER_REGION] + K.zToEnd;
  let dec = decayInCylinder(K.x, toZMin, toZMax, N, mN, params[P_HNL_CTAU], params[P_DV_RADIUS], u.x);
  let d = dec.axis;
  let interval = dec.interval;
  let s = dec.s;
  let decayLogProb = dec.logProb;
  var flags = select(0u, FLAG_IN_DECAY_VOLUME, dec.inside);
  var logWeight = LOG_WEIGHT_ZERO;
  if (dec.inside) {
    logWeight = params[P_LOG_NORM] + log(K.weight) + decayLogProb;
  }
  let vtx = K.x + s * d;

  // Decay: N -> l pi, 1 + alpha h cos(theta) about its spin axis (alpha -> -alpha for l+ pi-).
  u = uniforms4(key, event, STREAM_DECAY, 0u);
  let ch = pickChannel(u.x, P_DECAY_CUM, u32(params[P_N_DECAY]));
  let qLepton = select(-1.0, 1.0, params[P_MAJORANA] == 1.0 && u.y >= 0.5);
  let cs = linearCosSin(-qLepton * h * params[P_DECAY_ALPHA + ch], u.z);
  // Spin axis dirN in the rest frame reached from the kaon's: decay there, then two boosts.
  let dirL = aroundAxis(dirN, cs.x, cs.y, TWO_PI * u.w);
  let star = decayTwoBody(nStar, mN, dirL, params[P_DECAY_PSTAR + ch], params[P_DECAY_E_LEPTON + ch], params[P_DECAY_E_PION + ch]);
  let pair = TwoBody(boost(star.d1, K.p, params[P_KAON_MASS]), boost(star.d2, K.p, params[P_KAON_MASS]));

  // Detector.
  let both = na62TrackAcceptance(vtx, pair.d1.xyz, qLepton) & na62TrackAcceptance(vtx, pair.d2.xyz, -qLepton);
  if ((both & TRACK_IN_STRAW) != 0u) {
    flags |= FLAG_IN_STRAW;
  }
  if ((both & TRACK_IN_LKR) != 0u) {
    flags |= FLAG_IN_LKR;
  }
  let all = FLAG_IN_DECAY_VOLUME | FLAG_IN_STRAW | FLAG_IN_LKR;
  if ((flags & all) == all) {
    flags |= FLAG_ACCEPTED;
  }

  putF(COL_LOG_WEIGHT, i, logWeight);
  putU(COL_FLAGS, i, flags);
  putU(COL_PRODUCTION_CHANNEL, i, prod);
  putU(COL_DECAY_CHANNEL, i, ch);
  putKaonDecay(i, K);
  putF(COL_DECAY_LOG_PROB, i, decayLogProb);
  putF(COL_DECAY_S_IN, i, interval.x);
  putF(COL_DECAY_S_OUT, i, interval.y);
  putF(COL_DECAY_S, i, s);
  put4(COL_LLP_PX, i, N);
  putF(COL_LLP_HELICITY, i, h);
  putF(COL_DECAY_X, i, vtx.x);
  putF(COL_DECAY_Y, i, vtx.y);
  putF(COL_DECAY_Z, i, vtx.z);
  let lepPdg = i32(params[P_DECAY_LEPTON_PDG + ch]);
  let sign = select(1, -1, qLepton > 0.0);
  putI(COL_D1_PDG, i, sign * lepPdg);
  put4(COL_D1_PX, i, pair.d1);
  putI(COL_D2_PDG, i, sign * i32(params[P_DECAY_HADRON_PDG + ch]));
  put4(COL_D2_PX, i, pair.d2);
}
