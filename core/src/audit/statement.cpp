#include "statement.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/util/canonical_json.hpp>

#include <boost/json/parse.hpp>

#include <stdexcept>

namespace planflow::audit::detail {
namespace {

boost::json::array heads_array(const std::vector<chain_head>& heads) {
  boost::json::array out;
  out.reserve(heads.size());
  for (const auto& h : heads) out.push_back(boost::json::array{h.entity, h.entity_id, h.seq, h.hash});
  return out;
}

chain_head read_head(const boost::json::value& v) {
  const auto* a = v.if_array();
  if (!a || a->size() != 4 || !(*a)[0].is_string() || !(*a)[1].is_string() || !(*a)[2].is_int64() ||
      !(*a)[3].is_string()) {
    throw std::invalid_argument("a head is not [entity, entity_id, seq, hash]");
  }
  return {std::string((*a)[0].as_string()), std::string((*a)[1].as_string()), (*a)[2].as_int64(),
          std::string((*a)[3].as_string())};
}

}  // namespace

std::string heads_json(const std::vector<chain_head>& heads) { return canonical_json(heads_array(heads)); }

std::vector<chain_head> parse_heads(const std::string& text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) throw std::invalid_argument("the heads are not a JSON array");
  std::vector<chain_head> out;
  for (const auto& v : value.as_array()) out.push_back(read_head(v));
  return out;
}

std::string statement_digest(const checkpoint_statement& s) {
  boost::json::object fields{{"at", s.at},
                             {"prev_digest", s.prev_digest},
                             {"chains", s.chains},
                             {"entries", s.entries},
                             {"legacy", boost::json::array{s.legacy_seq, s.legacy_hash}},
                             {"heads", heads_array(s.heads)}};
  return auth::sha256_hex(canonical_json(fields));
}

}  // namespace planflow::audit::detail
