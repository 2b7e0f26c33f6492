#include "engine/answers_yaml.hpp"
#include "engine/numbers.hpp"
#include "yaml_read.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace careermap {
namespace {

// A plain decimal number, written as it is (a number field's value as answered).
bool plain_number(std::string_view s) {
  size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') ++digits;
    else if (s[i] == '.' && dots++ == 0 && digits) continue;
    else return false;
  }
  return digits > 0 && s.back() != '.';
}

// Code points a YAML reader may turn into something else when they stand as they are:
// controls, line and paragraph separators, the byte-order mark and the noncharacters
// (yaml-cpp's own emitter writes those as U+FFFD).
bool needs_escape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

std::string yaml_quoted(std::string_view s) {
  std::string q = "\"";
  q.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size() || (len == 1 && c >= 0x80)) {  // not UTF-8 (never read so): kept as it is
      q.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (c == '"' || c == '\\') {
      q.push_back('\\');
      q.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      q += "\\n";
    } else if (c == '\r') {
      q += "\\r";
    } else if (c == '\t') {
      q += "\\t";
    } else if (needs_escape(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
      q += buf;
    } else {
      q.append(s.substr(i, len));
    }
    i += len;
  }
  return q + "\"";
}

namespace {

// Writes the answers file of `a` (answers_to_yaml). With `back`, also fills it with what
// parse_answers reads from that text as `file`: the same values (a number as its written
// form reads back), each answer at its key's line and column 3, each episode at its first
// line and column 7 (every value stands on its key's line: texts are written with their
// line breaks escaped); false when a value is not what the intake reads it as (then only
// parsing the text can say).
bool write_answers(const Questionnaire& q, const Answers& a, std::string& out, Answers* back, const std::string& file) {
  out = "questionnaire: " + yaml_quoted(q.id) + "\nparticipant: " + yaml_quoted(a.participant) + "\n";
  int line = 2;
  if (!a.name.empty()) out += "name: " + yaml_quoted(a.name) + "\n", ++line;
  if (!a.cohort.empty()) out += "cohort: " + yaml_quoted(a.cohort) + "\n", ++line;
  if (!a.meeting.empty()) out += "meeting: " + yaml_quoted(a.meeting) + "\n", ++line;
  out += "answers:";
  ++line;
  bool exact = true;
  if (back) {
    *back = Answers{};
    back->file = file;
    back->questionnaire = q.id;
    back->participant = a.participant;
    back->name = a.name;
    back->cohort = a.cohort;
    back->meeting = a.meeting;
  }
  // A number as the intake reads its written form (-0 is written 0, and reads so).
  const auto read_number = [&](const std::string& written) -> std::optional<double> {
    const std::optional<double> v = yaml::to_number(written);
    exact = exact && v.has_value();
    return v;
  };
  bool any = false;
  for (const auto& item : q.items) {
    const Answer* ans = a.find(item.id);
    if (!ans) continue;
    any = true;
    out += "\n  " + item.id + ":";  // ids are [A-Za-z0-9_-]: plain
    ++line;
    Answer* got = nullptr;
    if (back) {
      got = &back->values[item.id];
      got->type = item.type;
      got->where = {file, line, 3};
    }
    switch (item.type) {
      case ItemType::likert:
      case ItemType::number: {
        const std::string n = num::shortest(*ans->number);
        out += " " + n;
        if (got) got->number = read_number(n);
        break;
      }
      case ItemType::choice:
      case ItemType::text:
        out += " " + yaml_quoted(ans->text);
        if (got) got->text = ans->text;
        break;
      case ItemType::multi:
        out += " [";
        for (size_t k = 0; k < ans->choices.size(); ++k) out += (k ? ", " : "") + yaml_quoted(ans->choices[k]);
        out += "]";
        if (got) got->choices = ans->choices;
        break;
      case ItemType::episodes:
        if (ans->episodes.empty()) out += " []";
        for (const auto& e : ans->episodes) {
          std::string fields;
          Episode* ep = nullptr;
          if (got) {
            ep = &got->episodes.emplace_back();
            ep->where = {file, line + 1, 7};
          }
          for (const auto& f : item.fields)
            if (const std::string* v = e.get(f.id)) {
              const bool number = f.type == ItemType::number;
              fields += (fields.empty() ? "\n    - " : "\n      ") + f.id + ": " +
                        (number && plain_number(*v) ? *v : yaml_quoted(*v));
              ++line;
              if (ep) {
                const std::optional<double> n = number ? read_number(*v) : std::nullopt;
                ep->fields[f.id] = number ? (n ? num::readable(*n) : "") : *v;
              }
            }
          if (fields.empty()) ++line;
          out += fields.empty() ? "\n    - {}" : fields;
        }
        break;
    }
  }
  out += any ? "\n" : " {}\n";
  return exact;
}

}  // namespace

std::string answers_to_yaml(const Questionnaire& q, const Answers& a) {
  std::string out;
  write_answers(q, a, out, nullptr, "");
  return out;
}

std::string answers_to_yaml(const Questionnaire& q, const Answers& a, std::optional<Answers>& back,
                            const std::string& file) {
  std::string out;
  back.emplace();
  if (!write_answers(q, a, out, &*back, file)) back.reset();
  return out;
}

}  // namespace careermap
