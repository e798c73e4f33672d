// The message catalog (api/messages.json) words every problem in Thai and
// English; these checks keep it whole, so no code reaches a Thai reader as
// an English sentence or as a bare code.
#include <planflow/error/messages.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/http/router.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace planflow {
namespace {

const boost::json::object& catalog() {
  static const auto parsed = boost::json::parse(error::catalog_text()).as_object();
  return parsed;
}

std::set<std::string> placeholders(std::string_view text) {
  static const std::regex braces(R"(\{([a-z_]+)(:[a-z]+)?\})");
  std::set<std::string> out;
  const std::string s(text);
  for (std::sregex_iterator it(s.begin(), s.end(), braces), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

TEST(message_catalog, every_problem_type_has_a_status_and_both_titles) {
  for (const auto& [slug, entry] : catalog().at("problems").as_object()) {
    const auto status = entry.at("status").to_number<int>();
    EXPECT_TRUE(status >= 400 && status <= 599) << slug;
    const auto& title = entry.at("title").as_object();
    EXPECT_FALSE(title.at("th").as_string().empty()) << slug << " has no Thai title";
    EXPECT_FALSE(title.at("en").as_string().empty()) << slug << " has no English title";
  }
}

TEST(message_catalog, every_message_has_both_languages_with_the_same_placeholders) {
  ASSERT_GT(catalog().at("messages").as_object().size(), 100u);
  for (const auto& [id, entry] : catalog().at("messages").as_object()) {
    const auto& th = entry.at("th").as_string();
    const auto& en = entry.at("en").as_string();
    EXPECT_FALSE(th.empty()) << id << " has no Thai message";
    EXPECT_FALSE(en.empty()) << id << " has no English message";
    EXPECT_EQ(placeholders(th), placeholders(en)) << id;
    // A Thai message that is the English one copied is no translation.
    EXPECT_NE(std::string_view(th), std::string_view(en)) << id;
  }
}

// A message nobody raises is wording the web interface might show for
// something that cannot happen; the catalog holds what the code says.
TEST(message_catalog, every_message_is_raised_somewhere) {
  std::string sources;
  for (const char* dir : {"/core/src", "/plugins"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(PLANFLOW_SOURCE_DIR) + dir)) {
      if (entry.path().extension() != ".cpp") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      sources += text.str();
    }
  }
  for (const auto& id : error::message_ids()) {
    const bool used =
        sources.find("messages::" + id) != std::string::npos || sources.find("msg::" + id) != std::string::npos;
    EXPECT_TRUE(used) << id << " is in api/messages.json but no code raises it";
  }
}

TEST(message_rendering, fills_placeholders_from_the_params) {
  EXPECT_EQ(error::render(error::messages::too_long, {{"max", 200}}, error::language::en),
            "must be at most 200 characters long");
  EXPECT_EQ(error::render(error::messages::too_long, {{"max", 200}}, error::language::th), "ยาวได้ไม่เกิน 200 ตัวอักษร");
  EXPECT_EQ(
      error::render(error::messages::one_of, {{"values", boost::json::array{"dot", "mermaid"}}}, error::language::en),
      "must be one of: dot, mermaid");
}

TEST(message_rendering, writes_baht_with_separators_and_satang_only_when_there_are_any) {
  const boost::json::object params{{"total", 1025440}, {"budget", 30500.5}};
  EXPECT_EQ(error::render(error::messages::over_budget, params, error::language::th),
            "ยอดเบิกจ่ายทั้งปีจะเป็น 1,025,440 บาท เกินงบประมาณ 30,500.50 บาท กรุณาระบุเหตุผลที่เบิกจ่ายเกินงบประมาณ");
}

TEST(message_rendering, a_missing_param_stays_visible) {
  EXPECT_EQ(error::render(error::messages::too_long, {}, error::language::en), "must be at most {max} characters long");
}

TEST(message_rendering, a_problem_says_what_in_english_for_logs) {
  const auto p = error::not_found(error::messages::plan_not_found, {{"id", 7}});
  EXPECT_STREQ(p.what(), "No plan has the id 7.");
  EXPECT_EQ(error::status(p.type()), 404);
}

TEST(accept_language, picks_thai_or_english_by_weight_then_order) {
  using error::language;
  EXPECT_EQ(http::preferred_language(""), language::en);
  EXPECT_EQ(http::preferred_language("th"), language::th);
  EXPECT_EQ(http::preferred_language("th-TH,th;q=0.9,en;q=0.8"), language::th);
  EXPECT_EQ(http::preferred_language("en-US,en;q=0.9,th;q=0.8"), language::en);
  EXPECT_EQ(http::preferred_language("fr, th;q=0.5"), language::th);
  EXPECT_EQ(http::preferred_language("en;q=0.1, TH;q=0.8"), language::th);
  EXPECT_EQ(http::preferred_language("fr, de"), language::en);
  EXPECT_EQ(http::preferred_language("thx, en"), language::en);  // "thx" is not Thai
}

TEST(problem_response, is_worded_as_the_request_asks_and_says_so) {
  http::router r;
  r.add(http::method::get, "/plans/{id}", [](http::request& req) -> http::response {
    throw error::not_found(error::messages::plan_not_found, {{"id", req.path_param("id")}});
  });
  http::request req;
  req.method = http::method::get;
  req.method_name = "GET";
  req.path = req.target = "/plans/7";
  req.headers["accept-language"] = "th-TH,th;q=0.9";
  auto th = r.dispatch(req);
  EXPECT_EQ(th.status, 404);
  EXPECT_EQ(th.header("Content-Language").value_or(""), "th");
  auto body = boost::json::parse(th.body).as_object();
  EXPECT_EQ(body.at("type"), "urn:planflow:problem:not-found");
  EXPECT_EQ(body.at("code"), "plan_not_found");
  EXPECT_EQ(body.at("params"), (boost::json::value{{"id", "7"}}));
  EXPECT_EQ(body.at("detail"), "ไม่พบแผนเลขที่ 7");
  req.headers.erase("accept-language");
  auto en = boost::json::parse(r.dispatch(req).body).as_object();
  EXPECT_EQ(en.at("detail"), "No plan has the id 7.");
  EXPECT_EQ(en.at("title"), "Not found");
}

}  // namespace
}  // namespace planflow
