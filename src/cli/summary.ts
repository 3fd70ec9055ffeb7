/** The end-of-run summary, as a table for people or JSON for scripts. */
import Table from 'cli-table3';
import type { RunSummary } from '../engine/run.js';

const fmtInt = (n: number) => n.toLocaleString('en-US');
const fmtNum = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? x.toPrecision(5) : x.toExponential(4));

export function summaryTable(s: RunSummary): string {
  const main = new Table({ style: { head: [], border: [], compact: true } });
  main.push(
    { scenario: s.scenario },
    { backend: `${s.backend} (${s.adapter})` },
    { seed: s.seed },
    { 'events generated': fmtInt(s.events) },
    { 'events accepted': `${fmtInt(s.accepted)} (${((100 * s.accepted) / Math.max(1, s.events)).toFixed(2)}%)` },
    { 'expected events, generated channels (sum of weights)': fmtNum(s.sumWeights) },
    { 'expected accepted events (sum of accepted weights)': `${fmtNum(s.sumWeightsAccepted)} +- ${fmtNum(s.sumWeightsAcceptedError)} (MC stat.)` },
    { time: `${s.seconds.toFixed(2)} s` },
    { 'events/s': fmtNum(s.eventsPerSecond) },
    { output: s.out ?? '(none)' },
  );
  const channels = new Table({ head: ['channel', 'events', 'accepted', 'expected', 'expected accepted'], style: { head: [], border: [], compact: true } });
  for (const [label, t] of [...Object.entries(s.byProductionChannel), ...Object.entries(s.byDecayChannel).map(([l, t]) => [`N -> ${l}`, t] as const)]) {
    channels.push([label, fmtInt(t.events), fmtInt(t.accepted), fmtNum(t.sumWeights), fmtNum(t.sumWeightsAccepted)]);
  }
  return `${main.toString()}\n${channels.toString()}\n`;
}

export function summaryJson(s: RunSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
