# Run as a script (cmake -P): writes OUTPUT, a C++ file holding every
# sql/NNN_name.sql as a raw string, so the binary carries its own schema.
file(GLOB sql_files "${SQL_DIR}/[0-9]*.sql")
list(SORT sql_files)
set(body "")
foreach(path IN LISTS sql_files)
  get_filename_component(name "${path}" NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.+)$" _ "${name}")
  set(version "${CMAKE_MATCH_1}")
  set(title "${CMAKE_MATCH_2}")
  math(EXPR version "${version} + 0")
  file(READ "${path}" text)
  string(APPEND body "    {${version}, \"${title}\", R\"planflow_sql(${text})planflow_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from sql/*.sql by cmake/EmbedSql.cmake; do not edit.
#include <planflow/storage/migrations.hpp>

namespace planflow::storage {

const std::vector<migration>& embedded_migrations() {
  static const std::vector<migration> all{
${body}  };
  return all;
}

}  // namespace planflow::storage
")
# Only touch the output when it changed, so an unchanged schema rebuilds nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
