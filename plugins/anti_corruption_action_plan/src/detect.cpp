#include "detect.hpp"

#include "table_rows.hpp"

#include <algorithm>

namespace planflow::plugins::anti_corruption {

namespace {

// Documents are a few hundred kilobytes; the phrases that matter sit near the
// top and in every table header, so a bounded prefix decides.
constexpr std::size_t k_scan_limit = 4 * 1024 * 1024;

}  // namespace

bool is_activity_table_header(std::string_view line) {
  if (line.find('\t') == std::string_view::npos) return false;
  auto layout = read_header_layout(line);
  return layout && layout->recognised >= 6;
}

double detect_score(std::string_view document) {
  document = document.substr(0, std::min(document.size(), k_scan_limit));
  bool action_plan = document.find("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด") != std::string_view::npos;
  bool anti_corruption = document.find("ต่อต้านการทุจริต") != std::string_view::npos;
  bool committee = document.find("คณะกรรมการผลักดันการดำเนินงาน") != std::string_view::npos;
  bool headings =
      document.find("เป้าหมายที่") != std::string_view::npos && document.find("ตัวชี้วัดที่") != std::string_view::npos;

  bool table = false;
  for (std::size_t start = 0; start < document.size() && !table;) {
    auto end = document.find('\n', start);
    if (end == std::string_view::npos) end = document.size();
    auto line = document.substr(start, end - start);
    // Only lines that name the first column are worth splitting into cells.
    if (line.find("ลักษณะสำคัญ") != std::string_view::npos) table = is_activity_table_header(line);
    start = end + 1;
  }

  double score = 0.35 * action_plan + 0.2 * anti_corruption + 0.3 * table + 0.1 * headings + 0.05 * committee;
  // The table and headings alone also fit other provincial plans.
  if (!(action_plan && anti_corruption)) score = std::min(score, 0.45);
  return std::clamp(score, 0.0, 1.0);
}

}  // namespace planflow::plugins::anti_corruption
