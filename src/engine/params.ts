/**
 * Plan parameters: the named float64 numbers a sampler needs (masses, branching ratios,
 * geometry), computed once on the host. The CPU sampler reads them by name in float64; the
 * GPU gets the same values packed into one f32 storage buffer, with generated WGSL
 * constants `P_<NAME>` giving each value's (or array's first) index.
 */

export type ParamValues = Readonly<Record<string, number | readonly number[]>>;

export interface PackedParams {
  readonly values: Float64Array;
  readonly offsets: Readonly<Record<string, number>>;
  readonly lengths: Readonly<Record<string, number>>;
}

export function packParams(params: ParamValues): PackedParams {
  const offsets: Record<string, number> = {};
  const lengths: Record<string, number> = {};
  const flat: number[] = [];
  for (const [name, v] of Object.entries(params)) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`plan parameter "${name}" must be snake_case`);
    const arr = typeof v === 'number' ? [v] : v;
    for (const x of arr) if (!Number.isFinite(x)) throw new Error(`plan parameter "${name}" is not finite (${x})`);
    offsets[name] = flat.length;
    lengths[name] = arr.length;
    flat.push(...arr);
  }
  return { values: Float64Array.from(flat), offsets, lengths };
}

/** `const P_KAON_MASS: u32 = 0u;` for each parameter, plus `N_PARAMS`. */
export function wgslParamConstants(packed: PackedParams): string {
  const lines = Object.entries(packed.offsets).map(([name, off]) => `const P_${name.toUpperCase()}: u32 = ${off}u;`);
  lines.push(`const N_PARAMS: u32 = ${packed.values.length}u;`);
  return lines.join('\n');
}
