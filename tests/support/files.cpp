#include "files.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace planflow::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string seed_document(const std::string& name) { return read_file(std::string(PLANFLOW_SEEDS_DIR) + "/" + name); }

std::optional<std::string> run_command(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buffer[4096];
  while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (::pclose(pipe) != 0) return std::nullopt;
  return out;
}

void replace_in_strings(boost::json::value& v, const std::string& from, const std::string& to) {
  if (v.is_string()) {
    std::string s(v.as_string());
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
      s.replace(pos, from.size(), to);
    v = boost::json::string(s);
  } else if (v.is_object()) {
    for (auto& kv : v.as_object()) replace_in_strings(kv.value(), from, to);
  } else if (v.is_array()) {
    for (auto& item : v.as_array()) replace_in_strings(item, from, to);
  }
}

}  // namespace planflow::test
