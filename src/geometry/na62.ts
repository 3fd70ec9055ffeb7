/**
 * The NA62 detector description (geometry/na62.json): schema, loading, and the parameters
 * the acceptance code (src/geometry/na62Acceptance.ts and shaders/na62_acceptance.wgsl) reads.
 */
import { z } from 'zod';
import { loadGeometry } from './load.js';

const num = z.number({ error: 'expected a number (metres or GeV)' });
const four = z.tuple([num, num, num, num], { error: 'expected four numbers, one per chamber' });

export const Na62Geometry = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    coordinates: z.string().optional(),
    source: z.string().optional(),
    decay_volume: z.object({ z_min: num, z_max: num, radius: num.positive(), note: z.string().optional() }).strict(),
    straw: z
      .object({ z: four, outer_radius: num.positive(), hole_half_side: num.nonnegative(), hole_x: four })
      .strict()
      .refine((s) => s.z.every((z, i) => i === 0 || z > s.z[i - 1]), { error: 'chamber z positions must increase' }),
    magnet: z.object({ z_start: num, z_end: num, pt_kick_GeV: num, note: z.string().optional() }).strict(),
    lkr: z.object({ z: num, inner_radius: num.nonnegative(), half_side: num.positive(), octagon_sum: num.positive() }).strict(),
    muv3: z.object({ z: num, half_side: num.positive(), inner_radius: num.nonnegative(), note: z.string().optional() }).strict(),
  })
  .strict()
  .refine((g) => g.decay_volume.z_max > g.decay_volume.z_min, { error: 'decay_volume.z_max must exceed z_min' })
  .refine((g) => g.magnet.z_start > g.straw.z[1] && g.magnet.z_end < g.straw.z[2], {
    error: 'the magnet must sit between STRAW chambers 2 and 3',
  });

export type Na62Geometry = z.infer<typeof Na62Geometry>;

/** Loads a geometry by name (geometry/<name>.json) or path, validated. */
export function loadNa62Geometry(nameOrPath: string): Na62Geometry {
  return loadGeometry(Na62Geometry, nameOrPath, ['na62']);
}

/** The geometry as plan parameters (names shared with the WGSL constants P_*). */
export function na62GeometryParams(g: Na62Geometry) {
  return {
    dv_z_min: g.decay_volume.z_min,
    dv_z_max: g.decay_volume.z_max,
    dv_radius: g.decay_volume.radius,
    straw_z: g.straw.z,
    straw_hole_x: g.straw.hole_x,
    straw_outer_radius: g.straw.outer_radius,
    straw_hole_half_side: g.straw.hole_half_side,
    magnet_z: 0.5 * (g.magnet.z_start + g.magnet.z_end),
    magnet_kick: g.magnet.pt_kick_GeV,
    lkr_z: g.lkr.z,
    lkr_inner_radius: g.lkr.inner_radius,
    lkr_half_side: g.lkr.half_side,
    lkr_octagon_sum: g.lkr.octagon_sum,
    muv3_z: g.muv3.z,
    muv3_half_side: g.muv3.half_side,
    muv3_inner_radius: g.muv3.inner_radius,
  };
}
