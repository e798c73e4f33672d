// The data the quarterly-report story starts from, made over the HTTP API:
// two agencies of Narathiwat, their officers and heads, a committee and its
// secretary, and the seed anti-corruption plan imported, corrected, endorsed
// and approved. Creating users, importing and approving plans are other
// screens' stories; this one begins once the plan's reports exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './harness';

export const PROVINCE = 'TH-96';
export const PLAN_TYPE = 'anti_corruption_action_plan';
export const OFFICE = 'สำนักงานจังหวัดนราธิวาส';
export const HEALTH = 'สำนักงานสาธารณสุขจังหวัดนราธิวาส';
export const SEED = '000_f86febe8b6e44396.txt';

export interface ReportWorld {
  planId: number;
  planTitle: string;
  office: number;
  health: number;
  /** Report ids by quarter (1–4). */
  reports: Record<number, number>;
}

/** The province name the seed was written for is corrected, as an officer would after import. */
export function replaceInStrings(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceInStrings(v, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, from, to)]));
  }
  return value;
}

/**
 * Users (password `password`): officer/head of the provincial office,
 * health_officer/health_head of the health office, member1–3 and secretary
 * of Narathiwat's committee. `admin` must exist already (CLI).
 */
export async function setUpApprovedSeedPlan(base: string, seedsDir: string, password: string): Promise<ReportWorld> {
  const admin = await new ApiClient(base).login('admin', password);
  const agency = async (name_th: string) =>
    ((await admin.call('POST', '/api/v1/agencies', { province: PROVINCE, name_th })) as { id: number }).id;
  const office = await agency(OFFICE);
  const health = await agency(HEALTH);
  const user = (username: string, display_name: string, roles: object[], agencyId?: number) =>
    admin.call('POST', '/api/v1/users', { username, display_name, password, roles, ...(agencyId ? { agency: agencyId } : {}) });
  await user('officer', 'สมชาย ใจดี', [{ role: 'agency_officer' }], office);
  await user('head', 'สมศรี ผู้อำนวยการ', [{ role: 'agency_head' }], office);
  await user('health_officer', 'วิไล สุขภาพดี', [{ role: 'agency_officer' }], health);
  await user('health_head', 'ประเสริฐ สาธารณสุข', [{ role: 'agency_head' }], health);
  for (const n of [1, 2, 3]) {
    await user(`member${n}`, `กรรมการ ${n}`, [{ role: 'committee_member', province: PROVINCE, plan_type: PLAN_TYPE }]);
  }
  await user('secretary', 'เลขานุการ คณะกรรมการ', [{ role: 'committee_secretary', province: PROVINCE }]);

  const as = (name: string) => new ApiClient(base).login(name, password);
  const officer = await as('officer');
  const seed = readFileSync(join(seedsDir, SEED), 'utf8');
  const imported = (await officer.call('POST', '/api/v1/imports?create_draft=true', seed)) as { plan_id: number };
  const planUrl = `/api/v1/plans/${imported.plan_id}`;
  const plan = (await officer.call('GET', planUrl)) as { content: unknown; title: string };
  const content = replaceInStrings(plan.content, 'นครราชสีมา', 'นราธิวาส');
  await officer.call('PUT', `${planUrl}/content`, content, { 'If-Match': '"1"' });
  await officer.call('POST', `${planUrl}/actions/submit`, {});
  await (await as('head')).call('POST', `${planUrl}/actions/endorse`, {});
  await (await as('member1')).call('POST', `${planUrl}/actions/approve`, {});
  await (await as('member2')).call('POST', `${planUrl}/actions/approve`, {});
  const list = (await officer.call('GET', `${planUrl}/reports`)) as { items: { id: number; quarter: number }[] };
  const reports: Record<number, number> = {};
  for (const r of list.items) reports[r.quarter] = r.id;
  const approved = (await officer.call('GET', planUrl)) as { title: string };
  return { planId: imported.plan_id, planTitle: approved.title, office, health, reports };
}
