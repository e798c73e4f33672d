// What a part of a page has answered to what the person asked of it. Every
// finished attempt is counted, success or failure, and a success's notice
// carries the number of the attempt it answers: whoever waits for the answer
// to what they just did (a test, a screen reader's live region) can tell it
// from an earlier one still on the screen.

/** A success, in words, with what kind of success it is (data-notice). */
export interface Said {
  notice: string;
  text: string;
  /** The attempt this answers, counted from 1. */
  attempt: number;
}

export interface Attempts {
  /** Finished attempts (data-attempts). */
  count: number;
  /** The notice of the last attempt, if it succeeded. */
  said: Said | null;
}

export const NO_ATTEMPTS: Attempts = { count: 0, said: null };

/**
 * One more attempt finished: with its notice when it succeeded; without one
 * when it failed (the failure is shown where it happened, and an earlier
 * success must not look like the answer to this attempt).
 */
export function attempted(previous: Attempts, success?: { notice: string; text: string }): Attempts {
  const count = previous.count + 1;
  return { count, said: success ? { ...success, attempt: count } : null };
}

/** The notice put away (the person moved on to something else); the count stays. */
export function cleared(previous: Attempts): Attempts {
  return { ...previous, said: null };
}
