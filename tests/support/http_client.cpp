#include "http_client.hpp"

#include "contract_log.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <regex>
#include <stdexcept>

namespace planflow::test {

http_client::http_client(unsigned short port, std::chrono::milliseconds timeout) : http_client(port, "", timeout) {}

http_client::http_client(unsigned short port, const std::string& source_address, std::chrono::milliseconds timeout)
    : port_(port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
  if (!source_address.empty()) {
    sockaddr_in source{};
    source.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source_address.c_str(), &source.sin_addr) != 1 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
      ::close(fd_);
      throw std::runtime_error("bind to " + source_address + ": " + std::strerror(errno));
    }
  }
  timeval tv{};
  tv.tv_sec = timeout.count() / 1000;
  tv.tv_usec = (timeout.count() % 1000) * 1000;
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    throw std::runtime_error("connect to port " + std::to_string(port) + ": " + std::strerror(errno));
  }
}

http_client::~http_client() {
  if (fd_ >= 0) ::close(fd_);
}

void http_client::send_raw(const std::string& bytes) {
  if (contract_enabled()) unanswered_ += bytes;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0) throw std::runtime_error("send: " + std::string(std::strerror(errno)));
    sent += std::size_t(n);
  }
}

bool http_client::fill() {
  char chunk[16384];
  auto n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) throw std::runtime_error("timed out waiting for the server");
  if (n <= 0) return false;
  buffer_.append(chunk, std::size_t(n));
  return true;
}

std::string http_client::read_until(const std::string& delimiter) {
  std::size_t pos;
  while ((pos = buffer_.find(delimiter)) == std::string::npos) {
    if (!fill()) throw std::runtime_error("connection closed before a complete response");
  }
  std::string out = buffer_.substr(0, pos);
  buffer_.erase(0, pos + delimiter.size());
  return out;
}

std::string http_client::read_exact(std::size_t n) {
  while (buffer_.size() < n) {
    if (!fill()) throw std::runtime_error("connection closed inside a response body");
  }
  std::string out = buffer_.substr(0, n);
  buffer_.erase(0, n);
  return out;
}

http_reply http_client::read_reply(bool head) {
  auto reply = read_reply_unrecorded(head);
  if (contract_enabled()) contract_record(port_, contract_take_request(unanswered_), reply);
  return reply;
}

http_reply http_client::read_reply_unrecorded(bool head) {
  http_reply reply;
  std::string head_text = read_until("\r\n\r\n");
  auto line_end = head_text.find("\r\n");
  std::string status_line = head_text.substr(0, line_end);
  if (status_line.size() < 12 || !status_line.starts_with("HTTP/1."))
    throw std::runtime_error("bad status line: " + status_line);
  reply.status = std::stoi(status_line.substr(9, 3));
  std::size_t pos = line_end == std::string::npos ? head_text.size() : line_end + 2;
  while (pos < head_text.size()) {
    auto end = head_text.find("\r\n", pos);
    if (end == std::string::npos) end = head_text.size();
    std::string line = head_text.substr(pos, end - pos);
    pos = end + 2;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    reply.headers[name] = value;
  }
  if (head) return reply;
  if (reply.header("transfer-encoding") == "chunked") {
    // Other servers than planflow answer so (haproxy's statistics page).
    for (;;) {
      const auto size_line = read_until("\r\n");
      const auto size = std::stoul(size_line.substr(0, size_line.find(';')), nullptr, 16);
      if (size == 0) {
        while (!read_until("\r\n").empty()) {
        }  // trailer fields, then the blank line
        break;
      }
      reply.body += read_exact(size);
      read_until("\r\n");
    }
  } else {
    auto length = reply.header("content-length");
    reply.body = read_exact(length.empty() ? 0 : std::stoul(length));
  }
  return reply;
}

http_reply http_client::request(const std::string& method, const std::string& target, const std::string& body,
                                const std::map<std::string, std::string>& headers) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_type = false;
  for (const auto& [name, value] : headers) {
    text += name + ": " + value + "\r\n";
    if (name == "Content-Type") has_type = true;
  }
  if (!body.empty() && !has_type) text += "Content-Type: application/json\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  text += "\r\n" + body;
  send_raw(text);
  return read_reply(method == "HEAD");
}

bool http_client::closed_by_peer() {
  if (!buffer_.empty()) return false;
  try {
    return !fill();
  } catch (const std::runtime_error&) {
    return false;  // timed out: still open
  }
}

bool is_current_http_date(const std::string& value) {
  static const std::regex imf_fixdate(
      R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} )"
      R"([0-9]{2}:[0-9]{2}:[0-9]{2} GMT)");
  if (!std::regex_match(value, imf_fixdate)) return false;
  std::tm parts{};
  if (!::strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts)) return false;
  const auto at = ::timegm(&parts);
  return std::abs(std::difftime(std::time(nullptr), at)) <= 5;
}

http_reply fetch(unsigned short port, const std::string& method, const std::string& target, const std::string& body,
                 const std::map<std::string, std::string>& headers) {
  http_client client(port);
  return client.request(method, target, body, headers);
}

}  // namespace planflow::test
