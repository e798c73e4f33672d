#include "findings.hpp"

#include <utility>

namespace planflow::plugins::ethics {

void finding_list::error(std::string_view code, std::string path, std::string message_th, std::string message_en) {
  items_.push_back({"error", std::string(code), std::move(message_th), std::move(message_en), std::move(path)});
}

void finding_list::warning(std::string_view code, std::string path, std::string message_th, std::string message_en) {
  items_.push_back({"warning", std::string(code), std::move(message_th), std::move(message_en), std::move(path)});
}

}  // namespace planflow::plugins::ethics
