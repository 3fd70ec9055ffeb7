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
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { InputError } from '../config/errors.js';
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
  private readonly fd: number;
  /** Moves the writer's queued bytes to the file, chunk by chunk, until the writer closes. */
  private readonly pump: Promise<void>;
  private failed: Error | undefined;

  constructor(
    readonly path: string,
    private readonly schema: Schema,
  ) {
    installCleanup();
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    liveTemporaries.add(this.tmp);
    let fd: number;
    try {
      fd = openSync(this.tmp, 'w');
    } catch (e) {
      liveTemporaries.delete(this.tmp);
      throw new InputError('--out', path, `cannot write there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    // Make our schema object the writer's (each record batch carries its own copy), so the
    // totals that close() adds to its metadata reach the footer.
    this.fd = fd;
    this.writer.reset(undefined, schema);
    // Synchronous writes of whole chunks: to the page cache they cost less than a Node
    // stream's bookkeeping, and memory stays bounded because write() waits for the pump.
    this.pump = (async () => {
      try {
        for await (const chunk of this.writer) writeAll(fd, chunk);
      } catch (e) {
        this.failed = e as Error;
      }
    })();
  }

  /** Appends a batch; resolves once its bytes are in the file. */
  async write(batch: RecordBatch): Promise<void> {
    if (this.failed) throw this.failed;
    this.writer.write(batch);
    // The pump runs on promise callbacks: one macrotask later it has written everything queued.
    await new Promise((r) => setImmediate(r));
    const err = this.failed as Error | undefined;
    if (err) throw new Error(`writing ${this.path}: ${err.message}`);
  }

  /** Adds the run totals to the schema metadata, writes the footer, renames the file into place. */
  async close(finalMetadata: Readonly<Record<string, string>>): Promise<void> {
    for (const [k, v] of Object.entries(finalMetadata)) this.schema.metadata.set(k, v);
    await this.writer.close();
    await this.pump;
    closeSync(this.fd);
    if (this.failed) throw new Error(`writing ${this.path}: ${this.failed.message}`);
    renameSync(this.tmp, this.path);
    liveTemporaries.delete(this.tmp);
  }

  /** Drops the partial file. */
  async abort(): Promise<void> {
    try {
      this.writer.abort();
      await this.pump;
      closeSync(this.fd);
    } catch {
      /* already closed */
    } finally {
      rmSync(this.tmp, { force: true });
      liveTemporaries.delete(this.tmp);
    }
  }
}

/** writeSync until every byte of the chunk is written (a write may be partial). */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let off = 0; off < chunk.byteLength; ) off += writeSync(fd, chunk, off, chunk.byteLength - off);
}
