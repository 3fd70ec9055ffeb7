/**
 * Sampler batches -> Arrow record batches. The Arrow schema follows the layout
 * (src/engine/layout.ts): `event_id` and `weight` first, then one boolean per flag bit,
 * the two channels as dictionary-encoded strings, then every other sampler column, floats
 * widened to float64 so the file is the same whichever backend wrote it.
 */
import {
  Bool, Data, Dictionary, Field, Float64, Int32, Int64, makeData, RecordBatch, Schema, Struct, Utf8, vectorFromArray, type Vector,
} from 'apache-arrow';
import type { EventBatch, EventLayout } from '../engine/layout.js';

/** Sampler columns that become something else in the file. */
const TRANSFORMED = new Set(['log_weight', 'flags', 'production_channel', 'decay_channel']);

/**
 * A copy of a column in another element type. TypedArray.set converts natively; the
 * .from() constructors go through the iterator protocol and were 10x slower here.
 */
function copyAs<T extends Float64Array | Int32Array>(Ctor: new (n: number) => T, src: ArrayLike<number> & { length: number }): T {
  const dst = new Ctor(src.length);
  dst.set(src);
  return dst;
}

export interface ArrowLayout {
  readonly schema: Schema;
  /** The batch as Arrow rows; `weight` = exp(log_weight), computed once by the caller. */
  toRecordBatch(batch: EventBatch, weight: Float64Array): RecordBatch;
}

function field(name: string, type: Field['type'], unit: string, doc: string): Field {
  return new Field(name, type, false, new Map([['unit', unit], ['description', doc]]));
}

export function arrowLayout(
  layout: EventLayout,
  productionChannels: readonly string[],
  decayChannels: readonly string[],
  metadata: Map<string, string>,
): ArrowLayout {
  const prodDict = new Dictionary(new Utf8(), new Int32(), 0, false);
  const decayDict = new Dictionary(new Utf8(), new Int32(), 1, false);
  const prodValues: Vector = vectorFromArray([...productionChannels], new Utf8());
  const decayValues: Vector = vectorFromArray([...decayChannels], new Utf8());
  const plain = layout.columns.filter((c) => !TRANSFORMED.has(c.name));

  const fields: Field[] = [
    field('event_id', new Int64(), '', 'index of the event in the run: with the seed it reproduces the event on any backend'),
    field('weight', new Float64(), 'events', 'expected number of such events for the scenario exposure; sum over rows = expected events'),
    ...layout.flags.map((f) => field(f.name, new Bool(), '', f.doc)),
    field('production_channel', prodDict, '', 'production channel'),
    field('decay_channel', decayDict, '', 'decay channel (one charge state names both; the daughters PDG ids give this event\'s)'),
    ...plain.map((c) => field(c.name, c.kind === 'f32' ? new Float64() : new Int32(), c.unit, c.doc)),
  ];
  const schema = new Schema(fields, metadata);
  const structType = new Struct(fields);

  return {
    schema,
    toRecordBatch(batch, weight) {
      const n = batch.n;
      const rowIndex = batch.rowIndex;
      const ids = new Uint32Array(2 * n); // int64 little-endian as (low, high) words
      for (let i = 0; i < n; i++) {
        const id = batch.firstEvent + (rowIndex ? rowIndex[i] : i);
        ids[2 * i] = id >>> 0;
        ids[2 * i + 1] = Math.floor(id / 4294967296);
      }
      const flags = batch.column('flags');
      const children: Data[] = [
        makeData({ type: new Int64(), length: n, data: new BigInt64Array(ids.buffer) }),
        makeData({ type: new Float64(), length: n, data: weight }),
        ...layout.flags.map((f) => {
          const bits = new Uint8Array((n + 7) >> 3);
          const mask = 1 << f.bit;
          for (let i = 0; i < n; i++) if (flags[i] & mask) bits[i >> 3] |= 1 << (i & 7);
          return makeData({ type: new Bool(), length: n, data: bits });
        }),
        makeData({ type: prodDict, length: n, data: copyAs(Int32Array, batch.column('production_channel')), dictionary: prodValues }),
        makeData({ type: decayDict, length: n, data: copyAs(Int32Array, batch.column('decay_channel')), dictionary: decayValues }),
        ...plain.map((c) =>
          c.kind === 'f32'
            ? makeData({ type: new Float64(), length: n, data: copyAs(Float64Array, batch.column(c.name)) })
            : makeData({ type: new Int32(), length: n, data: copyAs(Int32Array, batch.column(c.name)) }),
        ),
      ];
      return new RecordBatch(schema, makeData({ type: structType, length: n, nullCount: 0, children }));
    },
  };
}
