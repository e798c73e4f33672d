// Workflow definitions as the API sends them (canonical form), and the words
// the administrator's pages use for their parts and for validation findings
// (codes from workflows/README.md).
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

const FINDINGS: Record<string, [string, string]> = {
  invalid_type: ['ชนิดข้อมูลไม่ถูกต้อง', 'Wrong type of value'],
  unknown_field: ['มีช่องที่รูปแบบนี้ไม่รู้จัก', 'A member this format does not have'],
  missing_field: ['ขาดช่องที่จำเป็น', 'A required member is missing'],
  invalid_value: ['ค่าไม่อยู่ในชุดที่อนุญาต', 'A value outside its allowed set'],
  invalid_id: ['รหัสไม่ถูกต้อง (a–z, 0–9, _ ขึ้นต้นด้วยตัวอักษร ยาว 2–64 ตัว)', 'Invalid identifier (a–z, 0–9, _, starting with a letter, 2–64 long)'],
  missing_title: ['ขาดชื่อ หรือชื่อภาษาใดภาษาหนึ่งว่าง', 'A title, or one of its languages, is missing'],
  duplicate_stage: ['รหัสขั้นตอนซ้ำกัน', 'Two stages share an id'],
  unknown_initial_stage: ['ขั้นตอนเริ่มต้นไม่มีอยู่จริง', 'The initial stage does not exist'],
  unknown_stage: ['อ้างถึงขั้นตอนที่ไม่มีอยู่', 'Names a stage that does not exist'],
  unreachable_stage: ['ไม่มีเส้นทางไปถึงขั้นตอนนี้จากขั้นตอนเริ่มต้น', 'No path leads here from the initial stage'],
  dead_end: ['ขั้นตอนนี้ไม่มีทางออก แผนจะค้างอยู่', 'No way out of this stage: plans would be stuck'],
  no_path_to_terminal: ['จากขั้นตอนนี้ไม่มีเส้นทางไปถึงขั้นตอนสิ้นสุด แผนจะวนอยู่ไม่จบ', 'No path from this stage leads to a terminal stage: plans would never finish'],
  no_terminal_stage: ['ไม่มีขั้นตอนสิ้นสุด แผนจะไม่มีวันเสร็จ', 'No terminal stage: no plan could finish'],
  terminal_with_exit: ['ขั้นตอนสิ้นสุดต้องไม่มีทางออก', 'A terminal stage must have no way out'],
  duplicate_action: ['ชื่อการดำเนินการซ้ำในขั้นตอนเดียวกัน', 'Two actions of one stage share a name'],
  no_roles: ['ไม่ได้ระบุบทบาทที่ดำเนินการได้', 'Nobody may take this transition'],
  unknown_role: ['ไม่รู้จักบทบาทนี้', 'Unknown role'],
  unknown_guard: ['ไม่รู้จักเงื่อนไขนี้', 'Unknown guard'],
  impossible_quorum: ['องค์ประชุมเป็นไปไม่ได้', 'The quorum cannot be met'],
  signature_without_quorum: ['การลงนามต้องมีเงื่อนไของค์ประชุม', 'A signature needs a quorum guard'],
  deadline_without_escalation: ['กำหนดเวลาไม่ได้ระบุสิ่งที่ต้องทำเมื่อเกินกำหนด', 'The deadline has no escalation'],
  invalid_deadline: ['จำนวนวันต้องอยู่ระหว่าง 1–3650', 'Days must be 1–3650'],
  unknown_escalation_action: ['การดำเนินการเมื่อเกินกำหนดไม่ใช่ทางออกของขั้นตอนนี้', 'The escalation action does not leave this stage'],
  nobody_edits: ['ขั้นตอนจัดทำที่ไม่มีใครแก้ไขได้', 'An editing stage nobody may edit'],
  approval_without_signature: ['ขั้นตอนอนุมัติที่ไม่มีการลงนาม', 'An approval stage without a signature'],
  quorum_role_cannot_act: ['บทบาทที่นับองค์ประชุมไม่อยู่ในบทบาทที่ดำเนินการได้', 'The quorum counts a role that cannot take the step'],
  return_without_comment: ['การส่งกลับแก้ไขควรบังคับให้ระบุเหตุผล', 'A return for changes should require a comment'],
  quorum_all_blocks_on_absence: ['องค์ประชุม "ทุกคน" จะติดขัดเมื่อมีผู้ไม่อยู่', 'A quorum of "all" blocks when one member is absent'],
  self_loop: ['การดำเนินการนี้วนกลับขั้นตอนเดิมโดยไม่มีผล', 'This step leads back to its own stage and changes nothing'],
};

export function findingText(code: string): string {
  const m = FINDINGS[code];
  return m ? tr(m[0], m[1]) : code;
}
