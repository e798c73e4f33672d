// The report shapes the API sends (api/openapi.json: QuarterlyReport,
// ReportDetail, ProvincialReport), as the pages read them.
import type { Reason } from '../../lib/messages';

export type Localized = { th: string; en: string };

export type AgencyState = 'confirmed' | 'submitted' | 'missing' | 'late';

export interface AgencyStatus {
  agency_id: number;
  agency: string;
  items: number;
  entered: number;
  confirmed: number;
  state: AgencyState;
}

export interface QuarterlyReport {
  id: number;
  plan_id: number;
  fiscal_year: number;
  quarter: number;
  opens_on: string;
  due_on: string;
  open: boolean;
  opened_early: boolean;
  late: boolean;
  stage: string;
  agencies: AgencyStatus[];
  plan_title?: string;
}

export type EntryStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

export interface ProgressEntry {
  status: EntryStatus;
  cancel_reason: string;
  percent_complete: number | null;
  disbursed_baht: number;
  over_budget_reason: string;
  result_value: number | null;
  narrative: string;
  evidence: string[];
  entered_by: number;
  entered_at: string;
  confirmed_by: number | null;
  confirmed_at: string | null;
}

export interface ReportItem {
  item_id: string;
  title: string;
  goal: string;
  indicator: string;
  budget_baht: number | null;
  measurable: boolean;
  target_value: number | null;
  unit: string;
  agency_id: number;
  agency_text: string;
  entry: ProgressEntry | null;
}

export interface ReportAction {
  action: string;
  title: Localized;
  enabled: boolean;
  comment_required: boolean;
  blocked_by: string[];
  blocked?: Reason[];
}

export interface ReportDetail extends QuarterlyReport {
  items: ReportItem[];
  available_actions: ReportAction[];
  plan_title: string;
}

export interface ReportTotals {
  activities: number;
  not_started: number;
  in_progress: number;
  done: number;
  cancelled: number;
  missing: number;
  planned_satang: number;
  planned_baht: number;
  disbursed_satang: number;
  disbursed_baht: number;
  disbursed_percent: number | null;
}

export interface ReportActivity {
  item_id: string;
  title: string;
  agency: string;
  planned_satang: number | null;
  planned_baht: number | null;
  disbursed_satang: number;
  disbursed_baht: number;
  disbursed_percent: number | null;
  status: EntryStatus | 'missing';
  status_th: string;
  percent_complete: number | null;
  target_value: number | null;
  result_value: number | null;
  unit: string;
  late: boolean;
}

export interface ReportPlan {
  plan_id: number;
  title: string;
  province_code: string;
  province_name_th: string;
  plan_type: string;
  agency: string;
  report_stage: string;
  due_on: string | null;
  totals: ReportTotals;
  goals: { goal: string; totals: ReportTotals; indicators: { indicator: string; totals: ReportTotals; activities: ReportActivity[] }[] }[];
  late_agencies: string[];
}

export interface ProvinceRow {
  province_code: string;
  province_name_th: string;
  plans: number;
  totals: ReportTotals;
  late_agencies: number;
}

export interface ProvincialReport {
  province_code: string;
  province_name_th: string;
  plan_type: string;
  fiscal_year: number;
  quarter: number;
  title: string;
  generated_at: string;
  totals: ReportTotals;
  plans: ReportPlan[];
  provinces: ProvinceRow[];
}
