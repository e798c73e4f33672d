#pragma once
// Helpers shared by the plugin's tests: the seeds, a context with the 77
// provinces, finding lookups, and a readable JSON writer for golden files.

#include "provinces.hpp"

#include <planflow/plugin/plan_type.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planflow::plugins::anti_corruption::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string seed(std::string_view name) {
  return read_file(std::string(PLANFLOW_SEEDS_DIR) + "/" + std::string(name));
}

inline constexpr std::string_view k_action_plan_seed = "000_f86febe8b6e44396.txt";
inline constexpr std::string_view k_ethics_seed = "002_11b89dd9d74e0ac8.txt";

/// A context that knows the 77 provinces and, optionally, the plan's province and year.
inline plugin::plan_context context(std::string province_code = "", int fiscal_year = 0) {
  plugin::plan_context ctx;
  ctx.province_code = std::move(province_code);
  ctx.fiscal_year = fiscal_year;
  ctx.provinces = all_provinces();
  return ctx;
}

/// Narathiwat's agencies as a province would register them (official names,
/// ids 1–16): what the host gives the plugin to link the names a document
/// writes. The seed names some of them otherwise ("สำนักงาน ป.ป.ช. ประจำ
/// จังหวัด", "สนง.ประชาสัมพันธ์…"), some ambiguously ("สำนักงานเขตพื้นที่
/// การศึกษา"), wrongly ("ประธานอาชีวศึกษา จังหวัด") or not at all.
inline std::vector<text::directory_agency> narathiwat_directory() {
  return {{1, "สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"},
          {2, "สำนักงานศึกษาธิการจังหวัดนราธิวาส"},
          {3, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานราธิวาส เขต ๑"},
          {4, "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษานราธิวาส"},
          {5, "สำนักงานอาชีวศึกษาจังหวัดนราธิวาส"},
          {6, "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนราธิวาส"},
          {7, "ชมรม STRONG-จิตพอเพียงต้านทุจริต"},
          {8, "เทศบาลตำบลรือเสาะ"},
          {9, "สำนักงานสาธารณสุขจังหวัดนราธิวาส"},
          {10, "สำนักงานจังหวัดนราธิวาส"},
          {11, "สำนักงานการท่องเที่ยวและกีฬาจังหวัดนราธิวาส"},
          {12, "สำนักงานประชาสัมพันธ์จังหวัดนราธิวาส"},
          {13, "สำนักงานคลังจังหวัดนราธิวาส"},
          {14, "สำนักงานที่ดินจังหวัดนราธิวาส"},
          {15, "สำนักงานพัฒนาชุมชนจังหวัดนราธิวาส"},
          {16, "สำนักงานพาณิชย์จังหวัดนราธิวาส"}};
}

/// Narathiwat in fiscal year 2566 with its directory.
inline plugin::plan_context narathiwat_with_directory() {
  auto ctx = context("TH-96", 2566);
  ctx.agencies = narathiwat_directory();
  return ctx;
}

using code_and_path = std::pair<std::string, std::string>;

inline std::vector<code_and_path> codes(const std::vector<plugin::finding>& findings, std::string_view severity) {
  std::vector<code_and_path> out;
  for (const auto& f : findings) {
    if (f.severity == severity) out.emplace_back(f.code, f.path);
  }
  return out;
}

inline bool has(const std::vector<plugin::finding>& findings, std::string_view code, std::string_view path) {
  for (const auto& f : findings) {
    if (f.code == code && f.path == path) return true;
  }
  return false;
}

inline const plugin::finding* find(const std::vector<plugin::finding>& findings, std::string_view code) {
  for (const auto& f : findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

inline std::string dump(const std::vector<plugin::finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.severity + " " + f.code + " " + f.path + " | " + f.message_en + "\n";
  return out;
}

/// JSON with one member or element per line, two-space indents: diffs of
/// golden files stay readable.
inline void pretty(std::string& out, const boost::json::value& v, int indent) {
  std::string pad(std::size_t(indent) * 2, ' ');
  std::string inner(std::size_t(indent + 1) * 2, ' ');
  if (const auto* o = v.if_object(); o && !o->empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& m : *o) {
      if (!first) out += ",\n";
      first = false;
      out += inner + boost::json::serialize(boost::json::value(m.key())) + ": ";
      pretty(out, m.value(), indent + 1);
    }
    out += "\n" + pad + "}";
  } else if (const auto* a = v.if_array(); a && !a->empty()) {
    out += "[\n";
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (i) out += ",\n";
      out += inner;
      pretty(out, (*a)[i], indent + 1);
    }
    out += "\n" + pad + "]";
  } else {
    out += boost::json::serialize(v);
  }
}

/// The JSON Pointer of the first difference between two values, "" when equal
/// (or "/" when the roots differ in kind).
inline std::string first_difference(const boost::json::value& a, const boost::json::value& b, std::string at = "") {
  if (a.is_object() && b.is_object()) {
    for (const auto& m : a.as_object()) {
      const auto* other = b.as_object().if_contains(m.key());
      if (!other) return at + "/" + std::string(m.key()) + " (missing on the right)";
      if (auto d = first_difference(m.value(), *other, at + "/" + std::string(m.key())); !d.empty()) return d;
    }
    for (const auto& m : b.as_object()) {
      if (!a.as_object().contains(m.key())) return at + "/" + std::string(m.key()) + " (missing on the left)";
    }
    return "";
  }
  if (a.is_array() && b.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (auto d = first_difference(x[i], y[i], at + "/" + std::to_string(i)); !d.empty()) return d;
    }
    if (x.size() != y.size()) return at + " (array sizes differ)";
    return "";
  }
  return a == b ? "" : (at.empty() ? "/" : at) + ": " + boost::json::serialize(a) + " vs " + boost::json::serialize(b);
}

}  // namespace planflow::plugins::anti_corruption::test
