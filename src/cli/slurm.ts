/**
 * A Slurm job-array script for a sharded run: task k of the array runs shard k/N with
 * `fipgen run --shard $SLURM_ARRAY_TASK_ID/N`. fipgen brings no scheduler of its own: the
 * script is plain sbatch, and the same shards run under any batch system (see README).
 */
import { resolve } from 'node:path';

export interface SlurmOptions {
  /** Scenario as given: a preset name, or a file path (made absolute for the batch nodes). */
  readonly scenario: string;
  readonly isFile: boolean;
  readonly events: number;
  readonly shards: number;
  readonly out: string;
  readonly seed: string;
  readonly backend: string;
  readonly set: readonly string[];
  readonly jobName: string;
  readonly time: string;
  readonly mem: string;
  readonly cpus: number;
  readonly gpus?: number;
  readonly partition?: string;
  readonly account?: string;
  /** At most this many array tasks at once (Slurm's %N). */
  readonly maxRunning?: number;
  /** Command that starts fipgen on the batch nodes. */
  readonly fipgen: string;
  /** A scan instead of a run: its grid options (--mass, --U2, --log, --level), split by mass. */
  readonly scan?: readonly string[];
}

/** Single-quotes a word for the shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function slurmScript(o: SlurmOptions): string {
  const out = resolve(o.out);
  const lines = [
    '#!/bin/bash',
    o.scan
      ? `# fipgen sharded scan of ${o.scenario} (${o.scan.join(' ')}), ${o.events} events per mass, masses in ${o.shards} shards (seed ${o.seed}).`
      : `# fipgen sharded run: ${o.events} events of ${o.scenario} in ${o.shards} shards (seed ${o.seed}).`,
    '# Submit with: sbatch <this file>; then: fipgen merge ' + shellQuote(out) + ' --summary',
    `#SBATCH --job-name=${o.jobName}`,
    `#SBATCH --array=0-${o.shards - 1}${o.maxRunning ? `%${o.maxRunning}` : ''}`,
    `#SBATCH --time=${o.time}`,
    `#SBATCH --mem=${o.mem}`,
    `#SBATCH --cpus-per-task=${o.cpus}`,
    `#SBATCH --output=${out}/_slurm-%A_%a.log`,
  ];
  if (o.gpus && o.backend === 'webgpu') lines.push(`#SBATCH --gres=gpu:${o.gpus}`);
  if (o.partition) lines.push(`#SBATCH --partition=${o.partition}`);
  if (o.account) lines.push(`#SBATCH --account=${o.account}`);
  const args = [
    o.scan ? 'scan' : 'run',
    o.isFile ? resolve(o.scenario) : o.scenario,
    ...(o.scan ?? []),
    '--events', String(o.events),
    '--shard', `"$SLURM_ARRAY_TASK_ID/${o.shards}"`,
    '--out', out,
    '--seed', o.seed,
    '--backend', o.backend,
    ...o.set.flatMap((s) => ['--set', s]),
    '--quiet',
  ];
  lines.push(
    'set -euo pipefail',
    `exec ${o.fipgen} ${args.map((a) => (a.startsWith('"$SLURM') ? a : shellQuote(a))).join(' ')}`,
    '',
  );
  return lines.join('\n');
}
