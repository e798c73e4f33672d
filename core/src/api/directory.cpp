#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/policy.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/auth/sessions.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/delegations.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/time.hpp>
#include <planflow/workflow/definition.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <regex>
#include <tuple>

namespace planflow::api {
namespace {

boost::json::object agency_json(const directory::agency& a) {
  return {{"id", a.id}, {"province", a.province_code}, {"name_th", a.name_th}, {"name_en", a.name_en}};
}

void audit_change(soci::session& sql, app::context& ctx, const directory::user& actor, const http::request& req,
                  const std::string& action, const std::string& entity, const std::string& id,
                  boost::json::object details) {
  audit::append(sql, ctx.db.backend(), {actor.id, std::nullopt, req.remote_address, action, entity, id, std::move(details)});
}

boost::json::object break_json(const audit::break_point& b) {
  boost::json::object out{{"part", b.part}, {"reason", b.reason}};
  if (b.part == "chain") {
    out["entity"] = b.entity;
    out["entity_id"] = b.entity_id;
  }
  if (b.chain_seq) out[b.part == "legacy" ? "seq" : "chain_seq"] = *b.chain_seq;
  if (b.entry_id) out["entry"] = *b.entry_id;
  if (b.checkpoint_id) out["checkpoint"] = *b.checkpoint_id;
  return out;
}

// intact, entries, first_broken and reason keep the meaning they had with
// the single chain; the rest says where in the chains or checkpoints.
boost::json::object verification_json(const audit::verification& v) {
  boost::json::object out{{"intact", v.intact},
                          {"entries", v.entries},
                          {"legacy_entries", v.legacy_entries},
                          {"chains", v.chains},
                          {"checkpoints", v.checkpoints}};
  if (v.latest_checkpoint) {
    out["latest_checkpoint"] = {{"id", v.latest_checkpoint->id},
                                {"at", v.latest_checkpoint->at},
                                {"digest", v.latest_checkpoint->digest}};
  }
  if (!v.breaks.empty()) {
    if (auto first = v.first_broken()) out["first_broken"] = *first;
    out["reason"] = audit::describe(v.breaks.front());
    out["broken"] = break_json(v.breaks.front());
    boost::json::array all;
    for (const auto& b : v.breaks) all.push_back(break_json(b));
    out["breaks"] = std::move(all);
  }
  return out;
}

bool is_known_role(const std::string& role) {
  const auto& known = workflow::known_roles();
  return std::ranges::find(known, role) != known.end();
}

// Reads {"role", "province"?, "plan_type"?} entries, checking each against
// the directory, with errors at their pointers.
std::vector<directory::role_grant> read_roles(soci::session& sql, app::context& ctx, const boost::json::value& value,
                                              std::vector<http::field_error>& errors) {
  std::vector<directory::role_grant> out;
  if (!value.is_array()) {
    errors.push_back({"/roles", "must be an array of {role, province?, plan_type?}"});
    return out;
  }
  for (std::size_t i = 0; i < value.as_array().size(); ++i) {
    const std::string at = "/roles/" + std::to_string(i);
    http::object_reader in(value.as_array()[i], errors, at);
    directory::role_grant g;
    g.role = in.required_string("role", 32);
    g.province_code = in.optional_string("province", 8).value_or("");
    g.plan_type = in.optional_string("plan_type", 64).value_or("");
    in.reject_unknown();
    if (!g.role.empty() && !is_known_role(g.role)) errors.push_back({at + "/role", "is not a known role"});
    if (!g.province_code.empty() && !directory::find_province(sql, g.province_code)) {
      errors.push_back({at + "/province", "is not a province code"});
    }
    if (!g.plan_type.empty() && !ctx.plan_types.find(g.plan_type)) {
      errors.push_back({at + "/plan_type", "is not a loaded plan type"});
    }
    if (is_committee_role(g.role) && g.province_code.empty()) {
      errors.push_back({at + "/province", "is required for committee roles"});
    }
    if (std::ranges::find(out, g) != out.end()) errors.push_back({at, "repeats an earlier role"});
    out.push_back(std::move(g));
  }
  return out;
}

bool same_grants(std::vector<directory::role_grant> a, std::vector<directory::role_grant> b) {
  auto order = [](const directory::role_grant& x, const directory::role_grant& y) {
    return std::tie(x.role, x.province_code, x.plan_type) < std::tie(y.role, y.province_code, y.plan_type);
  };
  std::ranges::sort(a, order);
  std::ranges::sort(b, order);
  return a == b;
}

const std::regex k_username(R"([a-z0-9][a-z0-9._-]{1,63})");

}  // namespace

void add_directory_routes(http::router& r, app::context& ctx) {
  // Provinces are reference data (the 77 are seeded); administrators may add,
  // correct and remove one that nothing refers to.
  r.add(http::method::post, "/api/v1/provinces", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    directory::province p;
    p.code = in.required_string("code", 8);
    p.name_th = in.required_string("name_th", 100);
    p.name_en = in.required_string("name_en", 100);
    p.region = in.required_string("region", 20);
    in.reject_unknown();
    if (!p.code.empty() && !std::regex_match(p.code, std::regex(R"(TH-[0-9A-Z]{2})"))) {
      errors.push_back({"/code", "must be an ISO 3166-2:TH code such as TH-96"});
    }
    http::throw_if_invalid(std::move(errors));
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      if (directory::find_province(sql, p.code)) {
        throw http::problem_error(409, "duplicate", "Already exists", "A province has this code.")
            .with_errors({{"/code", "is already used"}});
      }
      sql << "INSERT INTO provinces (code, name_th, name_en, region) VALUES (:c, :th, :en, :r)", soci::use(p.code),
          soci::use(p.name_th), soci::use(p.name_en), soci::use(p.region);
      audit_change(sql, ctx, user, req, "province.create", "province", p.code, {{"name_th", p.name_th}, {"name_en", p.name_en}});
    });
    auto res = http::response::json(201, boost::json::serialize(boost::json::object{
        {"code", p.code}, {"name_th", p.name_th}, {"name_en", p.name_en}, {"region", p.region}}));
    res.set_header("Location", "/api/v1/provinces/" + p.code);
    return res;
  });

  r.add(http::method::delete_, "/api/v1/provinces/{code}", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    const auto code = req.path_param("code");
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      if (!directory::find_province(sql, code)) throw http::not_found("No province has the code " + code + ".");
      int used = 0;
      sql << "SELECT (SELECT COUNT(*) FROM agencies WHERE province_code = :a) + "
             "(SELECT COUNT(*) FROM plans WHERE province_code = :b) + "
             "(SELECT COUNT(*) FROM user_roles WHERE province_code = :c)",
          soci::use(code), soci::use(code), soci::use(code), soci::into(used);
      if (used > 0) throw http::conflict("Agencies, plans or roles refer to this province; it cannot be removed.");
      sql << "DELETE FROM provinces WHERE code = :c", soci::use(code);
      audit_change(sql, ctx, user, req, "province.delete", "province", code, {});
    });
    return http::response::no_content();
  });

  // Administrators may correct a province's names.
  r.add(http::method::put, "/api/v1/provinces/{code}", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    auto name_th = in.required_string("name_th", 100);
    auto name_en = in.required_string("name_en", 100);
    auto region = in.required_string("region", 20);
    in.reject_unknown();
    http::throw_if_invalid(std::move(errors));
    const auto code = req.path_param("code");
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      if (!directory::find_province(sql, code)) throw http::not_found("No province has the code " + code + ".");
      sql << "UPDATE provinces SET name_th = :th, name_en = :en, region = :r WHERE code = :c", soci::use(name_th),
          soci::use(name_en), soci::use(region), soci::use(code);
      audit_change(sql, ctx, user, req, "province.update", "province", code, {{"name_th", name_th}, {"name_en", name_en}});
    });
    return http::response::json(200, boost::json::serialize(boost::json::object{
        {"code", code}, {"name_th", name_th}, {"name_en", name_en}, {"region", region}}));
  });

  r.add(http::method::get, "/api/v1/agencies", [&ctx](http::request& req) {
    require_user(ctx, req);
    storage::lease session(ctx.db);
    boost::json::array items;
    for (const auto& a : directory::list_agencies(*session, std::string(req.query_param("province").value_or("")))) {
      items.push_back(agency_json(a));
    }
    return http::response::json(200, boost::json::serialize(boost::json::object{{"items", std::move(items)}}));
  });

  r.add(http::method::get, "/api/v1/agencies/{id}", [&ctx](http::request& req) {
    require_user(ctx, req);
    storage::lease session(ctx.db);
    auto a = directory::find_agency(*session, id_param(req));
    if (!a) throw http::not_found("No agency has this id.");
    return http::response::json(200, boost::json::serialize(agency_json(*a)));
  });

  auto write_agency = [&ctx](http::request& req, std::optional<std::int64_t> id) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    directory::agency a;
    a.province_code = in.required_string("province", 8);
    a.name_th = in.required_string("name_th", 300);
    a.name_en = in.optional_string("name_en", 300).value_or("");
    in.reject_unknown();
    http::throw_if_invalid(std::move(errors));
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      if (!directory::find_province(sql, a.province_code)) {
        throw http::validation_failed({{"/province", "is not a province code"}});
      }
      for (const auto& other : directory::list_agencies(sql, a.province_code)) {
        if (other.name_th == a.name_th && (!id || other.id != *id)) {
          throw http::problem_error(409, "duplicate", "Already exists", "The province already has an agency of that name.")
              .with_errors({{"/name_th", "is already used in this province"}});
        }
      }
      if (id) {
        a.id = *id;
        if (!directory::update_agency(sql, a)) throw http::not_found("No agency has this id.");
      } else {
        a.id = directory::create_agency(sql, a);
      }
      audit_change(sql, ctx, user, req, id ? "agency.update" : "agency.create", "agency", std::to_string(a.id),
                   agency_json(a));
    });
    auto res = http::response::json(id ? 200 : 201, boost::json::serialize(agency_json(a)));
    if (!id) res.set_header("Location", "/api/v1/agencies/" + std::to_string(a.id));
    return res;
  };
  r.add(http::method::post, "/api/v1/agencies", [write_agency](http::request& req) { return write_agency(req, std::nullopt); });
  r.add(http::method::put, "/api/v1/agencies/{id}", [write_agency](http::request& req) { return write_agency(req, id_param(req)); });

  r.add(http::method::get, "/api/v1/users", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    storage::lease session(ctx.db);
    boost::json::array items;
    for (const auto& u : directory::list_users(*session)) items.push_back(user_json(u));
    return http::response::json(200, boost::json::serialize(boost::json::object{{"items", std::move(items)}}));
  });

  r.add(http::method::get, "/api/v1/users/{id}", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    const auto id = id_param(req);
    if (id != user.id) require_role(user, "admin");
    storage::lease session(ctx.db);
    auto u = directory::find_user(*session, id);
    if (!u) throw http::not_found("No user has this id.");
    return http::response::json(200, boost::json::serialize(user_json(*u)));
  });

  auto write_user = [&ctx](http::request& req, std::optional<std::int64_t> id) {
    auto admin = require_user(ctx, req);
    require_role(admin, "admin");
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    directory::new_user input;
    if (!id) {
      input.username = in.required_string("username", 64);
      if (!input.username.empty() && !std::regex_match(input.username, k_username)) {
        errors.push_back({"/username", "use 2-64 lower-case letters, digits, '.', '_' or '-'"});
      }
    }
    auto display = id ? in.optional_string("display_name", 200) : std::optional(in.required_string("display_name", 200));
    auto agency = in.optional_int("agency", 1, std::numeric_limits<std::int64_t>::max());
    auto password = in.optional_string("password", 1024);
    auto active = id ? in.optional_bool("active") : std::nullopt;
    const auto* roles_json = in.optional_value("roles");
    in.reject_unknown();
    if (!id && !password) errors.push_back({"/password", "is required"});
    if (password) check_new_password(*password, "/password", errors);
    http::throw_if_invalid(std::move(errors));

    std::optional<std::string> hash;
    if (password) hash = auth::hash_password(*password);  // slow on purpose: outside the transaction
    std::int64_t user_id = 0;
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      std::vector<http::field_error> found;
      std::vector<directory::role_grant> roles;
      if (roles_json) roles = read_roles(sql, ctx, *roles_json, found);
      if (agency && !directory::find_agency(sql, *agency)) found.push_back({"/agency", "no agency has this id"});
      std::optional<directory::user> existing;
      if (id) {
        existing = directory::find_user(sql, *id);
        if (!existing) throw http::not_found("No user has this id.");
      }
      const bool has_agency = agency || (existing && existing->agency_id);
      for (std::size_t i = 0; i < roles.size(); ++i) {
        if ((roles[i].role == "agency_officer" || roles[i].role == "agency_head") && !has_agency) {
          found.push_back({"/roles/" + std::to_string(i) + "/role", "needs the user to belong to an agency"});
        }
      }
      if (!id && directory::find_user_by_username(sql, input.username)) {
        throw http::problem_error(409, "duplicate", "Already exists", "That username is taken.")
            .with_errors({{"/username", "is already taken"}});
      }
      http::throw_if_invalid(std::move(found));
      if (!id) {
        input.display_name = *display;
        input.agency_id = agency;
        input.password_hash = hash;
        input.roles = roles;
        user_id = directory::create_user(sql, input);
      } else {
        user_id = *id;
        long long key = user_id;
        const std::string now = storage::now_iso();
        std::string name = display.value_or(existing->display_name);
        long long agency_value = agency.value_or(existing->agency_id.value_or(0));
        soci::indicator agency_ind = (agency || existing->agency_id) ? soci::i_ok : soci::i_null;
        int active_value = active.value_or(existing->active) ? 1 : 0;
        sql << "UPDATE users SET display_name = :d, agency_id = :a, active = :ac, updated_at = :t WHERE id = :id",
            soci::use(name), soci::use(agency_value, agency_ind), soci::use(active_value), soci::use(now),
            soci::use(key);
        if (roles_json) directory::replace_roles(sql, user_id, roles);
        if (hash) directory::set_password_hash(sql, user_id, *hash);
        // A reset password, a deactivation or new rights end the user's
        // sessions at once: nobody keeps acting on what was true before.
        if (hash || !active_value || (roles_json && !same_grants(existing->roles, roles)) ||
            (agency && agency != existing->agency_id)) {
          auth::revoke_tokens_of(sql, user_id);
        }
      }
      auto saved = directory::find_user(sql, user_id);
      auto details = user_json(*saved);
      details["password_changed"] = hash.has_value();
      audit_change(sql, ctx, admin, req, id ? "user.update" : "user.create", "user", std::to_string(user_id), details);
    });
    storage::lease session(ctx.db);
    auto res = http::response::json(id ? 200 : 201, boost::json::serialize(user_json(*directory::find_user(*session, user_id))));
    if (!id) res.set_header("Location", "/api/v1/users/" + std::to_string(user_id));
    return res;
  };
  r.add(http::method::post, "/api/v1/users", [write_user](http::request& req) { return write_user(req, std::nullopt); });
  r.add(http::method::put, "/api/v1/users/{id}", [write_user](http::request& req) { return write_user(req, id_param(req)); });

  // The committee of a province for a plan type: who holds committee roles there.
  r.add(http::method::get, "/api/v1/committees", [&ctx](http::request& req) {
    require_user(ctx, req);
    auto province = std::string(req.query_param("province").value_or(""));
    auto plan_type = std::string(req.query_param("plan_type").value_or(""));
    if (province.empty()) {
      throw http::problem_error(400, "invalid-parameter", "Invalid parameter", "province is required.")
          .with_errors({{"query:province", "is required"}});
    }
    storage::lease session(ctx.db);
    boost::json::array members;
    for (const char* role : {"committee_chair", "committee_secretary", "committee_member"}) {
      for (auto id : directory::role_holders(*session, role, province, plan_type)) {
        auto u = directory::find_user(*session, id);
        members.push_back({{"user_id", id}, {"display_name", u->display_name}, {"role", role}});
      }
    }
    boost::json::object out{{"province", province}, {"plan_type", plan_type}, {"members", std::move(members)}};
    return http::response::json(200, boost::json::serialize(out));
  });

  r.add(http::method::get, "/api/v1/delegations", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    storage::lease session(ctx.db);
    boost::json::array items;
    for (const auto& d : directory::delegations_of(*session, user.id)) {
      items.push_back({{"id", d.id},
                       {"from_user", d.from_user_id},
                       {"to_user", d.to_user_id},
                       {"role", d.role},
                       {"valid_from", d.valid_from},
                       {"valid_to", d.valid_to},
                       {"revoked_at", d.revoked_at ? boost::json::value(*d.revoked_at) : nullptr}});
    }
    return http::response::json(200, boost::json::serialize(boost::json::object{{"items", std::move(items)}}));
  });

  // A user delegates one of their own roles; an administrator may record a
  // delegation on someone's behalf (from_user).
  r.add(http::method::post, "/api/v1/delegations", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    directory::delegation d;
    d.from_user_id = in.optional_int("from_user", 1, std::numeric_limits<std::int64_t>::max()).value_or(user.id);
    d.to_user_id = in.required_int("to_user", 1, std::numeric_limits<std::int64_t>::max());
    d.role = in.required_string("role", 32);
    d.valid_from = in.optional_string("valid_from", 32).value_or(storage::now_iso());
    d.valid_to = in.required_string("valid_to", 32);
    in.reject_unknown();
    auto iso = std::regex(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)?)");
    for (auto* field : {&d.valid_from, &d.valid_to}) {
      if (!field->empty() && !std::regex_match(*field, iso)) {
        errors.push_back({field == &d.valid_from ? "/valid_from" : "/valid_to", "must be an ISO date or UTC timestamp"});
      } else if (field->size() == 10) {
        *field += "T00:00:00.000Z";
      }
    }
    if (d.valid_to <= d.valid_from) errors.push_back({"/valid_to", "must be after valid_from"});
    if (d.from_user_id == d.to_user_id) errors.push_back({"/to_user", "must be someone else"});
    http::throw_if_invalid(std::move(errors));
    if (d.from_user_id != user.id) require_role(user, "admin");
    d.created_by = user.id;
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      auto from = directory::find_user(sql, d.from_user_id);
      if (!from) throw http::validation_failed({{"/from_user", "no user has this id"}});
      if (!directory::find_user(sql, d.to_user_id)) throw http::validation_failed({{"/to_user", "no user has this id"}});
      if (!from->has_role(d.role)) throw http::validation_failed({{"/role", "the delegating user does not hold this role"}});
      if (d.role == "admin") throw http::validation_failed({{"/role", "the admin role cannot be delegated"}});
      d.id = directory::create_delegation(sql, d);
      audit_change(sql, ctx, user, req, "delegation.create", "delegation", std::to_string(d.id),
                   {{"from_user", d.from_user_id}, {"to_user", d.to_user_id}, {"role", d.role},
                    {"valid_from", d.valid_from}, {"valid_to", d.valid_to}});
    });
    boost::json::object out{{"id", d.id},       {"from_user", d.from_user_id}, {"to_user", d.to_user_id},
                            {"role", d.role},   {"valid_from", d.valid_from},  {"valid_to", d.valid_to}};
    return http::response::json(201, boost::json::serialize(out));
  });

  r.add(http::method::delete_, "/api/v1/delegations/{id}", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    const auto id = id_param(req);
    storage::in_transaction(ctx.db, [&](soci::session& sql) {
      auto d = directory::find_delegation(sql, id);
      if (!d || (d->from_user_id != user.id && !user.has_role("admin"))) throw http::not_found("No such delegation.");
      if (!directory::revoke_delegation(sql, id)) throw http::conflict("The delegation is already revoked.");
      audit_change(sql, ctx, user, req, "delegation.revoke", "delegation", std::to_string(id), {});
    });
    return http::response::no_content();
  });

  r.add(http::method::get, "/api/v1/audit/verify", [&ctx](http::request& req) {
    auto user = require_user(ctx, req);
    require_role(user, "admin");
    storage::lease session(ctx.db);
    auto v = audit::verify(*session, ctx.db.backend(), ctx.audit_public_key);
    return http::response::json(200, boost::json::serialize(verification_json(v)));
  });
}

}  // namespace planflow::api
