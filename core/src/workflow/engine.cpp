#include <planflow/directory/delegations.hpp>
#include <planflow/error/messages.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/json_text.hpp>
#include <planflow/util/json_util.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>
#include <planflow/workflow/engine.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>

namespace planflow::workflow {
namespace {

using clock = std::chrono::system_clock;

constexpr const char* k_case_columns =
    "SELECT id, subject_kind, workflow_id, workflow_version, stage, stage_seq, stage_entered_at, deadline_at, "
    "deadline_done, revision, content_sha256, content_errors, revision_rounds, province_code, plan_type, agency_id, "
    "created_by, event_count FROM workflow_cases WHERE id = :id";

case_state case_from_row(const soci::row& row) {
  using namespace storage;
  case_state c;
  c.id = column_int(row, 0);
  c.subject_kind = column_text(row, 1);
  c.workflow_id = column_text(row, 2);
  c.workflow_version = int(column_int(row, 3));
  c.stage = column_text(row, 4);
  c.stage_seq = int(column_int(row, 5));
  c.stage_entered_at = column_text(row, 6);
  c.deadline_at = column_opt_text(row, 7);
  c.deadline_done = column_int(row, 8) != 0;
  c.revision = int(column_int(row, 9));
  c.content_sha256 = column_text(row, 10);
  c.content_errors = int(column_int(row, 11));
  c.revision_rounds = int(column_int(row, 12));
  c.province_code = column_text(row, 13);
  c.plan_type = column_text(row, 14);
  c.agency_id = column_opt_int(row, 15);
  c.created_by = column_opt_int(row, 16);
  c.event_count = int(column_int(row, 17));
  return c;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Saves the state the engine changes; the rest of the row is fixed at creation.
void save_case(soci::session& sql, const case_state& c) {
  std::string deadline = c.deadline_at.value_or("");
  soci::indicator deadline_ind = c.deadline_at ? soci::i_ok : soci::i_null;
  int done = c.deadline_done ? 1 : 0;
  const std::string now = storage::now_iso();
  long long id = c.id;
  sql << "UPDATE workflow_cases SET workflow_version = :v, stage = :s, stage_seq = :q, stage_entered_at = :e, "
         "deadline_at = :d, deadline_done = :dd, revision = :r, content_sha256 = :h, content_errors = :ce, "
         "revision_rounds = :rr, event_count = :ec, updated_at = :u WHERE id = :id",
      soci::use(c.workflow_version), soci::use(c.stage), soci::use(c.stage_seq), soci::use(c.stage_entered_at),
      soci::use(deadline, deadline_ind), soci::use(done), soci::use(c.revision), soci::use(c.content_sha256),
      soci::use(c.content_errors), soci::use(c.revision_rounds), soci::use(c.event_count), soci::use(now),
      soci::use(id);
}

}  // namespace

reason reason::of(error::message_code code, boost::json::object params) {
  auto text = error::render(code, params, error::language::en);
  return {std::string(code.id), std::move(params), std::move(text)};
}

boost::json::object reason::to_json() const { return {{"code", code}, {"params", params}, {"detail", text}}; }

guard_result guard_result::of(std::string type, bool met, error::message_code code, boost::json::object params) {
  auto why = reason::of(code, std::move(params));
  guard_result g{std::move(type), met, std::move(why.text)};
  g.code = std::move(why.code);
  g.params = std::move(why.params);
  return g;
}

boost::json::array guards_json(const std::vector<guard_result>& guards) {
  boost::json::array out;
  for (const auto& g : guards) {
    boost::json::object o{{"type", g.type}, {"met", g.met}, {"reason", g.reason}};
    if (!g.code.empty()) {
      o["code"] = g.code;
      o["params"] = g.params;
    }
    if (g.needed >= 0) {
      o["signed"] = g.have;
      o["members"] = g.members;
      o["needed"] = g.needed;
    }
    out.push_back(std::move(o));
  }
  return out;
}

boost::json::object apply_result::to_json() const {
  return {{"case_id", case_id},  {"action", action},  {"from", from},         {"to", to},
          {"moved", moved},      {"signed", signed_}, {"revision", revision}, {"guards", guards_json(guards)},
          {"replayed", replayed}};
}

apply_result apply_result::from_json(const boost::json::object& json) {
  apply_result r;
  r.case_id = json.at("case_id").to_number<std::int64_t>();
  r.action = json.at("action").as_string();
  r.from = json.at("from").as_string();
  r.to = json.at("to").as_string();
  r.moved = json.at("moved").as_bool();
  r.signed_ = json.at("signed").as_bool();
  r.revision = json.at("revision").to_number<int>();
  for (const auto& item : json.at("guards").as_array()) {
    const auto& o = item.as_object();
    guard_result g{std::string(o.at("type").as_string()), o.at("met").as_bool(),
                   std::string(o.at("reason").as_string())};
    // Replies stored before guards carried codes have none.
    if (const auto* code = o.if_contains("code")) g.code = std::string(code->as_string());
    if (const auto* params = o.if_contains("params")) g.params = params->as_object();
    if (o.contains("needed")) {
      g.have = o.at("signed").to_number<int>();
      g.members = o.at("members").to_number<int>();
      g.needed = o.at("needed").to_number<int>();
    }
    r.guards.push_back(std::move(g));
  }
  return r;
}

engine::engine(storage::database& db, workflow::store& store, role_resolver roles)
    : db_(db), store_(store), roles_(std::move(roles)) {
  register_guard("valid_content", [](soci::session&, const case_state& c, const guard& g) {
    if (c.content_errors == 0) return guard_result::of(g.type, true, error::messages::content_has_no_errors);
    return guard_result::of(g.type, false, error::messages::content_has_errors, {{"count", c.content_errors}});
  });
  register_guard("quorum", [](soci::session& sql, const case_state& c, const guard& g) {
    const auto holders = directory::role_holders(sql, g.role, c.province_code, c.plan_type);
    const int members = int(holders.size());
    if (members == 0) {
      return guard_result::of(g.type, false, error::messages::nobody_holds_role,
                              {{"role", g.role}, {"province", c.province_code}});
    }
    const int needed = g.rule == quorum_rule::all ? members : g.rule == quorum_rule::majority ? members / 2 + 1 : g.k;
    long long id = c.id;
    std::set<std::int64_t> signers;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT user_id, on_behalf_of FROM signatures WHERE case_id = :id AND stage_seq = :q "
                        "AND revision = :r AND voided_at IS NULL",
         soci::use(id), soci::use(c.stage_seq), soci::use(c.revision));
    for (const auto& row : rows) {
      // A delegate's signature counts for the member they act for.
      auto person = storage::column_opt_int(row, 1).value_or(storage::column_int(row, 0));
      if (std::ranges::binary_search(holders, person)) signers.insert(person);
    }
    const int have = int(signers.size());
    auto out = guard_result::of(
        g.type, have >= needed && needed <= members,
        needed > members ? error::messages::quorum_count_impossible : error::messages::quorum_count,
        {{"have", have}, {"members", members}, {"role", g.role}, {"revision", c.revision}, {"needed", needed}});
    out.have = have;
    out.members = members;
    out.needed = needed;
    return out;
  });
  register_guard("all_progress_confirmed", [](soci::session&, const case_state&, const guard& g) {
    return guard_result::of(g.type, false, error::messages::progress_not_set_up);
  });
}

void engine::register_guard(const std::string& type, guard_evaluator evaluator) {
  guards_[type] = std::move(evaluator);
}

std::shared_ptr<const definition> engine::definition_of(soci::session& sql, const case_state& c) {
  auto def = store_.get(sql, c.workflow_id, c.workflow_version);
  if (!def) {
    throw std::runtime_error("case " + std::to_string(c.id) + " runs on workflow " + c.workflow_id + " v" +
                             std::to_string(c.workflow_version) + ", which is not stored");
  }
  return def;
}

std::optional<case_state> engine::find_case(soci::session& sql, std::int64_t id, bool for_update) {
  long long key = id;
  std::string query = k_case_columns;
  // SQLite has no row locks; its writers are already serialised by BEGIN IMMEDIATE.
  if (for_update && db_.backend() == storage::backend::mysql) query += " FOR UPDATE";
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(key));
  for (const auto& row : rows) return case_from_row(row);
  return std::nullopt;
}

int engine::append_event(soci::session& sql, case_state& c, const event& e) {
  c.event_count += 1;
  long long case_id = c.id;
  long long actor = e.actor_id.value_or(0), behalf = e.on_behalf_of.value_or(0);
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null;
  soci::indicator behalf_ind = e.on_behalf_of ? soci::i_ok : soci::i_null;
  auto text_ind = [](const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; };
  soci::indicator action_ind = text_ind(e.action), from_ind = text_ind(e.from_stage), to_ind = text_ind(e.to_stage),
                  role_ind = text_ind(e.actor_role), comment_ind = text_ind(e.comment), data_ind = text_ind(e.data),
                  remote_ind = text_ind(e.remote_address);
  const std::string now = storage::now_iso();
  sql << "INSERT INTO workflow_events (case_id, seq, kind, action, from_stage, to_stage, revision, actor_id, "
         "on_behalf_of, actor_role, comment, data, remote_address, created_at) VALUES (:c, :s, :k, :a, :f, :t, :r, "
         ":ac, :ob, :ar, :cm, :d, :ra, :ca)",
      soci::use(case_id), soci::use(c.event_count), soci::use(e.kind), soci::use(e.action, action_ind),
      soci::use(e.from_stage, from_ind), soci::use(e.to_stage, to_ind), soci::use(c.revision),
      soci::use(actor, actor_ind), soci::use(behalf, behalf_ind), soci::use(e.actor_role, role_ind),
      soci::use(e.comment, comment_ind), soci::use(e.data, data_ind), soci::use(e.remote_address, remote_ind),
      soci::use(now);
  if (observer_) observer_(sql, c, e);
  return c.event_count;
}

void engine::void_signatures(soci::session& sql, std::int64_t case_id, const std::string& reason) {
  long long id = case_id;
  const std::string now = storage::now_iso();
  sql << "UPDATE signatures SET voided_at = :t WHERE case_id = :id AND voided_at IS NULL", soci::use(now),
      soci::use(id);
  log::debug("signatures voided", {{"case", case_id}, {"reason", reason}});
}

void engine::enter_stage(soci::session&, case_state& c, const definition& def, const std::string& stage_id) {
  const auto now = clock::now();
  c.stage = stage_id;
  c.stage_seq += 1;
  c.stage_entered_at = format_iso(now);
  const stage* s = def.find_stage(stage_id);
  if (s && s->deadline) {
    c.deadline_at = format_iso(now + std::chrono::days(s->deadline->days));
  } else {
    c.deadline_at.reset();
  }
  c.deadline_done = false;
}

std::int64_t engine::start_case(soci::session& sql, const new_case& input) {
  const int version =
      input.workflow_version > 0 ? input.workflow_version : store_.version_for_new_cases(sql, input.workflow_id);
  auto def = version > 0 ? store_.get(sql, input.workflow_id, version) : nullptr;
  if (!def) {
    if (input.workflow_version > 0) {
      throw error::invalid("/workflow", error::messages::no_published_workflow_version,
                           {{"workflow", input.workflow_id}, {"version", input.workflow_version}});
    }
    throw error::invalid("/workflow", error::messages::no_published_workflow, {{"workflow", input.workflow_id}});
  }
  if (!def->plan_types.empty() && std::ranges::find(def->plan_types, input.plan_type) == def->plan_types.end()) {
    throw error::invalid("/workflow", error::messages::workflow_not_for_type,
                         {{"workflow", def->id}, {"plan_type", input.plan_type}});
  }
  case_state c;
  c.subject_kind = input.subject_kind;
  c.workflow_id = def->id;
  c.workflow_version = version;
  c.stage_seq = 0;
  enter_stage(sql, c, *def, def->initial_stage);
  c.revision = 1;
  c.content_sha256 = input.content_sha256;
  c.content_errors = input.content_errors;
  c.province_code = input.province_code;
  c.plan_type = input.plan_type;
  c.agency_id = input.agency_id;
  c.created_by = input.created_by;

  long long agency = input.agency_id.value_or(0), creator = input.created_by;
  soci::indicator agency_ind = input.agency_id ? soci::i_ok : soci::i_null;
  std::string deadline = c.deadline_at.value_or("");
  soci::indicator deadline_ind = c.deadline_at ? soci::i_ok : soci::i_null;
  const std::string now = storage::now_iso();
  sql << "INSERT INTO workflow_cases (subject_kind, workflow_id, workflow_version, stage, stage_seq, stage_entered_at, "
         "deadline_at, deadline_done, revision, content_sha256, content_errors, revision_rounds, province_code, "
         "plan_type, agency_id, created_by, created_at, updated_at, event_count) VALUES (:sk, :w, :v, :s, :q, :e, :d, "
         "0, 1, :h, :ce, 0, :p, :t, :a, :cb, :c, :u, 0)",
      soci::use(c.subject_kind), soci::use(c.workflow_id), soci::use(c.workflow_version), soci::use(c.stage),
      soci::use(c.stage_seq), soci::use(c.stage_entered_at), soci::use(deadline, deadline_ind),
      soci::use(c.content_sha256), soci::use(c.content_errors), soci::use(c.province_code), soci::use(c.plan_type),
      soci::use(agency, agency_ind), soci::use(creator), soci::use(now), soci::use(now);
  c.id = storage::last_insert_id(sql, "workflow_cases");
  event e;
  e.kind = "created";
  e.to_stage = c.stage;
  e.actor_id = input.created_by;
  e.remote_address = input.remote_address;
  e.data = boost::json::serialize(boost::json::object{{"workflow", c.workflow_id}, {"version", c.workflow_version}});
  append_event(sql, c, e);
  save_case(sql, c);
  return c.id;
}

std::vector<guard_result> engine::evaluate_guards(soci::session& sql, const case_state& c, const transition& t) {
  std::vector<guard_result> out;
  for (const auto& g : t.guards) {
    auto it = guards_.find(g.type);
    if (it == guards_.end()) {
      out.push_back({g.type, false, "no evaluator for this guard"});
    } else {
      out.push_back(it->second(sql, c, g));
    }
  }
  return out;
}

namespace {

// Nobody signs what they submitted or endorsed: a forward move out of an
// editing or review stage by the same person, on this case, ever.
bool took_part_before_approval(soci::session& sql, const definition& def, std::int64_t case_id,
                               const std::set<std::int64_t>& people) {
  long long id = case_id;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT actor_id, on_behalf_of, from_stage, to_stage FROM workflow_events "
                      "WHERE case_id = :id AND kind = 'transition'",
       soci::use(id));
  for (const auto& row : rows) {
    auto actor = storage::column_opt_int(row, 0);
    auto behalf = storage::column_opt_int(row, 1);
    const bool involved = (actor && people.contains(*actor)) || (behalf && people.contains(*behalf));
    if (!involved) continue;
    const stage* from = def.find_stage(storage::column_text(row, 2));
    const stage* to = def.find_stage(storage::column_text(row, 3));
    if (from && to && (from->kind == stage_kind::editing || from->kind == stage_kind::review) &&
        to->kind != stage_kind::editing) {
      return true;
    }
  }
  return false;
}

// The transition named `action` that decides who may take it: the one from
// the current stage when there is one, else any of that name. Asking about
// the whole workflow lets "you may never" (403) come before "not now" (409),
// so a refusal does not depend on where the case happens to be.
const transition* rule_for(const definition& def, const std::string& action, const transition* here,
                           const std::map<std::string, acting_as>& roles) {
  if (here) return here;
  const transition* named = nullptr;
  for (const auto& t : def.transitions) {
    if (t.action != action) continue;
    if (std::ranges::any_of(t.roles, [&](const std::string& role) { return roles.contains(role); })) return &t;
    if (!named) named = &t;
  }
  return named;
}

std::optional<acting_as> acting_role(const transition& t, const std::map<std::string, acting_as>& roles) {
  for (const auto& role : t.roles) {
    if (auto it = roles.find(role); it != roles.end()) return it->second;
  }
  return std::nullopt;
}

bool has_signed(soci::session& sql, std::int64_t case_id, int stage_seq, std::int64_t person) {
  long long id = case_id, who = person;
  int count = 0;
  sql << "SELECT COUNT(*) FROM signatures WHERE case_id = :id AND stage_seq = :q AND voided_at IS NULL "
         "AND (user_id = :u OR on_behalf_of = :o)",
      soci::use(id), soci::use(stage_seq), soci::use(who), soci::use(who), soci::into(count);
  return count > 0;
}

struct stored_reply {
  std::int64_t case_id;
  std::string action;
  std::string response;
  std::optional<std::string> request_sha256;  ///< absent for keys stored before it was kept
};

std::optional<stored_reply> find_reply(soci::session& sql, std::int64_t user_id, const std::string& key) {
  long long uid = user_id;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT case_id, action, response, request_sha256 FROM idempotency_keys "
                      "WHERE user_id = :u AND idem_key = :k",
       soci::use(uid), soci::use(key));
  for (const auto& row : rows) {
    std::optional<std::string> sha;
    if (row.get_indicator(3) != soci::i_null) sha = storage::column_text(row, 3);
    return stored_reply{storage::column_int(row, 0), storage::column_text(row, 1), storage::column_text(row, 2),
                        std::move(sha)};
  }
  return std::nullopt;
}

}  // namespace

apply_result engine::apply(const apply_request& r) {
  // Re-run whole on contention: everything below is database work.
  return storage::in_transaction(db_, [&](soci::session& sql) -> apply_result {
    auto replay = [&](const stored_reply& stored) {
      if (stored.case_id != r.case_id || stored.action != r.action ||
          (stored.request_sha256 && *stored.request_sha256 != r.request_sha256)) {
        throw error::problem(error::types::idempotency_key_reused, error::messages::key_reused);
      }
      auto result = apply_result::from_json(boost::json::parse(stored.response).as_object());
      result.replayed = true;
      return result;
    };
    if (r.idempotency_key) {
      if (auto stored = find_reply(sql, r.actor.id, *r.idempotency_key)) return replay(*stored);
    }

    auto found = find_case(sql, r.case_id, true);
    if (!found) throw error::not_found(error::messages::case_not_found, {{"id", r.case_id}});
    case_state c = std::move(*found);
    // A request with the same key may have committed while this one waited for the lock.
    if (r.idempotency_key) {
      if (auto stored = find_reply(sql, r.actor.id, *r.idempotency_key)) return replay(*stored);
    }
    auto def = definition_of(sql, c);

    const transition* t = def->find_transition(c.stage, r.action);
    auto roles = roles_(sql, r.actor, c.scope());
    const transition* rule = rule_for(*def, r.action, t, roles);
    std::optional<acting_as> as = rule ? acting_role(*rule, roles) : std::nullopt;
    if (rule && !as) {
      throw error::forbidden(
          error::messages::action_needs_roles,
          {{"action", r.action}, {"roles", boost::json::array(rule->roles.begin(), rule->roles.end())}});
    }
    if (rule && rule->signature &&
        took_part_before_approval(sql, *def, c.id, {r.actor.id, as->on_behalf_of.value_or(r.actor.id)})) {
      throw error::problem(error::types::self_approval, error::messages::no_self_approval);
    }
    if (!t) {
      boost::json::array possible;
      for (const auto* other : def->transitions_from(c.stage)) possible.push_back(boost::json::string(other->action));
      throw error::problem(error::types::action_not_available, error::messages::action_not_in_stage,
                           {{"action", r.action}, {"stage", c.stage}})
          .with_extension("stage", boost::json::string(c.stage))
          .with_extension("actions_in_stage", std::move(possible));
    }
    if (r.expected_revisions && std::ranges::find(*r.expected_revisions, c.revision) == r.expected_revisions->end()) {
      boost::json::array named(r.expected_revisions->begin(), r.expected_revisions->end());
      auto stale = named.empty() ? error::problem(error::types::stale_revision, error::messages::acted_on_no_revision,
                                                  {{"revision", c.revision}})
                                 : error::problem(error::types::stale_revision, error::messages::acted_on_old_revision,
                                                  {{"named", std::move(named)}, {"revision", c.revision}});
      throw stale.with_extension("revision", c.revision);
    }
    if (t->comment_required && blank(r.comment)) {
      throw error::invalid("/comment", error::messages::comment_required_for, {{"action", r.action}});
    }
    const stage* from = def->find_stage(c.stage);
    const stage* to = def->find_stage(t->to);
    const bool is_return = to->kind == stage_kind::editing && from->kind != stage_kind::editing;
    if (is_return && def->max_revision_rounds && c.revision_rounds >= *def->max_revision_rounds) {
      throw error::problem(error::types::revision_cap_reached, error::messages::revision_rounds_used,
                           {{"rounds", *def->max_revision_rounds}});
    }

    apply_result result;
    result.case_id = c.id;
    result.action = r.action;
    result.from = c.stage;
    result.to = c.stage;
    const std::int64_t person = as->on_behalf_of.value_or(r.actor.id);
    event base;
    base.action = r.action;
    base.actor_id = r.actor.id;
    base.on_behalf_of = as->on_behalf_of;
    base.actor_role = as->role;
    base.comment = r.comment;
    base.remote_address = r.remote_address;

    if (t->signature) {
      if (has_signed(sql, c.id, c.stage_seq, person)) {
        throw error::problem(error::types::already_signed, error::messages::signed_this_round);
      }
      long long case_id = c.id, user_id = r.actor.id, behalf = as->on_behalf_of.value_or(0);
      soci::indicator behalf_ind = as->on_behalf_of ? soci::i_ok : soci::i_null;
      const std::string now = storage::now_iso();
      sql << "INSERT INTO signatures (case_id, stage_seq, revision, user_id, on_behalf_of, role, content_sha256, "
             "comment, "
             "signed_at, voided_at) VALUES (:c, :q, :r, :u, :b, :role, :h, :cm, :t, NULL)",
          soci::use(case_id), soci::use(c.stage_seq), soci::use(c.revision), soci::use(user_id),
          soci::use(behalf, behalf_ind), soci::use(as->role), soci::use(c.content_sha256), soci::use(r.comment),
          soci::use(now);
      event e = base;
      e.kind = "signature";
      e.from_stage = c.stage;
      e.data =
          boost::json::serialize(boost::json::object{{"content_sha256", c.content_sha256}, {"revision", c.revision}});
      append_event(sql, c, e);
      result.signed_ = true;
    }

    result.guards = evaluate_guards(sql, c, *t);
    const bool all_met = std::ranges::all_of(result.guards, [](const guard_result& g) { return g.met; });
    if (!all_met && !t->signature) {
      boost::json::array reasons;
      for (const auto& g : result.guards) {
        if (!g.met) reasons.push_back(boost::json::string(g.type + ": " + g.reason));
      }
      throw error::problem(error::types::guards_unmet, error::messages::guards_not_met,
                           {{"action", r.action}, {"reasons", std::move(reasons)}})
          .with_extension("guards", guards_json(result.guards));
    }
    if (all_met) {
      if (is_return) {
        c.revision_rounds += 1;
        void_signatures(sql, c.id, "returned for revision");
      }
      event e = base;
      e.kind = "transition";
      e.from_stage = c.stage;
      e.to_stage = t->to;
      append_event(sql, c, e);
      enter_stage(sql, c, *def, t->to);
      result.moved = true;
      result.to = t->to;
    }
    result.revision = c.revision;
    save_case(sql, c);

    if (r.idempotency_key) {
      long long uid = r.actor.id, case_id = c.id;
      const std::string body = json_text(result.to_json());
      const std::string now = storage::now_iso();
      sql << "INSERT INTO idempotency_keys (user_id, idem_key, case_id, action, status, response, created_at, "
             "request_sha256) VALUES (:u, :k, :c, :a, 200, :r, :t, :h)",
          soci::use(uid), soci::use(*r.idempotency_key), soci::use(case_id), soci::use(r.action), soci::use(body),
          soci::use(now), soci::use(r.request_sha256);
    }
    return result;
  });
}

std::vector<available_action> engine::available_actions(const case_state& c, const directory::user& user) {
  storage::lease session(db_);
  return available_actions(*session, c, user);
}

std::vector<available_action> engine::available_actions(soci::session& sql, const case_state& c,
                                                        const directory::user& user) {
  auto def = definition_of(sql, c);
  auto roles = roles_(sql, user, c.scope());
  std::vector<available_action> out;
  for (const auto* t : def->transitions_from(c.stage)) {
    std::optional<acting_as> as;
    for (const auto& role : t->roles) {
      if (auto it = roles.find(role); it != roles.end()) {
        as = it->second;
        break;
      }
    }
    if (!as) continue;  // not this user's to take
    available_action a;
    a.action = t->action;
    a.title = t->title;
    a.to = t->to;
    a.as_role = as->role;
    a.comment_required = t->comment_required;
    a.signature = t->signature;
    a.guards = evaluate_guards(sql, c, *t);
    const std::int64_t person = as->on_behalf_of.value_or(user.id);
    if (t->signature) {
      if (took_part_before_approval(sql, *def, c.id, {user.id, person})) {
        a.blocked_by.push_back(reason::of(error::messages::cannot_sign_own));
      } else if (has_signed(sql, c.id, c.stage_seq, person)) {
        a.blocked_by.push_back(reason::of(error::messages::already_signed_revision));
      }
    } else {
      for (const auto& g : a.guards) {
        if (!g.met) a.blocked_by.push_back({g.code, g.params, g.type + ": " + g.reason});
      }
    }
    const stage* from = def->find_stage(c.stage);
    const stage* to = def->find_stage(t->to);
    if (to->kind == stage_kind::editing && from->kind != stage_kind::editing && def->max_revision_rounds &&
        c.revision_rounds >= *def->max_revision_rounds) {
      a.blocked_by.push_back(reason::of(error::messages::revision_rounds_exhausted));
    }
    a.enabled = a.blocked_by.empty();
    out.push_back(std::move(a));
  }
  return out;
}

bool engine::may_edit(soci::session& sql, const case_state& c, const directory::user& user) {
  auto def = definition_of(sql, c);
  const stage* s = def->find_stage(c.stage);
  if (!s) return false;
  auto roles = roles_(sql, user, c.scope());
  return std::ranges::any_of(s->editable_by, [&](const std::string& role) { return roles.contains(role); });
}

bool engine::record_revision(soci::session& sql, std::int64_t case_id, int revision, const std::string& content_sha256,
                             int content_errors, const directory::user& editor, const std::string& remote_address) {
  auto found = find_case(sql, case_id, true);
  if (!found) throw error::not_found(error::messages::case_not_found, {{"id", case_id}});
  case_state c = std::move(*found);
  if (!may_edit(sql, c, editor)) {
    // Someone who could edit in some stage hears "not now" (409); someone who
    // never edits this plan hears "not you" (403).
    auto def = definition_of(sql, c);
    auto roles = roles_(sql, editor, c.scope());
    const bool ever = std::ranges::any_of(def->stages, [&](const stage& s) {
      return std::ranges::any_of(s.editable_by, [&](const std::string& r) { return roles.contains(r); });
    });
    if (!ever) {
      throw error::forbidden(error::messages::never_edits);
    }
    throw error::problem(error::types::not_editable, error::messages::not_editable_in_stage, {{"stage", c.stage}})
        .with_extension("stage", boost::json::string(c.stage));
  }
  if (revision != c.revision + 1) {
    throw error::problem(error::types::stale_revision, error::messages::content_at_revision, {{"revision", c.revision}})
        .with_extension("revision", c.revision);
  }
  // A client repeating its save (a retry, an editor saving on blur) changes
  // nothing, and must not void the committee's signatures on that content.
  if (content_sha256 == c.content_sha256) return false;
  void_signatures(sql, c.id, "new revision");
  c.revision = revision;
  c.content_sha256 = content_sha256;
  c.content_errors = content_errors;
  event e;
  e.kind = "revision";
  e.from_stage = c.stage;
  e.actor_id = editor.id;
  e.remote_address = remote_address;
  e.data = boost::json::serialize(boost::json::object{{"content_sha256", content_sha256}, {"errors", content_errors}});
  append_event(sql, c, e);
  save_case(sql, c);
  return true;
}

void engine::migrate_case(std::int64_t case_id, int to_version, const std::map<std::string, std::string>& stage_mapping,
                          const directory::user& admin, const std::string& remote_address) {
  storage::in_transaction(db_, [&](soci::session& sql) {
    auto found = find_case(sql, case_id, true);
    if (!found) throw error::not_found(error::messages::case_not_found, {{"id", case_id}});
    case_state c = std::move(*found);
    if (to_version <= c.workflow_version) {
      throw error::invalid("/version", error::messages::version_not_newer, {{"version", c.workflow_version}});
    }
    auto target = store_.get(sql, c.workflow_id, to_version);
    if (!target)
      throw error::invalid("/version", error::messages::no_published_version_of,
                           {{"version", to_version}, {"workflow", c.workflow_id}});
    auto mapped = stage_mapping.find(c.stage);
    if (mapped == stage_mapping.end()) {
      throw error::invalid("/stage_mapping", error::messages::must_map_stage, {{"stage", c.stage}});
    }
    if (!target->find_stage(mapped->second)) {
      throw error::invalid(pointer_append("/stage_mapping", c.stage), error::messages::not_stage_of_version,
                           {{"stage", mapped->second}, {"version", to_version}});
    }
    boost::json::object mapping;
    for (const auto& [from, to] : stage_mapping) mapping[from] = to;
    event e;
    e.kind = "workflow_migrated";
    e.from_stage = c.stage;
    e.to_stage = mapped->second;
    e.actor_id = admin.id;
    e.actor_role = "admin";
    e.remote_address = remote_address;
    e.data = boost::json::serialize(boost::json::object{
        {"from_version", c.workflow_version}, {"to_version", to_version}, {"stage_mapping", std::move(mapping)}});
    void_signatures(sql, c.id, "workflow migrated");
    append_event(sql, c, e);
    c.workflow_version = to_version;
    enter_stage(sql, c, *target, mapped->second);
    save_case(sql, c);
  });
}

int engine::run_due_deadlines(std::chrono::system_clock::time_point now) {
  const std::string now_text = format_iso(now);
  std::vector<long long> due;
  {
    storage::lease session(db_);
    soci::rowset<long long> rows = (session->prepare << "SELECT id FROM workflow_cases WHERE deadline_done = 0 "
                                                        "AND deadline_at IS NOT NULL AND deadline_at <= :t ORDER BY id",
                                    soci::use(now_text));
    for (long long id : rows) due.push_back(id);
  }
  int handled = 0;
  // Each case on its own: one whose workflow or plugin is missing is logged
  // and tried again next pass, and does not hold back the others.
  for (long long id : due) {
    try {
      if (handle_deadline(id, now_text)) ++handled;
    } catch (const std::exception& e) {
      log::error("deadline not handled; retried next pass", {{"case", id}, {"error", e.what()}});
    }
  }
  return handled;
}

bool engine::handle_deadline(std::int64_t case_id, const std::string& now_text) {
  return storage::in_transaction(db_, [&](soci::session& sql) {
    auto found = find_case(sql, case_id, true);
    // Another process may have handled it between the scan and the lock.
    if (!found || found->deadline_done || !found->deadline_at || *found->deadline_at > now_text) return false;
    case_state c = std::move(*found);
    auto def = definition_of(sql, c);
    const stage* s = def->find_stage(c.stage);
    const std::string escalate = s && s->deadline ? s->deadline->escalate_action : std::string{};
    const transition* t = escalate.empty() ? nullptr : def->find_transition(c.stage, escalate);
    event e;
    e.from_stage = c.stage;
    e.actor_role = "system";
    bool moved = false;
    if (t && !t->signature) {
      auto guards = evaluate_guards(sql, c, *t);
      if (std::ranges::all_of(guards, [](const guard_result& g) { return g.met; })) {
        e.kind = "escalation";
        e.action = t->action;
        e.to_stage = t->to;
        append_event(sql, c, e);
        enter_stage(sql, c, *def, t->to);
        moved = true;
      } else {
        e.data = boost::json::serialize(boost::json::object{{"escalation_blocked", guards_json(guards)}});
      }
    }
    if (!moved) {
      e.kind = "overdue";
      e.data = e.data.empty() ? boost::json::serialize(boost::json::object{{"deadline_at", *c.deadline_at}}) : e.data;
      append_event(sql, c, e);
      c.deadline_done = true;
    }
    save_case(sql, c);
    return true;
  });
}

std::vector<event> engine::history(soci::session& sql, std::int64_t case_id) {
  long long id = case_id;
  std::vector<event> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT seq, kind, action, from_stage, to_stage, revision, actor_id, on_behalf_of, actor_role, "
                      "comment, data, remote_address, created_at FROM workflow_events WHERE case_id = :id ORDER BY seq",
       soci::use(id));
  for (const auto& row : rows) {
    using namespace storage;
    event e;
    e.seq = int(column_int(row, 0));
    e.kind = column_text(row, 1);
    e.action = column_text(row, 2);
    e.from_stage = column_text(row, 3);
    e.to_stage = column_text(row, 4);
    e.revision = int(column_int(row, 5));
    e.actor_id = column_opt_int(row, 6);
    e.on_behalf_of = column_opt_int(row, 7);
    e.actor_role = column_text(row, 8);
    e.comment = column_text(row, 9);
    e.data = column_text(row, 10);
    e.remote_address = column_text(row, 11);
    e.created_at = column_text(row, 12);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<signature> engine::signatures(soci::session& sql, std::int64_t case_id) {
  long long id = case_id;
  std::vector<signature> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT user_id, on_behalf_of, role, revision, stage_seq, content_sha256, comment, signed_at, "
                      "voided_at FROM signatures WHERE case_id = :id ORDER BY id",
       soci::use(id));
  for (const auto& row : rows) {
    using namespace storage;
    out.push_back({column_int(row, 0), column_opt_int(row, 1), column_text(row, 2), int(column_int(row, 3)),
                   int(column_int(row, 4)), column_text(row, 5), column_text(row, 6), column_text(row, 7),
                   column_opt_text(row, 8)});
  }
  return out;
}

std::string engine::replay_stage(const std::vector<event>& events) {
  std::string stage;
  for (const auto& e : events) {
    if (e.kind == "created" || e.kind == "transition" || e.kind == "escalation" || e.kind == "workflow_migrated") {
      stage = e.to_stage;
    }
  }
  return stage;
}

}  // namespace planflow::workflow
