// The whole story in a real Chromium against a real planflow, in Thai: the
// administrator sets up a province's agencies and people; an officer imports
// the seed plan, sees what the importer flagged at the fields, fixes it,
// types a budget in Thai numerals, survives a dropped connection and a lapsed
// session without losing input, and submits; the head returns it with a
// comment and then endorses it; two of three committee members approve; the
// agencies report Q1 progress; the secretary compiles and downloads the
// provincial report. Screenshots of the main pages are kept as artifacts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, launchBrowser, PASSWORD, screenshot, SEEDS_DIR, signedIn, startPlanflow, type Planflow } from './harness';
import { createAgency, createUser } from './steps/admin';
import { moneyColumn, parseCsv } from './csv';
import { acknowledgeReport, compileReport, confirmReport, downloadProvincial, enterProgress, openProvincial, openReport, savedPath } from './steps/reports';
import { attemptsOf, answerTo } from './steps/answers';
import { windows874 } from '../encodings';
import { contentEditor, findingsShown, fixFieldsFlagged, importPlan, openFromInbox, openTab, stageOf, takeAction, typeAt } from './steps/plans';

const TYPE = 'anti_corruption_action_plan';
const OFFICE = 'สำนักงานจังหวัดนราธิวาส';
const NACC = 'สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส';
const SEED = join(SEEDS_DIR, '000_f86febe8b6e44396.txt');
// The officer's copy is saved in the Thai code page (TIS-620), as many office
// machines still save text: the browser must read it as the server would.
const SEED_TIS620 = join(mkdtempSync(join(tmpdir(), 'planflow-seed-')), 'plan-tis620.txt');
writeFileSync(SEED_TIS620, windows874(readFileSync(SEED, 'utf-8')));
const TITLE = 'แผนปฏิบัติการขับเคลื่อนระดับจังหวัด';

let planflow: Planflow;
let browser: Browser;
let planId = 0;

function as(username: string, options: { tablet?: boolean } = {}): Promise<Page> {
  return signedIn(browser, planflow.url, username, options);
}

describe('the provincial plan story in the browser', () => {
  beforeAll(async () => {
    planflow = await startPlanflow();
    planflow.addUser('admin', ['admin']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await planflow?.stop();
  });

  it('the administrator sets up agencies, officers, heads, the committee and its secretary', async () => {
    const page = await as('admin');
    await createAgency(page, { province: 'TH-96', nameTh: OFFICE, nameEn: 'Narathiwat Provincial Office' });
    await createAgency(page, { province: 'TH-96', nameTh: NACC, nameEn: 'NACC Narathiwat' });
    await createUser(page, { username: 'officer', displayName: 'นางสาวเจ้าหน้าที่ จังหวัด', agencyProvince: 'TH-96', agencyName: OFFICE, roles: [{ role: 'agency_officer' }] });
    await createUser(page, { username: 'head', displayName: 'นายหัวหน้า จังหวัด', agencyProvince: 'TH-96', agencyName: OFFICE, roles: [{ role: 'agency_head' }] });
    await createUser(page, { username: 'nacc_officer', displayName: 'นายเจ้าหน้าที่ ป.ป.ช.', agencyProvince: 'TH-96', agencyName: NACC, roles: [{ role: 'agency_officer' }] });
    await createUser(page, { username: 'nacc_head', displayName: 'นางหัวหน้า ป.ป.ช.', agencyProvince: 'TH-96', agencyName: NACC, roles: [{ role: 'agency_head' }] });
    for (const n of [1, 2, 3]) {
      await createUser(page, { username: `member${n}`, displayName: `กรรมการ คนที่ ${n}`, roles: [{ role: 'committee_member', province: 'TH-96', planType: TYPE }] });
    }
    await createUser(page, { username: 'secretary', displayName: 'เลขานุการ คณะกรรมการ', roles: [{ role: 'committee_secretary', province: 'TH-96' }] });
    await expect.poll(() => page.locator('tr[data-username]').count()).toBe(9);
    await screenshot(page, 'admin-users');
    await page.context().close();
  });

  it('the officer imports the seed document (saved as TIS-620) and sees the findings next to the fields', async () => {
    const page = await as('officer');
    planId = await importPlan(page, SEED_TIS620, async () => {
      await expect.poll(() => page.getByTestId('import-budget').innerText()).toBe('1,145,840 บาท');
      await page.locator('.finding-places [data-finding="other_province"]').first().waitFor();
      await screenshot(page, 'officer-import-preview');
    });
    expect(planId).toBeGreaterThan(0);
    expect(await stageOf(page)).toBe('draft');
    // The two agencies of another province are flagged at their own fields, and submitting is blocked.
    await expect.poll(() => findingsShown(page, 'other_province')).toBe(2);
    await expect.poll(() => page.locator('[data-blocked="submit"]').innerText()).toContain('ต้องแก้ไขข้อผิดพลาดในเนื้อหาก่อน');
    await screenshot(page, 'officer-editor-findings');

    const flagged = await page.locator('.content-editor [data-pointer]:has(> .findings [data-finding="other_province"])').first().getAttribute('data-pointer');
    expect(await fixFieldsFlagged(page, 'other_province', 'นครราชสีมา', 'นราธิวาส')).toBe(2);
    // Once the check agrees, the sections that opened to show the errors stay open where the officer works.
    await expect.poll(() => findingsShown(page, 'other_province')).toBe(0);
    expect(await page.locator(`details.node:has([data-pointer="${flagged}"])`).evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open)))
      .toEqual([true, true, true, true]);
    // A budget typed in Thai numerals: the total follows as one types (35,000 → 36,000 and back).
    await typeAt(page, '/goals/1/indicators/0/projects/0/activities/0/budget/baht', '๓๖,๐๐๐');
    await expect.poll(() => page.getByTestId('total-budget').innerText()).toBe('1,146,840 บาท');
    // The document states its totals, so the plugin flags the difference until the amount is put back
    // (two stated totals now differ; the count comes with the total from the same check).
    expect(await page.getByTestId('totals').getAttribute('data-errors')).toBe('2');
    expect(await page.getByTestId('totals').innerText()).toContain('ข้อผิดพลาด 2 รายการ');
    await typeAt(page, '/goals/1/indicators/0/projects/0/activities/0/budget/baht', '๓๕๐๐๐');
    await expect.poll(() => page.getByTestId('total-budget').innerText()).toBe('1,145,840 บาท');
    expect(await page.getByTestId('totals').getAttribute('data-errors')).toBe('0');
    expect(await page.getByTestId('totals').innerText()).toContain('ไม่พบข้อผิดพลาด');

    // The connection drops during the save: the input stays, and the retry succeeds.
    const editor = contentEditor(page);
    const saves = await attemptsOf(editor);
    await page.route('**/api/v1/plans/*/content', (route) => route.abort('internetdisconnected'));
    await editor.getByRole('button', { name: 'บันทึกฉบับแก้ไข' }).first().click();
    await answerTo(editor, saves + 1).and(page.locator('[data-problem="network"]')).waitFor();
    await page.unroute('**/api/v1/plans/*/content');
    await screenshot(page, 'officer-save-failed');
    // The session lapses before the retry: sign in again in place, and the save goes through.
    await page.evaluate(async () => {
      const token = JSON.parse(sessionStorage.getItem('planflow.session')!).token;
      await fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    });
    await page.locator('[data-problem="network"]').getByRole('button', { name: 'ลองใหม่' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('รหัสผ่าน').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await answerTo(editor, saves + 2).and(page.locator('[data-notice="saved"]')).waitFor();
    expect(await page.locator('article.plan').getAttribute('data-revision')).toBe('2');
    expect(await page.locator('.plan-facts').innerText()).toContain('ฉบับแก้ไขที่ 2');

    expect(await takeAction(page, 'ส่งแผน')).toBe('moved');
    expect(await stageOf(page)).toBe('agency_review');
    await page.context().close();
  });

  it('the head returns the plan with a comment, the officer sees why and resubmits, the head endorses', async () => {
    const head = await as('head');
    await openFromInbox(head, TITLE);
    expect(await takeAction(head, 'ส่งกลับแก้ไข', 'กรุณาตรวจสอบหน่วยงานรับผิดชอบอีกครั้ง')).toBe('moved');
    expect(await stageOf(head)).toBe('draft');

    const officer = await as('officer');
    await officer.goto(`${planflow.url}#/plans/${planId}`);
    await expect.poll(() => officer.getByTestId('return-notice').innerText()).toContain('กรุณาตรวจสอบหน่วยงานรับผิดชอบอีกครั้ง');
    await screenshot(officer, 'officer-returned');
    expect(await takeAction(officer, 'ส่งแผน')).toBe('moved');
    expect(await stageOf(officer)).toBe('agency_review');
    await officer.context().close();

    await openFromInbox(head, TITLE);
    expect(await takeAction(head, 'เห็นชอบ')).toBe('moved');
    expect(await stageOf(head)).toBe('committee_approval');
    await head.context().close();
  });

  it('two of three committee members approve; the quorum is shown as it fills', async () => {
    const m1 = await as('member1', { tablet: true });
    await openFromInbox(m1, TITLE);
    await openTab(m1, 'สิ่งที่เปลี่ยนแปลง');
    await expect.poll(() => m1.getByTestId('diff').innerText()).toContain('นราธิวาส');
    await screenshot(m1, 'committee-changes-tablet');
    // One signature of the two needed: recorded, the plan stays where it is.
    expect(await takeAction(m1, 'อนุมัติ', 'เห็นชอบตามที่เสนอ')).toBe('signed');
    expect(await stageOf(m1)).toBe('committee_approval');
    await openTab(m1, 'การลงนาม');
    await expect.poll(() => m1.getByTestId('quorum').innerText()).toContain('ลงนามแล้ว 1 จาก 3 คน');
    await screenshot(m1, 'committee-quorum');
    await m1.getByRole('link', { name: 'รอการพิจารณาของฉัน' }).click();
    await m1.getByText('ไม่มีแผนที่รอท่านดำเนินการ').first().waitFor();
    await m1.context().close();

    const m2 = await as('member2');
    await openFromInbox(m2, TITLE);
    expect(await takeAction(m2, 'อนุมัติ')).toBe('moved');
    expect(await stageOf(m2)).toBe('approved');
    await m2.context().close();
  });

  it('the agencies report Q1, heads confirm, the secretary compiles, a member acknowledges, the report downloads add up', async () => {
    // Which activities fell to which agency is the server's decision at approval; read it to know what to type.
    const items = (await reportItemsOf(1)).map((item, i) => ({ ...item, n: i + 1 }));
    expect(items.length).toBe(38);
    const people: Record<number, [string, string]> = {};
    const agencies = [...new Set(items.map((i) => i.agency_id))];
    for (const id of agencies) people[id] = id === items.find((i) => i.agency_name === OFFICE)?.agency_id ? ['officer', 'head'] : ['nacc_officer', 'nacc_head'];
    const thai = (n: number) => n.toLocaleString('en-US').replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
    const quarterOf = (baht: number | null) => Math.floor((baht ?? 0) / 4);

    for (const agency of agencies) {
      const [officerName, headName] = people[agency];
      const officer = await as(officerName);
      await openReport(officer, { planTitleContains: TITLE, quarter: 1 });
      for (const item of items.filter((i) => i.agency_id === agency)) {
        const budgeted = (item.budget_baht ?? 0) > 0;
        const outcome = await enterProgress(officer, {
          activity: item.n,
          status: budgeted ? 'in_progress' : 'done',
          percent: budgeted ? thai(25) : thai(100),
          disbursed: budgeted ? thai(quarterOf(item.budget_baht)) : undefined,
          result: item.measurable ? thai(1) : undefined,
        });
        expect(outcome, `${item.n}. ${item.title}`).toEqual({ saved: true, errors: [] });
      }
      if (officerName === 'officer') await screenshot(officer, 'officer-quarterly-progress');
      await officer.context().close();
      const head = await as(headName);
      await openReport(head, { planTitleContains: TITLE, quarter: 1 });
      expect((await confirmReport(head)).missing).toEqual([]);
      await head.context().close();
    }

    const secretary = await as('secretary');
    await openProvincial(secretary, { fiscalYear: 2566, quarter: 1 });
    const states = secretary.getByTestId('provincial-status').locator('tbody tr');
    await expect.poll(() => states.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(agencies.map(() => 'confirmed'));
    await compileReport(secretary, { planTitleContains: TITLE });
    const member = await as('member3');
    await openReport(member, { planTitleContains: TITLE, quarter: 1, fiscalYear: 2566 });
    await acknowledgeReport(member);
    await member.context().close();

    await openProvincial(secretary, { fiscalYear: 2566, quarter: 1 });
    const expectedSatang = items.reduce((sum, i) => sum + quarterOf(i.budget_baht) * 100, 0);
    await expect.poll(() => secretary.getByTestId('total-disbursed').innerText()).toContain((expectedSatang / 100).toLocaleString('en-US'));
    await screenshot(secretary, 'secretary-provincial-report');
    const csv = await downloadProvincial(secretary, 'csv');
    expect(moneyColumn(parseCsv(readFileSync(savedPath(csv), 'utf8')), 'เบิกจ่าย (บาท)')).toEqual({ rowsSatang: expectedSatang, totalSatang: expectedSatang, dataRows: 38 });
    const xlsx = await downloadProvincial(secretary, 'xlsx');
    expect(readFileSync(savedPath(xlsx)).subarray(0, 2).toString()).toBe('PK');
    const printable = await downloadProvincial(secretary, 'html');
    expect(readFileSync(savedPath(printable), 'utf8')).toContain('ไตรมาสที่ 1');
    await secretary.context().close();
  });
});

interface ReportItem {
  item_id: string;
  title: string;
  agency_id: number;
  agency_name?: string;
  budget_baht: number | null;
  measurable: boolean;
}

/** The activities of the plan's report for a quarter, read as the secretary (to know what the agencies must type). */
async function reportItemsOf(quarter: number): Promise<ReportItem[]> {
  const secretary = await new ApiClient(planflow.url).login('secretary', PASSWORD);
  const reports = (await secretary.call('GET', `/api/v1/plans/${planId}/reports`)) as { items: { id: number; quarter: number }[] };
  const id = reports.items.find((r) => r.quarter === quarter)!.id;
  const detail = (await secretary.call('GET', `/api/v1/reports/${id}`)) as { items: ReportItem[]; agencies: { agency_id: number; agency: string }[] };
  const names = new Map(detail.agencies.map((a) => [a.agency_id, a.agency]));
  return detail.items.map((i) => ({ ...i, agency_name: names.get(i.agency_id) }));
}
