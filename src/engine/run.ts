/**
 * One run: scenario -> plan -> backend -> batches -> (Arrow file) -> summary.
 * The command line, the tests and the benchmarks all go through here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../config/schema.js';
import { PACKAGE_ROOT } from '../paths.js';
import { processFor } from '../processes/registry.js';
import type { Plan, SpectrumSpec } from '../processes/process.js';
import { arrowLayout } from '../output/arrowBatch.js';
import { ArrowFileSink } from '../output/arrowFile.js';
import type { BackendName, RowSelection, SamplerBackend } from './backend.js';
import { addTotals, emptyTotals, type GroupTotals, totalsShape } from './totals.js';
import { createCpuBackend } from './cpu/backend.js';
import { openGpu, probeAdapter } from './gpu/device.js';
import { createGpuBackend, type GpuBackendOptions } from './gpu/backend.js';
import type { EventBatch } from './layout.js';
import { keyFromSeed, type PhiloxKey } from './rng/seed.js';

export interface RunOptions {
  readonly scenario: Scenario;
  readonly events: number;
  readonly seed: string;
  readonly backend: BackendName | 'auto';
  /** Arrow file to write; none for a summary-only run. */
  readonly out?: string;
  /** Write only the accepted events (the totals still count every event). */
  readonly acceptedOnly?: boolean;
  /** Rows to bring back to the host when there is no file (tests); default: none. */
  readonly rows?: RowSelection;
  /** Events per batch; the backend may use fewer (adapter limits). */
  readonly batchSize?: number;
  /** First event index of this run (0 unless it is a slice of a larger run). */
  readonly firstEvent?: number;
  /** Events in the whole run this is a slice of (weights are normalised to it); default `events`. */
  readonly totalEvents?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** One-line notices (e.g. the fall-back to cpu). */
  readonly onNotice?: (message: string) => void;
  /** Also hand each batch of rows brought back to this callback (tests). */
  readonly onBatch?: (batch: EventBatch) => void;
  readonly gpuOptions?: GpuBackendOptions;
  /** More schema metadata (a shard's number, say). */
  readonly extraMetadata?: Readonly<Record<string, string>>;
  /** The scenario's plan when the caller has made it already (for totalEvents events). */
  readonly plan?: Plan;
}

export type ChannelTotals = Readonly<GroupTotals>;

export interface RunSummary {
  readonly scenario: string;
  readonly backend: BackendName;
  readonly adapter: string;
  readonly seed: string;
  readonly events: number;
  readonly accepted: number;
  /** Expected events of the generated channels for the exposure (sum of all weights). */
  readonly sumWeights: number;
  /** Expected accepted events (sum of weights of accepted events). */
  readonly sumWeightsAccepted: number;
  /** Its Monte Carlo statistical uncertainty, sqrt(sum of squared accepted weights). */
  readonly sumWeightsAcceptedError: number;
  readonly byProductionChannel: Readonly<Record<string, ChannelTotals>>;
  readonly byDecayChannel: Readonly<Record<string, ChannelTotals>>;
  /** The plan's histogram of one column (e.g. the recoil spectrum), or null. */
  readonly spectrum: SpectrumTotals | null;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly out: string | null;
  readonly plan: Readonly<Record<string, unknown>>;
  /** Process-specific numbers derived from the totals (e.g. a rate per kg and day). */
  readonly derived: Readonly<Record<string, number>>;
}

/** A spectrum's totals: the plan's spec, and per bin, below the first edge and from the last edge up. */
export interface SpectrumTotals {
  readonly column: string;
  readonly label: string;
  readonly edges: readonly number[];
  readonly display: { readonly unit: string; readonly factor: number };
  readonly bins: ChannelTotals[];
  readonly underflow: ChannelTotals;
  readonly overflow: ChannelTotals;
}

export function spectrumTotals(spec: SpectrumSpec | undefined, groups: readonly GroupTotals[]): SpectrumTotals | null {
  if (!spec) return null;
  return { ...spec, bins: groups.slice(1, -1).map((g) => ({ ...g })), underflow: { ...groups[0] }, overflow: { ...groups[groups.length - 1] } };
}

export const FIPGEN_VERSION: string = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')).version;

let revision: string | undefined;

/**
 * The git revision of the fipgen checkout, with "-dirty" for uncommitted changes, or "unknown";
 * asked of git once per process (a scan runs once per mass).
 */
export function gitRevision(): string {
  revision ??= askGit();
  return revision;
}

function askGit(): string {
  try {
    const opts = { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'], encoding: 'utf8' as const };
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], opts).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], opts).trim() !== '';
    return dirty ? `${rev}-dirty` : rev;
  } catch {
    return 'unknown';
  }
}

/**
 * For a series of runs (a scan's masses): the backend chosen once, and for webgpu one GPU
 * context they share (one device, and the compiled pipelines cached on it), which the caller
 * destroys at the end.
 */
export async function sharedBackend(choice: BackendName | 'auto', onNotice?: (m: string) => void): Promise<{ backend: BackendName; gpuOptions?: GpuBackendOptions; close(): void }> {
  if (choice === 'auto') {
    const probe = await probeAdapter();
    if (!probe.ok) {
      onNotice?.(`${probe.reason}; using the cpu backend`);
      return { backend: 'cpu', close() {} };
    }
  }
  if (choice === 'cpu') return { backend: 'cpu', close() {} };
  const context = await openGpu();
  return { backend: 'webgpu', gpuOptions: { context }, close: () => context.destroy() };
}

export async function openBackend(plan: Plan, key: PhiloxKey, choice: BackendName | 'auto', onNotice?: (m: string) => void, gpuOptions?: GpuBackendOptions): Promise<SamplerBackend> {
  if (choice === 'cpu') return createCpuBackend(plan, key);
  if (choice === 'auto') {
    const probe = await probeAdapter();
    if (!probe.ok) {
      onNotice?.(`${probe.reason}; using the cpu backend`);
      return createCpuBackend(plan, key);
    }
  }
  return createGpuBackend(plan, key, gpuOptions);
}


export async function run(opts: RunOptions): Promise<RunSummary> {
  const definition = processFor(opts.scenario);
  const totalEvents = opts.totalEvents ?? opts.events;
  const plan = opts.plan ?? definition.plan(opts.scenario, totalEvents);
  if (plan.events !== totalEvents || plan.scenario !== opts.scenario) throw new Error('run: the plan given is not that of this scenario and event count');
  const key = keyFromSeed(opts.seed);
  const backend = await openBackend(plan, key, opts.backend, opts.onNotice, opts.gpuOptions);
  const layout = definition.layout;
  const firstEvent = opts.firstEvent ?? 0;

  const metadata = new Map<string, string>([
    ['fipgen.version', FIPGEN_VERSION],
    ['fipgen.git_revision', gitRevision()],
    ['fipgen.scenario', JSON.stringify(opts.scenario)],
    ['fipgen.plan', JSON.stringify(plan.info)],
    ['fipgen.seed', opts.seed],
    ['fipgen.philox_key', `${key[0]},${key[1]}`],
    ['fipgen.first_event', String(firstEvent)],
    ['fipgen.events', String(opts.events)],
    ['fipgen.total_events', String(totalEvents)],
    ['fipgen.backend', backend.name],
    ['fipgen.rows', opts.acceptedOnly ? 'accepted events only' : 'all events'],
    ['fipgen.adapter', backend.adapter],
    ['fipgen.units', 'energies, momenta and masses in GeV; lengths in metres; weight in expected events for the exposure'],
    ...Object.entries(opts.extraMetadata ?? {}),
  ]);
  const arrow = arrowLayout(layout, plan.productionChannels, plan.decayChannels, metadata);
  let sink: ArrowFileSink | undefined;
  const totals = emptyTotals(totalsShape(plan));
  const rows: RowSelection = opts.out ? (opts.acceptedOnly ? 'accepted' : 'all') : (opts.rows ?? (opts.onBatch ? 'all' : 'none'));
  const started = performance.now();
  try {
    if (opts.out) sink = new ArrowFileSink(opts.out, arrow.schema);
    let done = 0;
    await backend.run(firstEvent, opts.events, opts.batchSize ?? Math.min(backend.maxBatch, 1 << 20), rows, async (result) => {
      addTotals(totals, result.totals);
      if (result.events) {
        opts.onBatch?.(result.events);
        if (sink) await sink.write(arrow.toRecordBatch(result.events, result.weights!));
      }
      done += result.sampled;
      opts.onProgress?.(done, opts.events);
    });
    if (sink) {
      await sink.close({
        'fipgen.sum_weights': String(totals.all.sumWeights),
        'fipgen.sum_weights_accepted': String(totals.all.sumWeightsAccepted),
        'fipgen.events_accepted': String(totals.all.accepted),
      });
    }
  } catch (e) {
    await sink?.abort();
    throw e;
  } finally {
    backend.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const table = (labels: readonly string[], t: GroupTotals[]) => Object.fromEntries(labels.map((l, k) => [l, { ...t[k] }]));
  const all = totals.all;
  return {
    scenario: opts.scenario.name,
    backend: backend.name,
    adapter: backend.adapter,
    seed: opts.seed,
    events: all.events,
    accepted: all.accepted,
    sumWeights: all.sumWeights,
    sumWeightsAccepted: all.sumWeightsAccepted,
    sumWeightsAcceptedError: Math.sqrt(all.sumWeights2Accepted),
    byProductionChannel: table(plan.productionChannels, totals.production),
    byDecayChannel: table(plan.decayChannels, totals.decay),
    spectrum: spectrumTotals(plan.spectrum, totals.spectrum),
    seconds,
    eventsPerSecond: all.events / seconds,
    out: opts.out ?? null,
    plan: plan.info,
    derived: definition.derived?.(plan, { sumWeights: all.sumWeights, sumWeightsAccepted: all.sumWeightsAccepted, sumWeightsAcceptedError: Math.sqrt(all.sumWeights2Accepted) }) ?? {},
  };
}
