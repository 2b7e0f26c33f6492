#include "engine/text.hpp"

namespace careermap {

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "ja") return Lang::ja;
  if (s == "en") return Lang::en;
  return std::nullopt;
}

const std::string& LocalText::in(Lang lang) const {
  if (lang == Lang::en) return en.empty() ? ja : en;
  return ja.empty() ? en : ja;
}

std::string bracketed(std::string_view text, Lang lang) {
  return lang == Lang::ja ? "（" + std::string(text) + "）" : "(" + std::string(text) + ")";
}

}  // namespace careermap
