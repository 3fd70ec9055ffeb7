/**
 * A sharded run on disk: an Arrow dataset directory that pyarrow.dataset and polars read as
 * one table.
 *
 *   _manifest.json                     the run: scenario (and its hash), seed, events, shards
 *   shard-00017-of-00400.arrow         the events of shard 17
 *   _shard-00017-of-00400.json         its record: event range, backend, sums, per channel
 *
 * Names starting with "_" are skipped by pyarrow.dataset (ignore_prefixes), so the JSON files
 * never confuse a reader. Every file is written under a temporary name and renamed, and a
 * shard's record is written after its Arrow file: a record on disk means a complete shard.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeJsonAtomic } from './atomicWrite.js';
import { join } from 'node:path';
import { InputError } from '../config/errors.js';
import type { Scenario } from '../config/schema.js';
import type { ChannelTotals, RunSummary, SpectrumTotals } from '../engine/run.js';
import { emptyGroup, sumGroups } from '../engine/totals.js';
import { type Shard, shardRange, shardStem } from '../engine/shard.js';

export const MANIFEST = '_manifest.json';

export interface Manifest {
  readonly fipgen_version: string;
  readonly scenario: Scenario;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly total_events: number;
  readonly shards: number;
}

export interface ShardRecord {
  readonly shard: number;
  readonly shards: number;
  readonly first_event: number;
  readonly events: number;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly file: string;
  readonly git_revision: string;
  readonly summary: RunSummary;
}

/** JSON with object keys sorted at every level: equal scenarios hash equally. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex').slice(0, 16);
}


export function shardPaths(dir: string, shard: Shard): { arrow: string; record: string } {
  const stem = shardStem(shard);
  return { arrow: join(dir, `${stem}.arrow`), record: join(dir, `_${stem}.json`) };
}

/**
 * Creates the dataset directory and its manifest, or checks that an existing manifest
 * describes this same run: shards of different runs never share a directory.
 */
export function ensureManifest(dir: string, manifest: Manifest): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, MANIFEST);
  if (existsSync(path)) {
    const old = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    const same = old.scenario_hash === manifest.scenario_hash && old.seed === manifest.seed && old.total_events === manifest.total_events && old.shards === manifest.shards;
    if (!same) {
      throw new InputError(
        '--out',
        dir,
        `holds another run (scenario ${old.scenario_hash}, seed ${old.seed}, ${old.total_events} events in ${old.shards} shards; this one: scenario ${manifest.scenario_hash}, seed ${manifest.seed}, ${manifest.total_events} in ${manifest.shards}); use another directory`,
      );
    }
    return;
  }
  writeJsonAtomic(path, manifest);
}

export function writeShardRecord(path: string, record: ShardRecord): void {
  writeJsonAtomic(path, record);
}

export interface MergeReport {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly complete: number[];
  readonly missing: number[];
  /** Shards with a temporary file left: still running, or died. */
  readonly unfinished: number[];
  /** Records that do not belong to this run or disagree with the shard arithmetic, by file. */
  readonly problems: string[];
  readonly events: number;
  readonly accepted: number;
  readonly sumWeights: number;
  readonly sumWeightsAccepted: number;
  readonly sumWeightsAcceptedError: number;
  readonly byProductionChannel: Record<string, ChannelTotals>;
  readonly byDecayChannel: Record<string, ChannelTotals>;
  /** The shards' spectra added bin by bin (null without one). */
  readonly spectrum: SpectrumTotals | null;
  readonly ok: boolean;
}

function addChannels(into: Record<string, ChannelTotals>, from: Readonly<Record<string, ChannelTotals>>): void {
  for (const [label, t] of Object.entries(from)) into[label] = sumGroups(into[label] ?? emptyGroup(), t);
}

/** Spectra of shards of one run (same plan, same edges) added bin by bin. */
function addSpectra(a: SpectrumTotals | null, b: SpectrumTotals | null | undefined): SpectrumTotals | null {
  if (!b) return a;
  if (!a) return b;
  return { ...a, bins: a.bins.map((g, k) => sumGroups(g, b.bins[k])), underflow: sumGroups(a.underflow, b.underflow), overflow: sumGroups(a.overflow, b.overflow) };
}

/** Checks a dataset directory (one run, no gap, no overlap) and adds up its shards. */
export function inspectDataset(dir: string): MergeReport {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new InputError('directory', dir, `no ${MANIFEST}: not the output of a sharded fipgen run`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const files = readdirSync(dir);
  const problems: string[] = [];
  const records = new Map<number, ShardRecord>();
  for (const f of files.filter((f) => /^_shard-\d+-of-\d+\.json$/.test(f)).sort()) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ShardRecord;
    if (r.scenario_hash !== manifest.scenario_hash) problems.push(`${f}: scenario ${r.scenario_hash}, the run's is ${manifest.scenario_hash}`);
    else if (r.seed !== manifest.seed) problems.push(`${f}: seed ${JSON.stringify(r.seed)}, the run's is ${JSON.stringify(manifest.seed)}`);
    else if (r.shards !== manifest.shards) problems.push(`${f}: one of ${r.shards} shards, the run has ${manifest.shards}`);
    else {
      const want = shardRange(manifest.total_events, { index: r.shard, count: r.shards });
      if (r.first_event !== want.first || r.events !== want.events) {
        problems.push(`${f}: events [${r.first_event}, ${r.first_event + r.events}), shard ${r.shard} must hold [${want.first}, ${want.first + want.events})`);
      } else if (!existsSync(join(dir, r.file))) problems.push(`${f}: its data file ${r.file} is missing`);
      else records.set(r.shard, r);
    }
  }
  const unfinished = new Set<number>();
  for (const f of files) {
    const m = /^\.shard-(\d+)-of-\d+\.arrow\.\d+\.tmp$/.exec(f);
    if (m) unfinished.add(Number(m[1]));
  }
  const complete = [...records.keys()].sort((a, b) => a - b);
  const missing: number[] = [];
  for (let k = 0; k < manifest.shards; k++) if (!records.has(k)) missing.push(k);

  let events = 0;
  let accepted = 0;
  let sumWeights = 0;
  let sumWeightsAccepted = 0;
  let variance = 0;
  const byProductionChannel: Record<string, ChannelTotals> = {};
  const byDecayChannel: Record<string, ChannelTotals> = {};
  let spectrum: SpectrumTotals | null = null;
  for (const k of complete) {
    const s = records.get(k)!.summary;
    events += s.events;
    accepted += s.accepted;
    sumWeights += s.sumWeights;
    sumWeightsAccepted += s.sumWeightsAccepted;
    variance += s.sumWeightsAcceptedError ** 2;
    addChannels(byProductionChannel, s.byProductionChannel);
    addChannels(byDecayChannel, s.byDecayChannel);
    spectrum = addSpectra(spectrum, s.spectrum);
  }
  return {
    dir,
    manifest,
    complete,
    missing,
    unfinished: [...unfinished].filter((k) => !records.has(k)).sort((a, b) => a - b),
    problems,
    events,
    accepted,
    sumWeights,
    sumWeightsAccepted,
    sumWeightsAcceptedError: Math.sqrt(variance),
    byProductionChannel,
    byDecayChannel,
    spectrum,
    ok: problems.length === 0 && missing.length === 0 && events === manifest.total_events,
  };
}

/** Paths of the complete shards' Arrow files, in shard (= event) order. */
export function shardFiles(report: MergeReport): string[] {
  return report.complete.map((k) => shardPaths(report.dir, { index: k, count: report.manifest.shards }).arrow);
}
