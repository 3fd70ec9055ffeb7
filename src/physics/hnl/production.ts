/**
 * HNL production in meson decays (PHYSICS.md section 1.1).
 * Two-body leptonic decays P+ -> l_alpha+ N: Bondarenko, Boyarsky, Gorbunov, Ruchayskiy,
 * "Phenomenology of GeV-scale heavy neutral leptons", arXiv:1805.08567, eq. (3.3);
 * also Gorbunov & Shaposhnikov arXiv:0705.1729 eq. (2.3).
 */
import { CKM, DECAY_CONSTANT_GEV, G_F } from '../constants.js';
import { kallen } from '../kinematics.js';
import { PARTICLES, type Particle, widthFromLifetime } from '../particles.js';
import type { Flavour, Mixing } from './mixing.js';
import type { SemileptonicChannel } from './semileptonic.js';
import type { TauDecayToHnl } from './tau.js';

export const LEPTON_OF: Readonly<Record<Flavour, Particle>> = {
  e: PARTICLES.e,
  mu: PARTICLES.mu,
  tau: PARTICLES.tau,
};

/** A charged pseudoscalar meson with a leptonic decay: its decay constant and CKM element. */
export interface LeptonicParent {
  readonly particle: Particle;
  readonly f: number;
  readonly ckm: number;
}

export const LEPTONIC_PARENTS = {
  K: { particle: PARTICLES.K, f: DECAY_CONSTANT_GEV.K, ckm: CKM.us },
  D: { particle: PARTICLES.D, f: DECAY_CONSTANT_GEV.D, ckm: CKM.cd },
  Ds: { particle: PARTICLES.Ds, f: DECAY_CONSTANT_GEV.Ds, ckm: CKM.cs },
  B: { particle: PARTICLES.B, f: DECAY_CONSTANT_GEV.B, ckm: CKM.ub },
  Bc: { particle: PARTICLES.Bc, f: DECAY_CONSTANT_GEV.Bc, ckm: CKM.cb },
} as const satisfies Record<string, LeptonicParent>;

/**
 * Gamma(P+ -> l+ N) in GeV for a mixing U2 = U_alpha^2 of the lepton's flavour:
 * G_F^2 f_P^2 |V|^2 U^2 m_P^3/(8 pi) [x_l^2 + x_N^2 - (x_N^2 - x_l^2)^2] sqrt(lambda(1, x_N^2, x_l^2)).
 * With mN = 0 and U2 = 1 it is the Standard-Model Gamma(P -> l nu) at tree level.
 */
export function widthLeptonicToHnl(parent: LeptonicParent, lepton: Particle, mN: number, U2: number): number {
  const mP = parent.particle.mass;
  if (mN + lepton.mass >= mP) return 0;
  const xl2 = (lepton.mass / mP) ** 2;
  const xN2 = (mN / mP) ** 2;
  const shape = (xl2 + xN2 - (xN2 - xl2) ** 2) * Math.sqrt(kallen(1, xN2, xl2));
  return ((G_F ** 2 * parent.f ** 2 * parent.ckm ** 2 * U2 * mP ** 3) / (8 * Math.PI)) * shape;
}

/** Production-channel labels, the keys of `fipgen calc hnl` and the generators' dictionaries. */
export const productionLabel = {
  leptonic: (parent: LeptonicParent, a: Flavour) => `${parent.particle.name} -> ${a}+ N`,
  semileptonic: (ch: SemileptonicChannel, a: Flavour) => `${ch.parent.name} -> ${ch.daughter.name} ${a}+ N`,
  tau: (parent: LeptonicParent, decay: TauDecayToHnl) => `${parent.particle.name} -> tau+ nu, tau+ -> ${decay.label}`,
} as const;

/** BR(P+ -> l_alpha+ N) for the mixing U. */
export function brLeptonicToHnl(parent: LeptonicParent, flavour: Flavour, mN: number, U: Mixing): number {
  return widthLeptonicToHnl(parent, LEPTON_OF[flavour], mN, U[flavour]) / widthFromLifetime(parent.particle.lifetime);
}
