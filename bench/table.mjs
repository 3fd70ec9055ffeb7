// bench/RESULTS.md from the rows of bench/results.json (run by bench/run.mjs; `node bench/table.mjs` redoes it).
import { readFileSync, writeFileSync } from 'node:fs';

const fmt = (x) => (x >= 1e4 ? x.toExponential(2) : x.toFixed(1));

export function writeResultsTable(rows, path) {
  const table = [
    '| date | commit | scenario | backend | adapter | mode | events | events/s | MB/s written | peak RSS (MiB) | machine | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.date} | ${r.commit} | ${r.scenario} | ${r.backend} | ${r.adapter} | ${r.mode} | ${r.events.toExponential(0)} | ${fmt(r.eventsPerSecond)} | ${r.bytesWritten ? (r.bytesPerSecond / 1e6).toFixed(0) : '-'} | ${Number.isFinite(r.peakRssMiB) ? r.peakRssMiB.toFixed(0) : '-'} | ${r.machine} | ${r.note ?? ''} |`,
    ),
  ];
  writeFileSync(
    path,
    '# Benchmark results\n\nWritten by `npm run bench` (bench/run.mjs) from bench/results.json; each row is one process.\n' +
      'events/s counts the whole run after planning: sampling, read-back, totals and, in modes "accepted" and "all", writing the events to Arrow.\n' +
      'Modes: summary = totals only; accepted = accepted events written; all = every event written.\n\n' +
      `${table.join('\n')}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  writeResultsTable(JSON.parse(readFileSync(`${root}bench/results.json`, 'utf8')), `${root}bench/RESULTS.md`);
}
