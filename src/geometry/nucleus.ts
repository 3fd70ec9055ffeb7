/**
 * The NUCLEUS detector description (geometry/nucleus.json): target arrays (material, mass,
 * recoil threshold, the box the cubes fill) and the veto distance L_det.
 */
import { z } from 'zod';
import { loadGeometry } from './load.js';
import { KNOWN_TARGETS } from '../physics/nuclei.js';

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
            /** Centre of the array's box (m); z along the antineutrino flight. Default: the origin. */
            center_m: z.tuple([z.number(), z.number(), z.number()]).default([0, 0, 0]),
            /** Edges of the box the cubes fill (m): the upscattering vertex is uniform in it. Default: a point. */
            size_m: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]).default([0, 0, 0]),
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
  return loadGeometry(NucleusGeometry, nameOrPath, ['nucleus', 'nucleus-phase2']);
}
