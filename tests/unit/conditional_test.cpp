#include <planflow/http/conditional.hpp>
#include <planflow/http/problem.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace planflow::http {
namespace {

TEST(tag_condition, reads_star_and_lists_of_entity_tags) {
  auto any = parse_tag_condition(" * ");
  ASSERT_TRUE(any);
  EXPECT_TRUE(any->any);
  EXPECT_TRUE(any->matches_strongly("\"7\""));

  auto list = parse_tag_condition(R"("1", W/"2" ,, "a,b" ,"")");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->tags.size(), 4u);
  EXPECT_EQ(list->tags[0].opaque, "\"1\"");
  EXPECT_TRUE(list->tags[1].weak);
  EXPECT_EQ(list->tags[1].opaque, "\"2\"");
  EXPECT_EQ(list->tags[2].opaque, "\"a,b\"");  // a comma may be inside a tag
  EXPECT_EQ(list->tags[3].opaque, "\"\"");

  for (auto bad : {"", " ", ",", "3", "\"3", "3\"", "w/\"3\"", "W/3", "\"3\" \"4\"", "*, \"3\"", "\"a b\"", "\"3\"x",
                   "W/ \"3\""}) {
    EXPECT_FALSE(parse_tag_condition(bad)) << bad;
  }
}

TEST(tag_condition, if_match_compares_strongly_and_if_none_match_weakly) {
  auto c = *parse_tag_condition(R"(W/"2", "3")");
  EXPECT_TRUE(c.matches_strongly("\"3\""));
  EXPECT_FALSE(c.matches_strongly("\"2\""));    // a weak tag never matches strongly
  EXPECT_FALSE(c.matches_strongly("W/\"3\""));  // nor does a weak current tag
  EXPECT_TRUE(c.matches_weakly("\"2\""));
  EXPECT_TRUE(c.matches_weakly("W/\"3\""));
  EXPECT_FALSE(c.matches_weakly("\"4\""));
}

TEST(tag_condition, a_malformed_header_is_400_naming_it) {
  request req;
  EXPECT_FALSE(read_tag_condition(req, "If-Match"));
  req.headers["if-none-match"] = "3";
  try {
    read_tag_condition(req, "If-None-Match");
    FAIL() << "no problem thrown";
  } catch (const error::problem& p) {
    EXPECT_EQ(error::status(p.type()), 400);
    EXPECT_EQ(p.type().slug, "invalid-header");
    ASSERT_EQ(p.fields().size(), 1u);
    EXPECT_EQ(p.fields()[0].pointer, "header:If-None-Match");
  }
}

}  // namespace
}  // namespace planflow::http
