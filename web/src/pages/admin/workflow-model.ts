// Workflow definitions as the API sends them (canonical form), and the words
// the administrator's pages use for their parts and for validation findings
// (codes from workflows/README.md).
import { messageText } from '../../lib/messages';
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { roleLabel } from './directory';

export interface Localized {
  th: string;
  en: string;
}

export interface Guard {
  type: string;
  role?: string;
  k?: number | string;
}

export interface Stage {
  id: string;
  title: Localized;
  kind: string;
  editable_by?: string[];
  deadline?: { days: number; escalation: { action?: string; record?: string } };
}

export interface Transition {
  action: string;
  title: Localized;
  from: string;
  to: string;
  roles: string[];
  comment_required?: boolean;
  signature?: boolean;
  guards?: Guard[];
}

export interface Definition {
  id: string;
  title: Localized;
  plan_types?: string[];
  initial_stage: string;
  max_revision_rounds?: number;
  stages: Stage[];
  transitions: Transition[];
}

export interface WorkflowSummary {
  id: string;
  title: Localized;
  plan_types: string[];
  latest_version: number;
  default_version: number;
  default_is_latest: boolean;
}

export interface VersionInfo {
  version: number;
  content_sha256: string;
  origin: 'builtin' | 'admin';
  published_by: number | null;
  published_at: string;
}

export interface Finding {
  pointer: string;
  code: string;
  /** What it is about, as data (workflows/README.md, "Params"). */
  params?: Record<string, unknown>;
  detail: string;
}

export interface PublishResult {
  id: string;
  version: number;
  warnings: Finding[];
}

const path = (id: string) => `/api/v1/workflows/${encodeURIComponent(id)}`;

export const loadWorkflows = async () => (await api.get<{ items: WorkflowSummary[] }>('/api/v1/workflows')).items;
export const loadVersions = async (id: string) => (await api.get<{ items: VersionInfo[] }>(`${path(id)}/versions`)).items;
/** One published version: its number as the server answered, and its definition. */
export const loadVersion = (id: string, version: number) => api.get<{ id: string; version: number; definition: Definition }>(`${path(id)}/versions/${version}`);
export const publishDefinition = (definition: unknown) => api.post<PublishResult>('/api/v1/workflows', definition);
export const setDefaultVersion = (id: string, version: number) =>
  api.put<{ id: string; default_version: number }>(`${path(id)}/default-version`, { version });

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'editing':
      return tr('จัดทำ/แก้ไข', 'Editing');
    case 'review':
      return tr('พิจารณา', 'Review');
    case 'approval':
      return tr('อนุมัติ (ลงนาม)', 'Approval (signatures)');
    case 'reporting':
      return tr('รายงานผล', 'Reporting');
    case 'terminal':
      return tr('สิ้นสุด', 'Finished');
    default:
      return kind;
  }
}

export function guardText(g: Guard): string {
  switch (g.type) {
    case 'valid_content':
      return tr('เนื้อหาแผนผ่านการตรวจสอบ', 'The content is valid');
    case 'all_progress_confirmed':
      return tr('ยืนยันรายงานผลครบทุกไตรมาส', 'Every progress report is confirmed');
    case 'quorum': {
      const who = roleLabel(g.role ?? 'committee_member');
      if (g.k === 'majority') return tr(`องค์ประชุม: ${who}เกินกึ่งหนึ่งลงนาม`, `Quorum: more than half of the ${who}s sign`);
      if (g.k === 'all') return tr(`องค์ประชุม: ${who}ลงนามครบทุกคน`, `Quorum: every ${who} signs`);
      return tr(`องค์ประชุม: ${who}ลงนามอย่างน้อย ${g.k} คน`, `Quorum: at least ${g.k} ${who}s sign`);
    }
    default:
      return g.type;
  }
}

export function deadlineText(stage: Stage, transitions: Transition[]): string {
  const d = stage.deadline;
  if (!d) return '';
  if (d.escalation.action) {
    const t = transitions.find((x) => x.from === stage.id && x.action === d.escalation.action);
    const what = t ? tr(t.title.th, t.title.en) : d.escalation.action;
    return tr(`กำหนด ${d.days} วัน เกินแล้วระบบ “${what}” เอง`, `${d.days} days, then “${what}” automatically`);
  }
  return tr(`กำหนด ${d.days} วัน แล้วบันทึกว่าเกินกำหนด`, `${d.days} days, then recorded as overdue`);
}

/** What a validator finding means, from its code with the server's catalog; a code new to this build as it is. */
export function findingText(code: string): string {
  return messageText(code) ?? code;
}
