#pragma once
// Recognising an ethics promotion plan among imported documents.

#include <string_view>

namespace planflow::plugins::ethics {

/// 0..1: how much `document_text` looks like a provincial ethics promotion
/// plan. Clues, by weight: the plan's name (ส่งเสริมคุณธรรม), the master
/// plan's vocabulary (มาตรฐานทางจริยธรรม), the five strategies headed
/// "ยุทธศาสตร์ที่ N", and a target header with one column per year. A
/// document about corruption (ทุจริต) more than ethics (จริยธรรม) loses 0.3:
/// the anti-corruption plans share much of the vocabulary.
double detect_score(std::string_view document_text);

}  // namespace planflow::plugins::ethics
