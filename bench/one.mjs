// One benchmark point in its own process (so peak memory is this point's): prints JSON.
// Usage: node bench/one.mjs <scenario> <backend> <events> <mode: summary|arrow>
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../dist/config/load.js';
import { run } from '../dist/engine/run.js';

const [scenarioName, backend, eventsText, mode] = process.argv.slice(2);
const events = Number(eventsText);
const out = mode === 'arrow' ? join(tmpdir(), `fipgen-bench-${process.pid}.arrow`) : undefined;
const t0 = performance.now();
const s = await run({ scenario: loadScenario(scenarioName), events, seed: 'bench', backend, out });
const wall = (performance.now() - t0) / 1000;
const bytes = out ? statSync(out).size : 0;
if (out) rmSync(out);
process.stdout.write(
  `${JSON.stringify({
    scenario: scenarioName,
    backend: s.backend,
    adapter: s.adapter,
    mode,
    events,
    seconds: s.seconds,
    wallSeconds: wall,
    eventsPerSecond: s.eventsPerSecond,
    bytesWritten: bytes,
    bytesPerSecond: bytes / s.seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
process.exit(0);
