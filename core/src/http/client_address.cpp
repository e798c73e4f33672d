#include <planflow/http/client_address.hpp>
#include <planflow/http/field_list.hpp>

#include <boost/asio/ip/address.hpp>

#include <optional>
#include <stdexcept>

namespace planflow::http {
namespace asio_ip = boost::asio::ip;

namespace {

std::optional<asio_ip::address> parse_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = asio_ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  // An IPv4 client seen through a dual-stack socket is written ::ffff:a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio_ip::make_address_v4(asio_ip::v4_mapped, address.to_v6());
  }
  return address;
}

// One node of RFC 7239: 192.0.2.60, "[2001:db8::1]:4711", "192.0.2.60:80".
// Obfuscated identifiers ("_hidden") and "unknown" are not addresses.
std::optional<asio_ip::address> forwarded_node(std::string_view node) {
  if (node.size() >= 2 && node.front() == '"' && node.back() == '"') node = node.substr(1, node.size() - 2);
  if (node.starts_with('[')) {
    auto close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return parse_address(node.substr(1, close - 1));
  }
  if (node.find(':') != node.rfind(':')) return parse_address(node);  // bare IPv6 is not allowed, but seen
  return parse_address(node.substr(0, node.find(':')));
}

// The `for=` of each element of a Forwarded header, nearest proxy last; nullopt
// when an element lacks one or it is not an address.
std::optional<std::vector<asio_ip::address>> forwarded_chain(std::string_view header) {
  std::vector<asio_ip::address> chain;
  for (auto element : split_list(header, ',')) {
    std::optional<asio_ip::address> found;
    for (auto pair : split_list(element, ';')) {
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) return std::nullopt;
      auto name = trim_ows(pair.substr(0, eq));
      if (name.size() == 3 && (name[0] | 0x20) == 'f' && (name[1] | 0x20) == 'o' && (name[2] | 0x20) == 'r') {
        found = forwarded_node(trim_ows(pair.substr(eq + 1)));
        if (!found) return std::nullopt;
      }
    }
    if (!found) return std::nullopt;
    chain.push_back(*found);
  }
  return chain;
}

std::optional<std::vector<asio_ip::address>> x_forwarded_chain(std::string_view header) {
  std::vector<asio_ip::address> chain;
  for (auto node : split_list(header, ',')) {
    auto address = parse_address(node);
    if (!address) return std::nullopt;
    chain.push_back(*address);
  }
  return chain;
}

}  // namespace

trusted_proxies::trusted_proxies(const std::vector<std::string>& ranges) {
  for (const auto& range : ranges) {
    boost::system::error_code ec;
    const bool has_prefix = range.find('/') != std::string::npos;
    if (range.find(':') != std::string::npos) {
      auto net = has_prefix ? asio_ip::make_network_v6(range, ec)
                            : asio_ip::network_v6(asio_ip::make_address_v6(range, ec), 128);
      if (!ec) v6_.push_back(net.canonical());
    } else {
      auto net = has_prefix ? asio_ip::make_network_v4(range, ec)
                            : asio_ip::network_v4(asio_ip::make_address_v4(range, ec), 32);
      if (!ec) v4_.push_back(net.canonical());
    }
    if (ec) throw std::invalid_argument("trusted proxy \"" + range + "\" is not an address or a CIDR range");
  }
}

bool trusted_proxies::contains(std::string_view text) const {
  auto address = parse_address(text);
  if (!address) return false;
  if (address->is_v4()) {
    const auto host = asio_ip::network_v4(address->to_v4(), 32);
    for (const auto& net : v4_) {
      if (host.is_subnet_of(net) || host == net) return true;
    }
    return false;
  }
  const auto host = asio_ip::network_v6(address->to_v6(), 128);
  for (const auto& net : v6_) {
    if (host.is_subnet_of(net) || host == net) return true;
  }
  return false;
}

std::string client_address(const std::string& peer, std::string_view forwarded, std::string_view x_forwarded_for,
                           const trusted_proxies& proxies) {
  if (proxies.empty() || !proxies.contains(peer)) return peer;
  auto chain = !forwarded.empty()         ? forwarded_chain(forwarded)
               : !x_forwarded_for.empty() ? x_forwarded_chain(x_forwarded_for)
                                          : std::nullopt;
  if (!chain) return peer;
  // Nearest first: each trusted hop vouches for the one before it.
  for (auto it = chain->rbegin(); it != chain->rend(); ++it) {
    if (!proxies.contains(it->to_string())) return it->to_string();
  }
  // Every hop was one of ours: the first one is the client.
  return chain->empty() ? peer : chain->front().to_string();
}

}  // namespace planflow::http
