#include <planflow/app/paths.hpp>
#include <planflow/storage/database.hpp>

#include <filesystem>

namespace planflow::app {

std::string beside_executable(const std::string& folder) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto dir = exe.parent_path().parent_path() / folder;
  return std::filesystem::is_directory(dir) ? dir.string() : std::string{};
}

std::string default_audit_key_file(const std::string& db_url) {
  constexpr const char* name = "audit-signing.key";
  const auto url = storage::parse_database_url(db_url);
  if (url.backend != storage::backend::sqlite) return name;
  return (std::filesystem::path(url.sqlite_path).parent_path() / name).string();
}

std::string audit_key_file(const std::string& configured, const std::string& db_url) {
  return configured.empty() ? default_audit_key_file(db_url) : configured;
}

}  // namespace planflow::app
