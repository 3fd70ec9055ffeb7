// One benchmark point in its own process (so peak memory is this point's): prints JSON.
// Usage: node bench/one.mjs <scenario> <backend> <events> <mode>
//   mode: summary  (a) totals only, no event leaves the backend (on webgpu: GPU-resident sums)
//         accepted (b) accepted events written to Arrow (compacted on the GPU)
//         all      (c) every event written to Arrow
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../dist/config/load.js';
import { run } from '../dist/engine/run.js';

const [scenarioName, backend, eventsText, mode] = process.argv.slice(2);
const events = Number(eventsText);
if (!['summary', 'accepted', 'all'].includes(mode)) throw new Error(`unknown mode ${mode}`);
const out = mode === 'summary' ? undefined : join(tmpdir(), `fipgen-bench-${process.pid}.arrow`);
const t0 = performance.now();
const s = await run({ scenario: loadScenario(scenarioName), events, seed: 'bench', backend, out, acceptedOnly: mode === 'accepted' });
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
