#include "text_checks.hpp"

#include "text_util.hpp"

#include <algorithm>
#include <array>

namespace planflow::plugins::ethics {

namespace {

// Thailand has 76 provinces and Bangkok; a provincial plan has no business
// counting them.
constexpr long k_provinces = 76;
constexpr long k_provinces_with_bangkok = 77;

constexpr std::string_view k_province = "จังหวัด";

// "๗๖ จังหวัด" and the like: the digits as written, then the word.
std::optional<std::string> province_count_phrase(std::string_view text) {
  for (const auto& run : number_runs(text)) {
    if (run.value != k_provinces && run.value != k_provinces_with_bangkok) continue;
    // a few spaces, then the word (21 bytes): bounded, so many numbers cost linear time
    std::string_view after = trim_spaces(text.substr(run.end, 48));
    if (after.starts_with(k_province))
      return std::string(text.substr(run.begin, run.end - run.begin)) + " " + std::string(k_province);
  }
  return std::nullopt;
}

// Head words of an office; alone or with one of k_generic_rest they name
// none in particular.
constexpr std::array<std::string_view, 4> k_office_heads = {"สำนักงาน", "กลุ่มงาน", "กอง", "ฝ่าย"};
constexpr std::array<std::string_view, 4> k_generic_rest = {"", "ราชการ", "ส่วนราชการ", "หน่วยงาน"};

}  // namespace

std::optional<std::string> national_template_phrase(std::string_view text) {
  if (auto phrase = province_count_phrase(text)) return phrase;
  const std::string compact = without_spaces(text);
  for (std::string_view phrase : {"จังหวัดละ", "ทุกจังหวัด"}) {
    if (contains(compact, phrase)) return std::string(phrase);
  }
  return std::nullopt;
}

bool is_garbled_agency_name(std::string_view name) {
  const std::string compact = without_spaces(name);
  std::string_view s = compact;
  return std::any_of(k_office_heads.begin(), k_office_heads.end(), [&](std::string_view head) {
    if (!s.starts_with(head)) return false;
    std::string_view rest = s.substr(head.size());
    return std::find(k_generic_rest.begin(), k_generic_rest.end(), rest) != k_generic_rest.end();
  });
}

}  // namespace planflow::plugins::ethics
