/**
 * What a physics process (a full chain: source -> production -> decay -> detector) gives
 * the engine. A new process is a new module implementing this, a WGSL sampleEvent and a
 * scenario file; the engine, the backends and the output need no change.
 */
import type { Scenario } from '../config/schema.js';
import type { PhiloxKey } from '../engine/rng/seed.js';
import type { EventLayout } from '../engine/layout.js';
import { packParams, type PackedParams, type ParamValues } from '../engine/params.js';

export interface Plan<P extends ParamValues = ParamValues> {
  readonly process: ProcessDefinition<P>;
  readonly scenario: Scenario;
  /** Events in the whole run: the weights are normalised to it. */
  readonly events: number;
  /** Named float64 parameters (the CPU sampler's view). */
  readonly params: P;
  /** The same parameters packed for the GPU. */
  readonly packed: PackedParams;
  /** Dictionary labels of the `production_channel` and `decay_channel` columns. */
  readonly productionChannels: readonly string[];
  readonly decayChannels: readonly string[];
  /** Physics numbers of the plan worth printing and recording (widths, c*tau, BRs). */
  readonly info: Readonly<Record<string, unknown>>;
  /** A histogram of one column that the run's totals carry (optional; see SpectrumSpec). */
  readonly spectrum?: SpectrumSpec;
}

/**
 * A histogram of a column, accumulated with the totals on both backends (on the GPU in the
 * reduction pass, so a run without output has it too): bins [edges[k], edges[k+1]), plus an
 * underflow and an overflow group. Edges are float32-rounded by makePlan, the same numbers
 * for both backends.
 */
export interface SpectrumSpec {
  readonly column: string;
  /** What the column is, for the summary: "nuclear recoil energy E_R". */
  readonly label: string;
  /** Ascending bin edges in the column's unit. */
  readonly edges: readonly number[];
  /** How to print the edges: unit and factor from the column's unit ("eV", 1e9 for GeV). */
  readonly display: { readonly unit: string; readonly factor: number };
}

export interface ProcessDefinition<P extends ParamValues = ParamValues> {
  readonly id: string;
  readonly layout: EventLayout;
  /** WGSL files under shaders/, concatenated in this order after the generated constants. */
  readonly shaderFiles: readonly string[];
  /**
   * Named codes the planner writes into the parameters (channel kinds, bit sets), emitted into the
   * shader as PREFIX_KEY constants (twoBody -> PREFIX_TWO_BODY) so that the WGSL cannot drift from
   * the TypeScript (optional).
   */
  readonly shaderConstants?: Readonly<Record<string, ShaderConstants>>;
  /** Host planning in float64; throws InputError for a scenario the process cannot make. */
  plan(scenario: Scenario, events: number): Plan<P>;
  /** CPU reference sampler: events [firstEvent, firstEvent + n) into a column-major batch. */
  sampleCpu(plan: Plan<P>, key: PhiloxKey, firstEvent: number, n: number, out: Float64Array): void;
  /** Numbers derived from a run's totals that this process's users expect in the summary (optional). */
  derived?(plan: Plan<P>, totals: { sumWeights: number; sumWeightsAccepted: number; sumWeightsAcceptedError: number }): Record<string, number>;
}

/** A group of WGSL constants: their type and their values by camelCase key. */
export interface ShaderConstants {
  readonly type: 'f32' | 'u32';
  readonly values: Readonly<Record<string, number>>;
}

/** What a process's planning computes; defineProcess adds the run and the parameters packed for the GPU. */
export type PlannedParams<P extends ParamValues> = Pick<Plan<P>, 'params' | 'productionChannels' | 'decayChannels' | 'info' | 'spectrum'>;

/**
 * A process from its parts: its plan is what planParams computes (float64, InputError for a
 * scenario it cannot make) with the run and the parameters packed for the GPU added.
 */
export function defineProcess<P extends ParamValues>(
  parts: Omit<ProcessDefinition<P>, 'plan'> & { planParams(scenario: Scenario, events: number): PlannedParams<P> },
): ProcessDefinition<P> {
  const { planParams, ...rest } = parts;
  const definition: ProcessDefinition<P> = { ...rest, plan: (scenario, events) => makePlan(definition, scenario, events, planParams(scenario, events)) };
  return definition;
}

function makePlan<P extends ParamValues>(process: ProcessDefinition<P>, scenario: Scenario, events: number, planned: PlannedParams<P>): Plan<P> {
  const { params, productionChannels, decayChannels, info, spectrum } = planned;
  if (spectrum && !process.layout.columns.some((c) => c.name === spectrum.column && c.kind === 'f32')) throw new Error(`${process.id}: no f32 column ${spectrum.column} for the spectrum`);
  return {
    process, scenario, events, params, packed: packParams(params), productionChannels, decayChannels, info,
    ...(spectrum ? { spectrum: { ...spectrum, edges: spectrum.edges.map(Math.fround) } } : {}),
  };
}

/** Edges of n bins of equal width in ln x between lo and hi. */
export function logEdges(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => lo * (hi / lo) ** (k / n));
}
