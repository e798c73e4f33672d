#!/usr/bin/python3
"""Writes the national data set for bench/report_bench.sh as one SQL file of
batched INSERTs that both SQLite and MariaDB accept (standard quoting only,
no backslashes, explicit ids, tables in foreign-key order).

  generate_national.py --provinces sql/002_provinces_seed.sql --out data.sql
      [--activities 150] [--fiscal-year 2567] [--seed 2567]

The rows have the shape the application writes (workflow/engine.cpp
start_case, plans/plans.cpp create, reports/progress.cpp create_reports,
save_entry and confirm_agency), for a database freshly migrated by
`planflow migrate`:

  per province (77, read from the seed file): one agency (the provincial
  office) with an officer and a head (users without a password, and their
  user_roles); two plans, anti_corruption_action_plan and
  ethics_promotion_plan, for the fiscal year, each with its workflow case
  (provincial_plan v1, stage approved, its events) and revision 1; per plan
  N report_items (goals x indicators x activities, Thai labels, some without
  budget, some measurable), four quarterly_reports with their own
  workflow case (quarterly_report v1: acknowledged, or collecting), and a
  progress entry per item and quarter: confirmed, with statuses that move
  through the year and disbursements within the budget, except in reports
  still collecting, where a few percent of the entries are missing and a
  few are entered but not yet confirmed (the report's missing/late paths).

No audit_log rows and no signatures are written: the report endpoint reads
neither. The file does not start a transaction or set a character set; the
caller wraps it for its database (see report_bench.sh).
"""

import argparse
import hashlib
import json
import random
import re
import sys

PLAN_TYPES = [
    # id, title prefix, goals, indicators per goal
    ("anti_corruption_action_plan", "แผนปฏิบัติการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ", 5, 3),
    ("ethics_promotion_plan", "แผนปฏิบัติการส่งเสริมคุณธรรม", 3, 5),
]

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

ACTIVITY_TOPICS = [
    "อบรมเสริมสร้างความรู้ด้านการป้องกันการทุจริตแก่บุคลากร",
    "จัดทำคู่มือการปฏิบัติงานเพื่อความโปร่งใส",
    "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างผ่านเว็บไซต์ของหน่วยงาน",
    "ประชุมคณะกรรมการติดตามการดำเนินงานตามแผน",
    "ส่งเสริมการมีส่วนร่วมของภาคประชาชนในการเฝ้าระวังการทุจริต",
    "รณรงค์ปลูกจิตสำนึกความซื่อสัตย์สุจริตในสถานศึกษา",
    "ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
    "จัดกิจกรรมชุมชนคุณธรรมขับเคลื่อนด้วยพลังบวร",
    "พัฒนาช่องทางรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ยกย่องเชิดชูเกียรติบุคคลและหน่วยงานต้นแบบด้านคุณธรรม",
    "ตรวจสอบภายในและติดตามการใช้จ่ายงบประมาณ",
    "สร้างเครือข่ายเยาวชนต้านทุจริตระดับอำเภอ",
]
UNITS = ["ครั้ง", "คน", "ร้อยละ", "หน่วยงาน", "เรื่อง", "แห่ง"]
CANCEL_REASONS = [
    "ไม่ได้รับการจัดสรรงบประมาณ",
    "สถานการณ์อุทกภัยในพื้นที่ ไม่สามารถจัดกิจกรรมได้",
    "รวมกับกิจกรรมอื่นของหน่วยงาน",
]
NARRATIVES = {
    "not_started": "อยู่ระหว่างเตรียมการ จะดำเนินการในไตรมาสถัดไป",
    "in_progress": "ดำเนินการแล้วบางส่วน ตามแผนที่กำหนด มีผู้เข้าร่วมกิจกรรมตามเป้าหมาย",
    "done": "ดำเนินการแล้วเสร็จตามแผน รายงานผลต่อคณะกรรมการแล้ว",
    "cancelled": "ยกเลิกกิจกรรม",
}

# Thai fiscal year: Q1 Oct-Dec of the previous calendar year.
def quarter_dates(fy_be, q):
    fy_ce = fy_be - 543
    start = [(fy_ce - 1, 10), (fy_ce, 1), (fy_ce, 4), (fy_ce, 7)][q - 1]
    due = [(fy_ce, 1), (fy_ce, 4), (fy_ce, 7), (fy_ce, 10)][q - 1]
    return "%04d-%02d-01" % start, "%04d-%02d-05" % due


def ts(date, hour=9, minute=0, second=0, ms=0):
    return "%sT%02d:%02d:%02d.%03dZ" % (date, hour, minute, second, ms)


def q(v):
    """An SQL literal."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    s = str(v)
    assert "\\" not in s, s
    return "'" + s.replace("'", "''") + "'"


class Writer:
    def __init__(self, out, batch):
        self.out, self.batch = out, batch
        self.tables = {}  # name -> (columns, pending rows)
        self.counts = {}

    def add(self, table, columns, row):
        cols, rows = self.tables.setdefault(table, (columns, []))
        assert cols == columns
        rows.append("(" + ", ".join(q(v) for v in row) + ")")
        self.counts[table] = self.counts.get(table, 0) + 1
        if len(rows) >= self.batch:
            self.flush()

    def flush(self):
        # Every table, in the order each was first written to: parents before
        # children, so a batch never refers to a row not yet inserted.
        for name in self.tables:
            cols, rows = self.tables[name]
            if rows:
                self.out.write("INSERT INTO %s (%s) VALUES\n%s;\n" % (name, ", ".join(cols), ",\n".join(rows)))
                rows.clear()


def read_provinces(path):
    pat = re.compile(r"VALUES \('([^']+)', '([^']+)', '([^']+)', '([^']+)'\)")
    out = [m.groups() for m in map(pat.search, open(path, encoding="utf-8")) if m]
    if len(out) != 77:
        sys.exit("expected 77 provinces in %s, found %d" % (path, len(out)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--provinces", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--activities", type=int, default=150)
    ap.add_argument("--fiscal-year", type=int, default=2567)
    ap.add_argument("--seed", type=int, default=2567)
    ap.add_argument("--batch", type=int, default=500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    fy = args.fiscal_year
    provinces = read_provinces(args.provinces)

    content = "{}"
    content_sha = hashlib.sha256(content.encode()).hexdigest()
    created_day = "%04d-09-15" % (fy - 543 - 1)
    approved_day = "%04d-09-28" % (fy - 543 - 1)

    AGENCY = ("province_code", "name_th", "name_en", "created_at", "updated_at")
    USER = ("id", "username", "display_name", "agency_id", "password_hash", "active", "created_at", "updated_at")
    ROLE = ("user_id", "role", "province_code", "plan_type")
    CASE = ("id", "subject_kind", "workflow_id", "workflow_version", "stage", "stage_seq", "stage_entered_at",
            "deadline_at", "deadline_done", "revision", "content_sha256", "content_errors", "revision_rounds",
            "province_code", "plan_type", "agency_id", "created_by", "created_at", "updated_at", "event_count")
    EVENT = ("case_id", "seq", "kind", "action", "from_stage", "to_stage", "revision", "actor_id", "on_behalf_of",
             "actor_role", "comment", "data", "remote_address", "created_at")
    PLAN = ("id", "case_id", "plan_type", "title", "province_code", "agency_id", "fiscal_year", "created_by",
            "created_at", "updated_at")
    REVISION = ("plan_id", "revision", "content", "content_sha256", "error_count", "warning_count", "created_by",
                "created_at")
    ITEM = ("id", "plan_id", "item_id", "position", "title", "goal", "indicator", "budget_satang", "measurable",
            "target_value", "unit", "agency_id", "agency_text")
    REPORT = ("id", "plan_id", "case_id", "fiscal_year", "quarter", "opens_on", "due_on", "opened_at", "opened_by",
              "created_at")
    ENTRY = ("report_id", "item_row_id", "agency_id", "status", "cancel_reason", "percent_complete",
             "disbursed_satang", "over_budget_reason", "result_value", "narrative", "evidence", "entered_by",
             "entered_at", "confirmed_by", "confirmed_at")

    with open(args.out, "w", encoding="utf-8") as f:
        w = Writer(f, args.batch)
        case_id = plan_id = item_row = report_id = 0
        # Agencies, their officer and head (agency ids 1..77, users 1..154).
        for n, (code, name_th, name_en, _region) in enumerate(provinces, 1):
            w.add("agencies", ("id",) + AGENCY,
                  (n, code, "สำนักงานจังหวัด" + name_th, name_en + " Provincial Office", ts(created_day, 8), ts(created_day, 8)))
        w.flush()
        for n, (code, name_th, name_en, _region) in enumerate(provinces, 1):
            for k, role in enumerate(("agency_officer", "agency_head")):
                uid = 2 * (n - 1) + k + 1
                label = "officer" if k == 0 else "head"
                w.add("users", USER, (uid, "%s-%s" % (label, code.lower()), "%s %s" % (name_en, label), n, None, 1,
                                      ts(created_day, 8, 30), ts(created_day, 8, 30)))
                w.add("user_roles", ROLE, (uid, role, code, ""))
        w.flush()

        # Which reports still collect: every plan's Q4, some plans' Q2 and Q3;
        # the measured province (the last one, TH-96) has its Q2 late.
        collecting = {}
        for n in range(1, len(provinces) + 1):
            for t in range(len(PLAN_TYPES)):
                q2 = rng.random() < 0.15 or (n == len(provinces) and t == 1)
                q3 = q2 or rng.random() < 0.30
                collecting[(n, t)] = {1: False, 2: q2, 3: q3, 4: True}

        totals = {"missing": 0, "unconfirmed": 0}
        for n, (code, name_th, name_en, _region) in enumerate(provinces, 1):
            agency = n
            officer, head = 2 * (n - 1) + 1, 2 * n
            for t, (ptype, title_prefix, goals, indicators) in enumerate(PLAN_TYPES):
                # The plan and its case: draft -> agency_review -> committee_approval -> approved.
                case_id += 1
                plan_id += 1
                plan_case = case_id
                moves = [("submit", "draft", "agency_review", "agency_officer", officer),
                         ("endorse", "agency_review", "committee_approval", "agency_head", head),
                         ("approve", "committee_approval", "approved", "committee_member", head)]
                w.add("workflow_cases", CASE,
                      (plan_case, "plan", "provincial_plan", 1, "approved", 1 + len(moves), ts(approved_day, 14), None, 0,
                       1, content_sha, 0, 0, code, ptype, agency, officer, ts(created_day, 9), ts(approved_day, 14),
                       1 + len(moves)))
                w.add("workflow_events", EVENT,
                      (plan_case, 1, "created", None, None, "draft", 1, officer, None, None, None,
                       json.dumps({"workflow": "provincial_plan", "version": 1}, separators=(",", ":")), None,
                       ts(created_day, 9)))
                for s, (action, frm, to, role, actor) in enumerate(moves, 2):
                    day = approved_day if to == "approved" else created_day
                    w.add("workflow_events", EVENT,
                          (plan_case, s, "transition", action, frm, to, 1, actor, None, role, None, None, "10.0.0.%d" % n,
                           ts(day, 10 + s)))
                title = "%sจังหวัด%s ประจำปีงบประมาณ พ.ศ. %s" % (title_prefix, name_th, str(fy).translate(THAI_DIGITS))
                w.add("plans", PLAN, (plan_id, plan_case, ptype, title, code, agency, fy, officer, ts(created_day, 9),
                                      ts(approved_day, 14)))
                w.add("plan_revisions", REVISION, (plan_id, 1, content, content_sha, 0, 0, officer, ts(created_day, 9)))

                # The activities, as create_reports materialises them.
                items = []
                per_indicator = args.activities // (goals * indicators)
                extra = args.activities - per_indicator * goals * indicators
                position = 0
                for g in range(1, goals + 1):
                    for i in range(1, indicators + 1):
                        count = per_indicator + (1 if extra > 0 else 0)
                        extra -= 1
                        for a in range(1, count + 1):
                            position += 1
                            item_row += 1
                            number = "%d.%d.%d" % (g, i, a)
                            budget = None if rng.random() < 0.12 else rng.randrange(50, 5000) * 100 * 100
                            measurable = rng.random() < 0.6
                            target = float(rng.choice([1, 4, 12, 50, 80, 100, 300, 500])) if measurable else None
                            unit = rng.choice(UNITS) if measurable else ""
                            other = rng.random() < 0.2
                            agency_text = "สำนักงานจังหวัด" + name_th + (", ที่ทำการปกครองจังหวัด" + name_th if other else "")
                            w.add("report_items", ITEM,
                                  (item_row, plan_id, "g%d.i%d.w1.p1.a%d" % (g, i, a), position,
                                   "กิจกรรมที่ %s %s" % (number.translate(THAI_DIGITS), rng.choice(ACTIVITY_TOPICS)),
                                   "เป้าหมายที่ " + str(g).translate(THAI_DIGITS),
                                   "ตัวชี้วัดที่ %s" % ("%d.%d" % (g, i)).translate(THAI_DIGITS),
                                   budget, measurable, target, unit, agency, agency_text))
                            # Its course over the year.
                            start = rng.choice([1, 1, 1, 2, 2, 3])
                            end = rng.choice([q_ for q_ in range(start, 5)] + [5])  # 5: not done by year end
                            cancelled_from = rng.choice([2, 3, 4]) if rng.random() < 0.03 else None
                            over = budget is not None and rng.random() < 0.01
                            items.append((item_row, budget, target, start, end, cancelled_from, over))

                # Four quarterly reports, each with its case: collecting, or compiled and acknowledged.
                spent = {row: 0 for row, *_ in items}
                for quarter in range(1, 5):
                    case_id += 1
                    report_id += 1
                    opens_on, due_on = quarter_dates(fy, quarter)
                    still = collecting[(n, t)][quarter]
                    steps = [] if still else [("compile", "collecting", "compiled", "committee_secretary"),
                                              ("acknowledge", "compiled", "acknowledged", "committee_member")]
                    stage = "collecting" if still else "acknowledged"
                    done_day = "%s-%02d" % (due_on[:7], 20)
                    w.add("workflow_cases", CASE,
                          (case_id, "report", "quarterly_report", 1, stage, 1 + len(steps),
                           ts(done_day if steps else approved_day, 15 if steps else 14), None, 0, 1, content_sha, 0, 0,
                           code, ptype, agency, officer, ts(approved_day, 14), ts(done_day if steps else approved_day, 15),
                           1 + len(steps)))
                    w.add("workflow_events", EVENT,
                          (case_id, 1, "created", None, None, "collecting", 1, officer, None, None, None,
                           json.dumps({"workflow": "quarterly_report", "version": 1}, separators=(",", ":")), None,
                           ts(approved_day, 14)))
                    for s, (action, frm, to, role) in enumerate(steps, 2):
                        w.add("workflow_events", EVENT,
                              (case_id, s, "transition", action, frm, to, 1, head, None, role, None, None, "10.0.0.%d" % n,
                               ts(done_day, 10 + s)))
                    w.add("quarterly_reports", REPORT,
                          (report_id, plan_id, case_id, fy, quarter, opens_on, due_on, None, None, ts(approved_day, 14)))

                    entered_day = "%s-%02d" % (due_on[:7], 2)
                    for row, budget, target, start, end, cancelled_from, over in items:
                        if still:
                            r = rng.random()
                            if r < 0.05:  # no entry yet
                                totals["missing"] += 1
                                continue
                            confirmed = r >= 0.08  # entered, not confirmed yet
                            if not confirmed:
                                totals["unconfirmed"] += 1
                        else:
                            confirmed = True
                        percent = result = None
                        cancel_reason = over_reason = ""
                        disbursed = 0
                        if cancelled_from is not None and quarter >= cancelled_from:
                            status = "cancelled"
                            cancel_reason = CANCEL_REASONS[row % len(CANCEL_REASONS)]
                        elif quarter < start:
                            status, percent = "not_started", 0.0
                        elif quarter < end:
                            status = "in_progress"
                            percent = float(min(95, 100 * (quarter - start + 1) // (end - start + 1) + rng.randrange(0, 10)))
                        else:
                            status, percent = "done", 100.0
                        if status in ("in_progress", "done") and budget:
                            # Disburse towards the budget; a few overrun it, with a reason.
                            share = 1.0 if status == "done" else rng.uniform(0.2, 0.5)
                            goal_total = int(budget * (1.08 if over else 1.0))
                            disbursed = max(0, min(goal_total - spent[row], int((goal_total - spent[row]) * share) // 100 * 100))
                            if status == "done" and quarter > end:
                                disbursed = 0
                            spent[row] += disbursed
                            if spent[row] > budget:
                                over_reason = "ค่าวัสดุปรับราคาสูงขึ้น ได้รับอนุมัติจากผู้ว่าราชการจังหวัดแล้ว"
                        if target is not None and status in ("in_progress", "done"):
                            result = target if status == "done" else float(int(target * (percent or 0) / 100))
                        evidence = "[]" if rng.random() < 0.5 else json.dumps(
                            ["https://%s.go.th/reports/%d/q%d/%d.pdf" % (code.lower(), fy, quarter, row)])
                        w.add("progress_entries", ENTRY,
                              (report_id, row, agency, status, cancel_reason, percent, disbursed, over_reason, result,
                               NARRATIVES[status], evidence, officer, ts(entered_day, 9, row % 60, row % 59),
                               head if confirmed else None, ts(entered_day, 16, row % 60) if confirmed else None))
        w.flush()

    counts = dict(w.counts)
    print(json.dumps({"rows": counts, "missing_entries": totals["missing"],
                      "unconfirmed_entries": totals["unconfirmed"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
