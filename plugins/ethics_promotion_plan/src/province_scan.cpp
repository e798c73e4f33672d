#include "province_scan.hpp"

#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace planflow::plugins::ethics {

namespace {

constexpr std::array<std::string_view, 2> k_markers = {"จังหวัด", "จ."};

}  // namespace

std::vector<const plugin::province_name*> provinces_named(std::string_view text,
                                                          const std::vector<plugin::province_name>& provinces) {
  std::vector<const plugin::province_name*> out;
  if (provinces.empty() || text.empty()) return out;
  const std::string compact = without_spaces(text::clean_cell(text));
  std::string_view s = compact;
  for (auto marker : k_markers) {
    for (auto pos = s.find(marker); pos != std::string_view::npos; pos = s.find(marker, pos + 1)) {
      std::string_view rest = s.substr(pos + marker.size());
      const plugin::province_name* best = nullptr;
      for (const auto& p : provinces) {
        if (p.name_th.empty() || !rest.starts_with(p.name_th)) continue;
        if (!best || p.name_th.size() > best->name_th.size()) best = &p;
      }
      if (best && std::find(out.begin(), out.end(), best) == out.end()) out.push_back(best);
    }
  }
  return out;
}

const plugin::province_name* province_by_code(const std::vector<plugin::province_name>& provinces,
                                              std::string_view code) {
  if (code.empty()) return nullptr;
  auto it = std::find_if(provinces.begin(), provinces.end(), [&](const auto& p) { return p.code == code; });
  return it == provinces.end() ? nullptr : &*it;
}

}  // namespace planflow::plugins::ethics
