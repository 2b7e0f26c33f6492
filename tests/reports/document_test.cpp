// The document layer (reports/document.hpp): the page frame, the flow of paragraphs over
// pages, the one line breaker, and the PDF's bytes.
#include <boost/test/unit_test.hpp>

#include "reports/document.hpp"
#include "reports/line_break.hpp"

using namespace careermap;

namespace {

const FontSource& font() {
  static const FontSource f("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  return f;
}

PageFrame full_frame() {
  PageFrame f;
  f.width = 400, f.height = 300, f.margin = 20, f.top = 100, f.bottom = 250;
  f.title = "題名", f.title_y = 30, f.title_size = 14;
  f.right = "架空 花子 さん", f.right_size = 12;
  f.sub = "質問票", f.sub_y = 50;
  f.date = "作成日 2026-05-20　";
  f.page_pattern = "{page} / {pages}";
  f.rule_y = 58, f.rule_width = 0.8;
  f.section_y = 80, f.section_size = 11;
  f.note = "注記";
  f.note_size = 8, f.note_leading = 10, f.note_bottom = 290;
  f.continued = "（続き）";
  return f;
}

const DrawOp& op_with_text(const DisplayList& dl, size_t page, const std::string& text) {
  for (const auto& op : dl.pages().at(page).ops)
    if (op.text == text) return op;
  BOOST_FAIL("no text " + text + " on page " + std::to_string(page));
  throw 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document)

BOOST_AUTO_TEST_CASE(every_page_has_the_frame_with_x_of_y) {
  Document doc(font(), full_frame());
  doc.new_page("節");
  doc.new_page();
  const DisplayList& dl = doc.pages();
  BOOST_TEST(dl.texts(0) == (std::vector<std::string>{"題名", "架空 花子 さん", "質問票", "作成日 2026-05-20　", "1 / 2",
                                                      "節", "注記"}),
             boost::test_tools::per_element());
  BOOST_TEST(dl.texts(1) == (std::vector<std::string>{"題名", "架空 花子 さん", "質問票", "作成日 2026-05-20　", "2 / 2",
                                                      "注記"}),
             boost::test_tools::per_element());
  // The right-hand texts end at the margin; the date stands before the widest page number.
  const DrawOp& right = op_with_text(dl, 0, "架空 花子 さん");
  BOOST_TEST(right.x1 == 400 - 20 - font().text_width("架空 花子 さん", 12));
  BOOST_TEST(right.y1 == 30);
  const DrawOp& date = op_with_text(dl, 0, "作成日 2026-05-20　");
  BOOST_TEST(date.x1 == 400 - 20 - font().text_width("00 / 00", 9) - font().text_width("作成日 2026-05-20　", 9));
  BOOST_TEST(date.y1 == 50);
  BOOST_TEST(op_with_text(dl, 0, "節").y1 == 80);
  BOOST_TEST(op_with_text(dl, 0, "節").size == 11);
  BOOST_TEST(op_with_text(dl, 0, "注記").y1 == 290);
}

BOOST_AUTO_TEST_CASE(texts_a_frame_leaves_empty_are_not_drawn) {
  PageFrame f;
  f.width = 300, f.height = 400, f.margin = 10, f.top = 60, f.bottom = 380;
  f.title = "form", f.title_y = 40, f.title_size = 12, f.sub_y = 40, f.page_pattern = "{page}/{pages}";
  f.rule_y = 48, f.rule_width = 0.6;
  Document doc(font(), f);
  doc.new_page();
  BOOST_TEST(doc.pages().texts(0) == (std::vector<std::string>{"form", "1/1"}), boost::test_tools::per_element());
  BOOST_TEST(doc.pages().pages()[0].ops.size() == 3u);  // title, page number, rule
}

BOOST_AUTO_TEST_CASE(a_long_note_grows_upward_from_its_bottom_line) {
  PageFrame f = full_frame();
  f.note = std::string(60, 'x') + " " + std::string(60, 'y') + " " + std::string(60, 'z');
  Document doc(font(), f);
  doc.new_page();
  const auto lines = doc.lines(f.note, 360, 8);
  BOOST_REQUIRE(lines.size() >= 3u);
  std::vector<double> ys;
  for (const auto& op : doc.pages().pages()[0].ops)
    if (op.kind == DrawOp::Kind::text && op.size == 8) ys.push_back(op.y1);
  BOOST_REQUIRE(ys.size() == lines.size());
  BOOST_TEST(ys.back() == 290);
  for (size_t k = 0; k < ys.size(); ++k) BOOST_TEST(ys[k] == 290 - 10 * static_cast<double>(ys.size() - 1 - k));
}

BOOST_AUTO_TEST_CASE(lines_are_the_one_line_breakers) {
  Document doc(font(), full_frame());
  const std::string text = "窓口のDX推進について、係のメンバーと話し合いました。「次の一歩」を決めます。";
  const auto expected = break_lines(text, 120, [](std::string_view s) { return font().text_width(s, 10); });
  BOOST_TEST(doc.lines(text, 120, 10) == expected, boost::test_tools::per_element());
  BOOST_TEST(expected.size() > 2u);
}

BOOST_AUTO_TEST_CASE(a_paragraph_goes_on_to_a_continuation_page_every_line_once) {
  Document doc(font(), full_frame());
  doc.new_page("節");
  Flow f(doc, "節");
  f.set_y(100);
  std::string text;
  for (int k = 1; k <= 120; ++k) text += "第" + std::to_string(k) + "文。";
  const auto lines = doc.lines(text, 200, 10);
  f.paragraph(text, 30, 200, 10, {}, 15, 4);
  // 150 points of region: ten lines of 15 on the first page, the rest on the next ones.
  const DisplayList& dl = doc.pages();
  BOOST_REQUIRE(dl.pages().size() == (lines.size() + 9) / 10);
  BOOST_REQUIRE(dl.pages().size() >= 2u);
  BOOST_TEST(dl.texts(1)[5] == "節（続き）");
  std::vector<std::string> drawn;
  std::vector<double> first_page_y;
  for (size_t p = 0; p < dl.pages().size(); ++p)
    for (const auto& op : dl.pages()[p].ops)
      if (op.kind == DrawOp::Kind::text && op.size == 10) {
        drawn.push_back(op.text);
        BOOST_TEST(op.x1 == 30);
        if (p == 0) first_page_y.push_back(op.y1);
      }
  BOOST_TEST(drawn == lines, boost::test_tools::per_element());
  BOOST_REQUIRE(first_page_y.size() == 10u);
  for (size_t k = 0; k < 10; ++k) BOOST_TEST(first_page_y[k] == 100 + 15 * static_cast<double>(k + 1) - 4);
  BOOST_TEST(f.y() == 100 + 15 * static_cast<double>(lines.size() - 10 * (dl.pages().size() - 1)));
}

BOOST_AUTO_TEST_CASE(the_same_pages_give_the_same_pdf_bytes) {
  Document doc(font(), full_frame());
  doc.new_page("節");
  Flow f(doc, "節");
  f.paragraph("一行目の文章です。", 20, 300, 10, {}, 14);
  const std::string a = doc.pdf({"題名", "主題", "", "2026-05-20"});
  const std::string b = doc.pdf({"題名", "主題", "", "2026-05-20"});
  BOOST_TEST(a.rfind("%PDF-", 0) == 0u);
  BOOST_TEST(a == b);
  // The embedded font is the subset: far smaller than the 6 MB font file.
  BOOST_TEST(a.size() < 60000u);
}

BOOST_AUTO_TEST_SUITE_END()
