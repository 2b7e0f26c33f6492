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

std::optional<std::string> half_width(std::string_view s) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 2 < s.size() && b(0) == 0xEF && (b(1) == 0xBC || b(1) == 0xBD) && b(2) >= 0x80 && b(2) <= 0xBF) {
      const unsigned cp = 0xFF00u + ((b(1) - 0xBCu) << 6) + (b(2) - 0x80u);  // U+FF00..U+FF7F
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(cp - 0xFEE0));
        changed = true;
        i += 3;
        continue;
      }
    }
    if (i + 2 < s.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
      out.push_back(' ');
      changed = true;
      i += 3;
      continue;
    }
    out.push_back(s[i++]);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace careermap
