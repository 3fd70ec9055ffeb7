/**
 * `fipgen calc`: the physics numbers behind the generators, for a model point, as a table or
 * as JSON with stable keys (scripts and papers use them). Energies and masses in GeV,
 * lengths in metres, times in seconds, cross-sections in cm^2, magnetic moments in Bohr
 * magnetons.
 */
import { Command } from 'commander';
import { InputError } from '../config/errors.js';
import { GEV_M2_TO_CM2, HBAR_GEV_S } from '../physics/constants.js';
import { cevnsSigma, maxRecoil } from '../physics/cevns.js';
import { ctauFromWidth, primakoffSigmaByHelicity, recoilWindow, upscatterThreshold, widthNuGamma } from '../physics/dipole.js';
import { hnlDecayTable } from '../physics/hnl/decay.js';
import { FLAVOURS, mixingFrom, parseMixingRatios } from '../physics/hnl/mixing.js';
import { brLeptonicToHnl, LEPTONIC_PARENTS, productionLabel } from '../physics/hnl/production.js';
import { brSemileptonicToHnl, SEMILEPTONIC_CHANNELS } from '../physics/hnl/semileptonic.js';
import { brTauToHnl, brToTau, TAU_DECAYS_TO_HNL, TAU_PARENTS } from '../physics/hnl/tau.js';
import { targetByName } from '../physics/nuclei.js';
import { MATERIALS } from '../physics/materials.js';
import { bremSigma } from '../physics/zprime/brem.js';
import { deltaAmu, mediatorDecays } from '../physics/zprime/model.js';
import { kaonToMuNuX } from '../physics/zprime/kaon.js';
import { PARTICLES } from '../physics/particles.js';

/** A finite number from the command line, with a range check that names the flag. */
function numberArg(flag: string, text: string, allowed: string, ok: (x: number) => boolean): number {
  const v = Number(text);
  if (!Number.isFinite(v) || !ok(v)) throw new InputError(flag, text, allowed);
  return v;
}

function print(json: boolean, value: Record<string, unknown>): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const fmt = (v: unknown): string => (typeof v === 'number' ? (v === 0 ? '0' : v.toPrecision(6)) : Array.isArray(v) ? `[${v.map(fmt).join(', ')}]` : String(v));
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      process.stdout.write(`${k}:\n`);
      for (const [k2, v2] of Object.entries(v)) process.stdout.write(`  ${k2.padEnd(24)} ${fmt(v2)}\n`);
    } else process.stdout.write(`${k.padEnd(26)} ${fmt(v)}\n`);
  }
}

const eV = 1e-9;

export function calcCommand(): Command {
  const calc = new Command('calc').description('widths, lifetimes, branching ratios and cross-sections of a model point (--json for scripts)');

  calc
    .command('hnl')
    .description('HNL width, lifetime, decay branching ratios and production branching ratios (leptonic, semileptonic to pseudoscalars, tau)')
    .requiredOption('--mass <GeV>', 'HNL mass in GeV')
    .option('--mixing <a:b:c>', 'ratios U_e^2:U_mu^2:U_tau^2', '1:1:0')
    .option('--benchmark <A-F>', 'benchmark mixing ratios instead of --mixing')
    .option('--U2 <x>', 'total mixing U^2', '1')
    .option('--dirac', 'a Dirac N (default Majorana: total width x2)')
    .option('--json', 'as JSON')
    .action((o) => {
      const mass = numberArg('--mass', o.mass, 'must be a mass in GeV > 0', (x) => x > 0);
      const U2 = numberArg('--U2', o.U2, 'must be a number > 0', (x) => x > 0);
      const text = o.benchmark ?? o.mixing;
      const fractions = parseMixingRatios(text);
      if (typeof fractions === 'string') throw new InputError(o.benchmark ? '--benchmark' : '--mixing', text, fractions);
      const U = mixingFrom(U2, fractions);
      const t = hnlDecayTable(mass, U, !o.dirac);
      const production: Record<string, number> = {};
      for (const parent of Object.values(LEPTONIC_PARENTS)) {
        for (const a of FLAVOURS) {
          const br = brLeptonicToHnl(parent, a, mass, U);
          if (br > 0) production[productionLabel.leptonic(parent, a)] = br;
        }
      }
      for (const ch of SEMILEPTONIC_CHANNELS) {
        for (const a of FLAVOURS) {
          const br = brSemileptonicToHnl(ch, a, mass, U);
          if (br > 0) production[productionLabel.semileptonic(ch, a)] = br;
        }
      }
      for (const parent of TAU_PARENTS) {
        for (const decay of TAU_DECAYS_TO_HNL) {
          const br = brToTau(parent) * brTauToHnl(decay, mass, U);
          if (br > 0) production[productionLabel.tau(parent, decay)] = br;
        }
      }
      print(Boolean(o.json), {
        mass_GeV: mass,
        U2: [U.e, U.mu, U.tau],
        majorana: !o.dirac,
        width_GeV: t.totalWidth,
        ctau_m: t.ctau,
        lifetime_s: HBAR_GEV_S / t.totalWidth,
        regime: t.regime,
        branching_ratios: t.branchingRatios,
        production,
      });
    });

  calc
    .command('zprime')
    .description('muon-philic mediator (L_mu - L_tau vector Z\', or --scalar): widths, lifetime, (g-2)_mu, muon bremsstrahlung cross-section')
    .requiredOption('--mass <GeV>', 'mediator mass in GeV')
    .requiredOption('--coupling <g>', "coupling g' (or g_S with --scalar)")
    .option('--scalar', 'a scalar coupled to muons instead of the L_mu - L_tau vector')
    .option('--beam-energy <GeV>', 'muon beam energy for the bremsstrahlung cross-section', '15')
    .option('--target <material>', `target material: ${Object.keys(MATERIALS).join(', ')}`, 'W')
    .option('--json', 'as JSON')
    .action((o) => {
      const m = numberArg('--mass', o.mass, 'must be a mass in GeV > 0', (x) => x > 0);
      const g = numberArg('--coupling', o.coupling, 'must be a coupling >= 0', (x) => x >= 0);
      const E = numberArg('--beam-energy', o.beamEnergy, 'must be an energy in GeV > 0', (x) => x > 0);
      const material = MATERIALS[o.target];
      if (!material) throw new InputError('--target', o.target, `unknown material; known: ${Object.keys(MATERIALS).join(', ')}`);
      if (m >= E) throw new InputError('--mass', o.mass, `a ${E} GeV muon cannot radiate it: mass < beam energy`);
      const kind = o.scalar ? 'scalar' : 'vector';
      const d = mediatorDecays(kind, m, g);
      const brem = bremSigma({ kind, m, g, E, material });
      // K+ -> mu+ nu X: both emission legs, spin sums done numerically (src/physics/zprime/kaon.ts).
      const kaonOpen = m < PARTICLES.K.mass - PARTICLES.mu.mass;
      const kaon = kaonOpen ? kaonToMuNuX(kind, m) : null;
      print(Boolean(o.json), {
        model: kind === 'vector' ? 'L_mu - L_tau vector' : 'muon-philic scalar',
        mass_GeV: m,
        coupling: g,
        width_GeV: d.width > 0 ? d.width : null,
        ctau_m: Number.isFinite(d.ctau) ? d.ctau : null,
        branching_ratios: d.branchingRatios,
        delta_a_mu: deltaAmu(kind, m, g),
        kaon: kaon ? { br: kaon.br * g * g, frac_m2miss_gt_0p05: kaon.fractionAbove } : null,
        brem: { beam_GeV: E, target: material.name, sigma_cm2: brem.sigma_cm2, frac_x_gt_0p4: brem.fractionAbove },
      });
    });

  calc
    .command('dipole')
    .description('dipole portal: N -> nu gamma width, and Primakoff upscattering nu A -> N A on a target')
    .requiredOption('--mass <GeV>', 'HNL mass m_N in GeV')
    .requiredOption('--mu <muB>', 'transition magnetic moment in Bohr magnetons (convention of README "Conventions")')
    .requiredOption('--target <name>', 'isotope (Ge73), natural element (Ge) or compound (CaWO4, Al2O3)')
    .requiredOption('--enu <GeV>', 'neutrino energy in GeV')
    .option('--dirac', 'a Dirac N (default Majorana: N -> nu gamma width x2)')
    .option('--json', 'as JSON')
    .action((o) => {
      const m = numberArg('--mass', o.mass, 'must be a mass in GeV > 0', (x) => x > 0);
      const mu = numberArg('--mu', o.mu, 'must be a magnetic moment in Bohr magnetons >= 0', (x) => x >= 0);
      const E = numberArg('--enu', o.enu, 'must be an energy in GeV > 0', (x) => x > 0);
      const target = targetByName(o.target, '--target');
      const width = widthNuGamma(m, mu, !o.dirac);
      const windows = target.components.map((c) => ({ nucleus: c.nucleus.name, window: recoilWindow(E, m, c.nucleus.M) }));
      const open = windows.filter((w) => w.window);
      const byHelicity = target.components.map((c) => primakoffSigmaByHelicity(E, m, mu, c.nucleus).map((x) => c.count * x));
      const minority = byHelicity.reduce((s, x) => s + x[1], 0);
      const sigma = byHelicity.reduce((s, x) => s + x[0] + x[1], 0);
      print(Boolean(o.json), {
        mass_GeV: m,
        mu_bohr: mu,
        majorana: !o.dirac,
        width_GeV: width,
        ctau_m: mu > 0 ? ctauFromWidth(width) : null,
        target: target.name,
        target_unit: target.unit,
        enu_GeV: E,
        sigma_cm2: sigma * GEV_M2_TO_CM2,
        recoil_window_eV: open.length ? [Math.min(...open.map((w) => w.window![0])) / eV, Math.max(...open.map((w) => w.window![1])) / eV] : null,
        threshold_GeV: Math.min(...target.components.map((c) => upscatterThreshold(m, c.nucleus.M))),
        recoil_window_eV_by_nucleus: Object.fromEntries(windows.map((w) => [w.nucleus, w.window ? [w.window[0] / eV, w.window[1] / eV] : null])),
        // Reactor antineutrinos make N (N-bar) of helicity -1 for most; this is the +1 share.
        helicity_plus_fraction: sigma > 0 ? minority / sigma : null,
      });
    });

  calc
    .command('cevns')
    .description('coherent elastic neutrino-nucleus scattering cross-section (Helm form factor)')
    .requiredOption('--target <name>', 'isotope (Ge72), natural element (Ge) or compound (CaWO4, Al2O3)')
    .requiredOption('--enu <GeV>', 'neutrino energy in GeV')
    .option('--json', 'as JSON')
    .action((o) => {
      const E = numberArg('--enu', o.enu, 'must be an energy in GeV > 0', (x) => x > 0);
      const target = targetByName(o.target, '--target');
      const sigma = target.components.reduce((s, c) => s + c.count * cevnsSigma(E, c.nucleus), 0);
      print(Boolean(o.json), {
        target: target.name,
        target_unit: target.unit,
        enu_GeV: E,
        sigma_cm2: sigma * GEV_M2_TO_CM2,
        max_recoil_eV_by_nucleus: Object.fromEntries(target.components.map((c) => [c.nucleus.name, maxRecoil(E, c.nucleus.M) / eV])),
      });
    });
  return calc;
}
