#include <planflow/error/catalog.hpp>
#include <planflow/util/json_util.hpp>
#include <planflow/workflow/definition.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace planflow::workflow {

namespace json = boost::json;

// Finding codes are messages of the catalog, so each has its Thai and
// English wording for the web editor and the API.
namespace msg = planflow::error::messages;
using msg_code = planflow::error::message_code;

namespace {

constexpr std::array k_stage_kinds{stage_kind::editing, stage_kind::review, stage_kind::approval, stage_kind::reporting,
                                   stage_kind::terminal};

// Generous bounds that still fit an int: a yearly plan has no use for a
// ten-year deadline or a thousand revision rounds, and a typo like 300000
// should be caught rather than stored.
constexpr std::int64_t k_max_deadline_days = 3650;
constexpr std::int64_t k_max_revision_rounds = 1000;
constexpr std::int64_t k_max_quorum = std::numeric_limits<int>::max();

constexpr std::string_view k_default_quorum_role = "committee_member";
constexpr std::string_view k_identifier_rule = "must match ^[a-z][a-z0-9_]{1,63}$";

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool is_identifier(std::string_view text) {
  if (text.size() < 2 || text.size() > 64) return false;
  if (text.front() < 'a' || text.front() > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

class definition_reader {
 public:
  parse_result read(const json::value& document);

 private:
  // `params` name what the finding is about; the stage or transition being
  // read (context_) is added unless the finding names its own.
  void error(std::string pointer, msg_code code, std::string message, json::object params = {}) {
    report_.errors.push_back(
        {std::move(pointer), std::string(code.id), std::move(message), with_context(std::move(params))});
  }
  void warn(std::string pointer, msg_code code, std::string message, json::object params = {}) {
    report_.warnings.push_back(
        {std::move(pointer), std::string(code.id), std::move(message), with_context(std::move(params))});
  }
  json::object with_context(json::object params) const {
    for (const auto& member : context_) {
      if (!params.contains(member.key())) params[member.key()] = member.value();
    }
    return params;
  }

  void reject_unknown(const json::object& object, std::string_view pointer,
                      std::initializer_list<std::string_view> known);
  const json::object* as_object(const json::value& value, const std::string& pointer);
  const json::array* as_array(const json::value& value, const std::string& pointer);
  std::optional<std::string> as_string(const json::value& value, const std::string& pointer);
  bool read_bool(const json::object& object, std::string_view pointer, std::string_view key);
  std::string read_identifier(const json::object& object, std::string_view pointer, std::string_view key);
  std::string read_required_string(const json::object& object, std::string_view pointer, std::string_view key);
  localized read_title(const json::object& object, std::string_view pointer);
  std::string read_title_text(const json::object& title, std::string_view pointer, std::string_view key);
  std::optional<std::vector<std::string>> read_roles(const json::value& value, const std::string& pointer);

  stage read_stage(const json::value& value, const std::string& pointer, bool& kind_known);
  std::optional<deadline> read_deadline(const json::value& value, const std::string& pointer);
  transition read_transition(const json::value& value, const std::string& pointer);
  guard read_guard(const json::value& value, const std::string& pointer);
  void read_quorum_k(const json::value& value, const std::string& pointer, guard& g);

  void check_stages();
  void check_transitions();
  void check_graph();
  void collect_warnings();

  definition def_;
  validation_report report_;
  json::object context_;          // the stage or transition being read, for params
  std::vector<bool> kind_known_;  // per stage: false when "kind" was missing or unknown
  // Whole-document checks are skipped when the arrays they look at are
  // missing, so one missing member does not bury the report in echoes of it.
  bool have_stages_ = false;
  bool have_transitions_ = false;
  bool any_terminal_ = false;  // some stage's kind is known to be terminal
};

void definition_reader::reject_unknown(const json::object& object, std::string_view pointer,
                                       std::initializer_list<std::string_view> known) {
  for (const auto& member : object) {
    if (std::find(known.begin(), known.end(), std::string_view(member.key())) == known.end()) {
      error(pointer_append(pointer, member.key()), msg::unknown_field, "is not a known field",
            {{"field", member.key()}});
    }
  }
}

const json::object* definition_reader::as_object(const json::value& value, const std::string& pointer) {
  const auto* object = value.if_object();
  if (!object) error(pointer, msg::invalid_type, "must be a JSON object", {{"expected", "object"}});
  return object;
}

const json::array* definition_reader::as_array(const json::value& value, const std::string& pointer) {
  const auto* array = value.if_array();
  if (!array) error(pointer, msg::invalid_type, "must be an array", {{"expected", "array"}});
  return array;
}

std::optional<std::string> definition_reader::as_string(const json::value& value, const std::string& pointer) {
  const auto* s = value.if_string();
  if (!s) {
    error(pointer, msg::invalid_type, "must be a string", {{"expected", "string"}});
    return std::nullopt;
  }
  return std::string(*s);
}

bool definition_reader::read_bool(const json::object& object, std::string_view pointer, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (!value) return false;
  if (!value->is_bool()) {
    error(pointer_append(pointer, key), msg::invalid_type, "must be true or false", {{"expected", "boolean"}});
    return false;
  }
  return value->get_bool();
}

// Returns the text even when it breaks the pattern, so references to it still
// resolve and the report does not grow "unknown stage" echoes of one typo.
std::string definition_reader::read_identifier(const json::object& object, std::string_view pointer,
                                               std::string_view key) {
  auto at = pointer_append(pointer, key);
  const auto* value = object.if_contains(key);
  if (!value) {
    error(at, msg::invalid_id, "is required", {{"field", key}});
    return {};
  }
  auto text = as_string(*value, at);
  if (!text) return {};
  if (!is_identifier(*text)) {
    error(at, msg::invalid_id, std::string(k_identifier_rule), {{"field", key}, {"value", *text}});
  }
  return *text;
}

std::string definition_reader::read_required_string(const json::object& object, std::string_view pointer,
                                                    std::string_view key) {
  auto at = pointer_append(pointer, key);
  const auto* value = object.if_contains(key);
  if (!value) {
    error(at, msg::missing_field, "is required", {{"field", key}});
    return {};
  }
  return as_string(*value, at).value_or("");
}

localized definition_reader::read_title(const json::object& object, std::string_view pointer) {
  localized title;
  auto at = pointer_append(pointer, "title");
  const auto* value = object.if_contains("title");
  if (!value) {
    error(at, msg::missing_title, "a title in Thai (th) and English (en) is required", {{"field", "title"}});
    return title;
  }
  const auto* members = as_object(*value, at);
  if (!members) return title;
  reject_unknown(*members, at, {"th", "en"});
  title.th = read_title_text(*members, at, "th");
  title.en = read_title_text(*members, at, "en");
  return title;
}

std::string definition_reader::read_title_text(const json::object& title, std::string_view pointer,
                                               std::string_view key) {
  auto at = pointer_append(pointer, key);
  const auto* value = title.if_contains(key);
  if (!value) {
    error(at, msg::missing_title, "is required", {{"field", "title"}, {"language", key}});
    return {};
  }
  auto text = as_string(*value, at);
  if (!text) return {};
  if (is_blank(*text)) error(at, msg::missing_title, "must not be blank", {{"field", "title"}, {"language", key}});
  return *text;
}

// Nothing when the value is not an array, so callers can tell "no roles" from
// "roles of the wrong type" (already reported).
std::optional<std::vector<std::string>> definition_reader::read_roles(const json::value& value,
                                                                      const std::string& pointer) {
  const auto* array = as_array(value, pointer);
  if (!array) return std::nullopt;
  std::vector<std::string> roles;
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto at = pointer_append(pointer, i);
    auto role = as_string((*array)[i], at);
    if (!role) continue;
    if (!contains(known_roles(), *role)) {
      error(at, msg::unknown_role, quoted(*role) + " is not a known role", {{"role", *role}});
    }
    roles.push_back(std::move(*role));
  }
  return roles;
}

stage definition_reader::read_stage(const json::value& value, const std::string& pointer, bool& kind_known) {
  stage s;
  kind_known = false;
  context_.clear();
  const auto* object = as_object(value, pointer);
  if (!object) return s;
  if (const auto* id = object->if_contains("id"); id && id->is_string()) context_["stage"] = id->get_string();
  reject_unknown(*object, pointer, {"id", "title", "kind", "editable_by", "deadline"});
  s.id = read_identifier(*object, pointer, "id");
  s.title = read_title(*object, pointer);

  auto kind_at = pointer_append(pointer, "kind");
  if (const auto* kind = object->if_contains("kind")) {
    if (auto name = as_string(*kind, kind_at)) {
      if (auto parsed = parse_stage_kind(*name)) {
        s.kind = *parsed;
        kind_known = true;
      } else {
        json::array allowed;
        for (auto k : k_stage_kinds) allowed.emplace_back(to_string(k));
        error(kind_at, msg::invalid_value, "must be one of editing, review, approval, reporting, terminal",
              {{"field", "kind"}, {"value", *name}, {"allowed", std::move(allowed)}});
      }
    }
  } else {
    error(kind_at, msg::missing_field, "is required", {{"field", "kind"}});
  }

  if (const auto* editors = object->if_contains("editable_by")) {
    s.editable_by = read_roles(*editors, pointer_append(pointer, "editable_by")).value_or(std::vector<std::string>{});
  }
  if (const auto* d = object->if_contains("deadline")) {
    s.deadline = read_deadline(*d, pointer_append(pointer, "deadline"));
  }
  context_.clear();
  return s;
}

std::optional<deadline> definition_reader::read_deadline(const json::value& value, const std::string& pointer) {
  const auto* object = as_object(value, pointer);
  if (!object) return std::nullopt;
  reject_unknown(*object, pointer, {"days", "escalation"});
  deadline d;

  auto days_at = pointer_append(pointer, "days");
  if (const auto* days = object->if_contains("days")) {
    if (auto n = integer_of(*days)) {
      if (*n < 1 || *n > k_max_deadline_days) {
        error(days_at, msg::invalid_deadline, "must be between 1 and " + std::to_string(k_max_deadline_days) + " days",
              {{"value", *n}, {"min", 1}, {"max", k_max_deadline_days}});
      } else {
        d.days = int(*n);
      }
    } else {
      error(days_at, msg::invalid_type, "must be an integer", {{"expected", "integer"}});
    }
  } else {
    error(days_at, msg::invalid_deadline, "is required", {{"min", 1}, {"max", k_max_deadline_days}});
  }

  auto escalation_at = pointer_append(pointer, "escalation");
  const auto* escalation_value = object->if_contains("escalation");
  if (!escalation_value) {
    error(pointer, msg::deadline_without_escalation, "a deadline needs an escalation: an action or a record");
    return d;
  }
  const auto* escalation = as_object(*escalation_value, escalation_at);
  if (!escalation) return d;
  reject_unknown(*escalation, escalation_at, {"action", "record"});
  const auto* action = escalation->if_contains("action");
  const auto* record = escalation->if_contains("record");
  if (action && record) {
    error(escalation_at, msg::invalid_value, "must name either an action or a record, not both",
          {{"field", "escalation"}, {"allowed", json::array{"action", "record"}}});
  } else if (!action && !record) {
    error(pointer, msg::deadline_without_escalation, "the escalation names neither an action nor a record");
  } else if (action) {
    auto action_at = pointer_append(escalation_at, "action");
    if (auto name = as_string(*action, action_at)) {
      // Checked against the stage's transitions once they are all read.
      if (name->empty()) {
        error(action_at, msg::unknown_escalation_action, "must name a transition out of this stage", {{"action", ""}});
      }
      d.escalate_action = std::move(*name);
    }
  } else {
    auto record_at = pointer_append(escalation_at, "record");
    if (auto what = as_string(*record, record_at); what && *what != "overdue") {
      error(record_at, msg::invalid_value, "the only record is \"overdue\"",
            {{"field", "record"}, {"value", *what}, {"allowed", json::array{"overdue"}}});
    }
  }
  return d;
}

transition definition_reader::read_transition(const json::value& value, const std::string& pointer) {
  transition t;
  context_.clear();
  const auto* object = as_object(value, pointer);
  if (!object) return t;
  for (std::string_view key : {"action", "from"}) {
    const auto* given = object->if_contains(key);
    if (given && given->is_string()) context_[key == "action" ? "transition" : "from"] = given->get_string();
  }
  reject_unknown(*object, pointer,
                 {"action", "title", "from", "to", "roles", "comment_required", "signature", "guards"});
  t.action = read_identifier(*object, pointer, "action");
  t.title = read_title(*object, pointer);
  t.from = read_required_string(*object, pointer, "from");
  t.to = read_required_string(*object, pointer, "to");
  // Later checks read an empty end as "already reported", so "" is judged here.
  for (std::string_view end : {"from", "to"}) {
    const auto* given = object->if_contains(end);
    if (given && given->is_string() && given->get_string().empty()) {
      error(pointer_append(pointer, end), msg::unknown_stage, "must name a stage", {{"stage", ""}, {"end", end}});
    }
  }

  auto roles_at = pointer_append(pointer, "roles");
  if (const auto* roles = object->if_contains("roles")) {
    if (auto list = read_roles(*roles, roles_at)) {
      if (list->empty()) error(roles_at, msg::no_roles, "nobody could take this transition");
      t.roles = std::move(*list);
    }
  } else {
    error(roles_at, msg::no_roles, "is required: nobody could take this transition", {{"field", "roles"}});
  }

  t.comment_required = read_bool(*object, pointer, "comment_required");
  t.signature = read_bool(*object, pointer, "signature");

  if (const auto* guards = object->if_contains("guards")) {
    auto guards_at = pointer_append(pointer, "guards");
    if (const auto* array = as_array(*guards, guards_at)) {
      // One entry per array element, even a broken one, so that later checks
      // can point at /guards/j by the same index.
      for (std::size_t j = 0; j < array->size(); ++j) {
        t.guards.push_back(read_guard((*array)[j], pointer_append(guards_at, j)));
      }
    }
  }
  context_.clear();
  return t;
}

guard definition_reader::read_guard(const json::value& value, const std::string& pointer) {
  guard g;
  const auto* object = as_object(value, pointer);
  if (!object) return g;
  auto type_at = pointer_append(pointer, "type");
  const auto* type = object->if_contains("type");
  if (!type) {
    error(type_at, msg::missing_field, "is required", {{"field", "type"}});
    return g;
  }
  auto name = as_string(*type, type_at);
  if (!name) return g;
  g.type = *name;
  if (!contains(known_guards(), g.type)) {
    // Its other members belong to a guard we do not know; judging them
    // would only add noise to the one real mistake.
    error(type_at, msg::unknown_guard, quoted(g.type) + " is not a known guard", {{"guard", g.type}});
    return g;
  }
  if (g.type != "quorum") {
    reject_unknown(*object, pointer, {"type"});
    return g;
  }

  reject_unknown(*object, pointer, {"type", "role", "k"});
  g.role = std::string(k_default_quorum_role);
  if (const auto* role = object->if_contains("role")) {
    auto role_at = pointer_append(pointer, "role");
    if (auto r = as_string(*role, role_at)) {
      if (!contains(known_roles(), *r)) {
        error(role_at, msg::unknown_role, quoted(*r) + " is not a known role", {{"role", *r}, {"guard", "quorum"}});
      }
      g.role = std::move(*r);
    }
  }
  if (const auto* k = object->if_contains("k")) {
    read_quorum_k(*k, pointer_append(pointer, "k"), g);
  } else {
    error(pointer_append(pointer, "k"), msg::missing_field, "is required: an integer >= 1, \"majority\" or \"all\"",
          {{"field", "k"}, {"guard", "quorum"}});
  }
  return g;
}

void definition_reader::read_quorum_k(const json::value& value, const std::string& pointer, guard& g) {
  if (const auto* text = value.if_string()) {
    if (*text == "majority")
      g.rule = quorum_rule::majority;
    else if (*text == "all")
      g.rule = quorum_rule::all;
    else
      error(pointer, msg::impossible_quorum, "must be an integer >= 1, \"majority\" or \"all\"", {{"value", *text}});
    return;
  }
  if (!value.is_number()) {
    error(pointer, msg::invalid_type, "must be an integer >= 1, \"majority\" or \"all\"",
          {{"expected", "integer, \"majority\" or \"all\""}});
    return;
  }
  auto n = integer_of(value);
  if (!n) {
    error(pointer, msg::impossible_quorum, "must be a whole number of signatures", {{"value", value}});
  } else if (*n < 1) {
    error(pointer, msg::impossible_quorum, "a quorum needs at least one signature", {{"value", *n}});
  } else if (*n > k_max_quorum) {
    error(pointer, msg::impossible_quorum, "is larger than any committee", {{"value", *n}});
  } else {
    g.rule = quorum_rule::count;
    g.k = int(*n);
  }
}

parse_result definition_reader::read(const json::value& document) {
  parse_result result;
  const auto* root = document.if_object();
  if (!root) {
    error("", msg::invalid_type, "a workflow definition must be a JSON object", {{"expected", "object"}});
    result.report = std::move(report_);
    return result;
  }
  reject_unknown(*root, "",
                 {"id", "title", "plan_types", "initial_stage", "max_revision_rounds", "stages", "transitions"});
  def_.id = read_identifier(*root, "", "id");
  def_.title = read_title(*root, "");

  if (const auto* plan_types = root->if_contains("plan_types")) {
    if (const auto* array = as_array(*plan_types, "/plan_types")) {
      for (std::size_t i = 0; i < array->size(); ++i) {
        auto at = pointer_append("/plan_types", i);
        auto id = as_string((*array)[i], at);
        if (!id) continue;
        if (!is_identifier(*id)) {
          error(at, msg::invalid_id, std::string(k_identifier_rule), {{"field", "plan_types"}, {"value", *id}});
        }
        def_.plan_types.push_back(std::move(*id));
      }
    }
  }

  if (const auto* initial = root->if_contains("initial_stage")) {
    def_.initial_stage = as_string(*initial, "/initial_stage").value_or("");
    if (initial->is_string() && def_.initial_stage.empty()) {
      error("/initial_stage", msg::unknown_initial_stage, "must name a stage", {{"stage", ""}});
    }
  } else {
    error("/initial_stage", msg::unknown_initial_stage, "is required");
  }

  if (const auto* rounds = root->if_contains("max_revision_rounds")) {
    if (auto n = integer_of(*rounds)) {
      if (*n < 1 || *n > k_max_revision_rounds) {
        error("/max_revision_rounds", msg::invalid_value,
              "must be between 1 and " + std::to_string(k_max_revision_rounds),
              {{"field", "max_revision_rounds"}, {"value", *n}, {"min", 1}, {"max", k_max_revision_rounds}});
      } else {
        def_.max_revision_rounds = int(*n);
      }
    } else {
      error("/max_revision_rounds", msg::invalid_type, "must be an integer", {{"expected", "integer"}});
    }
  }

  // Stages and transitions keep one entry per array element, broken ones
  // included, so that every check can name /stages/i and /transitions/i.
  if (const auto* stages = root->if_contains("stages")) {
    if (const auto* array = as_array(*stages, "/stages")) {
      have_stages_ = true;
      for (std::size_t i = 0; i < array->size(); ++i) {
        bool kind_known = false;
        def_.stages.push_back(read_stage((*array)[i], pointer_append("/stages", i), kind_known));
        kind_known_.push_back(kind_known);
      }
    }
  } else {
    error("/stages", msg::missing_field, "is required", {{"field", "stages"}});
  }

  if (const auto* transitions = root->if_contains("transitions")) {
    if (const auto* array = as_array(*transitions, "/transitions")) {
      have_transitions_ = true;
      for (std::size_t i = 0; i < array->size(); ++i) {
        def_.transitions.push_back(read_transition((*array)[i], pointer_append("/transitions", i)));
      }
    }
  } else {
    error("/transitions", msg::missing_field, "is required", {{"field", "transitions"}});
  }

  check_stages();
  check_transitions();
  check_graph();
  collect_warnings();

  result.report = std::move(report_);
  if (result.report.ok()) result.def = std::move(def_);
  return result;
}

json::object transition_params(const transition& t) {
  json::object params;
  if (!t.action.empty()) params["transition"] = t.action;
  if (!t.from.empty()) params["from"] = t.from;
  return params;
}

json::array id_list(const std::vector<std::string_view>& ids) {
  json::array out;
  for (auto id : ids) out.emplace_back(id);
  return out;
}

std::string quoted_list(const std::vector<std::string_view>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += quoted(ids[i]);
  }
  return out;
}

// The stages (one node per distinct id, in document order) joined by the
// transitions that name a stage at both ends. A broken transition is reported
// where it is broken and otherwise keeps what it says about the one stage it
// does name: with a known `from` it is a way out of that stage, to somewhere
// that may be the terminal stage it was meant for; with a known `to` it is a
// way in, from somewhere that may be reachable. So one typo costs at most the
// findings its own valid edges imply, and an unrelated orphan is still found.
class stage_graph {
 public:
  explicit stage_graph(const definition& def) {
    for (std::size_t i = 0; i < def.stages.size(); ++i) {
      const auto& id = def.stages[i].id;
      if (id.empty() || index_.contains(id)) continue;
      index_.emplace(id, nodes_.size());
      nodes_.push_back({id, i});
    }
    for (const auto& t : def.transitions) {
      auto from = node_of(t.from);
      auto to = node_of(t.to);
      if (from && to) {
        nodes_[*from].next.push_back(*to);
        nodes_[*to].previous.push_back(*from);
      } else if (from) {
        nodes_[*from].exit_to_unknown = true;
      } else if (to) {
        nodes_[*to].entry_from_unknown = true;
      }
    }
  }

  struct node {
    std::string_view id;
    std::size_t stage_index;  // the first /stages/i with this id
    std::vector<std::size_t> next = {};
    std::vector<std::size_t> previous = {};
    bool exit_to_unknown = false;
    bool entry_from_unknown = false;
  };

  std::size_t size() const { return nodes_.size(); }
  const node& at(std::size_t n) const { return nodes_[n]; }
  std::optional<std::size_t> node_of(std::string_view id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  /// The nodes reachable from `start` along `next` (or `previous`), the
  /// starting ones included.
  std::vector<bool> closure(std::vector<bool> start, bool forward) const {
    std::deque<std::size_t> queue;
    for (std::size_t n = 0; n < start.size(); ++n) {
      if (start[n]) queue.push_back(n);
    }
    while (!queue.empty()) {
      auto n = queue.front();
      queue.pop_front();
      for (auto m : forward ? nodes_[n].next : nodes_[n].previous) {
        if (!start[m]) {
          start[m] = true;
          queue.push_back(m);
        }
      }
    }
    return start;
  }

  /// Within the nodes marked in `inside`: what `n` reaches (forward) or is
  /// reached from (backward), `n` included.
  std::vector<bool> closure_within(std::size_t n, const std::vector<bool>& inside, bool forward) const {
    std::vector<bool> seen(nodes_.size(), false);
    std::deque<std::size_t> queue{n};
    seen[n] = true;
    while (!queue.empty()) {
      auto current = queue.front();
      queue.pop_front();
      for (auto m : forward ? nodes_[current].next : nodes_[current].previous) {
        if (inside[m] && !seen[m]) {
          seen[m] = true;
          queue.push_back(m);
        }
      }
    }
    return seen;
  }

  /// The problems among the nodes marked in `inside`, one per independent
  /// cause: each strongly connected group that nothing else in `inside`
  /// leads into (forward) or out of (backward). Returns its first node and
  /// the other nodes of `inside` that share its fate: those it leads to
  /// (forward) or that lead to it (backward), in document order.
  std::vector<std::pair<std::size_t, std::vector<std::string_view>>> causes(const std::vector<bool>& inside,
                                                                            bool forward) const {
    std::vector<std::pair<std::size_t, std::vector<std::string_view>>> out;
    std::vector<bool> done(nodes_.size(), false);
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (!inside[n] || done[n]) continue;
      // n heads its group when everything in `inside` that leads into it
      // (forward; out of it, backward) is also led into by it: one cycle.
      auto ahead = closure_within(n, inside, forward);
      auto behind = closure_within(n, inside, !forward);
      bool heads = true;
      for (std::size_t m = 0; m < nodes_.size() && heads; ++m) heads = !behind[m] || ahead[m];
      if (!heads) continue;
      std::vector<std::string_view> sharing;
      for (std::size_t m = 0; m < nodes_.size(); ++m) {
        if (ahead[m] && behind[m]) done[m] = true;
        if (ahead[m] && m != n) sharing.push_back(nodes_[m].id);
      }
      out.emplace_back(n, std::move(sharing));
    }
    return out;
  }

 private:
  std::vector<node> nodes_;
  std::map<std::string_view, std::size_t, std::less<>> index_;
};

void definition_reader::check_stages() {
  std::set<std::string_view> seen;
  bool any_terminal = false;
  bool all_kinds_known = true;
  for (std::size_t i = 0; i < def_.stages.size(); ++i) {
    const auto& s = def_.stages[i];
    auto at = pointer_append("/stages", i);
    all_kinds_known = all_kinds_known && kind_known_[i];
    if (kind_known_[i] && s.kind == stage_kind::terminal) any_terminal = true;
    if (s.id.empty()) continue;
    if (!seen.insert(s.id).second) {
      error(pointer_append(at, "id"), msg::duplicate_stage, quoted(s.id) + " is already a stage", {{"stage", s.id}});
    }

    if (!have_transitions_) continue;
    // A transition to an unknown stage still leaves this one: its target is
    // the mistake, reported there.
    auto exits = def_.transitions_from(s.id);
    if (kind_known_[i] && s.kind != stage_kind::terminal && exits.empty()) {
      error(at, msg::dead_end, "no transition leaves " + quoted(s.id) + ", and it is not a terminal stage",
            {{"stage", s.id}});
    }
    const auto* escalation = s.deadline ? &s.deadline->escalate_action : nullptr;
    if (escalation && !escalation->empty() && !def_.find_transition(s.id, *escalation)) {
      error(at + "/deadline/escalation/action", msg::unknown_escalation_action,
            quoted(s.deadline->escalate_action) + " is not a transition out of " + quoted(s.id),
            {{"stage", s.id}, {"action", *escalation}});
    }
  }
  // A stage of unknown kind may be the terminal one its author meant.
  if (have_stages_ && all_kinds_known && !any_terminal) {
    error("/stages", msg::no_terminal_stage, "no stage is terminal, so no plan could ever finish");
  }
  any_terminal_ = any_terminal;
  if (have_stages_ && !def_.initial_stage.empty() && !def_.find_stage(def_.initial_stage)) {
    error("/initial_stage", msg::unknown_initial_stage, quoted(def_.initial_stage) + " is not a stage",
          {{"stage", def_.initial_stage}});
  }
}

void definition_reader::check_transitions() {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (std::size_t i = 0; i < def_.transitions.size(); ++i) {
    const auto& t = def_.transitions[i];
    auto at = pointer_append("/transitions", i);
    auto params = [&t](json::object more) {
      auto out = transition_params(t);
      for (const auto& m : more) out[m.key()] = m.value();
      return out;
    };
    const stage* from = t.from.empty() ? nullptr : def_.find_stage(t.from);
    if (have_stages_ && !t.from.empty() && !from) {
      error(pointer_append(at, "from"), msg::unknown_stage, quoted(t.from) + " is not a stage",
            params({{"stage", t.from}, {"end", "from"}}));
    }
    if (have_stages_ && !t.to.empty() && !def_.find_stage(t.to)) {
      error(pointer_append(at, "to"), msg::unknown_stage, quoted(t.to) + " is not a stage",
            params({{"stage", t.to}, {"end", "to"}}));
    }
    if (!t.from.empty() && !t.action.empty() && !seen.emplace(t.from, t.action).second) {
      error(pointer_append(at, "action"), msg::duplicate_action,
            quoted(t.from) + " already has a transition " + quoted(t.action), params({{"stage", t.from}}));
    }
    if (from && from->kind == stage_kind::terminal) {
      error(pointer_append(at, "from"), msg::terminal_with_exit,
            quoted(t.from) + " is terminal: a finished plan cannot move on", params({{"stage", t.from}}));
    }
    bool has_quorum = std::any_of(t.guards.begin(), t.guards.end(), [](const guard& g) { return g.type == "quorum"; });
    if (t.signature && !has_quorum) {
      error(pointer_append(at, "signature"), msg::signature_without_quorum,
            "a signature transition needs a quorum guard to say when enough have signed", params({}));
    }
  }
}

void definition_reader::check_graph() {
  if (!have_stages_ || !have_transitions_) return;
  const stage_graph graph(def_);
  const auto n_nodes = graph.size();

  // Unreachable: not reached from the initial stage (nor from a transition
  // whose unknown `from` may be a reachable stage).
  if (auto initial = graph.node_of(def_.initial_stage)) {
    std::vector<bool> start(n_nodes, false);
    start[*initial] = true;
    for (std::size_t n = 0; n < n_nodes; ++n) start[n] = start[n] || graph.at(n).entry_from_unknown;
    auto reached = graph.closure(std::move(start), true);
    std::vector<bool> unreached(n_nodes);
    for (std::size_t n = 0; n < n_nodes; ++n) unreached[n] = !reached[n];
    for (auto& [n, behind] : graph.causes(unreached, true)) {
      const auto& node = graph.at(n);
      std::string message = quoted(node.id) + " cannot be reached from " + quoted(def_.initial_stage);
      if (!behind.empty()) message += ", nor can " + quoted_list(behind) + " through it";
      error(pointer_append("/stages", node.stage_index), msg::unreachable_stage, std::move(message),
            {{"stage", node.id}, {"initial_stage", def_.initial_stage}, {"also_unreachable", id_list(behind)}});
    }
  }

  // Stuck: no path to a terminal stage. Without any terminal stage that is
  // every stage, and no_terminal_stage already says so.
  if (!any_terminal_) return;
  std::vector<bool> may_finish(n_nodes, false);
  for (std::size_t i = 0; i < def_.stages.size(); ++i) {
    auto n = graph.node_of(def_.stages[i].id);
    if (!n || graph.at(*n).stage_index != i) continue;
    // A stage of unknown kind may be meant as terminal; an exit to an unknown
    // stage may be meant to reach one.
    may_finish[*n] = !kind_known_[i] || def_.stages[i].kind == stage_kind::terminal || graph.at(*n).exit_to_unknown;
  }
  may_finish = graph.closure(std::move(may_finish), false);
  std::vector<bool> stuck(n_nodes);
  for (std::size_t n = 0; n < n_nodes; ++n) stuck[n] = !may_finish[n];
  for (auto& [n, before] : graph.causes(stuck, false)) {
    const auto& node = graph.at(n);
    if (node.next.empty()) continue;  // a dead end, reported as one
    std::string message = "no path from " + quoted(node.id) + " leads to a terminal stage";
    if (!before.empty()) message += ", nor from " + quoted_list(before) + " through it";
    error(pointer_append("/stages", node.stage_index), msg::no_path_to_terminal, std::move(message),
          {{"stage", node.id}, {"also_stuck", id_list(before)}});
  }
}

void definition_reader::collect_warnings() {
  for (std::size_t i = 0; i < def_.stages.size(); ++i) {
    const auto& s = def_.stages[i];
    if (!kind_known_[i] || s.id.empty()) continue;
    auto at = pointer_append("/stages", i);
    if (s.kind == stage_kind::editing && s.editable_by.empty()) {
      warn(at, msg::nobody_edits, quoted(s.id) + " is an editing stage but no role may edit there", {{"stage", s.id}});
    }
    if (s.kind == stage_kind::approval && have_transitions_) {
      auto exits = def_.transitions_from(s.id);
      if (std::none_of(exits.begin(), exits.end(), [](const transition* t) { return t->signature; })) {
        warn(at, msg::approval_without_signature,
             quoted(s.id) + " is an approval stage but nothing out of it is signed", {{"stage", s.id}});
      }
    }
  }

  for (std::size_t i = 0; i < def_.transitions.size(); ++i) {
    const auto& t = def_.transitions[i];
    auto at = pointer_append("/transitions", i);
    for (std::size_t j = 0; j < t.guards.size(); ++j) {
      const auto& g = t.guards[j];
      if (g.type != "quorum") continue;
      auto guard_at = pointer_append(pointer_append(at, "guards"), j);
      auto params = transition_params(t);
      params["role"] = g.role;
      if (!g.role.empty() && !contains(t.roles, g.role)) {
        warn(guard_at, msg::quorum_role_cannot_act,
             "the quorum counts " + g.role + " signatures, but " + g.role + " may not take " + quoted(t.action),
             params);
      }
      if (g.rule == quorum_rule::all) {
        warn(pointer_append(guard_at, "k"), msg::quorum_all_blocks_on_absence,
             "with \"all\", one absent " + g.role + " blocks the approval", params);
      }
    }
    const stage* from = t.from.empty() ? nullptr : def_.find_stage(t.from);
    const stage* to = t.to.empty() ? nullptr : def_.find_stage(t.to);
    if (from && to && (from->kind == stage_kind::review || from->kind == stage_kind::approval) &&
        to->kind == stage_kind::editing && !t.comment_required) {
      auto params = transition_params(t);
      params["to"] = t.to;
      warn(at, msg::return_without_comment, quoted(t.action) + " sends the plan back for changes without saying why",
           std::move(params));
    }
    if (!t.from.empty() && t.from == t.to && !t.signature) {
      warn(at, msg::self_loop,
           quoted(t.action) + " leads from " + quoted(t.from) + " back to itself and records nothing",
           transition_params(t));
    }
  }
}

json::object title_json(const localized& title) { return json::object{{"th", title.th}, {"en", title.en}}; }

json::array string_array(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

json::object guard_json(const guard& g) {
  json::object out{{"type", g.type}};
  if (g.type != "quorum") return out;
  if (!g.role.empty()) out["role"] = g.role;
  switch (g.rule) {
    case quorum_rule::count:
      out["k"] = g.k;
      break;
    case quorum_rule::majority:
      out["k"] = "majority";
      break;
    case quorum_rule::all:
      out["k"] = "all";
      break;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& known_roles() {
  static const std::vector<std::string> roles{
      "admin",           "agency_officer",      "agency_head", "committee_member",
      "committee_chair", "committee_secretary", "observer"};
  return roles;
}

const std::vector<std::string>& known_guards() {
  static const std::vector<std::string> guards{"valid_content", "quorum", "all_progress_confirmed"};
  return guards;
}

std::string_view to_string(stage_kind kind) {
  switch (kind) {
    case stage_kind::editing:
      return "editing";
    case stage_kind::review:
      return "review";
    case stage_kind::approval:
      return "approval";
    case stage_kind::reporting:
      return "reporting";
    case stage_kind::terminal:
      return "terminal";
  }
  return "unknown";
}

std::optional<stage_kind> parse_stage_kind(std::string_view name) {
  for (auto kind : k_stage_kinds) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

const stage* definition::find_stage(std::string_view id) const {
  auto it = std::find_if(stages.begin(), stages.end(), [&](const stage& s) { return s.id == id; });
  return it == stages.end() ? nullptr : &*it;
}

const transition* definition::find_transition(std::string_view from, std::string_view action) const {
  auto it = std::find_if(transitions.begin(), transitions.end(),
                         [&](const transition& t) { return t.from == from && t.action == action; });
  return it == transitions.end() ? nullptr : &*it;
}

std::vector<const transition*> definition::transitions_from(std::string_view stage_id) const {
  std::vector<const transition*> out;
  for (const auto& t : transitions) {
    if (t.from == stage_id) out.push_back(&t);
  }
  return out;
}

parse_result parse_definition(const json::value& document) { return definition_reader().read(document); }

json::array findings_json(const std::vector<finding>& findings) {
  json::array out;
  for (const auto& f : findings) {
    out.push_back({{"pointer", f.pointer}, {"code", f.code}, {"params", f.params}, {"detail", f.message}});
  }
  return out;
}

// Every member is written, defaults included, so a stored definition reads
// the same to a person as to the engine; only the optional max_revision_rounds
// and deadline are left out when unset.
json::object to_json(const definition& def) {
  json::object out;
  out["id"] = def.id;
  out["title"] = title_json(def.title);
  out["plan_types"] = string_array(def.plan_types);
  out["initial_stage"] = def.initial_stage;
  if (def.max_revision_rounds) out["max_revision_rounds"] = *def.max_revision_rounds;

  json::array stages;
  for (const auto& s : def.stages) {
    json::object stage{{"id", s.id}, {"title", title_json(s.title)}, {"kind", to_string(s.kind)}};
    stage["editable_by"] = string_array(s.editable_by);
    if (s.deadline) {
      json::object escalation;
      if (s.deadline->escalate_action.empty())
        escalation["record"] = "overdue";
      else
        escalation["action"] = s.deadline->escalate_action;
      stage["deadline"] = json::object{{"days", s.deadline->days}, {"escalation", std::move(escalation)}};
    }
    stages.emplace_back(std::move(stage));
  }
  out["stages"] = std::move(stages);

  json::array transitions;
  for (const auto& t : def.transitions) {
    json::object transition{{"action", t.action}, {"title", title_json(t.title)}, {"from", t.from}, {"to", t.to}};
    transition["roles"] = string_array(t.roles);
    transition["comment_required"] = t.comment_required;
    transition["signature"] = t.signature;
    json::array guards;
    for (const auto& g : t.guards) guards.emplace_back(guard_json(g));
    transition["guards"] = std::move(guards);
    transitions.emplace_back(std::move(transition));
  }
  out["transitions"] = std::move(transitions);
  return out;
}

}  // namespace planflow::workflow
