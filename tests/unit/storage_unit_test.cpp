#include <planflow/storage/database.hpp>
#include <planflow/storage/migrations.hpp>

#include <gtest/gtest.h>

namespace planflow::storage {
namespace {

TEST(database_url, sqlite_forms) {
  auto abs = parse_database_url("sqlite:///var/lib/planflow.db");
  EXPECT_EQ(abs.backend, backend::sqlite);
  EXPECT_EQ(abs.sqlite_path, "/var/lib/planflow.db");
  EXPECT_EQ(parse_database_url("sqlite://./var/planflow.db").sqlite_path, "./var/planflow.db");
  EXPECT_THROW(parse_database_url("sqlite://"), std::invalid_argument);
}

TEST(database_url, mysql_with_credentials_is_redacted) {
  auto url = parse_database_url("mysql://planflow:s%40cret@db.example:3307/plans");
  EXPECT_EQ(url.backend, backend::mysql);
  EXPECT_NE(url.connect_string.find("password='s@cret'"), std::string::npos);
  EXPECT_NE(url.connect_string.find("port=3307"), std::string::npos);
  EXPECT_NE(url.connect_string.find("charset=utf8mb4"), std::string::npos);
  EXPECT_EQ(url.redacted.find("cret"), std::string::npos);
  EXPECT_EQ(url.redacted, "mysql://planflow:***@db.example:3307/plans");
}

TEST(database_url, rejects_what_it_cannot_use) {
  EXPECT_THROW(parse_database_url("postgres://x@y/z"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("mysql://user@host/"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("mysql://user@host/db?ssl=maybe"), std::invalid_argument);
}

TEST(migrations, placeholders_expand_per_dialect) {
  migration m{1, "t", "CREATE TABLE t (id {{id}}, body {{long_text}}) {{table_options}};\n"};
  auto lite = migration_statements(m, backend::sqlite);
  ASSERT_EQ(lite.size(), 1u);
  EXPECT_NE(lite[0].find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  EXPECT_NE(lite[0].find("body TEXT"), std::string::npos);
  auto my = migration_statements(m, backend::mysql);
  EXPECT_NE(my[0].find("AUTO_INCREMENT"), std::string::npos);
  EXPECT_NE(my[0].find("LONGTEXT"), std::string::npos);
  EXPECT_NE(my[0].find("utf8mb4"), std::string::npos);
}

TEST(migrations, statements_marked_mysql_only_are_skipped_on_sqlite) {
  migration m{
      1, "t",
      "{{mysql_only}} ALTER TABLE t MODIFY k VARCHAR(8) COLLATE utf8mb4_bin;\nALTER TABLE t {{add_column}} c TEXT;\n"};
  auto lite = migration_statements(m, backend::sqlite);
  ASSERT_EQ(lite.size(), 1u);
  EXPECT_EQ(lite[0], "ALTER TABLE t ADD COLUMN c TEXT");
  auto my = migration_statements(m, backend::mysql);
  ASSERT_EQ(my.size(), 2u);
  EXPECT_EQ(my[0], " ALTER TABLE t MODIFY k VARCHAR(8) COLLATE utf8mb4_bin");
  EXPECT_EQ(my[1], "ALTER TABLE t ADD COLUMN IF NOT EXISTS c TEXT");
}

TEST(migrations, splits_on_line_final_semicolons_and_skips_comments) {
  migration m{1, "t",
              "-- a comment; with a semicolon\nCREATE TABLE a (x INTEGER);\n\nINSERT INTO a VALUES (1);  \n"
              "INSERT INTO a VALUES (2)\n"};
  auto statements = migration_statements(m, backend::sqlite);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (x INTEGER)");
  EXPECT_EQ(statements[2], "INSERT INTO a VALUES (2)\n");
}

// Numbers are reserved by branches developed side by side (009 landed while
// 008 was still on another branch), so a gap is allowed: the migrator applies
// whatever is not yet recorded, a late lower number included. Two files with
// one number are not.
TEST(migrations, embedded_set_is_numbered_from_one_strictly_increasing) {
  const auto& all = embedded_migrations();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().version, 1);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GT(all[i].version, all[i - 1].version) << all[i].name;
}

}  // namespace
}  // namespace planflow::storage
