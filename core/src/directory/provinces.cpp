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

void create_province(soci::session& sql, const province& p) {
  sql << "INSERT INTO provinces (code, name_th, name_en, region) VALUES (:c, :th, :en, :r)", soci::use(p.code),
      soci::use(p.name_th), soci::use(p.name_en), soci::use(p.region);
}

void update_province(soci::session& sql, const province& p) {
  sql << "UPDATE provinces SET name_th = :th, name_en = :en, region = :r WHERE code = :c", soci::use(p.name_th),
      soci::use(p.name_en), soci::use(p.region), soci::use(p.code);
}

int province_references(soci::session& sql, std::string_view code) {
  std::string key(code);
  int used = 0;
  sql << "SELECT (SELECT COUNT(*) FROM agencies WHERE province_code = :a) + "
         "(SELECT COUNT(*) FROM plans WHERE province_code = :b) + "
         "(SELECT COUNT(*) FROM user_roles WHERE province_code = :c)",
      soci::use(key), soci::use(key), soci::use(key), soci::into(used);
  return used;
}

void delete_province(soci::session& sql, std::string_view code) {
  std::string key(code);
  sql << "DELETE FROM provinces WHERE code = :c", soci::use(key);
}

}  // namespace planflow::directory
