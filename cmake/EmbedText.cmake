# Run as a script (cmake -P): writes OUTPUT, a C++ file defining
# `std::string_view NAME()` in namespace NAMESPACE that returns INPUT's bytes.
file(READ "${INPUT}" text)
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/EmbedText.cmake; do not edit.
#include <string_view>

namespace ${NAMESPACE} {

std::string_view ${NAME}() {
  static constexpr std::string_view text = R\"planflow_text(${text})planflow_text\";
  return text;
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
