// How a step knows that what the page shows answers what the step just did,
// and not something done before: the part of the page that acts counts its
// finished attempts (data-attempts), and its notice or problem names the
// attempt it answers (data-attempt, with data-notice or data-problem). See
// web/src/lib/attempts.ts.
import type { Locator } from 'playwright-core';

/** How many attempts the area has finished so far. */
export async function attemptsOf(area: Locator): Promise<number> {
  return Number((await area.getAttribute('data-attempts')) ?? '0');
}

/** The area once it has finished more than `before` attempts. */
export function after(area: Locator, before: number): Locator {
  return area.locator(`xpath=self::*[@data-attempts>${before}]`);
}

/** Within `scope`, whatever answers attempt number `attempt`: a notice or a problem. */
export function answerTo(scope: Locator, attempt: number): Locator {
  return scope.locator(`[data-attempt="${attempt}"]`);
}

/** Within `scope`, a notice of this kind answering an attempt made after the first `before`. */
export function noticeAfter(scope: Locator, before: number, kind: string): Locator {
  return scope.locator(`xpath=.//*[@data-notice="${kind}"][@data-attempt>${before}]`);
}

/** The next answer of the area after `before` attempts: the notice's kind, or null and the problem's words. */
export async function nextAnswer(area: Locator, before: number): Promise<{ notice: string | null; text: string }> {
  await after(area, before).waitFor();
  const answer = answerTo(area, before + 1);
  if (!(await answer.count())) {
    // Refused before anything was sent: the reasons are beside the fields.
    return { notice: null, text: (await area.getByRole('alert').allInnerTexts()).join(' · ') };
  }
  return { notice: await answer.first().getAttribute('data-notice'), text: (await answer.first().innerText()).trim() };
}
