/**
 * Streams record batches into an Arrow IPC file with bounded memory. The file is written
 * under a temporary name beside the target and renamed only when complete, so a failed or
 * interrupted run never leaves a file that looks finished.
 *
 * Run totals (sum of weights, accepted events) are known only at the end. That is no
 * obstacle: apache-arrow's file writer stores the schema, with its metadata, once, in the
 * footer written at close (the file starts with the magic bytes and the record batches),
 * and file readers (pyarrow, polars, apache-arrow) take the schema from there.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { RecordBatchFileWriter, type RecordBatch, type Schema } from 'apache-arrow';

/** Temporary files of unfinished runs, removed on exit or signal. */
const liveTemporaries = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const clean = (): boolean => {
    const any = liveTemporaries.size > 0;
    for (const f of liveTemporaries) rmSync(f, { force: true });
    liveTemporaries.clear();
    return any;
  };
  process.on('exit', clean);
  for (const [sig, number] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
    process.once(sig, () => {
      if (clean()) process.stderr.write(`\nfipgen: interrupted (${sig}); the unfinished output file was removed\n`);
      process.exit(128 + number);
    });
  }
}

export class ArrowFileSink {
  private readonly tmp: string;
  private readonly writer = new RecordBatchFileWriter();
  private readonly file: WriteStream;
  private readonly done: Promise<void>;
  private failed: Error | undefined;

  constructor(
    readonly path: string,
    private readonly schema: Schema,
  ) {
    installCleanup();
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    liveTemporaries.add(this.tmp);
    this.file = createWriteStream(this.tmp);
    this.file.on('error', (e) => {
      this.failed = e;
    });
    this.writer.toNodeStream().pipe(this.file);
    this.done = once(this.file, 'close').then(() => undefined);
    // Make our schema object the writer's (each record batch carries its own copy), so the
    // totals that close() adds to its metadata reach the footer.
    this.writer.reset(undefined, schema);
  }

  /** Appends a batch; resolves once the file stream has room for more (back-pressure). */
  async write(batch: RecordBatch): Promise<void> {
    if (this.failed) throw this.failed;
    this.writer.write(batch);
    // Let the pipe move the queued bytes, then wait while the disk is behind.
    await new Promise((r) => setImmediate(r));
    while (this.file.writableNeedDrain && !this.failed) await once(this.file, 'drain');
    const err = this.failed as Error | undefined; // set by the stream's error event meanwhile
    if (err) throw new Error(`writing ${this.path}: ${err.message}`);
  }

  /** Adds the run totals to the schema metadata, writes the footer, renames the file into place. */
  async close(finalMetadata: Readonly<Record<string, string>>): Promise<void> {
    for (const [k, v] of Object.entries(finalMetadata)) this.schema.metadata.set(k, v);
    await this.writer.close();
    await this.done;
    if (this.failed) throw new Error(`writing ${this.path}: ${this.failed.message}`);
    renameSync(this.tmp, this.path);
    liveTemporaries.delete(this.tmp);
  }

  /** Drops the partial file. */
  async abort(): Promise<void> {
    try {
      this.writer.abort();
      this.file.destroy();
    } finally {
      rmSync(this.tmp, { force: true });
      liveTemporaries.delete(this.tmp);
    }
  }
}
