#include "reports/line_break.hpp"

#include <algorithm>

#include "engine/utf8.hpp"

namespace careermap {
namespace {

// The characters no line may start with: those of Unicode's UAX #14 line-break classes CL, CP,
// EX, IS, NS, CJ and PO and the closing quotation marks (QU, Pf), over the Latin, general
// punctuation, CJK, kana and half- and full-width blocks, plus the dashes and the wave dash
// JIS X 4051 adds (—‐–～); and those no line may end with: OP and the opening quotation marks
// (QU, Pi). Written out here, so that the program needs no ICU data at run time;
// tests/reports/line_break_test.cpp checks them against ICU's classes, character by character.
constexpr std::u32string_view kNoStart =
    U"!%),.:;?]}¢°»’”‰‱′″‴‵‶‷›‼‽⁄⁆⁇⁈⁉⁗℃℉、。々〉》」"
    U"』】〕〗〙〛〜〞〟〻〼ぁぃぅぇぉっゃゅょゎゕゖ゛゜ゝゞ゠ァィゥェォッャュョヮヵヶ"
    U"・ーヽヾㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ︐︑︒︓︔︕︖︘︶︸︺︼︾﹀﹂﹄﹈﹐﹒﹔"
    U"﹕﹖﹗﹚﹜﹞﹪！％），．：；？］｝｠｡｣､･ｧｨｩｪｫｬｭｮｯｰﾞﾟ￠—‐–～";
constexpr std::u32string_view kNoEnd =
    U"([{¡«¿‘‚‛“„‟‹⁅〈《「『【〔〖〘〚〝︗︵︷︹︻︽︿﹁﹃﹇﹙﹛﹝（［｛"
    U"｟｢";

enum class Kind { word, space, newline };

struct Token {
  std::string text;
  Kind kind = Kind::word;
  char32_t first = 0, last = 0;
  double width = 0;
};

bool ascii_word_char(char32_t c) { return c > 0x20 && c < 0x7F; }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  bool in_ascii = false;
  for_each_char(text, [&](char32_t c, std::string_view bytes) {
    if (c == '\n') {
      out.push_back({"\n", Kind::newline, c, c, 0});
      in_ascii = false;
    } else if (c == ' ' || c == '\t' || c == U'\u3000' || c == '\r') {
      if (c == '\r') return;
      out.push_back({std::string(bytes), Kind::space, c, c, 0});
      in_ascii = false;
    } else if (ascii_word_char(c) && in_ascii) {
      out.back().text += bytes;
      out.back().last = c;
    } else {
      out.push_back({std::string(bytes), Kind::word, c, c, 0});
      in_ascii = ascii_word_char(c);
    }
  });
  return out;
}

// Splits a word token that alone is wider than `width` into single characters.
void split_wide(std::vector<Token>& tokens, double width, const MeasureFn& measure) {
  std::vector<Token> out;
  for (auto& t : tokens) {
    if (t.kind != Kind::word || t.text.size() == 1 || t.width <= width) {
      out.push_back(std::move(t));
      continue;
    }
    for_each_char(t.text, [&](char32_t c, std::string_view bytes) {
      out.push_back({std::string(bytes), Kind::word, c, c, measure(bytes)});
    });
  }
  tokens = std::move(out);
}

bool breakable_between(const std::vector<Token>& line, const Token& next) {
  if (line.empty()) return true;
  const Token& prev = line.back();
  if (prev.kind == Kind::space || next.kind == Kind::space) return true;
  return !no_line_start(next.first) && !no_line_end(prev.last);
}

std::string join(const std::vector<Token>& line) {
  size_t end = line.size();
  while (end > 0 && line[end - 1].kind == Kind::space) --end;
  size_t begin = 0;
  std::string s;
  for (size_t i = begin; i < end; ++i) s += line[i].text;
  return s;
}

}  // namespace

bool no_line_start(char32_t c) { return kNoStart.find(c) != std::u32string_view::npos; }
bool no_line_end(char32_t c) { return kNoEnd.find(c) != std::u32string_view::npos; }

std::vector<std::string> break_lines(std::string_view text, double width, const MeasureFn& measure) {
  std::vector<Token> tokens = tokenize(text);
  for (auto& t : tokens)
    if (t.kind != Kind::newline) t.width = measure(t.text);
  split_wide(tokens, width, measure);

  std::vector<std::string> lines;
  std::vector<Token> line;
  double used = 0;
  auto flush = [&] {
    lines.push_back(join(line));
    line.clear();
    used = 0;
  };
  size_t i = 0;
  while (i < tokens.size()) {
    const Token& t = tokens[i];
    if (t.kind == Kind::newline) {
      flush();
      ++i;
      continue;
    }
    if (line.empty() && t.kind == Kind::space && !lines.empty()) {  // no leading space
      ++i;
      continue;
    }
    const bool fits = used + t.width <= width + 1e-9 || t.kind == Kind::space;
    if (fits || line.empty()) {
      line.push_back(t);
      used += t.width;
      ++i;
      continue;
    }
    // Break before t; move tokens down while the break would break a rule.
    std::vector<Token> carry;
    while (!line.empty() && !breakable_between(line, carry.empty() ? t : carry.front())) {
      carry.insert(carry.begin(), line.back());
      line.pop_back();
    }
    if (line.empty()) {  // no allowed break in the line: break where it overflows
      line = std::move(carry);
      carry.clear();
    }
    flush();
    for (auto& c : carry) {
      used += c.width;
      line.push_back(std::move(c));
    }
  }
  if (!line.empty() || lines.empty()) flush();
  return lines;
}

}  // namespace careermap
