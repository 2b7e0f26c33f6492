#include "reports/line_break.hpp"

#include <unicode/uchar.h>

#include <boost/test/unit_test.hpp>
#include <string>

using namespace careermap;
using Lines = std::vector<std::string>;
namespace tt = boost::test_tools;

namespace {

// A fake font: ASCII is half as wide as everything else.
double measure(std::string_view s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len == 1 ? 0.5 : 1.0;
    i += len;
  }
  return w;
}

Lines brk(std::string_view s, double width) { return break_lines(s, width, measure); }

}  // namespace

BOOST_AUTO_TEST_SUITE(line_break)

BOOST_AUTO_TEST_CASE(japanese_breaks_between_any_two_characters) {
  BOOST_TEST(brk("あいうえおかきくけこ", 4) == (Lines{"あいうえ", "おかきく", "けこ"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(no_line_starts_with_closing_punctuation) {
  BOOST_TEST(brk("あいう、えお", 3) == (Lines{"あい", "う、え", "お"}), tt::per_element());
  BOOST_TEST(brk("組織の壁を越える。", 4) == (Lines{"組織の壁", "を越え", "る。"}), tt::per_element());
  BOOST_TEST(brk("データー", 3) == (Lines{"デー", "ター"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(no_line_ends_with_an_opening_bracket) {
  BOOST_TEST(brk("あい「うえ」", 3) == (Lines{"あい", "「う", "え」"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(latin_words_and_numbers_are_not_split) {
  BOOST_TEST(brk("改善DX推進", 3) == (Lines{"改善DX", "推進"}), tt::per_element());
  BOOST_TEST(brk("改善DX推進", 2.5) == (Lines{"改善", "DX推", "進"}), tt::per_element());
  BOOST_TEST(brk("2019年から", 3) == (Lines{"2019年", "から"}), tt::per_element());
  BOOST_TEST(brk("hello world foo", 3) == (Lines{"hello", "world", "foo"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_line_is_split_by_character) {
  BOOST_TEST(brk("abcdefgh", 2) == (Lines{"abcd", "efgh"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(newlines_force_breaks_and_empty_text_is_one_empty_line) {
  BOOST_TEST(brk("あ\nい", 10) == (Lines{"あ", "い"}), tt::per_element());
  BOOST_TEST(brk("あ\n\nい", 10) == (Lines{"あ", "", "い"}), tt::per_element());
  BOOST_TEST(brk("", 10) == (Lines{""}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(no_line_is_wider_than_the_width_when_a_break_exists) {
  const std::string text = "自治体の改善活動は、PDCAの「A」にあたります。2026年度もDXを進めます。";
  for (double width : {3.0, 4.5, 7.0, 12.0}) {
    std::string joined;
    for (const auto& line : brk(text, width)) {
      BOOST_TEST(measure(line) <= width);
      joined += line;
    }
    BOOST_TEST(joined == "自治体の改善活動は、PDCAの「A」にあたります。2026年度もDXを進めます。");
  }
}

BOOST_AUTO_TEST_CASE(rules_sets) {
  BOOST_TEST(no_line_start(U'。'));
  BOOST_TEST(no_line_start(U'ょ'));
  BOOST_TEST(no_line_start(U'ー'));
  BOOST_TEST(!no_line_start(U'あ'));
  BOOST_TEST(no_line_end(U'（'));
  BOOST_TEST(!no_line_end(U'）'));
}

// The rules are Unicode's: over the Latin, general punctuation, letterlike, CJK, kana, vertical,
// small and half- and full-width blocks, a character may not start a line exactly when ICU gives
// it the line-break class CL, CP, EX, IS, NS, CJ or PO, or QU as a closing mark (Pf), or it is
// one of the dashes and the wave dash JIS X 4051 adds; and may not end one exactly when its class
// is OP, or QU as an opening mark (Pi). Every character of the table careermap wrote by hand
// before stays in.
BOOST_AUTO_TEST_CASE(the_rules_are_the_line_break_classes_of_uax_14) {
  const std::u32string jis = U"—‐–～";
  auto starts_no_line = [&](UChar32 c) {
    const int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS || lb == U_LB_EXCLAMATION ||
           lb == U_LB_INFIX_NUMERIC || lb == U_LB_NONSTARTER || lb == U_LB_CONDITIONAL_JAPANESE_STARTER ||
           lb == U_LB_POSTFIX_NUMERIC || (lb == U_LB_QUOTATION && u_charType(c) == U_FINAL_PUNCTUATION) ||
           jis.find(static_cast<char32_t>(c)) != std::u32string::npos;
  };
  auto ends_no_line = [](UChar32 c) {
    const int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    return lb == U_LB_OPEN_PUNCTUATION || (lb == U_LB_QUOTATION && u_charType(c) == U_INITIAL_PUNCTUATION);
  };
  const std::pair<char32_t, char32_t> blocks[] = {{0x20, 0x7E},     {0xA0, 0xFF},     {0x2010, 0x2064},
                                                  {0x2100, 0x2150}, {0x3000, 0x30FF}, {0x31F0, 0x31FF},
                                                  {0xFE10, 0xFE6F}, {0xFF00, 0xFFEF}};
  int checked = 0;
  for (const auto& [lo, hi] : blocks)
    for (char32_t c = lo; c <= hi; ++c, ++checked) {
      BOOST_TEST_INFO("U+" << std::hex << static_cast<unsigned>(c));
      BOOST_TEST(no_line_start(c) == starts_no_line(static_cast<UChar32>(c)));
      BOOST_TEST(no_line_end(c) == ends_no_line(static_cast<UChar32>(c)));
    }
  BOOST_TEST(checked == 965);
  for (char32_t c : std::u32string(U"、。，．,.・：；:;？！?!)）]］}｝〕〉》」』】〙〗〟’”»ヽヾゝゞ々〻ー—‐゠–〜～"
                                   U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％"))
    BOOST_TEST(no_line_start(c));
  for (char32_t c : std::u32string(U"(（[［{｛〔〈《「『【〘〖〝‘“«")) BOOST_TEST(no_line_end(c));
}

BOOST_AUTO_TEST_SUITE_END()
