#include <planflow/workflow/definition.hpp>

#include <algorithm>
#include <string>

namespace planflow::workflow {
namespace {

// Both formats share one wording for an edge: what the action is called, how
// a signature transition completes, and who may take it.
std::string edge_headline(const transition& t) {
  std::string out = t.action;
  if (t.signature) out += " ✍";
  for (const auto& g : t.guards) {
    if (g.type == "quorum") {
      out += " quorum ";
      switch (g.rule) {
        case quorum_rule::count:
          out += std::to_string(g.k);
          break;
        case quorum_rule::majority:
          out += "majority";
          break;
        case quorum_rule::all:
          out += "all";
          break;
      }
      out += " of " + g.role;
    } else {
      out += " [" + g.type + "]";
    }
  }
  return out;
}

std::string roles_line(const transition& t) {
  std::string out = "(";
  for (std::size_t i = 0; i < t.roles.size(); ++i) {
    if (i > 0) out += ", ";
    out += t.roles[i];
  }
  return out + ")";
}

// Inside a DOT double-quoted string; "\n" is DOT's own line break and a lone
// backslash would start one of its escapes (\N, \G, \l...).
std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c != '\r')
      out.push_back(c);
  }
  return out;
}

// Mermaid labels are HTML: quotes would end the label and <, >, & would be
// markup, so they become Mermaid's #entity; codes ('#' itself starts one).
std::string mermaid_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '`':
        out += "#96;";
        break;
      case '\n':
        out += "<br/>";
        break;
      case '\r':
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// Valid stage ids are already safe, but prefixing keeps them off Mermaid's
// keywords (a node called "end" breaks a flowchart); anything else is
// hex-encoded so that the result is still unique and deterministic.
std::string mermaid_node_id(std::string_view stage_id) {
  bool safe = !stage_id.empty() && std::all_of(stage_id.begin(), stage_id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (safe) return "st_" + std::string(stage_id);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "sx_";
  for (unsigned char c : stage_id) {
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 0xF]);
  }
  return out;
}

}  // namespace

std::string to_dot(const definition& def) {
  std::string out = "digraph \"" + dot_escape(def.id) + "\" {\n";
  out += "  rankdir=LR;\n";
  out += "  node [shape=box, style=rounded];\n";
  if (!def.initial_stage.empty()) {
    out += "  \"__start__\" [shape=point, label=\"\"];\n";
    out += "  \"__start__\" -> \"" + dot_escape(def.initial_stage) + "\";\n";
  }
  for (const auto& s : def.stages) {
    out += "  \"" + dot_escape(s.id) + "\" [label=\"" + dot_escape(s.title.en) + "\\n" + dot_escape(s.title.th) + "\"";
    if (s.kind == stage_kind::terminal) out += ", shape=doublecircle";
    out += "];\n";
  }
  for (const auto& t : def.transitions) {
    out += "  \"" + dot_escape(t.from) + "\" -> \"" + dot_escape(t.to) + "\" [label=\"" + dot_escape(edge_headline(t)) +
           "\\n" + dot_escape(roles_line(t)) + "\"";
    if (t.signature) out += ", style=bold";
    out += "];\n";
  }
  out += "}\n";
  return out;
}

std::string to_mermaid(const definition& def) {
  std::string out = "flowchart LR\n";
  for (const auto& s : def.stages) {
    auto label = "\"" + mermaid_escape(s.title.en) + "<br/>" + mermaid_escape(s.title.th) + "\"";
    out += "  " + mermaid_node_id(s.id);
    out += s.kind == stage_kind::terminal ? "((" + label + "))" : "[" + label + "]";
    out += "\n";
  }
  for (const auto& t : def.transitions) {
    // A thick arrow marks the transitions that collect signatures.
    out += "  " + mermaid_node_id(t.from) + (t.signature ? " ==>|\"" : " -->|\"") + mermaid_escape(edge_headline(t)) +
           "<br/>" + mermaid_escape(roles_line(t)) + "\"| " + mermaid_node_id(t.to) + "\n";
  }
  return out;
}

}  // namespace planflow::workflow
