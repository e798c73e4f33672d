#include "encodings.hpp"

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace planflow::test {
namespace {

std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    std::uint32_t cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n + 1;
  }
  return out;
}

}  // namespace

std::string to_utf16(std::string_view utf8, bool little_endian, bool with_bom) {
  std::string out;
  auto unit = [&](std::uint32_t u) {
    const char hi = char((u >> 8) & 0xFF), lo = char(u & 0xFF);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  if (with_bom) unit(0xFEFF);
  for (auto cp : code_points(utf8)) {
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

std::string to_windows874(std::string_view utf8) {
  std::string out;
  for (auto cp : code_points(utf8)) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp >= 0x0E01 && cp <= 0x0E5B) {  // the Thai block: TIS-620 0xA1-0xFB, in the same order
      out += char(cp - 0x0E01 + 0xA1);
    } else if (cp == 0x2013) {
      out += '\x96';
    } else if (cp == 0x201C) {
      out += '\x93';
    } else if (cp == 0x201D) {
      out += '\x94';
    } else if (cp == 0x2026) {
      out += '\x85';
    } else {
      throw std::invalid_argument("no Windows-874 byte for U+" + std::to_string(cp));
    }
  }
  return out;
}

}  // namespace planflow::test
