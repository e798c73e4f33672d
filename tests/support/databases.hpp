#pragma once
// Fresh, empty databases for tests: a temporary SQLite file always, and a
// throwaway MySQL/MariaDB database whenever PLANFLOW_TEST_MYSQL_URL names a
// server (its database part is only a prefix for the names made here).

#include <string>
#include <vector>

namespace planflow::test {

/// "sqlite", plus "mysql" when PLANFLOW_TEST_MYSQL_URL is set.
std::vector<std::string> available_backends();

/// For INSTANTIATE_TEST_SUITE_P names.
struct backend_name {
  template <class Info>
  std::string operator()(const Info& info) const {
    return info.param;
  }
};

class scratch_database {
 public:
  explicit scratch_database(const std::string& backend);
  ~scratch_database();
  scratch_database(const scratch_database&) = delete;
  scratch_database& operator=(const scratch_database&) = delete;

  const std::string& url() const { return url_; }
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::string url_;
  std::string cleanup_;  // sqlite: the file; mysql: the database name
};

/// A fresh temporary directory, removed with the object.
class scratch_dir {
 public:
  scratch_dir();
  ~scratch_dir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace planflow::test
