#include <planflow/util/canonical_json.hpp>
#include <planflow/util/json_parse.hpp>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

namespace planflow {
namespace {

// The problems of one text, as "pointer: detail" for readable failures.
std::vector<std::string> problems_of(std::string_view text) {
  auto parsed = parse_json(text);
  EXPECT_FALSE(parsed.error) << text << ": " << parsed.error.message();
  std::vector<std::string> out;
  for (const auto& p : parsed.number_problems) out.push_back(p.pointer + ": " + p.detail);
  return out;
}

std::string pointer_of_first_problem(std::string_view text) {
  auto parsed = parse_json(text);
  return parsed.number_problems.empty() ? "(none)" : parsed.number_problems.front().pointer;
}

TEST(json_parse, reads_doubles_that_boost_misreads_exactly) {
  // Boost.JSON 1.81's own parse returns a neighbour of each of these.
  for (const char* text :
       {"-1.9934908051011654e189", "1.1430767782883795e-192", "7.0601377554791924e+151", "1.9162297225132058e+173"}) {
    auto parsed = parse_json(text);
    ASSERT_FALSE(parsed.error);
    EXPECT_EQ(parsed.value.as_double(), std::strtod(text, nullptr)) << text;
  }
}

TEST(json_parse, serialize_then_parse_is_the_identity_for_every_finite_double) {
  std::mt19937_64 bits(20240611);  // fixed: the same doubles on every run
  int checked = 0;
  while (checked < 200000) {
    const double d = std::bit_cast<double>(std::uint64_t(bits()));
    if (!std::isfinite(d)) continue;
    ++checked;
    const boost::json::value v = d;
    auto back = parse_json(canonical_json(v));
    ASSERT_FALSE(back.error);
    ASSERT_TRUE(back.value.is_double());
    ASSERT_EQ(std::bit_cast<std::uint64_t>(back.value.as_double()), std::bit_cast<std::uint64_t>(d))
        << boost::json::serialize(v);
    ASSERT_TRUE(back.number_problems.empty());
  }
}

TEST(json_parse, numbers_no_document_can_hold_are_named_by_pointer) {
  EXPECT_EQ(pointer_of_first_problem(R"({"a": [1, {"b": 1e999}]})"), "/a/1/b");
  EXPECT_EQ(pointer_of_first_problem(R"({"x": -1e999})"), "/x");
  EXPECT_EQ(pointer_of_first_problem(R"({"x": 1e309})"), "/x");
  EXPECT_EQ(pointer_of_first_problem(R"({"x": 1.7976931348623159e308})"), "/x");  // rounds past the largest double
  EXPECT_EQ(pointer_of_first_problem(R"({"x": 1e-400})"), "/x");                  // would silently become 0
  EXPECT_EQ(pointer_of_first_problem(R"({"x": 9223372036854775808})"), "/x");     // int64 max + 1
  EXPECT_EQ(pointer_of_first_problem(R"({"x": 18446744073709551616})"), "/x");    // beyond uint64: Boost's double
  EXPECT_EQ(pointer_of_first_problem(R"([0, 123456789012345678901234567890])"), "/1");
  EXPECT_EQ(pointer_of_first_problem("1e999"), "/");
  EXPECT_EQ(pointer_of_first_problem(R"({"a/b": {"~": 1e999}})"), "/a~1b/~0");
  EXPECT_EQ(pointer_of_first_problem(R"({"a": 1, "b": [[], [2, 1e999]]})"), "/b/1/1");
}

TEST(json_parse, every_problem_is_listed_with_its_reason) {
  auto found = problems_of(R"({"big": 1e999, "tiny": -1e-400, "int": -9223372036854775809, "ok": 1})");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], "/big: is too large a number (at most ±1.7976931348623157e308)");
  EXPECT_TRUE(found[1].starts_with("/tiny: is too close to zero")) << found[1];
  EXPECT_EQ(found[2], "/int: must be an integer from -9223372036854775808 to 9223372036854775807");
}

TEST(json_parse, edge_numbers_that_fit_are_kept_as_written) {
  EXPECT_TRUE(problems_of(R"([1e308, -1.7976931348623157e308, 4.9e-324, 9223372036854775807,
                              -9223372036854775808, 0, -0, -0.0, 0e0, 1E5, 2.5e-3])")
                  .empty());
  auto parsed = parse_json("[-0.0, 4.9e-324, 9223372036854775807]");
  const auto& a = parsed.value.as_array();
  EXPECT_TRUE(std::signbit(a[0].as_double()));
  EXPECT_EQ(a[1].as_double(), std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(a[2].as_int64(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(parse_json(canonical_json(parsed.value)).value, parsed.value);
}

TEST(json_parse, syntax_errors_carry_offset_and_pointer) {
  auto bad = parse_json(R"({"goals": [{"title": "\udc00"}]})");
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error_pointer, "/goals/0/title");
  EXPECT_GT(bad.error_offset, 20u);
  EXPECT_TRUE(bad.value.is_null());

  EXPECT_EQ(parse_json(R"({"a": [1, 2, tru]})").error_pointer, "/a/2");
  EXPECT_EQ(parse_json(R"({"a": 1, "b": 1e99999999999999999999})").error_pointer, "/b");  // exponent overflow
  EXPECT_EQ(parse_json("{} trailing").error_pointer, "/");
  EXPECT_TRUE(parse_json("{\"a\": \"\xE0\xB8\"}").error);  // truncated UTF-8
  EXPECT_TRUE(parse_json("").error);
}

TEST(json_parse, nesting_is_limited_as_boost_limits_it) {
  std::string deep_ok(32, '['), too_deep(33, '[');
  deep_ok += std::string(32, ']');
  too_deep += std::string(33, ']');
  EXPECT_FALSE(parse_json(deep_ok).error);
  EXPECT_TRUE(parse_json(too_deep).error);
  EXPECT_FALSE(parse_json(too_deep, 64).error);
}

TEST(json_parse, strings_and_keys_survive_a_round_trip) {
  const std::string text = R"({"ชื่อ": "แผน \u0e51\u0e52 \ud83d\ude00 \u0000 \"q\" \n", "": [true, false, null]})";
  auto parsed = parse_json(text);
  ASSERT_FALSE(parsed.error);
  EXPECT_EQ(parsed.value.at("ชื่อ").as_string(), std::string("แผน ๑๒ 😀 ") + '\0' + " \"q\" \n");
  EXPECT_EQ(parse_json(canonical_json(parsed.value)).value, parsed.value);
}

TEST(json_parse, stored_text_that_is_not_json_is_an_error_not_a_value) {
  EXPECT_THROW(parse_stored_json("{\"a\": Infinity}"), std::runtime_error);
  EXPECT_EQ(parse_stored_json("{\"a\": 1}").at("a"), 1);
}

}  // namespace
}  // namespace planflow
