#include <planflow/workflow/definition.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

namespace planflow::workflow {
namespace {

namespace json = boost::json;

json::value read_json_file(const std::string& relative) {
  std::ifstream in(std::string(PLANFLOW_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << relative;
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// A small definition that is clean on purpose: every test below breaks
// exactly one thing in it.
//   draft --submit--> approval --approve (signed)--> done
//                     approval --request_changes--> draft
const char* const k_base = R"({
  "id": "test_flow",
  "title": {"th": "ทดสอบ", "en": "Test"},
  "plan_types": [],
  "initial_stage": "draft",
  "stages": [
    {"id": "draft", "title": {"th": "ร่าง", "en": "Draft"}, "kind": "editing", "editable_by": ["agency_officer"]},
    {"id": "approval", "title": {"th": "อนุมัติ", "en": "Approval"}, "kind": "approval",
     "deadline": {"days": 30, "escalation": {"action": "request_changes"}}},
    {"id": "done", "title": {"th": "เสร็จ", "en": "Done"}, "kind": "terminal"}
  ],
  "transitions": [
    {"action": "submit", "title": {"th": "ส่ง", "en": "Submit"}, "from": "draft", "to": "approval",
     "roles": ["agency_officer"], "guards": [{"type": "valid_content"}]},
    {"action": "approve", "title": {"th": "อนุมัติ", "en": "Approve"}, "from": "approval", "to": "done",
     "roles": ["committee_member"], "signature": true,
     "guards": [{"type": "quorum", "role": "committee_member", "k": "majority"}]},
    {"action": "request_changes", "title": {"th": "ขอแก้ไข", "en": "Request changes"}, "from": "approval",
     "to": "draft", "roles": ["committee_chair"], "comment_required": true}
  ]
})";

json::object base() { return json::parse(k_base).as_object(); }

json::object& stage_at(json::object& def, std::size_t i) { return def["stages"].as_array()[i].as_object(); }
json::object& transition_at(json::object& def, std::size_t i) { return def["transitions"].as_array()[i].as_object(); }

json::object extra_transition(std::string action, std::string from, std::string to) {
  return json::object{{"action", action},
                      {"title", json::object{{"th", "เพิ่ม"}, {"en", "Extra"}}},
                      {"from", from},
                      {"to", to},
                      {"roles", json::array{"committee_member"}}};
}

json::object extra_stage(std::string id, std::string kind) {
  return json::object{{"id", id}, {"title", json::object{{"th", "เพิ่ม"}, {"en", "Extra"}}}, {"kind", kind}};
}

parse_result parse_modified(const std::function<void(json::object&)>& change) {
  auto def = base();
  change(def);
  return parse_definition(def);
}

std::string describe(const std::vector<finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += "  " + f.code + " at \"" + f.pointer + "\": " + f.message + " " + json::serialize(f.params) + "\n";
  }
  return out.empty() ? "  (none)\n" : out;
}

bool has(const std::vector<finding>& findings, std::string_view code, std::string_view pointer) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const finding& f) { return f.code == code && f.pointer == pointer; });
}

const finding* find(const std::vector<finding>& findings, std::string_view code, std::string_view pointer) {
  auto it = std::find_if(findings.begin(), findings.end(),
                         [&](const finding& f) { return f.code == code && f.pointer == pointer; });
  return it == findings.end() ? nullptr : &*it;
}

// The one error a single mistake must produce: the right code at the right
// place, and no echoes of it elsewhere.
void expect_only_error(const parse_result& r, std::string_view code, std::string_view pointer) {
  ASSERT_EQ(r.report.errors.size(), 1u) << "errors:\n" << describe(r.report.errors);
  EXPECT_EQ(r.report.errors[0].code, code);
  EXPECT_EQ(r.report.errors[0].pointer, pointer);
  EXPECT_FALSE(r.report.errors[0].message.empty());
  EXPECT_FALSE(r.def.has_value());
}

void expect_only_warning(const parse_result& r, std::string_view code, std::string_view pointer) {
  EXPECT_TRUE(r.report.errors.empty()) << "errors:\n" << describe(r.report.errors);
  ASSERT_EQ(r.report.warnings.size(), 1u) << "warnings:\n" << describe(r.report.warnings);
  EXPECT_EQ(r.report.warnings[0].code, code);
  EXPECT_EQ(r.report.warnings[0].pointer, pointer);
  EXPECT_TRUE(r.def.has_value()) << "warnings must not block a definition";
}

TEST(workflow_builtin, provincial_plan_parses_cleanly) {
  auto r = parse_definition(read_json_file("workflows/provincial_plan.json"));
  EXPECT_TRUE(r.report.errors.empty()) << describe(r.report.errors);
  EXPECT_TRUE(r.report.warnings.empty()) << describe(r.report.warnings);
  ASSERT_TRUE(r.def.has_value());
  const auto& def = *r.def;
  EXPECT_EQ(def.id, "provincial_plan");
  EXPECT_EQ(def.initial_stage, "draft");
  EXPECT_EQ(def.max_revision_rounds, 10);
  ASSERT_EQ(def.stages.size(), 5u);
  ASSERT_EQ(def.transitions.size(), 6u);
  EXPECT_EQ(def.find_stage("closed")->kind, stage_kind::terminal);
  EXPECT_EQ(def.find_stage("approved")->title.th, "อนุมัติแล้ว (รายงานผลรายไตรมาส)");
  ASSERT_TRUE(def.find_stage("committee_approval")->deadline.has_value());
  EXPECT_EQ(def.find_stage("committee_approval")->deadline->days, 30);
  EXPECT_EQ(def.find_stage("committee_approval")->deadline->escalate_action, "");

  const auto* approve = def.find_transition("committee_approval", "approve");
  ASSERT_NE(approve, nullptr);
  EXPECT_TRUE(approve->signature);
  EXPECT_EQ(approve->to, "approved");
  ASSERT_EQ(approve->guards.size(), 1u);
  EXPECT_EQ(approve->guards[0].type, "quorum");
  EXPECT_EQ(approve->guards[0].role, "committee_member");
  EXPECT_EQ(approve->guards[0].rule, quorum_rule::majority);
  EXPECT_TRUE(def.find_transition("agency_review", "return")->comment_required);
  EXPECT_EQ(def.find_transition("draft", "approve"), nullptr);
  EXPECT_EQ(def.transitions_from("committee_approval").size(), 2u);
  EXPECT_TRUE(def.transitions_from("closed").empty());
}

TEST(workflow_builtin, file_is_in_canonical_form) {
  // to_json writes every member, so the shipped file must equal its own rewrite.
  auto document = read_json_file("workflows/provincial_plan.json");
  auto r = parse_definition(document);
  ASSERT_TRUE(r.def.has_value());
  EXPECT_EQ(json::value(to_json(*r.def)), document) << json::serialize(to_json(*r.def));
}

TEST(workflow_parse, base_fixture_is_clean) {
  auto r = parse_definition(base());
  EXPECT_TRUE(r.report.errors.empty()) << describe(r.report.errors);
  EXPECT_TRUE(r.report.warnings.empty()) << describe(r.report.warnings);
  ASSERT_TRUE(r.def.has_value());
  EXPECT_EQ(r.def->stages[1].deadline->escalate_action, "request_changes");
  EXPECT_FALSE(r.def->max_revision_rounds.has_value());
}

TEST(workflow_parse, root_must_be_an_object) {
  auto r = parse_definition(json::parse("[1, 2]"));
  expect_only_error(r, "invalid_type", "");
}

TEST(workflow_errors, invalid_id) {
  expect_only_error(parse_modified([](auto& d) { d["id"] = "Provincial-Plan"; }), "invalid_id", "/id");
  expect_only_error(parse_modified([](auto& d) { d.erase("id"); }), "invalid_id", "/id");
  expect_only_error(parse_modified([](auto& d) { d["id"] = "p"; }), "invalid_id", "/id");
  expect_only_error(parse_modified([](auto& d) { d["id"] = std::string(65, 'a'); }), "invalid_id", "/id");
  expect_only_error(parse_modified([](auto& d) {
                      d["plan_types"] = json::array{"ok_type", "Bad type"};
                    }),
                    "invalid_id", "/plan_types/1");
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 0)["action"] = "Submit!"; }), "invalid_id",
                    "/transitions/0/action");
}

TEST(workflow_errors, missing_title) {
  expect_only_error(parse_modified([](auto& d) { d.erase("title"); }), "missing_title", "/title");
  expect_only_error(parse_modified([](auto& d) { d["title"].as_object()["en"] = "  "; }), "missing_title", "/title/en");
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 1)["title"].as_object().erase("th"); }), "missing_title",
                    "/stages/1/title/th");
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 2).erase("title"); }), "missing_title",
                    "/transitions/2/title");
}

TEST(workflow_errors, duplicate_stage) {
  auto r = parse_modified([](auto& d) { d["stages"].as_array().push_back(extra_stage("draft", "editing")); });
  expect_only_error(r, "duplicate_stage", "/stages/3/id");
}

TEST(workflow_errors, unknown_initial_stage) {
  expect_only_error(parse_modified([](auto& d) { d["initial_stage"] = "start"; }), "unknown_initial_stage",
                    "/initial_stage");
  expect_only_error(parse_modified([](auto& d) { d.erase("initial_stage"); }), "unknown_initial_stage",
                    "/initial_stage");
  expect_only_error(parse_modified([](auto& d) { d["initial_stage"] = ""; }), "unknown_initial_stage",
                    "/initial_stage");
}

TEST(workflow_errors, unknown_stage) {
  auto r = parse_modified(
      [](auto& d) { d["transitions"].as_array().push_back(extra_transition("skip", "approval", "archive")); });
  expect_only_error(r, "unknown_stage", "/transitions/3/to");
  r = parse_modified([](auto& d) { d["transitions"].as_array().push_back(extra_transition("skip", "limbo", "done")); });
  expect_only_error(r, "unknown_stage", "/transitions/3/from");
  r = parse_modified([](auto& d) { d["transitions"].as_array().push_back(extra_transition("skip", "", "done")); });
  expect_only_error(r, "unknown_stage", "/transitions/3/from");
}

TEST(workflow_errors, the_graph_is_judged_over_the_valid_edges_of_a_broken_definition) {
  // submit's target is a typo: approval is unreachable over the edges that
  // remain, and done with it, which is one finding at approval, not two.
  auto r = parse_modified([](auto& d) { transition_at(d, 0)["to"] = "aproval"; });
  ASSERT_EQ(r.report.errors.size(), 2u) << describe(r.report.errors);
  EXPECT_TRUE(has(r.report.errors, "unknown_stage", "/transitions/0/to")) << describe(r.report.errors);
  const auto* unreachable = find(r.report.errors, "unreachable_stage", "/stages/1");
  ASSERT_NE(unreachable, nullptr) << describe(r.report.errors);
  EXPECT_EQ(unreachable->params.at("stage"), "approval");
  EXPECT_EQ(unreachable->params.at("initial_stage"), "draft");
  EXPECT_EQ(unreachable->params.at("also_unreachable"), (json::array{"done"}));
  // draft still has its (broken) way out: not a dead end, and not stuck
  // either, since the stage it was meant for may lead to the end.
  EXPECT_FALSE(has(r.report.errors, "dead_end", "/stages/0")) << describe(r.report.errors);

  r = parse_modified([](auto& d) { transition_at(d, 0).erase("to"); });
  ASSERT_EQ(r.report.errors.size(), 2u) << describe(r.report.errors);
  EXPECT_TRUE(has(r.report.errors, "missing_field", "/transitions/0/to")) << describe(r.report.errors);
  EXPECT_TRUE(has(r.report.errors, "unreachable_stage", "/stages/1")) << describe(r.report.errors);

  // A lost "from" leaves draft without a way out; approval, which the
  // transition still enters, is not called unreachable.
  r = parse_modified([](auto& d) { transition_at(d, 0)["from"] = 1; });
  ASSERT_EQ(r.report.errors.size(), 2u) << describe(r.report.errors);
  EXPECT_TRUE(has(r.report.errors, "invalid_type", "/transitions/0/from")) << describe(r.report.errors);
  EXPECT_TRUE(has(r.report.errors, "dead_end", "/stages/0")) << describe(r.report.errors);
}

TEST(workflow_errors, unreachable_stage) {
  auto r = parse_modified([](auto& d) { d["stages"].as_array().push_back(extra_stage("orphan", "terminal")); });
  expect_only_error(r, "unreachable_stage", "/stages/3");
}

TEST(workflow_errors, dead_end) {
  auto r = parse_modified([](auto& d) {
    d["stages"].as_array().push_back(extra_stage("limbo", "review"));
    d["transitions"].as_array().push_back(extra_transition("park", "approval", "limbo"));
  });
  expect_only_error(r, "dead_end", "/stages/3");
}

TEST(workflow_errors, unreachable_cycle_is_one_finding) {
  // Two stages that only lead to each other and to done: nothing leads in.
  auto r = parse_modified([](auto& d) {
    d["stages"].as_array().push_back(extra_stage("aside", "review"));
    d["stages"].as_array().push_back(extra_stage("beside", "review"));
    d["transitions"].as_array().push_back(extra_transition("over", "aside", "beside"));
    d["transitions"].as_array().push_back(extra_transition("back", "beside", "aside"));
    d["transitions"].as_array().push_back(extra_transition("finish", "beside", "done"));
  });
  expect_only_error(r, "unreachable_stage", "/stages/3");
  EXPECT_EQ(r.report.errors[0].params.at("also_unreachable"), (json::array{"beside"}));
}

TEST(workflow_errors, no_path_to_terminal) {
  // approval may park a plan in a loop that never ends; draft, which leads
  // there too, can still finish through approval.
  auto r = parse_modified([](auto& d) {
    d["stages"].as_array().push_back(extra_stage("parked", "review"));
    d["stages"].as_array().push_back(extra_stage("circling", "review"));
    d["stages"].as_array().push_back(extra_stage("waiting", "review"));
    d["transitions"].as_array().push_back(extra_transition("park", "approval", "waiting"));
    d["transitions"].as_array().push_back(extra_transition("wait", "waiting", "parked"));
    d["transitions"].as_array().push_back(extra_transition("round", "parked", "circling"));
    d["transitions"].as_array().push_back(extra_transition("again", "circling", "parked"));
  });
  expect_only_error(r, "no_path_to_terminal", "/stages/3");
  EXPECT_EQ(r.report.errors[0].params.at("stage"), "parked");
  EXPECT_EQ(r.report.errors[0].params.at("also_stuck"), (json::array{"circling", "waiting"}));
  EXPECT_NE(r.report.errors[0].message.find("\"waiting\""), std::string::npos) << r.report.errors[0].message;
}

TEST(workflow_errors, a_dead_end_is_not_also_a_stage_without_a_path) {
  auto r = parse_modified([](auto& d) {
    d["stages"].as_array().push_back(extra_stage("limbo", "review"));
    d["stages"].as_array().push_back(extra_stage("lobby", "review"));
    d["transitions"].as_array().push_back(extra_transition("park", "approval", "lobby"));
    d["transitions"].as_array().push_back(extra_transition("sink", "lobby", "limbo"));
  });
  expect_only_error(r, "dead_end", "/stages/3");
}

TEST(workflow_errors, a_stage_of_unknown_kind_may_be_the_end) {
  // done's kind is a typo: it may be the terminal stage, so approval is not
  // called stuck, and the missing terminal is not reported either.
  auto r = parse_modified([](auto& d) {
    stage_at(d, 2)["kind"] = "finished";
    d["stages"].as_array().push_back(extra_stage("end", "terminal"));
    d["transitions"].as_array().push_back(extra_transition("end", "approval", "end"));
  });
  expect_only_error(r, "invalid_value", "/stages/2/kind");
}

TEST(workflow_errors, no_terminal_stage) {
  auto r = parse_modified([](auto& d) {
    stage_at(d, 2)["kind"] = "reporting";
    d["transitions"].as_array().push_back(extra_transition("reopen", "done", "draft"));
  });
  expect_only_error(r, "no_terminal_stage", "/stages");
}

TEST(workflow_errors, duplicate_action) {
  auto r = parse_modified(
      [](auto& d) { d["transitions"].as_array().push_back(extra_transition("approve", "approval", "draft")); });
  expect_only_error(r, "duplicate_action", "/transitions/3/action");
}

TEST(workflow_errors, same_action_from_two_stages_is_fine) {
  auto r = parse_modified([](auto& d) {
    auto t = extra_transition("submit", "approval", "done");
    t["signature"] = true;
    t["guards"] = json::array{json::object{{"type", "quorum"}, {"k", 2}}};
    d["transitions"].as_array().push_back(t);
  });
  EXPECT_TRUE(r.report.ok()) << describe(r.report.errors);
}

TEST(workflow_errors, unknown_role) {
  expect_only_error(parse_modified([](auto& d) {
                      transition_at(d, 0)["roles"] = json::array{"agency_officer", "mayor"};
                    }),
                    "unknown_role", "/transitions/0/roles/1");
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 0)["editable_by"] = json::array{"governor"}; }),
                    "unknown_role", "/stages/0/editable_by/0");
  expect_only_error(
      parse_modified([](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["role"] = "senate"; }),
      "unknown_role", "/transitions/1/guards/0/role");
}

TEST(workflow_errors, unknown_guard) {
  auto r = parse_modified([](auto& d) {
    transition_at(d, 0)["guards"] =
        json::array{json::object{{"type", "valid_content"}}, json::object{{"type", "moon_phase"}, {"phase", "full"}}};
  });
  expect_only_error(r, "unknown_guard", "/transitions/0/guards/1/type");
}

TEST(workflow_errors, impossible_quorum) {
  const std::string at = "/transitions/1/guards/0/k";
  for (json::value k : {json::value(0), json::value(-3), json::value(1.5), json::value("most"), json::value("")}) {
    SCOPED_TRACE(json::serialize(k));
    expect_only_error(
        parse_modified([&](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = k; }),
        "impossible_quorum", at);
  }
  // A whole number written as 3.0 is still a whole number.
  auto r = parse_modified([](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = 3.0; });
  ASSERT_TRUE(r.def.has_value()) << describe(r.report.errors);
  EXPECT_EQ(r.def->transitions[1].guards[0].rule, quorum_rule::count);
  EXPECT_EQ(r.def->transitions[1].guards[0].k, 3);
}

TEST(workflow_errors, deadline_without_escalation) {
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 1)["deadline"].as_object().erase("escalation"); }),
                    "deadline_without_escalation", "/stages/1/deadline");
  expect_only_error(
      parse_modified([](auto& d) { stage_at(d, 1)["deadline"].as_object()["escalation"] = json::object{}; }),
      "deadline_without_escalation", "/stages/1/deadline");
}

TEST(workflow_errors, invalid_deadline) {
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 1)["deadline"].as_object()["days"] = 0; }),
                    "invalid_deadline", "/stages/1/deadline/days");
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 1)["deadline"].as_object()["days"] = -5; }),
                    "invalid_deadline", "/stages/1/deadline/days");
}

TEST(workflow_errors, unknown_escalation_action) {
  // "submit" exists, but leaves draft, not approval.
  auto r = parse_modified([](auto& d) {
    stage_at(d, 1)["deadline"].as_object()["escalation"] = json::object{{"action", "submit"}};
  });
  expect_only_error(r, "unknown_escalation_action", "/stages/1/deadline/escalation/action");
}

TEST(workflow_errors, no_roles) {
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 0)["roles"] = json::array{}; }), "no_roles",
                    "/transitions/0/roles");
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 0).erase("roles"); }), "no_roles",
                    "/transitions/0/roles");
}

TEST(workflow_errors, terminal_with_exit) {
  auto r = parse_modified(
      [](auto& d) { d["transitions"].as_array().push_back(extra_transition("reopen", "done", "draft")); });
  expect_only_error(r, "terminal_with_exit", "/transitions/3/from");
}

TEST(workflow_errors, signature_without_quorum) {
  auto r = parse_modified([](auto& d) { transition_at(d, 1)["guards"] = json::array{}; });
  expect_only_error(r, "signature_without_quorum", "/transitions/1/signature");
}

TEST(workflow_errors, unknown_field_with_escaped_pointer) {
  expect_only_error(parse_modified([](auto& d) { d["version"] = 3; }), "unknown_field", "/version");
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 0)["a/b~c"] = true; }), "unknown_field",
                    "/stages/0/a~1b~0c");
  expect_only_error(parse_modified([](auto& d) { d["title"].as_object()["fr"] = "Essai"; }), "unknown_field",
                    "/title/fr");
  expect_only_error(parse_modified([](auto& d) {
                      stage_at(d, 1)["deadline"].as_object()["escalation"].as_object()["notify"] = "chair";
                    }),
                    "unknown_field", "/stages/1/deadline/escalation/notify");
  // Only a quorum takes a role and a k.
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 0)["guards"].as_array()[0].as_object()["k"] = 1; }),
                    "unknown_field", "/transitions/0/guards/0/k");
}

TEST(workflow_errors, type_errors_point_at_the_value) {
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 0)["roles"] = "agency_officer"; }), "invalid_type",
                    "/transitions/0/roles");
  expect_only_error(parse_modified([](auto& d) { transition_at(d, 2)["comment_required"] = "yes"; }), "invalid_type",
                    "/transitions/2/comment_required");
  expect_only_error(parse_modified([](auto& d) {
                      stage_at(d, 0)["editable_by"] = json::array{"agency_officer", 7};
                    }),
                    "invalid_type", "/stages/0/editable_by/1");
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 1)["deadline"].as_object()["days"] = "30"; }),
                    "invalid_type", "/stages/1/deadline/days");
  expect_only_error(parse_modified([](auto& d) { d["max_revision_rounds"] = 2.5; }), "invalid_type",
                    "/max_revision_rounds");
  expect_only_error(
      parse_modified([](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = true; }),
      "invalid_type", "/transitions/1/guards/0/k");
}

TEST(workflow_errors, other_value_errors) {
  expect_only_error(parse_modified([](auto& d) { d["max_revision_rounds"] = 0; }), "invalid_value",
                    "/max_revision_rounds");
  expect_only_error(parse_modified([](auto& d) {
                      stage_at(d, 1)["deadline"].as_object()["escalation"] = json::object{{"record", "late"}};
                    }),
                    "invalid_value", "/stages/1/deadline/escalation/record");
  // A stage of unknown kind: no guessing at dead ends or a missing terminal stage.
  expect_only_error(parse_modified([](auto& d) { stage_at(d, 2)["kind"] = "final"; }), "invalid_value",
                    "/stages/2/kind");
}

TEST(workflow_warnings, nobody_edits) {
  expect_only_warning(parse_modified([](auto& d) { stage_at(d, 0)["editable_by"] = json::array{}; }), "nobody_edits",
                      "/stages/0");
}

TEST(workflow_warnings, approval_without_signature) {
  auto r = parse_modified([](auto& d) {
    transition_at(d, 1)["signature"] = false;
    transition_at(d, 1)["guards"] = json::array{};
  });
  expect_only_warning(r, "approval_without_signature", "/stages/1");
}

TEST(workflow_warnings, quorum_role_cannot_act) {
  auto r = parse_modified(
      [](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["role"] = "committee_chair"; });
  expect_only_warning(r, "quorum_role_cannot_act", "/transitions/1/guards/0");
}

TEST(workflow_warnings, quorum_role_defaults_to_committee_member) {
  auto r = parse_modified([](auto& d) {
    transition_at(d, 1)["roles"] = json::array{"committee_chair"};
    transition_at(d, 1)["guards"].as_array()[0].as_object().erase("role");
  });
  expect_only_warning(r, "quorum_role_cannot_act", "/transitions/1/guards/0");
  EXPECT_EQ(r.def->transitions[1].guards[0].role, "committee_member");
}

TEST(workflow_warnings, return_without_comment) {
  expect_only_warning(parse_modified([](auto& d) { transition_at(d, 2)["comment_required"] = false; }),
                      "return_without_comment", "/transitions/2");
}

TEST(workflow_warnings, quorum_all_blocks_on_absence) {
  auto r = parse_modified([](auto& d) { transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = "all"; });
  expect_only_warning(r, "quorum_all_blocks_on_absence", "/transitions/1/guards/0/k");
  EXPECT_EQ(r.def->transitions[1].guards[0].rule, quorum_rule::all);
}

TEST(workflow_warnings, self_loop) {
  auto r = parse_modified(
      [](auto& d) { d["transitions"].as_array().push_back(extra_transition("note", "approval", "approval")); });
  expect_only_warning(r, "self_loop", "/transitions/3");
  // A signed self loop is how a vote is recorded before the quorum completes: no warning.
  r = parse_modified([](auto& d) {
    auto t = extra_transition("vote", "approval", "approval");
    t["signature"] = true;
    t["guards"] = json::array{json::object{{"type", "quorum"}, {"k", 1}}};
    d["transitions"].as_array().push_back(t);
  });
  EXPECT_TRUE(r.report.errors.empty()) << describe(r.report.errors);
  EXPECT_TRUE(r.report.warnings.empty()) << describe(r.report.warnings);
}

TEST(workflow_parse, reports_every_problem_at_once) {
  auto r = parse_modified([](auto& d) {
    d["id"] = "X";
    d["colour"] = "blue";
    d["title"].as_object().erase("th");
    stage_at(d, 0)["editable_by"] = json::array{"agency_officer", "king"};
    stage_at(d, 1)["deadline"].as_object()["days"] = 0;
    d["stages"].as_array().push_back(extra_stage("orphan", "terminal"));
    transition_at(d, 0)["roles"] = json::array{};
    transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = 0;
    transition_at(d, 2)["guards"] = json::array{json::object{{"type", "weather"}}};
    transition_at(d, 2)["comment_required"] = false;
    auto again = extra_transition("approve", "approval", "draft");
    again["signature"] = true;
    again["comment_required"] = true;
    d["transitions"].as_array().push_back(again);
    d["transitions"].as_array().push_back(extra_transition("reopen", "done", "draft"));
  });
  const auto& e = r.report.errors;
  EXPECT_FALSE(r.def.has_value());
  EXPECT_TRUE(has(e, "invalid_id", "/id")) << describe(e);
  EXPECT_TRUE(has(e, "unknown_field", "/colour")) << describe(e);
  EXPECT_TRUE(has(e, "missing_title", "/title/th")) << describe(e);
  EXPECT_TRUE(has(e, "unknown_role", "/stages/0/editable_by/1")) << describe(e);
  EXPECT_TRUE(has(e, "invalid_deadline", "/stages/1/deadline/days")) << describe(e);
  EXPECT_TRUE(has(e, "unreachable_stage", "/stages/3")) << describe(e);
  EXPECT_TRUE(has(e, "no_roles", "/transitions/0/roles")) << describe(e);
  EXPECT_TRUE(has(e, "impossible_quorum", "/transitions/1/guards/0/k")) << describe(e);
  EXPECT_TRUE(has(e, "unknown_guard", "/transitions/2/guards/0/type")) << describe(e);
  EXPECT_TRUE(has(e, "duplicate_action", "/transitions/3/action")) << describe(e);
  EXPECT_TRUE(has(e, "signature_without_quorum", "/transitions/3/signature")) << describe(e);
  EXPECT_TRUE(has(e, "terminal_with_exit", "/transitions/4/from")) << describe(e);
  EXPECT_EQ(e.size(), 12u) << describe(e);
  // The broken document still gets its warnings.
  EXPECT_TRUE(has(r.report.warnings, "return_without_comment", "/transitions/2")) << describe(r.report.warnings);
}

// The case of issue 13: structural mistakes and, independently, graph
// problems elsewhere. Every one is listed, each with its code, pointer and
// params, and nothing else.
TEST(workflow_parse, lists_structural_and_graph_problems_together) {
  auto r = parse_modified([](auto& d) {
    auto& stages = d["stages"].as_array();
    auto& transitions = d["transitions"].as_array();
    transitions.push_back(extra_transition("archive", "approval", "archive"));  // 3: unknown stage
    stages.push_back(extra_stage("limbo", "review"));                           // 3: nobody reaches or leaves it
    stages.push_back(extra_stage("draft", "editing"));                          // 4: a second draft
    transition_at(d, 0)["guards"] = json::array{json::object{{"type", "weather"}}};
    transition_at(d, 2)["roles"] = json::array{"committee_chair", "mayor"};
    // 5, 6: a loop after approval that never reaches done.
    stages.push_back(extra_stage("hold", "review"));
    stages.push_back(extra_stage("recheck", "review"));
    transitions.push_back(extra_transition("hold", "approval", "hold"));       // 4
    transitions.push_back(extra_transition("recheck", "hold", "recheck"));     // 5
    transitions.push_back(extra_transition("hold_again", "recheck", "hold"));  // 6
  });
  const auto& e = r.report.errors;
  EXPECT_FALSE(r.def.has_value());

  const auto* unknown = find(e, "unknown_stage", "/transitions/3/to");
  ASSERT_NE(unknown, nullptr) << describe(e);
  EXPECT_EQ(unknown->params,
            (json::object{{"stage", "archive"}, {"end", "to"}, {"transition", "archive"}, {"from", "approval"}}));

  const auto* unreachable = find(e, "unreachable_stage", "/stages/3");
  ASSERT_NE(unreachable, nullptr) << describe(e);
  EXPECT_EQ(unreachable->params,
            (json::object{{"stage", "limbo"}, {"initial_stage", "draft"}, {"also_unreachable", json::array{}}}));

  const auto* dead_end = find(e, "dead_end", "/stages/3");
  ASSERT_NE(dead_end, nullptr) << describe(e);
  EXPECT_EQ(dead_end->params, (json::object{{"stage", "limbo"}}));

  const auto* duplicate = find(e, "duplicate_stage", "/stages/4/id");
  ASSERT_NE(duplicate, nullptr) << describe(e);
  EXPECT_EQ(duplicate->params, (json::object{{"stage", "draft"}}));

  const auto* guard = find(e, "unknown_guard", "/transitions/0/guards/0/type");
  ASSERT_NE(guard, nullptr) << describe(e);
  EXPECT_EQ(guard->params, (json::object{{"guard", "weather"}, {"transition", "submit"}, {"from", "draft"}}));

  const auto* role = find(e, "unknown_role", "/transitions/2/roles/1");
  ASSERT_NE(role, nullptr) << describe(e);
  EXPECT_EQ(role->params, (json::object{{"role", "mayor"}, {"transition", "request_changes"}, {"from", "approval"}}));

  const auto* stuck = find(e, "no_path_to_terminal", "/stages/5");
  ASSERT_NE(stuck, nullptr) << describe(e);
  EXPECT_EQ(stuck->params, (json::object{{"stage", "hold"}, {"also_stuck", json::array{"recheck"}}}));

  EXPECT_EQ(e.size(), 7u) << describe(e);
  for (const auto& f : e) EXPECT_FALSE(f.message.empty()) << f.code;
}

TEST(workflow_parse, findings_carry_their_subject_as_params) {
  auto r = parse_modified([](auto& d) {
    d["colour"] = "blue";
    stage_at(d, 1)["deadline"].as_object()["days"] = 9000;
    stage_at(d, 1)["deadline"].as_object()["escalation"] = json::object{{"action", "submit"}};
    transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = 0;
    transition_at(d, 2)["comment_required"] = false;
  });
  const auto& e = r.report.errors;
  ASSERT_EQ(e.size(), 4u) << describe(e);
  EXPECT_EQ(find(e, "unknown_field", "/colour")->params, (json::object{{"field", "colour"}}));
  EXPECT_EQ(find(e, "invalid_deadline", "/stages/1/deadline/days")->params,
            (json::object{{"value", 9000}, {"min", 1}, {"max", 3650}, {"stage", "approval"}}));
  EXPECT_EQ(find(e, "unknown_escalation_action", "/stages/1/deadline/escalation/action")->params,
            (json::object{{"stage", "approval"}, {"action", "submit"}}));
  EXPECT_EQ(find(e, "impossible_quorum", "/transitions/1/guards/0/k")->params,
            (json::object{{"value", 0}, {"transition", "approve"}, {"from", "approval"}}));
  ASSERT_EQ(r.report.warnings.size(), 1u) << describe(r.report.warnings);
  EXPECT_EQ(r.report.warnings[0].params,
            (json::object{{"transition", "request_changes"}, {"from", "approval"}, {"to", "draft"}}));

  // As the API writes them: the params beside the English detail.
  auto written = findings_json(r.report.warnings);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0], (json::value{{"pointer", "/transitions/2"},
                                     {"code", "return_without_comment"},
                                     {"params", r.report.warnings[0].params},
                                     {"detail", r.report.warnings[0].message}}));
}

TEST(workflow_json, round_trips_through_to_json) {
  auto first = parse_definition(read_json_file("workflows/provincial_plan.json"));
  ASSERT_TRUE(first.def.has_value());
  auto again = parse_definition(to_json(*first.def));
  ASSERT_TRUE(again.def.has_value()) << describe(again.report.errors);
  EXPECT_EQ(*again.def, *first.def);

  auto fixture = parse_modified([](auto& d) {
    d["max_revision_rounds"] = 3;
    transition_at(d, 1)["guards"].as_array()[0].as_object()["k"] = 2;
  });
  ASSERT_TRUE(fixture.def.has_value()) << describe(fixture.report.errors);
  auto copy = parse_definition(to_json(*fixture.def));
  ASSERT_TRUE(copy.def.has_value()) << describe(copy.report.errors);
  EXPECT_EQ(*copy.def, *fixture.def);
  EXPECT_EQ(copy.def->transitions[1].guards[0].k, 2);
  EXPECT_EQ(copy.def->stages[1].deadline->escalate_action, "request_changes");
  EXPECT_FALSE(to_json(*fixture.def).contains("version"));
}

TEST(workflow_kinds, names_round_trip) {
  for (auto kind :
       {stage_kind::editing, stage_kind::review, stage_kind::approval, stage_kind::reporting, stage_kind::terminal}) {
    EXPECT_EQ(parse_stage_kind(to_string(kind)), kind);
  }
  EXPECT_EQ(to_string(stage_kind::approval), "approval");
  EXPECT_FALSE(parse_stage_kind("Editing").has_value());
}

TEST(workflow_graph, dot_has_nodes_edges_and_terminal_shape) {
  auto r = parse_definition(read_json_file("workflows/provincial_plan.json"));
  ASSERT_TRUE(r.def.has_value());
  auto dot = to_dot(*r.def);
  EXPECT_EQ(dot.rfind("digraph \"provincial_plan\" {\n", 0), 0u) << dot;
  EXPECT_NE(dot.find("\"draft\" [label=\"Draft\\nร่าง\"];"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"closed\" [label=\"Closed\\nปิดแผน\", shape=doublecircle];"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"draft\" -> \"agency_review\" [label=\"submit [valid_content]\\n(agency_officer)\"];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"committee_approval\" -> \"approved\" [label=\"approve ✍ quorum majority of committee_member"
                     "\\n(committee_member, committee_chair)\", style=bold];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"__start__\" -> \"draft\";"), std::string::npos) << dot;
  EXPECT_EQ(dot.back(), '\n');
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(workflow_graph, mermaid_has_safe_ids_and_terminal_shape) {
  auto r = parse_definition(read_json_file("workflows/provincial_plan.json"));
  ASSERT_TRUE(r.def.has_value());
  auto mermaid = to_mermaid(*r.def);
  EXPECT_EQ(mermaid.rfind("flowchart LR\n", 0), 0u) << mermaid;
  EXPECT_NE(mermaid.find("  st_draft[\"Draft<br/>ร่าง\"]\n"), std::string::npos) << mermaid;
  EXPECT_NE(mermaid.find("  st_closed((\"Closed<br/>ปิดแผน\"))\n"), std::string::npos) << mermaid;
  EXPECT_NE(mermaid.find("  st_agency_review -->|\"return<br/>(agency_head)\"| st_draft\n"), std::string::npos)
      << mermaid;
  EXPECT_NE(mermaid.find("  st_committee_approval ==>|\"approve ✍ quorum majority of committee_member<br/>"
                         "(committee_member, committee_chair)\"| st_approved\n"),
            std::string::npos)
      << mermaid;
}

TEST(workflow_graph, readme_diagram_is_current) {
  auto r = parse_definition(read_json_file("workflows/provincial_plan.json"));
  ASSERT_TRUE(r.def.has_value());
  std::ifstream in(std::string(PLANFLOW_SOURCE_DIR) + "/workflows/README.md", std::ios::binary);
  std::ostringstream readme;
  readme << in.rdbuf();
  EXPECT_NE(readme.str().find("```mermaid\n" + to_mermaid(*r.def) + "```"), std::string::npos)
      << "paste this into workflows/README.md:\n"
      << to_mermaid(*r.def);
}

TEST(workflow_graph, titles_with_quotes_are_escaped) {
  auto r = parse_modified([](auto& d) {
    stage_at(d, 0)["title"].as_object()["en"] = "The \"first\" draft #1 <b>";
    stage_at(d, 0)["title"].as_object()["th"] = "ร่าง \\ แรก";
  });
  ASSERT_TRUE(r.def.has_value()) << describe(r.report.errors);
  auto dot = to_dot(*r.def);
  EXPECT_NE(dot.find("[label=\"The \\\"first\\\" draft #1 <b>\\nร่าง \\\\ แรก\"]"), std::string::npos) << dot;
  auto mermaid = to_mermaid(*r.def);
  EXPECT_NE(mermaid.find("st_draft[\"The #quot;first#quot; draft #35;1 #lt;b#gt;<br/>ร่าง \\ แรก\"]"), std::string::npos)
      << mermaid;
  EXPECT_EQ(mermaid.find("\"first\""), std::string::npos);
}

TEST(workflow_graph, mermaid_ids_stay_identifiers_for_odd_stage_ids) {
  definition def;
  def.stages.push_back({"end", {"จบ", "End"}, stage_kind::terminal, {}, std::nullopt});
  def.stages.push_back({"a b", {"ก", "A"}, stage_kind::editing, {}, std::nullopt});
  auto mermaid = to_mermaid(def);
  EXPECT_NE(mermaid.find("  st_end((\"End<br/>จบ\"))\n"), std::string::npos) << mermaid;
  EXPECT_NE(mermaid.find("  sx_612062[\"A<br/>ก\"]\n"), std::string::npos) << mermaid;
}

TEST(workflow_schema, is_json_and_matches_the_code) {
  auto schema = read_json_file("workflows/workflow.schema.json");
  ASSERT_TRUE(schema.is_object());
  EXPECT_EQ(schema.at("$schema").as_string(), "https://json-schema.org/draft/2020-12/schema");
  const auto& defs = schema.at("$defs");

  const auto& kinds = defs.at("stage").at("properties").at("kind").at("enum").as_array();
  std::vector<std::string> schema_kinds;
  for (const auto& k : kinds) schema_kinds.emplace_back(k.as_string());
  std::vector<std::string> code_kinds;
  for (auto kind :
       {stage_kind::editing, stage_kind::review, stage_kind::approval, stage_kind::reporting, stage_kind::terminal}) {
    code_kinds.emplace_back(to_string(kind));
  }
  EXPECT_EQ(schema_kinds, code_kinds);
  for (const auto& name : schema_kinds) EXPECT_TRUE(parse_stage_kind(name).has_value()) << name;

  std::vector<std::string> schema_roles;
  for (const auto& r : defs.at("role").at("enum").as_array()) schema_roles.emplace_back(r.as_string());
  EXPECT_EQ(schema_roles, known_roles());

  std::vector<std::string> schema_guards;
  for (const auto& g : defs.at("guard").at("properties").at("type").at("enum").as_array()) {
    schema_guards.emplace_back(g.as_string());
  }
  EXPECT_EQ(schema_guards, known_guards());
  EXPECT_EQ(defs.at("identifier").at("pattern").as_string(), "^[a-z][a-z0-9_]{1,63}$");
}

}  // namespace
}  // namespace planflow::workflow
