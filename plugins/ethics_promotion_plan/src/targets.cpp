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

bool looks_like_year(double value, int first_year, int last_year) {
  return std::trunc(value) == value && value >= first_year - 5 && value <= last_year + 5;
}

}  // namespace planflow::plugins::ethics
