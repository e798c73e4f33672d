#include "webhook_receiver.hpp"

namespace planflow::test {

webhook_receiver::webhook_receiver(std::size_t failures) {
  routes_.add(http::method::post, "/hook", [this, failures](http::request& req) {
    std::lock_guard lock(mutex_);
    received_.push_back({req.body, std::string(req.header("x-planflow-signature").value_or("")),
                         std::string(req.header("x-planflow-delivery").value_or(""))});
    return received_.size() <= failures ? http::response::text(500, "try later") : http::response::no_content();
  });
  http::server_options o;
  o.port = 0;
  o.access_log = false;
  server_ = std::make_unique<http::server>(o, routes_);
  server_->listen();
  thread_ = std::thread([this] { server_->run(false); });
}

webhook_receiver::~webhook_receiver() {
  server_->stop();
  thread_.join();
}

std::string webhook_receiver::url() const { return "http://127.0.0.1:" + std::to_string(server_->port()) + "/hook"; }

std::vector<webhook_receiver::received> webhook_receiver::all() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::vector<std::string> webhook_receiver::bodies() const {
  std::vector<std::string> out;
  for (const auto& r : all()) out.push_back(r.body);
  return out;
}

std::vector<std::string> webhook_receiver::signatures() const {
  std::vector<std::string> out;
  for (const auto& r : all()) out.push_back(r.signature);
  return out;
}

}  // namespace planflow::test
