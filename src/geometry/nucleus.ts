/**
 * The NUCLEUS detector description (geometry/nucleus.json): target arrays (material, mass,
 * recoil threshold, the box the cubes fill) and the veto distance L_det.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../config/errors.js';
import { readJsonFile, schemaError } from '../config/load.js';
import { KNOWN_TARGETS } from '../physics/nuclei.js';
import { GEOMETRY_DIR } from '../paths.js';

export const NucleusGeometry = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    source: z.string().optional(),
    arrays: z
      .array(
        z
          .object({
            name: z.string(),
            material: z.string().refine((m) => KNOWN_TARGETS.includes(m), { error: `unknown material; known: ${KNOWN_TARGETS.join(', ')}` }),
            mass_g: z.number().positive(),
            threshold_eV: z.number().nonnegative(),
            /** Centre of the array's box (m); z along the antineutrino flight. */
            center_m: z.tuple([z.number(), z.number(), z.number()]),
            /** Edges of the box the cubes fill (m): the upscattering vertex is uniform in it. */
            size_m: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
          })
          .strict(),
      )
      .min(1),
    veto_distance_m: z.number().positive(),
    note: z.string().optional(),
  })
  .strict();

export type NucleusGeometry = z.infer<typeof NucleusGeometry>;

export function loadNucleusGeometry(nameOrPath: string): NucleusGeometry {
  const byName = join(GEOMETRY_DIR, `${nameOrPath}.json`);
  const path = /^[a-z0-9-]+$/.test(nameOrPath) && existsSync(byName) ? byName : nameOrPath;
  if (!existsSync(path)) throw new InputError('detector.geometry', nameOrPath, 'no such geometry; known: "nucleus", or a path to a JSON file');
  const raw = readJsonFile(path, 'detector.geometry');
  const parsed = NucleusGeometry.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error.issues, raw, `geometry(${nameOrPath})`);
  return parsed.data;
}
