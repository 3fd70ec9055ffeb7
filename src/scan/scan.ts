/**
 * Sensitivity scans over (mass, coupling): one sample per mass, generated once at the
 * scenario's coupling (its pipeline and tables built once), then scaled on the host to every
 * coupling of the grid: for HNLs by reweighting each event to U^2 (src/scan/hnlReweight.ts:
 * production and decay change), for a muon-philic mediator from K+ -> mu+ nu X that escapes by
 * the factor (g/g_ref)^2, for one radiated in a muon target (M3, NA64mu) by that factor and
 * the exact probability that it is not seen (src/scan/mediatorReweight.ts). A scan writes
 * into a directory:
 *
 *   _scan.json                        the scan: scenario (and hash), seed, masses, U^2 grid, shards
 *   _scan-shard-00003-of-00010.json   the results of the masses of shard 3
 *   scan.csv, scan.json, scan.svg, scan.png   the table and the plot, once every shard is in
 *
 * `--shard k/N` splits the masses like the events of a run (src/engine/shard.ts), so the
 * masses of a scan can run as a job array; `fipgen merge` then writes the table and plot.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, NothingToGenerate } from '../config/errors.js';
import type { HnlScenario, Na62DumpHnlScenario, MuonTargetZprimeScenario, NucleusDipoleScenario, Scenario, ZprimeScenario } from '../config/schema.js';
import { DipoleSample } from './dipoleReweight.js';
import { widthNuGamma } from '../physics/dipole.js';
import { HBARC_GEV_M } from '../physics/constants.js';
import type { BackendName } from '../engine/backend.js';
import { FIPGEN_VERSION, run, sharedBackend } from '../engine/run.js';
import type { GpuBackendOptions } from '../engine/gpu/backend.js';
import { type Shard, shardRange, shardStem } from '../engine/shard.js';
import { acceptedMask, flagMask } from '../engine/totals.js';
import { type MuonTargetZprimeParams, visibleBranchingRatio } from '../processes/muonTargetZprime.js';
import { writeFileAtomic, writeJsonAtomic } from '../output/atomicWrite.js';
import { scenarioHash } from '../output/dataset.js';
import type { Plan } from '../processes/process.js';
import { processFor } from '../processes/registry.js';
import { AcceptedSample, type MixingReweight, mixingReweight } from './hnlReweight.js';
import { FLAVOURS, parseMixingRatios } from '../physics/hnl/mixing.js';
import { MediatorSample } from './mediatorReweight.js';
import { renderScanPlots } from './plot.js';

export const SCAN_MANIFEST = '_scan.json';

/** The scenarios a scan runs over: HNLs over U^2, muon-philic mediators over g. */
export type ScannableScenario = HnlScenario | Na62DumpHnlScenario | ZprimeScenario | MuonTargetZprimeScenario | NucleusDipoleScenario;

export interface ScanManifest {
  readonly type: 'fipgen-scan';
  readonly fipgen_version: string;
  readonly scenario: ScannableScenario;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly events_per_mass: number;
  readonly masses_GeV: number[];
  readonly mass_log: boolean;
  /** What the second axis is: "U2" (HNL mixing), "g" (mediator coupling) or "mu" (dipole moment, Bohr magnetons). */
  readonly coupling_name: 'U2' | 'g' | 'mu';
  readonly couplings: number[];
  /** (g-2)_mu band to draw, [value, sigma] of Delta a_mu, for mediator scans. */
  readonly g2_band: [number, number] | null;
  /** Contour level in expected events (2.3: 90% CL with no background and no events seen). */
  readonly level: number;
  readonly shards: number;
  /** HNL scans: the mixing ratios U_e^2:U_mu^2:U_tau^2 the table is for, reweighted from the sample's model.mixing (absent: the sample's own). */
  readonly target_mixing?: string;
}

export interface MassResult {
  readonly mass_GeV: number;
  readonly coupling_generated: number;
  /** c*tau at the generated coupling (HNLs; null for a mediator that is not decayed). */
  readonly ctau_generated_m: number | null;
  readonly events: number;
  readonly accepted: number;
  readonly backend: string;
  readonly adapter: string;
  readonly seconds: number;
  /** Expected accepted events at each coupling of the grid, its MC error, and per production channel. */
  readonly expected: number[];
  readonly error: number[];
  readonly byProduction: Record<string, number[]>;
  /** nucleus-dipole generated as Majorana: the Dirac expectation from the same sample (dipoleReweight.ts). */
  readonly expected_dirac?: number[];
  readonly error_dirac?: number[];
}

export interface ScanShardFile {
  readonly shard: number;
  readonly shards: number;
  readonly scenario_hash: string;
  readonly seed: string;
  readonly results: MassResult[];
}


/** The plan of the scenario at one mass for `events` events: the process's planner checks it (mass range, channels open). */
function planAtMass(scenario: ScannableScenario, mass: number, events: number): Plan {
  const s = { ...scenario, model: { ...scenario.model, mass } } as ScannableScenario;
  try {
    return processFor(s).plan(s, events);
  } catch (e) {
    if (e instanceof InputError) throw new InputError('--mass', mass, `this mass cannot be generated: ${e.message}`);
    throw e;
  }
}

/** The scenario as a scannable one (HNLs over U^2, mediators over g), or an input error. */
export function scannable(scenario: Scenario): ScannableScenario {
  if (scenario.process === 'nucleus-cevns') {
    throw new InputError('scenario', scenario.name, 'fipgen scan runs over (mass, coupling): Standard-Model CEvNS has neither');
  }
  return scenario;
}

/** An HNL scan's scenario: a U^2 grid and mixing ratios. */
export function isHnlScan(scenario: ScannableScenario): scenario is HnlScenario | Na62DumpHnlScenario {
  return scenario.process === 'na62-kaon-hnl' || scenario.process === 'na62-dump-hnl';
}

export function couplingName(scenario: ScannableScenario): 'U2' | 'g' | 'mu' {
  return isHnlScan(scenario) ? 'U2' : scenario.process === 'nucleus-dipole' ? 'mu' : 'g';
}

/**
 * Every mass of a scan planned (the plans are the runs') and, with --target-mixing, each mass's
 * reweighting to it: all of it checked before any mass is generated (fipgen scan and fipgen slurm).
 */
export function planScan(scenario: ScannableScenario, masses: readonly number[], eventsPerMass: number, targetMixing?: string): { plans: Plan[]; targets: (MixingReweight | undefined)[] } {
  if (targetMixing !== undefined) checkTargetMixing(scenario, targetMixing);
  const plans = masses.map((m) => planAtMass(scenario, m, eventsPerMass));
  const targets = plans.map((p) => (targetMixing === undefined ? undefined : targetReweight(p.scenario as HnlScenario | Na62DumpHnlScenario, p, targetMixing)));
  return { plans, targets };
}

export interface ScanOptions {
  readonly scenario: ScannableScenario;
  readonly masses: number[];
  readonly massLog: boolean;
  readonly couplings: number[];
  readonly g2Band?: [number, number];
  readonly eventsPerMass: number;
  readonly seed: string;
  readonly backend: BackendName | 'auto';
  readonly level: number;
  /** HNL scans: report at these mixing ratios ("a:b:c"), reweighting from the scenario's. */
  readonly targetMixing?: string;
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
    coupling_name: couplingName(o.scenario),
    couplings: o.couplings,
    g2_band: o.g2Band ?? null,
    level: o.level,
    shards: shard.count,
    ...(o.targetMixing !== undefined ? { target_mixing: o.targetMixing } : {}),
  };
  const { plans, targets } = planScan(o.scenario, o.masses, o.eventsPerMass, o.targetMixing);
  mkdirSync(o.out, { recursive: true });
  const manifestPath = join(o.out, SCAN_MANIFEST);
  if (existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as ScanManifest;
    if (JSON.stringify({ ...old, fipgen_version: '' }) !== JSON.stringify({ ...manifest, fipgen_version: '' })) {
      throw new InputError('--out', o.out, 'holds another scan (scenario, seed, grids, level, target mixing or shard count differ); use another directory');
    }
  } else writeJsonAtomic(manifestPath, manifest, 1);

  const { first, events: count } = shardRange(o.masses.length, shard);
  const results: MassResult[] = [];
  // One backend choice and one GPU device for all masses (pipelines compiled once on it).
  const shared = await sharedBackend(o.backend, o.onNotice);
  try {
    for (let k = first; k < first + count; k++) {
      results.push(await scanOneMass(plans[k], targets[k], o, shared));
      o.onMass?.(k - first + 1, count, o.masses[k]);
    }
  } finally {
    shared.close();
  }
  const record: ScanShardFile = { shard: shard.index, shards: shard.count, scenario_hash: manifest.scenario_hash, seed: o.seed, results };
  writeJsonAtomic(join(o.out, `_scan-${shardStem(shard)}.json`), record, 1);
  return { manifest, results };
}

async function scanOneMass(plan: Plan, target: MixingReweight | undefined, o: ScanOptions, shared: { backend: BackendName; gpuOptions?: GpuBackendOptions }): Promise<MassResult> {
  const scenario = plan.scenario as ScannableScenario;
  const definition = plan.process;
  const common = { scenario, events: o.eventsPerMass, seed: o.seed, backend: shared.backend, gpuOptions: shared.gpuOptions, plan };
  if (isHnlScan(scenario)) {
    const params = plan.params as { hnl_mass: number; hnl_ctau: number };
    const sample = new AcceptedSample(params.hnl_mass, acceptedMask(definition.layout));
    const summary = await run({ ...common, rows: 'accepted', onBatch: (b) => sample.add(b) });
    const labels = Object.keys(summary.byProductionChannel);
    const e = sample.expectations(scenario.model.U2, params.hnl_ctau, o.couplings, labels.length, target);
    return {
      mass_GeV: scenario.model.mass, coupling_generated: scenario.model.U2, ctau_generated_m: params.hnl_ctau,
      events: summary.events, accepted: summary.accepted, backend: summary.backend, adapter: summary.adapter, seconds: summary.seconds,
      expected: e.expected, error: e.error, byProduction: Object.fromEntries(labels.map((l, c) => [l, e.byChannel[c]])),
    };
  }
  if (scenario.process === 'nucleus-dipole') {
    const model = scenario.model;
    const sample = new DipoleSample(model.mass, acceptedMask(definition.layout));
    const summary = await run({ ...common, rows: 'accepted', onBatch: (b) => sample.add(b) });
    const labels = Object.keys(summary.byProductionChannel);
    const veto = (plan.params as { veto_distance: number }).veto_distance;
    const widthRef = widthNuGamma(model.mass, model.mu_bohr, model.majorana);
    const e = sample.expectations(model.mu_bohr, widthRef, model.invisible_width_GeV, veto, o.couplings, labels.length);
    const dirac = model.majorana ? sample.diracFromMajorana(model.mu_bohr, widthRef, model.invisible_width_GeV, veto, o.couplings, labels.length) : undefined;
    return {
      ...(dirac ? { expected_dirac: dirac.expected, error_dirac: dirac.error } : {}),
      mass_GeV: model.mass, coupling_generated: model.mu_bohr, ctau_generated_m: HBARC_GEV_M / (widthRef + model.invisible_width_GeV),
      events: summary.events, accepted: summary.accepted, backend: summary.backend, adapter: summary.adapter, seconds: summary.seconds,
      expected: e.expected, error: e.error, byProduction: Object.fromEntries(labels.map((l, c) => [l, e.byChannel[c]])),
    };
  }
  if (scenario.process === 'muon-target-zprime') {
    const P = plan.params as MuonTargetZprimeParams;
    const sample = new MediatorSample(scenario.model.mass, flagMask(definition.layout, 'recoil_below_cut', 'recoil_in_acceptance'));
    const summary = await run({ ...common, rows: 'all', onBatch: (b) => sample.add(b) });
    const e = sample.expectations(scenario.model.coupling, P.ctau, visibleBranchingRatio(P), P.veto_length, o.couplings);
    return {
      mass_GeV: scenario.model.mass, coupling_generated: scenario.model.coupling, ctau_generated_m: P.ctau,
      events: summary.events, accepted: summary.accepted, backend: summary.backend, adapter: summary.adapter, seconds: summary.seconds,
      expected: e.expected, error: e.error, byProduction: Object.fromEntries(Object.keys(summary.byProductionChannel).map((l, c) => [l, e.byChannel[c]])),
    };
  }
  // K+ -> mu+ nu X with X escaping: every weight is proportional to g^2, so the totals scale.
  const summary = await run({ ...common, rows: 'none' });
  const g0 = scenario.model.coupling;
  const scale = o.couplings.map((g) => (g / g0) ** 2);
  return {
    mass_GeV: scenario.model.mass, coupling_generated: g0, ctau_generated_m: null,
    events: summary.events, accepted: summary.accepted, backend: summary.backend, adapter: summary.adapter, seconds: summary.seconds,
    expected: scale.map((f) => f * summary.sumWeightsAccepted),
    error: scale.map((f) => f * summary.sumWeightsAcceptedError),
    byProduction: Object.fromEntries(Object.entries(summary.byProductionChannel).map(([l, t]) => [l, scale.map((f) => f * t.sumWeightsAccepted)])),
  };
}

/**
 * Checks --target-mixing against a scan's scenario before anything runs: an HNL scan, ratios
 * that parse, and a sample with U_a^2 > 0 wherever the target has (so every channel the target
 * opens at any mass has events to reweight).
 */
function checkTargetMixing(scenario: ScannableScenario, text: string): void {
  if (!isHnlScan(scenario)) throw new InputError('--target-mixing', text, 'only HNL scans (na62-kaon-hnl, na62-dump-hnl) have mixing ratios');
  const target = parseMixingRatios(text);
  if (typeof target === 'string') throw new InputError('--target-mixing', text, target);
  const generated = parseMixingRatios(scenario.model.mixing);
  if (typeof generated === 'string') throw new InputError('model.mixing', scenario.model.mixing, generated);
  const lacking = FLAVOURS.filter((a, k) => target[k] > 0 && !(generated[k] > 0));
  if (lacking.length > 0) throw new InputError('--target-mixing', text, `the sample (model.mixing ${scenario.model.mixing}) has U_${lacking.join('^2, U_')}^2 = 0: generate it with U_a^2 > 0 for every flavour the target has (e.g. model.mixing=1:1:1)`);
}

/** The reweighting of an HNL sample (its model.mixing) to the ratios `text` at the same U^2. */
export function targetReweight(scenario: HnlScenario | Na62DumpHnlScenario, plan: Plan, text: string): MixingReweight {
  const fractions = parseMixingRatios(text);
  if (typeof fractions === 'string') throw new InputError('--target-mixing', text, fractions);
  const target = { ...scenario, model: { ...scenario.model, mixing: text } };
  let targetPlan: Plan;
  try {
    targetPlan = processFor(target).plan(target, plan.events);
  } catch (e) {
    if (!(e instanceof NothingToGenerate)) throw e;
    // At this mass the target mixing makes no N or no visible decay: zero expected events.
    return { productionScale: plan.productionChannels.map(() => 0), decayScale: plan.decayChannels.map(() => 0), ctau: (plan.params as { hnl_ctau: number }).hnl_ctau };
  }
  return mixingReweight(plan, targetPlan, text);
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
  const dirac = results.every((r) => r.expected_dirac);
  const header = ['mass_GeV', manifest.coupling_name, 'expected_events', 'mc_error', ...channels.map((c) => `expected[${c}]`), ...(dirac ? ['expected_dirac', 'mc_error_dirac'] : [])];
  const lines = [header.join(',')];
  for (const r of results) {
    manifest.couplings.forEach((u, k) => {
      lines.push([r.mass_GeV, u, r.expected[k], r.error[k], ...channels.map((c) => r.byProduction[c]?.[k] ?? 0), ...(dirac ? [r.expected_dirac![k], r.error_dirac![k]] : [])].map((x) => (typeof x === 'number' ? x.toPrecision(8) : x)).join(','));
    });
  }
  const files = ['scan.csv', 'scan.json', 'scan.svg', 'scan.png'].map((f) => join(dir, f));
  writeFileAtomic(files[0], `${lines.join('\n')}\n`);
  writeJsonAtomic(files[1], { ...manifest, results }, 1);
  const { svg, png } = renderScanPlots(manifest, results);
  writeFileAtomic(files[2], svg);
  writeFileAtomic(files[3], png);
  return files;
}
