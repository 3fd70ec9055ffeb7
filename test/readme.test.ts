/** The README is the user's manual: its Arrow column table must match what fipgen writes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrowLayout } from '../src/output/arrowBatch.js';
import { NA62_KAON_HNL_LAYOUT } from '../src/processes/na62KaonHnl.js';
import { presetNames } from '../src/config/load.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every Arrow column, in the file order, with the unit the field metadata carries', () => {
    const section = readme.slice(readme.indexOf('## The Arrow file'), readme.indexOf('### Weights'));
    const documented: { name: string; unit: string }[] = [];
    for (const line of section.split('\n')) {
      const m = /^\| (`[^|]+`) \|[^|]+\|([^|]*)\|/.exec(line);
      if (!m) continue;
      for (const name of m[1].match(/`([a-z0-9_]+)`/g) ?? []) documented.push({ name: name.slice(1, -1), unit: m[2].trim() });
    }
    const schema = arrowLayout(NA62_KAON_HNL_LAYOUT, ['a'], ['b'], new Map()).schema;
    expect(documented.map((d) => d.name)).toEqual(schema.fields.map((f) => f.name));
    for (const f of schema.fields) {
      const unit = f.metadata.get('unit') ?? '';
      expect(documented.find((d) => d.name === f.name)!.unit, f.name).toBe(unit === '' ? '' : unit);
    }
  });

  it('names every preset in its presets table', () => {
    for (const p of presetNames()) expect(readme).toContain(`| \`${p}\` |`);
  });

  it('shows the two commands: a real run and npm test', () => {
    expect(readme).toContain('npm install && npx fipgen run na62-kaon-hnl');
    expect(readme).toContain('npm test');
  });
});
