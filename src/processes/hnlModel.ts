/**
 * What the HNL processes share: the mixing from model.mixing and model.U2, N's decay table
 * (src/physics/hnl/decay.ts), and the model's sampler parameters and summary rows.
 */
import { InputError } from '../config/errors.js';
import type { HnlModel } from '../config/schema.js';
import { hnlDecayTable } from '../physics/hnl/decay.js';
import { mixingFrom, parseMixingRatios } from '../physics/hnl/mixing.js';

export function planHnlModel(model: HnlModel) {
  const fractions = parseMixingRatios(model.mixing);
  if (typeof fractions === 'string') throw new InputError('model.mixing', model.mixing, fractions);
  const U = mixingFrom(model.U2, fractions);
  const table = hnlDecayTable(model.mass, U, model.majorana);
  return {
    U,
    table,
    params: { hnl_mass: model.mass, hnl_ctau: table.ctau, majorana: model.majorana ? 1 : 0, polarised: model.polarised ? 1 : 0 },
    info: {
      'HNL mass [GeV]': model.mass,
      'mixing U_e^2, U_mu^2, U_tau^2': [U.e, U.mu, U.tau],
      'HNL type': model.majorana ? 'Majorana' : 'Dirac',
      'polarised decays': model.polarised,
      'HNL total width [GeV]': table.totalWidth,
      'HNL c*tau [m]': table.ctau,
      'decay regime': table.regime,
    },
  };
}
