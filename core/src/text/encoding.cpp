#include <planflow/text/encoding.hpp>
#include <planflow/util/utf8.hpp>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>

namespace planflow::text {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_utf16le_bom = "\xFF\xFE";
constexpr std::string_view k_utf16be_bom = "\xFE\xFF";

// glibc's iconv, strictly: an invalid or incomplete sequence is an answer of
// "not this encoding", never a replacement character.
std::optional<std::string> convert(std::string_view bytes, const char* from) {
  iconv_t cd = ::iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  std::array<char, 4096> buffer{};
  auto* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
  std::size_t in_left = bytes.size();
  bool ok = true;
  while (in_left > 0) {
    char* dst = buffer.data();
    std::size_t dst_left = buffer.size();
    const std::size_t r = ::iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer.data(), buffer.size() - dst_left);
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;  // EILSEQ or EINVAL: not text in this encoding
      break;
    }
  }
  ::iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

std::optional<decoded_text> decoded(std::optional<std::string> text, encoding from) {
  // A converted document that still holds NUL is a binary file, not text.
  if (!text || has_nul(*text)) return std::nullopt;
  return decoded_text{std::move(*text), from};
}

}  // namespace

std::string_view encoding_name(encoding e) {
  switch (e) {
    case encoding::utf8:
      return "UTF-8";
    case encoding::utf8_bom:
      return "UTF-8 (BOM)";
    case encoding::utf16le:
      return "UTF-16LE";
    case encoding::utf16be:
      return "UTF-16BE";
    case encoding::windows874:
      return "TIS-620/Windows-874";
  }
  return "UTF-8";
}

std::optional<encoding> encoding_of_label(std::string_view label) {
  std::string l(label);
  std::ranges::transform(l, l.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (l == "utf-8" || l == "utf8") return encoding::utf8;
  if (l == "utf-16le") return encoding::utf16le;
  if (l == "utf-16be") return encoding::utf16be;
  // Plain "utf-16" is told apart by its byte-order mark (big-endian without one, RFC 2781).
  if (l == "utf-16") return encoding::utf16be;
  if (l == "tis-620" || l == "tis620" || l == "windows-874" || l == "cp874" || l == "x-windows-874" ||
      l == "iso-8859-11")
    return encoding::windows874;
  return std::nullopt;
}

std::optional<decoded_text> to_utf8(std::string_view bytes) {
  if (bytes.starts_with(k_utf8_bom)) return to_utf8(bytes, encoding::utf8_bom);
  if (bytes.starts_with(k_utf16le_bom)) return to_utf8(bytes, encoding::utf16le);
  if (bytes.starts_with(k_utf16be_bom)) return to_utf8(bytes, encoding::utf16be);
  if (is_valid_utf8(bytes)) return decoded(std::string(bytes), encoding::utf8);
  return to_utf8(bytes, encoding::windows874);
}

std::optional<decoded_text> to_utf8(std::string_view bytes, encoding declared) {
  switch (declared) {
    case encoding::utf8:
    case encoding::utf8_bom: {
      const bool marked = bytes.starts_with(k_utf8_bom);
      if (marked) bytes.remove_prefix(k_utf8_bom.size());
      if (!is_valid_utf8(bytes)) return std::nullopt;
      return decoded(std::string(bytes), marked ? encoding::utf8_bom : encoding::utf8);
    }
    case encoding::utf16le:
    case encoding::utf16be: {
      // The mark, when there is one, overrides the label's byte order.
      encoding order = declared;
      if (bytes.starts_with(k_utf16le_bom)) {
        order = encoding::utf16le, bytes.remove_prefix(2);
      } else if (bytes.starts_with(k_utf16be_bom)) {
        order = encoding::utf16be, bytes.remove_prefix(2);
      }
      return decoded(convert(bytes, order == encoding::utf16le ? "UTF-16LE" : "UTF-16BE"), order);
    }
    case encoding::windows874:
      return decoded(convert(bytes, "CP874"), encoding::windows874);
  }
  return std::nullopt;
}

}  // namespace planflow::text
