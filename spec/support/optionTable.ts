// One option table of every kind, for the specs of the table reader and of its descriptions.
import type { OptionTable } from '../../lib/internal/options.js';

export const table = {
  every: { type: 'number', range: 'positive', default: 1, doc: 'steps per application' },
  staircase: { type: 'boolean', default: false, doc: 'floor the progress' },
  mode: { type: 'choice', values: ['a', 'b'], default: 'a', doc: 'the mode' },
  up: { type: 'number', range: 'positiveCount', required: true, doc: 'steps up' },
  range: { type: 'stepRange', doc: 'steps with noise' },
} as const satisfies OptionTable;
