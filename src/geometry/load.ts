/**
 * Loading a detector description: `detector.geometry` is a name (geometry/<name>.json) or a
 * path to a JSON file, validated against the geometry's schema with one clear message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../config/errors.js';
import { readJsonFile, schemaError } from '../config/load.js';
import { GEOMETRY_DIR } from '../paths.js';

export function loadGeometry<S extends z.ZodType>(schema: S, nameOrPath: string, known: readonly string[]): z.infer<S> {
  const byName = join(GEOMETRY_DIR, `${nameOrPath}.json`);
  const path = /^[a-z0-9-]+$/.test(nameOrPath) && existsSync(byName) ? byName : nameOrPath;
  if (!existsSync(path)) throw new InputError('detector.geometry', nameOrPath, `no such geometry; known: ${known.map((k) => `"${k}"`).join(', ')}, or a path to a JSON file`);
  const raw = readJsonFile(path, 'detector.geometry');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error.issues, raw, `geometry(${nameOrPath})`);
  return parsed.data;
}
