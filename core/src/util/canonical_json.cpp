#include <planflow/util/canonical_json.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <vector>

namespace planflow {
namespace {

void write(const boost::json::value& v, std::string& out) {
  switch (v.kind()) {
    case boost::json::kind::object: {
      const auto& obj = v.get_object();
      std::vector<const boost::json::key_value_pair*> members;
      members.reserve(obj.size());
      for (const auto& kv : obj) members.push_back(&kv);
      std::ranges::sort(members, [](auto* a, auto* b) { return a->key() < b->key(); });
      out.push_back('{');
      bool first = true;
      for (const auto* kv : members) {
        if (!first) out.push_back(',');
        first = false;
        out += boost::json::serialize(kv->key());
        out.push_back(':');
        write(kv->value(), out);
      }
      out.push_back('}');
      break;
    }
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        write(item, out);
      }
      out.push_back(']');
      break;
    }
    default:
      out += boost::json::serialize(v);
  }
}

}  // namespace

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  write(value, out);
  return out;
}

}  // namespace planflow
