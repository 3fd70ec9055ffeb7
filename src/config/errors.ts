/**
 * Errors in what the user asked for. Each names the field, the value given and what is
 * allowed; the command line prints the message alone and exits with status 2.
 */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${field} = ${formatValue(value)}: ${allowed}`);
    this.name = 'InputError';
  }
}

/**
 * The scenario is valid but makes nothing at this point of parameter space (no production channel,
 * or no decay the process generates): an error for a run, zero expected events for a scan's
 * reweighting to another mixing.
 */
export class NothingToGenerate extends InputError {
  override name = 'NothingToGenerate';
}

export function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return '(missing)';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
}
