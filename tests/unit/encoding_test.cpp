// Documents as Thai offices save them: every seed, written in each encoding
// accepted, reads back to exactly the UTF-8 original; bytes in none of them
// are refused, never guessed into text.
#include "../support/encodings.hpp"

#include <planflow/http/media_type.hpp>
#include <planflow/text/encoding.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace planflow::test {
namespace {

using text::encoding;

std::string seed(const std::string& name) {
  std::ifstream in(std::string(PLANFLOW_SOURCE_DIR) + "/tests/fixtures/seeds/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* const k_seeds[] = {"000_f86febe8b6e44396.txt", "002_11b89dd9d74e0ac8.txt"};

void expect_reads_as(const std::string& bytes, const std::string& original, encoding from, const char* what) {
  auto decoded = text::to_utf8(bytes);
  ASSERT_TRUE(decoded) << what;
  EXPECT_EQ(decoded->from, from) << what;
  EXPECT_TRUE(decoded->utf8 == original) << what << ": the text read back differs from the UTF-8 seed";
}

TEST(encoding, every_seed_reads_back_identically_from_each_encoding) {
  for (const char* name : k_seeds) {
    const auto original = seed(name);
    ASSERT_GT(original.size(), 10000u) << name;
    expect_reads_as(original, original, encoding::utf8, name);
    expect_reads_as("\xEF\xBB\xBF" + original, original, encoding::utf8_bom, name);
    expect_reads_as(to_utf16(original, true), original, encoding::utf16le, name);
    expect_reads_as(to_utf16(original, false), original, encoding::utf16be, name);
    const auto thai = to_windows874(original);
    EXPECT_LT(thai.size(), original.size() / 2) << name << ": one byte per Thai character";
    expect_reads_as(thai, original, encoding::windows874, name);
  }
}

TEST(encoding, a_declared_charset_is_read_as_declared) {
  const std::string thai = "แผนปฏิบัติการป้องกันและปราบปรามการทุจริต – “จังหวัด”";
  auto tis = text::to_utf8(to_windows874(thai), encoding::windows874);
  ASSERT_TRUE(tis);
  EXPECT_EQ(tis->utf8, thai);
  // The byte-order mark wins over the label's byte order.
  auto marked = text::to_utf8(to_utf16(thai, true), encoding::utf16be);
  ASSERT_TRUE(marked);
  EXPECT_EQ(marked->utf8, thai);
  EXPECT_EQ(marked->from, encoding::utf16le);
  auto unmarked = text::to_utf8(to_utf16(thai, false, false), encoding::utf16be);
  ASSERT_TRUE(unmarked);
  EXPECT_EQ(unmarked->utf8, thai);
  // Declared UTF-8 that is not: refused, not re-read as Thai code page.
  EXPECT_FALSE(text::to_utf8(to_windows874(thai), encoding::utf8));
}

TEST(encoding, bytes_in_no_accepted_encoding_are_refused) {
  EXPECT_FALSE(text::to_utf8(std::string("plan\0text", 9))) << "a NUL byte: binary";
  EXPECT_FALSE(text::to_utf8("\xEF\xBB\xBF\xC3\x28")) << "invalid UTF-8 after a UTF-8 mark";
  EXPECT_FALSE(text::to_utf8("\xFF\xFE\x41")) << "half a UTF-16 unit";
  EXPECT_FALSE(text::to_utf8(std::string("\xFF\xFE\x00\xD8\x41\x00", 6))) << "an unpaired surrogate";
  EXPECT_FALSE(text::to_utf8("\xCA\xC7\xDB")) << "0xDB has no character in Windows-874";
  EXPECT_FALSE(text::to_utf8(to_utf16("ab", true) + std::string("\0\0", 2))) << "UTF-16 that decodes to NUL";
}

TEST(encoding, charset_labels_name_the_encodings_read) {
  EXPECT_EQ(text::encoding_of_label("UTF-8"), encoding::utf8);
  EXPECT_EQ(text::encoding_of_label("utf-16le"), encoding::utf16le);
  EXPECT_EQ(text::encoding_of_label("UTF-16"), encoding::utf16be);
  EXPECT_EQ(text::encoding_of_label("TIS-620"), encoding::windows874);
  EXPECT_EQ(text::encoding_of_label("windows-874"), encoding::windows874);
  EXPECT_FALSE(text::encoding_of_label("iso-8859-1"));
  EXPECT_FALSE(text::encoding_of_label(""));
  EXPECT_EQ(text::encoding_name(encoding::windows874), "TIS-620/Windows-874");
}

TEST(media_type, reads_the_type_and_its_charset) {
  auto plain = http::media_type_of("Text/Plain; Charset=\"TIS-620\"");
  EXPECT_EQ(plain.essence, "text/plain");
  EXPECT_EQ(plain.charset, "TIS-620");
  auto bare = http::media_type_of("text/plain");
  EXPECT_EQ(bare.essence, "text/plain");
  EXPECT_EQ(bare.charset, "");
  auto json = http::media_type_of("application/json ; boundary=x;charset=utf-8");
  EXPECT_EQ(json.essence, "application/json");
  EXPECT_EQ(json.charset, "utf-8");
  EXPECT_EQ(http::media_type_of("").essence, "");
}

}  // namespace
}  // namespace planflow::test
