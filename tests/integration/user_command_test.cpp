// `planflow user add` applies the password rule the API applies: ten
// characters, counted as characters, so a Thai password is not accepted for
// being three bytes a letter (regression: the command counted bytes).
#include <planflow/app/config.hpp>
#include <planflow/app/user_command.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/storage/database.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>

namespace planflow {
namespace {

class user_command_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("planflow_user_command_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  app::config add(const std::string& username) const {
    app::config c;
    c.db = "sqlite://" + (dir_ / "planflow.db").string();
    c.arguments = {"add"};
    c.username = username;
    c.roles = {"admin"};
    c.password_stdin = true;
    return c;
  }

  bool exists(const std::string& username) const {
    storage::database db(storage::parse_database_url(add(username).db), 1);
    storage::lease session(db);
    return directory::find_user_by_username(*session, username).has_value();
  }

  std::filesystem::path dir_;
};

TEST_F(user_command_test, counts_the_password_in_characters_not_bytes) {
  std::istringstream eight_thai_characters("รหัสผ่าน\n");  // 8 characters, 24 bytes
  EXPECT_THROW(app::user_command(add("short"), eight_thai_characters), std::invalid_argument);

  std::istringstream thirteen_thai_characters("รหัสผ่านยาวพอ\n");
  EXPECT_EQ(app::user_command(add("long"), thirteen_thai_characters), 0);
  EXPECT_TRUE(exists("long"));
  EXPECT_FALSE(exists("short"));
}

}  // namespace
}  // namespace planflow
