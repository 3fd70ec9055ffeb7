// Heavy mesons from the NA62 TAX (or T10 target) and where they are made. Twin of src/sources/na62Dump.ts.

struct DumpMeson {
  p: vec4<f32>,
  x: vec3<f32>,
}

// |x_F| = 1 - u^(1/(n+1)), p_T^2 = -ln(u)/b, azimuth uniform, in the proton-nucleon centre of
// mass, boosted along z; depth exponential in the interaction length, truncated to the absorber.
fn sampleDumpMeson(m: f32, spectrum: u32, u: vec4<f32>, uDepth: f32) -> DumpMeson {
  let n = params[P_SPECTRUM_N + spectrum];
  // ln u from 1 - u (exact for u >= 1/2): small |x_F| and p_T keep their relative precision.
  let xF = select(1.0, -1.0, u.y < 0.5) * -expm1(logOneMinus(1.0 - u.x) / (n + 1.0));
  let pT = sqrt(-logOneMinus(1.0 - u.z) / params[P_SPECTRUM_B + spectrum]);
  let phi = TWO_PI * u.w;
  let pL = 0.5 * xF * params[P_SQRT_S];
  let mT2 = m * m + pT * pT;
  let eStar = sqrt(mT2 + pL * pL);
  // Light-cone boost, E +- p_z = (gamma +- beta gamma)(E* +- p_L), nothing cancels.
  let plus = params[P_CM_GAMMA] + params[P_CM_BETA_GAMMA];
  let ePlus = plus * select(mT2 / (eStar - pL), eStar + pL, pL >= 0.0);
  let eMinus = select(eStar - pL, mT2 / (eStar + pL), pL >= 0.0) / plus;
  let p = vec4<f32>(pT * cos(phi), pT * sin(phi), 0.5 * (ePlus - eMinus), 0.5 * (ePlus + eMinus));
  let depth = forcedDecay(0.0, params[P_ABSORBER_LENGTH], params[P_ABSORBER_LAMBDA], uDepth).s;
  return DumpMeson(p, vec3<f32>(0.0, 0.0, params[P_ABSORBER_Z_FRONT] + depth));
}
