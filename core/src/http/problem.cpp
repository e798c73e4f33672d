#include <planflow/http/problem.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/util/json_text.hpp>
#include <planflow/util/log.hpp>

namespace planflow::http {

problem_error::problem_error(int status, std::string slug, std::string title, std::string detail)
    : std::runtime_error(title + (detail.empty() ? "" : ": " + detail)),
      status_(status),
      slug_(std::move(slug)),
      title_(std::move(title)),
      detail_(std::move(detail)) {}

problem_error& problem_error::with_errors(std::vector<field_error> errors) {
  errors_ = std::move(errors);
  return *this;
}

problem_error& problem_error::with_header(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
  return *this;
}

problem_error& problem_error::with_extension(std::string key, boost::json::value value) {
  extensions_[key] = std::move(value);
  return *this;
}

http::response problem_error::to_response() const {
  boost::json::object body;
  body["type"] = "urn:planflow:problem:" + slug_;
  body["title"] = title_;
  body["status"] = status_;
  if (!detail_.empty()) body["detail"] = detail_;
  if (!errors_.empty()) {
    boost::json::array list;
    for (const auto& e : errors_) {
      boost::json::object item{{"pointer", e.pointer}};
      if (!e.code.empty()) {
        item["code"] = e.code;
        item["params"] = e.params;
      }
      item["detail"] = e.detail;
      list.push_back(std::move(item));
    }
    body["errors"] = std::move(list);
  }
  for (const auto& ext : extensions_) body[ext.key()] = ext.value();

  http::response r;
  r.status = status_;
  r.body = json_text(body);
  r.set_header("Content-Type", "application/problem+json");
  for (const auto& [name, value] : headers_) r.set_header(name, value);
  return r;
}

http::response problem_response(int status, std::string slug, std::string title, std::string detail) {
  return problem_error(status, std::move(slug), std::move(title), std::move(detail)).to_response();
}

// The database's troubles as the client should see them: a wait it can
// retry (503 with Retry-After) or a row somebody else created first (409);
// anything else is a bug, logged, and a 500.
problem_error to_problem(const std::exception& e, const std::string& where) {
  if (const auto* p = dynamic_cast<const problem_error*>(&e)) return *p;
  switch (storage::classify(e)) {
    case storage::failure::connection:
    case storage::failure::contention: {
      const auto* u = dynamic_cast<const storage::unavailable*>(&e);
      const auto retry = u ? u->retry_after().count() : 2;
      log::warn("database unavailable", {{"error", e.what()}});
      return problem_error(503, "database-unavailable", "Service temporarily unavailable",
                           u && u->maybe_committed()
                               ? "The connection to the database was lost while saving, so it is not known whether "
                                 "the change was kept. Repeat the request with the same Idempotency-Key."
                               : "The database is busy or unreachable; nothing was changed. Try again shortly.")
          .with_header("Retry-After", std::to_string(retry));
    }
    case storage::failure::duplicate: {
      auto d = storage::to_duplicate(e);
      auto problem = problem_error(409, "already-exists", "Already exists",
                                   d.field().empty() ? "Somebody has just created the same thing."
                                                     : "The " + d.field() + " is already taken.");
      if (!d.field().empty()) problem.with_errors({{"/" + d.field(), "is already taken"}});
      return problem;
    }
    case storage::failure::other:
      break;
  }
  log::error("unhandled exception in handler", {{"path", where}, {"error", e.what()}});
  return problem_error(500, "internal-error", "Internal server error",
                       "The server could not complete the request; it has been logged.");
}

problem_error bad_request(std::string detail) {
  return problem_error(400, "bad-request", "Bad request", std::move(detail));
}

problem_error not_found(std::string detail) {
  return problem_error(404, "not-found", "Not found", std::move(detail));
}

problem_error validation_failed(std::vector<field_error> errors) {
  return problem_error(422, "validation-failed", "The request has invalid fields",
                       "See `errors` for each offending field.")
      .with_errors(std::move(errors));
}

problem_error conflict(std::string detail) {
  return problem_error(409, "conflict", "Conflict", std::move(detail));
}

problem_error unsupported_media_type(std::string detail) {
  return problem_error(415, "unsupported-media-type", "Unsupported media type", std::move(detail));
}

}  // namespace planflow::http
