#pragma once
/// Reading path and query parameters, with problem responses naming them,
/// and the rules shared by several bodies' fields.

#include <planflow/http/conditional.hpp>
#include <planflow/http/message.hpp>
#include <planflow/http/problem.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::api {

/// A positive integer id from the path; anything else is 404 (no such resource).
std::int64_t id_param(const http::request& req, const std::string& name = "id");

/// An optional integer query parameter within [min, max]; 400 naming it otherwise.
std::optional<std::int64_t> int_query(const http::request& req, const std::string& name, std::int64_t min,
                                      std::int64_t max);

/// What an If-Match names of a plan whose ETag is "N", its content revision.
struct revision_condition {
  bool any = false;               ///< `*`: whatever revision the plan is at
  std::vector<int> revisions;     ///< each strong "N" listed; a weak tag names none
  std::vector<std::string> tags;  ///< the other strong tags listed, quotes included
  bool admits(int revision) const;
};

/// The request's If-Match read for a plan (strong comparison, RFC 9110
/// 13.1.1); nullopt when absent, 400 naming header:If-Match when malformed.
std::optional<revision_condition> if_match_revisions(const http::request& req);

/// A password someone chooses (a new user's, a reset, one's own change) has
/// at least 10 characters, counted as characters (a Thai letter is 3 bytes);
/// otherwise an error at `pointer`.
/// The optional {"comment": "..."} body of a workflow action ("" without a
/// body); 422 for anything else in it.
std::string read_comment(const http::request& req);

void check_new_password(std::string_view password, const std::string& pointer, std::vector<error::field>& errors);

}  // namespace planflow::api
