#pragma once
/// UTF-8 checks for text that arrives from outside (URLs, documents).

#include <string_view>

namespace planflow {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
/// code points above U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace planflow
