// Three-body Dalitz kinematics of K+ -> mu+ nu X. Twin of src/processes/dalitzKinematics.ts.
// Four-vectors are (px, py, pz, E).

// Lower end and width of m12^2 - m_mu^2 (m12^2 = (p_mu + p_X)^2) at fixed m23^2 = (p_X + p_nu)^2. Twin of
// m12RangeAboveMuon in kaon.ts: m12^2(min) = m_mu^2 + m^2 + 2[E2 m_mu^2/(E1 + a) + a m^2/(E2 + b)]
// is a sum of positive terms, not (E1+E2)^2 - (a+b)^2, which loses 1e-4 in float32 at small m23.
fn m12RangeAboveMuon(m23sq: f32, lambdaK: f32, mK: f32, mMu: f32, m: f32) -> vec2<f32> {
  let m23 = sqrt(m23sq);
  let E2 = (m23sq + m * m) / (2.0 * m23);
  let E1 = (mK * mK - m23sq - mMu * mMu) / (2.0 * m23);
  let a = sqrt(max(0.0, lambdaK)) / (2.0 * m23);
  let b = sqrt(max(0.0, E2 * E2 - m * m));
  // The lower end of m12^2 - m_mu^2 and the width 4ab of its range.
  return vec2<f32>(m * m + 2.0 * (E2 * mMu * mMu / (E1 + a) + a * m * m / (E2 + b)), 4.0 * a * b);
}

struct DalitzMomenta {
  mu: vec4<f32>,
  nu: vec4<f32>,
  x: vec4<f32>,
}

// mu, nu, X in the kaon rest frame for m23^2 and m12^2 = m_mu^2 + exp(lnA + t (lnB - lnA)),
// lnA, lnB = ln(m12^2 -+ - m_mu^2) at the limits; oneMinusT = 1 - t given separately. X and nu
// are made in their rest frame at angle theta* to the axis, with sin(theta*) from the
// distances to both limits (no cancellation near the boundary), then boosted along the axis.
fn dalitzMomenta(m23sq: f32, lambdaK: f32, lower: f32, width: f32, t: f32, oneMinusT: f32, mK: f32, mMu: f32, m: f32) -> DalitzMomenta {
  let span = log1p(width / lower);                                // ln(upper/lower)
  let fromLow = lower * expm1(t * span);                          // m12^2 - m12^2(min)
  let toHigh = (lower + width) * oneMinusExpNeg(oneMinusT * span);   // m12^2(max) - m12^2
  let m23 = sqrt(m23sq);
  let E1 = (mK * mK - m23sq - mMu * mMu) / (2.0 * m23);
  let E2 = (m23sq + m * m) / (2.0 * m23);
  let a = sqrt(max(0.0, lambdaK)) / (2.0 * m23);
  let b = sqrt(max(0.0, E2 * E2 - m * m));
  let sinT = sqrt(max(0.0, toHigh * fromLow)) / (2.0 * a * b);
  let cosT = (toHigh - fromLow) / (toHigh + fromLow);
  // In the (X nu) rest frame the muon moves along -z; X at theta* to the muon direction.
  let xStar = vec4<f32>(b * sinT, 0.0, -b * cosT, E2);
  let nuStar = vec4<f32>(-b * sinT, 0.0, b * cosT, b);
  let Ep = (mK * mK + mMu * mMu - m23sq) / (2.0 * mK);
  let pp = sqrt(max(0.0, lambdaK)) / (2.0 * mK);
  let system = vec4<f32>(0.0, 0.0, pp, mK - Ep);
  return DalitzMomenta(vec4<f32>(0.0, 0.0, -pp, Ep), boost(nuStar, system, m23), boost(xStar, system, m23));
}
