#include <planflow/util/file.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>
#include <planflow/util/utf8.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace planflow {
namespace {

TEST(read_file, returns_every_byte_or_nothing) {
  const auto path = std::filesystem::temp_directory_path() / ("planflow-read-file-" + std::to_string(::getpid()));
  const std::string bytes = std::string("แผน\0\r\n", 12) + std::string(100000, 'x');
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_EQ(read_file(path), bytes);
  std::ofstream(path, std::ios::binary | std::ios::trunc).flush();
  EXPECT_EQ(read_file(path), std::string());  // empty, not unreadable
  std::filesystem::remove(path);
  EXPECT_EQ(read_file(path), std::nullopt);
  EXPECT_EQ(read_file(std::filesystem::temp_directory_path()), std::nullopt);  // a directory is not a file
}

TEST(format_iso, utc_with_milliseconds) {
  using namespace std::chrono;
  sys_days day = 2026y / November / 23;
  auto t = day + 10h + 5min + 7s + 42ms;
  EXPECT_EQ(format_iso(time_point_cast<system_clock::duration>(t)), "2026-11-23T10:05:07.042Z");
  EXPECT_EQ(format_iso(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

TEST(format_http_date, is_the_imf_fixdate_of_rfc_9110) {
  using namespace std::chrono;
  sys_days example = 1994y / November / 6;
  EXPECT_EQ(format_http_date(example + 8h + 49min + 37s + 900ms), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(format_http_date(system_clock::time_point{}), "Thu, 01 Jan 1970 00:00:00 GMT");
  sys_days leap = 2028y / February / 29;
  EXPECT_EQ(format_http_date(leap + 23h + 59min + 59s), "Tue, 29 Feb 2028 23:59:59 GMT");
}

TEST(parse_iso, reads_what_format_iso_writes_and_nothing_else) {
  using namespace std::chrono;
  const auto t = time_point_cast<milliseconds>(system_clock::now());
  EXPECT_EQ(parse_iso(format_iso(t)), t);
  EXPECT_EQ(parse_iso("1970-01-01T00:00:00.000Z"), system_clock::time_point{});
  for (const char* bad : {"", "2026-11-23", "2026-11-23T10:05:07Z", "2026-02-30T10:05:07.042Z",
                          "2026-11-23T10:05:07.042Zjunk", "2026-11-23T24:00:00.000Z"}) {
    EXPECT_THROW(parse_iso(bad), std::invalid_argument) << bad;
  }
}

TEST(log_level, parses_known_names_only) {
  EXPECT_EQ(log::parse_level("debug"), log::level::debug);
  EXPECT_EQ(log::parse_level("off"), log::level::off);
  EXPECT_THROW(log::parse_level("verbose"), std::invalid_argument);
}

TEST(log_level, filters_below_the_minimum) {
  log::set_level(log::level::warn);
  EXPECT_FALSE(log::enabled(log::level::info));
  EXPECT_TRUE(log::enabled(log::level::error));
  EXPECT_FALSE(log::enabled(log::level::off));
  log::set_level(log::level::info);
}

TEST(utf8, accepts_thai_and_four_byte_text) {
  EXPECT_TRUE(is_valid_utf8("แผนปฏิบัติการ ๒๕๖๖ ฿"));
  EXPECT_TRUE(is_valid_utf8("\U0001F4CB"));
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(utf8, rejects_malformed_sequences) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\xB8"));          // truncated Thai character
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
}

}  // namespace
}  // namespace planflow
