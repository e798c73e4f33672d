#include <planflow/util/file.hpp>

#include <fstream>
#include <sstream>

namespace planflow {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  // A directory opens as a stream on Linux and reads as empty; it is not a file's contents.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

}  // namespace planflow
