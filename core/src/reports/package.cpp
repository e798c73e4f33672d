#include <planflow/auth/crypto.hpp>
#include <planflow/reports/package.hpp>
#include <planflow/reports/render.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/json_text.hpp>

#include <boost/json/serialize.hpp>
#include <zip.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace planflow::reports {

std::string to_package(const report& r, const std::string& name) {
  const std::vector<std::pair<std::string, std::string>> files{
      {"report.json", json_text(to_json(r))},
      {"report.csv", to_csv(r)},
      {"report.xlsx", to_xlsx(r)},
      {"report.html", to_html(r)},
  };
  boost::json::array entries;
  for (const auto& [file, bytes] : files) {
    entries.push_back({{"file", file}, {"bytes", bytes.size()}, {"sha256", auth::sha256_hex(bytes)}});
  }
  const std::string manifest = boost::json::serialize(
      boost::json::object{{"package", name}, {"generated_at", r.generated_at}, {"files", std::move(entries)}});

  // libzip writes archives to files; a private temporary one is read back and removed.
  std::string path = (std::filesystem::temp_directory_path() / "planflow_package_XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the package");
  ::close(fd);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_TRUNCATE, &error);
  if (!archive) {
    std::filesystem::remove(path);
    throw std::runtime_error("cannot open the package archive");
  }
  auto add = [&](const std::string& file, const std::string& bytes) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!source || zip_file_add(archive, file.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (source) zip_source_free(source);
      throw std::runtime_error("cannot add " + file + " to the package");
    }
  };
  try {
    for (const auto& [file, bytes] : files) add(file, bytes);
    add("manifest.json", manifest);
  } catch (...) {
    zip_discard(archive);
    std::filesystem::remove(path);
    throw;
  }
  // The buffers above must live until zip_close, which writes them out.
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    std::filesystem::remove(path);
    throw std::runtime_error("cannot write the package archive");
  }
  auto bytes = read_file(path);
  std::filesystem::remove(path);
  if (!bytes) throw std::runtime_error("cannot read back the package archive");
  return std::move(*bytes);
}

}  // namespace planflow::reports
