// NA62 dump mode: D/B mesons -> N, N forced to decay in the decay volume to two charged tracks (or two photons),
// acceptance. Twin of sampleCpu in src/processes/na62DumpHnl.ts (read its comments for the why).

// The channel codes (PRODUCTION_*, DECAY_*, MESON_*, TAU_*, SELF_CONJUGATE_*) are generated from
// the TypeScript (na62DumpHnl's shaderConstants).

fn mdot(a: vec4<f32>, b: vec4<f32>) -> f32 {
  return a.w * b.w - dot(a.xyz, b.xyz);
}

// |M|^2/(64 G_F^2 U^2) of N -> l1- l2+ nu at rest, spin axis s, helicity sign h. Twin of leptonicMatrixElement.
fn leptonicMatrixElement(d: u32, M: f32, s: vec3<f32>, h: f32, p1: vec4<f32>, p2: vec4<f32>, pNu: vec4<f32>, m1: f32, m2: f32) -> f32 {
  let P = vec4<f32>(-h * M * s, M);
  return params[P_DECAY_CA + d] * mdot(P, p2) * mdot(pNu, p1) + params[P_DECAY_CB + d] * mdot(P, p1) * mdot(pNu, p2)
    + params[P_DECAY_CI + d] * m1 * m2 * mdot(P, pNu);
}

// |M|^2 of the meson's decay to particle 1 (neutral), 2 (pi-), 3 (pi+) at rest. Twin of
// mesonThreeBodyMatrixElement in src/physics/mesonDecays.ts.
fn mesonThreeBodyMatrixElement(d: u32, M: f32, p1: vec4<f32>, p2: vec4<f32>, p3: vec4<f32>, m1: f32, m2: f32) -> f32 {
  if (params[P_DECAY_DALITZ_PWAVE + d] == 1.0) {
    let c = cross(p3.xyz, p2.xyz);
    return dot(c, c);
  }
  let Q = M - m1 - 2.0 * m2;
  let X = sqrt(3.0) * (p3.w - p2.w) / Q;
  let Y = params[P_DECAY_DALITZ_KAPPA + d] * (p1.w - m1) / Q - 1.0;
  let a = params[P_DECAY_DALITZ_A + d];
  let b = params[P_DECAY_DALITZ_B + d];
  let f = params[P_DECAY_DALITZ_F + d];
  return 1.0 + Y * (a + Y * (b + f * Y)) + X * X * (params[P_DECAY_DALITZ_D + d] + params[P_DECAY_DALITZ_G + d] * Y);
}

// From N's rest frame (reached from its production frame) to the lab.
fn toLab(p: vec4<f32>, nStar: vec4<f32>, mN: f32, fromTau: bool, tauStar: vec4<f32>, meson: vec4<f32>, mP: f32) -> vec4<f32> {
  return productionToLab(boost(p, nStar, mN), fromTau, tauStar, meson, mP);
}

// A vector meson's decay weight (mean 1 over its decay directions): N at rest with spin axis s
// and helicity sign h, lepton pl, meson q of mass mV, decay current k (N frame) with |k|^2 = K2
// in the meson's frame. Twin of vectorMesonDecayWeight in src/physics/hnl/polarisation.ts.
fn vectorMesonDecayWeight(M: f32, s: vec3<f32>, h: f32, pl: vec4<f32>, q: vec4<f32>, mV: f32, k: vec4<f32>, K2: f32) -> f32 {
  let P = vec4<f32>(-h * M * s, M);
  let lP = mdot(pl, P);
  let den = K2 * (lP + 2.0 * mdot(pl, q) * mdot(q, P) / (mV * mV));
  return select(0.0, 3.0 * (2.0 * mdot(pl, k) * mdot(k, P) + K2 * lP) / den, den > 0.0);
}

// (alpha, helicity +1 share, slope, transverse) of tau -> l nu N at N's energy E and momentum k in
// the tau frame. Twin of tauLeptonicSpinCorrelation in src/physics/hnl/tau.ts (read its comment).
fn tauLeptonicSpinCorrelation(fromWLine: bool, mTau: f32, mN: f32, ml: f32, E: f32, k: f32) -> vec4<f32> {
  let eMinusK = mN * mN / (E + k);
  let ePlusK = E + k;
  if (fromWLine) {
    return vec4<f32>(k / E, eMinusK / (2.0 * E), -eMinusK / (2.0 * E), -mN / E);
  }
  let rest = mTau - E;
  let q2 = (rest - k) * (rest + k);
  let g = (q2 - ml * ml) * q2;
  let qq = 2.0 * q2 + 4.0 * ml * ml;
  let plusR = eMinusK * (g + qq * rest * (rest - k));
  let plusS = -eMinusK * (g + qq * k * (rest - k));
  let minusR = ePlusK * (g + qq * rest * (rest + k));
  let minusS = -ePlusK * (-g + qq * k * (rest + k));
  let sum = plusR + minusR;
  return vec4<f32>((plusS + minusS) / sum, plusR / sum, plusS / sum, -2.0 * g * mN / sum);
}

// From the frame N is made in (the meson's, or the tau's reached from it) to the lab. Twin of the CPU's productionToLab.
fn productionToLab(p: vec4<f32>, fromTau: bool, tauStar: vec4<f32>, meson: vec4<f32>, mP: f32) -> vec4<f32> {
  var q = p;
  if (fromTau) {
    q = boost(p, tauStar, params[P_TAU_MASS]);
  }
  return boost(q, meson, mP);
}

// The polarisation of the tau- made by N at rest (polarisation v) through ubar_tau Jslash (1 - g5) u_N,
// in the tau's rest frame reached from N's. Twin of leptonPolarisationFromCurrent (read its comment).
fn leptonPolarisationFromCurrent(pl: vec4<f32>, ml: f32, J: vec4<f32>, v: vec3<f32>) -> vec3<f32> {
  let k = length(pl.xyz);
  var n = vec3<f32>(0.0, 0.0, 1.0);
  if (k > 0.0) {
    n = pl.xyz / k;
  }
  let rootPlus = sqrt(pl.w + k);
  let rootMinus = ml / rootPlus;
  let S = 0.5 * (rootMinus + rootPlus);
  let D = 0.5 * (rootMinus - rootPlus);
  let c0 = S * J.w + D * dot(n, J.xyz);
  let cRe = S * J.xyz + D * J.w * n;
  let cIm = D * cross(n, J.xyz);
  let x0Re = c0 + dot(cRe, v);
  let x0Im = dot(cIm, v);
  let xRe = c0 * v + cRe - cross(cIm, v);
  let xIm = cIm + cross(cRe, v);
  let r0 = c0 * x0Re + dot(xRe, cRe) + dot(xIm, cIm);
  let r = x0Re * cRe + x0Im * cIm + c0 * xRe + cross(xRe, cIm) - cross(xIm, cRe);
  return select(vec3<f32>(0.0), r / r0, r0 > 0.0);
}

// The polarisation of l1- (slot 1) or l2+ (slot 2) of N -> l1- l2+ nu (charged current), in its rest
// frame reached from N's. Twin of leptonicLeptonPolarisation.
fn leptonicLeptonPolarisation(cA: f32, M: f32, s: vec3<f32>, h: f32, p1: vec4<f32>, p2: vec4<f32>, pNu: vec4<f32>, m1: f32, m2: f32, slot: f32) -> vec3<f32> {
  let P = vec4<f32>(-h * M * s, M);
  let me = cA * mdot(P, p2) * mdot(pNu, p1);
  if (!(me > 0.0)) {
    return vec3<f32>(0.0);
  }
  if (slot == 1.0) {
    return (cA * m1 * mdot(P, p2) / me) * boost(pNu, vec4<f32>(-p1.xyz, p1.w), m1).xyz;
  }
  return (-cA * m2 * mdot(p1, pNu) / me) * boost(P, vec4<f32>(-p2.xyz, p2.w), m2).xyz;
}

// The charged daughter of channel d's tau at rest with polarisation pol (sign +1 tau-, -1 tau+) and
// the decay's weight (mean 1), from the uniforms x, y (STREAM_DECAY blocks 3, 4). Twin of tauDecayAtRest.
struct TauTrack {
  p: vec4<f32>,
  neutral: vec4<f32>, // the pi0 of tau -> rho nu
  weight: f32,
}
fn tauDecayAtRest(d: u32, x: vec4<f32>, y: vec4<f32>, pol: vec3<f32>, sign: f32) -> TauTrack {
  let mode = params[P_DECAY_TAU_MODE + d];
  if (mode != TAU_LEPTONS) {
    let k = params[P_DECAY_TAU_PSTAR + d];
    let size = length(pol);
    let cs = linearCosSin(sign * params[P_DECAY_TAU_ALPHA + d] * size, x.x);
    var axis = vec3<f32>(0.0, 0.0, 1.0);
    if (size > 0.0) {
      axis = pol / size;
    }
    let meson = vec4<f32>(k * aroundAxis(axis, cs.x, cs.y, TWO_PI * x.y), params[P_DECAY_TAU_E1 + d]);
    if (mode == TAU_MESON) {
      return TauTrack(meson, vec4<f32>(0.0), 1.0);
    }
    // rho -> pi pi0 in its frame, weighted by the chain's spin correlation (CPU comments).
    let mRho = params[P_RHO_MASS];
    let dirM = isotropicDirection(x.z, x.w);
    let pp = decayTwoBody(meson, mRho, dirM, params[P_DECAY_TAU_RHO_PSTAR + d], params[P_DECAY_TAU_RHO_E1 + d], params[P_DECAY_TAU_RHO_E2 + d]);
    let k2 = 2.0 * params[P_DECAY_TAU_RHO_PSTAR + d];
    let current = boost(vec4<f32>(k2 * dirM, 0.0), meson, mRho);
    let nu = vec4<f32>(-meson.xyz, k);
    return TauTrack(pp.d1, pp.d2, vectorMesonDecayWeight(params[P_TAU_MASS], pol, sign, nu, meson, mRho, current, k2 * k2));
  }
  let M = params[P_TAU_MASS];
  let r = dalitzPointAtRest(M, params[P_DECAY_TAU_M + d], 0.0, x.x, x.y);
  let w = vec4<f32>(x.z, x.w, y.x, 0.0);
  let l = orient(r.p1, w);
  // The muon-decay pairing (P.p2)(p3.p1), P = p_tau - sign M pol (the CPU's TAU_TO_LEPTONS coefficients).
  let P = vec4<f32>(-sign * M * pol, M);
  let me = mdot(P, orient(r.p2, w)) * mdot(orient(r.p3, w), l);
  return TauTrack(l, vec4<f32>(0.0), me * r.jacobian / params[P_DECAY_TAU_NORM + d]);
}

fn orient(p: vec4<f32>, w: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(rotateEuler(p.xyz, w.x, TWO_PI * w.y, TWO_PI * w.z), p.w);
}

struct PoolEvent {
  track1: vec4<f32>,
  track2: vec4<f32>,
  neutral: vec4<f32>,
  pdg1: f32,
  pdg2: f32,
  spin: vec3<f32>,
}

// A pool record's three-vector at params[at], turned by the rotation of w.xyz.
fn poolVector(at: u32, w: vec4<f32>) -> vec3<f32> {
  return rotateEuler(vec3<f32>(params[at], params[at + 1u], params[at + 2u]), w.x, TWO_PI * w.y, TWO_PI * w.z);
}

// A pool record's four-vector at params[at], turned.
fn poolMomentum(at: u32, w: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(poolVector(at, w), params[at + 3u]);
}

// Twin of poolEvent: record floor(k count / 2^23) of decay d's pool events (N's already at its
// mass) for uPick = (k + 1/2) 2^-23 (k count < 2^32 for count <= 512: exact), turned by w.xyz.
fn poolEvent(d: u32, uPick: f32, w: vec4<f32>) -> PoolEvent {
  let k = u32(uPick * 8388608.0);
  let at = P_POOL_RECORDS + (u32(params[P_DECAY_POOL_OFFSET + d]) + ((k * u32(params[P_DECAY_POOL_COUNT + d])) >> 23u)) * POOL_RECORD_SIZE;
  return PoolEvent(poolMomentum(at + POOL_RECORD_TRACK1, w), poolMomentum(at + POOL_RECORD_TRACK2, w), poolMomentum(at + POOL_RECORD_NEUTRAL, w),
    params[at + POOL_RECORD_PDG1], params[at + POOL_RECORD_PDG2], poolVector(at + POOL_RECORD_SPIN, w));
}

// Acceptance bits of the two visible particles: charged tracks (charges -q, +q) or, for
// photons, straight lines into the LKr. Twin of twoParticleFlags.
fn twoParticleFlags(photons: bool, vtx: vec3<f32>, d1: vec3<f32>, d2: vec3<f32>, q: f32) -> u32 {
  let charge = select(q, 0.0, photons);
  let acc1 = na62TrackAcceptance(vtx, d1, -charge);
  let acc2 = na62TrackAcceptance(vtx, d2, charge);
  let both = acc1 & acc2;
  var flags = select(0u, FLAG_IN_LKR, (both & TRACK_IN_LKR) != 0u);
  if (photons) {
    return flags | FLAG_TWO_PHOTONS;
  }
  if ((both & TRACK_IN_STRAW) != 0u) {
    flags |= FLAG_IN_STRAW;
  }
  if ((acc1 & TRACK_IN_MUV3) != 0u) {
    flags |= FLAG_D1_IN_MUV3;
  }
  if ((acc2 & TRACK_IN_MUV3) != 0u) {
    flags |= FLAG_D2_IN_MUV3;
  }
  return flags;
}

// Twin of withAccepted.
fn withAccepted(flags: u32) -> u32 {
  let need = FLAG_IN_DECAY_VOLUME | FLAG_IN_LKR;
  return select(flags, flags | FLAG_ACCEPTED, (flags & need) == need && (flags & (FLAG_IN_STRAW | FLAG_TWO_PHOTONS)) != 0u);
}

fn sampleEvent(i: u32, key: vec2<u32>, event: vec2<u32>) {
  let mN = params[P_HNL_MASS];
  // Production channel, then the meson.
  var u = uniforms4(key, event, STREAM_PRODUCTION, 0u);
  var v = uniforms4(key, event, STREAM_PRODUCTION, 1u);
  let c = pickChannel(u.x, P_PROD_CUM, u32(params[P_N_PROD]));
  let mP = params[P_PROD_PARENT_MASS + c];
  let meson = sampleDumpMeson(mP, u32(params[P_PROD_SPECTRUM + c]), uniforms4(key, event, STREAM_SOURCE, 0u), v.w);
  let nSign = params[P_PROD_N_SIGN + c];
  let chain = select(-1.0, 1.0, v.x < 0.5) * nSign;
  let kind = params[P_PROD_KIND + c];
  // From a tau: the tau in the meson frame; its rest frame is reached from the meson's, where its
  // spin lies along its flight. N's spin axis (spinAxis below: along N's direction for N from a
  // meson, tilted towards the tau's axis for N from a tau) is expressed in N's production frame;
  // N decays in the rest frame reached from there. Twin of the CPU comments.
  let fromTau = kind == PRODUCTION_TAU_TWO_BODY || kind == PRODUCTION_TAU_THREE_BODY;
  var dirTau = vec3<f32>(0.0, 0.0, 1.0);
  if (fromTau) {
    dirTau = isotropicDirection(v.y, v.z);
  }
  let tauStar = vec4<f32>(params[P_PROD_TAU_PSTAR + c] * dirTau, params[P_PROD_TAU_ESTAR + c]);
  // N's momentum and energy in its production frame (two-body: fixed; three-body: the table).
  let twoBodyKind = kind == PRODUCTION_TWO_BODY || kind == PRODUCTION_TAU_TWO_BODY;
  var pStar = params[P_PROD_PSTAR + c];
  var eStar = params[P_PROD_ESTAR + c];
  var energyBin = 0u;
  if (!twoBodyKind) {
    let bins = u32(params[P_N_ENERGY_BINS]);
    let b = sampleBins(u.y, P_ENERGY_CDF + u32(params[P_PROD_TABLE + c]) * bins, bins);
    energyBin = u32(params[P_PROD_TABLE + c]) * bins + b.k;
    let kinetic = ((f32(b.k) + b.f) / f32(bins)) * (params[P_PROD_E_MAX + c] - params[P_PROD_E_MIN + c]);
    pStar = sqrt(kinetic * (2.0 * mN + kinetic));
    eStar = mN + kinetic;
  }
  // Spin correlations (alpha, helicity +1 share, slope, transverse); polarised: whether N has any.
  let polarised = params[P_POLARISED] == 1.0;
  var spin = vec4<f32>(params[P_PROD_ALPHA + c], params[P_PROD_HELICITY_PLUS + c], params[P_PROD_HELICITY_SLOPE + c], params[P_PROD_TRANSVERSE + c]);
  var hUniform = u.y;
  if (polarised && kind == PRODUCTION_THREE_BODY) {
    spin = vec4<f32>(0.0, params[P_ENERGY_HELICITY_PLUS + energyBin], 0.0, 0.0);
    hUniform = v.y; // free without a tau (CPU comments)
  } else if (polarised && kind == PRODUCTION_TAU_THREE_BODY) {
    spin = tauLeptonicSpinCorrelation(params[P_PROD_N_SIGN + c] == 1.0, params[P_TAU_MASS], mN, params[P_PROD_TAU_LEPTON_MASS + c], eStar, pStar);
    hUniform = uniforms4(key, event, STREAM_PRODUCTION, 2u).x;
  }
  var dir: vec3<f32>;
  var cosSpin = 0.0;
  if (polarised && fromTau) {
    let cs = linearCosSin(spin.x, u.z);
    dir = aroundAxis(dirTau, cs.x, cs.y, TWO_PI * u.w);
    cosSpin = cs.x;
  } else {
    dir = isotropicDirection(u.z, u.w);
  }
  // N's spin: the pure state along P/|P| or against it with (1 +- |P|)/2 (CPU comments).
  var h = 0.0;
  var spinAxis = dir;
  var longitudinal = 1.0;
  if (polarised) {
    let scale = 1.0 + spin.x * cosSpin;
    let along = 2.0 * (spin.y + spin.z * cosSpin) - scale;
    let S = along * dir + spin.w * (dirTau - cosSpin * dir);
    let norm = length(S);
    if (norm > 0.0) {
      spinAxis = S / norm;
      longitudinal = select(1.0, -1.0, along < 0.0);
    }
    h = select(-1.0, 1.0, 2.0 * hUniform * scale < scale + norm);
  }
  let nStar = vec4<f32>(pStar * dir, eStar);
  let N = productionToLab(nStar, fromTau, tauStar, meson.p, mP);

  // Decay position.
  u = uniforms4(key, event, STREAM_DECAY_POSITION, 0u);
  let dec = decayInCylinder(meson.x, params[P_DV_Z_MIN] - meson.x.z, params[P_DV_Z_MAX] - meson.x.z, N, mN, params[P_HNL_CTAU], params[P_DV_RADIUS], u.x);
  let axis = dec.axis;
  let interval = dec.interval;
  let s = dec.s;
  let decayLogProb = dec.logProb;
  var flags = select(0u, FLAG_IN_DECAY_VOLUME, dec.inside);
  let vtx = meson.x + s * axis;

  // Decay.
  u = uniforms4(key, event, STREAM_DECAY, 0u);
  let d = pickChannel(u.x, P_DECAY_CUM, u32(params[P_N_DECAY]));
  if (!(params[P_DECAY_KIND + d] == DECAY_TWO_BODY && params[P_DECAY_MESON_DECAY + d] == MESON_NONE)) {
    v = uniforms4(key, event, STREAM_DECAY, 1u);
  }
  let lnv = select(1.0, -1.0, params[P_MAJORANA] == 1.0 && u.y >= 0.5);
  let hDecay = h * lnv;
  let q = chain * lnv;
  let m1 = params[P_DECAY_M1 + d];
  let m2 = params[P_DECAY_M2 + d];
  var d1: vec4<f32>;
  var d2: vec4<f32>;
  var d3 = vec4<f32>(0.0);
  var meWeight = 1.0;
  // A tau among the products (particle tauSlot) decays in its frame reached from N's with the
  // polarisation N's decay gave it; its track replaces it (CPU comments).
  let tauSlot = params[P_DECAY_TAU_SLOT + d];
  var tauX = vec4<f32>(0.0);
  var tauY = vec4<f32>(0.0);
  if (tauSlot != 0.0) {
    tauX = uniforms4(key, event, STREAM_DECAY, 3u);
    if (params[P_DECAY_TAU_MODE + d] == TAU_LEPTONS) {
      tauY = uniforms4(key, event, STREAM_DECAY, 4u);
    }
  }
  let tauSign = select(-1.0, 1.0, tauSlot == 1.0);
  var tauWeight = 1.0;
  var tauNeutral = vec4<f32>(0.0); // the pi0 of tau -> rho nu, N's frame
  var pdg1 = params[P_DECAY_PDG1 + d];
  var pdg2 = params[P_DECAY_PDG2 + d];
  // The pool event of a decay that has one (N's, or its D meson's), drawn once (CPU comments).
  var ev: PoolEvent;
  if (params[P_DECAY_POOL_COUNT + d] > 0.0) {
    ev = poolEvent(d, v.x, vec4<f32>(v.y, v.z, v.w, 0.0));
  }
  if (params[P_DECAY_KIND + d] == DECAY_POOL) {
    // A multi-hadron pool event, weighted by its partons' spin correlation (CPU comments).
    meWeight = 1.0 + hDecay * dot(ev.spin, spinAxis);
    pdg1 = ev.pdg1;
    pdg2 = ev.pdg2;
    d1 = toLab(ev.track1, nStar, mN, fromTau, tauStar, meson.p, mP);
    d2 = toLab(ev.track2, nStar, mN, fromTau, tauStar, meson.p, mP);
    d3 = toLab(ev.neutral, nStar, mN, fromTau, tauStar, meson.p, mP);
  } else if (params[P_DECAY_KIND + d] == DECAY_TWO_BODY) {
    let cs = linearCosSin(params[P_DECAY_ALPHA + d] * hDecay, u.z);
    let dirL = aroundAxis(spinAxis, cs.x, cs.y, TWO_PI * u.w);
    // In N's rest frame; the meson decays in its rest frame reached from there (CPU comments).
    let pq = params[P_DECAY_PSTAR + d];
    let star = TwoBody(vec4<f32>(pq * dirL, params[P_DECAY_E1 + d]), vec4<f32>(-pq * dirL, params[P_DECAY_E2 + d]));
    let md = params[P_DECAY_MESON_DECAY + d];
    let vector = params[P_DECAY_VECTOR + d] == 1.0;
    // The current the lepton is made by: the meson's momentum, or a vector's decay current (below).
    var current = star.d2;
    if (md == MESON_NONE) {
      d2 = toLab(star.d2, nStar, mN, fromTau, tauStar, meson.p, mP);
    } else if (md == MESON_POOL) {
      // D+, Ds+, Ds*+ as a pool event at rest, boosted along the meson (CPU comments).
      pdg2 = ev.pdg2;
      d2 = toLab(boost(ev.track2, star.d2, m2), nStar, mN, fromTau, tauStar, meson.p, mP);
      d3 = toLab(boost(ev.neutral, star.d2, m2), nStar, mN, fromTau, tauStar, meson.p, mP);
    } else if (md == MESON_THREE_BODY) {
      let w = uniforms4(key, event, STREAM_DECAY, 2u);
      let mX = params[P_DECAY_MESON_M1 + d];
      let mPi = params[P_DECAY_MESON_M2 + d];
      let r = threeBodyAtRest(m2, mX, mPi, mPi, v.z, isotropicDirection(v.x, v.y), isotropicDirection(w.x, w.y));
      meWeight = r.phaseSpace * mesonThreeBodyMatrixElement(d, m2, r.p1, r.p2, r.p3, mX, mPi) / params[P_DECAY_MESON_NORM + d];
      if (vector) {
        let n = cross(r.p3.xyz, r.p2.xyz);
        meWeight *= vectorMesonDecayWeight(mN, spinAxis, hDecay, star.d1, star.d2, m2, boost(vec4<f32>(n, 0.0), star.d2, m2), dot(n, n));
      }
      d1 = toLab(boost(r.p2, star.d2, m2), nStar, mN, fromTau, tauStar, meson.p, mP);
      d2 = toLab(boost(r.p3, star.d2, m2), nStar, mN, fromTau, tauStar, meson.p, mP);
      d3 = toLab(boost(r.p1, star.d2, m2), nStar, mN, fromTau, tauStar, meson.p, mP);
    } else {
      let dirM = isotropicDirection(v.x, v.y);
      let abN = decayTwoBody(star.d2, m2, dirM, params[P_DECAY_MESON_PSTAR + d], params[P_DECAY_MESON_E1 + d], params[P_DECAY_MESON_E2 + d]);
      let ab = TwoBody(toLab(abN.d1, nStar, mN, fromTau, tauStar, meson.p, mP), toLab(abN.d2, nStar, mN, fromTau, tauStar, meson.p, mP));
      if (vector) {
        let k2 = 2.0 * params[P_DECAY_MESON_PSTAR + d];
        current = boost(vec4<f32>(k2 * dirM, 0.0), star.d2, m2);
        meWeight = vectorMesonDecayWeight(mN, spinAxis, hDecay, star.d1, star.d2, m2, current, k2 * k2);
      }
      if (md == MESON_CHARGED_AND_NEUTRAL) {
        d2 = ab.d1;
        d3 = ab.d2;
      } else if (md == MESON_NEUTRAL_TO_PAIR) {
        d1 = ab.d2;
        d2 = ab.d1;
        d3 = toLab(star.d1, nStar, mN, fromTau, tauStar, meson.p, mP);
      } else {
        d1 = ab.d1;
        d2 = ab.d2;
        d3 = toLab(star.d1, nStar, mN, fromTau, tauStar, meson.p, mP);
      }
    }
    // The lepton (track 1) where the meson leaves it so; a tau- becomes its track.
    if (md == MESON_NONE || md == MESON_CHARGED_AND_NEUTRAL || md == MESON_POOL) {
      var lepN = star.d1;
      if (tauSlot == 1.0) {
        let tau = tauDecayAtRest(d, tauX, tauY, leptonPolarisationFromCurrent(star.d1, m1, current, hDecay * spinAxis), tauSign);
        lepN = boost(tau.p, star.d1, params[P_TAU_MASS]);
        tauNeutral = boost(tau.neutral, star.d1, params[P_TAU_MASS]);
        tauWeight = tau.weight;
      }
      d1 = toLab(lepN, nStar, mN, fromTau, tauStar, meson.p, mP);
    }
  } else {
    let w = uniforms4(key, event, STREAM_DECAY, 2u);
    let r = dalitzPointAtRest(mN, m1, m2, v.z, v.w);
    let p1 = orient(r.p1, w);
    let p2 = orient(r.p2, w);
    let pNu = orient(r.p3, w);
    let me = leptonicMatrixElement(d, mN, spinAxis, hDecay, p1, p2, pNu, m1, m2);
    meWeight = me * r.jacobian / params[P_DECAY_NORM + d];
    var t1 = p1;
    var t2 = p2;
    if (tauSlot != 0.0) {
      let pol = leptonicLeptonPolarisation(params[P_DECAY_CA + d], mN, spinAxis, hDecay, p1, p2, pNu, m1, m2, tauSlot);
      let tau = tauDecayAtRest(d, tauX, tauY, pol, tauSign);
      tauWeight = tau.weight;
      if (tauSlot == 1.0) {
        t1 = boost(tau.p, p1, params[P_TAU_MASS]);
        tauNeutral = boost(tau.neutral, p1, params[P_TAU_MASS]);
      } else {
        t2 = boost(tau.p, p2, params[P_TAU_MASS]);
        tauNeutral = boost(tau.neutral, p2, params[P_TAU_MASS]);
      }
    }
    d1 = toLab(t1, nStar, mN, fromTau, tauStar, meson.p, mP);
    d2 = toLab(t2, nStar, mN, fromTau, tauStar, meson.p, mP);
    d3 = toLab(pNu, nStar, mN, fromTau, tauStar, meson.p, mP);
  }
  meWeight *= tauWeight;
  if (params[P_DECAY_TAU_MODE + d] == TAU_VECTOR) {
    d3 = toLab(tauNeutral, nStar, mN, fromTau, tauStar, meson.p, mP);
  }

  // Detector.
  flags = withAccepted(flags | twoParticleFlags(params[P_DECAY_MESON_DECAY + d] == MESON_TWO_PHOTONS, vtx, d1.xyz, d2.xyz, q));

  var logWeight = LOG_WEIGHT_ZERO;
  if ((flags & FLAG_IN_DECAY_VOLUME) != 0u && meWeight > 0.0) { // a weight rounding to <= 0 is a zero weight (CPU comments)
    logWeight = params[P_LOG_NORM] + decayLogProb + log(meWeight);
  }
  putF(COL_LOG_WEIGHT, i, logWeight);
  putU(COL_FLAGS, i, flags);
  putU(COL_PRODUCTION_CHANNEL, i, c);
  putU(COL_DECAY_CHANNEL, i, d);
  putI(COL_PARENT_PDG, i, i32(chain * nSign * params[P_PROD_PARENT_PDG + c]));
  put4(COL_PARENT_PX, i, meson.p);
  putF(COL_PROD_X, i, meson.x.x);
  putF(COL_PROD_Y, i, meson.x.y);
  putF(COL_PROD_Z, i, meson.x.z);
  put4(COL_LLP_PX, i, N);
  putF(COL_LLP_HELICITY, i, select(h * longitudinal * chain, 0.0, h == 0.0));
  putF(COL_DECAY_LOG_PROB, i, decayLogProb);
  putF(COL_DECAY_S_IN, i, interval.x);
  putF(COL_DECAY_S_OUT, i, interval.y);
  putF(COL_DECAY_S, i, s);
  putF(COL_DECAY_X, i, vtx.x);
  putF(COL_DECAY_Y, i, vtx.y);
  putF(COL_DECAY_Z, i, vtx.z);
  putF(COL_DECAY_ME_WEIGHT, i, meWeight);
  let selfConjugate = u32(params[P_DECAY_SELF_CONJUGATE + d]);
  putI(COL_D1_PDG, i, i32(select(q, 1.0, (selfConjugate & SELF_CONJUGATE_D1) != 0u) * pdg1));
  put4(COL_D1_PX, i, d1);
  putI(COL_D2_PDG, i, i32(select(q, 1.0, (selfConjugate & SELF_CONJUGATE_D2) != 0u) * pdg2));
  put4(COL_D2_PX, i, d2);
  putI(COL_D3_PDG, i, i32(select(q, 1.0, (selfConjugate & SELF_CONJUGATE_D3) != 0u) * params[P_DECAY_PDG3 + d]));
  put4(COL_D3_PX, i, d3);
}
