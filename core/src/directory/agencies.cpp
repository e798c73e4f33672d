#include <planflow/directory/agencies.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/storage/row.hpp>

namespace planflow::directory {
namespace {

agency from_row(const soci::row& row) {
  using namespace storage;
  return {column_int(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3)};
}

}  // namespace

std::int64_t create_agency(soci::session& sql, const agency& input) {
  const std::string now = storage::now_iso();
  sql << "INSERT INTO agencies (province_code, name_th, name_en, created_at, updated_at) VALUES (:p, :th, :en, :c, :u)",
      soci::use(input.province_code), soci::use(input.name_th), soci::use(input.name_en), soci::use(now),
      soci::use(now);
  long long id = 0;
  sql << "SELECT id FROM agencies WHERE province_code = :p AND name_th = :th", soci::use(input.province_code),
      soci::use(input.name_th), soci::into(id);
  return id;
}

std::optional<agency> find_agency(soci::session& sql, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, province_code, name_th, name_en FROM agencies WHERE id = :id", soci::use(key));
  for (const auto& row : rows) return from_row(row);
  return std::nullopt;
}

std::vector<agency> list_agencies(soci::session& sql, const std::string& province_code) {
  std::vector<agency> out;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, province_code, name_th, name_en FROM agencies "
                                                 "WHERE (:p1 = '' OR province_code = :p2) ORDER BY province_code, id",
                                  soci::use(province_code), soci::use(province_code));
  for (const auto& row : rows) out.push_back(from_row(row));
  return out;
}

bool update_agency(soci::session& sql, const agency& changed) {
  long long id = changed.id;
  const std::string now = storage::now_iso();
  soci::statement st = (sql.prepare << "UPDATE agencies SET province_code = :p, name_th = :th, name_en = :en, "
                                       "updated_at = :u WHERE id = :id",
                        soci::use(changed.province_code), soci::use(changed.name_th), soci::use(changed.name_en),
                        soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace planflow::directory
