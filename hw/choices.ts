/**
 * The readings of ambiguous or silent text that the blocks' local rules
 * depend on, by register id and option name. The register itself
 * (model/readings.ts, with quotes, questions and defaults) must provide at
 * least these; the model checks that at compile time. Kept here so the
 * blocks depend on nothing above them.
 */
export interface BlockReadings {
  readonly 'D2-act-on-async-exit': 'online-ready' | 'offline';
  readonly 'D3-crosslink-loss': 'back-to-divide' | 'states-unchanged';
  readonly 'D6-async-exit-trigger': 'almost-full' | 'full' | 'trace-almost-full';
  readonly 'D7-table4-offline-rows': 'offline-restricted' | 'recover-restricted';
  readonly 'S1-power-on-arbitration': 'arbitrated' | 'snapshot-at-power-on';
  readonly 'S2-mode-at-sync-reset': 'source-becomes-act' | 'keep-modes';
  readonly 'S3-promotion-on-act-loss': 'promote' | 'keep-sby';
  readonly 'S4-survivor-state': 'online-ready' | 'stay';
  readonly 'S5-act-failure-in-pre-online-sync': 'separate-failed-act' | 'literal';
  readonly 'S6-act-failure-in-online-async': 'sby-takes-over' | 'sby-leaves-too';
  readonly 'S7-io-disagreement': 'async' | 'separate-sby' | 'fault-sby';
  readonly 'S11-trace-overflow': 'stall' | 'untraced';
  readonly 'S12-cross-system-gate': 'both-controllers' | 'requester-only';
  readonly 'S13-n3-copy-source': 'online-sync-group' | 'online-ready-only' | 'act-in-online-sync';
  readonly 'S17-forced-isolation': 'not-pre-online-sync-act' | 'any-system';
}
