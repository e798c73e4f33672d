#pragma once
/// Who sent a request. Behind a load balancer every connection comes from the
/// balancer, so the client's own address (for login throttling, the audit log
/// and the access log) is the one the balancer reports in `Forwarded` or
/// `X-Forwarded-For`. Those headers are believed only from a configured
/// trusted proxy: anyone else could write them to hide, or to lock out others.

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace planflow::http {

class trusted_proxies {
 public:
  trusted_proxies() = default;
  /// Addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8", "fd00::/8");
  /// throws std::invalid_argument naming the one that is neither.
  explicit trusted_proxies(const std::vector<std::string>& ranges);

  bool empty() const { return v4_.empty() && v6_.empty(); }
  bool contains(std::string_view address) const;

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

/// The client's address: `peer` itself unless `peer` is a trusted proxy; then
/// the nearest address in the forwarding chain that is not a trusted proxy,
/// read from `Forwarded` (RFC 7239) when present, else from `X-Forwarded-For`
/// (right to left, since a client can prepend anything it likes). A header
/// that cannot be read leaves the peer's address: it is never half-believed.
std::string client_address(const std::string& peer, std::string_view forwarded, std::string_view x_forwarded_for,
                           const trusted_proxies& proxies);

}  // namespace planflow::http
