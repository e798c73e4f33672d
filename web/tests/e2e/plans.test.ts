// A plan started from a plan type's empty form rather than a document: the
// ethics promotion plan, whose five strategies come with the template, edited
// in forms drawn from its schema; and the interface in English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, launchBrowser, PASSWORD, screenshot, signedIn, startPlanflow, type Planflow } from './harness';
import { saveRevision } from './steps/plans';

let planflow: Planflow;
let browser: Browser;

describe('a plan from the empty form', () => {
  beforeAll(async () => {
    planflow = await startPlanflow();
    planflow.addUser('admin', ['admin']);
    // The directory is the administrator's story (admin.test.ts, story.test.ts); here it is only the set-up.
    const admin = await new ApiClient(planflow.url).login('admin', PASSWORD);
    const agency = (await admin.call('POST', '/api/v1/agencies', { province: 'TH-96', name_th: 'สำนักงานจังหวัดนราธิวาส' })) as { id: number };
    expect(agency.id).toBeGreaterThan(0);
    await admin.call('POST', '/api/v1/users', { username: 'officer', display_name: 'เจ้าหน้าที่', password: PASSWORD, roles: [{ role: 'agency_officer' }], agency: agency.id });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await planflow?.stop();
  });

  it('creates an ethics plan from its template, adds a goal under the first strategy and saves it', async () => {
    const page = await signedIn(browser, planflow.url, 'officer');
    await page.getByRole('link', { name: 'จัดทำแผนใหม่' }).first().click();
    await page.getByRole('tab', { name: 'เริ่มจากแบบฟอร์มว่าง' }).click();
    await page.getByLabel('ประเภทแผน').selectOption('ethics_promotion_plan');
    await page.getByLabel('ชื่อแผน').fill('แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดนราธิวาส');
    // A year typed in Thai numerals.
    await page.getByLabel('ปีงบประมาณ (พ.ศ.)').fill('๒๕๖๘');
    await page.getByRole('button', { name: 'สร้างฉบับร่าง' }).click();
    await page.waitForURL(/#\/plans\/\d+$/);
    await expect.poll(() => page.locator('article.plan').getAttribute('data-stage')).toBe('draft');
    // The template brings the five strategies of the national ethics strategy.
    await expect.poll(() => page.locator('.content-editor details.node').count()).toBe(5);
    const first = page.locator('.content-editor details.node').first();
    await first.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    const goal = first.locator('details.node').first();
    await goal.getByLabel('ข้อความ').first().fill('บุคลากรภาครัฐมีมาตรฐานทางจริยธรรม');
    expect(await saveRevision(page)).toBe(2);
    expect(await page.locator('.plan-facts').innerText()).toContain('ฉบับแก้ไขที่ 2');
    await screenshot(page, 'ethics-plan-from-template');

    // The same page in English, dates still in the Buddhist era.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.plan-facts').innerText()).toContain('Fiscal year 2568 BE');
    await page.reload();
    await expect.poll(() => page.locator('.content-editor').innerText()).toContain('บุคลากรภาครัฐมีมาตรฐานทางจริยธรรม');
    await screenshot(page, 'ethics-plan-english');
    await page.context().close();
  });
});

