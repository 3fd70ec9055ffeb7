/**
 * Scenario loading: a preset name or a JSON file, `--set path=value` overrides, and one
 * schema validation for both. Every failure is an InputError naming field, value, allowed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { SCENARIO_DIR } from '../paths.js';
import { InputError } from './errors.js';
import { Scenario } from './schema.js';

export function presetNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/** Reads and parses a JSON file; a syntax error names the file and the parser's position. */
export function readJsonFile(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(field, path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(field, path, `not valid JSON: ${(e as Error).message}`);
  }
}

/** The raw (unvalidated) scenario object for a preset name or a path to a JSON file. */
export function readScenario(nameOrPath: string): unknown {
  const preset = join(SCENARIO_DIR, `${nameOrPath}.json`);
  if (/^[a-z0-9-]+$/.test(nameOrPath) && existsSync(preset)) return readJsonFile(preset, 'scenario');
  if (nameOrPath.endsWith('.json') || existsSync(nameOrPath)) return readJsonFile(nameOrPath, 'scenario');
  throw new InputError('scenario', nameOrPath, `unknown preset and no such file; presets: ${presetNames().join(', ')}`);
}

/**
 * Applies one `path=value` override in place. The value is parsed as JSON when it parses
 * (numbers like 1e-6, true, [1,2]) and taken as a string otherwise.
 */
export function applyOverride(target: unknown, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new InputError('--set', assignment, 'expected path=value, e.g. model.mass=0.3');
  const path = assignment.slice(0, eq).trim();
  const text = assignment.slice(eq + 1).trim();
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    /* a bare string such as 1:0:0 or B */
  }
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const [i, key] of keys.entries()) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new InputError('--set', assignment, `"${key}" is not a field name`);
    if (i === keys.length - 1) {
      node[key] = value;
    } else {
      const next = node[key];
      if (next === undefined) node[key] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new InputError('--set', assignment, `${keys.slice(0, i + 1).join('.')} is not an object`);
      }
      node = node[key] as Record<string, unknown>;
    }
  }
}

/** The first schema problem as an InputError: field path, the value found there, what is allowed. */
export function schemaError(issues: readonly z.core.$ZodIssue[], input: unknown, prefix = ''): InputError {
  const issue = issues[0];
  const path = issue.path.map(String);
  let value: unknown = input;
  for (const k of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const where = [prefix, ...path].filter(Boolean).join('.');
    return new InputError(where ? `${where}.${key}` : key, (value as Record<string, unknown>)[key], `unknown field${where ? ` in ${where}` : ''}`);
  }
  const field = [prefix, ...path].filter(Boolean).join('.') || '(scenario)';
  return new InputError(field, value, issue.message);
}

/** Preset or file, then overrides, then validation: the scenario a run uses. */
export function loadScenario(nameOrPath: string, overrides: readonly string[] = []): Scenario {
  const raw = readScenario(nameOrPath);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('scenario', nameOrPath, 'expected a JSON object');
  }
  for (const o of overrides) applyOverride(raw, o);
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error.issues, raw);
  return parsed.data;
}
