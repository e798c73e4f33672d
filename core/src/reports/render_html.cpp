#include "render_common.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/reports/render.hpp>
#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace planflow::reports {
namespace {

// Fonts are named, never fetched: the page is printed in provincial offices
// that may be offline, and every Thai desktop has at least one of these.
constexpr std::string_view k_style = R"css(
@page { size: A4; margin: 15mm }
* { box-sizing: border-box }
body { font-family: "TH Sarabun New", "Sarabun", "Garuda", "Loma", "Norasi", sans-serif;
       font-size: 14pt; line-height: 1.3; color: #000; background: #fff; margin: 0 }
h1 { font-size: 19pt; text-align: center; margin: 0 0 2pt }
h2 { font-size: 16pt; margin: 14pt 0 2pt; break-after: avoid; page-break-after: avoid }
p { margin: 0 0 6pt }
header p { text-align: center }
table { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 12pt }
th, td { border: 0.5pt solid #666; padding: 1pt 4pt; vertical-align: top; text-align: left }
thead { display: table-header-group }
tfoot { display: table-footer-group }
thead th { background: #e6e6e6; text-align: center; vertical-align: middle }
tr { break-inside: avoid; page-break-inside: avoid }
.num { text-align: right; white-space: nowrap }
tr.goal > * { background: #f0f0f0; font-weight: bold }
tr.indicator > th { font-weight: bold; padding-left: 10pt }
tr.activity > td:first-child { padding-left: 16pt }
tr.late > td { color: #a00000 }
tfoot th, tfoot td { font-weight: bold; border-top: 1.2pt solid #000 }
.late-agencies { break-inside: avoid; page-break-inside: avoid }
@media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact } }
)css";

// What the page itself needs: its one inline style sheet, by hash, so that
// no other style (a style attribute or element smuggled into the text) applies.
std::string document_policy() {
  return "default-src 'none'; style-src 'sha256-" + auth::sha256_base64(k_style) +
         "'; base-uri 'none'; form-action 'none'";
}

// The plan's own columns; the plan is the section around the table and the
// goal and indicator are the group rows inside it.
// clang-format off: one heading a line
constexpr std::array<std::string_view, 12> k_plan_table_headers{
    "โครงการ/กิจกรรม", "หน่วยงาน",       "สถานะ",  "งบประมาณที่ได้รับ (บาท)", "เบิกจ่าย (บาท)",    "ร้อยละการเบิกจ่าย",
    "ค่าเป้าหมาย",      "ผลการดำเนินงาน", "หน่วยนับ", "บรรลุค่าเป้าหมาย",       "ร้อยละความก้าวหน้า", "ล่าช้า",
};
// clang-format on
// Cells after the money: target, result, unit, target met, progress, late.
constexpr int k_cells_after_money = 6;

class page {
 public:
  page(const report& r, const html_options& options) : report_(r), options_(options) {}

  std::string render() {
    auto title = digits(detail::report_title(report_));
    out_ += "<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    write_text(document_policy());
    out_ += "\">\n";
    out_ += "<title>";
    write_text(title);
    out_ += "</title>\n<style>";
    out_ += k_style;
    out_ += "</style>\n</head>\n<body>\n";
    header(title);
    summary();
    if (!report_.provinces.empty()) provinces();
    for (const auto& plan : report_.plans) plan_section(plan);
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  // Digits we produce (amounts, counts, dates) follow the option; text
  // typed by people is shown as they typed it.
  std::string digits(std::string_view s) const {
    return options_.thai_digits ? text::arabic_digits_to_thai(s) : std::string(s);
  }

  void write_text(std::string_view s) {
    for (char c : s) {
      switch (c) {
        case '&':
          out_ += "&amp;";
          break;
        case '<':
          out_ += "&lt;";
          break;
        case '>':
          out_ += "&gt;";
          break;
        case '"':
          out_ += "&quot;";
          break;
        case '\'':
          out_ += "&#39;";
          break;
        default:
          out_ += c;
      }
    }
  }

  void cell(std::string_view tag, std::string_view content, std::string_view attributes = {}) {
    out_ += '<';
    out_ += tag;
    out_ += attributes;
    out_ += '>';
    write_text(content);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }
  void td(std::string_view content) { cell("td", content); }
  void number_td(std::string_view number) { cell("td", digits(number), " class=\"num\""); }
  void count_td(int n) { number_td(std::to_string(n)); }
  void baht_td(std::int64_t satang) { number_td(detail::grouped_baht(satang)); }
  void percent_td(const std::optional<double>& percent) {
    number_td(percent ? detail::plain_percent(*percent) : std::string());
  }
  void optional_td(const std::optional<double>& value) {
    number_td(value ? detail::plain_number(*value) : std::string());
  }
  void empty_tds(int n) {
    for (int i = 0; i < n; ++i) out_ += "<td></td>";
  }

  template <std::size_t N>
  void thead(const std::array<std::string_view, N>& headers) {
    out_ += "<thead><tr>";
    for (auto h : headers) cell("th", h, " scope=\"col\"");
    out_ += "</tr></thead>\n";
  }

  std::string thai_date(std::chrono::year_month_day day) const {
    return text::format_thai_date(day, false, options_.thai_digits);
  }

  void header(const std::string& title) {
    out_ += "<header>\n<h1>";
    write_text(title);
    out_ += "</h1>\n<p>";
    write_text(report_.plan_type.empty() ? std::string("ทุกประเภทแผน") : "ประเภทแผน " + report_.plan_type);
    auto day = detail::generated_day(report_.generated_at);
    if (day.ok()) {
      write_text(" · จัดทำเมื่อวันที่ ");
      write_text(thai_date(day));
    }
    out_ += "</p>\n</header>\n";
  }

  void summary() {
    const auto& t = report_.totals;
    out_ += "<section class=\"summary\">\n<h2>สรุปผล</h2>\n<table>\n";
    std::array<std::string_view, 9> headers{"จำนวนโครงการ/กิจกรรม"};
    std::copy(detail::k_status_headers.begin(), detail::k_status_headers.end(), headers.begin() + 1);
    headers[6] = "งบประมาณที่ได้รับ (บาท)";
    headers[7] = "เบิกจ่าย (บาท)";
    headers[8] = "ร้อยละการเบิกจ่าย";
    thead(headers);
    out_ += "<tbody><tr>";
    count_td(t.activities);
    for (int n : detail::status_counts(t)) count_td(n);
    baht_td(t.planned_satang);
    baht_td(t.disbursed_satang);
    percent_td(t.disbursed_percent());
    out_ += "</tr></tbody>\n</table>\n</section>\n";
  }

  void province_cells(int plans, int activities, const std::array<int, 5>& statuses, std::int64_t planned,
                      std::int64_t disbursed, const std::optional<double>& percent, int late) {
    count_td(plans);
    count_td(activities);
    for (int n : statuses) count_td(n);
    baht_td(planned);
    baht_td(disbursed);
    percent_td(percent);
    count_td(late);
  }

  void provinces() {
    out_ += "<section class=\"national\">\n<h2>ผลการดำเนินงานรายจังหวัด</h2>\n<table>\n";
    // The code column is for machines; people read the name.
    std::array<std::string_view, detail::k_province_headers.size() - 1> headers{};
    std::copy(detail::k_province_headers.begin() + 1, detail::k_province_headers.end(), headers.begin());
    thead(headers);
    out_ += "<tbody>\n";
    for (const auto& p : report_.provinces) {
      out_ += "<tr>";
      td(p.province_name_th.empty() ? p.province_code : p.province_name_th);
      province_cells(p.plans, p.totals.activities, detail::status_counts(p.totals), p.totals.planned_satang,
                     p.totals.disbursed_satang, p.totals.disbursed_percent(), p.late_agencies);
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n<tfoot><tr>";
    auto sums = detail::sum_provinces(report_.provinces);
    cell("th", detail::k_total_label, " scope=\"row\"");
    province_cells(sums.plans, sums.activities, sums.statuses, sums.planned_satang, sums.disbursed_satang,
                   sums.disbursed_percent(), sums.late);
    out_ += "</tr></tfoot>\n</table>\n</section>\n";
  }

  // A goal, an indicator or the plan total: a label over the first three
  // columns and the money of the group under the money columns.
  void group_row(std::string_view css_class, const std::string& label, const totals& t) {
    out_ += "<tr class=\"";
    out_ += css_class;
    out_ += "\">";
    cell("th", label, css_class == "total" ? " colspan=\"3\" scope=\"row\"" : " colspan=\"3\" scope=\"rowgroup\"");
    baht_td(t.planned_satang);
    baht_td(t.disbursed_satang);
    percent_td(t.disbursed_percent());
    empty_tds(k_cells_after_money);
    out_ += "</tr>\n";
  }

  void activity_tr(const activity_row& a) {
    out_ += a.late ? "<tr class=\"activity late\">" : "<tr class=\"activity\">";
    td(a.title);
    td(a.agency);
    td(detail::status_label(a.status));
    if (a.planned_satang) {
      baht_td(*a.planned_satang);
    } else {
      td("ไม่ใช้งบประมาณ");
    }
    baht_td(a.disbursed_satang);
    percent_td(detail::disbursed_percent(a));
    optional_td(a.target_value);
    optional_td(a.result_value);
    td(a.unit);
    td(detail::target_met_label(a.target_met));
    optional_td(a.percent_complete);
    td(a.late ? "ล่าช้า" : "");
    out_ += "</tr>\n";
  }

  void plan_section(const plan_report& plan) {
    out_ += "<section class=\"plan\">\n<h2>";
    write_text(plan.title);
    out_ += "</h2>\n<p>";
    std::string meta;
    if (!plan.agency.empty()) meta += "หน่วยงานรับผิดชอบ " + plan.agency;
    auto add = [&](std::string part) {
      if (!meta.empty()) meta += " · ";
      meta += part;
    };
    if (!plan.report_stage.empty()) add("สถานะรายงาน " + std::string(detail::stage_label(plan.report_stage)));
    if (auto due = text::parse_iso_date(plan.due_on)) add("กำหนดส่ง " + thai_date(*due));
    write_text(meta);
    out_ += "</p>\n<table>\n";
    thead(k_plan_table_headers);
    out_ += "<tbody>\n";
    for (const auto& goal : plan.goals) {
      group_row("goal", "เป้าหมาย: " + goal.goal, goal.totals);
      for (const auto& indicator : goal.indicators) {
        group_row("indicator", "ตัวชี้วัด: " + indicator.indicator, indicator.totals);
        for (const auto& a : indicator.activities) activity_tr(a);
      }
    }
    out_ += "</tbody>\n<tfoot>";
    auto label =
        fmt::format("{} ({} โครงการ/กิจกรรม)", detail::k_total_label, digits(std::to_string(plan.totals.activities)));
    group_row("total", label, plan.totals);
    out_ += "</tfoot>\n</table>\n";
    late_agencies(plan.late_agencies);
    out_ += "</section>\n";
  }

  void late_agencies(const std::vector<std::string>& agencies) {
    out_ += "<div class=\"late-agencies\"><p><strong>หน่วยงานที่ยังไม่รายงานผลตามกำหนด</strong>";
    if (agencies.empty()) {
      out_ += " ไม่มี</p></div>\n";
      return;
    }
    out_ += "</p>\n<ol>\n";
    for (const auto& agency : agencies) {
      out_ += "<li>";
      write_text(agency);
      out_ += "</li>\n";
    }
    out_ += "</ol></div>\n";
  }

  const report& report_;
  const html_options& options_;
  std::string out_;
};

}  // namespace

std::string to_html(const report& r, const html_options& options) { return page(r, options).render(); }

std::string html_content_security_policy() { return document_policy() + "; frame-ancestors 'none'"; }

}  // namespace planflow::reports
