/**
 * Physical constants and unit conversions, each with its source.
 *
 * Units inside fipgen's physics code: natural units (hbar = c = 1) with energies, momenta
 * and masses in GeV; at the interfaces lengths are metres, times seconds and cross-sections
 * cm^2. Convert only through the constants below, never with inline numbers.
 */

/** hbar*c in GeV m (CODATA 2018, exact-derived: 197.3269804 MeV fm). */
export const HBARC_GEV_M = 1.973269804e-16;
/** hbar in GeV s (CODATA 2018: 6.582119569e-25 GeV s). */
export const HBAR_GEV_S = 6.582119569e-25;
/** Speed of light in m/s (exact, SI). */
export const C_M_PER_S = 299792458;
/** 1 GeV^-2 in cm^2 (PDG "Physical constants": (hbar c)^2 = 0.3893794 GeV^2 mb). */
export const GEV_M2_TO_CM2 = 0.3893794e-27;
/** 1 GeV/c^2 in kg (CODATA 2018: 1.78266192e-27 kg). */
export const KG_PER_GEV = 1.78266192e-27;
/** Joules per MeV (exact SI: e = 1.602176634e-19 C). */
export const J_PER_MEV = 1.602176634e-13;
/** Atomic mass unit in GeV (CODATA 2018: 931.49410242 MeV). */
export const AMU_GEV = 0.93149410242;
/** Avogadro's number in 1/mol (exact, SI). */
export const AVOGADRO = 6.02214076e23;
/** Proton magnetic moment in nuclear magnetons (CODATA 2018: 2.79284734). */
export const PROTON_MAGNETIC_MOMENT = 2.79284734;

/** Fermi constant in GeV^-2 (PDG 2024, from the muon lifetime). */
export const G_F = 1.1663787e-5;
/** Fine-structure constant at q^2 = 0 (CODATA 2018). */
export const ALPHA = 1 / 137.035999;

/**
 * Weak mixing angle. Two named values, never one silently standing in for the other
 * (PHYSICS.md section 0):
 * - at low momentum transfer, sin^2(theta_W)(0) = 0.23857 (MS-bar, PDG 2024 "Electroweak
 *   model"), for processes at q^2 ~ 0 such as CEvNS;
 * - at the Z pole, sin^2(theta_W)(M_Z) = 0.23121 (MS-bar, PDG 2024), where a paper's formula
 *   uses it: the HNL neutral-current widths of arXiv:1805.08567 do.
 */
export const SIN2_THETA_W_LOW_Q = 0.23857;
export const SIN2_THETA_W_MZ = 0.23121;

/** CKM magnitudes (PDG 2024 "CKM quark-mixing matrix", as collected in PHYSICS.md section 0). */
export const CKM = {
  ud: 0.97373,
  us: 0.2243,
  ub: 0.00382,
  cd: 0.221,
  cs: 0.975,
  cb: 0.0408,
} as const;

/**
 * Current quark masses in GeV (PDG 2024 "Quark masses": u, d, s MS-bar at 2 GeV; c = m_c(m_c),
 * b = m_b(m_b)). They only set the thresholds of the quark-level HNL widths (arXiv:1805.08567's
 * multi-hadron treatment, src/physics/hnl/decay.ts), nothing else.
 */
export const QUARK_MASS_GEV = {
  u: 2.16e-3,
  d: 4.7e-3,
  s: 93.5e-3,
  c: 1.273,
  b: 4.183,
} as const;

/**
 * Strong coupling alpha_s(m_tau) = 0.332 from the hadronic tau width: the ALEPH determination of
 * Davier, Hoecker, Malaescu, Yuan, Zhang, EPJC 74 (2014) 2803 (its combined value 0.332 +- 0.012;
 * the value SIREN's HNLDecay.cxx uses); run at one loop with ALPHA_S_NF = 3 active flavours for the
 * HNL quark-level QCD correction.
 */
export const ALPHA_S_MTAU = 0.332;
export const ALPHA_S_NF = 3;

/**
 * Meson decay constants in GeV, convention f_pi ~ 130 MeV (PDG 2024 / FLAG, as collected in
 * PHYSICS.md section 0; the vector ones as used in arXiv:1805.08567 table 9).
 */
export const DECAY_CONSTANT_GEV = {
  pi: 0.1302,
  K: 0.1557,
  D: 0.212,
  Ds: 0.249,
  B: 0.19,
  Bs: 0.23,
  eta: 0.0817,
  etaPrime: -0.0947,
  rho: 0.209,
  omega: 0.195,
  phi: 0.229,
  DsStar: 0.315,
  /**
   * K*(892)+: not in PHYSICS.md; 0.204 GeV as HNLCalc uses for N -> l K*+ (github.com/laroccod/HNLCalc,
   * HNLCalc.py fH for PDG id 323).
   */
  Kstar: 0.204,
  /** 1805.08567 table 8 (as transcribed by Raffaella07/HNLAnalysis python/decays.py line 55): Bc -> l N only. */
  Bc: 0.434,
} as const;

/**
 * The tau's decays a spectrometer sees as one track (PDG 2024 summary tables): e nu nu 17.82%,
 * mu nu nu 17.39%, pi nu 10.82%, K nu 0.696%, and pi pi0 nu 25.49% (the rho, taken as
 * rho -> pi pi0 at its mass).
 */
export const BR_TAU_TO_ONE_TRACK = { e: 0.1782, mu: 0.1739, pi: 0.1082, K: 0.00696, rho: 0.2549 } as const;

/**
 * Branching ratios of the neutral mesons to two photons, for N -> pi0/eta nu seen in a
 * calorimeter (PDG 2024 summary tables: pi0 -> gamma gamma 98.823%, eta -> gamma gamma 39.36%).
 */
export const BR_TO_TWO_PHOTONS = { pi0: 0.98823, eta: 0.3936 } as const;

/** phi -> K+ K-: 49.1% (PDG 2024 summary tables), the phi's two-track mode. */
export const BR_PHI_TO_KK = 0.491;

/**
 * K*(892)+ -> K pi is ~100% (PDG 2024); isospin (Clebsch-Gordan) splits it 2/3 K0 pi+ and 1/3 K+ pi0.
 */
export const BR_KSTAR_TO = { K0PiPlus: 2 / 3, KPlusPi0: 1 / 3 } as const;

/**
 * Three-pion-like modes of the neutral mesons, the ones with two charged tracks (PDG 2024 summary
 * tables): omega -> pi+ pi- pi0 89.2%, eta -> pi+ pi- pi0 22.92%, eta' -> pi+ pi- eta 42.5%.
 */
export const BR_TO_PI_PI_X = { omega: 0.892, eta: 0.2292, etaPrime: 0.425 } as const;

/**
 * Dalitz-plot parameters, |M|^2 = 1 + aY + bY^2 + dX^2 + fY^3 + gX^2Y (X, Y as in
 * src/physics/mesonDecays.ts). eta -> pi+ pi- pi0: KLOE-2, JHEP 05 (2016) 019, arXiv:1601.06985
 * (its abstract's values; the paper's text was not readable here, so they were not re-read).
 * eta' -> eta pi+ pi-: BESIII, Phys. Rev. D 97 (2018) 012003 (b, d and c = 0.0027 +- 0.0030 as
 * PDG 2024 lists them; c, odd in X, is set to 0 as C invariance requires).
 */
export const DALITZ_PARAMETERS = {
  eta: { a: -1.095, b: 0.145, d: 0.081, f: 0.141, g: -0.044 },
  etaPrime: { a: -0.056, b: -0.049, d: -0.063, f: 0, g: 0 },
} as const;
