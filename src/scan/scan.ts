/**
 * Sensitivity scans over (mass, U^2): one sample per mass, generated once at the scenario's
 * U^2 (its pipeline and tables built once), then reweighted on the host to every U^2 of the
 * grid (src/scan/hnlReweight.ts). A scan writes into a directory:
 *
 *   _scan.json                        the scan: scenario (and hash), seed, masses, U^2 grid, shards
 *   _scan-shard-00003-of-00010.json   the results of the masses of shard 3
 *   scan.csv, scan.json, scan.svg, scan.png   the table and the plot, once every shard is in
 *
 * `--shard k/N` splits the masses like the events of a run (src/engine/shard.ts), so the
 * masses of a scan can run as a job array; `fipgen merge` then writes the table and plot.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../config/errors.js';
import type { HnlScenario, Scenario } from '../config/schema.js';
import type { BackendName } from '../engine/backend.js';
import { FIPGEN_VERSION, run } from '../engine/run.js';
import { type Shard, shardRange, shardStem } from '../engine/shard.js';
import { acceptedMask } from '../engine/totals.js';
import { scenarioHash } from '../output/dataset.js';
import { processFor } from '../processes/registry.js';
import { AcceptedSample } from './hnlReweight.js';
import { renderScanPlots } from './plot.js';

export const SCAN_MANIFEST = '_scan.json';

export interface ScanManifest {
  readonly type: 'fipgen-scan';
  readonly fipgen_version: string;
  readonly scenario: HnlScenario;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly events_per_mass: number;
  readonly masses_GeV: number[];
  readonly mass_log: boolean;
  readonly U2: number[];
  /** Contour level in expected events (2.3: 90% CL with no background and no events seen). */
  readonly level: number;
  readonly shards: number;
}

export interface MassResult {
  readonly mass_GeV: number;
  readonly U2_generated: number;
  readonly ctau_generated_m: number;
  readonly events: number;
  readonly accepted: number;
  readonly backend: string;
  readonly adapter: string;
  readonly seconds: number;
  /** Expected accepted events at each U^2 of the grid, its MC error, and per production channel. */
  readonly expected: number[];
  readonly error: number[];
  readonly byProduction: Record<string, number[]>;
}

export interface ScanShardFile {
  readonly shard: number;
  readonly shards: number;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly results: MassResult[];
}

function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 1)}\n`);
  renameSync(tmp, path);
}

/** The scenario at one mass, checked by the process's planner (mass range, channels open). */
export function scenarioAtMass(scenario: HnlScenario, mass: number): HnlScenario {
  const s: HnlScenario = { ...scenario, model: { ...scenario.model, mass } };
  try {
    processFor(s).plan(s, 1);
  } catch (e) {
    if (e instanceof InputError) throw new InputError('--mass', mass, `this mass cannot be generated: ${e.message}`);
    throw e;
  }
  return s;
}

/** The scenario as a scannable one (an HNL scenario: scans run over U^2), or an input error. */
export function scannable(scenario: Scenario): HnlScenario {
  if (scenario.process !== 'na62-kaon-hnl') {
    throw new InputError('scenario', scenario.name, `fipgen scan runs over (mass, U^2) and takes HNL scenarios (process "na62-kaon-hnl"); this one is "${scenario.process}"`);
  }
  return scenario;
}

export interface ScanOptions {
  readonly scenario: HnlScenario;
  readonly masses: number[];
  readonly massLog: boolean;
  readonly U2: number[];
  readonly eventsPerMass: number;
  readonly seed: string;
  readonly backend: BackendName | 'auto';
  readonly level: number;
  readonly out: string;
  readonly shard?: Shard;
  readonly onMass?: (done: number, total: number, mass: number) => void;
  readonly onNotice?: (m: string) => void;
}

/** Runs the masses of one shard (all masses without --shard) and records them; returns the manifest. */
export async function runScan(o: ScanOptions): Promise<{ manifest: ScanManifest; results: MassResult[] }> {
  const shard = o.shard ?? { index: 0, count: 1 };
  const manifest: ScanManifest = {
    type: 'fipgen-scan',
    fipgen_version: FIPGEN_VERSION,
    scenario: o.scenario,
    scenario_hash: scenarioHash(o.scenario),
    seed: o.seed,
    events_per_mass: o.eventsPerMass,
    masses_GeV: o.masses,
    mass_log: o.massLog,
    U2: o.U2,
    level: o.level,
    shards: shard.count,
  };
  // Every mass of the whole scan is checked before any is generated.
  const scenarios = o.masses.map((m) => scenarioAtMass(o.scenario, m));
  mkdirSync(o.out, { recursive: true });
  const manifestPath = join(o.out, SCAN_MANIFEST);
  if (existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as ScanManifest;
    if (JSON.stringify({ ...old, fipgen_version: '' }) !== JSON.stringify({ ...manifest, fipgen_version: '' })) {
      throw new InputError('--out', o.out, 'holds another scan (scenario, seed, grids, level or shard count differ); use another directory');
    }
  } else writeJsonAtomic(manifestPath, manifest);

  const { first, events: count } = shardRange(o.masses.length, shard);
  const results: MassResult[] = [];
  for (let k = first; k < first + count; k++) {
    const scenario = scenarios[k];
    const definition = processFor(scenario);
    const params = definition.plan(scenario, o.eventsPerMass).params as { hnl_mass?: number; hnl_ctau?: number };
    if (params.hnl_mass === undefined || params.hnl_ctau === undefined) throw new Error(`process ${scenario.process} has no HNL lifetime to scan over`);
    const sample = new AcceptedSample(params.hnl_mass, acceptedMask(definition.layout));
    const summary = await run({
      scenario,
      events: o.eventsPerMass,
      seed: o.seed,
      backend: o.backend,
      rows: 'accepted',
      onBatch: (b) => sample.add(b),
      onNotice: k === first ? o.onNotice : undefined,
    });
    const labels = Object.keys(summary.byProductionChannel);
    const e = sample.expectations(scenario.model.U2, params.hnl_ctau, o.U2, labels.length);
    results.push({
      mass_GeV: o.masses[k],
      U2_generated: scenario.model.U2,
      ctau_generated_m: params.hnl_ctau,
      events: summary.events,
      accepted: summary.accepted,
      backend: summary.backend,
      adapter: summary.adapter,
      seconds: summary.seconds,
      expected: e.expected,
      error: e.error,
      byProduction: Object.fromEntries(labels.map((l, c) => [l, e.byChannel[c]])),
    });
    o.onMass?.(k - first + 1, count, o.masses[k]);
  }
  const record: ScanShardFile = { shard: shard.index, shards: shard.count, scenario_hash: manifest.scenario_hash, seed: o.seed, results };
  writeJsonAtomic(join(o.out, `_scan-${shardStem(shard)}.json`), record);
  return { manifest, results };
}

export interface ScanReport {
  readonly manifest: ScanManifest;
  readonly missing: number[];
  readonly problems: string[];
  readonly results: MassResult[];
  readonly ok: boolean;
}

/** Collects the shards of a scan directory (checks as for runs: same scan, none missing). */
export function inspectScan(dir: string): ScanReport {
  const manifest = JSON.parse(readFileSync(join(dir, SCAN_MANIFEST), 'utf8')) as ScanManifest;
  const problems: string[] = [];
  const found = new Map<number, MassResult[]>();
  for (const f of readdirSync(dir).filter((f) => /^_scan-shard-\d+-of-\d+\.json$/.test(f)).sort()) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScanShardFile;
    if (r.scenario_hash !== manifest.scenario_hash || r.seed !== manifest.seed || r.shards !== manifest.shards) {
      problems.push(`${f}: from another scan (scenario ${r.scenario_hash}, seed ${JSON.stringify(r.seed)}, ${r.shards} shards)`);
    } else found.set(r.shard, r.results);
  }
  const missing: number[] = [];
  for (let k = 0; k < manifest.shards; k++) if (!found.has(k)) missing.push(k);
  const results = [...found.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, r]) => r);
  return { manifest, missing, problems, results, ok: missing.length === 0 && problems.length === 0 && results.length === manifest.masses_GeV.length };
}

/** The scan's table (CSV and JSON) and plots (SVG and PNG) from a complete report. */
export function writeScanOutputs(dir: string, report: ScanReport): string[] {
  const { manifest, results } = report;
  // Channels open at any mass (a channel closed at a mass contributes 0 there).
  const channels = [...new Set(results.flatMap((r) => Object.keys(r.byProduction)))];
  const header = ['mass_GeV', 'U2', 'expected_events', 'mc_error', ...channels.map((c) => `expected[${c}]`)];
  const lines = [header.join(',')];
  for (const r of results) {
    manifest.U2.forEach((u, k) => {
      lines.push([r.mass_GeV, u, r.expected[k], r.error[k], ...channels.map((c) => r.byProduction[c]?.[k] ?? 0)].map((x) => (typeof x === 'number' ? x.toPrecision(8) : x)).join(','));
    });
  }
  const files = ['scan.csv', 'scan.json', 'scan.svg', 'scan.png'].map((f) => join(dir, f));
  writeFileSync(`${files[0]}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${files[0]}.tmp`, files[0]);
  writeJsonAtomic(files[1], { ...manifest, results });
  const { svg, png } = renderScanPlots(manifest, results);
  writeFileSync(`${files[2]}.tmp`, svg);
  renameSync(`${files[2]}.tmp`, files[2]);
  writeFileSync(`${files[3]}.tmp`, png);
  renameSync(`${files[3]}.tmp`, files[3]);
  return files;
}
