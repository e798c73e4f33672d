#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace planflow::http {
namespace {

request json_request(std::string body, std::string content_type = "application/json") {
  request r;
  r.headers["content-type"] = std::move(content_type);
  r.body = std::move(body);
  return r;
}

int status_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const error::problem& p) {
    return error::status(p.type());
  }
  return 0;
}

TEST(json_body, parses_json_with_charset_parameter) {
  auto v = parse_json_body(json_request(R"({"a":"ไทย"})", "application/json; charset=utf-8"));
  EXPECT_EQ(v.as_object().at("a").as_string(), "ไทย");
}

TEST(json_body, wrong_content_type_is_415) {
  EXPECT_EQ(status_of([] { parse_json_body(json_request("{}", "text/plain")); }), 415);
  EXPECT_EQ(status_of([] { parse_json_body(json_request("{}", "")); }), 415);
}

TEST(json_body, malformed_and_empty_json_are_400) {
  EXPECT_EQ(status_of([] { parse_json_body(json_request("{\"a\":")); }), 400);
  EXPECT_EQ(status_of([] { parse_json_body(json_request("")); }), 400);
  EXPECT_EQ(status_of([] { parse_json_body(json_request("{} trailing")); }), 400);
}

TEST(json_body, invalid_utf8_is_400) {
  try {
    parse_json_body(json_request("{\"a\":\"\xE0\xB8\"}"));
    FAIL() << "accepted invalid UTF-8";
  } catch (const error::problem& p) {
    EXPECT_EQ(error::status(p.type()), 400);
    EXPECT_EQ(p.type().slug, "malformed-json");
  }
}

TEST(json_body, numbers_no_document_can_hold_are_422_naming_each_field) {
  try {
    parse_json_body(json_request(R"({"title": "x", "content": {"colour": 1e999, "n": [9223372036854775808]}})"));
    FAIL() << "accepted 1e999";
  } catch (const error::problem& p) {
    EXPECT_EQ(error::status(p.type()), 422);
    EXPECT_EQ(p.type().slug, "validation-failed");
    ASSERT_EQ(p.fields().size(), 2u);
    EXPECT_EQ(p.fields()[0].pointer, "/content/colour");
    EXPECT_EQ(p.fields()[1].pointer, "/content/n/0");
  }
}

TEST(json_body, malformed_json_names_where_reading_stopped) {
  try {
    parse_json_body(json_request(R"({"items": [{"title": "\ud800"}]})"));
    FAIL() << "accepted a lone surrogate";
  } catch (const error::problem& p) {
    EXPECT_EQ(error::status(p.type()), 400);
    EXPECT_EQ(p.type().slug, "malformed-json");
    ASSERT_EQ(p.fields().size(), 1u);
    EXPECT_EQ(p.fields()[0].pointer, "/items/0/title");
  }
}

TEST(json_body, doubles_are_read_exactly) {
  // Boost.JSON 1.81's own reading of this is one unit in the last place off.
  auto v = parse_json_body(json_request(R"({"x": -1.9934908051011654e189})"));
  EXPECT_EQ(v.at("x").as_double(), -1.9934908051011654e189);
}

TEST(object_reader, collects_every_error_with_its_pointer) {
  auto v = boost::json::parse(R"({"title": 5, "year": "2566", "extra": true, "note": "x"})");
  std::vector<field> errors;
  object_reader in(v, errors);
  in.required_string("title");
  in.required_int("year", 2500, 2700);
  in.required_string("province");
  in.optional_string("note", 0);
  in.reject_unknown();
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].pointer, "/title");
  EXPECT_EQ(errors[0].code.id, "not_string");
  EXPECT_EQ(errors[1].pointer, "/year");
  EXPECT_EQ(errors[2].pointer, "/province");
  EXPECT_EQ(errors[2].code.id, "required");
  EXPECT_EQ(errors[3].pointer, "/note");
  EXPECT_EQ(errors[4].pointer, "/extra");
  EXPECT_EQ(errors[4].code.id, "unknown_field");
}

TEST(object_reader, counts_length_in_characters_not_bytes) {
  auto v = boost::json::parse(R"({"name": "นราธิวาส"})");  // 8 characters, 24 bytes
  std::vector<field> errors;
  object_reader in(v, errors);
  EXPECT_EQ(in.optional_string("name", 8).value_or(""), "นราธิวาส");
  EXPECT_TRUE(errors.empty());
  object_reader again(v, errors);
  EXPECT_FALSE(again.optional_string("name", 7).has_value());
  EXPECT_EQ(errors.size(), 1u);
}

TEST(object_reader, range_and_blank_checks) {
  auto v = boost::json::parse(R"({"n": 3000, "s": "   ", "b": "yes"})");
  std::vector<field> errors;
  object_reader in(v, errors, "/plan");
  in.required_int("n", 1, 10);
  in.required_string("s");
  in.optional_bool("b");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].pointer, "/plan/n");
  EXPECT_EQ(errors[1].code.id, "blank");
  EXPECT_EQ(errors[2].code.id, "not_boolean");
}

TEST(object_reader, non_object_is_an_error_at_its_pointer) {
  auto v = boost::json::parse("[1,2]");
  std::vector<field> errors;
  object_reader in(v, errors);
  in.required_string("a");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].pointer, "/");
}

TEST(json_pointer, escapes_tilde_and_slash) { EXPECT_EQ(pointer_append("/a", "b/c~d"), "/a/b~1c~0d"); }

TEST(json_body, throw_if_invalid_throws_422_only_with_errors) {
  EXPECT_NO_THROW(throw_if_invalid({}));
  EXPECT_EQ(status_of([] { throw_if_invalid({{"/a", error::messages::required}}); }), 422);
}

// Every field error carries its code and params beside the detail worded
// from them, in the language asked for.
TEST(problem_response, field_errors_carry_code_params_and_a_worded_detail) {
  const auto problem =
      error::invalid({{"/a", error::messages::required}, {"/b", error::messages::too_long, {{"max", 3}}}});
  auto en = boost::json::parse(to_response(problem, error::language::en).body).as_object();
  const auto& errors = en.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(
      errors[0],
      (boost::json::value{
          {"pointer", "/a"}, {"code", "required"}, {"params", boost::json::object{}}, {"detail", "is required"}}));
  EXPECT_EQ(errors[1], (boost::json::value{{"pointer", "/b"},
                                           {"code", "too_long"},
                                           {"params", {{"max", 3}}},
                                           {"detail", "must be at most 3 characters long"}}));
  EXPECT_EQ(en.at("code"), "fields_invalid");
  EXPECT_EQ(en.at("params"), (boost::json::value{{"count", 2}}));
  auto th = boost::json::parse(to_response(problem, error::language::th).body).as_object();
  EXPECT_EQ(th.at("errors").as_array()[1].at("detail"), "ยาวได้ไม่เกิน 3 ตัวอักษร");
  EXPECT_EQ(th.at("title"), "ข้อมูลบางช่องไม่ถูกต้อง");
}

}  // namespace
}  // namespace planflow::http
