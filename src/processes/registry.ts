/** Process definitions by the scenario's `process` field. */
import type { Scenario } from '../config/schema.js';
import { na62DumpHnl } from './na62DumpHnl.js';
import { na62KaonHnl } from './na62KaonHnl.js';
import { muonTargetZprime } from './muonTargetZprime.js';
import { na62KaonZprime } from './na62KaonZprime.js';
import { nucleusCevns } from './nucleusCevns.js';
import { nucleusDipole } from './nucleusDipole.js';
import type { ProcessDefinition } from './process.js';

const PROCESSES: Readonly<Record<Scenario['process'], ProcessDefinition>> = {
  'na62-kaon-hnl': na62KaonHnl as unknown as ProcessDefinition,
  'na62-dump-hnl': na62DumpHnl as unknown as ProcessDefinition,
  'na62-kaon-zprime': na62KaonZprime as unknown as ProcessDefinition,
  'muon-target-zprime': muonTargetZprime as unknown as ProcessDefinition,
  'nucleus-cevns': nucleusCevns as unknown as ProcessDefinition,
  'nucleus-dipole': nucleusDipole as unknown as ProcessDefinition,
};

export function processFor(scenario: Scenario): ProcessDefinition {
  return PROCESSES[scenario.process];
}
