#include <planflow/text/agency_names.hpp>
#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace planflow::text {
namespace {

// Words an agency's name starts with. A space followed by one of them starts
// the next agency of a cell, unless what comes before is no name yet.
constexpr std::array<std::string_view, 14> k_heads = {"สำนักงาน",   "สนง.",      "หน่วยงาน", "องค์กร", "องค์การ",
                                                      "ราชการส่วน", "ส่วนราชการ", "เทศบาล",  "ชมรม",  "คณะ",
                                                      "ประธาน",    "ศูนย์",       "กรม",     "อำเภอ"};

// Phrases that make a name a group of agencies rather than one.
constexpr std::array<std::string_view, 7> k_collective = {
    "ทุกส่วนราชการ",         "ทุกส่วน",         "ทุกหน่วยงาน", "หน่วยงานภาครัฐ", "องค์กรปกครองส่วนท้องถิ่น",
    "หน่วยงานที่ได้รับมอบหมาย", "ส่วนราชการภูมิภาค"};

constexpr std::string_view k_province_word = "จังหวัด";

bool starts_with_head(std::string_view s) {
  return std::ranges::any_of(k_heads, [&](std::string_view h) { return s.starts_with(h); });
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The sub-unit in parentheses at the end of a name, and the name without it.
std::pair<std::string, std::string> unit_of(std::string name) {
  auto open = name.find('(');
  auto close = name.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return {name, ""};
  std::string unit = collapse_whitespace(name.substr(open + 1, close - open - 1));
  name.erase(open, close - open + 1);
  return {collapse_whitespace(name), unit};
}

bool is_collective(std::string_view name) {
  const auto key = without_spaces(name);
  return std::ranges::any_of(k_collective, [&](std::string_view p) { return key.find(p) != std::string::npos; });
}

}  // namespace

std::vector<agency_mention> split_agencies(std::string_view cell) {
  const std::string text = collapse_whitespace(clean_cell(cell));
  std::vector<std::string> names;
  std::string current;
  int depth = 0;  // a space inside parentheses never splits
  for (auto word : words(text)) {
    // A bullet glued to a name ("-สำนักงาน…") starts the next agency; a lone
    // dash ("STRONG - จิตพอเพียง") is part of a name.
    const bool bullet = word.size() > 1 && (word.front() == '-' || word.starts_with("•"));
    if (bullet) {
      word.remove_prefix(word.front() == '-' ? 1 : std::string_view("•").size());
      if (depth == 0 && !current.empty()) {
        names.push_back(current);
        current.clear();
      }
    }
    const auto before = without_spaces(current);
    // A head word starts the next agency, unless what comes before is no
    // name yet ("สำนักงาน ราชการ") or asks for every one ("ทุก ส่วนราชการ").
    const bool splits = depth == 0 && !before.empty() && starts_with_head(word) &&
                        std::ranges::none_of(k_heads, [&](std::string_view h) { return before == h; }) &&
                        !before.ends_with("ทุก");
    if (splits) {
      names.push_back(current);
      current.clear();
    }
    if (!current.empty()) current += ' ';
    current += word;
    depth += int(std::ranges::count(word, '(')) - int(std::ranges::count(word, ')'));
  }
  if (!current.empty()) names.push_back(current);

  std::vector<agency_mention> out;
  for (auto& n : names) {
    auto [name, unit] = unit_of(n);
    out.push_back({name, unit, is_collective(name)});
  }
  return out;
}

std::string agency_key(std::string_view name, std::string_view province_name_th) {
  std::string key = without_spaces(unit_of(std::string(name)).first);
  replace_all(key, "สนง.", "สำนักงาน");
  if (key.starts_with("สนง") && !key.starts_with("สนงาน")) key.replace(0, std::string_view("สนง").size(), "สำนักงาน");
  if (key.ends_with(k_province_word) && !province_name_th.empty()) key += without_spaces(province_name_th);
  return key;
}

namespace {

// Similarity of two keys: the Dice coefficient over their UTF-8 code-point
// bigrams, which tolerates a missing or extra word in Thai names.
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

double similarity(std::string_view a, std::string_view b) {
  auto bigrams = [](std::string_view s) {
    std::multiset<std::string> out;
    auto cps = code_points(s);
    for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.insert(cps[i] + cps[i + 1]);
    return out;
  };
  auto x = bigrams(a), y = bigrams(b);
  if (x.empty() || y.empty()) return 0;
  const std::size_t total = x.size() + y.size();
  std::size_t common = 0;
  for (const auto& g : x) {
    auto it = y.find(g);
    if (it != y.end()) {
      ++common;
      y.erase(it);
    }
  }
  return 2.0 * double(common) / double(total);
}

}  // namespace

agency_match match_agency(std::string_view name, std::string_view province_name_th,
                          const std::vector<directory_agency>& directory) {
  agency_match out;
  const std::string tidy = collapse_whitespace(name);
  for (const auto& a : directory) {
    if (collapse_whitespace(a.name_th) == tidy) return {agency_match::kind::exact, a.id, {}};
  }
  const auto key = agency_key(name, province_name_th);
  for (const auto& a : directory) {
    if (agency_key(a.name_th, province_name_th) == key) return {agency_match::kind::normalised, a.id, {}};
  }
  // Close enough to offer, not to decide: the officer picks.
  constexpr double k_suggest = 0.6;
  std::multimap<double, std::int64_t, std::greater<>> ranked;
  for (const auto& a : directory) {
    const double s = similarity(key, agency_key(a.name_th, province_name_th));
    if (s >= k_suggest) ranked.emplace(s, a.id);
  }
  for (const auto& [score, id] : ranked) {
    if (out.suggestions.size() == 3) break;
    out.suggestions.push_back(id);
  }
  if (!out.suggestions.empty()) out.how = agency_match::kind::suggested;
  return out;
}

}  // namespace planflow::text
