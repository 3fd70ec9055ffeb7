/** The end-of-run summary, as a table for people or JSON for scripts. */
import Table from 'cli-table3';
import type { ChannelTotals, RunSummary, SpectrumTotals } from '../engine/run.js';
import type { MergeReport } from '../output/dataset.js';

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
    ...Object.entries(s.derived).map(([k, v]) => ({ [k]: fmtNum(v) })),
  );
  return `${main.toString()}\n${channelTable(s.byProductionChannel, s.byDecayChannel)}${spectrumTable(s.spectrum)}`;
}

/** The spectrum's bins: expected accepted events with their MC error, and the accepted count. */
function spectrumTable(sp: SpectrumTotals | null): string {
  if (!sp) return '';
  const unit = sp.display.unit;
  const t = new Table({ head: [`${sp.label} [${unit}]`, 'accepted', 'expected accepted', 'MC error'], style: { head: [], border: [], compact: true } });
  const edge = (x: number) => fmtNum(x * sp.display.factor);
  const row = (range: string, g: ChannelTotals) => t.push([range, fmtInt(g.accepted), fmtNum(g.sumWeightsAccepted), fmtNum(Math.sqrt(g.sumWeights2Accepted))]);
  row(`< ${edge(sp.edges[0])}`, sp.underflow);
  sp.bins.forEach((g, k) => row(`${edge(sp.edges[k])} - ${edge(sp.edges[k + 1])}`, g));
  row(`>= ${edge(sp.edges[sp.edges.length - 1])}`, sp.overflow);
  return `${t.toString()}\n`;
}

function channelTable(production: Readonly<Record<string, ChannelTotals>>, decay: Readonly<Record<string, ChannelTotals>>): string {
  const channels = new Table({ head: ['channel', 'events', 'accepted', 'expected', 'expected accepted'], style: { head: [], border: [], compact: true } });
  for (const [label, t] of [...Object.entries(production), ...Object.entries(decay).map(([l, t]) => [`decay: ${l}`, t] as const)]) {
    channels.push([label, fmtInt(t.events), fmtInt(t.accepted), fmtNum(t.sumWeights), fmtNum(t.sumWeightsAccepted)]);
  }
  return `${channels.toString()}\n`;
}

export function summaryJson(s: RunSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export function mergeTable(r: MergeReport, perChannel: boolean): string {
  const t = new Table({ style: { head: [], border: [], compact: true } });
  const list = (ks: number[]) => (ks.length === 0 ? 'none' : ks.length > 40 ? `${ks.slice(0, 40).join(', ')}, ... (${ks.length})` : ks.join(', '));
  t.push(
    { directory: r.dir },
    { scenario: `${r.manifest.scenario.name} (hash ${r.manifest.scenario_hash})` },
    { seed: r.manifest.seed },
    { shards: `${r.complete.length} of ${r.manifest.shards} complete` },
    { 'missing shards': list(r.missing) },
    { 'unfinished shards (temporary file left)': list(r.unfinished) },
    { 'events': `${fmtInt(r.events)} of ${fmtInt(r.manifest.total_events)}` },
    { 'events accepted': fmtInt(r.accepted) },
    { 'expected events, generated channels (sum of weights)': fmtNum(r.sumWeights) },
    { 'expected accepted events (sum of accepted weights)': `${fmtNum(r.sumWeightsAccepted)} +- ${fmtNum(r.sumWeightsAcceptedError)} (MC stat.)` },
  );
  let text = `${t.toString()}\n`;
  for (const p of r.problems) text += `problem: ${p}\n`;
  if (perChannel) text += channelTable(r.byProductionChannel, r.byDecayChannel) + spectrumTable(r.spectrum);
  return text;
}

export function mergeJson(r: MergeReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
