#include "detect.hpp"

#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace planflow::plugins::ethics {

namespace {

std::size_t count_of(std::string_view text, std::string_view word) {
  std::size_t n = 0;
  for (auto pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + word.size())) ++n;
  return n;
}

// "ยุทธศาสตร์ที่ N" followed, within the heading, by the ethics vocabulary:
// every one of the five master-plan titles contains จริยธรรม.
int strategies_named(std::string_view text) {
  constexpr std::string_view k_heading = "ยุทธศาสตร์ที่";
  constexpr std::size_t k_title_window = 400;  // bytes: a long Thai title
  std::array<bool, 5> seen{};
  for (auto pos = text.find(k_heading); pos != std::string_view::npos; pos = text.find(k_heading, pos + 1)) {
    std::size_t p = pos + k_heading.size();
    while (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] < '1' || text[p] > '5') continue;
    if (p + 1 < text.size() && text[p + 1] >= '0' && text[p + 1] <= '9') continue;
    std::string_view title = text.substr(p + 1, k_title_window);
    if (auto end = title.find('\n'); end != std::string_view::npos) title = title.substr(0, end);
    if (contains(title, "จริยธรรม")) seen[static_cast<std::size_t>(text[p] - '1')] = true;
  }
  return static_cast<int>(std::count(seen.begin(), seen.end(), true));
}

// A table row whose cells include three consecutive BE years: the per-year
// target header of the plan's tables.
bool has_year_header(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!contains(line, "\t")) continue;
    int run = 0;
    int previous = 0;
    std::size_t cell_start = 0;
    while (cell_start <= line.size()) {
      std::size_t cell_end = line.find('\t', cell_start);
      if (cell_end == std::string_view::npos) cell_end = line.size();
      auto year = cell_year(line.substr(cell_start, cell_end - cell_start));
      run = year && run > 0 && *year == previous + 1 ? run + 1 : (year ? 1 : 0);
      if (year) previous = *year;
      if (run >= 3) return true;
      cell_start = cell_end + 1;
    }
  }
  return false;
}

}  // namespace

double detect_score(std::string_view document_text) {
  const std::string text = text::thai_digits_to_arabic(document_text);
  double score = 0;
  if (contains(text, "ส่งเสริมคุณธรรม")) score += 0.35;
  if (count_of(text, "มาตรฐานทางจริยธรรม") >= 3) score += 0.15;
  score += 0.06 * strategies_named(text);
  if (has_year_header(text)) score += 0.1;
  if (contains(text, "ค่าเป้าหมาย")) score += 0.05;
  if (count_of(text, "ทุจริต") > count_of(text, "จริยธรรม")) score -= 0.3;
  return std::clamp(score, 0.0, 1.0);
}

}  // namespace planflow::plugins::ethics
