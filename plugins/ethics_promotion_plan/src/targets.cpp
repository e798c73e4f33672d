#include "targets.hpp"

#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace planflow::plugins::ethics {

namespace {

constexpr std::array<std::string_view, 4> k_percentage_units = {"ร้อยละ", "%", "เปอร์เซ็นต์", "เปอร์เซนต์"};

// Units met in ethics plans; a cell that is one of them (or starts with
// จำนวน/ร้อยละ/ระดับ) is a unit, not an agency or a budget.
constexpr std::array<std::string_view, 16> k_unit_words = {"ร้อยละ",   "ระดับ",   "คน",   "ครั้ง",    "แห่ง", "หน่วยงาน",
                                                           "โครงการ", "กิจกรรม", "เรื่อง", "ช่องทาง", "ฉบับ", "หลักสูตร",
                                                           "เครือข่าย", "รุ่น",     "%",    "ราย"};

// Words that may stand beside the number of a target cell.
constexpr std::array<std::string_view, 9> k_target_words = {"ไม่น้อยกว่า", "อย่างน้อย", "มากกว่า", "ร้อยละ", "ระดับ",
                                                            "ครั้ง",      "คน",      "จำนวน",  "แห่ง"};

// Things an ethics plan counts ("จำนวนโครงการ", "จำนวน (คน)"). Only counts
// of these are compared: a count of something else ("จำนวนเจ้าหน้าที่…")
// may have any unit.
constexpr std::array<std::string_view, 16> k_count_nouns = {"โครงการ", "กิจกรรม", "ครั้ง", "คน",     "หน่วยงาน", "แห่ง",
                                                            "เรื่อง",    "ช่องทาง", "ฉบับ", "หลักสูตร", "เครือข่าย", "รุ่น",
                                                            "ราย",     "ชมรม",   "แผน", "ผลงาน"};

// Words that make an indicator's text a measure: with none of them, and no
// number, there is nothing to compare a result with.
constexpr std::array<std::string_view, 14> k_measure_words = {"ร้อยละ", "%",     "ระดับ",     "จำนวน",     "อัตรา",
                                                              "สัดส่วน", "คะแนน", "ค่าเฉลี่ย",   "ผลการ",     "ความสำเร็จ",
                                                              "ดัชนี",   "ITA",   "เปอร์เซ็นต์", "ความพึงพอใจ"};

// Wording of a change, which needs a baseline to be measured.
constexpr std::array<std::string_view, 4> k_change_words = {"เพิ่มขึ้น", "ลดลง", "อัตราการเพิ่ม", "อัตราการลด"};

// Wording that names the baseline a change is measured from.
constexpr std::array<std::string_view, 11> k_baseline_words = {
    "เทียบกับ", "ค่าฐาน", "ปีฐาน", "ข้อมูลฐาน", "จากปี", "จากค่า", "จากเดิม", "จากฐาน", "จากผล", "baseline", "Baseline"};

bool contains_any(std::string_view text, auto const& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return contains(text, w); });
}

// The longest count noun `s` starts with, or "".
std::string_view count_noun_at(std::string_view s) {
  std::string_view best;
  for (auto noun : k_count_nouns) {
    if (s.starts_with(noun) && noun.size() > best.size()) best = noun;
  }
  return best;
}

// The count nouns a "จำนวน…" text lists: "โครงการ/กิจกรรมรณรงค์" gives both.
std::vector<std::string> counted_nouns(std::string_view rest) {
  std::vector<std::string> nouns;
  while (true) {
    auto noun = count_noun_at(rest);
    if (noun.empty()) break;
    nouns.emplace_back(noun);
    rest.remove_prefix(noun.size());
    bool joined = false;
    for (std::string_view joint : {"/", "และ", "หรือ"}) {
      if (rest.starts_with(joint)) {
        rest.remove_prefix(joint.size());
        joined = true;
        break;
      }
    }
    if (!joined) break;
  }
  return nouns;
}

bool never_falls(const std::vector<double>& values, std::size_t skip) {
  bool have_previous = false;
  double previous = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == skip) continue;
    if (have_previous && values[i] < previous) return false;
    previous = values[i];
    have_previous = true;
  }
  return true;
}

bool rises(const std::vector<double>& values, std::size_t skip) {
  bool have_previous = false;
  double previous = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == skip) continue;
    if (have_previous && values[i] > previous) return true;
    previous = values[i];
    have_previous = true;
  }
  return false;
}

}  // namespace

bool is_percentage_unit(std::string_view unit) {
  return std::any_of(k_percentage_units.begin(), k_percentage_units.end(),
                     [&](std::string_view u) { return contains(unit, u); });
}

bool is_unit_word(std::string_view cleaned) {
  std::string compact = without_spaces(cleaned);
  std::string_view s = compact;
  if (s.empty()) return false;
  if (s.starts_with("จำนวน") || s.starts_with("ร้อยละ") || s.starts_with("ระดับ")) return true;
  return std::find(k_unit_words.begin(), k_unit_words.end(), s) != k_unit_words.end();
}

std::optional<double> parse_target(std::string_view cleaned, std::string_view unit) {
  if (auto value = text::parse_number(cleaned)) return value;
  const std::string compact = without_spaces(cleaned);
  std::string rest = compact;
  if (!unit.empty()) rest = replace_all(rest, without_spaces(unit), "");
  for (auto word : k_target_words) rest = replace_all(rest, word, "");
  if (rest.empty() || rest == compact) return std::nullopt;
  return text::parse_number(rest);
}

std::vector<std::size_t> drops_in_rising_series(const std::vector<double>& values) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i] < values[i - 1] && never_falls(values, i) && rises(values, i)) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> outliers(const std::vector<double>& values) {
  std::vector<std::size_t> out;
  if (values.size() < 3) return out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double low = 0, high = 0;
    bool first = true;
    for (std::size_t j = 0; j < values.size(); ++j) {
      if (j == i) continue;
      low = first ? values[j] : std::min(low, values[j]);
      high = first ? values[j] : std::max(high, values[j]);
      first = false;
    }
    if (low <= 0 || high > low * 1.5) continue;  // the others are not steady
    if (values[i] < low / 2 || values[i] > high * 2) out.push_back(i);
  }
  return out;
}

measure indicator_measure(std::string_view text) {
  const std::string compact = without_spaces(strip_item_number(text));
  std::string_view s = compact;
  if (s.starts_with("ร้อยละ") || s.starts_with("%")) return {measure_kind::percentage, {}};
  if (s.starts_with("ระดับ")) return {measure_kind::level, {}};
  constexpr std::string_view k_number_of = "จำนวน";
  if (s.starts_with(k_number_of)) return {measure_kind::count, counted_nouns(s.substr(k_number_of.size()))};
  return {};
}

measure unit_measure(std::string_view unit) {
  if (is_percentage_unit(unit)) return {measure_kind::percentage, {}};
  std::string compact = without_spaces(unit);
  compact = replace_all(replace_all(compact, "(", ""), ")", "");
  std::string_view s = compact;
  if (s.starts_with("ระดับ")) return {measure_kind::level, {}};
  constexpr std::string_view k_number_of = "จำนวน";
  if (s.starts_with(k_number_of)) s.remove_prefix(k_number_of.size());
  if (s.empty()) return compact.empty() ? measure{} : measure{measure_kind::count, {}};  // "จำนวน" alone
  // A unit is one noun ("ครั้ง"); anything longer is not judged.
  if (count_noun_at(s) == s) return {measure_kind::count, {std::string(s)}};
  return {};
}

bool measures_contradict(const measure& stated, const measure& unit) {
  if (stated.kind == measure_kind::unknown || unit.kind == measure_kind::unknown) return false;
  if (stated.kind != unit.kind) return true;
  if (stated.kind != measure_kind::count || stated.nouns.empty() || unit.nouns.empty()) return false;
  return std::none_of(unit.nouns.begin(), unit.nouns.end(), [&](const std::string& noun) {
    return std::find(stated.nouns.begin(), stated.nouns.end(), noun) != stated.nouns.end();
  });
}

bool names_a_measure(std::string_view text) {
  if (!number_runs(text).empty()) return true;
  const std::string compact = without_spaces(text);
  // "มี…" (has a code of ethics, a handbook) is a yes/no indicator: measurable.
  return std::string_view(compact).starts_with("มี") || contains_any(compact, k_measure_words);
}

bool is_relative_target(std::string_view text) { return contains_any(without_spaces(text), k_change_words); }

std::string comparator_in(std::string_view text) {
  const std::string compact = without_spaces(text);
  return contains(compact, "ไม่เกิน") || contains(compact, "ไม่มากกว่า") ? "at_most" : "at_least";
}

bool names_baseline(std::string_view text) { return contains_any(without_spaces(text), k_baseline_words); }

bool looks_like_year(double value, int first_year, int last_year) {
  return std::trunc(value) == value && value >= first_year - 5 && value <= last_year + 5;
}

}  // namespace planflow::plugins::ethics
