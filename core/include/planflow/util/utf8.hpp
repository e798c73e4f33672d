#pragma once
/// UTF-8 checks for text that arrives from outside (URLs, documents).

#include <cstddef>
#include <string_view>

namespace planflow {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
/// code points above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Number of Unicode code points in valid UTF-8 text: what limits on text
/// count, so that a Thai word is not three times as long as an English one.
std::size_t utf8_length(std::string_view text);

}  // namespace planflow
