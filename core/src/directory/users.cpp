#include <planflow/directory/users.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/storage/row.hpp>

#include <algorithm>

namespace planflow::directory {
namespace {

constexpr const char* k_user_columns =
    "SELECT u.id, u.username, u.display_name, u.agency_id, u.active, u.created_at, a.province_code "
    "FROM users u LEFT JOIN agencies a ON a.id = u.agency_id ";

user user_from_row(const soci::row& row) {
  using namespace storage;
  user u;
  u.id = column_int(row, 0);
  u.username = column_text(row, 1);
  u.display_name = column_text(row, 2);
  u.agency_id = column_opt_int(row, 3);
  u.active = column_int(row, 4) != 0;
  u.created_at = column_text(row, 5);
  u.agency_province = column_text(row, 6);
  return u;
}

void load_roles(soci::session& sql, user& u) {
  long long id = u.id;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT role, province_code, plan_type FROM user_roles "
                                                 "WHERE user_id = :id ORDER BY role, province_code, plan_type",
                                  soci::use(id));
  for (const auto& row : rows) {
    u.roles.push_back({storage::column_text(row, 0), storage::column_text(row, 1), storage::column_text(row, 2)});
  }
}

std::optional<user> first_user(soci::session& sql, soci::rowset<soci::row>& rows) {
  for (const auto& row : rows) {
    auto u = user_from_row(row);
    load_roles(sql, u);
    return u;
  }
  return std::nullopt;
}

}  // namespace

bool user::has_role(std::string_view role) const {
  return std::ranges::any_of(roles, [&](const role_grant& g) { return g.role == role; });
}

std::int64_t create_user(soci::session& sql, const new_user& input) {
  const std::string now = storage::now_iso();
  long long agency = input.agency_id.value_or(0);
  soci::indicator agency_ind = input.agency_id ? soci::i_ok : soci::i_null;
  std::string hash = input.password_hash.value_or("");
  soci::indicator hash_ind = input.password_hash ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO users (username, display_name, agency_id, password_hash, active, created_at, updated_at) "
         "VALUES (:u, :d, :a, :h, 1, :c, :c2)",
      soci::use(input.username), soci::use(input.display_name), soci::use(agency, agency_ind),
      soci::use(hash, hash_ind), soci::use(now), soci::use(now);
  long long id = 0;
  sql << "SELECT id FROM users WHERE username = :u", soci::use(input.username), soci::into(id);
  replace_roles(sql, id, input.roles);
  return id;
}

std::optional<user> find_user(soci::session& sql, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(k_user_columns) + "WHERE u.id = :id", soci::use(key));
  return first_user(sql, rows);
}

std::optional<user> find_user_by_username(soci::session& sql, std::string_view username) {
  std::string key(username);
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(k_user_columns) + "WHERE u.username = :name", soci::use(key));
  return first_user(sql, rows);
}

std::vector<user> list_users(soci::session& sql) {
  std::vector<user> out;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(k_user_columns) + "ORDER BY u.username");
  for (const auto& row : rows) out.push_back(user_from_row(row));
  for (auto& u : out) load_roles(sql, u);
  return out;
}

std::optional<std::string> password_hash_of(soci::session& sql, std::int64_t user_id) {
  long long id = user_id;
  std::string hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT password_hash FROM users WHERE id = :id", soci::use(id), soci::into(hash, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return hash;
}

void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash) {
  long long id = user_id;
  std::string now = storage::now_iso();
  sql << "UPDATE users SET password_hash = :h, updated_at = :t WHERE id = :id", soci::use(hash), soci::use(now),
      soci::use(id);
}

void update_user(soci::session& sql, std::int64_t user_id, const user_changes& changes) {
  long long key = user_id;
  const std::string now = storage::now_iso();
  long long agency = changes.agency_id.value_or(0);
  soci::indicator agency_ind = changes.agency_id ? soci::i_ok : soci::i_null;
  int active = changes.active ? 1 : 0;
  sql << "UPDATE users SET display_name = :d, agency_id = :a, active = :ac, updated_at = :t WHERE id = :id",
      soci::use(changes.display_name), soci::use(agency, agency_ind), soci::use(active), soci::use(now), soci::use(key);
}

void replace_roles(soci::session& sql, std::int64_t user_id, const std::vector<role_grant>& roles) {
  long long id = user_id;
  sql << "DELETE FROM user_roles WHERE user_id = :id", soci::use(id);
  for (const auto& g : roles) {
    sql << "INSERT INTO user_roles (user_id, role, province_code, plan_type) VALUES (:id, :r, :p, :t)", soci::use(id),
        soci::use(g.role), soci::use(g.province_code), soci::use(g.plan_type);
  }
}

std::vector<std::int64_t> role_holders(soci::session& sql, std::string_view role, std::string_view province_code,
                                       std::string_view plan_type) {
  std::string r(role), p(province_code), t(plan_type);
  std::vector<std::int64_t> out;
  soci::rowset<long long> rows =
      (sql.prepare << "SELECT DISTINCT ur.user_id FROM user_roles ur JOIN users u ON u.id = ur.user_id "
                      "WHERE u.active = 1 AND ur.role = :r AND ur.province_code = :p "
                      "AND (ur.plan_type = '' OR ur.plan_type = :t) ORDER BY ur.user_id",
       soci::use(r), soci::use(p), soci::use(t));
  for (long long id : rows) out.push_back(id);
  return out;
}

}  // namespace planflow::directory
