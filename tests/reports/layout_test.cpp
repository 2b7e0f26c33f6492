#include <algorithm>
#include <cmath>
#include <boost/test/unit_test.hpp>
#include <random>

#include "reports/career_map_pdf.hpp"
#include "reports/page_frame.hpp"
#include "tests/testutil.hpp"
#include "tools/synthetic.hpp"

using namespace careermap;

namespace {

// 5,000 characters of unique numbered sentences, with Latin words and numbers mixed in.
std::string long_answer() {
  std::string s;
  for (int k = 1; s.size() < 15000; ++k)
    s += "第" + std::to_string(k) + "文：窓口のDX推進について、係のメンバーと話し合いました。";
  return s;
}

Templates templates() {
  Diagnostics d;
  return Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/careermap.yaml", d);
}

// The texts drawn inside the content area of every page, in order (headers and footers left out).
std::string body_text(const DisplayList& dl) {
  std::string all;
  for (size_t p = 0; p < dl.pages().size(); ++p)
    for (const auto& op : dl.pages()[p].ops)
      if (op.kind == DrawOp::Kind::text && op.y1 > frame::kContentTop && op.y1 < frame::kContentBottom)
        all += op.text;
  return all;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// The heading of page `index` (the section it holds, under the header).
std::string page_heading(const DisplayList& dl, size_t index) {
  for (const auto& op : dl.pages()[index].ops)
    if (op.kind == DrawOp::Kind::text && op.y1 == 94) return op.text;
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(a_long_answer_flows_over_pages_every_character_once) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  Answers a = test::tiny_answers("p1", "  size: small\n  a1: 4\n", d);
  const Placement p = score(q, std::vector<Answers>{a})[0];
  CareerMapContent c = build_career_map(q, a, p, templates(), Lang::ja, "2026-07-01");
  const std::string text = long_answer();
  c.own_words.push_back({"いま取り組んでいること", text, true});
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const DisplayList dl = layout_career_map(c, font);
  BOOST_TEST(dl.pages().size() >= 5u);  // map, profile and its continuations, interview
  BOOST_TEST(count(body_text(dl), text) == 1u);
  // Nothing is drawn outside the page's content area but the header and footer.
  for (const auto& page : dl.pages())
    for (const auto& op : page.ops) {
      BOOST_REQUIRE(op.x1 >= 0);
      BOOST_REQUIRE(op.x1 <= frame::kPageW);
      BOOST_REQUIRE(op.y1 <= frame::kPageH);
    }
  // Every page says which page it is.
  const auto last = dl.texts(dl.pages().size() - 1);
  const std::string n = std::to_string(dl.pages().size());
  bool found = false;
  for (const auto& t : last) found = found || t == n + " / " + n + " ページ";
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(lines_of_own_words_stay_inside_the_text_column) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  Answers a = test::tiny_answers("p1", "  size: small\n", d);
  const Placement p = score(q, std::vector<Answers>{a})[0];
  CareerMapContent c = build_career_map(q, a, p, templates(), Lang::ja, "2026-07-01");
  c.own_words.push_back({"問い", long_answer().substr(0, 3000), true});
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const DisplayList dl = layout_career_map(c, font);
  for (const auto& page : dl.pages())
    for (const auto& op : page.ops)
      if (op.kind == DrawOp::Kind::text)
        BOOST_REQUIRE_LE(op.x1 + font.text_width(op.text, op.size), frame::kPageW - frame::kMargin + 0.01);
  // The subset holds exactly what is drawn: the separators and marks of the frame too.
  const std::u32string chars = dl.characters();
  BOOST_TEST((chars.find(U'\u3000') != std::u32string::npos));
  BOOST_TEST((chars.find(U'〓') == std::u32string::npos));  // the font has every one of them
  BOOST_TEST((font.subset(chars).chars == chars));
  BOOST_TEST((chars.find(U'問') != std::u32string::npos));
}

BOOST_AUTO_TEST_CASE(a_continuation_page_is_headed_with_the_section_it_continues) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  Answers a = test::tiny_answers("p1", "  size: small\n  a1: 4\n", d);
  const Placement p = score(q, std::vector<Answers>{a})[0];
  CareerMapContent c = build_career_map(q, a, p, templates(), Lang::ja, "2026-07-01");
  c.own_words.push_back({"いま取り組んでいること", long_answer(), true});
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const DisplayList dl = layout_career_map(c, font);
  BOOST_TEST(page_heading(dl, 1) == "12の場面のスコア");
  BOOST_TEST(page_heading(dl, 2) == "あなたのことば（記入されたまま）（続き）");
  std::vector<std::string> headings;
  for (size_t k = 0; k < dl.pages().size(); ++k) headings.push_back(page_heading(dl, k));
  BOOST_TEST(std::count(headings.begin(), headings.end(), "面談シート") == 1);
  BOOST_TEST(std::count(headings.begin(), headings.end(), "あなたの次の一歩探し") == 1);
  BOOST_TEST(headings.back() == "あなたの次の一歩探し（続き）");
}

BOOST_AUTO_TEST_CASE(an_english_continuation_mark_is_a_word_apart) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  Answers a = test::tiny_answers("p1", "  size: small\n  a1: 4\n", d);
  const Placement p = score(q, std::vector<Answers>{a})[0];
  CareerMapContent c = build_career_map(q, a, p, templates(), Lang::en, "2026-07-01");
  c.own_words.push_back({"Question", long_answer(), true});
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const DisplayList dl = layout_career_map(c, font);
  BOOST_TEST(page_heading(dl, 2) == "In your own words (as written) (continued)");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 14: p01's third page held only three lines of outcomes, headed as if it continued
// the scores. No page after the first may be used to less than kMinPageFill of its content
// area: for every sample in both languages and for synthetic participants of the shipped
// questionnaire and of the tiny one.
BOOST_AUTO_TEST_SUITE(page_fill)

static void check_fill(const CareerMapContent& c, const FontSource& font, const std::string& who) {
  const DisplayList dl = layout_career_map(c, font);
  for (size_t k = 1; k < dl.pages().size(); ++k)
    BOOST_TEST_REQUIRE(frame::page_fill(dl.pages()[k]) >= frame::kMinPageFill,
                       who << " page " << k + 1 << " (" << page_heading(dl, k) << ") of " << dl.pages().size() << " is used to " << frame::page_fill(dl.pages()[k]));
}

BOOST_AUTO_TEST_CASE(the_samples_profile_fits_one_page_and_no_page_is_mostly_empty) {
  Diagnostics d;
  const Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  for (const char* file : {"p01.yaml", "p02.yaml", "p03.yaml", "p04.yaml", "p05.yaml"}) {
    const Answers a = load_answers(q, std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/samples/" + file, d);
    BOOST_REQUIRE(!d.has_errors());
    const Placement p = score(q, std::vector<Answers>{a})[0];
    for (Lang lang : {Lang::ja, Lang::en}) {
      const CareerMapContent c = build_career_map(q, a, p, templates(), lang, "2026-09-01");
      check_fill(c, font, file);
      const DisplayList dl = layout_career_map(c, font);
      BOOST_TEST(page_heading(dl, 2) == c.interview_heading, file << ": the profile is one page");
      // Every scene's label on the bars whole, on as many lines as it needs, never cut with "…".
      std::string profile;
      for (const auto& op : dl.pages()[1].ops)
        if (op.kind == DrawOp::Kind::text) profile += op.text;
      std::erase(profile, ' ');
      for (const auto& cell : c.cells) {
        std::string label = cell.label;
        std::erase(label, ' ');
        BOOST_TEST(count(profile, label) >= 1u, file << ": " << cell.label);
      }
      BOOST_TEST(count(profile, "…") == 0u, file);
    }
  }
}

// The next-step sheet in two columns: no text crosses the middle of the page or its right
// margin, every prompt is printed once and whole, and "my next step" is never alone on a page.
static void check_sheet_columns(const CareerMapContent& c, const FontSource& font) {
  const auto no_spaces = [](std::string x) { return std::erase(x, ' '), x; };
  const DisplayList dl = layout_career_map(c, font);
  size_t first = 0;
  while (first < dl.pages().size() && page_heading(dl, first) != c.next_step->heading) ++first;
  BOOST_REQUIRE(first < dl.pages().size());
  std::string body;
  for (size_t k = first; k < dl.pages().size(); ++k)
    for (const auto& op : dl.pages()[k].ops) {
      if (op.kind != DrawOp::Kind::text || op.y1 <= frame::kContentTop + 6 || op.y1 >= frame::kContentBottom) continue;
      const double right = op.x1 + font.text_width(op.text, op.size);
      BOOST_REQUIRE_LE(right, frame::kPageW - frame::kMargin + 0.01);
      if (op.size > 8.5) BOOST_REQUIRE(!(op.x1 < frame::kPageW / 2 && right > frame::kPageW / 2));  // the intro spans both
      body += op.text;
    }
  body = no_spaces(body);
  for (const auto& part : c.next_step->parts)
    for (const auto& prompt : part.prompts) BOOST_TEST(count(body, no_spaces(prompt.text)) == 1u, prompt.text);
  // The last page holds more than "my next step".
  const auto last = dl.texts(dl.pages().size() - 1);
  BOOST_TEST(std::count_if(last.begin(), last.end(), [&](const std::string& x) {
               return std::any_of(c.next_step->parts.begin(), c.next_step->parts.end(),
                                  [&](const SheetSection& sec) { return sec.heading == x; });
             }) >= 1);
}

BOOST_AUTO_TEST_CASE(synthetic_participants_leave_no_page_mostly_empty_and_the_sheet_in_its_columns) {
  Diagnostics d;
  const Questionnaire shipped =
      Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
  const Questionnaire tiny = test::tiny_questionnaire();
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const Templates t = templates();
  std::mt19937_64 rng(14);
  for (int n = 0; n < 300; ++n) {
    const Questionnaire& q = n % 3 ? shipped : tiny;
    Answers a = synthetic::answers(q, "s" + std::to_string(n), rng);
    if (n % 4 < 2) a.meeting = q.meetings.back().id;  // the last meeting's map: with the next-step sheet
    // Some people write much: own words of up to 1,500 characters.
    for (auto& [id, ans] : a.values)
      if (ans.type == ItemType::text && rng() % 3 == 0) ans.text = long_answer().substr(0, 3 * (rng() % 1500));
    const Placement p = score(q, std::vector<Answers>{a})[0];
    const CareerMapContent c = build_career_map(q, a, p, t, n % 2 ? Lang::ja : Lang::en, "2026-09-01");
    check_fill(c, font, a.participant);
    BOOST_TEST_REQUIRE(c.next_step.has_value() == (n % 4 < 2));
    if (c.next_step) check_sheet_columns(c, font);
  }
}

BOOST_AUTO_TEST_SUITE_END()


// Bounded documents: a career map of more than 100 pages, or a page libharu cannot give,
// is an Error with a message, never a crash or a document of thousands of pages.
BOOST_AUTO_TEST_SUITE(document_bounds)

BOOST_AUTO_TEST_CASE(a_display_list_refuses_a_page_beyond_its_bound) {
  DisplayList dl(3, "the career map");
  for (int i = 0; i < 3; ++i) dl.new_page();
  BOOST_CHECK_EXCEPTION(dl.new_page(), Error, [](const Error& e) {
    return e.diagnostic().format() == ": error: the career map would have more than 3 pages";
  });
  BOOST_TEST(dl.pages().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_page_libharu_cannot_give_is_an_error_not_a_null_page) {
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  PdfCanvas pdf(font.subset(U"a"));
  int pages = 0;
  std::string message;
  try {
    for (; pages < 100000; ++pages) pdf.new_page(100, 100);
  } catch (const Error& e) {
    message = e.diagnostic().message;
  }
  BOOST_TEST(pages < 100000);
  BOOST_TEST(message.rfind("PDF: new page: libharu error 0x", 0) == 0, message);
}

BOOST_AUTO_TEST_SUITE_END()

// A scene of many episodes: its markers stay clear of its score and of one another, on any
// questionnaire, in either language (reports/cell_markers.hpp).
BOOST_AUTO_TEST_SUITE(map_markers)

BOOST_AUTO_TEST_CASE(many_episodes_in_one_scene_keep_their_markers_off_the_score) {
  Diagnostics d;
  const Questionnaire shipped =
      Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
  const Questionnaire tiny = test::tiny_questionnaire();
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const Templates t = templates();
  std::mt19937_64 rng(21);
  int tried = 0;
  for (int n = 0; n < 60; ++n) {
    const Questionnaire& q = n % 2 ? shipped : tiny;
    Answers a = synthetic::answers(q, "m" + std::to_string(n), rng);
    for (auto& [id, ans] : a.values) {
      if (ans.type != ItemType::episodes || ans.episodes.empty()) continue;
      const Item& item = q.items[*q.find_item(id)];
      const Episode one = ans.episodes.front();
      ans.episodes.clear();
      const int k = 6 + n % 9;  // 6 to 14 of the same kind, so on the same scene
      for (int e = 0; e < k; ++e) {
        Episode copy = one;
        for (const auto& f : item.fields) {
          if (f.use == FieldUse::from_year) copy.fields[f.id] = std::to_string(1990 + 2 * e);
          if (f.use == FieldUse::to_year) copy.fields.erase(f.id);
        }
        ans.episodes.push_back(copy);
      }
    }
    const Placement p = score(q, std::vector<Answers>{a})[0];
    const CareerMapContent c = build_career_map(q, a, p, t, n % 3 ? Lang::ja : Lang::en, "2026-09-01");
    const DisplayList dl = layout_career_map(c, font);
    std::vector<DrawOp> circles, scores;
    for (const auto& op : dl.pages()[0].ops) {
      if (op.kind == DrawOp::Kind::circle && op.x1 < frame::kPageW * 0.7) circles.push_back(op);  // not the legend's
      if (op.kind == DrawOp::Kind::text && op.size == 22) scores.push_back(op);
    }
    if (circles.size() < 6) continue;
    ++tried;
    for (size_t i = 0; i < circles.size(); ++i) {
      const DrawOp& m = circles[i];
      for (const DrawOp& s : scores) {
        const double left = s.x1, right = s.x1 + font.text_width(s.text, s.size), top = s.y1 - 0.75 * s.size;
        const bool apart = m.x1 + m.size < left || m.x1 - m.size > right || m.y1 + m.size < top || m.y1 - m.size > s.y1;
        BOOST_TEST(apart, a.participant << ": marker " << i + 1 << " of " << circles.size() << " covers the score " << s.text);
      }
      for (size_t j = 0; j < i; ++j)
        BOOST_TEST(std::hypot(m.x1 - circles[j].x1, m.y1 - circles[j].y1) >= m.size + circles[j].size,
                   a.participant << ": markers " << j + 1 << " and " << i + 1 << " overlap");
    }
  }
  BOOST_TEST(tried >= 20);
}

BOOST_AUTO_TEST_SUITE_END()
