#include <planflow/storage/errors.hpp>

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <string_view>

namespace planflow::storage {
namespace {

constexpr int k_sqlite_busy = 5, k_sqlite_locked = 6, k_sqlite_ioerr = 10, k_sqlite_cantopen = 14,
              k_sqlite_constraint = 19;

// planflow's unique keys and the request field each stands for. MySQL names
// the key; SQLite names the columns ("UNIQUE constraint failed: users.username").
struct known_key {
  std::string_view constraint;
  std::string_view sqlite_columns;
  std::string_view field;
};
constexpr std::array k_keys{
    known_key{"users_username_uq", "users.username", "username"},
    known_key{"agencies_name_uq", "agencies.province_code, agencies.name_th", "name_th"},
    known_key{"user_roles_uq", "user_roles.user_id, user_roles.role", "roles"},
    known_key{"signatures_once_uq", "signatures.case_id, signatures.stage_seq, signatures.user_id", "signature"},
    known_key{"report_deliveries_uq", "report_deliveries.report_id, report_deliveries.recipient_id", "recipient"},
    known_key{"provinces.PRIMARY", "provinces.code", "code"},
};

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

failure classify(const std::exception& e) noexcept {
  if (dynamic_cast<const unavailable*>(&e)) return failure::connection;
  if (dynamic_cast<const duplicate*>(&e)) return failure::duplicate;
  if (const auto* my = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    switch (my->err_num_) {
      case 2002:
      case 2003:
      case 2006:
      case 2013:
      case 2055:  // client: cannot connect, gone, lost
      case 1047:
      case 1053:
      case 1927:  // server: not ready (Galera non-primary), shutting down, connection killed
        return failure::connection;
      case 1205:
      case 1213:  // lock wait timeout, deadlock (also Galera's certification failure)
        return failure::contention;
      case 1062:
        return failure::duplicate;
      default:
        return my->get_error_category() == soci::soci_error::connection_error ? failure::connection : failure::other;
    }
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    switch (lite->result() & 0xff) {  // the primary code, whether or not extended codes are on
      case k_sqlite_busy:
      case k_sqlite_locked:
        return failure::contention;
      case k_sqlite_ioerr:
      case k_sqlite_cantopen:
        return failure::connection;
      case k_sqlite_constraint:
        return contains(e.what(), "UNIQUE constraint") || contains(e.what(), "PRIMARY KEY") ? failure::duplicate
                                                                                            : failure::other;
      default:
        return failure::other;
    }
  }
  return failure::other;
}

duplicate to_duplicate(const std::exception& e) {
  if (const auto* d = dynamic_cast<const duplicate*>(&e)) return *d;
  const std::string_view what = e.what();
  for (const auto& key : k_keys) {
    if (contains(what, "'" + std::string(key.constraint) + "'") || contains(what, key.sqlite_columns)) {
      return duplicate(what.data(), std::string(key.constraint), std::string(key.field));
    }
  }
  return duplicate(what.data(), "", "");
}

}  // namespace planflow::storage
