// What people do with quarterly reports, as a person does it: through the
// menu, by the labels and Thai words on the screen. Each step waits for the
// page's answer to what it did (a saved mark, a notice, an error beside a
// field), told from earlier answers by the attempt it answers (./answers.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { ARTIFACTS } from '../harness';
import { after, attemptsOf, nextAnswer } from './answers';

const STATUS_LABELS: Record<string, string> = {
  not_started: 'ยังไม่ดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้ว',
  cancelled: 'ยกเลิก',
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quarterLink(quarter: number): RegExp {
  return new RegExp(`^ไตรมาส ${quarter} \\(`);
}

/** Opens the provincial report page from the menu and chooses the period (and province / plan type when given). */
export async function openProvincial(
  page: Page,
  o: { fiscalYear: number; quarter: number | 'year'; province?: string; planType?: string },
): Promise<void> {
  await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'รายงานระดับจังหวัด' }).click();
  await page.getByRole('heading', { name: 'รายงานผลการดำเนินงานระดับจังหวัด' }).waitFor();
  if (o.province !== undefined) await page.getByLabel('จังหวัด', { exact: true }).selectOption(o.province);
  if (o.planType !== undefined) await page.getByLabel('ประเภทแผน').selectOption(o.planType);
  await page.getByLabel('ปีงบประมาณ (พ.ศ.)').selectOption(String(o.fiscalYear));
  await page.getByLabel('ช่วงเวลา').selectOption(o.quarter === 'year' ? '0' : String(o.quarter));
  const q = o.quarter === 'year' ? 0 : o.quarter;
  await page.waitForURL(new RegExp(`fy=${o.fiscalYear}&q=${q}`));
  // The report the server computed for this period (what another period loaded is never shown for it)…
  await page.locator(`section[data-fiscal-year="${o.fiscalYear}"][data-quarter="${q}"]`).waitFor();
  // …and the agencies' standing for it, which is loading or loaded by now.
  await page.getByRole('region', { name: /^สถานะการรายงานของหน่วยงาน/ }).locator('.loading').waitFor({ state: 'detached' });
}

/**
 * Opens one plan's report for a quarter: agency staff from their list of
 * reports, the committee from the provincial page's status table.
 */
export async function openReport(page: Page, o: { planTitleContains: string; quarter: number; fiscalYear?: number }): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'เมนูหลัก' });
  const ownList = menu.getByRole('link', { name: 'รายงานผลรายไตรมาส' });
  if (await ownList.count()) {
    await ownList.click();
    await page.getByRole('heading', { name: 'รายงานผลการดำเนินงานรายไตรมาส' }).waitFor();
    const plan = page.locator('section.card').filter({ has: page.getByRole('heading', { name: o.planTitleContains }) });
    await plan.getByRole('link', { name: quarterLink(o.quarter) }).click();
  } else {
    if (o.fiscalYear === undefined) throw new Error('the committee finds a report by fiscal year: give fiscalYear');
    await openProvincial(page, { fiscalYear: o.fiscalYear, quarter: o.quarter });
    const table = page.getByTestId('provincial-status');
    await table.locator('th', { hasText: o.planTitleContains }).first().getByRole('link', { name: quarterLink(o.quarter) }).click();
  }
  await page.getByRole('heading', { level: 1, name: new RegExp(`^รายงานผลการดำเนินงาน ไตรมาส ${o.quarter} `) }).waitFor();
  // The activities are listed once the report has loaded.
  await page.getByRole('heading', { name: /^โครงการ\/กิจกรรม \(\d+\)$/ }).waitFor();
}

/** The card of one activity: by its number on the page (1-based, plan order) or a piece of its title. */
export function activityCard(page: Page, activity: number | string): Locator {
  const name = typeof activity === 'number' ? new RegExp(`^${activity}\\. `) : new RegExp(escape(activity));
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4, name }) });
}

export interface Progress {
  activity: number | string;
  /** not_started, in_progress, done, cancelled — or the Thai label. */
  status: string;
  percent?: number | string;
  /** As typed: "๑๒,๕๐๐" works as well as 12500. */
  disbursed?: number | string;
  result?: number | string;
  note?: string;
  cancelReason?: string;
  overBudgetReason?: string;
}

export interface SaveOutcome {
  saved: boolean;
  /** The messages shown beside fields (and above the button) when the save failed. */
  errors: string[];
}

/** Fills one activity's progress and presses its Save; reports whether it was saved or what the page complained about. */
export async function enterProgress(page: Page, p: Progress): Promise<SaveOutcome> {
  const card = activityCard(page, p.activity);
  await card.getByLabel('สถานะ', { exact: true }).selectOption({ label: STATUS_LABELS[p.status] ?? p.status });
  if (p.percent !== undefined) await card.getByLabel('ร้อยละความก้าวหน้า').fill(String(p.percent));
  if (p.disbursed !== undefined) await card.getByLabel('เบิกจ่ายในไตรมาสนี้ (บาท)').fill(String(p.disbursed));
  if (p.result !== undefined) await card.getByLabel(/^ผลที่ได้/).fill(String(p.result));
  if (p.cancelReason !== undefined) await card.getByLabel('เหตุผลที่ยกเลิก').fill(p.cancelReason);
  if (p.overBudgetReason !== undefined) await card.getByLabel('เหตุผลที่เบิกจ่ายเกินงบประมาณ').fill(p.overBudgetReason);
  if (p.note !== undefined) await card.getByLabel('หมายเหตุ / ผลการดำเนินงานโดยสรุป').fill(p.note);
  return save(card);
}

/** Presses Save on an activity card as it stands (after correcting a field, say). */
export async function saveActivity(page: Page, activity: number | string): Promise<SaveOutcome> {
  return save(activityCard(page, activity));
}

async function save(card: Locator): Promise<SaveOutcome> {
  const form = card.locator('form.report-entry-form');
  const before = await attemptsOf(form);
  await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await after(form, before).waitFor();
  if (await form.locator(`[data-notice="saved"][data-attempt="${before + 1}"]`).count()) return { saved: true, errors: [] };
  return { saved: false, errors: (await card.getByRole('alert').allInnerTexts()).map((t) => t.trim()) };
}

/** The agency head confirms the agency's entries; returns how many were confirmed, or the activities the page says lack entries. */
export async function confirmReport(page: Page): Promise<{ confirmed: number | null; missing: string[] }> {
  const panel = page.getByRole('region', { name: /^หน่วยงานของท่าน/ });
  const before = await attemptsOf(panel);
  await panel.getByRole('button', { name: 'ยืนยันผลการดำเนินงานของหน่วยงาน' }).click();
  const answer = await nextAnswer(panel, before);
  if (answer.notice === 'confirmed') return { confirmed: Number(/\d+/.exec(answer.text)![0]), missing: [] };
  const missing = panel.locator(`[data-problem="entries-missing"][data-attempt="${before + 1}"]`);
  if (await missing.count()) return { confirmed: null, missing: (await missing.getByRole('listitem').allInnerTexts()).map((t) => t.trim()) };
  throw new Error(`confirmation failed: ${answer.text}`);
}

/** Each agency's standing as the report page shows it (agency name → the Thai state label). */
export async function agencyStatuses(page: Page): Promise<{ agency: string; state: string; label: string }[]> {
  const section = page.getByRole('region', { name: 'สถานะการรายงานของหน่วยงาน' });
  const rows = section.locator('tbody tr');
  const out: { agency: string; state: string; label: string }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      agency: (await row.locator('th').innerText()).trim(),
      state: (await row.getAttribute('data-state')) ?? '',
      label: (await row.locator('.badge').innerText()).trim(),
    });
  }
  return out;
}

/** Presses a button of the committee's panel; returns once the page says it is done (showing the report as it now stands). */
async function takeAction(page: Page, button: string, comment?: string): Promise<string> {
  const panel = page.getByRole('region', { name: 'การดำเนินการของคณะกรรมการ' });
  const before = await attemptsOf(panel);
  if (comment !== undefined) await panel.getByLabel('ความเห็น').fill(comment);
  await panel.getByRole('button', { name: button, exact: true }).click();
  const answer = await nextAnswer(panel, before);
  if (!answer.notice) throw new Error(`${button} failed: ${answer.text}`);
  return answer.text;
}

/**
 * The secretary compiles: on the report page with its workflow button, or
 * on the provincial page with the Compile button beside the plan's report.
 */
export async function compileReport(page: Page, o: { planTitleContains?: string } = {}): Promise<void> {
  if (page.url().includes('#/provincial')) {
    const table = page.getByTestId('provincial-status');
    const head = o.planTitleContains ? table.locator('tr', { hasText: o.planTitleContains }).first() : table.locator('tbody');
    const before = await attemptsOf(table);
    await head.getByRole('button', { name: 'รวบรวมรายงาน' }).first().click();
    // Counted once the table shows the outcome: the report's new stage, or the problem beside it.
    await after(table, before).waitFor();
    const error = head.locator('[data-problem]');
    if (await error.count()) throw new Error(`compile failed: ${await error.first().innerText()}`);
    return;
  }
  await takeAction(page, 'รวบรวมรายงาน');
}

/** A committee member acknowledges the compiled report. */
export async function acknowledgeReport(page: Page): Promise<void> {
  await takeAction(page, 'รับทราบ');
}

/** A committee member (or the secretary) sends the report back to the agencies, with the comment it requires. */
export async function returnReport(page: Page, comment: string): Promise<void> {
  await takeAction(page, 'ส่งกลับแก้ไข', comment);
}

/** The secretary opens a future quarter early. */
export async function openEarly(page: Page): Promise<void> {
  await takeAction(page, 'เปิดรับข้อมูลก่อนกำหนด');
}

/** Where a downloaded report was kept (with its own name and extension, for tools that go by it). */
export function savedPath(download: Download): string {
  return join(ARTIFACTS, 'downloads', download.suggestedFilename());
}

async function keep(download: Download): Promise<Download> {
  mkdirSync(join(ARTIFACTS, 'downloads'), { recursive: true });
  await download.saveAs(savedPath(download));
  return download;
}

const FORMAT_BUTTONS = {
  csv: 'ดาวน์โหลด CSV',
  xlsx: 'ดาวน์โหลด Excel (XLSX)',
  html: 'ดาวน์โหลดฉบับพิมพ์ (HTML)',
} as const;

/** Downloads the provincial report shown on the page; the file is kept under the artifacts' downloads folder. */
export async function downloadProvincial(page: Page, format: 'csv' | 'xlsx' | 'html'): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: FORMAT_BUTTONS[format] }).click()]);
  return keep(download);
}

/** The secretary downloads the acknowledged report's package (ZIP). */
export async function downloadPackage(page: Page): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลดชุดรายงาน (ZIP)' }).click(),
  ]);
  return keep(download);
}

/**
 * The secretary records that the package went to `recipient` (by hand, outside
 * planflow); resolves once the deliveries table shows it as sent.
 */
export async function markPackageSent(page: Page, recipient: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'การดำเนินการของคณะกรรมการ' });
  const row = (): Locator => panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: recipient, exact: true }) });
  const before = await attemptsOf(panel);
  await row().getByRole('button', { name: 'บันทึกว่าส่งแล้ว' }).click();
  const answer = await nextAnswer(panel, before);
  if (!answer.notice) throw new Error(`marking the package sent failed: ${answer.text}`);
  // The table reloads after the notice: wait for the row as it now stands.
  await row().getByRole('cell', { name: 'ส่งแล้ว', exact: true }).waitFor();
}
