/**
 * Per-batch totals: events, accepted events and sums of weights, overall and per production
 * and decay channel. The cpu backend computes them here from the rows; the webgpu backend
 * on the GPU (shaders/reduce.wgsl), so a run without output never copies events back.
 */
import type { EventBatch, EventLayout } from './layout.js';

export interface GroupTotals {
  events: number;
  accepted: number;
  sumWeights: number;
  sumWeightsAccepted: number;
  /** Sum of squared accepted weights: the Monte Carlo variance of sumWeightsAccepted. */
  sumWeights2Accepted: number;
}

export interface BatchTotals {
  readonly all: GroupTotals;
  readonly production: GroupTotals[];
  readonly decay: GroupTotals[];
  /** The plan's spectrum: underflow, each bin, overflow (empty without one). */
  readonly spectrum: GroupTotals[];
}

/** What the totals of a plan's events are grouped by. */
export interface TotalsShape {
  readonly nProduction: number;
  readonly nDecay: number;
  /** The spectrum's column and float32 edges, if the plan has one. */
  readonly spectrum?: { readonly column: string; readonly edges: readonly number[] };
}

export function totalsShape(plan: { productionChannels: readonly string[]; decayChannels: readonly string[]; spectrum?: { column: string; edges: readonly number[] } }): TotalsShape {
  return { nProduction: plan.productionChannels.length, nDecay: plan.decayChannels.length, spectrum: plan.spectrum };
}

/** Groups of the spectrum: underflow, the bins, overflow; none without a spectrum. */
export function spectrumGroups(shape: TotalsShape): number {
  return shape.spectrum ? shape.spectrum.edges.length + 1 : 0;
}

/**
 * Group of value x: the number of edges <= x, i.e. 0 below the first edge (and for NaN),
 * k + 1 in [edges[k], edges[k+1]), edges.length from the last edge up. Twin of
 * spectrumGroup in the generated WGSL (src/engine/gpu/shaderSource.ts).
 */
export function spectrumGroup(x: number, edges: readonly number[]): number {
  let g = 0;
  while (g < edges.length && x >= edges[g]) g++;
  return g;
}

/** All groups of a batch's totals in the order the GPU's partial sums hold them. */
export function groupsInOrder(t: BatchTotals): GroupTotals[] {
  return [t.all, ...t.production, ...t.decay, ...t.spectrum];
}

export function emptyGroup(): GroupTotals {
  return { events: 0, accepted: 0, sumWeights: 0, sumWeightsAccepted: 0, sumWeights2Accepted: 0 };
}

export function emptyTotals(shape: TotalsShape): BatchTotals {
  const groups = (n: number) => Array.from({ length: n }, emptyGroup);
  return { all: emptyGroup(), production: groups(shape.nProduction), decay: groups(shape.nDecay), spectrum: groups(spectrumGroups(shape)) };
}

/** Adds one group's totals to another, in place (the shard merge copies first: sumGroups). */
export function addGroup(into: GroupTotals, from: Readonly<GroupTotals>): void {
  into.events += from.events;
  into.accepted += from.accepted;
  into.sumWeights += from.sumWeights;
  into.sumWeightsAccepted += from.sumWeightsAccepted;
  into.sumWeights2Accepted += from.sumWeights2Accepted;
}

/** The sum of two groups' totals, as a new group. */
export function sumGroups(a: Readonly<GroupTotals>, b: Readonly<GroupTotals>): GroupTotals {
  const sum = { ...a };
  addGroup(sum, b);
  return sum;
}

export function addTotals(into: BatchTotals, from: BatchTotals): void {
  addGroup(into.all, from.all);
  from.production.forEach((g, k) => addGroup(into.production[k], g));
  from.decay.forEach((g, k) => addGroup(into.decay[k], g));
  from.spectrum.forEach((g, k) => addGroup(into.spectrum[k], g));
}

/** exp(log_weight) of every row of a batch, in float64. */
export function weightsOf(batch: EventBatch): Float64Array {
  const logW = batch.column('log_weight');
  const w = new Float64Array(batch.n);
  for (let i = 0; i < batch.n; i++) w[i] = Math.exp(logW[i]);
  return w;
}

/** Bit of the `accepted` flag in a layout. */
export function acceptedMask(layout: EventLayout): number {
  return flagMask(layout, 'accepted');
}

/** The bits of the named flags of a layout, or'ed. */
export function flagMask(layout: EventLayout, ...names: string[]): number {
  return names.reduce((mask, name) => mask | (1 << layout.flags.find((f) => f.name === name)!.bit), 0);
}

/** Totals of a batch of rows, in float64; also returns the weights exp(log_weight). */
export function totalsOfBatch(batch: EventBatch, shape: TotalsShape): { totals: BatchTotals; weights: Float64Array } {
  const totals = emptyTotals(shape);
  const spectrum = shape.spectrum;
  const x = spectrum ? batch.column(spectrum.column) : undefined;
  const mask = acceptedMask(batch.layout);
  const logW = batch.column('log_weight');
  const flags = batch.column('flags');
  const prod = batch.column('production_channel');
  const dec = batch.column('decay_channel');
  const weights = new Float64Array(batch.n);
  for (let i = 0; i < batch.n; i++) {
    const w = (weights[i] = Math.exp(logW[i]));
    const acc = (flags[i] & mask) !== 0;
    addEvent(totals.all, w, acc);
    addEvent(totals.production[prod[i]], w, acc);
    addEvent(totals.decay[dec[i]], w, acc);
    if (x) addEvent(totals.spectrum[spectrumGroup(Math.fround(x[i]), spectrum!.edges)], w, acc);
  }
  return { totals, weights };
}

function addEvent(g: GroupTotals, w: number, accepted: boolean): void {
  g.events++;
  g.sumWeights += w;
  if (accepted) {
    g.accepted++;
    g.sumWeightsAccepted += w;
    g.sumWeights2Accepted += w * w;
  }
}
