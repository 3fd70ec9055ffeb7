/**
 * A sampler backend runs a plan's event chain for a range of events, batch by batch, in
 * event order. Two exist: `cpu` (float64 TypeScript, the reference) and `webgpu` (WGSL).
 */
import type { EventBatch } from './layout.js';

export type BackendName = 'cpu' | 'webgpu';

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
  run(first: number, count: number, batchSize: number, consume: (batch: EventBatch) => Promise<void> | void): Promise<void>;
  close(): void;
}
