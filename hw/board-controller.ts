/**
 * Board controller 101 ([0032], [0083]-[0084]): applies the power-on reset and
 * sets each system ACT or SBY. [0061]: only one system becomes Online divide.
 */
import type { BlockReadings as Readings } from './choices.js';

/**
 * Whether the board controller sets this system ACT (else SBY).
 * `actHeldNow`: some other powered system holds ACT at this moment;
 * `actSeenAtPowerOn`: some other system held ACT when this one powered on.
 */
export function decidesAct(actHeldNow: boolean, actSeenAtPowerOn: boolean, r: Readings): boolean {
  return r['S1-power-on-arbitration'] === 'arbitrated' ? !actHeldNow : !actSeenAtPowerOn;
}
