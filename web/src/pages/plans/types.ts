// The plan as the API returns it (see api/openapi.json, Plan and PlanSummary).
import type { Reason } from '../../lib/messages';

export interface Localized {
  th?: string;
  en?: string;
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message_th: string;
  message_en: string;
  path: string;
}

export interface Guard {
  type: string;
  met: boolean;
  /** The API's English wording of `code` with `params`. */
  reason?: string;
  code?: string;
  params?: Record<string, unknown>;
}

export interface AvailableAction {
  action: string;
  title: Localized;
  to: string;
  as_role: string;
  comment_required: boolean;
  signature: boolean;
  enabled: boolean;
  blocked_by: string[];
  blocked?: Reason[];
  guards: Guard[];
}

export interface Signature {
  user: string;
  role?: string;
  on_behalf_of_name?: string | null;
  content_sha256: string;
  at?: string;
  [key: string]: unknown;
}

export interface PlanSummary {
  id: number;
  plan_type: string;
  title: string;
  province: string;
  agency: number;
  agency_name_th?: string;
  fiscal_year: number;
  stage: string;
  stage_kind: string;
  stage_title: Localized;
  stage_entered_at: string;
  deadline_at: string | null;
  revision: number;
  revision_rounds: number;
  updated_at: string;
}

export type Totals = { overall?: Record<string, number>; [key: string]: unknown } | null;

export interface Plan extends PlanSummary {
  content: Record<string, unknown>;
  content_sha256: string;
  findings: Finding[];
  totals: Totals;
  available_actions: AvailableAction[];
  signatures: Signature[];
  may_edit: boolean;
  workflow: { id: string; version: number };
}

export interface PlanType {
  id: string;
  name_th: string;
  name_en: string;
  default_workflow: string;
}

export interface Comment {
  id: number;
  body: string;
  anchor: string | null;
  author?: string;
  author_id?: number;
  revision?: number;
  created_at: string;
}

export interface HistoryEntry {
  seq: number;
  kind: string;
  action: string;
  from: string;
  to: string;
  revision: number;
  actor: string;
  on_behalf_of_name: string | null;
  role: string;
  comment: string;
  at: string;
}

export interface DiffEntry {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface Diff {
  from: number;
  to: number;
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
}
