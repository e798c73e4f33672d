#include <planflow/directory/delegations.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/storage/row.hpp>

namespace planflow::directory {
namespace {

constexpr const char* k_columns =
    "SELECT id, from_user_id, to_user_id, role, valid_from, valid_to, revoked_at, created_by FROM delegations ";

delegation from_row(const soci::row& row) {
  using namespace storage;
  return {column_int(row, 0),  column_int(row, 1),  column_int(row, 2),      column_text(row, 3),
          column_text(row, 4), column_text(row, 5), column_opt_text(row, 6), column_int(row, 7)};
}

std::vector<delegation> query(soci::session& sql, const std::string& where, long long a, long long b,
                              const std::string& now = {}) {
  std::vector<delegation> out;
  if (now.empty()) {
    soci::rowset<soci::row> rows = (sql.prepare << std::string(k_columns) + where, soci::use(a), soci::use(b));
    for (const auto& row : rows) out.push_back(from_row(row));
  } else {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(k_columns) + where, soci::use(a), soci::use(now), soci::use(now));
    for (const auto& row : rows) out.push_back(from_row(row));
  }
  return out;
}

}  // namespace

std::int64_t create_delegation(soci::session& sql, const delegation& d) {
  long long from = d.from_user_id, to = d.to_user_id, by = d.created_by;
  const std::string now = storage::now_iso();
  sql << "INSERT INTO delegations (from_user_id, to_user_id, role, valid_from, valid_to, revoked_at, created_by, "
         "created_at) VALUES (:f, :t, :r, :vf, :vt, NULL, :b, :c)",
      soci::use(from), soci::use(to), soci::use(d.role), soci::use(d.valid_from), soci::use(d.valid_to), soci::use(by),
      soci::use(now);
  return storage::last_insert_id(sql, "delegations");
}

std::optional<delegation> find_delegation(soci::session& sql, std::int64_t id) {
  auto found = query(sql, "WHERE id = :a OR id = :b", id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool revoke_delegation(soci::session& sql, std::int64_t id) {
  long long key = id;
  const std::string now = storage::now_iso();
  soci::statement st = (sql.prepare << "UPDATE delegations SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL",
                        soci::use(now), soci::use(key));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::vector<delegation> delegations_of(soci::session& sql, std::int64_t user_id) {
  return query(sql, "WHERE from_user_id = :a OR to_user_id = :b ORDER BY id DESC", user_id, user_id);
}

std::vector<delegation> active_delegations_to(soci::session& sql, std::int64_t user_id, const std::string& now) {
  return query(sql, "WHERE to_user_id = :a AND revoked_at IS NULL AND valid_from <= :n1 AND valid_to > :n2 ORDER BY id",
               user_id, 0, now);
}

}  // namespace planflow::directory
