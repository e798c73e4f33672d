#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>

namespace planflow::plugins::ethics {

namespace {

unsigned char byte_at(std::string_view s, std::size_t p) { return static_cast<unsigned char>(s[p]); }

bool continuation(std::string_view s, std::size_t p, unsigned char low = 0x80, unsigned char high = 0xBF) {
  return p < s.size() && byte_at(s, p) >= low && byte_at(s, p) <= high;
}

// Length of the well-formed UTF-8 sequence at `p`, 0 when there is none.
std::size_t sequence_length(std::string_view s, std::size_t p) {
  unsigned char b = byte_at(s, p);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(s, p + 1) ? 2 : 0;
  if (b == 0xE0) return continuation(s, p + 1, 0xA0, 0xBF) && continuation(s, p + 2) ? 3 : 0;
  if (b == 0xED) return continuation(s, p + 1, 0x80, 0x9F) && continuation(s, p + 2) ? 3 : 0;
  if (b >= 0xE1 && b <= 0xEF) return continuation(s, p + 1) && continuation(s, p + 2) ? 3 : 0;
  if (b == 0xF0) return continuation(s, p + 1, 0x90, 0xBF) && continuation(s, p + 2) && continuation(s, p + 3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return continuation(s, p + 1) && continuation(s, p + 2) && continuation(s, p + 3) ? 4 : 0;
  if (b == 0xF4) return continuation(s, p + 1, 0x80, 0x8F) && continuation(s, p + 2) && continuation(s, p + 3) ? 4 : 0;
  return 0;
}

// An item number at `p`: one or two digits, then "." or ")" (spaces allowed
// before it), not followed by another digit, which would make it "๒.๑" or a
// decimal. Returns where the item's text starts, 0 when there is no number.
std::size_t item_number_at(std::string_view s, std::size_t p, int& value) {
  value = 0;
  int count = 0;
  std::size_t q = p;
  while (q < s.size()) {
    auto d = digit_at(s, q);
    if (d.length == 0) break;
    if (++count > 2) return 0;
    value = value * 10 + d.value;
    q += d.length;
  }
  if (count == 0) return 0;
  while (q < s.size() && s[q] == ' ') ++q;
  if (q >= s.size() || (s[q] != '.' && s[q] != ')')) return 0;
  ++q;
  if (q < s.size() && digit_at(s, q).length != 0) return 0;
  while (q < s.size() && s[q] == ' ') ++q;
  return q;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t p = 0; p < text.size();) {
    if (auto n = sequence_length(text, p)) {
      out.append(text.substr(p, n));
      p += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++p;
    }
  }
  return out;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string replace_all(std::string_view text, std::string_view word, std::string_view replacement) {
  if (word.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (auto pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, start)) {
    out.append(text.substr(start, pos - start));
    out.append(replacement);
    start = pos + word.size();
  }
  out.append(text.substr(start));
  return out;
}

digit_match digit_at(std::string_view s, std::size_t p) {
  if (p >= s.size()) return {};
  char c = s[p];
  if (c >= '0' && c <= '9') return {c - '0', 1};
  // Thai digits are U+0E50..U+0E59: E0 B9 90..99.
  if (p + 2 < s.size() && byte_at(s, p) == 0xE0 && byte_at(s, p + 1) == 0xB9 && byte_at(s, p + 2) >= 0x90 &&
      byte_at(s, p + 2) <= 0x99) {
    return {byte_at(s, p + 2) - 0x90, 3};
  }
  return {};
}

std::vector<number_run> number_runs(std::string_view text) {
  std::vector<number_run> out;
  for (std::size_t p = 0; p < text.size();) {
    auto d = digit_at(text, p);
    if (d.length == 0) {
      ++p;
      continue;
    }
    number_run run;
    run.begin = p;
    long value = 0;
    while (d.length != 0) {
      ++run.digits;
      if (run.digits <= 9) value = value * 10 + d.value;
      p += d.length;
      d = digit_at(text, p);
    }
    run.end = p;
    run.value = run.digits <= 9 ? value : -1;
    out.push_back(run);
  }
  return out;
}

std::optional<int> cell_year(std::string_view cell) {
  auto year = text::parse_int(cell);
  if (!year || *year < 2400 || *year > 2799) return std::nullopt;
  return year;
}

std::vector<std::string> split_numbered_items(std::string_view cleaned) {
  struct marker {
    std::size_t start;  // where the number begins
    std::size_t text;   // where the item's text begins
  };
  std::vector<marker> markers;
  // The numbering may start past 1: a row that goes on with the list of the
  // row above ("๒. การให้บริการ…").
  int expected = 1;
  if (int first = 0; item_number_at(cleaned, 0, first) != 0) expected = first;
  for (std::size_t p = 0; p < cleaned.size();) {
    if (p == 0 || cleaned[p - 1] == ' ') {
      int value = 0;
      if (auto text_start = item_number_at(cleaned, p, value); text_start != 0 && value == expected) {
        markers.push_back({p, text_start});
        ++expected;
        p = text_start;
        continue;
      }
    }
    auto d = digit_at(cleaned, p);
    p += d.length != 0 ? d.length : 1;
  }
  if (markers.empty() || markers.front().start != 0) {
    std::string whole = strip_item_number(cleaned);
    return whole.empty() ? std::vector<std::string>{} : std::vector<std::string>{whole};
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < markers.size(); ++i) {
    std::size_t end = i + 1 < markers.size() ? markers[i + 1].start : cleaned.size();
    std::size_t begin = std::min(markers[i].text, end);
    std::string item(trim_spaces(cleaned.substr(begin, end - begin)));
    if (!item.empty()) items.push_back(std::move(item));
  }
  return items;
}

std::string strip_item_number(std::string_view cleaned) {
  cleaned = trim_spaces(cleaned);
  int value = 0;
  if (auto text_start = item_number_at(cleaned, 0, value); text_start != 0) cleaned.remove_prefix(text_start);
  return std::string(trim_spaces(cleaned));
}

}  // namespace planflow::plugins::ethics
