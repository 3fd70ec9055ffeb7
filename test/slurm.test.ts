/**
 * A real Slurm: scripts/slurm-local.sh starts a one-node cluster on this machine, a 4-task
 * job array written by `fipgen slurm` runs a small sharded run, and `fipgen merge` of its
 * output equals one unsharded run of the same events: same rows, bit for bit (cpu backend),
 * and the same sums. Needs root and Debian's slurm packages: CI installs them (and fails
 * this test without them); elsewhere it is skipped with a message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const BIN = `${root}bin/fipgen.js`;
const haveSlurm = spawnSync('sh', ['-c', 'command -v slurmctld && command -v slurmd && command -v sbatch && command -v munged'], { encoding: 'utf8' }).status === 0;
const isRoot = process.getuid?.() === 0;
if (!(haveSlurm && isRoot)) {
  const why = !haveSlurm ? 'slurmctld/slurmd/sbatch/munged not installed' : 'not root';
  if (process.env.CI) throw new Error(`CI must run the Slurm test, but ${why}`);
  process.stderr.write(`\n*** Slurm test SKIPPED on this machine: ${why} ***\n\n`);
}

describe.runIf(haveSlurm && isRoot)('sharded run on a one-node Slurm cluster', () => {
  const work = mkdtempSync(join(tmpdir(), 'fipgen-slurm-'));
  // The munge daemon runs as user munge: its folder must be reachable (mkdtemp gives 0700).
  const cluster = mkdtempSync(join(tmpdir(), 'fipgen-slurm-cluster-'));
  chmodSync(cluster, 0o755);
  let env: NodeJS.ProcessEnv = process.env;
  afterAll(() => {
    spawnSync(`${root}scripts/slurm-local.sh`, ['stop', cluster]);
  });

  it('4-task job array, merged, equals one unsharded run', () => {
    const started = execFileSync(`${root}scripts/slurm-local.sh`, ['start', cluster], { encoding: 'utf8' });
    const conf = /SLURM_CONF=(.*)/.exec(started)![1].trim();
    env = { ...process.env, SLURM_CONF: conf };

    const out = join(work, 'results');
    const args = ['na62-kaon-hnl', '--events', '20001', '--seed', '11', '--backend', 'cpu', '--set', 'model.mass=0.32'];
    const script = execFileSync(process.execPath, [BIN, 'slurm', ...args, '--shards', '4', '--out', out, '--mem', '1G'], { encoding: 'utf8', env });
    expect(script).toContain('#SBATCH --array=0-3');
    const job = join(work, 'job.sbatch');
    execFileSync('sh', ['-c', `cat > ${job}`], { input: script });
    execFileSync('sbatch', ['--wait', job], { env, encoding: 'utf8', timeout: 180_000 });

    const merged = join(work, 'merged.arrow');
    const report = JSON.parse(execFileSync(process.execPath, [BIN, 'merge', out, '--json', '--out', merged], { encoding: 'utf8', env }));
    expect(report.ok).toBe(true);
    expect(report.complete).toEqual([0, 1, 2, 3]);

    const single = join(work, 'single.arrow');
    const summary = JSON.parse(execFileSync(process.execPath, [BIN, 'run', ...args, '--out', single, '--json', '--quiet'], { encoding: 'utf8', env }));
    const a = tableFromIPC(readFileSync(merged));
    const b = tableFromIPC(readFileSync(single));
    expect(a.numRows).toBe(20001);
    expect(a.schema.fields.map((f) => f.name)).toEqual(b.schema.fields.map((f) => f.name));
    for (const f of b.schema.fields) {
      const x = a.getChild(f.name)!.toArray();
      const y = b.getChild(f.name)!.toArray();
      let differ = 0;
      for (let i = 0; i < y.length; i++) if (!Object.is(x[i], y[i])) differ++;
      expect(differ, f.name).toBe(0);
    }
    // Sums: shard sums added up differ from one running sum only by the order of additions.
    expect(report.sumWeights / summary.sumWeights - 1).toBeCloseTo(0, 12);
    expect(report.sumWeightsAccepted / summary.sumWeightsAccepted - 1).toBeCloseTo(0, 12);
    expect(report.accepted).toBe(summary.accepted);
  });
});
