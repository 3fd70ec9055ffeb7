/**
 * The scenario schema: what a preset or a user's JSON file may contain, with units in the
 * field names' documentation. Validation is zod's; physics ranges that depend on several
 * fields (is this mass producible?) are checked by the process's planner, which knows them.
 */
import { z } from 'zod';
import { ENERGY_PER_FISSION_MEV } from '../sources/reactor.js';
import { parseMixingRatios } from '../physics/hnl/mixing.js';
import { nonNegative, positive } from './fields.js';

/** The muon beam energy's Gaussian is clamped at this many standard deviations (its sampler and the rms limit below). */
export const BEAM_ENERGY_CLAMP_SIGMAS = 5;
const zRange = z
  .tuple([z.number(), z.number()], { error: 'expected [z_min, z_max] in metres' })
  .refine(([a, b]) => b > a, { error: 'z_max must be greater than z_min' });

/** Free-text notes: where a number comes from, what is unverified. Kept in the output's metadata. */
const notes = z.record(z.string(), z.string()).optional();

export const HnlModel = z
  .object({
    type: z.literal('hnl'),
    mass: positive('HNL mass in GeV'),
    U2: positive('total mixing U^2 = U_e^2 + U_mu^2 + U_tau^2'),
    mixing: z
      .string({ error: 'expected ratios "U_e^2:U_mu^2:U_tau^2" such as "1:0:0", or a benchmark A-F' })
      .refine((s) => typeof parseMixingRatios(s) !== 'string', {
        error: (iss) => {
          const r = parseMixingRatios(String(iss.input));
          return typeof r === 'string' ? r : 'invalid mixing';
        },
      })
      .default('1:1:0'),
    majorana: z.boolean().default(true),
    /** Decay N with the helicity it is made with in P -> l N (false: isotropic, to compare). */
    polarised: z.boolean().default(true),
    notes,
  })
  .strict();

export const Na62KaonBeam = z
  .object({
    type: z.literal('na62-kaon-beam'),
    momentum_GeV: positive('mean K+ momentum, GeV/c'),
    momentum_rms_fraction: nonNegative('relative rms momentum spread'),
    slope_x_rad: z.number({ error: 'expected a number (beam slope dx/dz, rad)' }),
    divergence_rms_rad: nonNegative('rms angular divergence per plane, rad'),
    spot_rms_m: nonNegative('rms beam spot size per plane at the start of the decay region, m'),
    axis_point_m: z.tuple([z.number(), z.number(), z.number()], { error: 'expected [x, y, z] in metres' }),
    decay_region_z_m: zRange,
    notes,
  })
  .strict();

export const Exposure = z
  .object({
    kaon_decays: positive('number of K+ decays in the decay region'),
    note: z.string().optional(),
  })
  .strict();

export const Detector = z
  .object({
    geometry: z.string({ error: 'expected a geometry name (e.g. "na62") or a path to a geometry JSON file' }),
  })
  .strict();

const ZprimeModelFields = z
  .object({
    type: z.literal('zprime'),
    kind: z.enum(['vector', 'scalar'], { error: 'expected "vector" (L_mu - L_tau Z\') or "scalar" (coupled to muons)' }).default('vector'),
    mass: positive('mediator mass in GeV'),
    coupling: positive("coupling g' (g_S for the scalar)"),
    notes,
  })
  .strict();

/** The scalar in the issue's words: {"type": "muon-scalar", "mass", "g_S"}, read as a zprime model of kind scalar. */
const MuonScalarModelFields = z
  .object({
    type: z.literal('muon-scalar'),
    mass: positive('scalar mass in GeV'),
    g_S: positive('scalar coupling to muons g_S'),
    notes,
  })
  .strict();

export const ZprimeModel = z
  .discriminatedUnion('type', [ZprimeModelFields, MuonScalarModelFields], { error: 'expected model.type "zprime" (with kind "vector" or "scalar") or "muon-scalar"' })
  .transform((m) => (m.type === 'muon-scalar' ? { type: 'zprime' as const, kind: 'scalar' as const, mass: m.mass, coupling: m.g_S, notes: m.notes } : m));

const common = {
  name: z.string({ error: 'expected a name' }),
  description: z.string().optional(),
  source: Na62KaonBeam,
  detector: Detector,
  exposure: Exposure,
  notes,
};

export const HnlScenario = z.object({ ...common, process: z.literal('na62-kaon-hnl'), model: HnlModel }).strict();
export const ZprimeScenario = z.object({ ...common, process: z.literal('na62-kaon-zprime'), model: ZprimeModel }).strict();

export const MuonBeam = z
  .object({
    type: z.literal('muon-beam'),
    energy_GeV: positive('beam muon energy in GeV'),
    energy_rms_fraction: nonNegative(`relative rms of the beam energy (Gaussian, clamped at ${BEAM_ENERGY_CLAMP_SIGMAS} sigma)`)
      .max(0.1, { error: `must be <= 0.1 (relative rms of the beam energy; the ${BEAM_ENERGY_CLAMP_SIGMAS}-sigma clamp then keeps every muon above half the beam energy)` })
      .default(0),
    notes,
  })
  .strict();

export const MuonTargetZprimeScenario = z
  .object({
    name: z.string({ error: 'expected a name' }),
    description: z.string().optional(),
    process: z.literal('muon-target-zprime'),
    source: MuonBeam,
    model: ZprimeModel,
    detector: Detector,
    exposure: z.object({ muons_on_target: positive('muons on target'), note: z.string().optional() }).strict(),
    notes,
  })
  .strict();

/** Meson spectrum d^2N/dx_F dp_T^2 ~ (1 - |x_F|)^n exp(-b p_T^2) in the proton-nucleon centre of mass. */
const MesonSpectrum = z
  .object({ n: positive('x_F exponent n of (1 - |x_F|)^n'), b_GeV2: positive('p_T^2 slope b in GeV^-2 of exp(-b p_T^2)') })
  .strict();

export const Na62DumpSource = z
  .object({
    type: z.literal('na62-dump'),
    proton_momentum_GeV: positive('primary proton momentum, GeV/c').default(400),
    absorber: z.enum(['tax', 'target'], { error: 'expected "tax" (the copper TAX, dump mode) or "target" (the beryllium T10 target)' }).default('tax'),
    charm_pairs_per_pot: nonNegative('c cbar pairs per proton on target'),
    beauty_pairs_per_pot: nonNegative('b bbar pairs per proton on target'),
    fragmentation: z
      .object({
        D0: nonNegative('fraction of c quarks that make a D0'),
        D: nonNegative('fraction of c quarks that make a D+'),
        Ds: nonNegative('fraction of c quarks that make a Ds+'),
        B: nonNegative('fraction of b quarks that make a B+'),
        B0: nonNegative('fraction of b quarks that make a B0'),
        Bs: nonNegative('fraction of b quarks that make a Bs'),
        Bc: nonNegative('fraction of b quarks that make a Bc (optional; default 0: Bc -> l N off)').default(0),
      })
      .strict(),
    charm_spectrum: MesonSpectrum,
    beauty_spectrum: MesonSpectrum,
    cascade_enhancement: z.boolean().default(false),
    notes,
  })
  .strict();

export const Na62DumpHnlScenario = z
  .object({
    name: z.string({ error: 'expected a name' }),
    description: z.string().optional(),
    process: z.literal('na62-dump-hnl'),
    source: Na62DumpSource,
    model: HnlModel,
    detector: Detector.extend({
      photon_final_states: z.boolean({ error: 'expected true or false' }).default(false),
    }),
    exposure: z.object({ protons_on_target: positive('protons on target'), note: z.string().optional() }).strict(),
    notes,
  })
  .strict();

export type HnlModel = z.infer<typeof HnlModel>;
export type ZprimeModel = z.infer<typeof ZprimeModel>;
export type Na62KaonBeam = z.infer<typeof Na62KaonBeam>;

export const ReactorSource = z
  .object({
    type: z.literal('reactor'),
    cores: z
      .array(z.object({ power_W: positive('thermal power in watts'), distance_m: positive('distance to the detector in metres') }).strict(), { error: 'expected a list of cores {power_W, distance_m}' })
      .min(1, { error: 'at least one reactor core' }),
    fission_fractions: z
      .object({ U235: nonNegative('fission fraction'), U238: nonNegative('fission fraction'), Pu239: nonNegative('fission fraction'), Pu241: nonNegative('fission fraction') })
      .strict()
      .refine((f) => Math.abs(f.U235 + f.U238 + f.Pu239 + f.Pu241 - 1) < 1e-6, { error: 'fission fractions must add up to 1' }),
    energy_range_MeV: zRange.refine(([a, b]) => a > 0 && b <= 10, { error: 'expected [E_min, E_max] with 0 < E_min < E_max <= 10 MeV (the spectra end at 10 MeV)' }),
    /** Energy released per fission in MeV; default ENERGY_PER_FISSION_MEV (src/sources/reactor.ts). */
    energy_per_fission_MeV: z
      .object({ U235: positive('energy per fission in MeV'), U238: positive('energy per fission in MeV'), Pu239: positive('energy per fission in MeV'), Pu241: positive('energy per fission in MeV') })
      .strict()
      .default(ENERGY_PER_FISSION_MEV),
    notes,
  })
  .strict();

export const CevnsModel = z
  .object({
    type: z.literal('cevns'),
    mu_nu_bohr: nonNegative('magnetic moment of the light neutrino in Bohr magnetons').default(0),
    magnetic_er_min_eV: positive('lowest recoil energy in eV at which the magnetic-moment term is generated').default(1),
    notes,
  })
  .strict();

export const DipoleModel = z
  .object({
    type: z.literal('dipole'),
    mass: positive('HNL mass in GeV'),
    mu_bohr: positive('transition magnetic moment in Bohr magnetons'),
    majorana: z.boolean().default(true),
    invisible_width_GeV: nonNegative('an extra invisible width of N in GeV').default(0),
    notes,
  })
  .strict();

export const ReactorExposure = z.object({ live_days: positive('live time in days'), note: z.string().optional() }).strict();

export const NucleusCevnsScenario = z
  .object({
    name: z.string({ error: 'expected a name' }),
    description: z.string().optional(),
    process: z.literal('nucleus-cevns'),
    source: ReactorSource,
    model: CevnsModel,
    detector: Detector,
    exposure: ReactorExposure,
    notes,
  })
  .strict();
export type NucleusCevnsScenario = z.infer<typeof NucleusCevnsScenario>;

export const NucleusDipoleScenario = z
  .object({
    name: z.string({ error: 'expected a name' }),
    description: z.string().optional(),
    process: z.literal('nucleus-dipole'),
    source: ReactorSource,
    model: DipoleModel,
    detector: Detector,
    exposure: ReactorExposure,
    notes,
  })
  .strict();
export type NucleusDipoleScenario = z.infer<typeof NucleusDipoleScenario>;

export const PROCESSES = ['na62-kaon-hnl', 'na62-dump-hnl', 'na62-kaon-zprime', 'muon-target-zprime', 'nucleus-cevns', 'nucleus-dipole'] as const;

export const Scenario = z.discriminatedUnion('process', [HnlScenario, Na62DumpHnlScenario, ZprimeScenario, MuonTargetZprimeScenario, NucleusCevnsScenario, NucleusDipoleScenario], {
  error: `unknown process; known: ${PROCESSES.map((p) => `"${p}"`).join(', ')}`,
});

export type Scenario = z.infer<typeof Scenario>;
export type HnlScenario = z.infer<typeof HnlScenario>;
export type Na62DumpHnlScenario = z.infer<typeof Na62DumpHnlScenario>;
export type Na62DumpSource = z.infer<typeof Na62DumpSource>;
export type ZprimeScenario = z.infer<typeof ZprimeScenario>;
export type MuonTargetZprimeScenario = z.infer<typeof MuonTargetZprimeScenario>;
