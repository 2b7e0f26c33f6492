// Texts in the two languages careermap speaks: Japanese first, English alongside.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace careermap {

enum class Lang { ja, en };

// "ja" or "en" -> Lang; anything else -> nullopt.
std::optional<Lang> parse_lang(std::string_view s);

struct LocalText {
  std::string ja;
  std::string en;
  // The text in `lang`, falling back to the other language when that one is empty.
  const std::string& in(Lang lang) const;
  bool empty() const { return ja.empty() && en.empty(); }
};

// `s` with its full-width ASCII forms (U+FF01..U+FF5E: ｐ０３) and ideographic spaces made
// half-width (p03), when it holds any; nullopt when it holds none.
std::optional<std::string> half_width(std::string_view s);

}  // namespace careermap
