import { describe, expect, it } from 'vitest';
import { attempted, cleared, NO_ATTEMPTS } from '../../src/lib/attempts';

describe('attempts and what they said', () => {
  it('counts every finished attempt, failures too', () => {
    const failed = attempted(NO_ATTEMPTS);
    expect(failed).toEqual({ count: 1, said: null });
    expect(attempted(attempted(failed)).count).toBe(3);
  });

  it('numbers a success’s notice with the attempt it answers', () => {
    const first = attempted(NO_ATTEMPTS, { notice: 'saved', text: 'บันทึกแล้ว' });
    expect(first.said).toEqual({ notice: 'saved', text: 'บันทึกแล้ว', attempt: 1 });
    const again = attempted(attempted(first), { notice: 'saved', text: 'บันทึกแล้ว' });
    expect(again.said!.attempt).toBe(3);
  });

  it('drops an earlier success’s notice when a later attempt fails, so it cannot pass for that attempt’s answer', () => {
    const ok = attempted(NO_ATTEMPTS, { notice: 'moved', text: 'done' });
    expect(attempted(ok)).toEqual({ count: 2, said: null });
  });

  it('leaves the previous state as it was', () => {
    const before = attempted(NO_ATTEMPTS, { notice: 'saved', text: 'x' });
    attempted(before);
    expect(before).toEqual({ count: 1, said: { notice: 'saved', text: 'x', attempt: 1 } });
  });

  it('puts a notice away without forgetting the count, so the next answer still comes after it', () => {
    const ok = attempted(attempted(NO_ATTEMPTS), { notice: 'user-created', text: 'x' });
    expect(cleared(ok)).toEqual({ count: 2, said: null });
    expect(attempted(cleared(ok), { notice: 'user-created', text: 'y' }).said!.attempt).toBe(3);
  });
});
