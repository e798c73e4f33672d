#include "master_plan.hpp"

#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <array>

namespace planflow::plugins::ethics {

namespace {

// Titles as the seed's own list of the plan's strategies gives them (section
// ๒.๓), which is the Cabinet-approved wording; the same document's table
// headings misspell two of them, which is why they are not read from there.
constexpr std::array<master_strategy, 5> k_strategies{{
    {1, "การสร้างมาตรฐานทางจริยธรรมภายในหน่วยงานของรัฐ", "Building ethical standards within state agencies"},
    {2, "การพัฒนาผลักดันนโยบายและระบบบริหารการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐให้ครอบคลุมทุกหน่วยงานและทุกระดับ",
     "Developing and driving the policy and management system that promotes public-sector ethical standards in "
     "every agency and at every level"},
    {3, "การส่งเสริมการนำมาตรฐานทางจริยธรรมไปใช้ในการบริหารงานบุคคล",
     "Promoting the use of ethical standards in personnel management"},
    {4, "การรวมพลังทุกภาคส่วนในการสร้างสังคม-วัฒนธรรมทางจริยธรรม",
     "Joining the forces of every sector to build an ethical society and culture"},
    {5, "การสื่อสารเพื่อสร้างความรู้ความเข้าใจและเสริมสร้างทัศนคติเรื่องมาตรฐานทางจริยธรรมและการกระทำผิด",
     "Communicating to build knowledge, understanding and attitudes about ethical standards and misconduct"},
}};

constexpr std::string_view k_continued = "(ต่อ)";

}  // namespace

std::span<const master_strategy> master_strategies() { return k_strategies; }

const master_strategy* find_master_strategy(int number) {
  if (number < 1 || number > static_cast<int>(k_strategies.size())) return nullptr;
  return &k_strategies[static_cast<std::size_t>(number - 1)];
}

std::string normalized_title(std::string_view title) {
  std::string compact = without_spaces(text::thai_digits_to_arabic(text::clean_cell(title)));
  std::string out;
  out.reserve(compact.size());
  std::string_view s = compact;
  for (std::size_t p = 0; p < s.size();) {
    // en dash, em dash and minus sign all read as "-"
    if (s.substr(p).starts_with("\u2013") || s.substr(p).starts_with("\u2014") || s.substr(p).starts_with("\u2212")) {
      out.push_back('-');
      p += 3;
    } else {
      out.push_back(s[p++]);
    }
  }
  std::string_view result = out;
  if (result.ends_with(k_continued)) result.remove_suffix(k_continued.size());
  return std::string(result);
}

bool same_title(std::string_view a, std::string_view b) { return normalized_title(a) == normalized_title(b); }

}  // namespace planflow::plugins::ethics
