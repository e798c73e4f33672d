// The HTTP server in-process, over a real loopback socket, with routes made
// for the test: framing, limits, timeouts and graceful shutdown.
#include "../support/http_client.hpp"

#include <planflow/http/json_body.hpp>
#include <planflow/http/server.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace planflow::http {
namespace {

using namespace std::chrono_literals;
using test::http_client;

class running_server {
 public:
  running_server(router& routes, server_options options) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    server_ = std::make_unique<server>(options, routes);
    server_->listen();
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~running_server() {
    server_->stop();
    thread_.join();
  }
  unsigned short port() const { return server_->port(); }
  void stop() { server_->stop(); }

 private:
  std::unique_ptr<server> server_;
  std::thread thread_;
};

// What the test routes let a test observe: a slow handler that says when it
// has started and waits to be let go, and a count of requests that must never
// be answered.
struct observed {
  std::promise<void> slow_entered;
  std::promise<void> slow_release;
  std::shared_future<void> released = slow_release.get_future().share();
  std::atomic<int> smuggled{0};
};

router test_routes(observed& seen) {
  router r;
  r.add(
      method::get, "/hello", [](request&) { return response::json(200, std::string(R"({"hello":"สวัสดี"})")); },
      execution::inline_);
  r.add(method::get, "/echo/{word}", [](request& req) {
    boost::json::object out{{"word", req.path_param("word")}, {"q", std::string(req.query_param("q").value_or(""))}};
    return response::json(200, boost::json::serialize(out));
  });
  r.add(method::post, "/json", [](request& req) {
    auto body = parse_json_body(req);
    std::vector<field> errors;
    object_reader in(body, errors);
    auto name = in.required_string("name", 20);
    in.reject_unknown();
    throw_if_invalid(std::move(errors));
    return response::json(201, boost::json::serialize(boost::json::object{{"name", name}}));
  });
  r.add(method::get, "/slow", [&seen](request&) {
    seen.slow_entered.set_value();
    // Bounded, so that a test failing before it lets go still ends.
    seen.released.wait_for(10s);
    return response::text(200, "finished");
  });
  r.add(
      method::get, "/who", [](request& req) { return response::text(200, req.remote_address); }, execution::inline_);
  r.add(
      method::get, "/smuggled",
      [&seen](request&) {
        ++seen.smuggled;
        return response::text(200, "smuggled");
      },
      execution::inline_);
  return r;
}

class server_test : public testing::Test {
 protected:
  server_options options() {
    server_options o;
    o.body_limit = 1024;
    o.header_timeout = 300ms;
    o.idle_timeout = 400ms;
    o.shutdown_grace = 5s;
    return o;
  }
  observed seen;
  router routes = test_routes(seen);
};

TEST_F(server_test, keeps_the_connection_alive_between_requests) {
  running_server s(routes, options());
  http_client client(s.port());
  auto first = client.get("/hello");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, R"({"hello":"สวัสดี"})");
  EXPECT_EQ(first.header("content-type"), "application/json");
  auto second = client.get("/echo/%E0%B8%81?q=a%20b");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(boost::json::parse(second.body).as_object()["word"], "ก");
  EXPECT_EQ(boost::json::parse(second.body).as_object()["q"], "a b");
}

TEST_F(server_test, every_answer_carries_a_date) {
  running_server s(routes, options());
  http_client client(s.port());
  auto ok = client.get("/hello");
  EXPECT_TRUE(test::is_current_http_date(ok.header("date"))) << ok.header("date");
  auto head = client.request("HEAD", "/hello");
  EXPECT_TRUE(test::is_current_http_date(head.header("date"))) << head.header("date");
  auto missing = client.get("/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(test::is_current_http_date(missing.header("date"))) << missing.header("date");
  auto invalid = client.request("POST", "/json", R"({"name":""})");
  EXPECT_EQ(invalid.status, 422);
  EXPECT_TRUE(test::is_current_http_date(invalid.header("date"))) << invalid.header("date");
  // Refusals written by the server itself, before any handler.
  auto too_large = client.request("POST", "/json", std::string(2000, 'x'));
  EXPECT_EQ(too_large.status, 413);
  EXPECT_TRUE(test::is_current_http_date(too_large.header("date"))) << too_large.header("date");
  http_client garbled(s.port());
  garbled.send_raw("NOT HTTP AT ALL\r\n\r\n");
  auto malformed = garbled.read_reply();
  EXPECT_EQ(malformed.status, 400);
  EXPECT_TRUE(test::is_current_http_date(malformed.header("date"))) << malformed.header("date");
}

// What a handler (the throttle, the audit log) sees as the client's address.
std::string seen_as(unsigned short port, const std::string& headers) {
  http_client client(port);
  client.send_raw("GET /who HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");
  return client.read_reply().body;
}

TEST_F(server_test, forwarding_headers_name_the_client_only_from_a_trusted_proxy) {
  auto behind = options();
  behind.trusted_proxies = {"127.0.0.0/8"};
  running_server balanced(routes, behind);
  EXPECT_EQ(seen_as(balanced.port(), ""), "127.0.0.1");
  EXPECT_EQ(seen_as(balanced.port(), "X-Forwarded-For: 1.2.3.4, 198.51.100.7\r\n"), "198.51.100.7");
  // Repeated header lines are one list; the balancer's line comes last.
  EXPECT_EQ(seen_as(balanced.port(), "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 198.51.100.8\r\n"), "198.51.100.8");
  EXPECT_EQ(seen_as(balanced.port(), "Forwarded: for=\"[2001:db8::9]:1234\"\r\nX-Forwarded-For: 1.2.3.4\r\n"),
            "2001:db8::9");
  EXPECT_EQ(seen_as(balanced.port(), "X-Forwarded-For: nonsense\r\n"), "127.0.0.1");

  auto direct = options();
  direct.trusted_proxies = {"10.0.0.0/8"};  // the balancer is elsewhere: this peer is a client
  running_server exposed(routes, direct);
  EXPECT_EQ(seen_as(exposed.port(), "X-Forwarded-For: 198.51.100.7\r\n"), "127.0.0.1");
  running_server plain(routes, options());
  EXPECT_EQ(seen_as(plain.port(), "Forwarded: for=198.51.100.7\r\n"), "127.0.0.1");
}

TEST_F(server_test, head_sends_headers_without_body) {
  running_server s(routes, options());
  http_client client(s.port());
  auto head = client.request("HEAD", "/hello");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(std::string(R"({"hello":"สวัสดี"})").size()));
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(client.get("/hello").status, 200);  // framing intact after HEAD
}

TEST_F(server_test, oversize_body_is_413_problem_and_closes) {
  running_server s(routes, options());
  http_client client(s.port());
  auto reply = client.request("POST", "/json", std::string(2000, 'x'));
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  EXPECT_EQ(boost::json::parse(reply.body).as_object()["type"], "urn:planflow:problem:payload-too-large");
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(server_test, an_oversize_body_sent_in_full_still_reads_its_413) {
  running_server s(routes, options());
  http_client client(s.port());
  // Far beyond what the kernel buffers on loopback: the server must read it
  // for the send to finish, and must not reset the connection under the answer.
  const std::string body(3 * 1024 * 1024, 'x');
  auto reply = client.request("POST", "/json", body);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  EXPECT_EQ(boost::json::parse(reply.body).as_object()["type"], "urn:planflow:problem:payload-too-large");
  EXPECT_EQ(reply.header("connection"), "close");
  EXPECT_TRUE(client.closed_by_peer());
}

// Sends the rest of a refused body until the server, done draining, has
// closed the connection (the kernel then resets it); false if it still reads
// after `within`.
bool server_stops_reading(http_client& client, std::chrono::milliseconds within) {
  const std::string chunk(64 * 1024, 'x');
  for (const auto deadline = std::chrono::steady_clock::now() + within; std::chrono::steady_clock::now() < deadline;) {
    try {
      client.send_raw(chunk);
    } catch (const std::runtime_error&) {
      return true;
    }
  }
  return false;
}

const std::string k_endless_post =
    "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n";

TEST_F(server_test, draining_a_refused_body_is_bounded_in_time) {
  auto o = options();
  o.drain_limit = std::size_t(1) << 40;  // only the time bounds it here
  o.drain_timeout = 200ms;
  running_server s(routes, o);
  http_client client(s.port());
  client.send_raw(k_endless_post + std::string(2000, 'x'));
  EXPECT_EQ(client.read_reply().status, 413);
  EXPECT_TRUE(server_stops_reading(client, 5s));
}

TEST_F(server_test, draining_a_refused_body_is_bounded_in_bytes) {
  auto o = options();
  o.drain_limit = 64 * 1024;
  o.drain_timeout = 60s;  // only the amount bounds it here
  running_server s(routes, o);
  http_client client(s.port());
  client.send_raw(k_endless_post + std::string(2000, 'x'));
  EXPECT_EQ(client.read_reply().status, 413);
  EXPECT_TRUE(server_stops_reading(client, 5s));
}

// Each bad framing is followed, in the same write, by a second request that
// a proxy reading the first one differently would not see: it must never be
// answered, and the connection must end after the refusal.
TEST_F(server_test, a_transfer_encoding_other_than_chunked_is_refused_and_closes) {
  running_server s(routes, options());
  const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::vector<std::pair<std::string, int>> cases = {
      {"Transfer-Encoding: gzip\r\n", 501},
      {"Transfer-Encoding: xchunked\r\n", 501},
      {"Transfer-Encoding: gzip, chunked\r\n", 501},
      {"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", 501},
      {"Transfer-Encoding: \"chunked\"\r\n", 400},
      {"Transfer-Encoding: chunked, gzip\r\n", 400},
      {"Transfer-Encoding: chunked, chunked\r\n", 400},
      {"Transfer-Encoding: chunked,\r\n", 400},
      {"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", 400},
      {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400},
      {"Transfer-Encoding: gzip\r\nContent-Length: 5\r\n", 400},
  };
  for (const auto& [framing, status] : cases) {
    http_client client(s.port());
    client.send_raw("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + framing + "\r\n" +
                    smuggled);
    auto reply = client.read_reply();
    EXPECT_EQ(reply.status, status) << framing;
    EXPECT_EQ(reply.header("content-type"), "application/problem+json") << framing;
    EXPECT_EQ(reply.header("connection"), "close") << framing;
    EXPECT_TRUE(client.closed_by_peer()) << framing << ": a second answer followed";
  }
  http_client old(s.port());
  old.send_raw("POST /json HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled);
  EXPECT_EQ(old.read_reply().status, 400);
  EXPECT_TRUE(old.closed_by_peer());
  EXPECT_EQ(seen.smuggled.load(), 0);
  EXPECT_EQ(test::fetch(s.port(), "GET", "/smuggled").status, 200);  // the route itself answers
  EXPECT_EQ(seen.smuggled.load(), 1);
}

TEST_F(server_test, expect_100_continue_is_answered_before_the_body_is_read) {
  running_server s(routes, options());
  http_client client(s.port());
  const std::string body = R"({"name":"ก"})";
  client.send_raw(
      "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-Continue\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  auto go_on = client.read_reply();
  EXPECT_EQ(go_on.status, 100);
  EXPECT_EQ(go_on.header("content-length"), "");
  client.send_raw(body);
  auto created = client.read_reply();
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(boost::json::parse(created.body).as_object()["name"], "ก");
  EXPECT_EQ(client.get("/hello").status, 200);  // the connection goes on

  // Chunked bodies are held back the same way.
  client.send_raw(
      "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
      "Transfer-Encoding: chunked\r\n\r\n");
  EXPECT_EQ(client.read_reply().status, 100);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  client.send_raw(size + ("\r\n" + body) + "\r\n0\r\n\r\n");
  EXPECT_EQ(client.read_reply().status, 201);
}

TEST_F(server_test, a_body_refused_from_its_headers_is_not_asked_for) {
  running_server s(routes, options());
  {
    http_client client(s.port());
    client.send_raw(
        "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
        "Content-Length: 2000\r\n\r\n");
    auto refused = client.read_reply();  // the first answer is final: no 100 before it
    EXPECT_EQ(refused.status, 413);
    EXPECT_EQ(refused.header("connection"), "close");
    EXPECT_TRUE(client.closed_by_peer());
  }
  {
    http_client client(s.port());
    client.send_raw(
        "PUT /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
        "Content-Length: 5\r\n\r\n");
    auto refused = client.read_reply();
    EXPECT_EQ(refused.status, 404);
    EXPECT_EQ(refused.header("content-type"), "application/problem+json");
    EXPECT_TRUE(client.closed_by_peer());
  }
  {
    http_client client(s.port());
    client.send_raw(
        "PUT /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
        "Content-Length: 5\r\n\r\n");
    auto refused = client.read_reply();
    EXPECT_EQ(refused.status, 405);
    EXPECT_EQ(refused.header("allow"), "POST");
  }
  // Without a body there is nothing to wait for: the answer comes at once.
  http_client empty(s.port());
  empty.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(empty.read_reply().status, 200);
}

TEST_F(server_test, a_chunked_body_is_read_and_the_connection_kept) {
  running_server s(routes, options());
  http_client client(s.port());
  client.send_raw(
      "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "5\r\n{\"nam\r\n9\r\ne\":\"ก\"}\r\n0\r\n\r\n");
  auto reply = client.read_reply();
  EXPECT_EQ(reply.status, 201);
  EXPECT_EQ(boost::json::parse(reply.body).as_object()["name"], "ก");
  EXPECT_EQ(client.get("/smuggled").status, 200);  // the same connection serves the next request
}

TEST_F(server_test, malformed_http_is_400_problem_and_closes) {
  running_server s(routes, options());
  for (std::string garbage :
       {std::string("NOT HTTP AT ALL\r\n\r\n"), std::string("GET /hello HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string("GET /hello HTTP/1.1\r\nContent-Length: -5\r\n\r\n")}) {
    http_client client(s.port());
    client.send_raw(garbage);
    auto reply = client.read_reply();
    EXPECT_EQ(reply.status, 400) << garbage;
    EXPECT_EQ(reply.header("content-type"), "application/problem+json");
    EXPECT_TRUE(client.closed_by_peer());
  }
  EXPECT_EQ(test::fetch(s.port(), "GET", "/hello").status, 200);  // the server is unharmed
}

TEST_F(server_test, invalid_target_is_400) {
  running_server s(routes, options());
  http_client client(s.port());
  client.send_raw("GET /echo/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.read_reply().status, 400);
  auto bad_utf8 = client.get("/echo/%FF%FE");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_EQ(client.get("/echo/x?q=%E0%B8").status, 400);
  EXPECT_EQ(client.get("/echo/%E0%B8%81").status, 200);
}

TEST_F(server_test, bad_json_answers_and_keeps_the_connection) {
  running_server s(routes, options());
  http_client client(s.port());
  auto wrong_type = client.request("POST", "/json", R"({"name":"a"})", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(wrong_type.status, 415);
  auto broken = client.request("POST", "/json", R"({"name":)");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(boost::json::parse(broken.body).as_object()["type"], "urn:planflow:problem:malformed-json");
  auto bad_utf8 = client.request("POST", "/json", "{\"name\":\"\xFF\xFE\"}");
  EXPECT_EQ(bad_utf8.status, 400);
  auto invalid = client.request("POST", "/json", R"({"name":"", "colour":"red"})");
  EXPECT_EQ(invalid.status, 422);
  auto errors = boost::json::parse(invalid.body).as_object()["errors"].as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].as_object()["pointer"], "/name");
  EXPECT_EQ(errors[1].as_object()["pointer"], "/colour");
  auto ok = client.request("POST", "/json", R"({"name":"ชื่อ"})");
  EXPECT_EQ(ok.status, 201);
}

TEST_F(server_test, unfinished_headers_time_out) {
  running_server s(routes, options());
  http_client client(s.port());
  client.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\n");
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(server_test, a_connection_that_never_speaks_is_closed_after_the_header_timeout) {
  auto o = options();
  o.idle_timeout = 60s;  // what kept silent sockets open before
  running_server s(routes, o);
  http_client silent(s.port(), 5s);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(silent.closed_by_peer());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  // A connection that has been served waits for its next request the keep-alive time.
  http_client served(s.port(), 2s);
  EXPECT_EQ(served.get("/hello").status, 200);
  EXPECT_FALSE(served.closed_by_peer());  // still open after 2 s
  EXPECT_EQ(served.get("/hello").status, 200);
}

// Connections held open (served once, then idle) until the test ends.
std::vector<std::unique_ptr<http_client>> hold(unsigned short port, const std::string& from, int n) {
  std::vector<std::unique_ptr<http_client>> held;
  for (int i = 0; i < n; ++i) {
    held.push_back(std::make_unique<http_client>(port, from));
    EXPECT_EQ(held.back()->get("/hello").status, 200) << from << " #" << i;
  }
  return held;
}

void expect_turned_away(unsigned short port, const std::string& from) {
  http_client extra(port, from);
  auto refused = extra.read_reply();  // answered before it asks anything
  EXPECT_EQ(refused.status, 503) << from;
  EXPECT_EQ(refused.header("retry-after"), "1") << from;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json") << from;
  EXPECT_NE(refused.body.find("urn:planflow:problem:too-many-connections"), std::string::npos) << refused.body;
  EXPECT_TRUE(test::is_current_http_date(refused.header("date"))) << from;
  EXPECT_TRUE(extra.closed_by_peer()) << from;
}

TEST_F(server_test, connections_beyond_the_caps_are_turned_away_and_others_still_served) {
  auto o = options();
  o.idle_timeout = 60s;
  o.header_timeout = 60s;  // idle sockets stay for the whole test
  o.max_connections_per_address = 3;
  o.max_connections = 6;
  o.trusted_proxies = {"127.0.0.5"};
  running_server s(routes, o);
  auto from_one = hold(s.port(), "127.0.0.1", 3);
  for (int i = 0; i < 4; ++i) expect_turned_away(s.port(), "127.0.0.1");
  // Another address is served while the first one is at its cap.
  http_client other(s.port(), "127.0.0.2");
  EXPECT_EQ(other.get("/hello").status, 200);
  auto from_three = hold(s.port(), "127.0.0.3", 2);  // 6 open: the server's cap
  expect_turned_away(s.port(), "127.0.0.4");
  // A place freed is a place taken again.
  from_three.pop_back();
  std::this_thread::sleep_for(100ms);
  http_client later(s.port(), "127.0.0.4");
  EXPECT_EQ(later.get("/hello").status, 200);

  // A trusted balancer carries many clients: only the total bounds it.
  running_server behind(routes, o);
  auto balancer = hold(behind.port(), "127.0.0.5", 5);
  EXPECT_EQ(balancer.size(), 5u);
}

TEST_F(server_test, idle_keep_alive_connections_time_out) {
  running_server s(routes, options());
  http_client client(s.port());
  EXPECT_EQ(client.get("/hello").status, 200);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(server_test, connection_close_is_honoured) {
  running_server s(routes, options());
  http_client client(s.port());
  auto reply = client.request("GET", "/hello", {}, {{"Connection", "close"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(server_test, shutdown_finishes_in_flight_requests_then_refuses_new_ones) {
  auto s = std::make_unique<running_server>(routes, options());
  const auto port = s->port();
  http_client idle(port);
  EXPECT_EQ(idle.get("/hello").status, 200);

  auto slow = std::async(std::launch::async, [port] { return test::fetch(port, "GET", "/slow"); });
  ASSERT_EQ(seen.slow_entered.get_future().wait_for(10s), std::future_status::ready);
  s->stop();
  // The idle connection closing shows the shutdown under way while the slow
  // request is still in its handler; only then may it finish.
  EXPECT_TRUE(idle.closed_by_peer());
  seen.slow_release.set_value();
  auto reply = slow.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "finished");
  EXPECT_EQ(reply.header("connection"), "close");
  s.reset();  // run() has returned
  EXPECT_THROW(http_client late(port), std::runtime_error);
}

TEST_F(server_test, serves_many_concurrent_clients) {
  running_server s(routes, options());
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 8; ++c) {
    clients.push_back(std::async(std::launch::async, [port = s.port()] {
      http_client client(port);
      int ok = 0;
      for (int i = 0; i < 50; ++i) ok += client.get("/echo/" + std::to_string(i)).status == 200;
      return ok;
    }));
  }
  for (auto& c : clients) EXPECT_EQ(c.get(), 50);
}

}  // namespace
}  // namespace planflow::http
