#pragma once
/// The character encodings Thai offices save documents in, read into UTF-8
/// before anything else looks at the text: UTF-8 (with or without a
/// byte-order mark), UTF-16 with a byte-order mark ("Unicode" in Windows
/// Notepad) and TIS-620 / Windows-874 (the Thai code page, still common).

#include <optional>
#include <string>
#include <string_view>

namespace planflow::text {

enum class encoding { utf8, utf8_bom, utf16le, utf16be, windows874 };

/// How the encoding is named to people: "UTF-8", "UTF-16LE", "TIS-620/Windows-874".
std::string_view encoding_name(encoding e);

/// The encoding a charset label names (as in Content-Type's charset: utf-8,
/// utf-16, utf-16le, utf-16be, tis-620, windows-874, cp874; any case), if
/// it is one of those read here.
std::optional<encoding> encoding_of_label(std::string_view label);

struct decoded_text {
  std::string utf8;  ///< the text, valid UTF-8, without a byte-order mark
  encoding from = encoding::utf8;
};

/// The document's text in UTF-8: a byte-order mark decides; without one,
/// valid UTF-8 is UTF-8 and anything else is read as Windows-874 (a superset
/// of TIS-620). Nothing when the bytes are none of these: a NUL byte outside
/// UTF-16, invalid UTF-8 after a UTF-8 mark, an odd or unpaired UTF-16, or a
/// byte Windows-874 does not define.
std::optional<decoded_text> to_utf8(std::string_view bytes);

/// The same, for bytes declared to be in `declared` (a charset label that
/// was given): nothing when they are not valid in it.
std::optional<decoded_text> to_utf8(std::string_view bytes, encoding declared);

}  // namespace planflow::text
