#include <planflow/api/access.hpp>
#include <planflow/api/import.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/plan_json.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/api/visible.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/http/media_type.hpp>
#include <planflow/http/problem.hpp>

namespace planflow::api {

text::decoded_text document_text(std::string_view bytes, std::string_view charset, const std::string& field) {
  std::optional<text::decoded_text> decoded;
  if (charset.empty()) {
    decoded = text::to_utf8(bytes);
    if (!decoded) throw error::invalid(field, error::messages::document_encoding_unknown);
  } else {
    auto declared = text::encoding_of_label(charset);
    if (!declared) {
      throw error::problem(error::types::unsupported_media_type, error::messages::charset_not_read,
                           {{"charset", charset}});
    }
    decoded = text::to_utf8(bytes, *declared);
    if (!decoded) throw error::invalid(field, error::messages::document_not_in_charset, {{"charset", charset}});
  }
  return std::move(*decoded);
}

import_outcome import_document(const plugin::registry& types, std::string_view text, const std::string& plan_type_id,
                               plugin::plan_context ctx, const std::string& field) {
  import_outcome out;
  if (!plan_type_id.empty()) {
    out.type = types.find(plan_type_id);
    if (!out.type) throw error::invalid(field, error::messages::plan_type_not_loaded, {{"plan_type", plan_type_id}});
  } else {
    out.type = types.detect(text);
    if (!out.type) {
      throw error::invalid(field, error::messages::type_not_detected);
    }
  }
  out.result = out.type->import_document(text, ctx);
  out.json = {
      {"plan_type", out.type->id()},
      {"plan", out.result.content},
      {"totals", totals_json(*out.type, out.result.content)},
      {"findings", findings_json(out.result.findings)},
      {"detected",
       {{"title", out.result.title}, {"province", out.result.province_code}, {"fiscal_year", out.result.fiscal_year}}}};
  return out;
}

namespace {

// The body is the document's text. ?plan_type= names the type (otherwise
// detected); ?create_draft=true also creates a draft plan from it for the
// caller's agency.
http::response post_import(app::context& ctx, http::request& req, const directory::user& user) {
  const auto type = http::media_type_of(req.header("content-type").value_or(""));
  if (type.essence != "text/plain") {
    throw error::problem(error::types::unsupported_media_type, error::messages::import_text_only);
  }
  if (req.body.empty()) throw error::invalid("body", error::messages::document_empty);
  const auto document = document_text(req.body, type.charset, "body");
  const auto create = req.query_param("create_draft").value_or("false");
  if (create != "true" && create != "false") {
    throw error::invalid_parameter("create_draft", error::messages::not_boolean);
  }
  auto plan_type = std::string(req.query_param("plan_type").value_or(""));
  auto province = std::string(req.query_param("province").value_or(""));

  // A draft is the caller's agency's: without one, no draft can be theirs.
  std::optional<directory::agency> agency;
  if (create == "true") {
    if (!user.agency_id) throw error::forbidden(error::messages::officer_creates_drafts);
    {
      storage::lease session(ctx.db);
      agency = directory::find_agency(*session, *user.agency_id);
    }
    if (!agency) throw error::forbidden(error::messages::agency_gone);
    province = agency->province_code;  // the draft's province, whose directory links its agencies
  }
  auto outcome =
      import_document(ctx.plan_types, document.utf8, plan_type, ctx.plan_context(province, 0), "query:plan_type");
  if (province.empty() && !outcome.result.province_code.empty()) {
    // Read again knowing the province the document names, so that its
    // agencies are linked to that province's directory.
    outcome = import_document(ctx.plan_types, document.utf8, plan_type,
                              ctx.plan_context(outcome.result.province_code, 0), "query:plan_type");
  }
  outcome.json["detected"].as_object()["encoding"] = text::encoding_name(document.from);
  if (create == "false") return http::response::json(200, outcome.json);
  plans::new_plan input;
  input.plan_type = outcome.type->id();
  input.title = outcome.result.title.empty() ? outcome.type->name_th() : outcome.result.title;
  input.province_code = agency->province_code;
  input.agency_id = agency->id;
  input.fiscal_year = int(int_query(req, "fiscal_year", 2500, 2700).value_or(outcome.result.fiscal_year));
  if (input.fiscal_year == 0) {
    throw error::invalid("query:fiscal_year", error::messages::no_fiscal_year);
  }
  input.content = outcome.result.content;
  policy::require(actor_of(ctx, user), policy::action::create_plan,
                  policy::resource::in(input.province_code, input.plan_type, input.agency_id));
  auto created = ctx.plans.create(input, user, req.remote_address);
  // Re-validate against the agency's own province: the draft's findings are
  // what the agency must fix, and may differ from the import's guesses.
  auto findings = ctx.plans.validate(created, input.content);
  outcome.json["plan_id"] = created.id;
  outcome.json["findings"] = findings_json(findings);
  auto res = http::response::json(201, outcome.json);
  res.set_header("Location", "/api/v1/plans/" + std::to_string(created.id));
  return res;
}

}  // namespace

void add_import_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::post, "/api/v1/imports", action::import_document, post_import);
}

}  // namespace planflow::api
