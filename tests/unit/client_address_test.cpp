// Which address a request came from, behind a load balancer and without one.
#include <planflow/http/client_address.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace planflow::http {
namespace {

const trusted_proxies k_balancers({"10.0.0.5", "192.168.1.0/24", "fd00::/8"});

TEST(trusted_proxies, reads_addresses_and_ranges_and_names_a_bad_one) {
  EXPECT_TRUE(k_balancers.contains("10.0.0.5"));
  EXPECT_FALSE(k_balancers.contains("10.0.0.6"));
  EXPECT_TRUE(k_balancers.contains("192.168.1.200"));
  EXPECT_FALSE(k_balancers.contains("192.168.2.1"));
  EXPECT_TRUE(k_balancers.contains("fd12::1"));
  EXPECT_TRUE(k_balancers.contains("::ffff:10.0.0.5"));  // the same balancer through a dual-stack socket
  EXPECT_FALSE(k_balancers.contains("not an address"));
  EXPECT_TRUE(trusted_proxies({"10.1.2.3/8"}).contains("10.200.0.1"));  // host bits in a range are ignored
  EXPECT_TRUE(trusted_proxies().empty());
  for (const char* bad : {"10.0.0.0/33", "localhost", "10.0.0", "fd00::/129", ""}) {
    try {
      trusted_proxies({bad});
      ADD_FAILURE() << bad << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find('"' + std::string(bad) + '"'), std::string::npos) << e.what();
    }
  }
}

TEST(client_address, headers_from_anyone_but_a_trusted_proxy_are_ignored) {
  EXPECT_EQ(client_address("203.0.113.9", "", "198.51.100.1", k_balancers), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", "for=198.51.100.1", "", k_balancers), "203.0.113.9");
  EXPECT_EQ(client_address("10.0.0.5", "", "198.51.100.1", trusted_proxies()), "10.0.0.5");
}

TEST(client_address, x_forwarded_for_is_read_from_the_nearest_hop) {
  EXPECT_EQ(client_address("10.0.0.5", "", "198.51.100.1", k_balancers), "198.51.100.1");
  // A client that writes its own header cannot choose what we read: the hop
  // our balancer appended is the last one.
  EXPECT_EQ(client_address("10.0.0.5", "", "1.2.3.4, 198.51.100.1", k_balancers), "198.51.100.1");
  // Through two of our own proxies, the first untrusted hop is the client.
  EXPECT_EQ(client_address("10.0.0.5", "", "198.51.100.1,192.168.1.7", k_balancers), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", "", "2001:db8::7", k_balancers), "2001:db8::7");
  EXPECT_EQ(client_address("10.0.0.5", "", "", k_balancers), "10.0.0.5");
}

TEST(client_address, forwarded_is_preferred_and_read_per_rfc_7239) {
  EXPECT_EQ(client_address("10.0.0.5", "for=198.51.100.1;proto=https", "1.2.3.4", k_balancers), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", R"(for="[2001:db8:cafe::17]:4711")", "", k_balancers), "2001:db8:cafe::17");
  EXPECT_EQ(client_address("10.0.0.5", "for=198.51.100.1:8080, For=192.168.1.7", "", k_balancers), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", "proto=https;for=198.51.100.2", "", k_balancers), "198.51.100.2");
}

TEST(client_address, an_unreadable_chain_is_never_half_believed) {
  for (const char* header : {"unknown", "198.51.100.1, garbage", ",", "999.1.1.1"}) {
    EXPECT_EQ(client_address("10.0.0.5", "", header, k_balancers), "10.0.0.5") << header;
  }
  for (const char* header : {"for=_hidden", "for=unknown", "proto=https", "for=\"[2001:db8::1\"", "for"}) {
    EXPECT_EQ(client_address("10.0.0.5", header, "", k_balancers), "10.0.0.5") << header;
  }
}

TEST(client_address, a_chain_of_only_our_proxies_names_its_first_hop) {
  EXPECT_EQ(client_address("10.0.0.5", "", "192.168.1.3, 192.168.1.7", k_balancers), "192.168.1.3");
}

}  // namespace
}  // namespace planflow::http
