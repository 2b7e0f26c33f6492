#include "engine/archive_names.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "engine/answers.hpp"
#include "engine/sha256.hpp"
#include "engine/utf8.hpp"

namespace careermap {
namespace {

bool hidden(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||  // control characters
         cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) ||                                                   // bidirectional
         (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;  // zero-width
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string mapped(const std::string& value) { return "mapped." + sha256_hex(value).substr(0, 16); }

}  // namespace

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char buf[16];
  for (size_t i = 0; i < text.size();) {
    const auto [cp, len] = decode_utf8(text, i);
    if (cp == kInvalidChar) {  // escaped byte by byte
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[i]));
      out += buf;
      ++i;
      continue;
    }
    if (cp == '\\') out += "\\\\";
    else if (cp < 0x80 && hidden(cp)) std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp)), out += buf;
    else if (hidden(cp)) std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp)), out += buf;
    else out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

bool safe_file_name(std::string_view name) {
  if (!valid_participant_id(name)) return false;
  const std::string l = lower(std::string(name));
  if (l == "con" || l == "prn" || l == "aux" || l == "nul") return false;
  const bool numbered = l.size() == 4 && (l.rfind("com", 0) == 0 || l.rfind("lpt", 0) == 0) &&
                        std::isdigit(static_cast<unsigned char>(l[3]));
  return !numbered;
}

const std::string& FolderNames::of(const std::string& value) {
  if (auto it = by_value_.find(value); it != by_value_.end()) return it->second;
  std::string name = value.empty() ? empty_ : safe_file_name(value) ? value : mapped(value);
  if (taken_.count(lower(name))) name = mapped(value);
  for (int n = 2; taken_.count(lower(name)); ++n) name = mapped(value) + "-" + std::to_string(n);  // 64 bits collided
  taken_.insert(lower(name));
  return by_value_.emplace(value, std::move(name)).first->second;
}

std::string file_name_part(const std::string& value, const std::string& empty_name) {
  return value.empty() ? empty_name : safe_file_name(value) ? value : mapped(value);
}

std::string shown_id(const std::string& value, const std::string& empty) {
  return value.empty() ? empty : valid_participant_id(value) ? value : "(not an id)";
}

std::vector<std::string> export_paths(const std::vector<Submission>& subs) {
  FolderNames cohorts("none"), sessions("none");
  std::vector<std::string> out;
  out.reserve(subs.size());
  for (const auto& s : subs) {
    const bool csv_row = s.quarantined && s.source.find(".csv:") != std::string::npos;
    out.push_back(cohorts.of(s.cohort) + "/" + sessions.of(s.meeting) + "/" + file_name_part(s.participant, "unknown") +
                  ".v" + std::to_string(s.id) + (csv_row ? ".csv" : ".yaml"));
  }
  return out;
}

}  // namespace careermap
