#include <planflow/reports/query.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/time.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace planflow::reports {
namespace {

void count(totals& t, const activity_row& a) {
  t.activities += 1;
  if (a.status == "not_started")
    t.not_started += 1;
  else if (a.status == "in_progress")
    t.in_progress += 1;
  else if (a.status == "done")
    t.done += 1;
  else if (a.status == "cancelled")
    t.cancelled += 1;
  else
    t.missing += 1;
  t.planned_satang += a.planned_satang.value_or(0);
  t.disbursed_satang += a.disbursed_satang;
  if (a.target_met) ++(*a.target_met ? t.targets_met : t.targets_not_met);
}

void add(totals& into, const totals& t) {
  into.activities += t.activities;
  into.not_started += t.not_started;
  into.in_progress += t.in_progress;
  into.done += t.done;
  into.cancelled += t.cancelled;
  into.missing += t.missing;
  into.planned_satang += t.planned_satang;
  into.disbursed_satang += t.disbursed_satang;
  into.targets_met += t.targets_met;
  into.targets_not_met += t.targets_not_met;
}

// One row per activity with its confirmed entry for the quarter, or, for
// the whole year, the year's disbursement and the latest confirmed status.
std::string activity_sql(const report_query& q) {
  std::string select =
      "SELECT p.id, p.title, p.province_code, pr.name_th, p.plan_type, ag.name_th, ri.goal, ri.indicator, ri.item_id, "
      "ri.title, ra.name_th, ri.budget_satang, ri.target_value, ri.unit, ";
  std::string from =
      " FROM plans p JOIN provinces pr ON pr.code = p.province_code JOIN agencies ag ON ag.id = p.agency_id "
      "JOIN report_items ri ON ri.plan_id = p.id JOIN agencies ra ON ra.id = ri.agency_id ";
  if (q.quarter > 0) {
    select += "e.status, e.percent_complete, e.disbursed_satang, e.result_value, qr.due_on, rc.stage, ri.comparator";
    from +=
        "JOIN quarterly_reports qr ON qr.plan_id = p.id AND qr.quarter = :q "
        "JOIN workflow_cases rc ON rc.id = qr.case_id "
        "LEFT JOIN progress_entries e ON e.report_id = qr.id AND e.item_row_id = ri.id AND e.confirmed_at IS NOT NULL ";
  } else {
    select += "le.status, le.percent_complete, agg.disbursed, le.result_value, agg.last_due, '', ri.comparator";
    // The year's sums are taken over this province's plans only, so the
    // subquery reads a province's entries, not the country's.
    from +=
        "LEFT JOIN (SELECT e2.item_row_id AS item_row_id, SUM(e2.disbursed_satang) AS disbursed, "
        "MAX(q2.quarter) AS last_quarter, MAX(q2.due_on) AS last_due FROM progress_entries e2 "
        "JOIN quarterly_reports q2 ON q2.id = e2.report_id JOIN plans p2 ON p2.id = q2.plan_id "
        "WHERE e2.confirmed_at IS NOT NULL AND p2.province_code = :prov2 AND p2.fiscal_year = :fy2 "
        "GROUP BY e2.item_row_id) agg ON agg.item_row_id = ri.id "
        "LEFT JOIN quarterly_reports lq ON lq.plan_id = p.id AND lq.quarter = agg.last_quarter "
        "LEFT JOIN progress_entries le ON le.report_id = lq.id AND le.item_row_id = ri.id ";
  }
  return select + from +
         "WHERE p.province_code = :prov AND p.fiscal_year = :fy AND (:t1 = '' OR p.plan_type = :t2) "
         "ORDER BY p.id, ri.position";
}

report provincial(soci::session& sql, const report_query& q, const std::string& today) {
  report out;
  out.province_code = q.province_code;
  out.plan_type = q.plan_type;
  out.fiscal_year = q.fiscal_year;
  out.quarter = q.quarter;
  out.generated_at = format_iso(std::chrono::system_clock::now());
  const std::string query = activity_sql(q);
  auto run = [&](auto&& prep) {
    soci::rowset<soci::row> rows(prep);
    std::map<std::int64_t, std::size_t> plan_index;
    for (const auto& row : rows) {
      using namespace storage;
      const auto plan_id = column_int(row, 0);
      auto [it, added] = plan_index.try_emplace(plan_id, out.plans.size());
      if (added) {
        plan_report p;
        p.plan_id = plan_id;
        p.title = column_text(row, 1);
        p.province_code = column_text(row, 2);
        p.province_name_th = column_text(row, 3);
        p.plan_type = column_text(row, 4);
        p.agency = column_text(row, 5);
        p.due_on = q.quarter > 0 ? column_text(row, 18) : "";
        p.report_stage = column_text(row, 19);
        out.province_name_th = p.province_name_th;
        out.plans.push_back(std::move(p));
      }
      auto& plan = out.plans[it->second];
      activity_row a;
      a.item_id = column_text(row, 8);
      a.title = column_text(row, 9);
      a.agency = column_text(row, 10);
      a.planned_satang = column_opt_int(row, 11);
      a.target_value = column_opt_double(row, 12);
      a.unit = column_text(row, 13);
      a.status = row.get_indicator(14) == soci::i_null ? "missing" : column_text(row, 14);
      a.percent_complete = column_opt_double(row, 15);
      a.disbursed_satang = column_opt_int(row, 16).value_or(0);
      a.result_value = column_opt_double(row, 17);
      a.late = q.quarter > 0 && a.status == "missing" && column_text(row, 18) < today;
      a.comparator = column_text(row, 20);
      a.target_met = target_met(a.target_value, a.result_value, a.comparator);
      const std::string goal = column_text(row, 6), indicator = column_text(row, 7);
      if (plan.goals.empty() || plan.goals.back().goal != goal) plan.goals.push_back({goal, {}, {}});
      auto& g = plan.goals.back();
      if (g.indicators.empty() || g.indicators.back().indicator != indicator)
        g.indicators.push_back({indicator, {}, {}});
      auto& ind = g.indicators.back();
      count(ind.totals, a);
      count(g.totals, a);
      count(plan.totals, a);
      count(out.totals, a);
      if (a.late && std::ranges::find(plan.late_agencies, a.agency) == plan.late_agencies.end()) {
        plan.late_agencies.push_back(a.agency);
      }
      ind.activities.push_back(std::move(a));
    }
  };
  if (q.quarter > 0) {
    run((sql.prepare << query, soci::use(q.quarter), soci::use(q.province_code), soci::use(q.fiscal_year),
         soci::use(q.plan_type), soci::use(q.plan_type)));
  } else {
    run((sql.prepare << query, soci::use(q.province_code), soci::use(q.fiscal_year), soci::use(q.province_code),
         soci::use(q.fiscal_year), soci::use(q.plan_type), soci::use(q.plan_type)));
  }
  return out;
}

// The national roll-up: one aggregated row per province, computed by GROUP BY.
report national(soci::session& sql, const report_query& q, const std::string& today) {
  report out;
  out.plan_type = q.plan_type;
  out.fiscal_year = q.fiscal_year;
  out.quarter = q.quarter;
  out.generated_at = format_iso(std::chrono::system_clock::now());
  const std::string status = q.quarter > 0 ? "e.status" : "le.status";
  const std::string disbursed = q.quarter > 0 ? "e.disbursed_satang" : "agg.disbursed";
  std::string sql_text =
      "SELECT p.province_code, pr.name_th, COUNT(DISTINCT p.id), COUNT(ri.id), "
      "SUM(CASE WHEN " +
      status +
      " = 'not_started' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN " +
      status +
      " = 'in_progress' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN " +
      status +
      " = 'done' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN " +
      status +
      " = 'cancelled' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN " +
      status +
      " IS NULL THEN 1 ELSE 0 END), "
      "SUM(COALESCE(ri.budget_satang, 0)), SUM(COALESCE(" +
      disbursed + ", 0)), ";
  std::string from =
      " FROM plans p JOIN provinces pr ON pr.code = p.province_code JOIN report_items ri ON ri.plan_id = p.id ";
  if (q.quarter > 0) {
    sql_text += "COUNT(DISTINCT CASE WHEN e.id IS NULL AND qr.due_on < :today THEN ri.agency_id END)";
    from +=
        "JOIN quarterly_reports qr ON qr.plan_id = p.id AND qr.quarter = :q "
        "LEFT JOIN progress_entries e ON e.report_id = qr.id AND e.item_row_id = ri.id AND e.confirmed_at IS NOT NULL ";
  } else {
    sql_text += "0";
    from +=
        "LEFT JOIN (SELECT e2.item_row_id AS item_row_id, SUM(e2.disbursed_satang) AS disbursed, "
        "MAX(q2.quarter) AS last_quarter FROM progress_entries e2 JOIN quarterly_reports q2 ON q2.id = e2.report_id "
        "WHERE e2.confirmed_at IS NOT NULL AND q2.fiscal_year = :fy2 "
        "GROUP BY e2.item_row_id) agg ON agg.item_row_id = ri.id "
        "LEFT JOIN quarterly_reports lq ON lq.plan_id = p.id AND lq.quarter = agg.last_quarter "
        "LEFT JOIN progress_entries le ON le.report_id = lq.id AND le.item_row_id = ri.id ";
  }
  sql_text += from +
              "WHERE p.fiscal_year = :fy AND (:t1 = '' OR p.plan_type = :t2) "
              "GROUP BY p.province_code, pr.name_th ORDER BY p.province_code";
  auto run = [&](auto&& prep) {
    soci::rowset<soci::row> rows(prep);
    for (const auto& row : rows) {
      using namespace storage;
      province_row p;
      p.province_code = column_text(row, 0);
      p.province_name_th = column_text(row, 1);
      p.plans = int(column_int(row, 2));
      p.totals.activities = int(column_int(row, 3));
      p.totals.not_started = int(column_int(row, 4));
      p.totals.in_progress = int(column_int(row, 5));
      p.totals.done = int(column_int(row, 6));
      p.totals.cancelled = int(column_int(row, 7));
      p.totals.missing = int(column_int(row, 8));
      p.totals.planned_satang = column_int(row, 9);
      p.totals.disbursed_satang = column_int(row, 10);
      p.late_agencies = int(column_int(row, 11));
      add(out.totals, p.totals);
      out.provinces.push_back(std::move(p));
    }
  };
  if (q.quarter > 0) {
    run((sql.prepare << sql_text, soci::use(today), soci::use(q.quarter), soci::use(q.fiscal_year),
         soci::use(q.plan_type), soci::use(q.plan_type)));
  } else {
    run((sql.prepare << sql_text, soci::use(q.fiscal_year), soci::use(q.fiscal_year), soci::use(q.plan_type),
         soci::use(q.plan_type)));
  }
  return out;
}

}  // namespace

report build_report(soci::session& sql, const report_query& q, const std::string& today) {
  return q.province_code.empty() ? national(sql, q, today) : provincial(sql, q, today);
}

}  // namespace planflow::reports
