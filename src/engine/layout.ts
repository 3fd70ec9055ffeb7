/**
 * Buffer layout: the one place that defines which values a sampler writes per event, in
 * which order, and how each becomes an Arrow column. The WGSL kernels (through generated
 * `const COL_*` declarations), the CPU sampler and the Arrow builder all read it.
 *
 * Memory layout of one batch of n events (column-major, "structure of arrays"): column c
 * occupies words [c*n, (c+1)*n). On the GPU every word is 32 bits (f32, or u32/i32 stored
 * as bits); on the CPU every value is a float64 (integers are exact below 2^53). Column-major
 * keeps each column contiguous, so an Arrow column is one typed-array copy.
 */

/** How a sampler column is stored: a float, an unsigned or a signed integer. */
export type WordKind = 'f32' | 'u32' | 'i32';

export interface SamplerColumn {
  readonly name: string;
  readonly kind: WordKind;
  /** Unit, or '' for dimensionless; shown in the README and the Arrow field metadata. */
  readonly unit: string;
  readonly doc: string;
}

/** A boolean Arrow column taken from one bit of the `flags` sampler column. */
export interface FlagBit {
  readonly name: string;
  readonly bit: number;
  readonly doc: string;
}

export interface EventLayout {
  readonly columns: readonly SamplerColumn[];
  readonly flags: readonly FlagBit[];
  /** Name -> column index. */
  readonly index: Readonly<Record<string, number>>;
}

/**
 * Value of `log_weight` for an event with zero weight: finite, so float32 code never meets
 * -inf, and -2^100 (-1.27e30), exactly representable in float32, so both backends write the
 * same number and comparisons of their columns need no special case.
 */
export const LOG_WEIGHT_ZERO = -(2 ** 100);

export function makeLayout(columns: readonly SamplerColumn[], flags: readonly FlagBit[]): EventLayout {
  const index: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (c.name in index) throw new Error(`layout: column "${c.name}" defined twice`);
    if (!/^[a-z][a-z0-9_]*$/.test(c.name)) throw new Error(`layout: column name "${c.name}" must be snake_case`);
    index[c.name] = i;
  });
  for (const required of ['log_weight', 'flags']) {
    if (!(required in index)) throw new Error(`layout: every sampler must write a "${required}" column`);
  }
  const bits = new Set<number>();
  for (const f of flags) {
    if (f.bit < 0 || f.bit > 31 || bits.has(f.bit)) throw new Error(`layout: flag "${f.name}" has a bad or repeated bit ${f.bit}`);
    bits.add(f.bit);
  }
  if (!flags.some((f) => f.name === 'accepted')) throw new Error('layout: a flag named "accepted" is required');
  return { columns, flags, index };
}

/** A float32 column: name, unit and what it holds. */
export function scalarColumn(name: string, unit: string, doc: string): SamplerColumn {
  return { name, kind: 'f32', unit, doc };
}

/** An int32 column holding a PDG particle id. */
export function pdgColumn(name: string, doc: string): SamplerColumn {
  return { name, kind: 'i32', unit: '', doc };
}

export function fourVector(prefix: string, what: string): SamplerColumn[] {
  return (['px', 'py', 'pz', 'e'] as const).map((c) => ({
    name: `${prefix}_${c}`,
    kind: 'f32' as const,
    unit: 'GeV',
    doc: `${what}: ${c === 'e' ? 'energy' : `momentum ${c[1]}`}`,
  }));
}

export function position(prefix: string, what: string): SamplerColumn[] {
  return (['x', 'y', 'z'] as const).map((c) => ({ name: `${prefix}_${c}`, kind: 'f32' as const, unit: 'm', doc: `${what}: ${c}` }));
}

/** WGSL declarations of the column indices: `const COL_LOG_WEIGHT: u32 = 0u;` ... */
export function wgslColumnConstants(layout: EventLayout): string {
  const lines = layout.columns.map((c, i) => `const COL_${c.name.toUpperCase()}: u32 = ${i}u;`);
  lines.push(`const N_COLUMNS: u32 = ${layout.columns.length}u;`);
  for (const f of layout.flags) lines.push(`const FLAG_${f.name.toUpperCase()}: u32 = ${1 << f.bit >>> 0}u;`);
  return lines.join('\n');
}

/**
 * Writers into a column-major float64 batch of n events (the CPU samplers' output):
 * put(col, i, x) and put4(col, i, p) for a four-vector in four consecutive columns.
 * Twin of putF/put4 in shaders/kernel.wgsl.
 */
export function columnWriter(out: Float64Array, n: number) {
  return {
    put(col: number, i: number, x: number): void {
      out[col * n + i] = x;
    },
    put4(col: number, i: number, p: readonly number[]): void {
      for (let c = 0; c < 4; c++) out[(col + c) * n + i] = p[c];
    },
  };
}

/** One batch of sampled events, column-major, in either precision. */
export interface EventBatch {
  /** Event index of the first event sampled in this batch. */
  readonly firstEvent: number;
  /** Rows in this batch. */
  readonly n: number;
  /**
   * For a batch holding a selection of the sampled events (accepted-only output): row r
   * is event firstEvent + rowIndex[r]. Absent when row r is event firstEvent + r.
   */
  readonly rowIndex?: Uint32Array;
  readonly layout: EventLayout;
  /** The n values of a column. Floats come as Float32Array (GPU) or Float64Array (CPU). */
  column(name: string): Float32Array | Float64Array | Uint32Array | Int32Array;
}

/** A batch held as one float64 array (the CPU sampler's output). */
export function cpuBatch(layout: EventLayout, firstEvent: number, n: number, data = new Float64Array(layout.columns.length * n)): EventBatch & { data: Float64Array } {
  return {
    firstEvent,
    n,
    layout,
    data,
    column(name) {
      const c = layout.index[name];
      if (c === undefined) throw new Error(`no column "${name}" in this layout`);
      return data.subarray(c * n, (c + 1) * n);
    },
  };
}

/** The rows of a float64 batch whose flags have `mask` set, as a new batch with rowIndex. */
export function selectRows(batch: EventBatch & { data: Float64Array }, mask: number): EventBatch {
  const flags = batch.column('flags');
  const rows: number[] = [];
  for (let i = 0; i < batch.n; i++) if (flags[i] & mask) rows.push(i);
  const m = rows.length;
  const ncol = batch.layout.columns.length;
  const data = new Float64Array(ncol * m);
  for (let c = 0; c < ncol; c++) {
    const src = c * batch.n;
    const dst = c * m;
    for (let r = 0; r < m; r++) data[dst + r] = batch.data[src + rows[r]];
  }
  return { ...cpuBatch(batch.layout, batch.firstEvent, m, data), rowIndex: Uint32Array.from(rows) };
}

/** A batch held as 32-bit words (the GPU's read-back), viewed per column in its kind. */
export function wordBatch(layout: EventLayout, firstEvent: number, n: number, words: ArrayBuffer, rowIndex?: Uint32Array): EventBatch {
  if (words.byteLength < layout.columns.length * n * 4) {
    throw new Error(`GPU batch of ${words.byteLength} bytes is smaller than ${layout.columns.length} columns x ${n} events x 4 bytes`);
  }
  return {
    firstEvent,
    n,
    rowIndex,
    layout,
    column(name) {
      const c = layout.index[name];
      if (c === undefined) throw new Error(`no column "${name}" in this layout`);
      const kind = layout.columns[c].kind;
      const Ctor = kind === 'f32' ? Float32Array : kind === 'u32' ? Uint32Array : Int32Array;
      return new Ctor(words, c * n * 4, n);
    },
  };
}
