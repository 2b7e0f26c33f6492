#include "engine/text.hpp"
#include "engine/utf8.hpp"

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

std::optional<std::string> half_width(std::string_view s) {
  std::string out;
  bool changed = false;
  for_each_char(s, [&](char32_t c, std::string_view bytes) {
    if (c >= 0xFF01 && c <= 0xFF5E) out.push_back(static_cast<char>(c - 0xFEE0));  // the full-width ASCII forms
    else if (c == 0x3000) out.push_back(' ');                                      // the ideographic space
    else return void(out.append(bytes));
    changed = true;
  });
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace careermap
