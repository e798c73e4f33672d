#include <planflow/directory/provinces.hpp>
#include <planflow/storage/row.hpp>

namespace planflow::directory {
namespace {

province from_row(const soci::row& row) {
  using storage::column_text;
  return {column_text(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3)};
}

}  // namespace

std::vector<province> list_provinces(soci::session& sql) {
  std::vector<province> out;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name_th, name_en, region FROM provinces ORDER BY code");
  for (const auto& row : rows) out.push_back(from_row(row));
  return out;
}

std::optional<province> find_province(soci::session& sql, std::string_view code) {
  std::string key(code);
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT code, name_th, name_en, region FROM provinces WHERE code = :code", soci::use(key));
  for (const auto& row : rows) return from_row(row);
  return std::nullopt;
}

}  // namespace planflow::directory
