// What the administrator does, step by step, the way a person does it: the
// menu, the labels they read, the buttons they press (Thai interface).
// Each step waits for the page's answer and fails with the message shown.
import { readFileSync } from 'node:fs';
import type { Dialog, Locator, Page } from 'playwright-core';
import { after, attemptsOf, noticeAfter } from './answers';

export interface RoleSpec {
  /** A role as the API names it: agency_officer, agency_head, committee_member, committee_chair, committee_secretary, observer, admin. */
  role: string;
  /** A province code (TH-96); committee roles need one, an observer without one watches the whole country. */
  province?: string;
  /** A plan type id (anti_corruption_action_plan); committee roles only; absent means every plan type. */
  planType?: string;
}

export interface UserSpec {
  username: string;
  displayName: string;
  /** Defaults to the harness password, so the user can sign in with signIn(). */
  password?: string;
  /** The password typed into the confirmation field; defaults to the password. */
  confirmation?: string;
  /** The agency's Thai name as listed. */
  agencyName?: string;
  /** Narrows the agency list to one province first (needed when two provinces have agencies of the same name). */
  agencyProvince?: string;
  roles: RoleSpec[];
}

export interface FormOutcome {
  ok: boolean;
  /** Field label → the message shown next to it. */
  fieldErrors: Record<string, string>;
  /** The summary message at the top of the form, if any. */
  problem: string | null;
}

export interface Finding {
  line: number;
  code: string;
  text: string;
}

export interface PublishOutcome {
  published: boolean;
  id?: string;
  version?: number;
  /** Errors the server found, each at the line of the text it points to. */
  problems: Finding[];
  warnings: Finding[];
  /** Set when the text was not JSON (nothing was sent). */
  syntax?: { line: number; column: number; text: string };
  /** Any other problem shown (network, forbidden…). */
  problem: string | null;
}

export const HARNESS_PASSWORD = 'correct horse battery';

const MENU: Record<'users' | 'agencies' | 'provinces' | 'workflows', string> = {
  users: 'ผู้ใช้งาน',
  agencies: 'หน่วยงาน',
  provinces: 'จังหวัด',
  workflows: 'ขั้นตอนการทำงาน',
};

/** Opens an administrator's page from the main menu. */
export async function openAdmin(page: Page, section: keyof typeof MENU): Promise<void> {
  await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: MENU[section], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: MENU[section], exact: true }).waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
}

/** The open administrator's page: it numbers the notices it shows (data-attempts). */
function adminPage(page: Page): Locator {
  return page.locator('#main > section');
}

/** Where a form's answer will show, taken before it is sent: the form's attempts and the page's notices so far. */
async function beforeSending(page: Page, form: Locator): Promise<{ form: Locator; tried: number; said: number; page: Locator }> {
  return { form, tried: await attemptsOf(form), said: await attemptsOf(adminPage(page)), page: adminPage(page) };
}

/**
 * Waits for the form's answer to this attempt: true when the page says `notice`
 * (a notice newer than the send), false when the form counts the attempt
 * without it, having put its problems beside the fields.
 */
async function answered(sent: { form: Locator; tried: number; said: number; page: Locator }, notice: string): Promise<boolean> {
  const success = noticeAfter(sent.page, sent.said, notice);
  await success.or(after(sent.form, sent.tried)).first().waitFor();
  return (await success.count()) > 0;
}

/** The messages next to fields and the summary on a form, by field label. */
export async function formErrors(form: Locator): Promise<{ fieldErrors: Record<string, string>; problem: string | null }> {
  return form.evaluate((el) => {
    const fieldErrors: Record<string, string> = {};
    for (const small of el.querySelectorAll<HTMLElement>('.field-error[id]')) {
      const control = small.id.replace(/-error$/, '');
      const label = el.querySelector(`label[for="${CSS.escape(control)}"]`)?.textContent?.trim() ?? control;
      fieldErrors[label] = small.textContent?.trim() ?? '';
    }
    const summary = el.querySelector<HTMLElement>('.alert--error > strong');
    return { fieldErrors, problem: summary?.textContent?.trim() ?? null };
  });
}

export interface ProvinceSpec {
  code: string;
  nameTh: string;
  nameEn: string;
  /** north, northeast, central, east, west or south. */
  region: string;
}

/** Adds a province on the provinces page. */
export async function setUpProvince(page: Page, p: ProvinceSpec): Promise<void> {
  await openAdmin(page, 'provinces');
  await page.getByRole('button', { name: 'เพิ่มจังหวัด', exact: true }).click();
  const form = page.getByRole('form', { name: 'เพิ่มจังหวัด' });
  await form.getByLabel('รหัสจังหวัด', { exact: true }).fill(p.code);
  await form.getByLabel('ภาค', { exact: true }).selectOption(p.region);
  await form.getByLabel('ชื่อจังหวัด (ภาษาไทย)').fill(p.nameTh);
  await form.getByLabel('ชื่อจังหวัด (ภาษาอังกฤษ)').fill(p.nameEn);
  const sent = await beforeSending(page, form);
  await form.getByRole('button', { name: 'บันทึกจังหวัด' }).click();
  const ok = await answered(sent, 'province-added');
  if (!ok) throw new Error(`adding province ${p.code} failed: ${JSON.stringify(await formErrors(form))}`);
}

function provinceRow(page: Page, code: string): Locator {
  return page.locator(`tr[data-province="${code}"]`);
}

/** Finds a province in the table with the filter box. */
export async function findProvince(page: Page, text: string): Promise<void> {
  await page.getByLabel('ค้นหาจังหวัด').fill(text);
}

/** Corrects a province's names on the provinces page (already open). */
export async function renameProvince(page: Page, code: string, names: { nameTh?: string; nameEn?: string }): Promise<void> {
  await findProvince(page, code);
  const row = provinceRow(page, code);
  await row.getByRole('button', { name: /^แก้ไขจังหวัด/ }).click();
  if (names.nameTh !== undefined) await row.getByLabel(`ชื่อภาษาไทยของ ${code}`).fill(names.nameTh);
  if (names.nameEn !== undefined) await row.getByLabel(`ชื่อภาษาอังกฤษของ ${code}`).fill(names.nameEn);
  const before = await attemptsOf(row);
  await row.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await after(row, before).waitFor();
  const refused = row.locator('xpath=following-sibling::tr[1][contains(@class,"row-problem")]').locator(`[data-attempt="${before + 1}"]`);
  if (await refused.count()) throw new Error(`renaming ${code} failed: ${(await refused.innerText()).trim()}`);
}

/** The provinces the server lists, read afresh (the page opened again): their codes in the table's order. */
export async function listedProvinces(page: Page): Promise<string[]> {
  await openAdmin(page, 'provinces');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: MENU.provinces, exact: true }).waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  return page.locator('tr[data-province]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-province') ?? ''));
}

/** Removes a province; returns null when it is gone, or the problem shown when the server refuses. */
export async function deleteProvince(page: Page, code: string): Promise<string | null> {
  await findProvince(page, code);
  const row = provinceRow(page, code);
  const before = await attemptsOf(row);
  const said = await attemptsOf(adminPage(page));
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /^ลบจังหวัด/ }).click();
  // Removed: the page says so (and the row is gone); refused: the row counts the attempt and shows why beside it.
  const removed = noticeAfter(adminPage(page), said, 'province-removed');
  await removed.or(after(row, before)).first().waitFor();
  if (await removed.count()) return null;
  const refused = row.locator('xpath=following-sibling::tr[1][contains(@class,"row-problem")]').locator(`[data-attempt="${before + 1}"]`);
  return (await refused.innerText()).trim();
}

/** Adds an agency to a province on the agencies page. */
export async function createAgency(page: Page, a: { province: string; nameTh: string; nameEn?: string }): Promise<void> {
  await openAdmin(page, 'agencies');
  await page.getByLabel('จังหวัด', { exact: true }).selectOption(a.province);
  const form = page.getByRole('form', { name: /^เพิ่มหน่วยงานในจังหวัด/ });
  await form.getByLabel('ชื่อหน่วยงาน (ภาษาไทย)').fill(a.nameTh);
  await form.getByLabel('ชื่อหน่วยงาน (ภาษาอังกฤษ)').fill(a.nameEn ?? '');
  const sent = await beforeSending(page, form);
  await form.getByRole('button', { name: 'เพิ่มหน่วยงาน', exact: true }).click();
  const ok = await answered(sent, 'agency-added');
  if (!ok) throw new Error(`adding agency ${a.nameTh} failed: ${JSON.stringify(await formErrors(form))}`);
}

/** The agencies listed for a province (Thai names). */
export async function agenciesOf(page: Page, province: string): Promise<string[]> {
  await openAdmin(page, 'agencies');
  await page.getByLabel('จังหวัด', { exact: true }).selectOption(province);
  return page.locator('tr[data-agency] td:nth-child(2)').allInnerTexts();
}

async function fillRoles(form: Locator, roles: RoleSpec[]): Promise<void> {
  // Start from the rows the form shows, removing any beyond what is wanted.
  let rows = await form.locator('[data-role-row]').count();
  while (rows > roles.length) {
    await form.getByRole('button', { name: `ลบบทบาทที่ ${rows}` }).click();
    rows--;
  }
  for (let k = 0; k < roles.length; k++) {
    const n = k + 1;
    if (n > rows) {
      await form.getByRole('button', { name: 'เพิ่มบทบาท' }).click();
      rows++;
    }
    const r = roles[k];
    await form.getByLabel(`บทบาทที่ ${n}`, { exact: true }).selectOption(r.role);
    const province = form.getByLabel(`จังหวัดของบทบาทที่ ${n}`);
    if (await province.count()) await province.selectOption(r.province ?? '');
    const planType = form.getByLabel(`ประเภทแผนของบทบาทที่ ${n}`);
    if (await planType.count()) await planType.selectOption(r.planType ?? '');
  }
}

/** Fills the new-user form and presses create; reports what the page said. */
export async function submitNewUser(page: Page, u: UserSpec): Promise<FormOutcome> {
  await openAdmin(page, 'users');
  const form = page.getByRole('form', { name: 'เพิ่มผู้ใช้งาน' });
  // A form left open (after a refusal, say) is closed first, so every user starts from an empty form.
  if (await form.count()) await form.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มผู้ใช้งาน', exact: true }).click();
  await form.getByLabel('ชื่อผู้ใช้', { exact: true }).fill(u.username);
  await form.getByLabel('ชื่อที่แสดง', { exact: true }).fill(u.displayName);
  const password = u.password ?? HARNESS_PASSWORD;
  await form.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await form.getByLabel('ยืนยันรหัสผ่าน', { exact: true }).fill(u.confirmation ?? password);
  if (u.agencyProvince) await form.getByLabel('จังหวัดของหน่วยงาน').selectOption(u.agencyProvince);
  if (u.agencyName) await form.getByLabel('หน่วยงาน', { exact: true }).selectOption({ label: u.agencyName });
  await fillRoles(form, u.roles);
  const sent = await beforeSending(page, form);
  await form.getByRole('button', { name: 'สร้างผู้ใช้' }).click();
  if (await answered(sent, 'user-created')) return { ok: true, fieldErrors: {}, problem: null };
  return { ok: false, ...(await formErrors(form)) };
}

/** Creates a user through the form; fails with the messages shown if the page refuses. */
export async function createUser(page: Page, u: UserSpec): Promise<void> {
  const outcome = await submitNewUser(page, u);
  if (!outcome.ok) throw new Error(`creating ${u.username} failed: ${JSON.stringify(outcome)}`);
}

/** A user's row as listed: agency and role texts as the page words them. */
export async function userRow(page: Page, username: string): Promise<{ name: string; agency: string; roles: string[]; status: string } | null> {
  const row = page.locator(`tr[data-username="${username}"]`);
  if (!(await row.count())) return null;
  const cells = row.locator('td');
  return {
    name: (await cells.nth(0).innerText()).trim(),
    agency: (await cells.nth(2).innerText()).trim(),
    roles: (await cells.nth(3).locator('li').allInnerTexts()).map((s) => s.trim()),
    status: (await cells.nth(4).innerText()).trim(),
  };
}

/** Changes a user through the edit form. */
export async function editUser(
  page: Page,
  username: string,
  change: { displayName?: string; active?: boolean; password?: string; agencyName?: string; agencyProvince?: string; roles?: RoleSpec[] },
): Promise<FormOutcome> {
  await openAdmin(page, 'users');
  await page.getByRole('button', { name: `แก้ไขผู้ใช้ ${username}`, exact: true }).click();
  const form = page.getByRole('form', { name: /^แก้ไขผู้ใช้ / });
  if (change.displayName !== undefined) await form.getByLabel('ชื่อที่แสดง', { exact: true }).fill(change.displayName);
  if (change.password !== undefined) {
    await form.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(change.password);
    await form.getByLabel('ยืนยันรหัสผ่าน', { exact: true }).fill(change.password);
  }
  if (change.agencyProvince) await form.getByLabel('จังหวัดของหน่วยงาน').selectOption(change.agencyProvince);
  if (change.agencyName) await form.getByLabel('หน่วยงาน', { exact: true }).selectOption({ label: change.agencyName });
  if (change.active !== undefined) await form.getByLabel('เปิดใช้งานบัญชีนี้').setChecked(change.active);
  if (change.roles) await fillRoles(form, change.roles);
  const sent = await beforeSending(page, form);
  await form.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
  if (await answered(sent, 'user-saved')) return { ok: true, fieldErrors: {}, problem: null };
  return { ok: false, ...(await formErrors(form)) };
}

async function readFindings(list: Locator): Promise<Finding[]> {
  const items = list.locator('li[data-line]');
  const out: Finding[] = [];
  for (let k = 0; k < (await items.count()); k++) {
    const li = items.nth(k);
    out.push({
      line: Number(await li.getAttribute('data-line')),
      code: (await li.getAttribute('data-code')) ?? '',
      text: (await li.innerText()).trim(),
    });
  }
  return out;
}

/** Publishes with the editor already on the page (the workflows list, or an open workflow's edit panel). */
export async function publishFromEditor(page: Page, jsonText?: string): Promise<PublishOutcome> {
  const form = page.locator('form.workflow-editor');
  const text = form.getByLabel('นิยามขั้นตอนการทำงาน (JSON)');
  if (jsonText !== undefined) await text.fill(jsonText);
  const sent = await beforeSending(page, form);
  await form.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
  // On a workflow's own page a successful publication closes the editor and says so on the page.
  const closed = noticeAfter(sent.page, sent.said, 'published');
  await after(form, sent.tried).or(closed).first().waitFor();
  const outcome: PublishOutcome = { published: false, problems: [], warnings: [], problem: null };
  if (await closed.count()) {
    const m = /เผยแพร่ฉบับที่ (\d+) แล้ว/.exec(await closed.innerText());
    return { ...outcome, published: true, id: (await page.locator('svg[data-workflow]').getAttribute('data-workflow')) ?? undefined, version: Number(m?.[1]) };
  }
  const ok = form.locator('.alert--ok');
  if (await ok.count()) {
    const m = /เผยแพร่ (\S+) ฉบับที่ (\d+) แล้ว/.exec(await ok.innerText());
    outcome.published = true;
    outcome.id = m?.[1];
    outcome.version = m ? Number(m[2]) : undefined;
  }
  const syntax = form.locator('[data-problem="json-syntax"]');
  if (await syntax.count()) {
    const li = syntax.locator('li');
    const m = /บรรทัด (\d+) คอลัมน์ (\d+)/.exec(await li.innerText());
    outcome.syntax = { line: Number(m?.[1]), column: Number(m?.[2]), text: (await li.innerText()).trim() };
  }
  outcome.problems = await readFindings(form.locator('[data-problem="invalid-workflow"]'));
  outcome.warnings = await readFindings(form.locator('[data-problem="workflow-warnings"]'));
  const other = form.locator('.alert--error:not([data-problem="json-syntax"]):not([data-problem="invalid-workflow"]) > strong');
  if (await other.count()) outcome.problem = (await other.first().innerText()).trim();
  return outcome;
}

/** Opens a .json file into the editor on the page with its file button (accepting the question about replacing edits). */
export async function openDefinitionFile(page: Page, filePath: string): Promise<void> {
  const form = page.locator('form.workflow-editor');
  const accept = (d: Dialog) => void d.accept();
  page.on('dialog', accept);
  try {
    await form.getByLabel('เปิดไฟล์ JSON…').setInputFiles(filePath);
    const content = readFileSync(filePath, 'utf8');
    await page.waitForFunction(
      (want) => (document.querySelector('form.workflow-editor textarea') as HTMLTextAreaElement | null)?.value === want,
      content,
    );
  } finally {
    page.off('dialog', accept);
  }
}

/** Publishes a definition from the workflows page; reports the problems listed, each with its line. */
export async function publishWorkflow(page: Page, jsonText: string): Promise<PublishOutcome> {
  await openAdmin(page, 'workflows');
  return publishFromEditor(page, jsonText);
}

/** Clicks a listed problem and says where the cursor went: the line and whether the text box has focus. */
export async function pickProblem(page: Page, index: number): Promise<{ line: number; focused: boolean; selected: string }> {
  const form = page.locator('form.workflow-editor');
  await form.locator('[data-problem] li').nth(index).getByRole('button').click();
  return form.getByLabel('นิยามขั้นตอนการทำงาน (JSON)').evaluate((el) => {
    const ta = el as HTMLTextAreaElement;
    return {
      line: ta.value.slice(0, ta.selectionStart).split('\n').length,
      focused: document.activeElement === ta,
      selected: ta.value.slice(ta.selectionStart, ta.selectionEnd),
    };
  });
}

export interface WorkflowView {
  /** Stage ids in the diagram, in order. */
  stages: string[];
  /** Actions drawn as arrows, as "from→to:action". */
  arrows: string[];
  /** Actions listed in the transitions table. */
  actions: string[];
  defaultVersion: string;
}

/** Opens a workflow from the workflows list (and one version of it); reads what the page draws. */
export async function openWorkflow(page: Page, id: string, version?: number): Promise<WorkflowView> {
  await openAdmin(page, 'workflows');
  await page.locator(`tr[data-workflow="${id}"]`).getByRole('link').click();
  await page.locator(`svg[data-workflow="${id}"]`).waitFor();
  if (version !== undefined) {
    const view = page.getByRole('link', { name: `ดูฉบับที่ ${version}`, exact: true });
    if (await view.count()) await view.click();
    await page.locator(`tr[data-version="${version}"][aria-current="true"]`).waitFor();
    // The diagram of that version as the server answered it, not the one drawn before.
    await page.locator(`svg[data-workflow="${id}"][data-version="${version}"]`).waitFor();
  }
  return readWorkflow(page, id);
}

/** What the open workflow page shows. */
export async function readWorkflow(page: Page, id: string): Promise<WorkflowView> {
  const svg = page.locator(`svg[data-workflow="${id}"]`);
  await svg.waitFor();
  return {
    stages: await svg.locator('g.wf-stage').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-stage') ?? '')),
    arrows: await svg.locator('g.wf-edge').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-from')}→${g.getAttribute('data-to')}:${g.getAttribute('data-action')}`)),
    actions: await page.locator('table.transitions-table tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-action') ?? '')),
    defaultVersion: (await page.getByTestId('default-version').innerText()).trim(),
  };
}

/** On an open workflow page: makes a version the one new plans start on. */
export async function setDefaultVersion(page: Page, version: number): Promise<void> {
  const said = await attemptsOf(adminPage(page));
  await page.getByRole('button', { name: `ตั้งฉบับที่ ${version} เป็นฉบับเริ่มต้น`, exact: true }).click();
  // Said once the page shows the server's new default.
  const done = noticeAfter(adminPage(page), said, 'default-set');
  const refused = adminPage(page).locator('div.table-wrap:has(> table.versions-table)').locator('xpath=preceding-sibling::*[1][@data-problem]');
  await done.or(refused).first().waitFor();
  if (!(await done.count())) throw new Error(`setting the default failed: ${await refused.innerText()}`);
  const shown = page.getByTestId('default-version');
  if ((await shown.getAttribute('data-version')) !== String(version) || (await shown.getAttribute('data-follows-latest')) !== 'false') {
    throw new Error(`the page shows version ${await shown.getAttribute('data-version')} as the default`);
  }
}

/**
 * On an open workflow page: takes the shown version into the editor, lets
 * `change` rewrite its text, and publishes it as the next version.
 */
export async function editAndPublish(page: Page, change: (text: string) => string): Promise<PublishOutcome> {
  await page.getByRole('button', { name: 'แก้ไขและเผยแพร่เป็นฉบับใหม่' }).click();
  const text = page.locator('form.workflow-editor').getByLabel('นิยามขั้นตอนการทำงาน (JSON)');
  const before = await text.inputValue();
  const outcome = await publishFromEditor(page, change(before));
  if (outcome.published) {
    // The page closes the editor and opens the new version.
    await page.locator(`tr[data-version="${outcome.version}"][aria-current="true"]`).waitFor();
    await page.locator(`svg[data-workflow][data-version="${outcome.version}"]`).waitFor();
  }
  return outcome;
}
