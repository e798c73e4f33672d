import { describe, expect, it } from 'vitest';
import { nextEpoch } from '../../src/lib/use-async';

describe('the epoch of a load’s arguments', () => {
  it('starts at 1 and stays while the arguments are the same values', () => {
    const first = nextEpoch(null, [12, 'q1']);
    expect(first.number).toBe(1);
    expect(nextEpoch(first, [12, 'q1'])).toBe(first);
  });

  it('moves on when any argument changes', () => {
    const first = nextEpoch(null, [2566, 1]);
    expect(nextEpoch(first, [2566, 2]).number).toBe(2);
    expect(nextEpoch(first, [2566]).number).toBe(2);
  });

  it('moves on again when the arguments come back to earlier values: what was loaded then may be stale now', () => {
    const q1 = nextEpoch(null, [2566, 1]);
    const q2 = nextEpoch(q1, [2566, 2]);
    const back = nextEpoch(q2, [2566, 1]);
    expect(back.number).toBe(3);
  });

  it('compares by identity, as the hooks do (a new object is a new argument)', () => {
    const first = nextEpoch(null, [{ id: 1 }]);
    expect(nextEpoch(first, [{ id: 1 }]).number).toBe(2);
    expect(nextEpoch(nextEpoch(null, [NaN]), [NaN]).number).toBe(1);
  });
});
