/**
 * Writing a file so that a reader never sees it half-written: write a temporary name in the
 * same directory, then rename (atomic on POSIX file systems).
 */
import { renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** JSON with the given indentation and a final newline, written atomically. */
export function writeJsonAtomic(path: string, value: unknown, indent = 2): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, indent)}\n`);
}
