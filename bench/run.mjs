// fipgen benchmarks: events/s for each backend, event count and output mode, one process
// per point, recorded with the date, commit, CPU and GPU adapter in bench/results.json and
// as a table in bench/RESULTS.md. Speed is measured here, never asserted in a test.
//
//   npm run bench                       # defaults below
//   npm run bench -- --sizes 1e4,1e5 --backends cpu --modes summary --scenario na62-kaon-hnl
//   npm run bench -- --gpujs            # also the gpu.js baseline (installed into bench/gpujs/)
//
// Modes (issue 6): summary = (a) totals only, no file; accepted = (b) accepted events
// written to Arrow; all = (c) every event written. Files go to the system temporary folder
// and are deleted afterwards.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { writeResultsTable } from './table.mjs';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'na62-kaon-hnl' },
    backends: { type: 'string', default: 'cpu,webgpu' },
    sizes: { type: 'string', default: '1e4,1e5,1e6,1e7' },
    modes: { type: 'string', default: 'summary,accepted,all' },
    note: { type: 'string', default: '' },
    gpujs: { type: 'boolean', default: false },
  },
});
const root = new URL('..', import.meta.url).pathname;
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? '-dirty' : '');
const machine = `${cpus()[0].model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB (${hostname()})`;
const date = new Date().toISOString().slice(0, 10);

const rows = [];
for (const backend of values.backends.split(',')) {
  for (const mode of values.modes.split(',')) {
    for (const size of values.sizes.split(',')) {
      const out = execFileSync(process.execPath, [`${root}bench/one.mjs`, values.scenario, backend, String(Number(size)), mode], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 1 << 20,
      });
      const r = { date, commit, machine, note: values.note, ...JSON.parse(out) };
      rows.push(r);
      process.stderr.write(`${backend.padEnd(7)} ${mode.padEnd(8)} ${size.padStart(5)}  ${r.eventsPerSecond.toExponential(2)} events/s  ${r.peakRssMiB.toFixed(0)} MiB  (${r.adapter})\n`);
    }
  }
}

if (values.gpujs) {
  // The baseline a JavaScript user might reach for: gpu.js, mode (a) only (see bench/gpujs/baseline.mjs).
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', `${root}bench/gpujs`], { stdio: 'ignore' });
  for (const size of values.sizes.split(',')) {
    const out = execFileSync(process.execPath, [`${root}bench/gpujs/baseline.mjs`, String(Number(size))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const b = JSON.parse(out);
    const r = {
      date, commit, machine, note: `${values.note} host uniforms ${b.hostUniformSeconds.toFixed(2)} s; sums ${b.sumWeights.toPrecision(6)}/${b.sumWeightsAccepted.toPrecision(6)}`.trim(),
      scenario: values.scenario, backend: 'gpu.js baseline', adapter: 'same Dawn adapter (webgpu mode)', mode: 'summary', events: b.events,
      seconds: b.seconds, wallSeconds: b.seconds, eventsPerSecond: b.eventsPerSecond, bytesWritten: 0, bytesPerSecond: 0, peakRssMiB: NaN,
    };
    rows.push(r);
    process.stderr.write(`gpu.js  summary  ${size.padStart(5)}  ${r.eventsPerSecond.toExponential(2)} events/s\n`);
  }
}

const resultsFile = `${root}bench/results.json`;
const all = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
all.push(...rows);
writeFileSync(resultsFile, `${JSON.stringify(all, null, 1)}\n`);

writeResultsTable(all, `${root}bench/RESULTS.md`);
