import { describe, expect, it } from 'vitest';
import { decimate } from '../../lib/plot/index.js';

describe('decimate', () => {
  it('keeps each column\'s min and max in step order, and everything when short', () => {
    expect(decimate((i) => i, 5, 10)).toHaveLength(5);
    const pts = decimate((i) => (i % 100 === 37 ? 10 : i % 100 === 71 ? -10 : 0), 1000, 10);
    expect(pts).toHaveLength(20);
    expect(pts.filter((p) => p.value === 10)).toHaveLength(10);
    expect(pts.filter((p) => p.value === -10)).toHaveLength(10);
    pts.slice(1).forEach((p, i) => expect(p.step).toBeGreaterThan(pts[i]!.step));
  });
});
