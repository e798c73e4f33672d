#pragma once
// Writing text in the encodings Thai offices save documents in, for tests of
// reading them back. Written here by hand from the standards (UTF-16: RFC
// 2781; Windows-874: the code page chart), independently of the iconv the
// server reads them with.

#include <string>
#include <string_view>

namespace planflow::test {

/// UTF-8 text as UTF-16, little- or big-endian, with a byte-order mark when asked.
std::string to_utf16(std::string_view utf8, bool little_endian, bool with_bom = true);

/// UTF-8 text in Windows-874 (TIS-620 plus the dashes and quotes the seeds
/// use); throws std::invalid_argument for a character it has no byte for.
std::string to_windows874(std::string_view utf8);

}  // namespace planflow::test
