/**
 * Concatenates the Arrow files of a sharded run, in event order, into one Arrow file (for
 * users who want a single file; readers of the dataset directory do not need it). Memory:
 * one shard file at a time.
 */
import { readFileSync } from 'node:fs';
import { DataType, makeData, RecordBatch, Schema, Struct, tableFromIPC, type Data, type Vector } from 'apache-arrow';
import { ArrowFileSink } from './arrowFile.js';

export async function writeMergedFile(files: readonly string[], out: string, metadata: Readonly<Record<string, string>>, totals: Readonly<Record<string, string>>): Promise<void> {
  let schema: Schema | undefined;
  let sink: ArrowFileSink | undefined;
  // The file format allows one dictionary per column: every batch must point at the first.
  const dictionaries = new Map<number, Vector>();
  try {
    for (const file of files) {
      const table = tableFromIPC(readFileSync(file));
      if (!schema) {
        schema = new Schema(table.schema.fields, new Map(Object.entries(metadata)));
        sink = new ArrowFileSink(out, schema);
      }
      if (table.schema.fields.map((f) => f.name).join() !== schema.fields.map((f) => f.name).join()) {
        throw new Error(`${file}: its columns differ from the first shard's`);
      }
      for (const batch of table.batches) {
        const children = batch.data.children.map((child: Data, i) => {
          const type = schema!.fields[i].type;
          if (!DataType.isDictionary(type) || !child.dictionary) return child;
          const first = dictionaries.get(type.id);
          if (!first) {
            dictionaries.set(type.id, child.dictionary);
            return child;
          }
          if (JSON.stringify(first.toArray()) !== JSON.stringify(child.dictionary.toArray())) {
            throw new Error(`${file}: column ${schema!.fields[i].name} has other channel labels than the first shard`);
          }
          return makeData({ type, length: child.length, data: child.values, dictionary: first });
        });
        await sink!.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: batch.numRows, nullCount: 0, children })));
      }
    }
    if (!sink) throw new Error('no shard files to merge');
    await sink.close(totals);
  } catch (e) {
    await sink?.abort();
    throw e;
  }
}
