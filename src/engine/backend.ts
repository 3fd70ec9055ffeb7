/**
 * A sampler backend runs a plan's event chain for a range of events, batch by batch, in
 * event order. Two exist: `cpu` (float64 TypeScript, the reference) and `webgpu` (WGSL).
 */
import type { EventBatch } from './layout.js';
import type { BatchTotals } from './totals.js';

export type BackendName = 'cpu' | 'webgpu';

/** Which events come back to the host: all of them, the accepted ones, or none (totals only). */
export type RowSelection = 'all' | 'accepted' | 'none';

export interface BatchResult {
  /** Event index of the batch's first sampled event, and how many were sampled. */
  readonly firstEvent: number;
  readonly sampled: number;
  /** Totals over every sampled event of the batch. */
  readonly totals: BatchTotals;
  /** The selected rows (absent for 'none'). */
  readonly events?: EventBatch;
  /** exp(log_weight) of those rows, in float64. */
  readonly weights?: Float64Array;
}

export interface SamplerBackend {
  readonly name: BackendName;
  /** What computes: the GPU adapter's name, or the CPU path's description. */
  readonly adapter: string;
  /** Largest batch this backend can hold for the plan's layout. */
  readonly maxBatch: number;
  /**
   * Events [first, first + count) in batches of at most batchSize, in order. A batch's
   * memory is reused: `consume` must be done with it when its promise resolves.
   */
  run(first: number, count: number, batchSize: number, rows: RowSelection, consume: (result: BatchResult) => Promise<void> | void): Promise<void>;
  close(): void;
}
