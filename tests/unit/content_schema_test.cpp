#include <planflow/error/messages.hpp>
#include <planflow/plans/content_schema.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <limits>

namespace planflow::plans {
namespace {

// The shapes the real plugins' schemas use: $ref into $defs with siblings,
// nullable objects, arrays of references, a map with a key pattern, and an
// object that says nothing about its members.
const boost::json::object& schema() {
  static const auto s = boost::json::parse(R"({
    "type": "object",
    "properties": {
      "title": {"type": "string"},
      "goals": {"type": "array", "items": {"$ref": "#/$defs/goal"}},
      "stated": {"$ref": "#/$defs/stated", "description": "a sibling of the reference"},
      "notes": {"type": "object"},
      "open": {"type": "object", "properties": {"a": {}}, "additionalProperties": true}
    },
    "$defs": {
      "stated": {"type": ["object", "null"], "properties": {"budget": {"type": "number"}}},
      "goal": {
        "type": "object",
        "properties": {
          "title": {"type": "string"},
          "targets": {
            "type": "object",
            "propertyNames": {"pattern": "^[0-9]{4}$"},
            "additionalProperties": {"type": "object", "properties": {"value": {"type": ["number", "null"]}}}
          }
        }
      }
    }
  })")
                            .as_object();
  return s;
}

std::vector<std::string> violations(std::string_view content, const std::string& pointer = "") {
  std::vector<std::string> out;
  for (const auto& e : content_violations(boost::json::parse(content), schema(), pointer)) {
    out.push_back(e.pointer + " " + error::render(e.code, e.params, error::language::en));
  }
  return out;
}

using list = std::vector<std::string>;

TEST(content_schema, content_the_schema_describes_passes) {
  EXPECT_EQ(violations(R"({"title": "แผน", "goals": [{"title": "ก", "targets": {"2567": {"value": 1}}}],
                           "stated": null, "notes": {"anything": [1, {"goes": true}]}, "open": {"a": 1, "b": 2}})"),
            list{});
}

TEST(content_schema, unknown_members_are_refused_at_every_level) {
  EXPECT_EQ(violations(R"({"title": "x", "colour": 1e308})"), list{"/colour is not a known field"});
  EXPECT_EQ(violations(R"({"goals": [{}, {"title": "x", "extra": {}}]})"), list{"/goals/1/extra is not a known field"});
  EXPECT_EQ(violations(R"({"stated": {"budget": 1, "rounded": 2}})"), list{"/stated/rounded is not a known field"});
  EXPECT_EQ(violations(R"({"goals": [{"targets": {"2567": {"value": 1, "why": "x"}}}]})"),
            list{"/goals/0/targets/2567/why is not a known field"});
}

TEST(content_schema, map_keys_must_match_the_pattern) {
  EXPECT_EQ(violations(R"({"goals": [{"targets": {"2567": {}, "๒๕๖๗": {}, "year": {}}}]})"),
            (list{"/goals/0/targets/๒๕๖๗ is not a known field", "/goals/0/targets/year is not a known field"}));
}

TEST(content_schema, pointers_are_escaped_and_prefixed) {
  EXPECT_EQ(violations(R"({"a/b": 1, "~": 2, "": 3})", "/content"),
            (list{"/content/a~1b is not a known field", "/content/~0 is not a known field",
                  "/content/ is not a known field"}));
}

TEST(content_schema, values_of_another_type_are_left_to_the_plugin) {
  // Wrong kinds are the plugin's invalid_type findings; the host does not look inside them.
  EXPECT_EQ(violations(R"({"title": {"nested": 1}, "goals": {"not": "an array"}, "stated": [1]})"), list{});
}

TEST(content_schema, numbers_no_json_can_carry_are_refused_wherever_they_are) {
  boost::json::object content{{"notes", {{"inf", std::numeric_limits<double>::infinity()}}},
                              {"goals", boost::json::array{boost::json::object{{"title", std::uint64_t(1) << 63}}}}};
  std::vector<std::string> out;
  for (const auto& e : content_violations(content, schema()))
    out.push_back(e.pointer + " " + error::render(e.code, e.params, error::language::en));
  EXPECT_EQ(out, (list{"/notes/inf must be a finite number",
                       "/goals/0/title must be an integer from -9223372036854775808 to 9223372036854775807"}));
}

TEST(content_schema, a_schema_that_says_nothing_accepts_anything_and_bad_schemas_do_not_throw) {
  const auto open = boost::json::parse(R"({"type": "object"})").as_object();
  EXPECT_TRUE(content_violations(boost::json::parse(R"({"a": {"b": [1]}})"), open).empty());
  const auto odd =
      boost::json::parse(
          R"({"properties": {"m": {"$ref": "#/nowhere"}, "k": {"propertyNames": {"pattern": "("}, "properties": {}},
          "loop": {"$ref": "#/properties/loop"}, "no": false}})")
          .as_object();
  EXPECT_EQ(content_violations(boost::json::parse(R"({"m": {"x": 1}, "k": {"y": 1}, "loop": {"z": 1}, "no": 1})"), odd)
                .size(),
            2u);  // k/y (closed by its empty properties) and "no" (schema false)
}

TEST(content_schema, errors_stop_at_a_hundred) {
  boost::json::object content;
  for (int i = 0; i < 500; ++i) content["k" + std::to_string(i)] = i;
  EXPECT_EQ(content_violations(content, schema()).size(), 100u);
}

}  // namespace
}  // namespace planflow::plans
