// The na62-kaon-hnl chain as a JavaScript user would write it with gpu.js (listed in the
// design brief): one gpu.js kernel per event computing the weight and the acceptance, in
// gpu.js's WebGPU mode on the same Dawn adapter fipgen uses. gpu.js has no 32-bit integer
// arithmetic (its numbers are f32), so Philox cannot run inside the kernel: the uniforms
// come from the host (fipgen's Philox, 15 per event), as such a user would do.
// Mode (a): only the sums come back (each thread returns +w if accepted, -w if not).
//
//   node bench/gpujs/baseline.mjs <events>     prints JSON: events/s, sums, the adapter
// fipgen's own Dawn (webgpu 0.6): the 0.2.9 copy gpu.js depends on needs a newer libstdc++ than Debian bookworm's.
import { create, globals } from '../../node_modules/webgpu/index.js';
import { loadScenario } from '../../dist/config/load.js';
import { na62KaonHnl } from '../../dist/processes/na62KaonHnl.js';
import { STREAM, uniforms4 } from '../../dist/engine/rng/philox.js';

Object.assign(globalThis, globals);
globalThis.navigator = { gpu: create([]) };
const { GPU } = (await import('gpu.js')).default;

const events = Number(process.argv[2] ?? 1e6);
const plan = na62KaonHnl.plan(loadScenario('na62-kaon-hnl'), events);
const P = plan.params;
const key = [1, 0];

// Host: the uniforms of each event in fipgen's stream layout (source 7, production 3, decay position 1, decay 4).
function uniformsFor(first, n) {
  const u = new Float32Array(16 * n);
  const a = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const e = first + i;
    const o = 16 * i;
    uniforms4(key, e, STREAM.source, 0, a); u.set(a, o);
    uniforms4(key, e, STREAM.source, 1, a); u[o + 4] = a[0]; u[o + 5] = a[1]; u[o + 6] = a[2];
    uniforms4(key, e, STREAM.production, 0, a); u[o + 7] = a[0]; u[o + 8] = a[1]; u[o + 9] = a[2];
    uniforms4(key, e, STREAM.decayPosition, 0, a); u[o + 10] = a[0];
    uniforms4(key, e, STREAM.decay, 0, a); u[o + 11] = a[0]; u[o + 12] = a[1]; u[o + 13] = a[2]; u[o + 14] = a[3];
  }
  return u;
}

const gpu = new GPU({ mode: 'webgpu' });
const C = {
  mK: P.kaon_mass, ctauK: P.kaon_ctau, p0: P.beam_p, prms: P.beam_p_rms, slope: P.beam_slope_x, div: P.beam_divergence, spot: P.beam_spot,
  x0: P.beam_x0, y0: P.beam_y0, z0: P.kdecay_z_min, z1: P.kdecay_z_max, mN: P.hnl_mass, ctauN: P.hnl_ctau, logNorm: P.log_norm,
  pc0: P.prod_cum[0], ps0: P.prod_pstar[0], ps1: P.prod_pstar[1], pe0: P.prod_estar[0], pe1: P.prod_estar[1],
  dc0: P.decay_cum[0], ds0: P.decay_pstar[0], ds1: P.decay_pstar[1], dl0: P.decay_e_lepton[0], dl1: P.decay_e_lepton[1], dp0: P.decay_e_pion[0], dp1: P.decay_e_pion[1],
  dvR: P.dv_radius, dvStart: P.dv_start_after_region, dvEnd: P.dv_end_after_region, maj: P.majorana,
  sz0: P.straw_z[0], sz1: P.straw_z[1], sz2: P.straw_z[2], sz3: P.straw_z[3], hx0: P.straw_hole_x[0], hx1: P.straw_hole_x[1], hx2: P.straw_hole_x[2], hx3: P.straw_hole_x[3],
  sR: P.straw_outer_radius, hh: P.straw_hole_half_side, zm: P.magnet_z, kick: P.magnet_kick, zl: P.lkr_z, lin: P.lkr_inner_radius, lhs: P.lkr_half_side, loct: P.lkr_octagon_sum,
};

function inChamber(x, y, hx, R, h) {
  let ok = 1;
  if (x * x + y * y >= R * R) ok = 0;
  if (Math.abs(x - hx) < h && Math.abs(y) < h) ok = 0;
  return ok;
}
// 1 if the track (vertex v, momentum p, charge q) crosses the four chambers and hits the LKr.
function track(vx, vy, vz, px, py, pz, q, sz0, sz1, sz2, sz3, hx0, hx1, hx2, hx3, R, h, zm, kick, zl, lin, lhs, loct) {
  if (pz <= 0) return 0;
  let ok = inChamber(vx + (sz0 - vz) * px / pz, vy + (sz0 - vz) * py / pz, hx0, R, h);
  ok = ok * inChamber(vx + (sz1 - vz) * px / pz, vy + (sz1 - vz) * py / pz, hx1, R, h);
  const xm = vx + (zm - vz) * px / pz;
  const ym = vy + (zm - vz) * py / pz;
  const pxk = px + q * kick;
  const pzk2 = pz * pz + px * px - pxk * pxk;
  if (pzk2 <= 0) return 0;
  const pzk = Math.sqrt(pzk2);
  ok = ok * inChamber(xm + (sz2 - zm) * pxk / pzk, ym + (sz2 - zm) * py / pzk, hx2, R, h);
  ok = ok * inChamber(xm + (sz3 - zm) * pxk / pzk, ym + (sz3 - zm) * py / pzk, hx3, R, h);
  const xl = xm + (zl - zm) * pxk / pzk;
  const yl = ym + (zl - zm) * py / pzk;
  if (xl * xl + yl * yl <= lin * lin) ok = 0;
  if (Math.abs(xl) >= lhs || Math.abs(yl) >= lhs || Math.abs(xl) + Math.abs(yl) >= loct) ok = 0;
  return ok;
}
gpu.addFunction(inChamber);
gpu.addFunction(track);

const kernel = gpu
  .createKernel(function (u) {
    const o = this.thread.x * 16;
    const TWO_PI = 6.283185307179586;
    // kaon beam
    const r1 = Math.sqrt(-2 * Math.log(u[o]));
    const r2 = Math.sqrt(-2 * Math.log(u[o + 2]));
    const r3 = Math.sqrt(-2 * Math.log(u[o + 4]));
    const p = this.constants.p0 + this.constants.prms * r1 * Math.cos(TWO_PI * u[o + 1]);
    const tx = this.constants.slope + this.constants.div * r1 * Math.sin(TWO_PI * u[o + 1]);
    const ty = this.constants.div * r2 * Math.cos(TWO_PI * u[o + 3]);
    const dz = this.constants.z1 - this.constants.z0;
    const zs = dz * u[o + 6];
    const ze = dz * (1 - u[o + 6]);
    const kx = this.constants.x0 + this.constants.spot * r2 * Math.sin(TWO_PI * u[o + 3]) + tx * zs;
    const ky = this.constants.y0 + this.constants.spot * r3 * Math.cos(TWO_PI * u[o + 5]) + ty * zs;
    const kz = this.constants.z0 + zs;
    const kpz = p / Math.sqrt(1 + tx * tx + ty * ty);
    const kpx = tx * kpz;
    const kpy = ty * kpz;
    const kE = Math.sqrt(p * p + this.constants.mK * this.constants.mK);
    const lz = (kpz / this.constants.mK) * this.constants.ctauK;
    const wK = (dz / lz) * Math.exp(-zs / lz) / (1 - Math.exp(-dz / lz));
    // K -> l N
    let ps = this.constants.ps1;
    let pe = this.constants.pe1;
    if (u[o + 7] < this.constants.pc0) { ps = this.constants.ps0; pe = this.constants.pe0; }
    const ct = 2 * u[o + 8] - 1;
    const st = Math.sqrt(Math.max(0, 1 - ct * ct));
    const ph = TWO_PI * u[o + 9];
    let nx = ps * st * Math.cos(ph);
    let ny = ps * st * Math.sin(ph);
    let nz = ps * ct;
    let bx = kpx / kE; let by = kpy / kE; let bz = kpz / kE;
    let g = kE / this.constants.mK;
    let bp = bx * nx + by * ny + bz * nz;
    let cc = (g * g / (1 + g)) * bp + g * pe;
    const Nx = nx + cc * bx; const Ny = ny + cc * by; const Nz = nz + cc * bz; const NE = g * (pe + bp);
    // decay point in the volume
    const pN = Math.sqrt(Nx * Nx + Ny * Ny + Nz * Nz);
    const dx = Nx / pN; const dy = Ny / pN; const dzN = Nz / pN;
    let sIn = Math.max(0, (this.constants.dvStart - zs) / dzN);
    let sOut = (this.constants.dvEnd + ze) / dzN;
    const a = dx * dx + dy * dy;
    const b = kx * dx + ky * dy;
    const q0 = kx * kx + ky * ky - this.constants.dvR * this.constants.dvR;
    const disc = b * b - a * q0;
    if (disc < 0 || dzN <= 0) { sOut = sIn; }
    else {
      const sq = Math.sqrt(disc);
      let qq = -(b - sq);
      if (b >= 0) qq = -(b + sq);
      const t1 = qq / a; const t2 = q0 / qq;
      sIn = Math.max(sIn, Math.min(t1, t2));
      sOut = Math.min(sOut, Math.max(t1, t2));
    }
    if (sOut <= sIn) return 0;
    const L = (pN / this.constants.mN) * this.constants.ctauN;
    const y = (sOut - sIn) / L;
    let pin = 1 - Math.exp(-y);
    if (y < 0.1) pin = y * (1 - y * (0.5 - y * (1 / 6 - y / 24)));
    const s = sIn - L * Math.log(1 - u[o + 10] * pin);
    const logw = this.constants.logNorm + Math.log(wK) - sIn / L + Math.log(pin);
    const vx = kx + s * dx; const vy = ky + s * dy; const vz = kz + s * dzN;
    // N -> l pi
    let dps = this.constants.ds1; let del = this.constants.dl1; let dep = this.constants.dp1;
    if (u[o + 11] < this.constants.dc0) { dps = this.constants.ds0; del = this.constants.dl0; dep = this.constants.dp0; }
    let ql = -1;
    if (this.constants.maj > 0.5 && u[o + 12] >= 0.5) ql = 1;
    const ct2 = 2 * u[o + 13] - 1;
    const st2 = Math.sqrt(Math.max(0, 1 - ct2 * ct2));
    const ph2 = TWO_PI * u[o + 14];
    const lx = dps * st2 * Math.cos(ph2); const ly = dps * st2 * Math.sin(ph2); const lzz = dps * ct2;
    bx = Nx / NE; by = Ny / NE; bz = Nz / NE; g = NE / this.constants.mN;
    bp = bx * lx + by * ly + bz * lzz;
    cc = (g * g / (1 + g)) * bp + g * del;
    const L1x = lx + cc * bx; const L1y = ly + cc * by; const L1z = lzz + cc * bz;
    const bq = -bp;
    const cq = (g * g / (1 + g)) * bq + g * dep;
    const P2x = -lx + cq * bx; const P2y = -ly + cq * by; const P2z = -lzz + cq * bz;
    const acc = track(vx, vy, vz, L1x, L1y, L1z, ql, this.constants.sz0, this.constants.sz1, this.constants.sz2, this.constants.sz3, this.constants.hx0, this.constants.hx1, this.constants.hx2, this.constants.hx3, this.constants.sR, this.constants.hh, this.constants.zm, this.constants.kick, this.constants.zl, this.constants.lin, this.constants.lhs, this.constants.loct)
      * track(vx, vy, vz, P2x, P2y, P2z, -ql, this.constants.sz0, this.constants.sz1, this.constants.sz2, this.constants.sz3, this.constants.hx0, this.constants.hx1, this.constants.hx2, this.constants.hx3, this.constants.sR, this.constants.hh, this.constants.zm, this.constants.kick, this.constants.zl, this.constants.lin, this.constants.lhs, this.constants.loct);
    const w = Math.exp(logw);
    if (acc > 0.5) return w;
    return -w;
  })
  .setConstants(C)
  .setOutput([1 << 18]);

const batch = 1 << 18;
let sum = 0;
let sumAcc = 0;
let accepted = 0;
let hostSeconds = 0;
const t0 = performance.now();
for (let first = 0; first < events; first += batch) {
  const n = Math.min(batch, events - first);
  const h0 = performance.now();
  const u = uniformsFor(first, batch);
  hostSeconds += (performance.now() - h0) / 1000;
  const out = await kernel(u);
  for (let i = 0; i < n; i++) {
    const w = out[i];
    sum += Math.abs(w);
    if (w > 0) {
      sumAcc += w;
      accepted++;
    }
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ baseline: 'gpu.js 2.24.1 (webgpu mode)', events, seconds, eventsPerSecond: events / seconds, hostUniformSeconds: hostSeconds, sumWeights: sum, sumWeightsAccepted: sumAcc, accepted })}\n`);
process.exit(0);
