#pragma once
// A stand-in for a ministry's webhook, on loopback: records every delivery
// it is sent (body, signature, delivery id) and fails the first few, as a
// receiver that is down for a while would.

#include <planflow/http/router.hpp>
#include <planflow/http/server.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace planflow::test {

class webhook_receiver {
 public:
  struct received {
    std::string body;
    std::string signature;  ///< X-Planflow-Signature
    std::string delivery;   ///< X-Planflow-Delivery: the id a receiver dedups by
  };

  /// Answers 500 to the first `failures` POSTs to /hook, 204 to the rest.
  explicit webhook_receiver(std::size_t failures = 0);
  ~webhook_receiver();
  webhook_receiver(const webhook_receiver&) = delete;
  webhook_receiver& operator=(const webhook_receiver&) = delete;

  std::string url() const;
  std::vector<received> all() const;
  std::vector<std::string> bodies() const;
  std::vector<std::string> signatures() const;

 private:
  http::router routes_;
  std::unique_ptr<http::server> server_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<received> received_;
};

}  // namespace planflow::test
