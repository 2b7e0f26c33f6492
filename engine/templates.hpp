// The sentences a report says, in Japanese and English, loaded from templates/*.yaml.
//
// A template file is a YAML map, nested as deep as its author likes; leaves are
// `{ja: ..., en: ...}`, or lists of them. Keys are joined with dots: `map.title`. `{name}` placeholders
// are filled by fill(). Immutable once loaded; safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/text.hpp"

namespace careermap {

class Templates {
 public:
  // Throws Error when `key` is not in the table (a template file out of date).
  const LocalText& get(const std::string& key) const;
  const std::string& text(const std::string& key, Lang lang) const { return get(key).in(lang); }
  bool has(const std::string& key) const { return texts_.count(key) > 0; }
  // The template at `key`, or nullptr.
  const LocalText* find(const std::string& key) const;
  // A list written as a YAML sequence at `key` (stored as key.1, key.2, ...); a single
  // template at `key` is a list of one; nothing there, an empty list.
  std::vector<LocalText> list(const std::string& key) const;

  // Parses template YAML; problems go to `diags`; malformed YAML throws Error.
  static Templates parse(std::string_view text, const std::string& file, Diagnostics& diags);
  static Templates load(const std::string& path, Diagnostics& diags);

 private:
  std::map<std::string, LocalText> texts_;
  std::string file_;
};

// Replaces each `{name}` in `pattern` by its value; unknown names stay as written.
std::string fill(std::string_view pattern,
                 const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace careermap
