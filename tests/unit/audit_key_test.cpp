// The audit checkpoint signing key: its file, its forms, and signatures.
#include "../support/databases.hpp"

#include <planflow/app/paths.hpp>
#include <planflow/audit/signing_key.hpp>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace planflow::audit {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(audit_key, is_created_private_in_hex_and_read_back_the_same) {
  test::scratch_dir dir;
  const auto path = std::filesystem::path(dir.path()) / "keys" / "audit-signing.key";
  EXPECT_FALSE(signing_key::load(path));
  auto created = signing_key::load_or_create(path);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const auto text = read_text(path);
  EXPECT_EQ(text.size(), 129u);  // 128 hex digits and a newline
  EXPECT_EQ(text.find_first_not_of("0123456789abcdef\n"), std::string::npos);
  EXPECT_EQ(created.public_key_hex(), text.substr(64, 64));  // the secret's second half is the public key
  auto again = signing_key::load_or_create(path);
  EXPECT_EQ(again.public_key_hex(), created.public_key_hex());
  EXPECT_EQ(signing_key::load(path)->public_key_hex(), created.public_key_hex());
  // Nothing is left behind from the creation.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(path.parent_path()), {}), 1);
}

TEST(audit_key, processes_starting_together_adopt_one_key) {
  test::scratch_dir dir;
  const auto path = std::filesystem::path(dir.path()) / "audit-signing.key";
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = signing_key::load_or_create(path).public_key_hex(); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 1u);
  EXPECT_EQ(seen[0], signing_key::load(path)->public_key_hex());
}

TEST(audit_key, raw_bytes_are_read_too_and_anything_else_is_refused_by_name) {
  test::scratch_dir dir;
  const auto hex_path = std::filesystem::path(dir.path()) / "hex.key";
  auto key = signing_key::load_or_create(hex_path);
  const auto hex = read_text(hex_path).substr(0, 128);
  std::string raw(64, '\0');
  for (std::size_t i = 0; i < 64; ++i) raw[i] = char(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  const auto raw_path = std::filesystem::path(dir.path()) / "raw.key";
  write_text(raw_path, raw);
  EXPECT_EQ(signing_key::load(raw_path)->public_key_hex(), key.public_key_hex());

  const auto bad_path = std::filesystem::path(dir.path()) / "bad.key";
  write_text(bad_path, "not a key\n");
  try {
    signing_key::load(bad_path);
    FAIL() << "a file that is no key was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(bad_path.string()), std::string::npos) << e.what();
  }
  // A secret whose public half belongs to another seed would sign under a
  // key it does not name.
  auto other = signing_key::generate();
  write_text(bad_path, hex.substr(0, 64) + other.public_key_hex());
  EXPECT_THROW(signing_key::load(bad_path), std::runtime_error);
}

TEST(audit_key, a_key_that_cannot_be_created_is_an_error_naming_the_file) {
  test::scratch_dir dir;
  const auto blocker = std::filesystem::path(dir.path()) / "not-a-folder";
  write_text(blocker, "x");
  const auto path = blocker / "audit-signing.key";
  try {
    signing_key::load_or_create(path);
    FAIL() << "a key was made under a file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(blocker.string()), std::string::npos) << e.what();
  }
}

TEST(audit_key, signatures_verify_only_under_their_key_and_message) {
  auto key = signing_key::generate();
  auto other = signing_key::generate();
  const auto signature = key.sign_hex("digest");
  EXPECT_EQ(signature.size(), 128u);
  EXPECT_TRUE(signature_valid(key.public_key_hex(), "digest", signature));
  EXPECT_FALSE(signature_valid(key.public_key_hex(), "digest!", signature));
  EXPECT_FALSE(signature_valid(other.public_key_hex(), "digest", signature));
  EXPECT_FALSE(signature_valid(key.public_key_hex(), "digest", "zz" + signature.substr(2)));
  EXPECT_FALSE(signature_valid("short", "digest", signature));
}

TEST(audit_key, default_file_is_beside_sqlite_data_or_in_the_working_directory) {
  EXPECT_EQ(app::default_audit_key_file("sqlite:///var/lib/planflow/planflow.db"),
            "/var/lib/planflow/audit-signing.key");
  EXPECT_EQ(app::default_audit_key_file("sqlite://./var/planflow.db"), "./var/audit-signing.key");
  EXPECT_EQ(app::default_audit_key_file("sqlite://planflow.db"), "audit-signing.key");
  EXPECT_EQ(app::default_audit_key_file("mysql://u:p@db:3306/planflow"), "audit-signing.key");
  EXPECT_EQ(app::audit_key_file("/etc/planflow/audit.key", "sqlite://./var/planflow.db"), "/etc/planflow/audit.key");
}

}  // namespace
}  // namespace planflow::audit
