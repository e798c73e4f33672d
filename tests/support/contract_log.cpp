#include "contract_log.hpp"

#include "http_client.hpp"

#include <planflow/util/utf8.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>

namespace planflow::test {
namespace {

struct contract_log {
  std::mutex mutex;
  std::set<unsigned short> planflow_ports;
  std::string path;
  std::ofstream out;  // opened at the first exchange: most test processes never talk to planflow
};

// Null when PLANFLOW_CONTRACT_DIR is unset: the environment is read once.
contract_log* log_if_enabled() {
  static contract_log* log = []() -> contract_log* {
    const char* dir = std::getenv("PLANFLOW_CONTRACT_DIR");
    if (!dir || !*dir) return nullptr;
    auto* made = new contract_log;  // never freed: exchanges may be recorded from static destructors
    made->path = std::string(dir) + "/exchanges-" + std::to_string(::getpid()) + ".jsonl";
    return made;
  }();
  return log;
}

std::string base64(const std::string& bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? digits[n & 63] : '=';
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void contract_serves_planflow(unsigned short port) {
  auto* log = log_if_enabled();
  if (!log) return;
  std::lock_guard lock(log->mutex);
  log->planflow_ports.insert(port);
}

bool contract_enabled() { return log_if_enabled() != nullptr; }

void contract_forget(unsigned short port) {
  auto* log = log_if_enabled();
  if (!log) return;
  std::lock_guard lock(log->mutex);
  log->planflow_ports.erase(port);
}

void contract_record(unsigned short port, const std::optional<sent_request>& request, const http_reply& reply) {
  auto* log = log_if_enabled();
  if (!log) return;
  {
    std::lock_guard lock(log->mutex);
    if (!log->planflow_ports.contains(port)) return;
  }
  boost::json::object line;
  if (const auto* test = ::testing::UnitTest::GetInstance()->current_test_info()) {
    line["test"] = std::string(test->test_suite_name()) + "." + test->name();
    line["file"] = test->file();
  }
  if (request) {
    boost::json::object headers;
    for (const auto& [name, value] : request->headers) {
      // Tokens are secrets even in a test log; that one was sent is what matters.
      headers[lower(name)] = lower(name) == "authorization" ? std::string("(sent)") : value;
    }
    line["request"] = {{"method", request->method}, {"target", request->target}, {"headers", std::move(headers)}};
  } else {
    line["request"] = nullptr;
  }
  boost::json::object headers;
  for (const auto& [name, value] : reply.headers) headers[name] = value;
  boost::json::object response{{"status", reply.status}, {"headers", std::move(headers)}};
  if (is_valid_utf8(reply.body)) {
    response["body"] = reply.body;
  } else {
    response["body_base64"] = base64(reply.body);
  }
  line["response"] = std::move(response);
  const auto text = boost::json::serialize(line);
  std::lock_guard lock(log->mutex);
  if (!log->out.is_open()) {
    log->out.open(log->path, std::ios::app);
    // A recording that silently went nowhere would let the check pass on nothing.
    if (!log->out) throw std::runtime_error("cannot write the contract log " + log->path);
  }
  log->out << text << '\n';
  log->out.flush();  // a test process that crashes later keeps what it recorded
}

std::optional<sent_request> contract_take_request(std::string& unanswered) {
  const auto head_end = unanswered.find("\r\n\r\n");
  const auto line_end = unanswered.find("\r\n");
  const std::string line = unanswered.substr(0, line_end);
  const auto first = line.find(' ');
  const auto last = line.rfind(' ');
  if (head_end == std::string::npos || first == std::string::npos || last == first ||
      !line.substr(last + 1).starts_with("HTTP/1.")) {
    unanswered.clear();
    return std::nullopt;
  }
  sent_request out{line.substr(0, first), line.substr(first + 1, last - first - 1), {}};
  std::size_t body_length = 0;
  bool framed = true;
  for (auto pos = line_end + 2; pos < head_end;) {
    auto end = unanswered.find("\r\n", pos);
    if (end > head_end) end = head_end;
    const auto field = unanswered.substr(pos, end - pos);
    pos = end + 2;
    const auto colon = field.find(':');
    if (colon == std::string::npos) continue;
    auto value = field.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    const auto name = lower(field.substr(0, colon));
    if (name == "content-length") {
      try {
        body_length = std::stoul(value);
      } catch (const std::exception&) {
        framed = false;
      }
    }
    if (name == "transfer-encoding") framed = false;
    out.headers[field.substr(0, colon)] = value;
  }
  const auto request_end = head_end + 4 + body_length;
  if (framed && request_end <= unanswered.size()) {
    unanswered.erase(0, request_end);
  } else {
    unanswered.clear();
  }
  return out;
}

}  // namespace planflow::test
