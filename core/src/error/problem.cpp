#include <planflow/error/messages.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/util/log.hpp>

namespace planflow::error {

problem::problem(problem_type type, message_code code, boost::json::object params)
    : type_(type), code_(code), params_(std::move(params)), english_(render(code_, params_, language::en)) {}

problem& problem::with_fields(std::vector<field> fields) {
  fields_ = std::move(fields);
  return *this;
}

problem& problem::with_extension(std::string key, boost::json::value value) {
  extensions_[key] = std::move(value);
  return *this;
}

problem& problem::with_retry_after(std::chrono::seconds wait) {
  retry_after_ = wait;
  return *this;
}

problem not_found(message_code code, boost::json::object params) {
  return problem(types::not_found, code, std::move(params));
}

problem forbidden(message_code code, boost::json::object params) {
  return problem(types::forbidden, code, std::move(params));
}

problem conflict(message_code code, boost::json::object params) {
  return problem(types::conflict, code, std::move(params));
}

problem bad_request(message_code code, boost::json::object params) {
  return problem(types::bad_request, code, std::move(params));
}

problem invalid(std::vector<field> fields) {
  const auto count = fields.size();
  return problem(types::validation_failed, messages::fields_invalid, {{"count", count}}).with_fields(std::move(fields));
}

problem invalid(std::string pointer, message_code code, boost::json::object params) {
  return invalid({{std::move(pointer), code, std::move(params)}});
}

problem invalid_parameter(std::string name, message_code code, boost::json::object params) {
  return problem(types::invalid_parameter, messages::parameter_invalid, {{"name", name}})
      .with_fields({{"query:" + name, code, std::move(params)}});
}

problem invalid_header(std::string name, message_code code, boost::json::object params) {
  return problem(types::invalid_header, messages::header_invalid, {{"name", name}})
      .with_fields({{"header:" + name, code, std::move(params)}});
}

void throw_if_invalid(std::vector<field> fields) {
  if (!fields.empty()) throw invalid(std::move(fields));
}

// The database's troubles as the client should see them: a wait it can
// retry or a row somebody else created first; anything else is a bug,
// logged, and a 500.
problem to_problem(const std::exception& e, const std::string& where) {
  if (const auto* p = dynamic_cast<const problem*>(&e)) return *p;
  switch (storage::classify(e)) {
    case storage::failure::connection:
    case storage::failure::contention: {
      const auto* u = dynamic_cast<const storage::unavailable*>(&e);
      const auto retry = u ? u->retry_after() : std::chrono::seconds(2);
      log::warn("database unavailable", {{"error", e.what()}});
      return problem(types::database_unavailable,
                     u && u->maybe_committed() ? messages::database_lost_while_saving : messages::database_unavailable)
          .with_retry_after(retry);
    }
    case storage::failure::duplicate: {
      auto d = storage::to_duplicate(e);
      if (d.field().empty()) return problem(types::already_exists, messages::already_exists);
      return problem(types::already_exists, messages::field_taken, {{"field", d.field()}})
          .with_fields({{"/" + d.field(), messages::is_taken}});
    }
    case storage::failure::other:
      break;
  }
  log::error("unhandled exception in handler", {{"path", where}, {"error", e.what()}});
  return problem(types::internal_error, messages::internal_error);
}

}  // namespace planflow::error
