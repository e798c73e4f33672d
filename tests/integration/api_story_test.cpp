// The whole story of issue 5 over HTTP, on each database, with the real
// anti-corruption plugin and seed document: set-up by an administrator,
// import as a draft, fixing what the checks flag, return and endorsement,
// quorum approval with a delegated signature, every forbidden attempt
// refused, and the history and audit chain verified.
#include "../support/app_server.hpp"
#include "../support/databases.hpp"
#include "../support/encodings.hpp"
#include "../support/files.hpp"
#include "../support/server_process.hpp"

#include <planflow/storage/row.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace planflow::test {
namespace {

const std::string k_password = "correct horse battery";
const std::string k_type = "anti_corruption_action_plan";

std::vector<std::string> error_codes(const boost::json::value& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings.as_array()) {
    if (f.at("severity") == "error") out.emplace_back(f.at("code").as_string());
  }
  return out;
}

class story_test : public testing::TestWithParam<std::string> {
 protected:
  api_client as(const std::string& name) {
    api_client c(server.port());
    EXPECT_EQ(c.login(name, k_password).status, 200) << name;
    return c;
  }
  std::int64_t user(const std::string& name, boost::json::array roles, std::optional<std::int64_t> agency = {}) {
    boost::json::object body{
        {"username", name}, {"display_name", "คุณ " + name}, {"password", k_password}, {"roles", std::move(roles)}};
    if (agency) body["agency"] = *agency;
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 201) << boost::json::serialize(r.body);
    return r.obj().at("id").as_int64();
  }

  scratch_database db{GetParam()};
  app_server server{db.url()};
  api_client admin{server.port()};
};

TEST_P(story_test, import_fix_submit_return_endorse_and_approve_with_a_delegate) {
  // The administrator sets up the province's agencies and people.
  server.add_user("admin", k_password, {{"admin", "", ""}});
  ASSERT_EQ(admin.login("admin", k_password).status, 200);
  // Provinces are seeded; the administrator can add and remove one all the same.
  auto added = admin.post("/api/v1/provinces",
                          {{"code", "TH-9Z"}, {"name_th", "จังหวัดทดสอบ"}, {"name_en", "Test"}, {"region", "south"}});
  ASSERT_EQ(added.status, 201);
  EXPECT_EQ(
      admin.post("/api/v1/provinces", {{"code", "TH-9Z"}, {"name_th", "x"}, {"name_en", "x"}, {"region", "x"}}).status,
      409);
  EXPECT_EQ(admin.del("/api/v1/provinces/TH-9Z").status, 204);
  EXPECT_EQ(admin.del("/api/v1/provinces/TH-9Z").status, 404);
  auto province = admin.get("/api/v1/provinces/TH-96");
  ASSERT_EQ(province.status, 200);
  EXPECT_EQ(province.obj().at("name_th"), "นราธิวาส");
  auto renamed =
      admin.put("/api/v1/provinces/TH-96", {{"name_th", "นราธิวาส"}, {"name_en", "Narathiwat"}, {"region", "south"}});
  EXPECT_EQ(renamed.status, 200);
  auto office = admin.post(
      "/api/v1/agencies",
      {{"province", "TH-96"}, {"name_th", "สำนักงานจังหวัดนราธิวาส"}, {"name_en", "Narathiwat Provincial Office"}});
  auto nacc = admin.post(
      "/api/v1/agencies",
      {{"province", "TH-96"}, {"name_th", "สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"}, {"name_en", "NACC Narathiwat"}});
  ASSERT_EQ(office.status, 201);
  ASSERT_EQ(nacc.status, 201);
  const auto office_id = office.obj().at("id").as_int64(), nacc_id = nacc.obj().at("id").as_int64();
  user("officer", {{{"role", "agency_officer"}}}, office_id);
  user("head", {{{"role", "agency_head"}}}, office_id);
  user("nacc_officer", {{{"role", "agency_officer"}}}, nacc_id);
  user("nacc_head", {{{"role", "agency_head"}}}, nacc_id);
  for (auto name : {"member1", "member2", "member3"}) {
    user(name, {{{"role", "committee_member"}, {"province", "TH-96"}, {"plan_type", k_type}}});
  }
  EXPECT_EQ(admin.del("/api/v1/provinces/TH-96").status, 409);  // agencies refer to it now
  auto committee = admin.get("/api/v1/committees?province=TH-96&plan_type=" + k_type);
  EXPECT_EQ(committee.obj().at("members").as_array().size(), 3u);

  // The officer imports the seed document as a draft.
  auto officer = as("officer");
  auto imported = officer.send("POST", "/api/v1/imports?create_draft=true", seed_document("000_f86febe8b6e44396.txt"),
                               {{"Content-Type", "text/plain; charset=utf-8"}});
  ASSERT_EQ(imported.status, 201) << boost::json::serialize(imported.body);
  EXPECT_EQ(imported.obj().at("plan_type").as_string(), k_type);
  EXPECT_EQ(imported.obj().at("totals").at("overall").at("budget_baht").to_number<double>(), 1145840.0);
  const auto plan = imported.obj().at("plan_id").as_int64();
  const std::string url = "/api/v1/plans/" + std::to_string(plan);
  auto draft = officer.get(url);
  ASSERT_EQ(draft.status, 200);
  EXPECT_EQ(draft.obj().at("stage"), "draft");
  EXPECT_EQ(draft.obj().at("fiscal_year"), 2566);
  // The content's own errors: two agencies of another province (lines 223–224).
  EXPECT_EQ(error_codes(draft.obj().at("findings")), (std::vector<std::string>{"other_province", "other_province"}));

  // Forbidden along the way: another agency, the committee before review,
  // the head editing, submitting with errors.
  auto nacc_officer = as("nacc_officer");
  EXPECT_EQ(nacc_officer.get(url).status, 404);
  EXPECT_EQ(as("member1").get(url).status, 404);
  EXPECT_EQ(as("head").put(url + "/content", draft.obj().at("content"), {{"If-Match", "\"1\""}}).status, 403);
  auto too_soon = officer.post(url + "/actions/submit", boost::json::object{});
  EXPECT_EQ(too_soon.status, 409);
  EXPECT_EQ(too_soon.problem(), "guards-unmet");

  // The officer fixes the agencies and saves revision 2.
  auto content = draft.obj().at("content");
  replace_in_strings(content, "นครราชสีมา", "นราธิวาส");
  auto fixed = officer.put(url + "/content", content, {{"If-Match", "\"1\""}});
  ASSERT_EQ(fixed.status, 200) << boost::json::serialize(fixed.body);
  EXPECT_TRUE(error_codes(fixed.obj().at("findings")).empty());
  EXPECT_EQ(fixed.obj().at("revision"), 2);
  ASSERT_EQ(officer.post(url + "/actions/submit", boost::json::object{}).status, 200);

  // The head returns it once with a comment, then endorses it.
  auto head = as("head");
  ASSERT_EQ(head.get("/api/v1/plans?awaiting=me").obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(head.post(url + "/actions/return", boost::json::object{}).status, 422);
  ASSERT_EQ(head.post(url + "/actions/return", {{"comment", "ตรวจสอบหน่วยงานรับผิดชอบอีกครั้ง"}}).status, 200);
  EXPECT_EQ(as("nacc_head").post(url + "/actions/endorse", boost::json::object{}).status, 404);
  ASSERT_EQ(officer.post(url + "/actions/submit", boost::json::object{}).status, 200);
  EXPECT_EQ(officer.post(url + "/actions/endorse", boost::json::object{}).status, 403);
  ASSERT_EQ(head.post(url + "/actions/endorse", boost::json::object{}).obj().at("to"), "committee_approval");

  // Two of three committee members approve; member2 is away and the NACC
  // head signs for them under a delegation.
  EXPECT_EQ(admin.post(url + "/actions/approve", boost::json::object{}).status, 403);
  EXPECT_EQ(head.post(url + "/actions/approve", boost::json::object{}).status, 403);
  auto m1 = as("member1");
  auto inbox_ids = [](api_client& c) {
    std::vector<std::int64_t> ids;
    auto inbox = c.get("/api/v1/plans?awaiting=me");  // kept alive: the loop reads into it
    for (const auto& p : inbox.obj().at("items").as_array()) ids.push_back(p.at("id").as_int64());
    return ids;
  };
  EXPECT_EQ(inbox_ids(m1), std::vector<std::int64_t>{plan});
  EXPECT_TRUE(inbox_ids(head).empty());  // endorsed: nothing left for the head
  EXPECT_EQ(m1.get("/api/v1/plans?awaiting=you").problem(), "invalid-parameter");
  auto first = m1.post(url + "/actions/approve", {{"comment", "เห็นชอบ"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(inbox_ids(m1).empty());  // signed: the plan leaves member1's inbox
  EXPECT_FALSE(first.obj().at("moved").as_bool());
  EXPECT_EQ(m1.post(url + "/actions/approve", boost::json::object{}).problem(), "already-signed");
  auto m2 = as("member2");
  ASSERT_EQ(m2.post("/api/v1/delegations", {{"to_user", nacc_officer.get("/api/v1/me").obj().at("id")},
                                            {"role", "committee_member"},
                                            {"valid_to", "2099-01-01"}})
                .status,
            201);
  auto delegate = as("nacc_officer");
  auto second = delegate.post(url + "/actions/approve", {{"comment", "ลงนามแทน"}});
  ASSERT_EQ(second.status, 200) << boost::json::serialize(second.body);
  EXPECT_TRUE(second.obj().at("moved").as_bool());
  auto approved = m1.get(url);
  EXPECT_EQ(approved.obj().at("stage"), "approved");
  const auto& sigs = approved.obj().at("signatures").as_array();
  ASSERT_EQ(sigs.size(), 2u);
  EXPECT_EQ(sigs[1].at("user"), "คุณ nacc_officer");
  EXPECT_EQ(sigs[1].at("on_behalf_of_name"), "คุณ member2");
  EXPECT_EQ(sigs[0].at("content_sha256"), approved.obj().at("content_sha256"));

  // The history names everyone, and the audit chain holds.
  auto history = m1.get(url + "/history").obj().at("items").as_array();
  std::vector<std::string> actions;
  for (const auto& e : history) {
    if (e.at("kind") == "transition") actions.emplace_back(e.at("action").as_string());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"submit", "return", "submit", "endorse", "approve"}));
  EXPECT_EQ(history.back().at("on_behalf_of_name"), "คุณ member2");
  EXPECT_TRUE(admin.get("/api/v1/audit/verify").obj().at("intact").as_bool());
  // With a checkpoint, as the server's background pass takes them.
  server.app().run_background_pass();
  auto cli = run_planflow({"audit", "verify", "--db", db.url(), "--audit-key-file", server.app_key_file()});
  EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;
  EXPECT_NE(cli.out.find("1 checkpoints; latest checkpoint"), std::string::npos) << cli.out;
  EXPECT_NE(cli.out.find("audit log intact"), std::string::npos);
}

TEST_P(story_test, the_audit_chain_names_the_first_tampered_entry) {
  server.add_user("admin", k_password, {{"admin", "", ""}});
  admin.login("admin", k_password);
  for (int i = 0; i < 3; ++i) {
    admin.post("/api/v1/agencies", {{"province", "TH-96"}, {"name_th", "หน่วยงาน " + std::to_string(i)}});
  }
  // The second agency's creation: the first entry of that agency's chain.
  long long forged = 0;
  std::string agency;
  {
    storage::lease session(server.app().db());
    soci::rowset<soci::row> rows =
        (session->prepare << "SELECT id, entity_id FROM audit_entries WHERE entity = 'agency' ORDER BY id");
    auto it = rows.begin();
    ASSERT_NE(++it, rows.end());
    forged = storage::column_int(*it, 0);
    agency = storage::column_text(*it, 1);
    *session << "UPDATE audit_entries SET details = '{\"name_th\":\"forged\"}' WHERE id = " + std::to_string(forged);
  }
  auto cli = run_planflow({"audit", "verify", "--db", db.url(), "--audit-key-file", server.app_key_file()});
  EXPECT_EQ(cli.exit_code, 1);
  EXPECT_NE(cli.out.find("BROKEN at entry " + std::to_string(forged) + " (agency " + agency + " #1)"),
            std::string::npos)
      << cli.out;
  auto api = admin.get("/api/v1/audit/verify");
  EXPECT_FALSE(api.obj().at("intact").as_bool());
  EXPECT_EQ(api.obj().at("first_broken"), forged);
  const auto& broken = api.obj().at("broken").as_object();
  EXPECT_EQ(broken.at("entity"), "agency");
  EXPECT_EQ(broken.at("entity_id").as_string(), agency);
  EXPECT_EQ(broken.at("chain_seq"), 1);
  EXPECT_NE(api.obj().at("reason").as_string().find("does not match its hash"), std::string::npos);
}

// A plan saved before the anti-corruption model put projects under the
// indicator (issue 14) is served in today's shape, and its officer saves it
// back as it is: no unknown members, no lost activity, the same totals.
TEST_P(story_test, a_plan_stored_in_an_earlier_shape_opens_and_saves_in_todays) {
  server.add_user("admin", k_password, {{"admin", "", ""}});
  ASSERT_EQ(admin.login("admin", k_password).status, 200);
  auto office = admin.post("/api/v1/agencies", {{"province", "TH-96"}, {"name_th", "สำนักงานจังหวัดนราธิวาส"}});
  user("officer", {{{"role", "agency_officer"}}}, office.obj().at("id").as_int64());
  auto officer = as("officer");
  auto imported = officer.send("POST", "/api/v1/imports?create_draft=true", seed_document("000_f86febe8b6e44396.txt"),
                               {{"Content-Type", "text/plain; charset=utf-8"}});
  ASSERT_EQ(imported.status, 201) << boost::json::serialize(imported.body);
  const auto plan_id = imported.obj().at("plan_id").as_int64();
  const std::string url = "/api/v1/plans/" + std::to_string(plan_id);
  const auto totals_before = officer.get(url).obj().at("totals");
  // The stored revision as an earlier version wrote it (the plugin's golden
  // file of that shape is the same seed).
  const auto old_text =
      read_file(std::string(PLANFLOW_SOURCE_DIR) +
                "/plugins/anti_corruption_action_plan/test/golden/000_f86febe8b6e44396.old_shape.json");
  ASSERT_FALSE(old_text.empty());
  {
    storage::lease session(server.app().db());
    long long id = plan_id;
    *session << "UPDATE plan_revisions SET content = :c WHERE plan_id = :p AND revision = 1", soci::use(old_text),
        soci::use(id);
  }
  auto served = officer.get(url);
  ASSERT_EQ(served.status, 200);
  const auto& indicator = served.obj().at("content").at("goals").as_array()[0].at("indicators").as_array()[1];
  EXPECT_FALSE(indicator.at("projects").as_array().empty());
  for (const auto& item : indicator.at("key_work_items").as_array())
    EXPECT_FALSE(item.as_object().contains("projects"));
  auto content = served.obj().at("content");
  content.as_object()["title"] = "แผนปฏิบัติการ (แก้ไข)";
  auto saved = officer.put(url + "/content", content, {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << boost::json::serialize(saved.body);
  EXPECT_EQ(officer.get(url).obj().at("totals"), totals_before);
}

// Regression: creating a plan and editing its content recorded no client
// address in the history or the audit log (the address was dropped on the
// way to the engine), while every action did.
TEST_P(story_test, every_audited_plan_write_records_the_clients_address) {
  server.add_user("admin", k_password, {{"admin", "", ""}});
  ASSERT_EQ(admin.login("admin", k_password).status, 200);
  auto office = admin.post("/api/v1/agencies", {{"province", "TH-96"}, {"name_th", "สำนักงานจังหวัดนราธิวาส"}});
  const auto agency = office.obj().at("id").as_int64();
  user("officer", {{{"role", "agency_officer"}}}, agency);
  api_client officer(server.port(), "127.0.0.7");
  ASSERT_EQ(officer.login("officer", k_password).status, 200);
  auto imported = officer.send("POST", "/api/v1/imports?create_draft=true", seed_document("000_f86febe8b6e44396.txt"),
                               {{"Content-Type", "text/plain; charset=utf-8"}});
  ASSERT_EQ(imported.status, 201) << boost::json::serialize(imported.body);
  const std::string url = "/api/v1/plans/" + std::to_string(imported.obj().at("plan_id").as_int64());
  auto content = officer.get(url).obj().at("content");
  content.as_object()["title"] = "แผนปฏิบัติการ (แก้ไข)";  // a real change: an unchanged save records nothing
  auto saved = officer.put(url + "/content", content, {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << boost::json::serialize(saved.body);
  ASSERT_EQ(saved.obj().at("revision"), 2);
  ASSERT_EQ(officer.post(url + "/comments", {{"body", "ตรวจแล้ว"}}).status, 201);

  storage::lease session(server.app().db());
  for (const auto* table : {"audit_entries", "workflow_events"}) {
    soci::rowset<soci::row> rows = (session->prepare << std::string("SELECT remote_address FROM ") + table);
    int entries = 0;
    for (const auto& row : rows) {
      ++entries;
      if (std::string(table) == "workflow_events" || entries > 2) {  // after the admin's agency and user
        EXPECT_EQ(storage::column_text(row, 0), "127.0.0.7") << table << " row " << entries;
      }
    }
    EXPECT_EQ(entries, std::string(table) == "audit_entries" ? 4 : 2) << table;  // + created, revision
  }
}

TEST_P(story_test, both_seeds_import_over_http_and_the_cli) {
  server.add_user("admin", k_password, {{"admin", "", ""}});
  admin.login("admin", k_password);
  auto ethics = admin.send("POST", "/api/v1/imports", seed_document("002_11b89dd9d74e0ac8.txt"),
                           {{"Content-Type", "text/plain"}});
  ASSERT_EQ(ethics.status, 200);
  EXPECT_EQ(ethics.obj().at("plan_type"), "ethics_promotion_plan");
  auto anti = admin.send("POST", "/api/v1/imports?plan_type=anti_corruption_action_plan",
                         seed_document("000_f86febe8b6e44396.txt"), {{"Content-Type", "text/plain"}});
  ASSERT_EQ(anti.status, 200);
  const auto& goals = anti.obj().at("totals").at("goals").as_array();
  EXPECT_EQ(goals[0].at("budget_baht").to_number<double>(), 1025440.0);
  EXPECT_EQ(goals[1].at("budget_baht").to_number<double>(), 120400.0);
  // The editor checks content as people type: totals come back even while
  // errors remain (the seed names two agencies of another province).
  auto check =
      admin.post("/api/v1/plan-types/anti_corruption_action_plan/validate?province=TH-96", anti.obj().at("plan"));
  ASSERT_EQ(check.status, 200);
  EXPECT_FALSE(error_codes(check.obj().at("findings")).empty());
  EXPECT_EQ(check.obj().at("totals").at("overall").at("budget_baht").to_number<double>(), 1145840.0);
  EXPECT_EQ(admin.send("POST", "/api/v1/imports", "ไม่ใช่แผน", {{"Content-Type", "text/plain"}}).status, 422);
  EXPECT_EQ(admin.send("POST", "/api/v1/imports", "x", {{"Content-Type", "application/json"}}).status, 415);

  const std::string file = std::string(PLANFLOW_SEEDS_DIR) + "/000_f86febe8b6e44396.txt";
  auto cli = run_planflow({"import", file, "--db", db.url(), "--plugins", PLANFLOW_PLUGIN_DIR});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  auto json = boost::json::parse(cli.out);
  EXPECT_EQ(json.at("plan_type").as_string(), k_type);
  EXPECT_EQ(json.at("totals").at("overall").at("budget_baht").to_number<double>(), 1145840.0);
  std::size_t other_province = 0;
  for (const auto& f : json.at("findings").as_array()) other_province += f.at("code") == "other_province";
  EXPECT_EQ(other_province, 4u);  // two page headers naming Nakhon Ratchasima, two agencies
}

// A seed saved as "Unicode" in Notepad (UTF-16 with a mark) or in the Thai
// code page imports exactly as the UTF-8 file does, over HTTP (detected, or
// named by the charset) and on the command line; bytes in no encoding read
// here are 422 naming the body, a charset not read 415.
TEST_P(story_test, seeds_saved_as_utf16_or_tis620_import_identically) {
  server.add_user("admin", k_password, {{"admin", "", ""}});
  admin.login("admin", k_password);
  scratch_dir dir;
  for (const std::string name : {"000_f86febe8b6e44396.txt", "002_11b89dd9d74e0ac8.txt"}) {
    const auto original = seed_document(name);
    auto as_utf8 = admin.send("POST", "/api/v1/imports", original, {{"Content-Type", "text/plain"}});
    ASSERT_EQ(as_utf8.status, 200) << name;
    EXPECT_EQ(as_utf8.obj().at("detected").at("encoding"), "UTF-8");
    const struct {
      std::string bytes, content_type, encoding;
    } copies[] = {
        {to_utf16(original, true), "text/plain", "UTF-16LE"},
        {to_utf16(original, false), "text/plain", "UTF-16BE"},
        {to_windows874(original), "text/plain", "TIS-620/Windows-874"},
        {to_windows874(original), "text/plain; charset=tis-620", "TIS-620/Windows-874"},
        {"\xEF\xBB\xBF" + original, "text/plain; charset=UTF-8", "UTF-8 (BOM)"},
    };
    for (const auto& copy : copies) {
      auto imported = admin.send("POST", "/api/v1/imports", copy.bytes, {{"Content-Type", copy.content_type}});
      ASSERT_EQ(imported.status, 200) << name << " as " << copy.encoding << ": "
                                      << boost::json::serialize(imported.body);
      EXPECT_EQ(std::string(imported.obj().at("detected").at("encoding").as_string()), copy.encoding);
      for (const char* part : {"plan_type", "plan", "totals", "findings"}) {
        EXPECT_EQ(imported.obj().at(part), as_utf8.obj().at(part)) << name << " as " << copy.encoding << ": " << part;
      }
    }
    // The command line reads a UTF-16 file the same way, and writes nothing
    // where it runs (no ./var/planflow.db).
    const auto file = dir.path() + "/utf16-" + name;
    std::ofstream(file, std::ios::binary) << to_utf16(original, true);
    auto cli = run_command("cd '" + dir.path() + "' && '" + planflow_binary() + "' import '" + file + "' --plugins '" +
                           PLANFLOW_PLUGIN_DIR + "' 2>/dev/null");
    ASSERT_TRUE(cli) << name;
    auto json = boost::json::parse(*cli);
    EXPECT_EQ(json.at("detected").at("encoding"), "UTF-16LE");
    EXPECT_EQ(json.at("plan"), as_utf8.obj().at("plan")) << name;
    // The command line has no province directory to link agencies to, so
    // it cannot say which names the directory lacks; every other finding is
    // the same.
    boost::json::array linkable;
    for (const auto& finding : as_utf8.obj().at("findings").as_array()) {
      if (finding.at("code") != "agency_not_linked") linkable.push_back(finding);
    }
    EXPECT_EQ(json.at("findings"), linkable) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/var")) << "planflow import created a database";

  auto binary =
      admin.send("POST", "/api/v1/imports", std::string("\x89PNG\0\0\0", 7), {{"Content-Type", "text/plain"}});
  EXPECT_EQ(binary.status, 422);
  EXPECT_EQ(binary.obj().at("errors").as_array()[0].at("pointer"), "body");
  EXPECT_EQ(binary.obj().at("errors").as_array()[0].at("code"), "document_encoding_unknown");
  auto mislabelled = admin.send("POST", "/api/v1/imports", to_windows874(seed_document("000_f86febe8b6e44396.txt")),
                                {{"Content-Type", "text/plain; charset=utf-8"}});
  EXPECT_EQ(mislabelled.status, 422);
  EXPECT_EQ(mislabelled.obj().at("errors").as_array()[0].at("code"), "document_not_in_charset");
  auto latin = admin.send("POST", "/api/v1/imports", "plan", {{"Content-Type", "text/plain; charset=iso-8859-1"}});
  EXPECT_EQ(latin.status, 415);
  EXPECT_EQ(latin.obj().at("code"), "charset_not_read");
}

INSTANTIATE_TEST_SUITE_P(backends, story_test, testing::ValuesIn(available_backends()), backend_name{});

}  // namespace
}  // namespace planflow::test
