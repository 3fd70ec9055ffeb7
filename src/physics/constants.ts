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
 * b = m_b(m_b)). They only set the thresholds of the quark-level HNL widths (arXiv:1805.08567
 * section 3.2), nothing else.
 */
export const QUARK_MASS_GEV = {
  u: 2.16e-3,
  d: 4.7e-3,
  s: 93.5e-3,
  c: 1.273,
  b: 4.183,
} as const;

/**
 * Strong coupling alpha_s(m_tau) = 0.332 from the hadronic tau width (PDG 2024 "Quantum
 * chromodynamics", tau-decay determination; the value SIREN's HNLDecay.cxx uses), run at one
 * loop with ALPHA_S_NF = 3 active flavours for the HNL quark-level QCD correction.
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
  /** 1805.08567 table 8 (as transcribed by Raffaella07/HNLAnalysis python/decays.py line 55): Bc -> l N only. */
  Bc: 0.434,
} as const;

/**
 * Branching ratios of the neutral mesons to two photons, for N -> pi0/eta nu seen in a
 * calorimeter (PDG 2024 summary tables: pi0 -> gamma gamma 98.823%, eta -> gamma gamma 39.36%).
 */
export const BR_TO_TWO_PHOTONS = { pi0: 0.98823, eta: 0.3936 } as const;

/** phi -> K+ K-: 49.1% (PDG 2024 summary tables), the phi's two-track mode. */
export const BR_PHI_TO_KK = 0.491;
