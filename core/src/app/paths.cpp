#include <planflow/app/paths.hpp>

#include <filesystem>

namespace planflow::app {

std::string beside_executable(const std::string& folder) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto dir = exe.parent_path().parent_path() / folder;
  return std::filesystem::is_directory(dir) ? dir.string() : std::string{};
}

}  // namespace planflow::app
