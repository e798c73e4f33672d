# Run as a script (cmake -P): reads the message catalog INPUT
# (api/messages.json) and writes OUTPUT, a header naming each problem type
# and each message as a constant, so C++ can only raise what the catalog
# describes in both languages (a misspelt code does not compile).
file(READ "${INPUT}" catalog)
set(body "// Generated from ${INPUT} by cmake/CatalogCodes.cmake; do not edit.
#pragma once
#include <planflow/error/codes.hpp>

namespace planflow::error {

namespace types {
")
string(JSON type_count LENGTH "${catalog}" problems)
math(EXPR last "${type_count} - 1")
foreach(i RANGE ${last})
  string(JSON slug MEMBER "${catalog}" problems ${i})
  if(NOT slug MATCHES "^[a-z][a-z0-9-]*$")
    message(FATAL_ERROR "problem type '${slug}': use lower-case letters, digits and '-'")
  endif()
  string(REPLACE "-" "_" name "${slug}")
  string(APPEND body "inline constexpr problem_type ${name}{\"${slug}\"};\n")
endforeach()
string(APPEND body "}  // namespace types

namespace messages {
")
string(JSON message_count LENGTH "${catalog}" messages)
math(EXPR last "${message_count} - 1")
foreach(i RANGE ${last})
  string(JSON id MEMBER "${catalog}" messages ${i})
  if(NOT id MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "message '${id}': use lower-case letters, digits and '_'")
  endif()
  string(APPEND body "inline constexpr message_code ${id}{\"${id}\"};\n")
endforeach()
string(APPEND body "}  // namespace messages

}  // namespace planflow::error
")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
