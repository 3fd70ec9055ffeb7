// Coherent scattering on nuclei. Twin of helmFromRadii and recoilMomentum in
// src/physics/formFactor.ts.

// Series below 0.5, where the closed form cancels in f32 (see formFactor.ts).
fn threeJ1OverX(x: f32) -> f32 {
  if (x < 0.5) {
    let y = x * x;
    return 1.0 - y * (1.0 / 10.0 - y * (1.0 / 280.0 - y * (1.0 / 15120.0 - y / 1330560.0)));
  }
  return 3.0 * (sin(x) - x * cos(x)) / (x * x * x);
}

fn helmFromRadii(q: f32, R1: f32, s: f32) -> f32 {
  return threeJ1OverX(q * R1) * exp(-(q * s) * (q * s) / 2.0);
}

fn recoilMomentum(M: f32, ER: f32) -> f32 {
  return sqrt(2.0 * M * ER + ER * ER);
}
