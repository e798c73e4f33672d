// Browser steps for plans, as an officer, a head or a committee member does
// them: by visible Thai labels and buttons, never by calling the API.
import type { Locator, Page } from 'playwright-core';
import { attemptsOf, nextAnswer } from './answers';

/** Uploads a document on "จัดทำแผนใหม่", reads it, and creates the draft; returns the plan id. */
export async function importPlan(page: Page, file: string, onPreview?: () => Promise<void>): Promise<number> {
  await page.getByRole('link', { name: 'จัดทำแผนใหม่' }).first().click();
  await page.getByLabel('ไฟล์เอกสาร').setInputFiles(file);
  await page.getByRole('button', { name: 'อ่านและตรวจสอบ' }).click();
  await page.getByTestId('import-budget').waitFor();
  if (onPreview) await onPreview();
  await page.getByRole('button', { name: 'สร้างฉบับร่างจากเอกสารนี้' }).click();
  await page.waitForURL(/#\/plans\/\d+$/);
  return Number(/plans\/(\d+)/.exec(page.url())![1]);
}

/** The text of every finding shown next to a field with this code. */
export async function findingsShown(page: Page, code: string): Promise<number> {
  return page.locator(`.content-editor [data-finding="${code}"]`).count();
}

/**
 * Replaces text in the fields that carry a finding of this code: the fix an
 * officer makes for "other_province" (an agency of another province).
 */
export async function fixFieldsFlagged(page: Page, code: string, from: string, to: string): Promise<number> {
  const fields = page.locator(`.content-editor [data-pointer]:has(> .findings [data-finding="${code}"]), .content-editor .list-row:has(.findings [data-finding="${code}"])`);
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const input = fields.nth(i).locator('input, textarea').first();
    const value = await input.inputValue();
    await input.fill(value.replaceAll(from, to));
  }
  return count;
}

/** Types into a field of the content by its JSON pointer (e.g. a budget in Thai numerals). */
export async function typeAt(page: Page, pointer: string, text: string): Promise<void> {
  const place = page.locator(`[data-pointer="${pointer}"]`);
  for (const details of await page.locator(`details:has([data-pointer="${pointer}"])`).all()) {
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('> summary').click();
  }
  const input = place.locator('input, textarea').first();
  await input.fill(text);
}

/** The content tab's editor: it counts its saves (data-attempts). */
export function contentEditor(page: Page): Locator {
  return page.locator('article.plan section:has(> .save-bar)');
}

/** Saves the content as the next revision; returns the revision the page then shows. */
export async function saveRevision(page: Page): Promise<number> {
  const editor = contentEditor(page);
  const before = await attemptsOf(editor);
  await editor.getByRole('button', { name: 'บันทึกฉบับแก้ไข' }).first().click();
  const answer = await nextAnswer(editor, before);
  if (answer.notice !== 'saved') throw new Error(`saving failed: ${answer.text}`);
  return Number(await page.locator('article.plan').getAttribute('data-revision'));
}

/**
 * Takes a workflow action by its Thai title, with a comment when given.
 * Returns once the page says it is done, which it does when it shows the plan
 * as it now stands: "moved" (to another stage) or "signed" (a signature
 * recorded, the quorum not yet met).
 */
export async function takeAction(page: Page, title: string, comment?: string): Promise<'moved' | 'signed'> {
  const actions = page.locator('article.plan section.actions');
  const before = await attemptsOf(actions);
  await actions.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: `ยืนยัน${title}` }).click();
  const answer = await nextAnswer(actions, before);
  if (answer.notice !== 'moved' && answer.notice !== 'signed') throw new Error(`${title} failed: ${answer.text}`);
  return answer.notice;
}

export async function openFromInbox(page: Page, titleContains: string): Promise<void> {
  await page.getByRole('link', { name: 'รอการพิจารณาของฉัน' }).click();
  // The inbox itself first: a link on the page being left must not be taken for one in the list.
  await page.getByRole('heading', { level: 1, name: 'แผนที่รอการพิจารณาของฉัน' }).waitFor();
  await page.getByRole('link', { name: new RegExp(titleContains) }).first().click();
  await page.locator('article.plan').waitFor();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.locator('nav.tabs').getByRole('link', { name: new RegExp(`^${name}`) }).click();
}

export async function stageOf(page: Page): Promise<string | null> {
  return page.locator('article.plan').getAttribute('data-stage');
}
