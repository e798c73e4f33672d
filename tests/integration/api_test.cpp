// The REST API over HTTP against the whole application, on each database:
// authentication, every authorization rule, plans, actions, sign-off,
// delegation, bad input and the audit chain. Uses the small `simple_plan`
// test plan type so content can be made valid or invalid at will.
#include "../support/app_server.hpp"
#include "../support/databases.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <set>

namespace planflow::test {
namespace {

const std::string k_password = "correct horse battery";
const std::string k_type = "simple_plan";

boost::json::object valid_content() {
  return {{"items",
           {{{"id", "a1"}, {"title", "อบรมเครือข่าย"}, {"budget_baht", 20000}, {"target", 80}},
            {{"id", "a2"}, {"title", "ประชุม"}, {"budget_baht", 5000.5}}}},
          {"stated_total", 25000.5}};
}

class api_test : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server.add_user("admin", k_password, {{"admin", "", ""}});
    ASSERT_EQ(admin.login("admin", k_password).status, 200);
    agency_a = make_agency("TH-96", "สำนักงานจังหวัดนราธิวาส");
    agency_b = make_agency("TH-96", "สำนักงานสาธารณสุขจังหวัดนราธิวาส");
    agency_c = make_agency("TH-30", "สำนักงานจังหวัดนครราชสีมา");
    make_user("officer_a", {{{"role", "agency_officer"}}}, agency_a);
    make_user("head_a", {{{"role", "agency_head"}}}, agency_a);
    make_user("officer_b", {{{"role", "agency_officer"}}}, agency_b);
    make_user("head_b", {{{"role", "agency_head"}}}, agency_b);
    for (int i = 1; i <= 3; ++i) {
      make_user("member" + std::to_string(i),
                {{{"role", "committee_member"}, {"province", "TH-96"}, {"plan_type", k_type}}});
    }
    make_user("member_other", {{{"role", "committee_member"}, {"province", "TH-30"}, {"plan_type", k_type}}});
    make_user("observer", {{{"role", "observer"}, {"province", "TH-96"}}});
    make_user("observer_other", {{{"role", "observer"}, {"province", "TH-30"}}});
  }

  std::int64_t make_agency(const std::string& province, const std::string& name) {
    auto r = admin.post("/api/v1/agencies", {{"province", province}, {"name_th", name}, {"name_en", ""}});
    EXPECT_EQ(r.status, 201) << boost::json::serialize(r.body);
    return r.obj().at("id").as_int64();
  }

  std::int64_t make_user(const std::string& name, boost::json::array roles, std::optional<std::int64_t> agency = {}) {
    boost::json::object body{
        {"username", name}, {"display_name", "คุณ " + name}, {"password", k_password}, {"roles", std::move(roles)}};
    if (agency) body["agency"] = *agency;
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 201) << boost::json::serialize(r.body);
    ids[name] = r.obj().at("id").as_int64();
    return ids[name];
  }

  api_client as(const std::string& name) {
    api_client c(server.port());
    EXPECT_EQ(c.login(name, k_password).status, 200) << name;
    return c;
  }

  json_reply create_plan(api_client& c, boost::json::value content = valid_content(), std::int64_t agency = 0) {
    return c.post("/api/v1/plans", {{"plan_type", k_type},
                                    {"title", "แผนปฏิบัติการ ๒๕๖๗"},
                                    {"province", "TH-96"},
                                    {"agency", agency ? agency : agency_a},
                                    {"fiscal_year", 2567},
                                    {"content", std::move(content)}});
  }

  std::string plan_url(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/plans/" + std::to_string(id) + rest;
  }

  json_reply act(api_client c, std::int64_t plan, const std::string& action, const std::string& comment = "",
                 std::map<std::string, std::string> headers = {}) {
    boost::json::object body;
    if (!comment.empty()) body["comment"] = comment;
    return c.post(plan_url(plan, "/actions/" + action), body, std::move(headers));
  }

  // Officer creates, submits; head endorses: the plan waits for the committee.
  std::int64_t plan_in_committee() {
    auto officer = as("officer_a");
    auto id = create_plan(officer).obj().at("id").as_int64();
    EXPECT_EQ(act(officer, id, "submit").status, 200);
    auto head = as("head_a");
    EXPECT_EQ(act(head, id, "endorse").status, 200);
    return id;
  }

  scratch_database db{GetParam()};
  app_server server{db.url()};
  api_client admin{server.port()};
  std::int64_t agency_a = 0, agency_b = 0, agency_c = 0;
  std::map<std::string, std::int64_t> ids;
};

TEST_P(api_test, login_me_and_logout) {
  api_client c(server.port());
  auto login = c.login("officer_a", k_password);
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.obj().at("token").as_string().size(), 43u);
  EXPECT_EQ(login.obj().at("user").at("username"), "officer_a");
  EXPECT_FALSE(login.obj().at("user").as_object().contains("password_hash"));
  EXPECT_FALSE(login.obj().at("expires_at").as_string().empty());
  auto me = c.get("/api/v1/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.obj().at("display_name"), "คุณ officer_a");
  EXPECT_EQ(c.post("/api/v1/auth/logout", boost::json::object{}).status, 204);
  auto after = c.get("/api/v1/me");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.problem(), "unauthenticated");
}

TEST_P(api_test, missing_or_bad_tokens_are_401_with_a_challenge) {
  api_client anonymous(server.port());
  auto r = anonymous.get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.header("www-authenticate"), R"(Bearer realm="planflow")");
  anonymous.set_token("not-a-real-token");
  EXPECT_EQ(anonymous.get("/api/v1/plans").status, 401);
}

TEST_P(api_test, what_a_user_is_shown_is_not_stored_by_caches) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  EXPECT_EQ(officer.get("/api/v1/me").header("cache-control"), "no-store");
  EXPECT_EQ(officer.get("/api/v1/plans").header("cache-control"), "no-store");
  EXPECT_EQ(officer.get(plan_url(id, "/history")).header("cache-control"), "no-store");
  auto invisible = as("officer_b").get(plan_url(id));
  EXPECT_EQ(invisible.status, 404);
  EXPECT_EQ(invisible.header("cache-control"), "no-store");
  EXPECT_EQ(officer.get("/api/v1/provinces").header("cache-control"), "no-store");  // asked with a token
  api_client anonymous(server.port());
  EXPECT_EQ(anonymous.login("officer_a", k_password).header("cache-control"), "no-store");
  api_client nobody(server.port());
  EXPECT_EQ(nobody.get("/api/v1/provinces").header("cache-control"), "");  // public: its own caching
  EXPECT_EQ(nobody.get("/healthz").header("cache-control"), "");
}

TEST_P(api_test, wrong_passwords_are_refused_the_same_way_and_then_slowed_down) {
  api_client c(server.port());
  auto unknown = c.login("nobody", k_password);
  auto wrong = c.login("officer_b", "wrong password");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.obj().at("detail"), wrong.obj().at("detail"));
  // A failed login is a 401 like any other: it challenges for a bearer token.
  EXPECT_EQ(unknown.header("www-authenticate"), R"(Bearer realm="planflow")");
  EXPECT_EQ(wrong.header("www-authenticate"), R"(Bearer realm="planflow")");
  for (int i = 0; i < 4; ++i) c.login("officer_b", "wrong password");
  auto throttled = c.login("officer_b", k_password);  // even the right password waits now
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.problem(), "too-many-attempts");
  EXPECT_FALSE(throttled.header("retry-after").empty());
}

TEST_P(api_test, only_administrators_govern_the_directory) {
  auto officer = as("officer_a");
  EXPECT_EQ(officer.get("/api/v1/users").status, 403);
  EXPECT_EQ(officer.post("/api/v1/agencies", {{"province", "TH-96"}, {"name_th", "x"}}).status, 403);
  EXPECT_EQ(officer.post("/api/v1/users", {{"username", "x"}}).status, 403);
  EXPECT_EQ(officer.put("/api/v1/provinces/TH-96", {{"name_th", "x"}, {"name_en", "x"}, {"region", "x"}}).status, 403);
  EXPECT_EQ(admin.get("/api/v1/users").status, 200);
  auto own = officer.get("/api/v1/users/" + std::to_string(ids["officer_a"]));
  EXPECT_EQ(own.status, 200);  // one may read oneself
  EXPECT_EQ(officer.get("/api/v1/users/" + std::to_string(ids["head_a"])).status, 403);
}

TEST_P(api_test, directory_input_is_checked_field_by_field) {
  auto r = admin.post("/api/v1/users", {{"username", "Bad Name"},
                                        {"display_name", ""},
                                        {"password", "short"},
                                        {"roles", {{{"role", "emperor"}}, {{"role", "committee_member"}}}},
                                        {"shoe_size", 42}});
  ASSERT_EQ(r.status, 422);
  std::set<std::string> pointers;
  for (const auto& e : r.obj().at("errors").as_array()) pointers.insert(std::string(e.at("pointer").as_string()));
  EXPECT_TRUE(pointers.contains("/username"));
  EXPECT_TRUE(pointers.contains("/display_name"));
  EXPECT_TRUE(pointers.contains("/password"));
  EXPECT_TRUE(pointers.contains("/shoe_size"));
  auto roles = admin.post("/api/v1/users", {{"username", "valid.name"},
                                            {"display_name", "x"},
                                            {"password", k_password},
                                            {"roles", {{{"role", "emperor"}}, {{"role", "committee_member"}}}}});
  ASSERT_EQ(roles.status, 422);
  std::set<std::string> role_pointers;
  for (const auto& e : roles.obj().at("errors").as_array())
    role_pointers.insert(std::string(e.at("pointer").as_string()));
  EXPECT_TRUE(role_pointers.contains("/roles/0/role"));
  EXPECT_TRUE(role_pointers.contains("/roles/1/province"));
  EXPECT_EQ(admin.get("/api/v1/users").obj().at("items").as_array().size(), 11u);  // nothing half-written
  auto dup = admin.post("/api/v1/users", {{"username", "officer_a"}, {"display_name", "x"}, {"password", k_password}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(admin.post("/api/v1/agencies", {{"province", "TH-99"}, {"name_th", "x"}}).status, 422);
}

// Renaming an agency and removing a report recipient are the administrator's,
// and answer what the API document says (the contract check reads these).
TEST_P(api_test, administrators_rename_agencies_and_remove_report_recipients) {
  const auto agency = "/api/v1/agencies/" + std::to_string(agency_a);
  boost::json::object renamed{
      {"province", "TH-96"}, {"name_th", "ศาลากลางจังหวัดนราธิวาส"}, {"name_en", "Narathiwat City Hall"}};
  EXPECT_EQ(as("officer_a").put(agency, renamed).status, 403);
  auto r = admin.put(agency, renamed);
  ASSERT_EQ(r.status, 200) << boost::json::serialize(r.body);
  EXPECT_EQ(r.obj().at("name_en").as_string(), "Narathiwat City Hall");
  EXPECT_EQ(admin.get(agency).obj().at("name_th").as_string(), "ศาลากลางจังหวัดนราธิวาส");
  boost::json::object taken{{"province", "TH-96"}, {"name_th", "สำนักงานสาธารณสุขจังหวัดนราธิวาส"}};
  auto duplicate = admin.put(agency, taken);
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.problem(), "duplicate");
  EXPECT_EQ(admin.put("/api/v1/agencies/999999", renamed).status, 404);

  auto recipient =
      admin.post("/api/v1/report-recipients", {{"province", "TH-96"}, {"name", "สำนักงาน ป.ป.ท."}, {"kind", "package"}});
  ASSERT_EQ(recipient.status, 201) << boost::json::serialize(recipient.body);
  const auto url = "/api/v1/report-recipients/" + std::to_string(recipient.obj().at("id").as_int64());
  EXPECT_EQ(as("officer_a").del(url).status, 403);
  EXPECT_EQ(admin.del(url).status, 204);
  EXPECT_EQ(admin.del(url).status, 404);  // already removed
  const auto recipients = admin.get("/api/v1/report-recipients");
  for (const auto& item : recipients.obj().at("items").as_array()) {
    if (item.at("id") == recipient.obj().at("id")) {
      EXPECT_FALSE(item.at("active").as_bool());  // kept, for its deliveries
    }
  }
}

TEST_P(api_test, agencies_create_plans_only_for_themselves) {
  auto officer_b = as("officer_b");
  EXPECT_EQ(create_plan(officer_b).status, 403);  // agency A's plan
  auto head = as("head_a");
  EXPECT_EQ(create_plan(head).status, 403);   // heads review, officers write
  EXPECT_EQ(create_plan(admin).status, 403);  // administrators govern
  auto officer = as("officer_a");
  auto created = create_plan(officer);
  ASSERT_EQ(created.status, 201) << boost::json::serialize(created.body);
  EXPECT_EQ(created.obj().at("stage"), "draft");
  EXPECT_EQ(created.obj().at("revision"), 1);
  EXPECT_EQ(created.obj().at("workflow").at("id"), "simple_workflow");
  EXPECT_TRUE(created.header("etag").starts_with("\"1-")) << created.header("etag");
  EXPECT_EQ(created.obj().at("totals").at("overall").at("budget_baht").as_double(), 25000.5);
}

TEST_P(api_test, who_sees_a_plan_in_each_stage) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto url = plan_url(id);
  auto officer_b = as("officer_b");
  auto member = as("member1");
  auto member_other = as("member_other");
  auto observer = as("observer");
  auto observer_other = as("observer_other");
  // Draft: the agency, observers of the province, administrators.
  EXPECT_EQ(officer.get(url).status, 200);
  EXPECT_EQ(as("head_a").get(url).status, 200);
  EXPECT_EQ(observer.get(url).status, 200);
  EXPECT_EQ(admin.get(url).status, 200);
  EXPECT_EQ(officer_b.get(url).status, 404);
  EXPECT_EQ(member.get(url).status, 404);
  EXPECT_EQ(observer_other.get(url).status, 404);
  EXPECT_EQ(member.get("/api/v1/plans").obj().at("items").as_array().size(), 0u);
  // In review the province's committee sees it too; others still do not.
  act(officer, id, "submit");
  EXPECT_EQ(member.get(url).status, 200);
  EXPECT_EQ(member.get("/api/v1/plans").obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(member_other.get(url).status, 404);
  EXPECT_EQ(officer_b.get(url).status, 404);
  EXPECT_EQ(officer_b.get("/api/v1/plans").obj().at("items").as_array().size(), 0u);
  EXPECT_EQ(observer_other.get(url).status, 404);
}

TEST_P(api_test, editing_content_needs_if_match_the_right_stage_and_role) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto content = valid_content();
  content["stated_total"] = 1;
  auto missing = officer.put(plan_url(id, "/content"), content);
  EXPECT_EQ(missing.status, 428);
  auto saved = officer.put(plan_url(id, "/content"), content, {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << boost::json::serialize(saved.body);
  EXPECT_EQ(saved.obj().at("revision"), 2);
  bool mismatch = false;
  for (const auto& f : saved.obj().at("findings").as_array()) mismatch |= f.at("code") == "total_mismatch";
  EXPECT_TRUE(mismatch);
  auto stale = officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.obj().at("revision"), 2);
  auto head = as("head_a");
  EXPECT_EQ(head.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"2\""}}).status, 403);
  auto observer = as("observer");
  EXPECT_EQ(observer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"2\""}}).status, 403);
  // Submitted, the draft is out of the officer's hands until returned.
  ASSERT_EQ(officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"2\""}}).status, 200);
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  auto locked = officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"3\""}});
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(locked.problem(), "not-editable");
  auto revisions = officer.get(plan_url(id, "/revisions"));
  EXPECT_EQ(revisions.obj().at("items").as_array().size(), 3u);
  auto first = officer.get(plan_url(id, "/revisions/1"));
  EXPECT_EQ(first.obj().at("content").at("stated_total").as_double(), 25000.5);
  auto diff = officer.get(plan_url(id, "/diff?from=1&to=2"));
  ASSERT_EQ(diff.obj().at("changed").as_array().size(), 1u);
  EXPECT_EQ(diff.obj().at("changed").as_array()[0].at("path"), "/stated_total");
}

TEST_P(api_test, if_match_compares_strongly_and_takes_star_and_lists) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto content = valid_content();
  int edits = 0;
  auto put = [&](const std::string& if_match) {
    // A real change each time, and still valid content (it is submitted below).
    content["items"].as_array()[0].as_object()["title"] = "อบรมเครือข่าย รุ่นที่ " + std::to_string(++edits);
    return officer.put(plan_url(id, "/content"), content, {{"If-Match", if_match}});
  };
  auto star = put("*");
  ASSERT_EQ(star.status, 200) << boost::json::serialize(star.body);
  EXPECT_EQ(star.obj().at("revision"), 2);
  EXPECT_EQ(put(R"("9", "2")").obj().at("revision"), 3);  // any one of the list
  auto weak = put(R"(W/"3")");
  EXPECT_EQ(weak.status, 412);  // weak tags never match
  EXPECT_EQ(weak.problem(), "stale-revision");
  EXPECT_EQ(weak.obj().at("revision"), 3);
  EXPECT_EQ(put(R"(W/"3", "1")").status, 412);
  EXPECT_EQ(put(R"("abc")").status, 412);  // well formed, names nothing
  for (const std::string malformed : {"3", R"("3)", R"(*, "3")", R"(w/"3")", ","}) {
    auto r = put(malformed);
    EXPECT_EQ(r.status, 400) << malformed;
    EXPECT_EQ(r.problem(), "invalid-header") << malformed;
    ASSERT_TRUE(r.obj().contains("errors")) << malformed;
    EXPECT_EQ(r.obj().at("errors").as_array()[0].at("pointer"), "header:If-Match") << malformed;
  }
  EXPECT_EQ(officer.get(plan_url(id, "/revisions")).obj().at("items").as_array().size(), 3u);

  // Actions take the same condition.
  auto weak_act = act(officer, id, "submit", "", {{"If-Match", R"(W/"3")"}});
  EXPECT_EQ(weak_act.status, 412) << boost::json::serialize(weak_act.body);
  EXPECT_EQ(act(officer, id, "submit", "", {{"If-Match", "3"}}).status, 400);
  auto submitted = act(officer, id, "submit", "", {{"If-Match", R"("2", "3")"}});
  EXPECT_EQ(submitted.status, 200) << boost::json::serialize(submitted.body);
  EXPECT_EQ(act(as("head_a"), id, "endorse", "", {{"If-Match", "*"}}).status, 200);
  // Who may not act hears so whatever the condition says.
  EXPECT_EQ(act(as("observer"), id, "approve", "", {{"If-Match", R"("1")"}}).status, 403);
}

TEST_P(api_test, a_plan_read_again_unchanged_is_304) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto first = officer.get(plan_url(id));
  ASSERT_EQ(first.status, 200);
  const auto etag = first.header("etag");
  EXPECT_TRUE(etag.starts_with("\"1-")) << etag;
  EXPECT_EQ(first.header("cache-control"), "private, no-cache");
  auto read_with = [&](api_client& c, const std::string& condition) {
    return c.send("GET", plan_url(id), "", {{"If-None-Match", condition}});
  };
  for (const auto& condition : {etag, "W/" + etag, "\"9-0\", " + etag, std::string("*")}) {
    auto again = read_with(officer, condition);
    EXPECT_EQ(again.status, 304) << condition;
    EXPECT_EQ(again.header("etag"), etag) << condition;
    EXPECT_TRUE(again.body.is_string() && again.body.as_string().empty()) << condition;  // no body at all
    EXPECT_EQ(again.header("content-length"), "") << condition;
    EXPECT_EQ(again.header("cache-control"), "private, no-cache") << condition;
  }
  auto head = officer.send("HEAD", plan_url(id), "", {{"If-None-Match", etag}});
  EXPECT_EQ(head.status, 304);
  EXPECT_EQ(read_with(officer, "\"1\"").status, 200);  // the revision alone is not this answer
  auto malformed = read_with(officer, "1");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.obj().at("errors").as_array()[0].at("pointer"), "header:If-None-Match");
  // Another reader's answer differs (what they may do), and so does its tag.
  auto head_a = as("head_a");
  EXPECT_EQ(read_with(head_a, etag).status, 200);
  // A step in the workflow keeps the revision but changes the answer.
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  auto moved = read_with(officer, etag);
  EXPECT_EQ(moved.status, 200);
  EXPECT_EQ(moved.obj().at("revision"), 1);
  EXPECT_NE(moved.header("etag"), etag);
  EXPECT_TRUE(moved.header("etag").starts_with("\"1-"));
  // The tag as read is an If-Match too.
  auto returned = act(head_a, id, "return", "ขอแก้ไข", {{"If-Match", head_a.get(plan_url(id)).header("etag")}});
  ASSERT_EQ(returned.status, 200) << boost::json::serialize(returned.body);
  auto draft = officer.get(plan_url(id));
  auto changed = valid_content();
  changed["items"].as_array()[1].as_object()["title"] = "ประชุมคณะทำงาน";
  auto saved = officer.put(plan_url(id, "/content"), changed, {{"If-Match", draft.header("etag")}});
  EXPECT_EQ(saved.status, 200) << boost::json::serialize(saved.body);
  EXPECT_EQ(saved.obj().at("revision"), 2);
  EXPECT_EQ(officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", draft.header("etag")}}).status, 412);
}

// A workflow in which the agency may still correct the plan while the
// committee signs: the case where an unchanged save must not void signatures.
void let_the_agency_edit_during_approval(api_client& admin) {
  auto def = admin.get("/api/v1/workflows/simple_workflow/versions/1").obj().at("definition");
  for (auto& stage : def.as_object()["stages"].as_array()) {
    if (stage.at("id") == "committee_approval") stage.as_object()["editable_by"] = boost::json::array{"agency_officer"};
  }
  auto published = admin.post("/api/v1/workflows", def);
  ASSERT_EQ(published.status, 201) << boost::json::serialize(published.body);
}

TEST_P(api_test, saving_unchanged_content_is_a_no_op_that_keeps_signatures) {
  let_the_agency_edit_during_approval(admin);
  auto officer = as("officer_a");
  auto id = plan_in_committee();
  auto m1 = as("member1");
  ASSERT_EQ(act(m1, id, "approve").status, 200);
  const auto history = officer.get(plan_url(id, "/history")).obj().at("items").as_array().size();

  auto same = officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"1\""}});
  ASSERT_EQ(same.status, 200) << boost::json::serialize(same.body);
  EXPECT_EQ(same.obj().at("revision"), 1);
  EXPECT_TRUE(same.header("etag").starts_with("\"1-"));
  // The same document written otherwise (member order, spacing) is the same content.
  auto reordered =
      officer.send("PUT", plan_url(id, "/content"),
                   R"({ "stated_total": 25000.5, "items": [{"title": "อบรมเครือข่าย", "id": "a1", )"
                   R"("target": 80, "budget_baht": 20000}, {"budget_baht": 5000.5, "id": "a2", "title": "ประชุม"}]})",
                   {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
  ASSERT_EQ(reordered.status, 200) << boost::json::serialize(reordered.body);
  EXPECT_EQ(reordered.obj().at("revision"), 1);
  EXPECT_EQ(officer.get(plan_url(id, "/revisions")).obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(officer.get(plan_url(id, "/history")).obj().at("items").as_array().size(), history);
  auto sigs = m1.get(plan_url(id)).obj().at("signatures").as_array();
  ASSERT_EQ(sigs.size(), 1u);
  EXPECT_TRUE(sigs[0].at("current").as_bool());
  EXPECT_TRUE(sigs[0].at("voided_at").is_null());
  // Checks before saving still apply: a stale If-Match, a caller who may not edit.
  EXPECT_EQ(officer.put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"2\""}}).status, 412);
  EXPECT_EQ(as("head_a").put(plan_url(id, "/content"), valid_content(), {{"If-Match", "\"1\""}}).status, 403);
  // The first signature still counts towards the quorum.
  auto second = act(as("member2"), id, "approve");
  ASSERT_EQ(second.status, 200);
  EXPECT_TRUE(second.obj().at("moved").as_bool());

  // A real change does void what was signed.
  auto other = plan_in_committee();
  ASSERT_EQ(act(m1, other, "approve").status, 200);
  auto changed = valid_content();
  changed["items"].as_array()[1].as_object()["title"] = "ประชุมคณะทำงาน";
  auto saved = officer.put(plan_url(other, "/content"), changed, {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200);
  EXPECT_EQ(saved.obj().at("revision"), 2);
  EXPECT_FALSE(m1.get(plan_url(other)).obj().at("signatures").as_array()[0].at("current").as_bool());
}

TEST_P(api_test, invalid_content_cannot_be_submitted) {
  auto officer = as("officer_a");
  auto id = create_plan(officer, {{"items", boost::json::array{}}, {"stated_total", 0}}).obj().at("id").as_int64();
  auto r = act(officer, id, "submit");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.problem(), "guards-unmet");
  EXPECT_EQ(r.obj().at("guards").as_array()[0].at("type"), "valid_content");
  auto plan = officer.get(plan_url(id));
  const auto& actions = plan.obj().at("available_actions").as_array();
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_FALSE(actions[0].at("enabled").as_bool());
}

TEST_P(api_test, review_return_endorse_and_quorum_approval) {
  auto officer = as("officer_a");
  auto head = as("head_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  EXPECT_EQ(act(officer, id, "endorse").status, 403);  // not the head
  auto no_comment = act(head, id, "return");
  EXPECT_EQ(no_comment.status, 422);
  EXPECT_EQ(no_comment.obj().at("errors").as_array()[0].at("pointer"), "/comment");
  ASSERT_EQ(act(head, id, "return", "ระบุหน่วยงานรับผิดชอบให้ครบ").obj().at("to"), "draft");
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  ASSERT_EQ(act(head, id, "endorse").obj().at("to"), "committee_approval");

  auto m1 = as("member1"), m2 = as("member2");
  EXPECT_EQ(act(admin, id, "approve").status, 403);           // administrators do not sign
  EXPECT_EQ(act(as("observer"), id, "approve").status, 403);  // observers read only
  EXPECT_EQ(act(as("member_other"), id, "approve").status, 404);
  auto first = act(m1, id, "approve", "เห็นชอบ");
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(first.obj().at("moved").as_bool());
  EXPECT_EQ(first.obj().at("guards").as_array()[0].at("signed"), 1);
  EXPECT_EQ(first.obj().at("guards").as_array()[0].at("needed"), 2);
  EXPECT_EQ(act(m1, id, "approve").problem(), "already-signed");
  auto second = act(m2, id, "approve");
  EXPECT_TRUE(second.obj().at("moved").as_bool());
  auto plan = m1.get(plan_url(id));
  EXPECT_EQ(plan.obj().at("stage"), "approved");
  const auto& sigs = plan.obj().at("signatures").as_array();
  ASSERT_EQ(sigs.size(), 2u);
  EXPECT_EQ(sigs[0].at("content_sha256"), plan.obj().at("content_sha256"));
  EXPECT_EQ(sigs[0].at("comment"), "เห็นชอบ");
  auto history = m1.get(plan_url(id, "/history")).obj().at("items").as_array();
  EXPECT_EQ(history.back().at("to"), "approved");
  auto returned = std::ranges::find_if(history, [](const auto& e) { return e.at("action") == "return"; });
  ASSERT_NE(returned, history.end());
  EXPECT_EQ(returned->at("comment"), "ระบุหน่วยงานรับผิดชอบให้ครบ");
  EXPECT_EQ(returned->at("actor"), "คุณ head_a");
}

TEST_P(api_test, idempotency_key_makes_a_retry_harmless) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto first = act(officer, id, "submit", "", {{"Idempotency-Key", "9f1c-submit"}});
  auto retry = act(officer, id, "submit", "", {{"Idempotency-Key", "9f1c-submit"}});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.header("idempotent-replayed"), "true");
  EXPECT_EQ(officer.get(plan_url(id, "/history")).obj().at("items").as_array().size(), 2u);
}

TEST_P(api_test, an_idempotency_key_reused_for_another_request_is_refused) {
  auto officer = as("officer_a");
  auto head = as("head_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  auto first = act(head, id, "return", "แก้ไขงบประมาณ", {{"Idempotency-Key", "k-1"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(act(head, id, "return", "แก้ไขงบประมาณ", {{"Idempotency-Key", "k-1"}}).header("idempotent-replayed"),
            "true");
  auto other_body = act(head, id, "return", "อีกเรื่องหนึ่ง", {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(other_body.status, 422);
  EXPECT_EQ(other_body.problem(), "idempotency-key-reused");
  auto other_condition = act(head, id, "return", "แก้ไขงบประมาณ", {{"Idempotency-Key", "k-1"}, {"If-Match", "\"1\""}});
  EXPECT_EQ(other_condition.problem(), "idempotency-key-reused");
  auto other_plan = create_plan(officer).obj().at("id").as_int64();
  ASSERT_EQ(act(officer, other_plan, "submit").status, 200);
  EXPECT_EQ(act(head, other_plan, "return", "แก้ไขงบประมาณ", {{"Idempotency-Key", "k-1"}}).problem(),
            "idempotency-key-reused");
  EXPECT_EQ(act(head, id, "endorse", "แก้ไขงบประมาณ", {{"Idempotency-Key", "k-1"}}).problem(), "idempotency-key-reused");
  // Nothing of those was done.
  EXPECT_EQ(officer.get(plan_url(other_plan)).obj().at("stage"), "agency_review");
  EXPECT_EQ(officer.get(plan_url(id, "/history")).obj().at("items").as_array().size(), 3u);  // created, submit, return
}

TEST_P(api_test, idempotency_keys_are_text_compared_byte_for_byte) {
  auto officer = as("officer_a");
  auto a = create_plan(officer).obj().at("id").as_int64();
  auto b = create_plan(officer).obj().at("id").as_int64();
  auto c = create_plan(officer).obj().at("id").as_int64();
  // Keys differing only in case or accents are different keys (on MariaDB too).
  EXPECT_EQ(act(officer, a, "submit", "", {{"Idempotency-Key", "Send-A"}}).status, 200);
  auto lower = act(officer, b, "submit", "", {{"Idempotency-Key", "send-a"}});
  EXPECT_EQ(lower.status, 200) << boost::json::serialize(lower.body);
  EXPECT_EQ(lower.header("idempotent-replayed"), "");
  EXPECT_EQ(act(officer, c, "submit", "", {{"Idempotency-Key", "Send-\xC3\x81"}}).status, 200);  // Send-Á
  for (const std::string& bad : {std::string("\xFF\xFEkey"), std::string("a\tb"), std::string("\xC2\x85next-line"),
                                 std::string("\xE0\xB8"), std::string(129, 'k')}) {
    auto r = act(officer, a, "submit", "", {{"Idempotency-Key", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.problem(), "invalid-header") << bad;
    ASSERT_TRUE(r.obj().contains("errors")) << bad;
    EXPECT_EQ(r.obj().at("errors").as_array()[0].at("pointer"), "header:Idempotency-Key") << bad;
  }
  EXPECT_EQ(act(officer, a, "return", "x", {{"Idempotency-Key", "กุญแจ-๑"}}).status, 403);  // Thai text is fine
}

TEST_P(api_test, a_committee_member_approves_several_plans_at_once) {
  auto a = plan_in_committee(), b = plan_in_committee();
  auto officer = as("officer_a");
  auto draft = create_plan(officer).obj().at("id").as_int64();
  auto m1 = as("member1");
  auto r = m1.post("/api/v1/plans/actions/approve", {{"plan_ids", {a, b, draft, 999999}}, {"comment", "ชุดที่ ๑"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.obj().at("succeeded"), 2);
  EXPECT_EQ(r.obj().at("failed"), 2);
  const auto& results = r.obj().at("results").as_array();
  EXPECT_TRUE(results[0].at("ok").as_bool());
  EXPECT_EQ(results[2].at("status"), 404);  // a draft is invisible to the committee
  EXPECT_EQ(results[3].at("status"), 404);
  EXPECT_EQ(m1.post("/api/v1/plans/actions/approve", {{"plan_ids", boost::json::array{}}}).status, 422);
}

TEST_P(api_test, delegated_approval_names_both_people_and_ends_when_revoked) {
  auto id = plan_in_committee();
  auto m3 = as("member3");
  // member3 is away: head_b acts for them (รักษาราชการแทน).
  auto d = m3.post("/api/v1/delegations",
                   {{"to_user", ids["head_b"]}, {"role", "committee_member"}, {"valid_to", "2099-12-31"}});
  ASSERT_EQ(d.status, 201) << boost::json::serialize(d.body);
  auto acting = as("head_b");
  EXPECT_EQ(acting.get(plan_url(id)).status, 200);  // sees what member3 sees
  auto signed_for = act(acting, id, "approve", "ลงนามแทน");
  ASSERT_EQ(signed_for.status, 200) << boost::json::serialize(signed_for.body);
  EXPECT_TRUE(signed_for.obj().at("signed").as_bool());
  EXPECT_EQ(act(m3, id, "approve").problem(), "already-signed");  // one person, one signature
  auto history = as("member1").get(plan_url(id, "/history")).obj().at("items").as_array();
  EXPECT_EQ(history.back().at("kind"), "signature");
  EXPECT_EQ(history.back().at("actor"), "คุณ head_b");
  EXPECT_EQ(history.back().at("on_behalf_of_name"), "คุณ member3");
  auto sigs = as("member1").get(plan_url(id)).obj().at("signatures").as_array();
  ASSERT_EQ(sigs.size(), 1u);
  EXPECT_EQ(sigs[0].at("user"), "คุณ head_b");
  EXPECT_EQ(sigs[0].at("on_behalf_of_name"), "คุณ member3");
  EXPECT_EQ(m3.del("/api/v1/delegations/" + std::to_string(d.obj().at("id").as_int64())).status, 204);
  EXPECT_EQ(acting.get(plan_url(id)).status, 404);  // revoked: back to one's own scope
  EXPECT_EQ(m3.del("/api/v1/delegations/" + std::to_string(d.obj().at("id").as_int64())).status, 409);
  EXPECT_EQ(m3.post("/api/v1/delegations", {{"to_user", ids["head_b"]}, {"role", "admin"}, {"valid_to", "2099-12-31"}})
                .status,
            422);
}

TEST_P(api_test, comments_can_point_into_the_content) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto observer = as("observer");
  EXPECT_EQ(observer.post(plan_url(id, "/comments"), {{"body", "x"}}).status, 403);
  auto c =
      as("head_a").post(plan_url(id, "/comments"), {{"body", "งบประมาณสูงเกินไป"}, {"anchor", "/items/0/budget_baht"}});
  ASSERT_EQ(c.status, 201);
  EXPECT_EQ(as("head_a").post(plan_url(id, "/comments"), {{"body", "x"}, {"anchor", "/items/9"}}).status, 422);
  auto list = officer.get(plan_url(id, "/comments")).obj().at("items").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("anchor"), "/items/0/budget_baht");
  EXPECT_EQ(list[0].at("author"), "คุณ head_a");
}

TEST_P(api_test, bad_input_is_a_problem_naming_the_field_and_writes_nothing) {
  auto officer = as("officer_a");
  auto malformed = officer.send("POST", "/api/v1/plans", R"({"plan_type": )", {{"Content-Type", "application/json"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.problem(), "malformed-json");
  auto bad_utf8 =
      officer.send("POST", "/api/v1/plans", "{\"title\": \"\xE0\xB8\"}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad_utf8.status, 400);
  auto wrong = officer.post("/api/v1/plans", {{"plan_type", 7},
                                              {"title", std::string(501, 'x')},
                                              {"province", "TH-96"},
                                              {"agency", "one"},
                                              {"fiscal_year", 1999},
                                              {"extra", true}});
  ASSERT_EQ(wrong.status, 422);
  std::set<std::string> pointers;
  for (const auto& e : wrong.obj().at("errors").as_array()) pointers.insert(std::string(e.at("pointer").as_string()));
  EXPECT_EQ(pointers, (std::set<std::string>{"/plan_type", "/title", "/agency", "/fiscal_year", "/extra"}));
  auto other_agency = officer.post(
      "/api/v1/plans",
      {{"plan_type", k_type}, {"title", "t"}, {"province", "TH-96"}, {"agency", agency_c}, {"fiscal_year", 2567}});
  EXPECT_EQ(other_agency.status, 422);
  EXPECT_EQ(officer.get("/api/v1/plans").obj().at("items").as_array().size(), 0u);
  EXPECT_EQ(officer.get("/api/v1/plans/987654").status, 404);
  EXPECT_EQ(officer.get("/api/v1/plans/abc").status, 404);
  EXPECT_EQ(officer.get("/api/v1/plans?limit=1000").status, 400);
  EXPECT_EQ(officer.send("POST", "/api/v1/plans", "{}", {{"Content-Type", "text/plain"}}).status, 415);
}

TEST_P(api_test, a_resource_answers_at_its_one_canonical_path_only) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  const auto digits = std::to_string(id);
  std::string encoded;
  for (char c : digits) encoded += "%3" + std::string(1, c);
  EXPECT_EQ(officer.get("/api/v1/plans").status, 200);
  EXPECT_EQ(officer.get(plan_url(id)).status, 200);
  for (const auto& target : {std::string("//api//v1//plans"), std::string("/api/v1/plans/"),
                             std::string("/api//v1/plans"), "/api/v1/plans/" + encoded, plan_url(id, "/"),
                             "/api/v1/plans/" + digits + "%2Fhistory", std::string("/api/v1/%70lans")}) {
    auto r = officer.get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << target;
    EXPECT_EQ(r.problem(), "not-found") << target;
  }
  EXPECT_EQ(officer.post("/api/v1/plans/", boost::json::object{}).status, 404);  // no write sneaks in either
}

TEST_P(api_test, plan_lists_filter_and_page_with_cursors) {
  auto officer = as("officer_a");
  for (int i = 0; i < 5; ++i) create_plan(officer);
  auto page1 = officer.get("/api/v1/plans?limit=2");
  ASSERT_EQ(page1.obj().at("items").as_array().size(), 2u);
  auto cursor = page1.obj().at("next_cursor").as_int64();
  auto page2 = officer.get("/api/v1/plans?limit=2&cursor=" + std::to_string(cursor));
  EXPECT_LT(page2.obj().at("items").as_array()[0].at("id").as_int64(), cursor);
  auto page3 = officer.get("/api/v1/plans?limit=2&cursor=" + std::to_string(page2.obj().at("next_cursor").as_int64()));
  EXPECT_EQ(page3.obj().at("items").as_array().size(), 1u);
  EXPECT_TRUE(page3.obj().at("next_cursor").is_null());
  EXPECT_EQ(officer.get("/api/v1/plans?stage=agency_review").obj().at("items").as_array().size(), 0u);
  EXPECT_EQ(officer.get("/api/v1/plans?q=%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%97").obj().at("items").as_array().size(),
            5u);
  EXPECT_EQ(officer.get("/api/v1/plans?q=nothing").obj().at("items").as_array().size(), 0u);
  EXPECT_EQ(officer.get("/api/v1/plans?fiscal_year=2566").obj().at("items").as_array().size(), 0u);
}

TEST_P(api_test, administrators_publish_workflows_and_new_plans_follow_them) {
  auto officer = as("officer_a");
  auto old_plan = create_plan(officer).obj().at("id").as_int64();
  auto current = admin.get("/api/v1/workflows/simple_workflow/versions/1");
  ASSERT_EQ(current.status, 200);
  auto def = current.obj().at("definition");
  // Version 2: the head's endorsement goes straight to approval of a single member.
  for (auto& t : def.as_object()["transitions"].as_array()) {
    for (auto& g : t.as_object()["guards"].as_array()) {
      if (g.at("type") == "quorum") g.as_object()["k"] = 1;
    }
  }
  EXPECT_EQ(officer.post("/api/v1/workflows", def).status, 403);
  auto broken = def;
  broken.as_object()["initial_stage"] = "nowhere";
  auto refused = admin.post("/api/v1/workflows", broken);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.obj().at("errors").as_array()[0].at("pointer"), "/initial_stage");
  auto published = admin.post("/api/v1/workflows", def);
  ASSERT_EQ(published.status, 201) << boost::json::serialize(published.body);
  EXPECT_EQ(published.obj().at("version"), 2);
  auto versions = admin.get("/api/v1/workflows/simple_workflow/versions").obj().at("items").as_array();
  EXPECT_EQ(versions.size(), 2u);
  auto graph = admin.get("/api/v1/workflows/simple_workflow/versions/2/graph?format=mermaid");
  EXPECT_EQ(graph.status, 200);
  EXPECT_NE(std::string(graph.body.as_string()).find("flowchart"), std::string::npos);
  EXPECT_EQ(admin.get("/api/v1/workflows/simple_workflow/versions/2/graph?format=svg").status, 400);

  auto new_plan = create_plan(officer).obj().at("id").as_int64();
  EXPECT_EQ(officer.get(plan_url(new_plan)).obj().at("workflow").at("version"), 2);
  EXPECT_EQ(officer.get(plan_url(old_plan)).obj().at("workflow").at("version"), 1);
  for (auto id : {old_plan, new_plan}) {
    act(officer, id, "submit");
    act(as("head_a"), id, "endorse");
  }
  auto m1 = as("member1");
  EXPECT_TRUE(act(m1, new_plan, "approve").obj().at("moved").as_bool());   // one signature is a quorum in v2
  EXPECT_FALSE(act(m1, old_plan, "approve").obj().at("moved").as_bool());  // the old plan still needs two
  EXPECT_TRUE(act(as("member2"), old_plan, "approve").obj().at("moved").as_bool());
}

// An administrator pins the version new plans get (0: the latest again) and
// moves a running plan to a newer version, naming where each stage goes.
TEST_P(api_test, administrators_pin_the_default_version_and_migrate_a_running_plan) {
  auto officer = as("officer_a");
  auto running = create_plan(officer).obj().at("id").as_int64();
  auto def = admin.get("/api/v1/workflows/simple_workflow/versions/1").obj().at("definition");
  for (auto& t : def.as_object()["transitions"].as_array()) {
    for (auto& g : t.as_object()["guards"].as_array()) {
      if (g.at("type") == "quorum") g.as_object()["k"] = 1;
    }
  }
  ASSERT_EQ(admin.post("/api/v1/workflows", def).status, 201);

  const std::string pin = "/api/v1/workflows/simple_workflow/default-version";
  EXPECT_EQ(officer.put(pin, {{"version", 1}}).problem(), "forbidden");
  auto beyond = admin.put(pin, {{"version", 3}});
  EXPECT_EQ(beyond.status, 422);
  EXPECT_EQ(beyond.obj().at("errors").as_array()[0].at("pointer"), "/version");
  EXPECT_EQ(admin.put("/api/v1/workflows/no_such_flow/default-version", {{"version", 1}}).status, 404);
  auto pinned = admin.put(pin, {{"version", 1}});
  ASSERT_EQ(pinned.status, 200) << boost::json::serialize(pinned.body);
  EXPECT_EQ(pinned.obj().at("default_version"), 1);
  auto on_v1 = create_plan(officer).obj().at("id").as_int64();
  EXPECT_EQ(officer.get(plan_url(on_v1)).obj().at("workflow").at("version"), 1);
  ASSERT_EQ(admin.put(pin, {{"version", 0}}).status, 200);
  auto on_latest = create_plan(officer).obj().at("id").as_int64();
  EXPECT_EQ(officer.get(plan_url(on_latest)).obj().at("workflow").at("version"), 2);

  const std::string migrate = plan_url(running, "/workflow-migration");
  EXPECT_EQ(officer.post(migrate, {{"version", 2}, {"stage_mapping", {{"draft", "draft"}}}}).problem(), "forbidden");
  auto unmapped = admin.post(migrate, {{"version", 2}, {"stage_mapping", boost::json::object{}}});
  EXPECT_EQ(unmapped.status, 422);
  EXPECT_EQ(unmapped.obj().at("errors").as_array()[0].at("pointer"), "/stage_mapping");
  auto not_newer = admin.post(migrate, {{"version", 1}, {"stage_mapping", {{"draft", "draft"}}}});
  EXPECT_EQ(not_newer.obj().at("errors").as_array()[0].at("pointer"), "/version");
  auto nowhere = admin.post(migrate, {{"version", 2}, {"stage_mapping", {{"draft", "limbo"}}}});
  EXPECT_EQ(nowhere.obj().at("errors").as_array()[0].at("pointer"), "/stage_mapping/draft");
  EXPECT_EQ(officer.get(plan_url(running)).obj().at("workflow").at("version"), 1);  // refusals changed nothing

  auto moved = admin.post(migrate, {{"version", 2}, {"stage_mapping", {{"draft", "draft"}}}});
  ASSERT_EQ(moved.status, 200) << boost::json::serialize(moved.body);
  EXPECT_EQ(moved.obj().at("workflow").at("version"), 2);
  EXPECT_EQ(moved.obj().at("stage"), "draft");
  // Now on version 2: one member's approval is a quorum.
  act(officer, running, "submit");
  act(as("head_a"), running, "endorse");
  EXPECT_TRUE(act(as("member1"), running, "approve").obj().at("moved").as_bool());
}

// Every problem of a definition in one answer, each in `errors` with its
// code and params (and no second copy of the list), and nothing stored.
TEST_P(api_test, an_invalid_workflow_is_refused_with_every_problem_listed_once) {
  auto def = admin.get("/api/v1/workflows/simple_workflow/versions/1").obj().at("definition");
  auto& doc = def.as_object();
  auto& stages = doc["stages"].as_array();
  auto& transitions = doc["transitions"].as_array();
  const auto stage_count = stages.size();
  const auto transition_count = transitions.size();
  auto title = boost::json::object{{"th", "เพิ่ม"}, {"en", "Extra"}};
  // An edge to a stage that does not exist...
  auto archive = transitions[0].as_object();
  archive["action"] = "archive";
  archive["to"] = "archive";
  transitions.push_back(archive);
  // ...and, independently, a stage nobody can reach or leave, a second
  // "draft", and a guard the engine does not know.
  stages.push_back(boost::json::object{{"id", "limbo"}, {"title", title}, {"kind", "review"}});
  stages.push_back(boost::json::object{{"id", "draft"}, {"title", title}, {"kind", "editing"}});
  transitions[0].as_object()["guards"] = boost::json::array{boost::json::object{{"type", "weather"}}};

  auto refused = admin.post("/api/v1/workflows", def);
  ASSERT_EQ(refused.status, 422) << boost::json::serialize(refused.body);
  EXPECT_EQ(refused.problem(), "invalid-workflow");
  EXPECT_FALSE(refused.obj().contains("problems")) << boost::json::serialize(refused.body);
  std::map<std::pair<std::string, std::string>, boost::json::object> listed;
  for (const auto& e : refused.obj().at("errors").as_array()) {
    EXPECT_FALSE(e.at("detail").as_string().empty());
    listed[{std::string(e.at("code").as_string()), std::string(e.at("pointer").as_string())}] =
        e.at("params").as_object();
  }
  const std::string limbo = "/stages/" + std::to_string(stage_count);
  const std::string from = std::string(transitions[0].at("from").as_string());
  const std::string action = std::string(transitions[0].at("action").as_string());
  using key = std::pair<std::string, std::string>;
  EXPECT_EQ(listed[key("unknown_stage", "/transitions/" + std::to_string(transition_count) + "/to")],
            (boost::json::object{{"stage", "archive"}, {"end", "to"}, {"transition", "archive"}, {"from", from}}));
  EXPECT_EQ(listed[key("unreachable_stage", limbo)], (boost::json::object{{"stage", "limbo"},
                                                                          {"initial_stage", doc.at("initial_stage")},
                                                                          {"also_unreachable", boost::json::array{}}}));
  EXPECT_EQ(listed[key("dead_end", limbo)], (boost::json::object{{"stage", "limbo"}}));
  EXPECT_EQ(listed[key("duplicate_stage", "/stages/" + std::to_string(stage_count + 1) + "/id")],
            (boost::json::object{{"stage", "draft"}}));
  EXPECT_EQ(listed[key("unknown_guard", "/transitions/0/guards/0/type")],
            (boost::json::object{{"guard", "weather"}, {"transition", action}, {"from", from}}));
  EXPECT_EQ(listed.size(), 5u) << boost::json::serialize(refused.body);
  EXPECT_EQ(refused.obj().at("detail"), "5 problem(s); see `errors`.");
  // The second draft may be edited by nobody: a warning, in the same shape.
  bool warned = false;
  for (const auto& w : refused.obj().at("warnings").as_array()) {
    if (w.at("code") == "nobody_edits") warned = w.at("params") == boost::json::object{{"stage", "draft"}};
  }
  EXPECT_TRUE(warned) << boost::json::serialize(refused.obj().at("warnings"));
  EXPECT_EQ(admin.get("/api/v1/workflows/simple_workflow/versions").obj().at("items").as_array().size(), 1u);
}

TEST_P(api_test, every_change_is_in_the_audit_chain) {
  auto id = plan_in_committee();
  act(as("member1"), id, "approve");
  auto verify = admin.get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200);
  EXPECT_TRUE(verify.obj().at("intact").as_bool());
  EXPECT_GT(verify.obj().at("entries").as_int64(), 15);  // directory set-up and the plan's events
  EXPECT_EQ(as("officer_a").get("/api/v1/audit/verify").status, 403);
}

TEST_P(api_test, plan_types_are_listed_with_templates) {
  auto officer = as("officer_a");
  auto types = officer.get("/api/v1/plan-types");
  ASSERT_EQ(types.status, 200);
  std::set<std::string> loaded;
  for (const auto& t : types.obj().at("items").as_array()) loaded.insert(std::string(t.at("id").as_string()));
  EXPECT_TRUE(loaded.contains(k_type));
  auto tpl = officer.get("/api/v1/plan-types/simple_plan/template?province=TH-96&fiscal_year=2567");
  EXPECT_EQ(tpl.status, 200);
  EXPECT_TRUE(tpl.obj().at("items").as_array().empty());
  auto check = officer.post("/api/v1/plan-types/simple_plan/validate", valid_content());
  EXPECT_TRUE(check.obj().at("findings").as_array().empty());
  EXPECT_EQ(officer.get("/api/v1/plan-types/unknown").status, 404);
}

// "You may not" is 403 whatever the stage; 409 is kept for "not now".
TEST_P(api_test, an_observer_may_never_approve_whatever_the_stage) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  auto observer = as("observer");
  auto in_draft = act(observer, id, "approve");
  EXPECT_EQ(in_draft.status, 403);
  EXPECT_EQ(in_draft.problem(), "forbidden");
  EXPECT_EQ(in_draft.header("content-type"), "application/problem+json");
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  ASSERT_EQ(act(as("head_a"), id, "endorse").status, 200);
  EXPECT_EQ(act(observer, id, "approve").problem(), "forbidden");
  auto again = act(as("head_a"), id, "endorse");  // the head may endorse, just not now
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.problem(), "action-not-available");
}

TEST_P(api_test, a_submitter_acting_for_a_member_may_never_approve_their_own_plan) {
  auto officer = as("officer_a");
  auto id = create_plan(officer).obj().at("id").as_int64();
  ASSERT_EQ(act(officer, id, "submit").status, 200);
  auto d = as("member1").post(
      "/api/v1/delegations", {{"to_user", ids["officer_a"]}, {"role", "committee_member"}, {"valid_to", "2099-12-31"}});
  ASSERT_EQ(d.status, 201) << boost::json::serialize(d.body);
  auto before = act(officer, id, "approve");  // still at the agency head
  EXPECT_EQ(before.status, 403);
  EXPECT_EQ(before.problem(), "self-approval");
  EXPECT_EQ(before.header("content-type"), "application/problem+json");
  ASSERT_EQ(act(as("head_a"), id, "endorse").status, 200);
  auto during = act(officer, id, "approve");
  EXPECT_EQ(during.status, 403);
  EXPECT_EQ(during.problem(), "self-approval");
  EXPECT_TRUE(as("member1").get(plan_url(id)).obj().at("signatures").as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(backends, api_test, testing::ValuesIn(available_backends()), backend_name{});

}  // namespace
}  // namespace planflow::test
