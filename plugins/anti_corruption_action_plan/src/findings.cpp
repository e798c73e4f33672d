#include "findings.hpp"

#include <utility>

namespace planflow::plugins::anti_corruption {

std::string excerpt(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Back up over UTF-8 continuation bytes so that no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

void finding_list::add(plugin::finding f) {
  if (truncated_) return;
  if (items_.size() >= k_max_findings) {
    // One last finding says the list is incomplete, rather than silently stopping.
    truncated_ = true;
    items_.push_back({"warning", "too_many_findings", "พบปัญหามากเกินไป แสดงเฉพาะบางส่วน",
                      "too many findings; the rest are not listed", ""});
    return;
  }
  items_.push_back(std::move(f));
}

void finding_list::error(std::string path, std::string_view code, std::string message_th, std::string message_en) {
  add({"error", std::string(code), std::move(message_th), std::move(message_en), std::move(path)});
}

void finding_list::warning(std::string path, std::string_view code, std::string message_th, std::string message_en) {
  add({"warning", std::string(code), std::move(message_th), std::move(message_en), std::move(path)});
}

void finding_list::append(std::vector<plugin::finding> more) {
  for (auto& f : more) add(std::move(f));
}

}  // namespace planflow::plugins::anti_corruption
