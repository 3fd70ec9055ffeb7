#!/usr/bin/env node
// Makes data/pythia-pools/pools.{json,f32} (src/physics/hadronPools.ts says what they hold):
// draws N's quark-level decays with fipgen's matrix elements (src/physics/hnl/partonDecays.ts),
// lets Pythia 8 hadronise them and decay D+, Ds+, Ds*+ at rest (hadronise.cc), and keeps the
// events with the tracks NA62's selection needs. Needs `npm run build` and a built hadronise
// (README.md here). Deterministic for a given seed and Pythia version.
//
//   node scripts/pythia-pools/make-pools.mjs --hadronise /path/to/hadronise [--seed 20261121]
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { PAIR_MASS_BINS, POOL_DIR, POOL_RECORDS_PER_TABLE, poolRecord, RECORD, RECORD_SIZE } from '../../dist/physics/hadronPools.js';
import { pairMass, POOL_DECAYS, poolDecayChannels, partonsAtRest, spinVector } from '../../dist/physics/hnl/partonDecays.js';
import { PARTICLES } from '../../dist/physics/particles.js';
import { cumulative, isotropicDirection, pickChannel } from '../../dist/engine/cpu/sampling.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
if (!args.hadronise) throw new Error('--hadronise PATH (the built scripts/pythia-pools/hadronise.cc) is required');
const seed = Number(args.seed ?? 20261121);
const target = POOL_RECORDS_PER_TABLE;
const rng = seedrandom(`fipgen-pythia-pools-${seed}`);

/** N masses (GeV) of the tables: 0.1 GeV steps where NA62's D-meson reach is, 0.2 GeV above. */
const MASSES = [
  ...Array.from({ length: 11 }, (_, k) => 1 + 0.1 * k),
  ...Array.from({ length: 16 }, (_, k) => 2.2 + 0.2 * k),
].map((m) => Math.round(m * 1000) / 1000);
const MESONS = [PARTICLES.D, PARTICLES.Ds, PARTICLES.DsStar];

/** Runs Pythia on the lines (a tau among N's partons decays unpolarised) and returns its output lines by tag. */
function hadronise(lines, runSeed, unpolarisedTaus) {
  const out = spawnSync(args.hadronise, [String(runSeed), ...(unpolarisedTaus ? ['unpolarised-taus'] : [])], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`hadronise failed (${out.status}): ${out.stderr}`);
  const byTag = new Map();
  for (const line of out.stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2) continue;
    if (f[1] === 'fail') { byTag.set(f[0], null); continue; }
    const primary = Number(f[1]);
    const n = Number(f[2]);
    const particles = [];
    for (let k = 0; k < n; k++) {
      const at = 3 + 5 * k;
      particles.push({ pdg: Number(f[at]), p: [1, 2, 3, 4].map((j) => Number(f[at + j])) });
    }
    byTag.set(f[0], { primary, particles });
  }
  return byTag;
}

const fmt = (x) => x.toPrecision(10);
/** Parton events of one pool decay at mass M, drawn from the unpolarised |M|^2 by acceptance. */
function drawPartons(decay, M, n, tagPrefix, partonsByTag) {
  const channels = poolDecayChannels(M, decay);
  if (channels.length === 0) return [];
  const cum = cumulative(channels.map((c) => c.width));
  // The largest density of each channel on a grid, with a margin; an event above it is an error.
  const max = channels.map((ch) => {
    let m = 0;
    for (let i = 0; i <= 200; i++) for (let j = 0; j <= 60; j++) {
      const c = -1 + (2 * j) / 60;
      m = Math.max(m, partonsAtRest(ch, M, i / 200, [0, 0, 1], [Math.sqrt(1 - c * c), 0, c]).density);
    }
    return 1.3 * m;
  });
  const lines = [];
  for (let k = 0; k < n; k++) {
    const c = pickChannel(rng(), cum, channels.length);
    const ch = channels[c];
    for (;;) {
      const r = partonsAtRest(ch, M, rng(), isotropicDirection(rng(), rng()), isotropicDirection(rng(), rng()));
      if (r.density > max[c]) throw new Error(`density above its bound in ${ch.label} at ${M} GeV`);
      if (rng() * max[c] > r.density) continue;
      const tag = `${tagPrefix}:${k}`;
      partonsByTag.set(tag, { ch, partons: r.partons });
      lines.push(`${tag} 3 ${r.partons.map((p, j) => `${ch.pdg[j]} ${fmt(p[0])} ${fmt(p[1])} ${fmt(p[2])} ${fmt(p[3])} ${fmt(ch.masses[j])}`).join(' ')}`);
      break;
    }
  }
  return lines;
}

const records = [];
const index = { provenance: {}, hnl: {}, mesons: {} };
let runSeed = seed;
for (const current of POOL_DECAYS) {
  index.hnl[current] = [];
  const strings = !current.startsWith('tautau');
  for (const [mi, M] of MASSES.entries()) {
    const stats = { generated: 0, oneHadron: 0, multiHadron: 0, twoTrack: 0 };
    // Counts per bin of the pair's mass (fraction of M), made cumulative below.
    const bins = { generated: new Array(PAIR_MASS_BINS).fill(0), multiHadron: new Array(PAIR_MASS_BINS).fill(0), twoTrack: new Array(PAIR_MASS_BINS).fill(0) };
    const kept = [];
    // Draw until `target` two-track multi-hadron events are in (or the channel has none to give).
    for (let pass = 0; pass < 6 && kept.length < target; pass++) {
      const rate = stats.generated > 0 ? kept.length / stats.generated : 0.05;
      // The first pass alone measures the two-track fraction to ~0.7% (absolute).
      const n = pass === 0 ? 8 * target : Math.min(200_000, Math.ceil(((target - kept.length) / Math.max(rate, 0.002)) * 1.3));
      const partonsByTag = new Map();
      const lines = drawPartons(current, M, n, `${current}:${mi}:${pass}`, partonsByTag);
      if (lines.length === 0) break;
      const result = hadronise(lines, ++runSeed, true);
      for (const [tag, { ch, partons }] of partonsByTag) {
        const ev = result.get(tag);
        const mass = pairMass(ch, partons);
        const bin = Math.min(PAIR_MASS_BINS - 1, Math.floor((mass / M) * PAIR_MASS_BINS));
        stats.generated++;
        bins.generated[bin]++;
        // Pythia cannot make two hadrons of a string below the two-hadron threshold (nor one
        // without a recoiler): that is a one-hadron decay, which decay.ts's exclusive channels count.
        // (nu tau tau has no string: every event counts.)
        if (!ev || (strings && ev.primary < 2)) { stats.oneHadron++; continue; }
        stats.multiHadron++;
        bins.multiHadron[bin]++;
        const record = poolRecord(ev.particles, 2);
        if (!record) continue;
        stats.twoTrack++;
        bins.twoTrack[bin]++;
        if (kept.length >= target) continue;
        record.splice(RECORD.spin, 3, ...spinVector(ch, M, partons));
        record[RECORD.pairMass] = mass;
        kept.push(record);
      }
      if (stats.multiHadron === 0 && stats.generated >= 8 * target) break; // nothing but single hadrons here
    }
    // A table short of `target` (too few two-track events to be had) is left empty.
    if (kept.length < target) kept.length = 0;
    kept.sort((a, b) => a[RECORD.pairMass] - b[RECORD.pairMass]);
    const runningSum = (c) => c.reduce((acc, x) => [...acc, acc[acc.length - 1] + x], [0]);
    const below = { generated: runningSum(bins.generated), multiHadron: runningSum(bins.multiHadron), twoTrack: runningSum(bins.twoTrack) };
    index.hnl[current].push({ mass: M, offset: records.length, count: kept.length, ...stats, below });
    records.push(...kept);
    process.stderr.write(`${current} ${M} GeV: ${JSON.stringify(stats)} kept ${kept.length}\n`);
  }
}
for (const meson of MESONS) {
  const n = 32 * target; // the one-track fraction to ~0.4% (absolute)
  const lines = Array.from({ length: n }, (_, k) => `${meson.name}:${k} 1 ${meson.pdg} 0 0 0 ${fmt(meson.mass)} ${fmt(meson.mass)}`);
  const result = hadronise(lines, ++runSeed, false);
  const kept = [];
  let oneTrack = 0;
  let decayed = 0;
  for (let k = 0; k < n; k++) {
    const ev = result.get(`${meson.name}:${k}`);
    if (!ev) continue;
    decayed++;
    const record = poolRecord(ev.particles, 1);
    if (!record) continue;
    oneTrack++;
    if (kept.length < target) kept.push(record);
  }
  index.mesons[meson.name] = { pdg: meson.pdg, offset: records.length, count: kept.length, decayed, oneTrack };
  records.push(...kept);
  process.stderr.write(`${meson.name}: one track in ${oneTrack} of ${decayed} decays\n`);
}

const version = spawnSync(args.hadronise, ['--version'], { encoding: 'utf8' }).stdout.trim();
index.provenance = {
  generator: `Pythia ${version || '8.3'} through scripts/pythia-pools/hadronise.cc (q qbar showered from its mass, then hadronised; N's taus decayed unpolarised), default tune`,
  partons: 'src/physics/hnl/partonDecays.ts (unpolarised |M|^2, decay.ts quark masses), seedrandom',
  seed,
  records_per_table: target,
  record_size: RECORD_SIZE,
  made: new Date().toISOString().slice(0, 10),
};
mkdirSync(POOL_DIR, { recursive: true });
const f32 = Float32Array.from(records.flat());
writeFileSync(`${POOL_DIR}/pools.f32.tmp`, Buffer.from(f32.buffer));
// Indented, but arrays of numbers on one line.
const json = JSON.stringify(index, null, 1).replace(/\[\s+([-\d.e,\s]+?)\s+\]/g, (_, body) => `[${body.split(/,\s*/).join(', ')}]`);
writeFileSync(`${POOL_DIR}/pools.json.tmp`, json + '\n');
renameSync(`${POOL_DIR}/pools.f32.tmp`, `${POOL_DIR}/pools.f32`);
renameSync(`${POOL_DIR}/pools.json.tmp`, `${POOL_DIR}/pools.json`);
process.stderr.write(`wrote ${records.length} records (${f32.byteLength} bytes) to ${POOL_DIR}\n`);
