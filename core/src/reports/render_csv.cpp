#include "render_common.hpp"

#include <planflow/reports/render.hpp>

#include <fmt/format.h>

#include <array>

namespace planflow::reports {
namespace {

// RFC 4180 with the line ends it names; the BOM is what makes Excel read the
// file as UTF-8 instead of the Windows-874 code page of a Thai desktop.
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_line_end = "\r\n";

// A text cell that Excel would take for a formula ("=HYPERLINK(…)", or the
// "-สำนักงาน…" of a pasted list) gets a leading apostrophe, as OWASP advises
// for CSV injection. Numbers are written by us and never pass through here.
bool looks_like_formula(std::string_view field) {
  return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

class csv_writer {
 public:
  csv_writer() { out_ += k_bom; }

  void text(std::string_view field) {
    if (looks_like_formula(field)) {
      quoted_or_plain("'" + std::string(field));
    } else {
      quoted_or_plain(field);
    }
  }
  void number(std::string_view field) {
    separate();
    out_ += field;
  }
  void empty() { separate(); }
  void end_row() {
    out_ += k_line_end;
    at_row_start_ = true;
  }

  std::string take() { return std::move(out_); }

 private:
  void separate() {
    if (!at_row_start_) out_ += ',';
    at_row_start_ = false;
  }
  void quoted_or_plain(std::string_view field) {
    separate();
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ += field;
      return;
    }
    out_ += '"';
    for (char c : field) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }

  std::string out_;
  bool at_row_start_ = true;
};

void optional_number(csv_writer& csv, const std::optional<double>& value) {
  if (value) {
    csv.number(detail::plain_number(*value));
  } else {
    csv.empty();
  }
}

void percent(csv_writer& csv, const std::optional<double>& value) {
  if (value) {
    csv.number(detail::plain_percent(*value));
  } else {
    csv.empty();
  }
}

template <std::size_t N>
void header(csv_writer& csv, const std::array<std::string_view, N>& headers) {
  for (auto h : headers) csv.text(h);
  csv.end_row();
}

void provincial_rows(csv_writer& csv, const report& r) {
  using col = detail::activity_column;
  header(csv, detail::k_activity_headers);
  auto lines = detail::activity_lines(r);
  for (const auto& line : lines) {
    const auto& a = *line.activity;
    // Every row names its plan, goal and indicator so that it survives
    // sorting and filtering in a spreadsheet.
    csv.text(line.plan->title);
    csv.text(line.goal->goal);
    csv.text(line.indicator->indicator);
    csv.text(a.title);
    csv.text(a.agency);
    csv.text(detail::status_label(a.status));
    if (a.planned_satang) {
      csv.number(detail::plain_baht(*a.planned_satang));
    } else {
      csv.empty();  // no budget; a 0 would read as a budget of nothing
    }
    csv.number(detail::plain_baht(a.disbursed_satang));
    percent(csv, detail::disbursed_percent(a));
    optional_number(csv, a.target_value);
    optional_number(csv, a.result_value);
    csv.text(a.unit);
    csv.text(detail::target_met_label(a.target_met));
    optional_number(csv, a.percent_complete);
    csv.text(detail::late_label(a.late));
    csv.end_row();
  }

  auto sums = detail::sum_activities(lines);
  for (std::size_t c = 0; c < detail::k_activity_headers.size(); ++c) {
    switch (static_cast<col>(c)) {
      case col::plan:
        csv.text(detail::k_total_label);
        break;
      case col::activity:
        csv.number(std::to_string(sums.activities));
        break;
      case col::planned:
        csv.number(detail::plain_baht(sums.planned_satang));
        break;
      case col::disbursed:
        csv.number(detail::plain_baht(sums.disbursed_satang));
        break;
      case col::disbursed_percent:
        percent(csv, sums.disbursed_percent());
        break;
      case col::target_met:
        csv.number(std::to_string(sums.targets_met));
        break;
      case col::late:
        csv.number(std::to_string(sums.late));
        break;
      default:
        csv.empty();
        break;
    }
  }
  csv.end_row();
}

void national_rows(csv_writer& csv, const report& r) {
  header(csv, detail::k_province_headers);
  auto count_cells = [&](int plans, int activities, const std::array<int, 5>& statuses) {
    csv.number(std::to_string(plans));
    csv.number(std::to_string(activities));
    for (int n : statuses) csv.number(std::to_string(n));
  };
  for (const auto& p : r.provinces) {
    csv.text(p.province_code);
    csv.text(p.province_name_th);
    count_cells(p.plans, p.totals.activities, detail::status_counts(p.totals));
    csv.number(detail::plain_baht(p.totals.planned_satang));
    csv.number(detail::plain_baht(p.totals.disbursed_satang));
    percent(csv, p.totals.disbursed_percent());
    csv.number(std::to_string(p.late_agencies));
    csv.end_row();
  }

  auto sums = detail::sum_provinces(r.provinces);
  csv.text(detail::k_total_label);
  csv.empty();
  count_cells(sums.plans, sums.activities, sums.statuses);
  csv.number(detail::plain_baht(sums.planned_satang));
  csv.number(detail::plain_baht(sums.disbursed_satang));
  percent(csv, sums.disbursed_percent());
  csv.number(std::to_string(sums.late));
  csv.end_row();
}

}  // namespace

std::string to_csv(const report& r) {
  csv_writer csv;
  if (detail::is_national(r)) {
    national_rows(csv, r);
  } else {
    provincial_rows(csv, r);
  }
  return csv.take();
}

}  // namespace planflow::reports
