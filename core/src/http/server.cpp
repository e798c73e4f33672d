// The only translation unit that includes Beast: it is the expensive one to
// compile, so everything else talks to it through planflow/http/message.hpp.
#include <planflow/http/client_address.hpp>
#include <planflow/http/field_list.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/http/server.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>
#include <planflow/util/utf8.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

namespace planflow::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto as_tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

// What graceful shutdown needs to know of a live connection; touched only on
// the connection's strand except for the `busy` flag.
struct connection {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;  // null once the connection has ended
  std::atomic<bool> busy{false};
};

bool is_disconnect(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::operation_aborted || ec == beast::error::timeout || ec == asio::error::broken_pipe ||
         ec == asio::error::bad_descriptor;
}

// Converts Beast's message into the transport-neutral request. Throws
// error::problem 400 for a target that is not a valid origin-form URL.
request to_request(const bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
  request req;
  req.method_name = std::string(msg.method_string());
  req.method = method_from_string(req.method_name);
  req.target = std::string(msg.target());
  auto url = boost::urls::parse_origin_form(msg.target());
  if (!url) throw error::bad_request(error::messages::target_not_url, {{"reason", url.error().message()}});
  req.path = std::string(url->path());
  for (auto param : url->params()) req.query.emplace(param.key, param.value);
  // Decoded paths and parameters reach SQL and JSON: refuse what is not text.
  bool valid = is_valid_utf8(req.path);
  for (const auto& [key, value] : req.query) valid = valid && is_valid_utf8(key) && is_valid_utf8(value);
  if (!valid) throw error::bad_request(error::messages::target_not_utf8);
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = req.headers.emplace(name, std::string(field.value()));
    if (!inserted) it->second += ", " + std::string(field.value());
  }
  req.body = msg.body();
  req.remote_address = remote;
  return req;
}

// RFC 9110 5.6.2: the characters of a token.
bool is_token(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(char(c)) != std::string_view::npos;
  });
}

// Errors found before routing are worded as the request asks, when it got
// as far as saying.
error::language language_of(const bhttp::request_header<>& msg) {
  return preferred_language(msg[bhttp::field::accept_language]);
}

bool is_chunked(std::string_view coding) { return beast::iequals(coding, "chunked"); }

response malformed_framing(error::message_code code, boost::json::object params = {}) {
  return to_response(error::problem(error::types::malformed_request, code, std::move(params)), error::language::en);
}

// The only transfer coding the server implements is chunked, alone. A body
// framed any other way would be read one way here and another way by a proxy
// in front (Beast ignores codings it does not know and reads the body as the
// next request): request smuggling. Such a request ends the connection.
std::optional<response> transfer_coding_problem(const bhttp::request_header<>& msg) {
  std::string codings;
  bool present = false;
  for (auto [it, end] = msg.equal_range(bhttp::field::transfer_encoding); it != end; ++it) {
    codings += (present ? "," : "") + std::string(it->value());
    present = true;
  }
  if (!present) return std::nullopt;
  if (msg.count(bhttp::field::content_length)) {
    return malformed_framing(error::messages::framing_length_unclear);
  }
  if (msg.version() < 11) return malformed_framing(error::messages::framing_http10);
  const auto list = split_list(codings);
  if (!std::ranges::all_of(list, is_token)) {
    return malformed_framing(error::messages::framing_not_codings, {{"codings", codings}});
  }
  const auto chunked = std::ranges::count_if(list, is_chunked);
  if (chunked > 1 || (chunked == 1 && !is_chunked(list.back()))) {
    return malformed_framing(error::messages::framing_chunked_last);
  }
  if (list.size() > 1 || chunked == 0) {
    return to_response(error::problem(error::types::unsupported_transfer_coding,
                                      error::messages::transfer_coding_unsupported, {{"codings", codings}}),
                       error::language::en);
  }
  return std::nullopt;
}

// Every line of a header that may repeat, as one comma-separated list.
std::string joined(const bhttp::request_header<>& msg, std::string_view name) {
  std::string out;
  for (auto [it, end] = msg.equal_range(name); it != end; ++it) {
    if (!out.empty()) out += ',';
    out += it->value();
  }
  return out;
}

// RFC 9110 10.1.1: `Expect: 100-continue` (case-insensitive), on HTTP/1.1;
// an HTTP/1.0 client cannot read an interim answer.
bool expects_continue(const bhttp::request_header<>& msg) {
  if (msg.version() < 11) return false;
  for (auto [it, end] = msg.equal_range(bhttp::field::expect); it != end; ++it) {
    for (auto item : split_list(it->value())) {
      if (beast::iequals(item, "100-continue")) return true;
    }
  }
  return false;
}

// The answer to a request that could not be read to its end.
response unreadable_request(const beast::error_code& ec, std::size_t body_limit) {
  if (ec == bhttp::error::body_limit) {
    return to_response(
        error::problem(error::types::payload_too_large, error::messages::body_too_large, {{"limit", body_limit}}),
        error::language::en);
  }
  if (ec == bhttp::error::header_limit) {
    return to_response(error::problem(error::types::headers_too_large, error::messages::headers_too_large),
                       error::language::en);
  }
  return malformed_framing(error::messages::malformed_http, {{"reason", ec.message()}});
}

bhttp::response<bhttp::string_body> to_message(response res, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(res.status), version};
  msg.set(bhttp::field::server, "planflow");
  // RFC 9110 6.6.1: an origin server with a clock MUST send Date, problems
  // and refusals included, so every answer is built here.
  msg.set(bhttp::field::date, format_http_date(std::chrono::system_clock::now()));
  for (auto& [name, value] : res.headers) msg.set(name, value);
  msg.keep_alive(keep_alive);
  if (head) {
    msg.content_length(res.body.size());
  } else {
    msg.body() = std::move(res.body);
    msg.prepare_payload();
  }
  // A 304 may only repeat the Content-Length of the 200 it stands for (RFC
  // 9110 8.6), and the 0 written above is not that: send none.
  if (res.status == 304) msg.erase(bhttp::field::content_length);
  return msg;
}

}  // namespace

struct server::impl {
  server_options options;
  trusted_proxies proxies;
  const router& routes;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::list<std::shared_ptr<connection>> connections;
  // Admitted connections, in all and per peer address (under connections_mutex).
  std::size_t admitted = 0;
  std::map<std::string, std::size_t, std::less<>> admitted_from;

  impl(server_options opts, const router& r)
      : options(std::move(opts)),
        proxies(options.trusted_proxies),
        routes(r),
        ioc(int(std::max<std::size_t>(1, options.io_threads))),
        workers(std::max<std::size_t>(1, options.worker_threads)),
        acceptor(asio::make_strand(ioc)),
        signals(ioc) {}

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), as_tuple_awaitable);
      if (stopping || ec == asio::error::operation_aborted) co_return;
      if (ec) {
        // Out of descriptors and the like: back off briefly rather than spin.
        log::warn("accept failed", {{"error", ec.message()}});
        asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(50));
        co_await pause.async_wait(as_tuple_awaitable);
        continue;
      }
      beast::error_code remote_ec;
      auto endpoint = socket.remote_endpoint(remote_ec);
      std::string peer = remote_ec ? "" : endpoint.address().to_string();
      if (!admit(peer)) {
        turn_away(socket);
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, serve_connection(std::move(socket), std::move(peer)), [](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          log::error("connection failed", {{"error", ex.what()}});
        }
      });
    }
  }

  // The answer to a request whose headers already show it will be refused, or
  // nullopt. Only what the router knows without the body and without a
  // handler (which may need the database) is decided here.
  std::optional<response> refusal_before_body(const bhttp::request<bhttp::string_body>& header,
                                              const std::string& remote) const {
    try {
      auto req = to_request(header, remote);
      auto match = routes.resolve(req);
      if (match.fn) return std::nullopt;
      return router::invoke(match, req);
    } catch (const error::problem& p) {
      return to_response(p, language_of(header));
    }
  }

  // Takes a place for a connection from `peer`, if the caps leave one.
  bool admit(const std::string& peer) {
    std::lock_guard lock(connections_mutex);
    if (admitted >= options.max_connections) return false;
    if (!proxies.contains(peer)) {
      auto& from_peer = admitted_from[peer];
      if (from_peer >= options.max_connections_per_address) {
        if (from_peer == 0) admitted_from.erase(peer);
        return false;
      }
      ++from_peer;
    }
    ++admitted;
    return true;
  }

  void release(const std::string& peer) {
    std::lock_guard lock(connections_mutex);
    --admitted;
    if (proxies.contains(peer)) return;
    auto it = admitted_from.find(peer);
    if (it != admitted_from.end() && --it->second == 0) admitted_from.erase(it);
  }

  // A connection over the caps costs one small write and a close, on the
  // accepting strand, without a coroutine or a timer: a flood of them must
  // not hold descriptors. The answer fits any socket buffer; if it does not
  // go out at once it is dropped with the connection.
  template <class Socket>
  void turn_away(Socket& socket) {
    static const std::string body =
        to_response(error::problem(error::types::too_many_connections, error::messages::too_many_connections),
                    error::language::en)
            .body;
    const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nServer: planflow\r\nDate: " +
                               format_http_date(std::chrono::system_clock::now()) +
                               "\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
                               "X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body;
    beast::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.send(asio::buffer(answer), 0, ignored);
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    // What the client has sent already, read so that the close sends it no
    // reset ahead of the answer.
    std::array<char, 4096> sink;
    while (socket.available(ignored) > 0 && !ignored) socket.receive(asio::buffer(sink), 0, ignored);
    socket.close(ignored);
    log::debug("connection turned away", {});
  }

  std::shared_ptr<connection> track(beast::tcp_stream& stream) {
    auto conn = std::make_shared<connection>();
    conn->executor = stream.get_executor();
    conn->stream = &stream;
    std::lock_guard lock(connections_mutex);
    connections.push_back(conn);
    return conn;
  }

  // Runs on the connection's strand, like the cancellations posted to it.
  void untrack(const std::shared_ptr<connection>& conn) {
    conn->stream = nullptr;
    std::lock_guard lock(connections_mutex);
    connections.remove(conn);
  }

  asio::awaitable<void> write(beast::tcp_stream& stream, bhttp::response<bhttp::string_body>& msg) {
    stream.expires_after(options.body_timeout);
    auto [ec, n] = co_await bhttp::async_write(stream, msg, as_tuple_awaitable);
    (void)n;
    if (ec && !is_disconnect(ec)) log::debug("write failed", {{"error", ec.message()}});
  }

  // Answers a request that cannot be read reliably (too large, badly framed)
  // and ends the connection: whatever follows on it is not a request.
  asio::awaitable<void> refuse(beast::tcp_stream& stream, beast::flat_buffer& buffer, connection& conn,
                               response problem, const bhttp::request_parser<bhttp::string_body>& parser,
                               std::chrono::steady_clock::time_point started, const std::string& remote) {
    auto msg = to_message(std::move(problem), 11, false, false);
    co_await write(stream, msg);
    log_access(parser.is_header_done() ? std::string(parser.get().method_string()) : "-",
               parser.is_header_done() ? std::string(parser.get().target()) : "-", msg.result_int(), started, remote);
    co_await drain(stream, buffer, conn);
  }

  // The client may still be sending what we refused: closing with its bytes
  // unread would make the kernel reset the connection, and the client (Node's
  // fetch, a browser) would see ECONNRESET or EPIPE instead of the answer. So
  // stop sending, then read and drop what comes until the client closes, up
  // to a bounded amount and time.
  asio::awaitable<void> drain(beast::tcp_stream& stream, beast::flat_buffer& buffer, connection& conn) {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    conn.busy = false;  // nothing left to finish: a shutdown need not wait for this
    buffer.clear();
    stream.expires_after(options.drain_timeout);
    std::size_t drained = 0;
    while (drained < options.drain_limit) {
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(64 * 1024), as_tuple_awaitable);
      if (ec) break;
      drained += n;
    }
    buffer.clear();
  }

  // One coroutine per connection: read a request, answer it, repeat while the
  // client keeps the connection alive and the server is not stopping.
  asio::awaitable<void> serve_connection(tcp::socket socket, std::string peer) {
    struct admitted_place {
      impl& server;
      const std::string& peer;
      ~admitted_place() { server.release(peer); }
    } place{*this, peer};
    beast::tcp_stream stream(std::move(socket));
    auto conn = track(stream);
    beast::flat_buffer buffer;

    for (bool first = true;; first = false) {
      if (stopping) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(options.body_limit);
      parser.header_limit(16 * 1024);

      // Between requests, wait for the first byte with the keep-alive
      // timeout, then give the rest of the header its own, shorter, budget
      // (slow-loris protection). A new connection has that budget from the
      // start: one that never says anything is closed after header_timeout.
      if (buffer.size() == 0) {
        stream.expires_after(first ? options.header_timeout : options.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(buffer.prepare(8192), as_tuple_awaitable);
        if (ec) break;
        buffer.commit(n);
      }
      conn->busy = true;
      const auto started = std::chrono::steady_clock::now();
      if (!first) stream.expires_after(options.header_timeout);
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, as_tuple_awaitable);
      (void)hn;
      beast::error_code ec = hec;
      std::string remote = peer;
      if (!ec) {
        remote =
            client_address(peer, joined(parser.get(), "Forwarded"), joined(parser.get(), "X-Forwarded-For"), proxies);
        if (auto problem = transfer_coding_problem(parser.get())) {
          co_await refuse(stream, buffer, *conn, std::move(*problem), parser, started, remote);
          break;
        }
        if (expects_continue(parser.get()) && !parser.is_done()) {
          // The client holds the body back until told to send it (curl waits
          // a second, then sends anyway). A body that would be refused is
          // not asked for: a Content-Length over the limit has already been
          // answered 413 by async_read_header, and a path no route takes is
          // answered here, before the body is on the way.
          if (auto refusal = refusal_before_body(parser.get(), remote)) {
            co_await refuse(stream, buffer, *conn, std::move(*refusal), parser, started, remote);
            break;
          }
          bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
          stream.expires_after(options.body_timeout);
          auto [cec, cn] = co_await bhttp::async_write(stream, go_on, as_tuple_awaitable);
          (void)cn;
          if (cec) break;
        }
        stream.expires_after(options.body_timeout);
        auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, as_tuple_awaitable);
        (void)bn;
        ec = bec;
      }
      if (ec) {
        if (is_disconnect(ec) || ec == bhttp::error::partial_message) break;
        co_await refuse(stream, buffer, *conn, unreadable_request(ec, options.body_limit), parser, started, remote);
        break;
      }

      auto& msg = parser.get();
      const bool head = msg.method() == bhttp::verb::head;
      response res;
      request req;
      try {
        req = to_request(msg, remote);
        auto match = routes.resolve(req);
        if (match.how == execution::inline_) {
          res = router::invoke(match, req);
        } else {
          res = co_await asio::co_spawn(
              workers, [&]() -> asio::awaitable<response> { co_return router::invoke(match, req); }, use_awaitable);
        }
      } catch (const error::problem& p) {
        res = to_response(p, language_of(msg));
      }
      const bool keep_alive = msg.keep_alive() && !stopping;
      auto out = to_message(std::move(res), msg.version(), keep_alive, head);
      co_await write(stream, out);
      log_access(std::string(msg.method_string()), req.path.empty() ? std::string(msg.target()) : req.path,
                 out.result_int(), started, remote);
      conn->busy = false;
      if (!keep_alive) break;
    }

    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    untrack(conn);
  }

  void log_access(const std::string& method, const std::string& path, unsigned status,
                  std::chrono::steady_clock::time_point started, const std::string& remote) {
    if (!options.access_log || !log::enabled(log::level::info)) return;
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    log::access(method, path, status, double(micros.count()) / 1000.0, remote);
  }

  // Runs on the I/O context: stop accepting, drop idle connections, then wait
  // for busy ones to finish their current request.
  asio::awaitable<void> shut_down() {
    if (stopping.exchange(true)) co_return;
    log::info("shutting down", {{"grace_ms", options.shutdown_grace.count()}});
    signals.cancel();
    co_await asio::post(acceptor.get_executor(), use_awaitable);
    beast::error_code ignored;
    acceptor.close(ignored);

    auto close_idle = [this](bool force) {
      std::lock_guard lock(connections_mutex);
      for (const auto& conn : connections) {
        if (force || !conn->busy) {
          asio::post(conn->executor, [conn] {
            if (conn->stream) conn->stream->socket().cancel();
          });
        }
      }
      return connections.size();
    };
    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    asio::steady_timer tick(ioc);
    while (close_idle(std::chrono::steady_clock::now() >= deadline) > 0) {
      tick.expires_after(std::chrono::milliseconds(20));
      co_await tick.async_wait(as_tuple_awaitable);
    }
    log::info("all connections closed");
  }
};

server::server(server_options options, const router& routes)
    : impl_(std::make_unique<impl>(std::move(options), routes)) {}

server::~server() { impl_->workers.join(); }

void server::listen() {
  auto address = asio::ip::make_address(impl_->options.address);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
}

unsigned short server::port() const { return impl_->acceptor.local_endpoint().port(); }

void server::run(bool handle_signals) {
  auto& s = *impl_;
  asio::co_spawn(s.acceptor.get_executor(), s.accept_loop(), asio::detached);
  if (handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([this](const beast::error_code& ec, int signo) {
      if (ec) return;
      log::info("signal received", {{"signal", signo}});
      stop();
    });
  }
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < s.options.io_threads; ++i) extra.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : extra) t.join();
}

void server::stop() { asio::co_spawn(impl_->ioc, impl_->shut_down(), asio::detached); }

}  // namespace planflow::http
