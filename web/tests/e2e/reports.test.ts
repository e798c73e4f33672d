// Quarterly reporting in a real Chromium against a real planflow: the seed
// plan is approved (set up over the API; those screens have their own
// story), then two agencies report their first-quarter progress in the
// browser — one typing Thai numerals — their heads confirm (one is told
// which activity still lacks an entry), the secretary sees each agency's
// standing and compiles, a member acknowledges, and the secretary downloads
// the provincial report as CSV, XLSX and a printable page whose totals equal
// what was typed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, launchBrowser, PASSWORD, screenshot, SEEDS_DIR, signedIn, startPlanflow, type Planflow } from './harness';
import { moneyColumn, parseCsv } from './csv';
import { setUpApprovedSeedPlan, type ReportWorld } from './reports-setup';
import {
  activityCard, acknowledgeReport, agencyStatuses, compileReport, confirmReport, downloadPackage, downloadProvincial, enterProgress,
  markPackageSent, openProvincial, openReport, saveActivity, savedPath,
} from './steps/reports';

const PLAN = 'แผนปฏิบัติการขับเคลื่อนระดับจังหวัด';
const FY = 2566;
const DISBURSED = 'เบิกจ่าย (บาท)';
const PACKAGE_RECIPIENT = 'สำนักงาน ป.ป.ท. เขต ๙';

interface Item {
  item_id: string;
  title: string;
  agency_id: number;
  budget_baht: number | null;
  measurable: boolean;
}

let planflow: Planflow;
let browser: Browser;
let world: ReportWorld;
let items: (Item & { n: number })[] = [];

const THAI = '๐๑๒๓๔๕๖๗๘๙';
const thaiNumber = (n: number) => n.toLocaleString('en-US').replace(/\d/g, (d) => THAI[Number(d)]);
/** A quarter of the budget in whole baht: what each agency reports as disbursed. */
const quarterOf = (item: Item) => Math.floor((item.budget_baht ?? 0) / 4);

function as(username: string, options: { tablet?: boolean } = {}): Promise<Page> {
  return signedIn(browser, planflow.url, username, options);
}

async function reportItems(): Promise<Item[]> {
  const secretary = await new ApiClient(planflow.url).login('secretary', PASSWORD);
  return ((await secretary.call('GET', `/api/v1/reports/${world.reports[1]}`)) as { items: Item[] }).items;
}

/** Every agency's activity but `skip`, reported as in progress (or done without a budget). */
async function reportAll(page: Page, agencyId: number, typed: (n: number) => string, skip: string[] = []) {
  for (const item of items.filter((i) => i.agency_id === agencyId && !skip.includes(i.item_id))) {
    const budgeted = (item.budget_baht ?? 0) > 0;
    const outcome = await enterProgress(page, {
      activity: item.n,
      status: budgeted ? 'in_progress' : 'done',
      percent: budgeted ? typed(25) : typed(100),
      disbursed: budgeted ? typed(quarterOf(item)) : undefined,
      result: item.measurable ? typed(1) : undefined,
    });
    expect(outcome, `${item.n}. ${item.title}`).toEqual({ saved: true, errors: [] });
  }
}

describe('quarterly progress reports in the browser', () => {
  beforeAll(async () => {
    planflow = await startPlanflow();
    planflow.addUser('admin', ['admin']);
    world = await setUpApprovedSeedPlan(planflow.url, SEEDS_DIR, PASSWORD);
    // A body that takes the acknowledged report as a package of files.
    const admin = await new ApiClient(planflow.url).login('admin', PASSWORD);
    await admin.call('POST', '/api/v1/report-recipients', { province: 'TH-96', name: PACKAGE_RECIPIENT, kind: 'package' });
    items = (await reportItems()).map((item, i) => ({ ...item, n: i + 1 }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await planflow?.stop();
  });

  it('two agencies report Q1, heads confirm, the secretary compiles, a member acknowledges, and the downloads add up', async () => {
    const office = items.filter((i) => i.agency_id === world.office);
    const health = items.filter((i) => i.agency_id === world.health);
    expect(office.length + health.length).toBe(38);
    expect(health.length).toBeGreaterThan(1);
    const expectedSatang = items.reduce((sum, i) => sum + quarterOf(i) * 100, 0);

    // The provincial office types Thai numerals. Its first budgeted activity is
    // first given more than its budget: the page says so beside the field.
    const officer = await as('officer');
    await openReport(officer, { planTitleContains: PLAN, quarter: 1 });
    const budgeted = office.find((i) => (i.budget_baht ?? 0) > 0)!;
    const over = await enterProgress(officer, {
      activity: budgeted.n, status: 'in_progress', percent: '๒๕', disbursed: thaiNumber(budgeted.budget_baht! + 1000), note: 'จัดอบรมแล้ว ๑ รุ่น',
    });
    expect(over.saved).toBe(false);
    expect(over.errors.join(' ')).toContain('เกินงบประมาณ');
    await expect.poll(() => activityCard(officer, budgeted.n).getByLabel('เหตุผลที่เบิกจ่ายเกินงบประมาณ').isVisible()).toBe(true);
    await screenshot(officer, 'report-entry');
    // Nothing typed was lost; the amount is corrected and saved.
    expect(await activityCard(officer, budgeted.n).getByLabel('หมายเหตุ / ผลการดำเนินงานโดยสรุป').inputValue()).toBe('จัดอบรมแล้ว ๑ รุ่น');
    await activityCard(officer, budgeted.n).getByLabel('เบิกจ่ายในไตรมาสนี้ (บาท)').fill(thaiNumber(quarterOf(budgeted)));
    await expect.poll(() => activityCard(officer, budgeted.n).getByText(`= ${quarterOf(budgeted).toLocaleString('en-US')} บาท`).isVisible()).toBe(true);
    expect(await saveActivity(officer, budgeted.n)).toEqual({ saved: true, errors: [] });
    await reportAll(officer, world.office, thaiNumber, [budgeted.item_id]);
    await expect.poll(() => officer.getByTestId('my-progress').innerText()).toContain(`กรอกแล้ว ${office.length}/${office.length}`);

    const head = await as('head');
    await openReport(head, { planTitleContains: PLAN, quarter: 1 });
    expect(await confirmReport(head)).toEqual({ confirmed: office.length, missing: [] });

    // The health office (on a tablet) reports all but one activity; its head is told which one is missing.
    const healthOfficer = await as('health_officer', { tablet: true });
    await openReport(healthOfficer, { planTitleContains: PLAN, quarter: 1 });
    const last = health[health.length - 1];
    expect(last.budget_baht ?? 0).toBe(0); // cancelled without money
    await reportAll(healthOfficer, world.health, String, [last.item_id]);
    const healthHead = await as('health_head');
    await openReport(healthHead, { planTitleContains: PLAN, quarter: 1 });
    const refused = await confirmReport(healthHead);
    expect(refused.confirmed).toBeNull();
    expect(refused.missing).toEqual([`${last.n}. ${last.title}`]);

    // Cancelling needs a reason: the API's complaint appears beside the field.
    const noReason = await enterProgress(healthOfficer, { activity: last.n, status: 'cancelled' });
    expect(noReason.saved).toBe(false);
    expect(noReason.errors).toContain('ต้องระบุเหตุผลเมื่อยกเลิกกิจกรรม');
    expect(await enterProgress(healthOfficer, { activity: last.n, status: 'cancelled', cancelReason: 'ไม่ได้รับการจัดสรรงบประมาณ' })).toEqual({ saved: true, errors: [] });

    // The secretary sees the office confirmed and the health office late (the quarter's due date is long past).
    const secretary = await as('secretary');
    await openProvincial(secretary, { fiscalYear: FY, quarter: 1 });
    const rows = secretary.getByTestId('provincial-status').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-agency'), tr.getAttribute('data-state')]))).toEqual([
      ['สำนักงานจังหวัดนราธิวาส', 'confirmed'],
      ['สำนักงานสาธารณสุขจังหวัดนราธิวาส', 'late'],
    ]);
    await screenshot(secretary, 'report-secretary-status');
    await openReport(secretary, { planTitleContains: PLAN, quarter: 1, fiscalYear: FY });
    expect((await agencyStatuses(secretary)).map((a) => [a.state, a.label])).toEqual([
      ['confirmed', 'ยืนยันแล้ว'],
      ['late', 'ล่าช้า'],
    ]);
    expect(await secretary.getByRole('button', { name: 'รวบรวมรายงาน' }).isDisabled()).toBe(true);
    await expect.poll(() => secretary.getByText(/หน่วยงานยืนยันผลแล้ว \d+ จาก 38 กิจกรรม/).isVisible()).toBe(true);

    await healthHead.reload();
    await healthHead.getByRole('button', { name: 'ยืนยันผลการดำเนินงานของหน่วยงาน' }).waitFor();
    expect(await confirmReport(healthHead)).toEqual({ confirmed: health.length, missing: [] });

    // Ready: the secretary compiles from the province's status table.
    await openProvincial(secretary, { fiscalYear: FY, quarter: 1 });
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(['confirmed', 'confirmed']);
    await compileReport(secretary, { planTitleContains: PLAN });
    await expect.poll(() => secretary.getByTestId('provincial-status').innerText()).toContain('เลขานุการรวบรวมแล้ว');

    const member = await as('member3');
    await openReport(member, { planTitleContains: PLAN, quarter: 1, fiscalYear: FY });
    await acknowledgeReport(member);
    await expect.poll(() => member.locator('.page-header .badge').innerText()).toBe('คณะกรรมการรับทราบแล้ว');

    // The provincial report, on the page and downloaded.
    await openProvincial(secretary, { fiscalYear: FY, quarter: 1 });
    const shown = (expectedSatang / 100).toLocaleString('en-US');
    await expect.poll(() => secretary.getByTestId('total-disbursed').innerText()).toContain(`${shown} บาท`);
    await screenshot(secretary, 'provincial-report');

    const csv = await downloadProvincial(secretary, 'csv');
    expect(csv.suggestedFilename()).toBe('รายงานไตรมาส1-2566-TH-96.csv');
    const csvText = readFileSync(savedPath(csv), 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const column = moneyColumn(parseCsv(csvText), DISBURSED);
    expect(column).toEqual({ rowsSatang: expectedSatang, totalSatang: expectedSatang, dataRows: 38 });

    const xlsx = await downloadProvincial(secretary, 'xlsx');
    expect(xlsx.suggestedFilename()).toBe('รายงานไตรมาส1-2566-TH-96.xlsx');
    const sheet = spawnSync(
      '/usr/bin/python3',
      ['-c', `import json,sys,openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)['รายงาน']
rows = [list(r) for r in ws.iter_rows(values_only=True)]
col = rows[0].index(sys.argv[2])
print(json.dumps({'rows': round(sum(r[col] or 0 for r in rows[1:-1]) * 100), 'total': round(rows[-1][col] * 100), 'count': len(rows) - 2}))`,
        savedPath(xlsx), DISBURSED],
      { encoding: 'utf8' },
    );
    expect(sheet.status, sheet.stderr).toBe(0);
    expect(JSON.parse(sheet.stdout)).toEqual({ rows: expectedSatang, total: expectedSatang, count: 38 });

    const html = await downloadProvincial(secretary, 'html');
    expect(html.suggestedFilename()).toBe('รายงานไตรมาส1-2566-TH-96.html');
    const page = readFileSync(savedPath(html), 'utf8');
    expect(page).toContain('ไตรมาสที่ 1');
    expect(page).toContain(shown);

    // The acknowledged report's package, from the report page.
    await openReport(secretary, { planTitleContains: PLAN, quarter: 1, fiscalYear: FY });
    const zip = await downloadPackage(secretary);
    expect(readFileSync(savedPath(zip)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // Downloading is not handing over: the secretary says when it went out.
    const packageStatus = async () => {
      const api = await new ApiClient(planflow.url).login('secretary', PASSWORD);
      const list = (await api.call('GET', `/api/v1/reports/${world.reports[1]}/deliveries`)) as { items: { recipient: string; status: string }[] };
      return list.items.find((d) => d.recipient === PACKAGE_RECIPIENT)?.status;
    };
    expect(await packageStatus()).toBe('ready');
    await markPackageSent(secretary, PACKAGE_RECIPIENT);
    expect(await packageStatus()).toBe('delivered');
  });
});
