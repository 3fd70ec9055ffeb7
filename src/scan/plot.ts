/**
 * The picture people expect of a sensitivity scan: expected accepted events over the
 * (mass, U^2) plane as a colour map, log U^2 axis (log mass with --log), and the contour at
 * the scan's level (2.3 events: 90% CL for no background). SVG written here; PNG rendered
 * from the same SVG by resvg.
 */
import { Resvg } from '@resvg/resvg-js';
import { deltaAmu } from '../physics/zprime/model.js';
import type { MassResult, ScanManifest } from './scan.js';

const W = 820;
const H = 600;
const M = { left: 90, right: 150, top: 60, bottom: 70 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

/** Colour-map range in log10(expected events). */
const LOG_MIN = -2;
const LOG_MAX = 4;

// A few stops of the viridis colour map (matplotlib), interpolated linearly.
const VIRIDIS = [
  [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];
function colour(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - k;
  const c = VIRIDIS[k].map((a, i) => Math.round(a + (VIRIDIS[k + 1][i] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Segments of the zero contour of v over a grid, in fractional grid coordinates (marching squares). */
export function contourSegments(v: number[][]): [number, number, number, number][] {
  const segs: [number, number, number, number][] = [];
  const nx = v.length;
  const ny = v[0]?.length ?? 0;
  const cross = (a: number, b: number) => a / (a - b);
  for (let i = 0; i + 1 < nx; i++) {
    for (let j = 0; j + 1 < ny; j++) {
      const a = v[i][j];
      const b = v[i + 1][j];
      const c = v[i + 1][j + 1];
      const d = v[i][j + 1];
      // Crossing points on the four edges (bottom, right, top, left), when the sign changes.
      const pts: [number, number][] = [];
      if (a > 0 !== b > 0) pts.push([i + cross(a, b), j]);
      if (b > 0 !== c > 0) pts.push([i + 1, j + cross(b, c)]);
      if (d > 0 !== c > 0) pts.push([i + cross(d, c), j + 1]);
      if (a > 0 !== d > 0) pts.push([i, j + cross(a, d)]);
      if (pts.length === 2) segs.push([...pts[0], ...pts[1]]);
      else if (pts.length === 4) {
        // Saddle: the cell centre decides which pairs join.
        const centre = (a + b + c + d) / 4;
        if (centre > 0 === a > 0) {
          segs.push([...pts[0], ...pts[1]], [...pts[2], ...pts[3]]);
        } else {
          segs.push([...pts[0], ...pts[3]], [...pts[1], ...pts[2]]);
        }
      }
    }
  }
  return segs;
}

function decadeTicks(lo: number, hi: number): number[] {
  const t: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) t.push(10 ** k);
  return t;
}

function linearTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step0 = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 5, 10].map((m) => m * step0).find((s) => span / s <= 6)!;
  const t: number[] = [];
  for (let x = Math.ceil(lo / step - 1e-9) * step; x <= hi + 1e-9 * span; x += step) t.push(Number(x.toPrecision(12)));
  return t;
}

export function scanSvg(manifest: ScanManifest, results: MassResult[]): string {
  const masses = results.map((r) => r.mass_GeV);
  const U2 = manifest.couplings; // the second axis: U^2 for HNLs, g for mediators
  const fx = (m: number) => (manifest.mass_log ? Math.log10(m) : m);
  const x0 = fx(masses[0]);
  const x1 = fx(masses[masses.length - 1]);
  const y0 = Math.log10(U2[0]);
  const y1 = Math.log10(U2[U2.length - 1]);
  const px = (x: number) => M.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * PW;
  const py = (y: number) => M.top + PH - (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0)) * PH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  // Colour map: one cell per grid point.
  const cw = PW / Math.max(1, masses.length - 1);
  const ch = PH / Math.max(1, U2.length - 1);
  out.push(`<g clip-path="url(#plot)"><clipPath id="plot"><rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}"/></clipPath>`);
  results.forEach((r) => {
    r.expected.forEach((e, k) => {
      const t = (Math.log10(Math.max(e, 1e-300)) - LOG_MIN) / (LOG_MAX - LOG_MIN);
      if (e <= 0 || t < 0) return;
      out.push(`<rect x="${(px(fx(r.mass_GeV)) - cw / 2).toFixed(2)}" y="${(py(Math.log10(U2[k])) - ch / 2).toFixed(2)}" width="${(cw + 0.6).toFixed(2)}" height="${(ch + 0.6).toFixed(2)}" fill="${colour(t)}"/>`);
    });
  });
  // The contour at the level.
  const v = results.map((r) => r.expected.map((e) => Math.log10(Math.max(e, 1e-300)) - Math.log10(manifest.level)));
  const gx = (i: number) => px(x0 + ((x1 - x0) * i) / Math.max(1, masses.length - 1));
  const gy = (j: number) => py(y0 + ((y1 - y0) * j) / Math.max(1, U2.length - 1));
  const path = contourSegments(v)
    .map(([a, b, c, d]) => `M${gx(a).toFixed(2)},${gy(b).toFixed(2)}L${gx(c).toFixed(2)},${gy(d).toFixed(2)}`)
    .join('');
  if (path) out.push(`<path d="${path}" stroke="black" stroke-width="2.2" fill="none"/>`);
  // A dipole scan generated as Majorana also carries the Dirac expectation: its contour dashed.
  const hasDirac = results.every((r) => r.expected_dirac);
  if (hasDirac) {
    const vd = results.map((r) => r.expected_dirac!.map((e) => Math.log10(Math.max(e, 1e-300)) - Math.log10(manifest.level)));
    const pathD = contourSegments(vd)
      .map(([a, b, c, d]) => `M${gx(a).toFixed(2)},${gy(b).toFixed(2)}L${gx(c).toFixed(2)},${gy(d).toFixed(2)}`)
      .join('');
    if (pathD) out.push(`<path d="${pathD}" stroke="rgb(220,40,40)" stroke-width="2.2" stroke-dasharray="7 4" fill="none"/>`);
  }
  out.push('</g>');
  // Frame, ticks, labels.
  out.push(`<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="black"/>`);
  const xt = manifest.mass_log ? decadeTicks(masses[0] / 10, masses[masses.length - 1]).flatMap((d) => [d, 2 * d, 5 * d]).filter((m) => m >= masses[0] * 0.999 && m <= masses[masses.length - 1] * 1.001) : linearTicks(masses[0], masses[masses.length - 1]);
  for (const m of xt) {
    const x = px(fx(m));
    out.push(`<line x1="${x}" y1="${M.top + PH}" x2="${x}" y2="${M.top + PH + 6}" stroke="black"/><text x="${x}" y="${M.top + PH + 22}" font-size="13" text-anchor="middle">${Number(m.toPrecision(3))}</text>`);
  }
  for (const u of decadeTicks(U2[0], U2[U2.length - 1])) {
    const y = py(Math.log10(u));
    out.push(`<line x1="${M.left - 6}" y1="${y}" x2="${M.left}" y2="${y}" stroke="black"/><text x="${M.left - 10}" y="${y + 4}" font-size="13" text-anchor="end">1e${Math.round(Math.log10(u))}</text>`);
  }
  const sc = manifest.scenario;
  const model = sc.model;
  out.push(`<text x="${M.left + PW / 2}" y="${H - 22}" font-size="15" text-anchor="middle">${model.type === 'zprime' ? 'mediator mass m' : 'HNL mass m_N'} [GeV]</text>`);
  const yLabel =
    model.type === 'hnl'
      ? `U² (U_e² : U_μ² : U_τ² = ${manifest.target_mixing ? `${esc(manifest.target_mixing)}, reweighted from ${esc(model.mixing)}` : esc(model.mixing)})`
      : model.type === 'dipole'
        ? 'transition magnetic moment μ [μ_B]'
        : model.kind === 'vector'
          ? "coupling g' (L_μ - L_τ)"
          : 'coupling g_S (scalar, muons)';
  out.push(`<text transform="translate(24 ${M.top + PH / 2}) rotate(-90)" font-size="15" text-anchor="middle">${yLabel}</text>`);
  out.push(`<text x="${M.left}" y="28" font-size="16" font-weight="bold">${esc(sc.name)}: expected accepted events</text>`);
  const what =
    model.type === 'hnl' ? `${model.majorana ? 'Majorana' : 'Dirac'} N` : model.type === 'dipole' ? `dipole portal, ${model.majorana ? 'Majorana' : 'Dirac'} N` : model.kind === 'vector' ? "L_μ - L_τ Z'" : 'muon-philic scalar';
  out.push(`<text x="${M.left}" y="48" font-size="12">${what}, ${manifest.events_per_mass.toLocaleString('en-US')} events per mass, seed ${esc(manifest.seed)}; fipgen ${esc(manifest.fipgen_version)}</text>`);
  // The (g-2)_mu band: the couplings where the mediator gives Delta a_mu = value +- 2 sigma.
  if (manifest.g2_band && model.type === 'zprime') {
    const [value, sigma] = manifest.g2_band;
    const g = (target: number, mass: number) => Math.sqrt(target / deltaAmu(model.kind, mass, 1));
    const lo = results.map((r) => [px(fx(r.mass_GeV)), value - 2 * sigma > 0 ? py(Math.log10(g(value - 2 * sigma, r.mass_GeV))) : M.top + PH] as const);
    const hi = results.map((r) => [px(fx(r.mass_GeV)), py(Math.log10(g(value + 2 * sigma, r.mass_GeV)))] as const);
    const mid = results.map((r) => [px(fx(r.mass_GeV)), py(Math.log10(g(value, r.mass_GeV)))] as const);
    const poly = [...hi, ...lo.reverse()].map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');
    out.push(`<g clip-path="url(#plot)"><polygon points="${poly}" fill="rgb(230,60,60)" fill-opacity="0.3" stroke="none"/>`);
    out.push(`<polyline points="${mid.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ')}" fill="none" stroke="rgb(200,30,30)" stroke-width="1.5" stroke-dasharray="6 4"/></g>`);
    out.push(`<rect x="${W - M.right + 6}" y="${M.top + PH + 51}" width="26" height="10" fill="rgb(230,60,60)" fill-opacity="0.3"/><text x="${W - M.right + 38}" y="${M.top + PH + 60}" font-size="12">(g-2)_μ ±2σ</text>`);
    out.push(`<text x="${M.left + PW}" y="48" font-size="12" text-anchor="end">band: Δa_μ = (${(value * 1e11).toFixed(0)} ± ${(sigma * 1e11).toFixed(0)})e-11</text>`);
  }
  // Colour bar and legend.
  const bx = W - M.right + 30;
  for (let k = 0; k < 60; k++) {
    const t = k / 59;
    out.push(`<rect x="${bx}" y="${(M.top + PH - (k + 1) * (PH / 60)).toFixed(2)}" width="18" height="${(PH / 60 + 0.5).toFixed(2)}" fill="${colour(t)}"/>`);
  }
  for (let e = LOG_MIN; e <= LOG_MAX; e++) {
    const y = M.top + PH - ((e - LOG_MIN) / (LOG_MAX - LOG_MIN)) * PH;
    out.push(`<text x="${bx + 24}" y="${y + 4}" font-size="12">1e${e}</text>`);
  }
  out.push(`<text x="${bx}" y="${M.top - 10}" font-size="12">events</text>`);
  const lx = W - M.right + 6; // legend starts at the plot's right edge so the longest label fits
  out.push(`<line x1="${lx}" y1="${M.top + PH + 40}" x2="${lx + 26}" y2="${M.top + PH + 40}" stroke="black" stroke-width="2.2"/><text x="${lx + 32}" y="${M.top + PH + 44}" font-size="12">${manifest.level} ${hasDirac ? 'ev. Majorana' : 'events'}</text>`);
  if (hasDirac) {
    out.push(`<line x1="${lx}" y1="${M.top + PH + 56}" x2="${lx + 26}" y2="${M.top + PH + 56}" stroke="rgb(220,40,40)" stroke-width="2.2" stroke-dasharray="7 4"/><text x="${lx + 32}" y="${M.top + PH + 60}" font-size="12">${manifest.level} ev. Dirac</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export function renderScanPlots(manifest: ScanManifest, results: MassResult[]): { svg: string; png: Buffer } {
  const svg = scanSvg(manifest, results);
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'width', value: 2 * W } }).render().asPng();
  return { svg, png };
}
