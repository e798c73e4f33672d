// The administrator's pages in a real browser against a real planflow:
// provinces, agencies, users with every kind of role, and workflows (diagram,
// problems at their lines, a new version made the default).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn, startPlanflow, type Planflow } from './harness';
import * as admin from './steps/admin';

const PROVINCIAL_PLAN = readFileSync(join(__dirname, '../../../workflows/provincial_plan.json'), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

let planflow: Planflow;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  planflow = await startPlanflow();
  planflow.addUser('admin', ['admin']);
  browser = await launchBrowser();
  ({ page } = await newPerson(browser));
  await signIn(page, planflow.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await planflow?.stop();
});

describe('provinces and agencies', () => {
  it('adds a province, corrects its name and removes it again', async () => {
    await admin.setUpProvince(page, { code: 'TH-9Z', nameTh: 'จังหวัดทดสอบ', nameEn: 'Test Provnce', region: 'south' });
    await admin.renameProvince(page, 'TH-9Z', { nameEn: 'Test Province' });
    await expect.poll(() => page.locator('tr[data-province="TH-9Z"] td').nth(2).innerText()).toBe('Test Province');
    expect(await admin.deleteProvince(page, 'TH-9Z')).toBeNull();
    // The server's list, read afresh: the 77 seeded provinces and not the removed one.
    const listed = await admin.listedProvinces(page);
    expect(listed.length).toBe(77);
    expect(listed).not.toContain('TH-9Z');
  });

  it('adds two agencies to a province, and then the province cannot be removed', async () => {
    await admin.createAgency(page, { province: 'TH-96', nameTh: 'สำนักงานจังหวัดนราธิวาส', nameEn: 'Narathiwat Provincial Office' });
    await admin.createAgency(page, { province: 'TH-96', nameTh: 'สำนักงานสาธารณสุขจังหวัดนราธิวาส' });
    expect(await admin.agenciesOf(page, 'TH-96')).toEqual(expect.arrayContaining(['สำนักงานจังหวัดนราธิวาส', 'สำนักงานสาธารณสุขจังหวัดนราธิวาส']));

    await admin.openAdmin(page, 'provinces');
    const refused = await admin.deleteProvince(page, 'TH-96');
    expect(refused).toContain('ข้อมูลขัดแย้งกับข้อมูลที่มีอยู่');
    expect(await page.locator('tr[data-province="TH-96"]').count()).toBe(1);
  });
});

describe('users', () => {
  const people: (admin.UserSpec & { expect: string[] })[] = [
    { username: 'nara.officer', displayName: 'สมชาย ใจดี', agencyName: 'สำนักงานจังหวัดนราธิวาส', roles: [{ role: 'agency_officer' }], expect: ['เจ้าหน้าที่หน่วยงาน'] },
    { username: 'nara.head', displayName: 'สมหญิง รักงาน', agencyName: 'สำนักงานจังหวัดนราธิวาส', roles: [{ role: 'agency_head' }], expect: ['หัวหน้าหน่วยงาน'] },
    {
      username: 'nara.member', displayName: 'กรรมการ หนึ่ง',
      roles: [{ role: 'committee_member', province: 'TH-96', planType: 'anti_corruption_action_plan' }],
      expect: ['กรรมการ · นราธิวาส · แผนปฏิบัติการขับเคลื่อนระดับจังหวัด'],
    },
    { username: 'nara.chair', displayName: 'ประธาน คณะกรรมการ', roles: [{ role: 'committee_chair', province: 'TH-96' }], expect: ['ประธานกรรมการ · นราธิวาส'] },
    { username: 'nara.secretary', displayName: 'เลขา คณะกรรมการ', roles: [{ role: 'committee_secretary', province: 'TH-96' }], expect: ['เลขานุการคณะกรรมการ · นราธิวาส'] },
    { username: 'nation.observer', displayName: 'ผู้ติดตาม ส่วนกลาง', roles: [{ role: 'observer' }], expect: ['ผู้ติดตามผลระดับประเทศ'] },
    { username: 'nara.observer', displayName: 'ผู้ติดตาม จังหวัด', roles: [{ role: 'observer', province: 'TH-96' }], expect: ['ผู้ติดตามผลระดับจังหวัด · นราธิวาส'] },
    { username: 'second.admin', displayName: 'ผู้ดูแล สำรอง', roles: [{ role: 'admin' }], expect: ['ผู้ดูแลระบบ'] },
    {
      username: 'health.officer', displayName: 'สาธารณสุข สองบทบาท', agencyProvince: 'TH-96', agencyName: 'สำนักงานสาธารณสุขจังหวัดนราธิวาส',
      roles: [{ role: 'agency_officer' }, { role: 'committee_member', province: 'TH-96', planType: 'ethics_promotion_plan' }],
      expect: ['เจ้าหน้าที่หน่วยงาน', 'กรรมการ · นราธิวาส · แผนปฏิบัติการส่งเสริมคุณธรรม'],
    },
  ];

  it('creates a user with each kind of role, listed with Thai role names', async () => {
    for (const person of people) await admin.createUser(page, person);
    for (const person of people) {
      const row = await admin.userRow(page, person.username);
      expect(row, person.username).not.toBeNull();
      expect(row!.name).toBe(person.displayName);
      expect(row!.status).toBe('ใช้งาน');
      expect(row!.roles.length).toBe(person.expect.length);
      person.expect.forEach((want, k) => expect(row!.roles[k]).toContain(want));
      if (person.agencyName) expect(row!.agency).toContain(person.agencyName);
    }
  });

  it('says next to the field, in Thai, that a username is taken, and keeps what was typed', async () => {
    const outcome = await admin.submitNewUser(page, {
      username: 'nara.officer', displayName: 'คนใหม่ ชื่อซ้ำ', agencyName: 'สำนักงานจังหวัดนราธิวาส', roles: [{ role: 'agency_officer' }],
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.fieldErrors['ชื่อผู้ใช้']).toBe('ชื่อผู้ใช้นี้มีผู้ใช้แล้ว กรุณาเลือกชื่ออื่น');
    expect(outcome.problem).toBe('มีข้อมูลนี้อยู่แล้ว');
    const form = page.getByRole('form', { name: 'เพิ่มผู้ใช้งาน' });
    expect(await form.getByLabel('ชื่อที่แสดง', { exact: true }).inputValue()).toBe('คนใหม่ ชื่อซ้ำ');
    await expect.poll(() => form.getByLabel('ชื่อผู้ใช้', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-users');
  });

  it('checks the password twice and a committee role’s province before sending', async () => {
    const outcome = await admin.submitNewUser(page, {
      username: 'typo.user', displayName: 'พิมพ์ผิด', password: 'correct horse battery', confirmation: 'correct horse batery',
      roles: [{ role: 'committee_member' }, { role: 'agency_head' }],
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.fieldErrors['ยืนยันรหัสผ่าน']).toBe('รหัสผ่านทั้งสองช่องไม่ตรงกัน');
    expect(outcome.fieldErrors['จังหวัดของบทบาทที่ 1']).toBe('บทบาทในคณะกรรมการต้องระบุจังหวัด');
    expect(outcome.fieldErrors['บทบาทที่ 2']).toBe('บทบาทนี้ต้องสังกัดหน่วยงาน กรุณาเลือกหน่วยงาน');
    expect(await admin.userRow(page, 'typo.user')).toBeNull();
  });

  it('lets a created user sign in with the password set for them', async () => {
    const other = await newPerson(browser);
    await signIn(other.page, planflow.url, 'nara.officer');
    expect(await other.page.getByTestId('who').innerText()).toBe('สมชาย ใจดี');
    await other.context.close();
  });

  it('edits a user: name, roles and deactivation', async () => {
    const outcome = await admin.editUser(page, 'nara.head', {
      displayName: 'สมหญิง รักงานมาก',
      active: false,
      roles: [{ role: 'agency_head' }, { role: 'committee_secretary', province: 'TH-96' }],
    });
    expect(outcome).toEqual({ ok: true, fieldErrors: {}, problem: null });
    const row = await admin.userRow(page, 'nara.head');
    expect(row).toMatchObject({ name: 'สมหญิง รักงานมาก', status: 'ระงับ' });
    expect(row!.roles).toEqual(['หัวหน้าหน่วยงาน', 'เลขานุการคณะกรรมการ · นราธิวาส']);
  });
});

describe('workflows', () => {
  const STAGES = ['draft', 'agency_review', 'committee_approval', 'approved', 'closed'];

  it('draws the provincial plan workflow: a box per stage, an arrow per transition', async () => {
    const view = await admin.openWorkflow(page, 'provincial_plan');
    expect(view.stages).toEqual(STAGES);
    expect(view.arrows).toEqual([
      'draft→agency_review:submit',
      'agency_review→committee_approval:endorse',
      'agency_review→draft:return',
      'committee_approval→approved:approve',
      'committee_approval→draft:request_changes',
      'approved→closed:close',
    ]);
    expect(view.actions).toEqual(['submit', 'endorse', 'return', 'approve', 'request_changes', 'close']);
    expect(await page.locator('svg[data-workflow="provincial_plan"] > title').textContent()).toContain('แผนระดับจังหวัด');
    // Steps back are drawn on the left of the boxes, steps forward in the middle or on the right.
    const box = (await page.locator('g.wf-stage[data-stage="draft"] rect').first().boundingBox())!;
    const back = (await page.locator('g.wf-edge[data-action="request_changes"] path').boundingBox())!;
    const forward = (await page.locator('g.wf-edge[data-action="submit"] path').boundingBox())!;
    expect(back.x).toBeLessThan(box.x - 20);
    expect(back.x + back.width).toBeLessThan(box.x + 5);
    expect(forward.x).toBeGreaterThan(box.x);
    expect(forward.x).toBeLessThan(box.x + box.width);
    await screenshot(page, 'admin-workflow-diagram');

    const tablet = await newPerson(browser, { tablet: true });
    await signIn(tablet.page, planflow.url, 'admin');
    await admin.openWorkflow(tablet.page, 'provincial_plan');
    const svg = await tablet.page.locator('svg[data-workflow]').boundingBox();
    expect(svg!.x + svg!.width).toBeLessThanOrEqual(820);
    await screenshot(tablet.page, 'admin-workflow-diagram-tablet');
    await tablet.context.close();
  });

  it('catches malformed JSON from a file before sending, at its line and column', async () => {
    const broken = PROVINCIAL_PLAN.replace('"initial_stage": "draft",', '"initial_stage": "draft"');
    const file = join(mkdtempSync(join(tmpdir(), 'planflow-admin-')), 'broken.json');
    writeFileSync(file, broken);
    await admin.openAdmin(page, 'workflows');
    await admin.openDefinitionFile(page, file);
    const outcome = await admin.publishFromEditor(page);
    expect(outcome.published).toBe(false);
    expect(outcome.syntax).toMatchObject({ line: lineOf(broken, '"max_revision_rounds"'), column: 3 });
    expect(outcome.problems).toEqual([]);
  });

  it('lists each problem of an invalid definition at its line, and goes there when picked', async () => {
    const invalid = PROVINCIAL_PLAN.replace('"to": "agency_review"', '"to": "nowhere"').replace('"kind": "terminal"', '"kind": "finished"');
    const outcome = await admin.publishWorkflow(page, invalid);
    expect(outcome.published).toBe(false);
    // Without submit's target nothing leads to agency_review (nor past it): judged over the edges that remain.
    expect(outcome.problems.map((p) => [p.code, p.line])).toEqual([
      ['unreachable_stage', lineOf(invalid, '"id": "agency_review"') - 1],
      ['invalid_value', lineOf(invalid, '"kind": "finished"')],
      ['unknown_stage', lineOf(invalid, '"to": "nowhere"')],
    ]);
    expect(outcome.problems[2].text).toContain(`บรรทัด ${lineOf(invalid, '"to": "nowhere"')}`);
    expect(outcome.problems[2].text).toContain('อ้างถึงขั้นตอนที่ไม่มีอยู่');

    const cursor = await admin.pickProblem(page, 2);
    expect(cursor).toMatchObject({ line: lineOf(invalid, '"to": "nowhere"'), focused: true });
    expect(cursor.selected).toContain('"to": "nowhere"');
    expect(await page.locator('.json-gutter-line--error').count()).toBe(3);
    await screenshot(page, 'admin-workflow-problems');
  });

  it('publishes a changed copy as version 2 and makes it the default for new plans', async () => {
    await admin.openWorkflow(page, 'provincial_plan');
    const outcome = await admin.editAndPublish(page, (text) => text.replace('"th": "แผนระดับจังหวัด"', '"th": "แผนระดับจังหวัด (ปรับปรุง)"'));
    expect(outcome).toMatchObject({ published: true, id: 'provincial_plan', version: 2 });
    await admin.setDefaultVersion(page, 2);
    const view = await admin.readWorkflow(page, 'provincial_plan');
    expect(view.defaultVersion).toBe('ฉบับที่ 2');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('แผนระดับจังหวัด (ปรับปรุง)');

    // Version 1 as the server keeps it: its own title, without the change published as version 2.
    const first = await admin.openWorkflow(page, 'provincial_plan', 1);
    expect(first.stages).toEqual(STAGES);
    expect(await page.locator('svg[data-workflow] > title').textContent()).toBe('แผนภาพขั้นตอนการทำงาน แผนระดับจังหวัด ฉบับที่ 1');
    expect(first.defaultVersion).toBe('ฉบับที่ 2');
    await admin.openAdmin(page, 'workflows');
    expect(await page.locator('tr[data-workflow="provincial_plan"] td').nth(4).innerText()).toBe('2');
  });
});
