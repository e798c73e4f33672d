#pragma once
// Three `planflow serve` on the test cluster, instance i on node i.

#include "../fault/world.hpp"
#include "../support/databases.hpp"
#include "../support/server_process.hpp"
#include "cluster_fixture.hpp"

#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace planflow::test {

// Three `planflow serve`, instance i on node i. They share the audit signing
// key, as every instance of one deployment must: a checkpoint signed by
// another key is not trusted by `audit verify`.
class instances {
 public:
  instances(const galera_cluster& cluster, const std::string& db, const std::vector<std::string>& extra) {
    // Started together, so that their background passes, one interval after
    // each start, come at nearly the same moment.
    servers_.resize(k_nodes);
    std::vector<std::exception_ptr> failed(k_nodes);
    std::vector<std::thread> starting;
    for (int node = 1; node <= k_nodes; ++node) {
      starting.emplace_back([&, node] {
        try {
          auto options = serve_options(extra);
          options.insert(options.end(), {"--audit-key-file", key_file_});
          servers_[std::size_t(node - 1)] = std::make_unique<server_process>(cluster.url(node, db), options);
        } catch (...) {
          failed[std::size_t(node - 1)] = std::current_exception();
        }
      });
    }
    for (auto& t : starting) t.join();
    // The ones that started are stopped by their destructors.
    for (const auto& e : failed)
      if (e) std::rethrow_exception(e);
  }
  server_process& on(int node) { return *servers_[std::size_t(node - 1)]; }
  // Commits stall for a moment while the cluster certifies under load.
  api_client client(int node) { return api_client(on(node).port(), std::chrono::seconds(30)); }
  /// `user` through `node`: logged in once, through the first node asked;
  /// the token then works on every instance (sessions are in the database),
  /// and clients at once do not meet the login limits.
  api_client as(const std::string& user, int node) {
    auto c = client(node);
    std::lock_guard lock(tokens_mutex_);
    if (auto known = tokens_.find(user); known != tokens_.end()) {
      c.set_token(known->second);
    } else {
      EXPECT_EQ(c.login(user, k_password).status, 200) << user << " at node " << node;
      tokens_[user] = c.token();
    }
    return c;
  }
  /// Stops every instance by its PID (SIGTERM: a background pass in flight ends first).
  void stop_all() {
    for (auto& s : servers_) s->stop();
  }
  const std::string& key_file() const { return key_file_; }

 private:
  scratch_dir key_dir_;
  std::string key_file_ = key_dir_.path() + "/audit-signing.key";
  std::vector<std::unique_ptr<server_process>> servers_;
  std::mutex tokens_mutex_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace planflow::test
