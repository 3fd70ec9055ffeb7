/**
 * One shard of a run into a dataset directory (src/output/dataset.ts): the manifest is
 * created or checked, the shard's events go to its Arrow file, then its record is written.
 * Re-running a shard replaces both atomically.
 */
import { ensureManifest, scenarioHash, shardPaths, writeShardRecord } from '../output/dataset.js';
import { FIPGEN_VERSION, gitRevision, run, type RunOptions, type RunSummary } from './run.js';
import { type Shard, shardRange } from './shard.js';
import { basename } from 'node:path';

export async function runShard(opts: Omit<RunOptions, 'out' | 'firstEvent' | 'totalEvents'>, dir: string, shard: Shard): Promise<RunSummary> {
  const hash = scenarioHash(opts.scenario);
  ensureManifest(dir, {
    fipgen_version: FIPGEN_VERSION,
    scenario: opts.scenario,
    scenario_hash: hash,
    seed: opts.seed,
    total_events: opts.events,
    shards: shard.count,
  });
  const { first, events } = shardRange(opts.events, shard);
  const paths = shardPaths(dir, shard);
  const summary = await run({
    ...opts,
    events,
    firstEvent: first,
    totalEvents: opts.events,
    out: paths.arrow,
    extraMetadata: { 'fipgen.shard': `${shard.index}/${shard.count}`, 'fipgen.scenario_hash': hash },
  });
  writeShardRecord(paths.record, {
    shard: shard.index,
    shards: shard.count,
    first_event: first,
    events,
    scenario_hash: hash,
    seed: opts.seed,
    file: basename(paths.arrow),
    git_revision: gitRevision(),
    summary,
  });
  return summary;
}
