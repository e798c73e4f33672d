#pragma once
// A deliberately small HTTP/1.1 client over a POSIX socket, so tests can send
// malformed bytes, hold a connection open or watch it being closed.

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace planflow::test {

struct http_reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
};

class http_client {
 public:
  explicit http_client(unsigned short port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// Connects from `source_address` (any of 127.0.0.0/8 on Linux), so the
  /// server sees another client address.
  http_client(unsigned short port, const std::string& source_address,
              std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  /// Sends a request on this connection and reads the answer.
  http_reply request(const std::string& method, const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {});
  http_reply get(const std::string& target) { return request("GET", target); }

  void send_raw(const std::string& bytes);
  /// Reads one response; `head` when it answers a HEAD request (no body).
  http_reply read_reply(bool head = false);
  /// True when the server has closed the connection (reads EOF) within the timeout.
  bool closed_by_peer();

 private:
  http_reply read_reply_unrecorded(bool head);
  std::string read_until(const std::string& delimiter);
  std::string read_exact(std::size_t n);
  bool fill();

  int fd_ = -1;
  unsigned short port_ = 0;
  std::string buffer_;
  // Sent and not yet answered, kept only while exchanges are recorded.
  std::string unanswered_;
};

/// Whether `value` is an RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT")
/// within a few seconds of now: what a Date header must be.
bool is_current_http_date(const std::string& value);

/// A one-off request on a fresh connection.
http_reply fetch(unsigned short port, const std::string& method, const std::string& target,
                 const std::string& body = {}, const std::map<std::string, std::string>& headers = {});

}  // namespace planflow::test
