#include "databases.hpp"

#include <planflow/storage/database.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace planflow::test {
namespace {

std::atomic<int> g_counter{0};

std::string mysql_base() {
  const char* url = std::getenv("PLANFLOW_TEST_MYSQL_URL");
  return url ? url : "";
}

// Runs one statement on the server named by PLANFLOW_TEST_MYSQL_URL.
void mysql_admin(const std::string& statement) {
  storage::database admin(storage::parse_database_url(mysql_base()), 1);
  storage::lease session(admin);
  *session << statement;
}

}  // namespace

std::vector<std::string> available_backends() {
  std::vector<std::string> out{"sqlite"};
  if (!mysql_base().empty()) out.push_back("mysql");
  return out;
}

scratch_database::scratch_database(const std::string& backend) : backend_(backend) {
  const auto unique = std::to_string(::getpid()) + "_" + std::to_string(g_counter++);
  if (backend == "sqlite") {
    cleanup_ = (std::filesystem::temp_directory_path() / ("planflow_test_" + unique + ".db")).string();
    url_ = "sqlite://" + cleanup_;
  } else if (backend == "mysql") {
    auto base = mysql_base();
    if (base.empty()) throw std::runtime_error("PLANFLOW_TEST_MYSQL_URL is not set");
    auto slash = base.rfind('/');
    cleanup_ = base.substr(slash + 1) + "_" + unique;
    mysql_admin("CREATE DATABASE " + cleanup_ + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    url_ = base.substr(0, slash + 1) + cleanup_;
  } else {
    throw std::invalid_argument("unknown test backend " + backend);
  }
}

scratch_database::~scratch_database() {
  try {
    if (backend_ == "sqlite") {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(cleanup_ + suffix);
    } else {
      mysql_admin("DROP DATABASE IF EXISTS " + cleanup_);
    }
  } catch (...) {
    // Leftovers are harmless: the CI database is thrown away with its datadir.
  }
}

scratch_dir::scratch_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "planflow_test_XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

scratch_dir::~scratch_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace planflow::test
