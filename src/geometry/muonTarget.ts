/**
 * A muon missing-momentum detector (geometry/m3.json, geometry/na64mu.json): a thick target,
 * a recoil spectrometer that measures the outgoing muon, and calorimeters that veto visible
 * energy. Parametrized: the target's material and thickness, the recoil muon's energy cut,
 * momentum resolution and angular acceptance, and the length behind the emission point in
 * which a visible decay of the mediator (charged leptons or photons) is seen.
 */
import { z } from 'zod';
import { positive } from '../config/fields.js';
import { MATERIALS } from '../physics/materials.js';
import { loadGeometry } from './load.js';

export const MuonTargetGeometry = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    source: z.string().optional(),
    target: z
      .object({
        material: z.string().refine((m) => m in MATERIALS, { error: `unknown material; known: ${Object.keys(MATERIALS).join(', ')}` }),
        thickness_X0: positive('target thickness in radiation lengths'),
      })
      .strict(),
    recoil: z
      .object({
        energy_cut_GeV: positive('signal: measured recoil muon energy below this, GeV'),
        momentum_resolution: z.number().nonnegative({ error: 'must be >= 0 (relative momentum resolution, Gaussian)' }),
        max_angle_rad: positive('largest recoil muon angle the spectrometer accepts, rad'),
      })
      .strict(),
    veto_length_m: positive('length behind the emission point in which a visible decay is seen (calorimeters), m'),
    note: z.string().optional(),
  })
  .strict();

export type MuonTargetGeometry = z.infer<typeof MuonTargetGeometry>;

export function loadMuonTargetGeometry(nameOrPath: string): MuonTargetGeometry {
  return loadGeometry(MuonTargetGeometry, nameOrPath, ['m3', 'na64mu']);
}
