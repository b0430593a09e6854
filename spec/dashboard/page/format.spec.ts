import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatSteps, formatTicks, formatValue } from '../../../lib/dashboard/page/format.js';

describe('page number formats', () => {
  it('values: four significant digits, an exponent outside [1e-3, 1e5)', () => {
    expect([0.00287654, 0.95, 1.5e-7, 123456, 0, -0.5, Number.NaN, null].map(formatValue)).toEqual(['0.002877', '0.95', '1.50e-7', '1.23e5', '0', '-0.5', '–', '–']);
  });

  it('counts with thousands separators, durations in the unit that reads best', () => {
    expect([0, 999, 1000, 1234567, 40000].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567', '40,000']);
    expect([850, 12_340, 245_000, 7_380_000].map(formatDuration)).toEqual(['850 ms', '12.3 s', '4 min 05 s', '2 h 03 min']);
  });

  it('axis ticks: one unit per axis', () => {
    expect(formatSteps([0, 2500, 5000, 7500, 10000])).toEqual(['0', '2.5k', '5k', '7.5k', '10k']);
    expect(formatSteps([0, 500000, 1000000])).toEqual(['0', '0.5M', '1M']);
    expect(formatSteps([0, 50, 100])).toEqual(['0', '50', '100']);
    expect(formatTicks([0, 0.001, 0.002, 0.003])).toEqual(['0', '1.0e-3', '2.0e-3', '3.0e-3']);
    expect(formatTicks([0.85, 0.9, 0.95])).toEqual(['0.85', '0.9', '0.95']);
  });
});
