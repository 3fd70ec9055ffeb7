/**
 * The fipgen command line. Every failure ends in one message on stderr and a non-zero exit:
 * 2 for input the user can fix (naming field, value and what is allowed), 1 otherwise.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { InputError } from '../config/errors.js';
import { loadScenario, presetNames, readScenario } from '../config/load.js';
import { probeAdapter } from '../engine/gpu/device.js';
import { existsSync, mkdirSync } from 'node:fs';
import { FIPGEN_VERSION, run } from '../engine/run.js';
import { runShard } from '../engine/runShard.js';
import { parseShard } from '../engine/shard.js';
import { inspectDataset, shardFiles } from '../output/dataset.js';
import { writeMergedFile } from '../output/mergeFile.js';
import { processFor } from '../processes/registry.js';
import { gridPoints, parseRange } from '../scan/grid.js';
import { couplingName, inspectScan, planScan, runScan, SCAN_MANIFEST, type ScannableScenario, scannable, writeScanOutputs } from '../scan/scan.js';
import { slurmScript } from './slurm.js';
import { calcCommand } from './calc.js';
import { join } from 'node:path';
import { mergeJson, mergeTable, summaryJson, summaryTable } from './summary.js';

/** A positive integer count; accepts 1e6 notation. */
export function parseCount(flag: string) {
  return (text: string): number => {
    const v = Number(text);
    if (!Number.isInteger(v) || v < 1 || v > Number.MAX_SAFE_INTEGER) {
      throw new InvalidArgumentError(new InputError(flag, text, `must be a whole number from 1 to 2^53 (1e6 notation allowed)`).message);
    }
    return v;
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The coupling grid of a scan: --U2 for HNL scenarios, --coupling for mediator scenarios. */
function couplingGrid(scenario: ScannableScenario, o: { U2?: string; coupling?: string }): number[] {
  const flag = couplingName(scenario) === 'U2' ? '--U2' : '--coupling';
  const text = flag === '--U2' ? o.U2 : o.coupling;
  const other = flag === '--U2' ? o.coupling : o.U2;
  if (text === undefined) throw new InputError(flag, other, `a scan of ${scenario.process} needs ${flag} start:stop:count`);
  return gridPoints(flag, parseRange(flag, text), true);
}

function parseG2Band(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const [v, s] = text.split(':').map(Number);
  if (!(v > 0) || !(s > 0) || text.split(':').length !== 2) throw new InputError('--g2-band', text, 'expected value:sigma of Delta a_mu, both > 0, e.g. 251e-11:59e-11');
  return [v, s];
}

function program(): Command {
  const cli = new Command('fipgen')
    .description('GPU-accelerated Monte Carlo event generator for feebly-interacting particles')
    .version(FIPGEN_VERSION)
    // Throw instead of exiting (inherited by the subcommands below), so main() picks the status.
    .exitOverride();

  cli
    .command('run')
    .description('generate weighted events for a scenario (preset name or JSON file)')
    .argument('<scenario>', 'preset name (see `fipgen presets`) or path to a scenario JSON file')
    .option('-n, --events <N>', 'number of events to generate (1e6 notation allowed)', parseCount('--events'), 100000)
    .option('-o, --out <file>', 'Arrow IPC file to write (written to a temporary name, renamed when complete)')
    .option('--accepted-only', 'write only the accepted events to --out (compacted on the GPU); the totals still count every event')
    .addOption(new Option('--no-output', 'summary only: no event leaves the GPU (the default without --out)').conflicts(['out', 'acceptedOnly']))
    .addOption(new Option('-b, --backend <name>', 'sampler backend').choices(['auto', 'webgpu', 'cpu']).default('auto'))
    .option('-s, --seed <seed>', 'run seed: an integer below 2^64 (the Philox key) or any string (hashed)', '1')
    .option('--set <path=value>', 'override a scenario field, e.g. model.mass=0.3 (repeatable)', collect, [])
    .option('--batch-size <N>', 'events per batch (default: as many as the backend holds, at most 2^20)', parseCount('--batch-size'))
    .option('--shard <k/N>', 'run only shard k (0-based) of N of the --events; --out is then a dataset directory (see `fipgen merge`)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress bar')
    .action(async (scenarioArg: string, o) => {
      const scenario = loadScenario(scenarioArg, o.set);
      const bar = o.quiet
        ? undefined
        : new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: `${scenario.name} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left`,
              noTTYOutput: true,
              notTTYSchedule: 5000,
              etaBuffer: 20,
            },
            cliProgress.Presets.shades_classic,
          );
      const shard = o.shard === undefined ? undefined : parseShard(o.shard);
      if (o.acceptedOnly && !o.out) throw new InputError('--accepted-only', true, 'needs --out FILE (without a file only the summary is produced)');
      if (shard && !o.out) throw new InputError('--out', undefined, 'a sharded run (--shard) needs --out DIR, the dataset directory its shards share');
      const common = {
        scenario,
        events: o.events,
        seed: String(o.seed),
        backend: o.backend,
        batchSize: o.batchSize,
        acceptedOnly: Boolean(o.acceptedOnly),
        onProgress: (done: number, total: number) => {
          bar?.setTotal(total);
          bar?.update(done);
        },
        onNotice: (m: string) => process.stderr.write(`fipgen: ${m}\n`),
      };
      bar?.start(o.events, 0);
      try {
        const summary = shard ? await runShard(common, o.out, shard) : await run({ ...common, out: o.out });
        bar?.stop();
        process.stdout.write(o.json ? summaryJson(summary) : summaryTable(summary));
      } finally {
        bar?.stop();
      }
    });

  cli
    .command('scan')
    .description('sensitivity scan: one sample per mass, reweighted over a U^2 grid; table (CSV, JSON) and contour plot (SVG, PNG)')
    .argument('<scenario>', 'preset name or path to a scenario JSON file (each mass is generated at its model.U2 or model.coupling)')
    .requiredOption('--mass <start:stop:count>', 'HNL masses in GeV, e.g. 0.15:0.45:30')
    .option('--log', 'space the masses logarithmically (U^2 always is)')
    .option('--U2 <start:stop:count>', 'the U^2 grid of an HNL scan, logarithmic, e.g. 1e-10:1e-4:60')
    .option('--target-mixing <a:b:c>', 'HNL scans: the table and plot for these ratios U_e^2:U_mu^2:U_tau^2, reweighted from a sample made at model.mixing (which needs U_a^2 > 0 wherever the target has, e.g. 1:1:1)')
    .option('--coupling <start:stop:count>', "the coupling grid (g' or g_S) of a mediator scan, logarithmic, e.g. 1e-5:1e-2:60")
    .option('--g2-band <value:sigma>', 'draw the (g-2)_mu band Delta a_mu = value +- 2 sigma on a mediator scan, e.g. 251e-11:59e-11 (2021) or 38e-11:63e-11 (2025)')
    .requiredOption('-o, --out <dir>', 'directory for the table, the plot and the scan records')
    .option('-n, --events <N>', 'events generated per mass', parseCount('--events'), 100000)
    .option('--level <events>', 'contour level in expected events (2.3 = 90% CL, no background)', '2.3')
    .option('-s, --seed <seed>', 'run seed (the same for every mass)', '1')
    .addOption(new Option('-b, --backend <name>', 'sampler backend').choices(['auto', 'webgpu', 'cpu']).default('auto'))
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--shard <k/N>', 'run only the masses of shard k of N (then `fipgen merge DIR` writes the table and plot)')
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'no progress')
    .action(async (scenarioArg: string, o) => {
      const scenario = scannable(loadScenario(scenarioArg, o.set));
      const masses = gridPoints('--mass', parseRange('--mass', o.mass), Boolean(o.log));
      const couplings = couplingGrid(scenario, o);
      const g2Band = parseG2Band(o.g2Band);
      const level = Number(o.level);
      if (!(level > 0)) throw new InputError('--level', o.level, 'must be a number of events > 0');
      const shard = o.shard === undefined ? undefined : parseShard(o.shard);
      const t0 = performance.now();
      await runScan({
        scenario, masses, massLog: Boolean(o.log), couplings, g2Band, eventsPerMass: o.events, seed: String(o.seed), backend: o.backend, level, out: o.out, shard, targetMixing: o.targetMixing,
        onNotice: (m) => process.stderr.write(`fipgen: ${m}\n`),
        onMass: o.quiet ? undefined : (done, total, m) => process.stderr.write(`fipgen scan: mass ${done}/${total} (${m.toPrecision(4)} GeV) done, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`),
      });
      const report = inspectScan(o.out);
      if (!report.ok) {
        process.stdout.write(`shard ${shard!.index}/${shard!.count} done; shards still missing: ${report.missing.join(', ')}. When all are in: fipgen merge ${o.out}\n`);
        return;
      }
      const files = writeScanOutputs(o.out, report);
      process.stdout.write(o.json ? `${JSON.stringify({ files, ...report }, null, 1)}\n` : `scan written: ${files.join(', ')}\n`);
    });

  cli
    .command('merge')
    .description('check the shards of a sharded run (one run, no gap or overlap, none missing) and add them up')
    .argument('<dir>', 'dataset directory of a sharded run')
    .option('--summary', 'also the per-channel totals')
    .option('--json', 'print the report as JSON')
    .option('-o, --out <file>', 'also write all shards, in event order, into one Arrow file')
    .action(async (dir: string, o) => {
      if (!existsSync(dir)) throw new InputError('directory', dir, 'no such directory');
      if (existsSync(join(dir, SCAN_MANIFEST))) {
        const scan = inspectScan(dir);
        if (!scan.ok) {
          for (const p of scan.problems) process.stderr.write(`problem: ${p}\n`);
          throw new Error(`${dir}: scan incomplete; missing shards: ${scan.missing.join(', ') || 'none'}`);
        }
        const files = writeScanOutputs(dir, scan);
        process.stdout.write(o.json ? `${JSON.stringify({ files, ...scan }, null, 1)}\n` : `scan of ${scan.results.length} masses merged: ${files.join(', ')}\n`);
        return;
      }
      const report = inspectDataset(dir);
      process.stdout.write(o.json ? mergeJson(report) : mergeTable(report, Boolean(o.summary)));
      if (!report.ok) throw new Error(`${dir}: incomplete or inconsistent run (see above); re-run the shards named, each replaces its files atomically`);
      if (o.out) {
        const m = report.manifest;
        await writeMergedFile(
          shardFiles(report),
          o.out,
          {
            'fipgen.version': FIPGEN_VERSION,
            'fipgen.scenario': JSON.stringify(m.scenario),
            'fipgen.scenario_hash': m.scenario_hash,
            'fipgen.seed': m.seed,
            'fipgen.first_event': '0',
            'fipgen.events': String(m.total_events),
            'fipgen.total_events': String(m.total_events),
            'fipgen.merged_from': `${m.shards} shards of ${dir}`,
          },
          {
            'fipgen.sum_weights': String(report.sumWeights),
            'fipgen.sum_weights_accepted': String(report.sumWeightsAccepted),
            'fipgen.events_accepted': String(report.accepted),
          },
        );
      }
    });

  cli
    .command('slurm')
    .description('print a Slurm job-array script that runs a scenario in shards (one shard per array task)')
    .argument('<scenario>', 'preset name or path to a scenario JSON file')
    .requiredOption('-n, --events <N>', 'events of the whole run, or per mass with --mass (1e9 notation allowed)', parseCount('--events'))
    .requiredOption('--shards <N>', 'number of shards = array tasks', parseCount('--shards'))
    .requiredOption('-o, --out <dir>', 'dataset directory the shards write to (created now, so Slurm can put its logs there)')
    .option('-s, --seed <seed>', 'run seed (as for run)', '1')
    .addOption(new Option('-b, --backend <name>', 'backend of every task').choices(['auto', 'webgpu', 'cpu']).default('auto'))
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--gpus <N>', 'GPUs per task (with --backend webgpu): #SBATCH --gres=gpu:N', parseCount('--gpus'))
    .option('--time <HH:MM:SS>', 'time limit per task', '01:00:00')
    .option('--mem <size>', 'memory per task', '4G')
    .option('--cpus <N>', 'CPUs per task', parseCount('--cpus'), 1)
    .option('--partition <name>', 'Slurm partition')
    .option('--account <name>', 'Slurm account')
    .option('--max-running <N>', 'at most N tasks at once (array %N)', parseCount('--max-running'))
    .option('--job-name <name>', 'job name', 'fipgen')
    .option('--mass <start:stop:count>', 'a scan instead of a run (`fipgen scan`), its masses split across the array')
    .option('--U2 <start:stop:count>', 'U^2 grid of an HNL scan')
    .option('--target-mixing <a:b:c>', 'HNL scan at these mixing ratios, reweighted from model.mixing (as `fipgen scan`)')
    .option('--coupling <start:stop:count>', 'coupling grid of a mediator scan')
    .option('--log', 'logarithmic masses (scan)')
    .option('--level <events>', 'contour level of the scan', '2.3')
    .option('--fipgen <command>', 'how the batch nodes start fipgen', `${process.execPath} ${process.argv[1]}`)
    .action((scenarioArg: string, o) => {
      const scenario = loadScenario(scenarioArg, o.set); // validate now, not on 400 batch nodes
      processFor(scenario).plan(scenario, o.events);
      let scan: string[] | undefined;
      if (o.mass !== undefined || o.U2 !== undefined || o.coupling !== undefined || o.targetMixing !== undefined) {
        if (o.mass === undefined) throw new InputError('--mass', undefined, 'a scan needs --mass start:stop:count');
        const masses = gridPoints('--mass', parseRange('--mass', o.mass), Boolean(o.log));
        couplingGrid(scannable(scenario), o);
        planScan(scannable(scenario), masses, o.events, o.targetMixing);
        if (o.shards > masses.length) throw new InputError('--shards', o.shards, `at most one shard per mass (${masses.length})`);
        const grid = couplingName(scannable(scenario)) === 'U2' ? ['--U2', o.U2] : ['--coupling', o.coupling];
        scan = ['--mass', o.mass, ...grid, ...(o.log ? ['--log'] : []), '--level', String(o.level), ...(o.targetMixing !== undefined ? ['--target-mixing', o.targetMixing] : [])];
      }
      mkdirSync(o.out, { recursive: true });
      process.stdout.write(
        slurmScript({
          scenario: scenarioArg,
          isFile: !presetNames().includes(scenarioArg),
          events: o.events,
          shards: o.shards,
          out: o.out,
          seed: String(o.seed),
          backend: o.backend,
          set: o.set,
          jobName: o.jobName,
          time: o.time,
          mem: o.mem,
          cpus: o.cpus,
          gpus: o.gpus,
          partition: o.partition,
          account: o.account,
          maxRunning: o.maxRunning,
          fipgen: o.fipgen,
          scan,
        }),
      );
    });

  cli.addCommand(calcCommand());

  cli
    .command('presets')
    .description('list the preset scenarios')
    .option('--json', 'as JSON')
    .action((o) => {
      const list = presetNames().map((name) => ({ name, description: (readScenario(name) as { description?: string }).description ?? '' }));
      process.stdout.write(o.json ? `${JSON.stringify(list, null, 2)}\n` : list.map((p) => `${p.name}\n    ${p.description}\n`).join(''));
    });

  cli
    .command('validate')
    .description('check a scenario (schema and physics ranges) and print it resolved, with its plan')
    .argument('<scenario>', 'preset name or path to a scenario JSON file')
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .action((scenarioArg: string, o) => {
      const scenario = loadScenario(scenarioArg, o.set);
      const plan = processFor(scenario).plan(scenario, 1);
      process.stdout.write(`${JSON.stringify({ scenario, plan: plan.info }, null, 2)}\n`);
    });

  cli
    .command('info')
    .description('backends found, the GPU adapter and the limits that matter')
    .option('--json', 'as JSON')
    .action(async (o) => {
      const probe = await probeAdapter();
      const info = {
        version: FIPGEN_VERSION,
        node: process.version,
        backends: { cpu: 'float64 TypeScript reference', webgpu: probe.ok ? probe.name : `unavailable: ${probe.reason}` },
        ...(probe.ok ? { fallbackAdapter: probe.isFallbackAdapter, limits: probe.limits } : {}),
      };
      if (o.json) process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
      else {
        process.stdout.write(`fipgen ${info.version} (node ${info.node})\n  cpu:    ${info.backends.cpu}\n  webgpu: ${info.backends.webgpu}\n`);
        if (probe.ok) {
          process.stdout.write(`          ${probe.isFallbackAdapter ? 'software (fallback) adapter' : 'hardware adapter'}\n`);
          for (const [k, v] of Object.entries(probe.limits)) process.stdout.write(`          ${k}: ${v.toLocaleString('en-US')}\n`);
        }
      }
    });
  return cli;
}

export async function main(argv: string[]): Promise<void> {
  let code = 0;
  try {
    await program().parseAsync(argv);
  } catch (e) {
    const err = e as Error & { code?: string; exitCode?: number };
    if (err.code?.startsWith('commander.')) {
      // commander has printed its message already (help, version, or a usage error).
      code = err.exitCode ?? 1;
      if (code !== 0 && err.code !== 'commander.help' && err.code !== 'commander.helpDisplayed' && err.code !== 'commander.version') code = 2;
    } else if (err instanceof InputError) {
      process.stderr.write(`fipgen: error: ${err.message}\n`);
      code = 2;
    } else {
      process.stderr.write(`fipgen: ${err.message}\n`);
      if (process.env.FIPGEN_DEBUG) process.stderr.write(`${err.stack}\n`);
      code = 1;
    }
  }
  // Exit explicitly: the WebGPU binding may keep the event loop alive after the run.
  process.exit(code);
}
