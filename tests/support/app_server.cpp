#include "app_server.hpp"

#include "contract_log.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/directory/users.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <sstream>

namespace planflow::test {

app_server::app_server(const std::string& db_url, std::size_t pool_size, auth::session_settings sessions) {
  app::application_options options;
  options.sessions = sessions;
  options.db_url = db_url;
  options.database.pool_size = pool_size;
  options.plugins_dir = std::string(PLANFLOW_PLUGIN_DIR) + ":" + PLANFLOW_API_PLUGIN_DIR;
  options.workflows_dir = std::string(PLANFLOW_SOURCE_DIR) + "/workflows";
  options.audit_key_file = key_file_;
  app_ = std::make_unique<app::application>(options);
  // The test plan type runs on a copy of the built-in workflow.
  std::ifstream in(options.workflows_dir + "/provincial_plan.json");
  std::stringstream text;
  text << in.rdbuf();
  auto def = boost::json::parse(text.str());
  def.as_object()["id"] = "simple_workflow";
  def.as_object()["plan_types"] = boost::json::array{"simple_plan"};
  app_->context().workflows.publish(def, std::nullopt, "builtin");
  http::server_options server_options;
  server_options.port = 0;
  server_options.worker_threads = 4;
  server_options.access_log = false;
  server_ = std::make_unique<http::server>(server_options, app_->routes());
  server_->listen();
  contract_serves_planflow(server_->port());
  thread_ = std::thread([this] { server_->run(false); });
}

app_server::~app_server() {
  contract_forget(server_->port());
  server_->stop();
  thread_.join();
}

std::int64_t app_server::add_user(const std::string& username, const std::string& password,
                                  const std::vector<directory::role_grant>& roles, std::optional<std::int64_t> agency) {
  return storage::in_transaction(app_->db(), [&](soci::session& sql) {
    return directory::create_user(sql, {username, username, agency, auth::hash_password(password), roles});
  });
}

std::string json_reply::problem() const {
  if (!body.is_object()) return {};
  auto it = body.as_object().find("type");
  if (it == body.as_object().end() || !it->value().is_string()) return {};
  std::string type(it->value().as_string());
  const std::string prefix = "urn:planflow:problem:";
  return type.starts_with(prefix) ? type.substr(prefix.size()) : type;
}

json_reply api_client::send(const std::string& method, const std::string& target, const std::string& body,
                            std::map<std::string, std::string> headers) {
  if (!token_.empty()) headers.emplace("Authorization", "Bearer " + token_);
  http_client client(port_, source_, timeout_);
  auto raw = client.request(method, target, body, headers);
  json_reply out;
  out.status = raw.status;
  out.headers = raw.headers;
  out.text = raw.body;
  auto type = raw.header("content-type");
  if (type.find("json") != std::string::npos && !raw.body.empty()) {
    out.body = boost::json::parse(raw.body);
  } else {
    out.body = boost::json::string(raw.body);
  }
  return out;
}

json_reply api_client::get(const std::string& target) { return send("GET", target, {}); }

json_reply api_client::post(const std::string& target, const boost::json::value& body,
                            std::map<std::string, std::string> headers) {
  return send("POST", target, boost::json::serialize(body), std::move(headers));
}

json_reply api_client::put(const std::string& target, const boost::json::value& body,
                           std::map<std::string, std::string> headers) {
  return send("PUT", target, boost::json::serialize(body), std::move(headers));
}

json_reply api_client::del(const std::string& target) { return send("DELETE", target, {}); }

json_reply api_client::login(const std::string& username, const std::string& password) {
  auto saved = std::move(token_);
  token_.clear();
  auto reply = post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  token_ = reply.status == 200 ? std::string(reply.obj().at("token").as_string()) : saved;
  return reply;
}

}  // namespace planflow::test
