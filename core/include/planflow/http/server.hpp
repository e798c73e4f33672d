#pragma once
/// The HTTP/1.1 server: Boost.Beast on Asio, one coroutine per connection on
/// a small I/O thread pool, handlers that may block run on a separate worker
/// pool. Beast itself is confined to server.cpp.

#include <planflow/http/router.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace planflow::http {

struct server_options {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  ///< 0 picks a free port; see server::port()
  std::size_t io_threads = 1;
  std::size_t worker_threads = 4;  ///< for handlers that block (database work)
  std::size_t body_limit = 1024 * 1024;
  /// To receive a request's headers once begun, and a new connection's
  /// first request from the moment it is accepted: a client that connects
  /// and stays silent holds a descriptor this long, not idle_timeout.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};    ///< to receive the body, and to send a response
  std::chrono::milliseconds idle_timeout{60'000};    ///< keep-alive wait for the next request
  std::chrono::milliseconds shutdown_grace{30'000};  ///< in-flight requests get this long to finish
  /// After an answer that ends a request early (413, a framing error), the
  /// client may still be sending: up to this many bytes of the rest are read
  /// and dropped, for at most drain_timeout, so that it can read the answer.
  std::size_t drain_limit = 4 * 1024 * 1024;
  std::chrono::milliseconds drain_timeout{5'000};
  /// Connections open at once, and of them from one peer address; more are
  /// answered 503 (Retry-After) and closed as soon as they are accepted, so
  /// silent sockets cannot use up the descriptors and keep everyone else out.
  /// A trusted proxy's connections count only towards the total.
  std::size_t max_connections = 1000;
  std::size_t max_connections_per_address = 100;
  /// Load balancers whose Forwarded / X-Forwarded-For headers name the real
  /// client (addresses or CIDR ranges); from anyone else they are ignored.
  std::vector<std::string> trusted_proxies;
  bool access_log = true;
};

class server {
 public:
  server(server_options options, const router& routes);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Binds and listens; throws std::system_error when the address is unusable.
  void listen();
  /// The bound port (useful after listening on port 0).
  unsigned short port() const;

  /// Serves until stop() or, when `handle_signals`, SIGINT/SIGTERM; then stops
  /// accepting, lets in-flight requests finish (up to shutdown_grace), closes
  /// idle connections and returns.
  void run(bool handle_signals);

  /// Starts a graceful shutdown; safe from any thread, idempotent.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace planflow::http
