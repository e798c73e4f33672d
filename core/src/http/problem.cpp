#include <planflow/http/problem.hpp>
#include <planflow/util/json_text.hpp>

#include <cctype>
#include <cstdlib>

namespace planflow::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool names_language(std::string_view range, std::string_view primary) {
  if (range.size() < primary.size()) return false;
  for (std::size_t i = 0; i < primary.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(range[i])) != primary[i]) return false;
  }
  return range.size() == primary.size() || range[primary.size()] == '-';
}

}  // namespace

error::language preferred_language(std::string_view header) {
  double best_q = 0;
  auto best = error::language::en;
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    double q = 1;
    if (const auto semi = item.find(';'); semi != std::string_view::npos) {
      auto param = trim(item.substr(semi + 1));
      item = trim(item.substr(0, semi));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      }
    }
    // Strictly greater: among equal weights the first named wins.
    if (q <= best_q) continue;
    if (names_language(item, "th")) {
      best = error::language::th;
      best_q = q;
    } else if (names_language(item, "en")) {
      best = error::language::en;
      best_q = q;
    }
  }
  return best;
}

error::language language_of(const request& req) {
  return preferred_language(req.header("accept-language").value_or(""));
}

response to_response(const error::problem& p, error::language lang) {
  boost::json::object body;
  body["type"] = "urn:planflow:problem:" + std::string(p.type().slug);
  body["title"] = error::title(p.type(), lang);
  body["status"] = error::status(p.type());
  body["code"] = p.code().id;
  body["params"] = p.params();
  body["detail"] = error::render(p.code(), p.params(), lang);
  if (!p.fields().empty()) {
    boost::json::array list;
    for (const auto& f : p.fields()) {
      list.push_back(boost::json::object{{"pointer", f.pointer},
                                         {"code", f.code.id},
                                         {"params", f.params},
                                         {"detail", error::render(f.code, f.params, lang)}});
    }
    body["errors"] = std::move(list);
  }
  for (const auto& ext : p.extensions()) body[ext.key()] = ext.value();

  response r;
  r.status = error::status(p.type());
  r.body = json_text(body);
  r.set_header("Content-Type", "application/problem+json");
  r.set_header("Content-Language", std::string(error::tag(lang)));
  r.set_header("Vary", "Accept-Language");
  if (p.retry_after()) r.set_header("Retry-After", std::to_string(p.retry_after()->count()));
  return r;
}

}  // namespace planflow::http
