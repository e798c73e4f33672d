#pragma once
// The whole application (real database, real plugins, built-in workflows)
// served in-process on an ephemeral loopback port, and a small JSON client
// that logs in and carries the bearer token.

#include "databases.hpp"
#include "http_client.hpp"

#include <planflow/app/application.hpp>
#include <planflow/http/server.hpp>

#include <boost/json/value.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace planflow::test {

class app_server {
 public:
  /// `db_url` from a scratch_database.
  explicit app_server(const std::string& db_url, std::size_t pool_size = 4, auth::session_settings sessions = {});
  ~app_server();

  unsigned short port() const { return server_->port(); }
  app::application& app() { return *app_; }
  /// The audit signing key of this server, in a directory of its own (for
  /// `planflow audit verify --audit-key-file`).
  const std::string& app_key_file() const { return key_file_; }

  /// Creates a user directly in the directory (an administrator, say) with a password.
  std::int64_t add_user(const std::string& username, const std::string& password,
                        const std::vector<directory::role_grant>& roles,
                        std::optional<std::int64_t> agency = std::nullopt);

 private:
  scratch_dir key_dir_;
  std::string key_file_ = key_dir_.path() + "/audit-signing.key";
  std::unique_ptr<app::application> app_;
  std::unique_ptr<http::server> server_;
  std::thread thread_;
};

struct json_reply {
  int status = 0;
  boost::json::value body;
  std::string text;  ///< the body as sent, for checks of its spelling
  std::map<std::string, std::string> headers;

  const boost::json::object& obj() const { return body.as_object(); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
  /// The `type` slug of a problem response ("" otherwise).
  std::string problem() const;
};

class api_client {
 public:
  explicit api_client(unsigned short port) : port_(port) {}
  /// A client the server sees at `source_address` (127.0.0.2, say).
  api_client(unsigned short port, std::string source_address) : port_(port), source_(std::move(source_address)) {}
  /// `timeout` bounds each request: a Galera cluster that has just lost a
  /// node holds every commit for some seconds, and tests there wait longer.
  api_client(unsigned short port, std::chrono::milliseconds timeout) : port_(port), timeout_(timeout) {}
  api_client(unsigned short port, std::string source_address, std::chrono::milliseconds timeout)
      : port_(port), source_(std::move(source_address)), timeout_(timeout) {}

  /// Logs in; returns the login reply (token kept on success).
  json_reply login(const std::string& username, const std::string& password);
  void set_token(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }

  json_reply get(const std::string& target);
  json_reply post(const std::string& target, const boost::json::value& body,
                  std::map<std::string, std::string> headers = {});
  json_reply put(const std::string& target, const boost::json::value& body,
                 std::map<std::string, std::string> headers = {});
  json_reply del(const std::string& target);
  /// Any request with a raw body.
  json_reply send(const std::string& method, const std::string& target, const std::string& body,
                  std::map<std::string, std::string> headers = {});

 private:
  unsigned short port_;
  std::string source_;
  std::chrono::milliseconds timeout_{std::chrono::seconds(10)};
  std::string token_;
};

}  // namespace planflow::test
