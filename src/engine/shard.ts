/**
 * Splitting one run of E events into N shards: shard k is the events
 * [floor(k E / N), floor((k+1) E / N)), computed exactly (BigInt: k E can pass 2^53).
 * With counter-based random numbers and weights normalised to E, the union of the shards is
 * the same set of events, bit for bit, as one run of E events, for any N.
 */
import { InputError } from '../config/errors.js';

export interface Shard {
  /** 0-based shard number. */
  readonly index: number;
  readonly count: number;
}

/** Parses "k/N" (0 <= k < N). */
export function parseShard(text: string, field = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index < count) || !Number.isSafeInteger(count)) {
    throw new InputError(field, text, 'expected k/N with N >= 1 and 0 <= k < N, e.g. 17/400 (k is 0-based, as SLURM_ARRAY_TASK_ID)');
  }
  return { index, count };
}

/** First event index and event count of a shard of a run of `total` events. */
export function shardRange(total: number, shard: Shard): { first: number; events: number } {
  const edge = (k: number) => Number((BigInt(k) * BigInt(total)) / BigInt(shard.count));
  const first = edge(shard.index);
  return { first, events: edge(shard.index + 1) - first };
}

/** File stem of a shard, zero-padded so names sort in shard order: shard-00017-of-00400. */
export function shardStem(shard: Shard): string {
  const width = Math.max(5, String(shard.count - 1).length);
  return `shard-${String(shard.index).padStart(width, '0')}-of-${String(shard.count).padStart(width, '0')}`;
}
