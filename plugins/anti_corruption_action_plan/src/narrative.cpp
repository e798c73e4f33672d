#include "narrative.hpp"

#include "text_scan.hpp"

#include <planflow/text/thai.hpp>

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace planflow::plugins::anti_corruption {
namespace {

namespace json = boost::json;
using std::string_view;

// A linkage line is a heading, not a paragraph that happens to start with
// "แผนแม่บท": longer text is narrative the content does not keep.
constexpr std::size_t k_max_linkage_bytes = 600;

struct body_name {
  string_view written;
  string_view abbreviation;
};
// Whom a provincial committee reports to, by the names the master plan's
// documents use, longest first where one contains another.
constexpr std::array<body_name, 6> k_bodies = {{
    {"ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย", "ศปท.มท."},
    {"ศปท.มท", "ศปท.มท."},
    {"ป.ป.ช.", "ป.ป.ช."},
    {"ป.ป.ท.", "ป.ป.ท."},
    {"คณะกรรมการขับเคลื่อนแผนแม่บท", "คณะกรรมการขับเคลื่อนแผนแม่บท"},
    {"ผู้ว่าราชการจังหวัด", "ผู้ว่าราชการจังหวัด"},
}};

struct frequency_word {
  string_view word;
  int every_months;
};
constexpr std::array<frequency_word, 7> k_frequencies = {{
    {"รายไตรมาส", 3},
    {"ทุกไตรมาส", 3},
    {"ทุกสามเดือน", 3},
    {"ทุกหกเดือน", 6},
    {"รายครึ่งปี", 6},
    {"รายปี", 12},
    {"รายเดือน", 1},
}};

// "- ๑) จัดทำ…", "๒. ส่งเสริม…": the text of a numbered duty, or "" when the
// paragraph is not one.
std::string duty_text(string_view paragraph) {
  auto s = scan::trim(paragraph);
  if (s.starts_with("-")) s = scan::trim(s.substr(1));
  std::size_t p = 0;
  int digits = 0;
  while (p < s.size() && digits < 3) {
    auto d = scan::digit_at(s, p);
    if (!d.length) break;
    p += d.length;
    ++digits;
  }
  if (digits == 0 || p >= s.size() || (s[p] != ')' && s[p] != '.')) return {};
  return std::string(scan::trim(s.substr(p + 1)));
}

// The years of "(พ.ศ. ๒๕๖๑ - ๒๕๘๐)", and where the parenthesis opens.
struct year_range {
  int first = 0, last = 0;
  std::size_t at = string_view::npos;
};
std::optional<year_range> years_in(string_view text) {
  constexpr string_view k_open = "(พ.ศ.";
  auto at = text.find(k_open);
  if (at == string_view::npos) return std::nullopt;
  const std::string digits = text::thai_digits_to_arabic(text.substr(at + k_open.size(), 40));
  int years[2] = {0, 0};
  int found = 0;
  for (std::size_t p = 0; p < digits.size() && found < 2;) {
    if (digits[p] < '0' || digits[p] > '9') {
      ++p;
      continue;
    }
    int value = 0, n = 0;
    while (p < digits.size() && digits[p] >= '0' && digits[p] <= '9' && n < 5)
      value = value * 10 + (digits[p++] - '0'), ++n;
    if (n != 4) return std::nullopt;
    years[found++] = value;
  }
  if (found != 2 || years[0] < 2400 || years[1] > 2799 || years[0] > years[1]) return std::nullopt;
  return year_range{years[0], years[1], at};
}

bool is_mandate_heading(string_view s) {
  const std::string compact = scan::without_spaces(s);
  return compact == "หน้าที่และอำนาจ" || compact == "อำนาจหน้าที่";
}

}  // namespace

std::optional<reporting_duty> reporting_duty_in(string_view duty) {
  if (duty.find("รายงาน") == string_view::npos) return std::nullopt;
  reporting_duty out;
  out.text = std::string(duty);
  std::vector<std::pair<std::size_t, string_view>> found;
  for (const auto& b : k_bodies) {
    auto at = duty.find(b.written);
    if (at == string_view::npos) continue;
    if (std::ranges::none_of(found, [&](const auto& f) { return f.second == b.abbreviation; })) {
      found.emplace_back(at, b.abbreviation);
    }
  }
  if (found.empty()) return std::nullopt;  // a report to nobody named is no duty one can check
  std::ranges::sort(found);
  for (const auto& [at, name] : found) out.to.emplace_back(name);
  const std::string compact = scan::without_spaces(duty);
  for (const auto& f : k_frequencies) {
    if (compact.find(f.word) != std::string::npos) {
      out.every_months = f.every_months;
      break;
    }
  }
  return out;
}

std::optional<linked_plan> linked_plan_in(string_view paragraph) {
  auto s = scan::trim(paragraph);
  if (s.size() > k_max_linkage_bytes) return std::nullopt;
  auto years = years_in(s);
  linked_plan out;
  if (s.starts_with("แผนแม่บท")) {
    out.scope = "master_plan";
  } else if (s.starts_with("แผนปฏิบัติการด้านการต่อต้านการทุจริต")) {
    out.scope = "national_action_plan";
  } else if (s.starts_with("แผนย่อย")) {
    out.scope = "sub_plan";
  } else if (s.starts_with("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด") && years && years->first != years->last) {
    // The province's multi-year plan; "… ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" is this
    // plan's own title, not a link.
    out.scope = "provincial_plan";
  } else {
    return std::nullopt;
  }
  out.title = std::string(scan::trim(years ? s.substr(0, years->at) : s));
  if (years) {
    out.first_year = years->first;
    out.last_year = years->last;
  }
  return out;
}

bool narrative_reader::take(string_view paragraph) {
  auto s = scan::trim(paragraph);
  if (is_mandate_heading(s)) {
    state_ = state::mandate_heading;
    return true;
  }
  if (state_ == state::mandate_heading) {
    if (out_.committee.empty() && (s.starts_with("ของคณะกรรมการ") || s.starts_with("คณะกรรมการ"))) {
      out_.committee = std::string(s.starts_with("ของ") ? scan::trim(s.substr(string_view("ของ").size())) : s);
      return true;
    }
    if (out_.mandate_text.empty() && s.starts_with("คำสั่ง")) {
      out_.mandate_text = std::string(s);
      return true;
    }
  }
  if (state_ != state::before) {
    if (auto duty = duty_text(s); !duty.empty()) {
      state_ = state::mandate;
      if (auto r = reporting_duty_in(duty)) out_.reporting.push_back(std::move(*r));
      out_.mandate.push_back(std::move(duty));
      return true;
    }
    state_ = state::before;
  }
  if (auto plan = linked_plan_in(s)) {
    const bool known =
        std::ranges::any_of(out_.linked_plans, [&](const linked_plan& p) { return p.scope == plan->scope; });
    if (!known) out_.linked_plans.push_back(std::move(*plan));
    return true;
  }
  return false;
}

json::object narrative_json(const narrative_info& n) {
  json::object committee;
  committee["name"] = n.committee;
  json::array duties;
  for (const auto& d : n.mandate) duties.emplace_back(d);
  committee["mandate"] = json::object{{"text", n.mandate_text}, {"duties", std::move(duties)}};
  json::array reporting;
  for (const auto& r : n.reporting) {
    json::array to;
    for (const auto& t : r.to) to.emplace_back(t);
    reporting.push_back(
        json::object{{"text", r.text},
                     {"to", std::move(to)},
                     {"every_months", r.every_months ? json::value(r.every_months) : json::value(nullptr)}});
  }
  committee["reporting"] = std::move(reporting);
  json::array plans;
  for (const auto& p : n.linked_plans) {
    plans.push_back(json::object{{"scope", p.scope},
                                 {"title", p.title},
                                 {"first_year", p.first_year ? json::value(*p.first_year) : json::value(nullptr)},
                                 {"last_year", p.last_year ? json::value(*p.last_year) : json::value(nullptr)}});
  }
  json::object out;
  out["committee"] = std::move(committee);
  out["linked_plans"] = std::move(plans);
  // Written empty when the document states none, so that the editor shows
  // the fields to fill in.
  const approval_info approval = n.approval.value_or(approval_info{});
  out["approval"] = json::object{{"body", approval.body},
                                 {"meeting", approval.meeting},
                                 {"date", approval.date},
                                 {"resolution", approval.resolution}};
  return out;
}

}  // namespace planflow::plugins::anti_corruption
