#include <planflow/http/problem.hpp>
#include <planflow/http/response_policy.hpp>
#include <planflow/http/router.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace planflow::http {
namespace {

request make(method m, std::string path) {
  request r;
  r.method = m;
  r.method_name = std::string(to_string(m));
  r.path = std::move(path);
  return r;
}

boost::json::object problem_of(const response& res) {
  EXPECT_EQ(res.header("Content-Type").value_or(""), "application/problem+json");
  return boost::json::parse(res.body).as_object();
}

TEST(router, captures_path_parameters) {
  router r;
  r.add(method::get, "/plans/{id}/actions/{action}",
        [](request& req) { return response::text(200, req.path_param("id") + "|" + req.path_param("action")); });
  auto req = make(method::get, "/plans/42/actions/submit");
  auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "42|submit");
}

TEST(router, prefers_literal_route_registered_alongside_capture) {
  router r;
  r.add(method::get, "/items/{id}", [](request&) { return response::text(200, "capture"); });
  r.add(method::get, "/items/new", [](request&) { return response::text(200, "literal"); });
  auto req = make(method::get, "/items/7");
  EXPECT_EQ(r.dispatch(req).body, "capture");
  auto literal = make(method::get, "/items/new");
  EXPECT_EQ(r.dispatch(literal).body, "literal");
  router reversed;
  reversed.add(method::get, "/items/new", [](request&) { return response::text(200, "literal"); });
  reversed.add(method::get, "/items/{id}", [](request&) { return response::text(200, "capture"); });
  EXPECT_EQ(reversed.dispatch(literal).body, "literal");
}

TEST(router, unknown_path_is_404_problem) {
  router r;
  r.add(method::get, "/a", [](request&) { return response::text(200, "a"); });
  auto req = make(method::get, "/b");
  auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 404);
  auto body = problem_of(res);
  EXPECT_EQ(body["type"], "urn:planflow:problem:not-found");
  EXPECT_EQ(body["status"], 404);
}

TEST(router, wrong_method_is_405_with_allow) {
  router r;
  r.add(method::get, "/a", [](request&) { return response::text(200, "a"); });
  r.add(method::put, "/a", [](request&) { return response::text(200, "a"); });
  auto req = make(method::delete_, "/a");
  auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow").value_or(""), "GET, HEAD, PUT");
  EXPECT_EQ(problem_of(res)["type"], "urn:planflow:problem:method-not-allowed");
}

TEST(router, head_falls_back_to_get) {
  router r;
  r.add(method::get, "/a", [](request&) { return response::text(200, "body"); });
  auto req = make(method::head, "/a");
  EXPECT_EQ(r.dispatch(req).status, 200);
}

request sent(method m, std::string target) {
  auto r = make(m, "(decoded by the server)");
  r.target = std::move(target);
  return r;
}

TEST(router, each_resource_has_one_spelling) {
  router r;
  r.add(method::get, "/a/b", [](request&) { return response::text(200, "ok"); });
  r.add(method::post, "/a/b", [](request&) { return response::text(200, "ok"); });
  r.add(method::get, "/items/{id}", [](request& req) { return response::text(200, req.path_param("id")); });
  r.add(method::get, "/", [](request&) { return response::text(200, "root"); });
  for (auto target : {"/a//b", "/a/b/", "//a/b", "/a/b//", "/%61/b", "/a/%62", "/items/%31", "/items/1%2D2",
                      "/items/%7E", "/items/", "//"}) {
    auto req = sent(method::get, target);
    auto res = r.dispatch(req);
    EXPECT_EQ(res.status, 404) << target;
    EXPECT_EQ(problem_of(res)["type"], "urn:planflow:problem:not-found") << target;
    auto post = sent(method::post, target);
    EXPECT_EQ(r.dispatch(post).status, 404) << target;  // not 405: no route is there
  }
  auto plain = sent(method::get, "/a/b?x=1");
  EXPECT_EQ(r.dispatch(plain).status, 200);
  auto root = sent(method::get, "/");
  EXPECT_EQ(r.dispatch(root).body, "root");
  // What must be encoded stays encoded, and reaches the handler decoded.
  auto thai = sent(method::get, "/items/%E0%B8%81");
  EXPECT_EQ(r.dispatch(thai).body, "ก");
  auto lower = sent(method::get, "/items/%e0%b8%81");
  EXPECT_EQ(r.dispatch(lower).body, "ก");
  auto slash = sent(method::get, "/items/1%2Fb");  // one segment, not two
  EXPECT_EQ(r.dispatch(slash).body, "1/b");
  auto space = sent(method::get, "/items/a%20b");
  EXPECT_EQ(r.dispatch(space).body, "a b");
}

TEST(router, a_problem_becomes_its_response) {
  router r;
  r.add(method::post, "/v", [](request&) -> response {
    throw error::invalid({{"/title", error::messages::required}, {"/year", error::messages::not_integer}});
  });
  auto req = make(method::post, "/v");
  auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 422);
  auto body = problem_of(res);
  ASSERT_EQ(body["errors"].as_array().size(), 2u);
  EXPECT_EQ(body["errors"].as_array()[0].as_object()["pointer"], "/title");
}

TEST(router, every_401_carries_a_bearer_challenge) {
  router r;
  r.add(method::post, "/login", [](request&) -> response {
    throw error::problem(error::types::invalid_credentials,
                         error::messages::wrong_credentials);  // no challenge of its own
  });
  r.add(method::get, "/plain", [](request&) { return response::text(401, "no"); });
  r.add(method::get, "/own", [](request&) {
    auto res = response::text(401, "no");
    res.set_header("WWW-Authenticate", "Basic realm=\"other\"");
    return res;
  });
  r.add(method::get, "/fine", [](request&) { return response::text(200, "yes"); });
  for (auto [m, path] : {std::pair{method::post, "/login"}, std::pair{method::get, "/plain"}}) {
    auto req = make(m, path);
    auto res = r.dispatch(req);
    EXPECT_EQ(res.status, 401) << path;
    EXPECT_EQ(res.header("WWW-Authenticate").value_or(""), R"(Bearer realm="planflow")") << path;
  }
  auto own = make(method::get, "/own");
  EXPECT_EQ(r.dispatch(own).header("WWW-Authenticate").value_or(""), R"(Basic realm="other")");
  auto fine = make(method::get, "/fine");
  EXPECT_FALSE(r.dispatch(fine).header("WWW-Authenticate"));
}

TEST(router, answers_to_requests_with_credentials_are_not_stored) {
  router r;
  r.add(method::get, "/mine", [](request&) { return response::text(200, "yours"); });
  r.add(method::get, "/cached", [](request&) {
    auto res = response::text(200, "revalidate");
    res.set_header("Cache-Control", "private, no-cache");
    return res;
  });
  auto with_token = [](std::string path) {
    auto req = make(method::get, std::move(path));
    req.headers["authorization"] = "Bearer abc";
    return req;
  };
  auto mine = with_token("/mine");
  EXPECT_EQ(r.dispatch(mine).header("Cache-Control").value_or(""), "no-store");
  auto missing = with_token("/nothing-here");  // problems too
  auto problem = r.dispatch(missing);
  EXPECT_EQ(problem.status, 404);
  EXPECT_EQ(problem.header("Cache-Control").value_or(""), "no-store");
  auto own = with_token("/cached");
  EXPECT_EQ(r.dispatch(own).header("Cache-Control").value_or(""), "private, no-cache");
  auto anonymous = make(method::get, "/mine");
  EXPECT_FALSE(r.dispatch(anonymous).header("Cache-Control"));
}

TEST(router, html_never_goes_without_a_content_security_policy_and_nothing_is_sniffed) {
  router r;
  r.add(method::get, "/page", [](request&) { return response::text(200, "<p>x", "text/html; charset=utf-8"); });
  r.add(method::get, "/own", [](request&) {
    auto res = response::text(200, "<p>x", "text/html; charset=utf-8");
    res.set_header("Content-Security-Policy", "default-src 'self'");
    return res;
  });
  r.add(method::get, "/data", [](request&) { return response::json(200, std::string("{}")); });
  auto page = make(method::get, "/page");
  auto res = r.dispatch(page);
  EXPECT_EQ(res.header("Content-Security-Policy").value_or(""), k_html_fallback_csp);
  EXPECT_EQ(res.header("X-Content-Type-Options").value_or(""), "nosniff");
  auto own = make(method::get, "/own");
  EXPECT_EQ(r.dispatch(own).header("Content-Security-Policy").value_or(""), "default-src 'self'");
  auto data = make(method::get, "/data");
  auto json = r.dispatch(data);
  EXPECT_FALSE(json.header("Content-Security-Policy"));
  EXPECT_EQ(json.header("X-Content-Type-Options").value_or(""), "nosniff");
  auto missing = make(method::get, "/none");
  EXPECT_EQ(r.dispatch(missing).header("X-Content-Type-Options").value_or(""), "nosniff");
}

TEST(router, other_exceptions_become_500_without_leaking_details) {
  router r;
  r.add(method::get, "/boom", [](request&) -> response { throw std::runtime_error("secret connection string"); });
  auto req = make(method::get, "/boom");
  auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("secret"), std::string::npos);
}

TEST(router, rejects_duplicate_and_malformed_patterns) {
  router r;
  r.add(method::get, "/a/{id}", [](request&) { return response::no_content(); });
  EXPECT_THROW(r.add(method::get, "/a/{id}", [](request&) { return response::no_content(); }), std::invalid_argument);
  EXPECT_THROW(r.add(method::get, "/a/{id", [](request&) { return response::no_content(); }), std::invalid_argument);
  EXPECT_THROW(r.add(method::get, "a", [](request&) { return response::no_content(); }), std::invalid_argument);
}

TEST(router, reports_whether_a_route_runs_inline) {
  router r;
  r.add(
      method::get, "/fast", [](request&) { return response::no_content(); }, execution::inline_);
  r.add(method::get, "/slow", [](request&) { return response::no_content(); });
  auto fast = make(method::get, "/fast");
  auto slow = make(method::get, "/slow");
  auto head = make(method::head, "/slow");
  auto missing = make(method::get, "/missing");
  EXPECT_EQ(r.resolve(fast).how, execution::inline_);
  EXPECT_EQ(r.resolve(slow).how, execution::blocking);
  EXPECT_EQ(r.resolve(head).how, execution::blocking);
  EXPECT_EQ(r.resolve(missing).how, execution::inline_);
  EXPECT_EQ(r.resolve(missing).fn, nullptr);
}

}  // namespace
}  // namespace planflow::http
