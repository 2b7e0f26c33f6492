#include "engine/csv_intake.hpp"

#include <iconv.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <random>

#include "engine/answers_yaml.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Lines = std::vector<std::string>;

namespace {

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// `s` converted with iconv; nullopt when it cannot be.
std::optional<std::string> convert(const std::string& s, const char* to, const char* from) {
  iconv_t cd = iconv_open(to, from);
  BOOST_REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(s.size() * 4 + 8, '\0');
  char* src = const_cast<char*>(s.data());
  size_t src_left = s.size(), dst_left = out.size();
  char* dst = out.data();
  const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

// A CSV cell as a spreadsheet writes it: quoted when it must be (and sometimes when not).
std::string csv_cell(const std::string& s, bool always_quote) {
  if (!always_quote && s.find_first_of(",\"\r\n") == std::string::npos && s.rfind('"', 0) != 0) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// Random text of the kinds participants type and YAML trips over.
class TextGen {
 public:
  explicit TextGen(unsigned seed) : rng_(seed) {
    // Characters that survive CP932 both ways: ASCII, kana, kanji, and what only CP932 has
    // (¬ comes back as ￢: left out by the check).
    for (const char* s : {"①", "Ⅱ", "㈱", "髙", "﨑", "～", "－", "¬", "∵", "あ", "ア", "ｱ", "漢", "字", "、", "。", "　", "「", "」"}) {
      const auto there = convert(s, "CP932", "UTF-8");
      if (there && convert(*there, "UTF-8", "CP932") == std::optional<std::string>(s)) cp932_.push_back(s);
    }
    BOOST_REQUIRE(cp932_.size() == 18u);
    for (char c = 0x20; c < 0x7F; ++c) cp932_.push_back(std::string(1, c));
  }
  std::string text(bool cp932) {
    static const char* kStarts[] = {":", "-", "#", "|", ">", "'", "\"", "%", "@", "!", "&", "*", "?", "[", "{", "- ", ": ",
                                    "--- ", "...", "~", "null", "true", "0x1F", "1e3", "=1+1", "+", "\t"};
    static const char* kBreaks[] = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
    std::string s;
    if (coin()) s += std::string(pick(4), ' ');
    if (coin()) s += kBreaks[pick(std::size(kBreaks))];
    if (coin()) s += kStarts[pick(std::size(kStarts))];
    const size_t n = pick(12);
    for (size_t k = 0; k < n; ++k) {
      switch (pick(8)) {
        case 0: s += kBreaks[pick(std::size(kBreaks))]; break;
        case 1: s += ",\"'"[pick(3)]; break;
        case 2: s += kStarts[pick(std::size(kStarts))]; break;
        case 3: s += std::string(1 + pick(2), ' '); break;
        default:
          if (cp932) {
            s += cp932_[pick(cp932_.size())];
          } else {
            char32_t cp;  // any BMP character but NUL and surrogates; now and then one beyond (𠮷, 🙂)
            do cp = static_cast<char32_t>(pick(16) ? 1 + pick(0xFFFF) : 0x10000 + pick(0x100000));
            while (cp >= 0xD800 && cp <= 0xDFFF);
            s += utf8(cp);
          }
      }
    }
    if (coin()) s += std::string(1 + pick(3), ' ');
    if (coin()) s += kBreaks[pick(std::size(kBreaks))];
    return s;
  }

 private:
  bool coin() { return pick(3) == 0; }
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  std::mt19937 rng_;
  std::vector<std::string> cp932_;
};

std::string hex(const std::string& s) {
  std::string o;
  char b[4];
  for (unsigned char c : s) std::snprintf(b, sizeof b, "%02x", c), o += b;
  return o;
}

std::string first(const Diagnostics& d) { return d.list().empty() ? "" : d.list()[0].format(); }

struct Row {
  std::string notes, title;
};

// Through CSV (UTF-8 or CP932), the CSV intake, the answers YAML `convert` writes, and the
// answers reader: every text comes back byte for byte. Returns the cases checked.
size_t round_trip(bool cp932, unsigned seed, size_t rows) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics md;
  const Mapping m = Mapping::parse(
      "questionnaire: tiny\ncolumns:\n  id: participant\n  size: size\n  notes: notes\n  from: eps[1].from\n"
      "  title: eps[1].title\n",
      "m.yaml", q, md);
  BOOST_REQUIRE(md.empty());
  TextGen gen(seed);
  std::vector<Row> want;
  std::string csv = "id,size,notes,from,title\r\n";
  std::mt19937 rng(seed);
  for (size_t r = 0; r < rows; ++r) {
    Row row{gen.text(cp932), ""};
    do row.title = gen.text(cp932);
    while (row.title.empty());  // a required field
    if (row.notes.find('\0') != std::string::npos || row.title.find('\0') != std::string::npos) continue;
    const bool quote = rng() % 2;
    csv += "p" + std::to_string(r) + ",small," + csv_cell(row.notes, quote) + ",2020," + csv_cell(row.title, quote) +
           (rng() % 2 ? "\r\n" : "\n");
    want.push_back(row);
  }
  std::string bytes = csv;
  if (cp932) {
    const auto converted = convert(csv, "CP932", "UTF-8");
    BOOST_REQUIRE(converted);
    bytes = *converted;
  }
  CsvReader reader(bytes, "f.csv");
  Diagnostics d;
  CsvIntake intake(q, m, reader, d);
  BOOST_REQUIRE(intake.usable());
  size_t n = 0;
  Answers a;
  for (Diagnostics row; intake.next(a, row); row = {}, ++n) {
    BOOST_REQUIRE_MESSAGE(!row.has_errors(), "seed " << seed << " row " << n << ": " << first(row));
    BOOST_REQUIRE(n < want.size());
    const std::string yaml = answers_to_yaml(q, a);
    Diagnostics back;
    const Answers b = parse_answers(q, yaml, "p.yaml", back);
    BOOST_REQUIRE_MESSAGE(back.empty(), "seed " << seed << " row " << n << ": " << first(back) << "\n" << yaml);
    const Answer* notes = b.find("notes");
    BOOST_TEST((notes ? notes->text : std::string()) == want[n].notes, "seed " << seed << " row " << n << ": " << hex(notes ? notes->text : "") << " != " << hex(want[n].notes));
    BOOST_REQUIRE(b.find("eps"));
    BOOST_TEST(*b.find("eps")->episodes.at(0).get("title") == want[n].title, "seed " << seed << " row " << n);
  }
  BOOST_TEST(n == want.size());
  return n;
}

// Every data row of `csv` through `m`: the answers and whether each is valid; every
// message (header and rows) into `d`.
std::vector<Answers> rows_of(const Questionnaire& q, const Mapping& m, std::string_view csv, Diagnostics& d,
                             std::vector<bool>& ok) {
  CsvReader reader(csv, "f.csv");
  CsvIntake intake(q, m, reader, d);
  std::vector<Answers> out;
  Answers a;
  for (;;) {
    Diagnostics row;
    const bool more = intake.next(a, row);
    for (const auto& x : row.list()) d.add(x);
    if (!more) break;
    ok.push_back(!row.has_errors());
    out.push_back(a);
  }
  return out;
}

// The tiny questionnaire with labels on `size` and a multi `trouble` whose labels hold separators.
Questionnaire labelled() {
  std::string text = test::kQuestionnaire;
  text.replace(text.find("options: [{value: small}, {value: large}]"), 41,
               "options: [{value: small, label: {ja: 小さい, en: Small}}, {value: large, label: {ja: 大きい, en: Large}}]");
  text.replace(text.find("      - {id: notes"), 0,
               "      - {id: trouble, type: multi, text: 悩み, options: [{value: t1, label: {ja: 追われ、先が見えない}}, "
               "{value: t2, label: {ja: 協力がない}}, {value: t3, label: {en: \"Boss, again\"}}]}\n");
  Diagnostics d;
  Questionnaire q = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  for (const auto& m : test::messages(d)) BOOST_TEST_MESSAGE(m);
  BOOST_REQUIRE(d.empty());
  return q;
}

Mapping tiny_mapping(const std::string& columns, Diagnostics& d) {
  static const Questionnaire q = test::tiny_questionnaire();
  return Mapping::parse("questionnaire: tiny\ncolumns:\n" + columns, "m.yaml", q, d);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_intake)

BOOST_AUTO_TEST_CASE(random_text_comes_back_byte_for_byte_through_csv_utf8_and_cp932) {
  const auto start = std::chrono::steady_clock::now();
  size_t cases = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    cases += round_trip(false, seed, 400);
    cases += round_trip(true, 100 + seed, 400);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(cases == 6400u);
  BOOST_TEST_MESSAGE("text round trip: " << cases << " rows (2 texts each) in " << s << " s, " << cases / s << " rows/s");
}

BOOST_AUTO_TEST_CASE(repeated_titles_bind_through_a_list_in_order_or_are_refused) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  const Mapping m = tiny_mapping("  id: participant\n  size: size\n  from: [\"eps[1].from\", \"eps[2].from\", \"eps[3].from\"]\n"
                                 "  title:\n    - eps[1].title\n    - eps[2].title\n    - eps[3].title\n",
                                 d);
  BOOST_REQUIRE(d.empty());
  std::vector<bool> ok;
  const auto rows = rows_of(q, m, "id,size,from,title,from,title,from,title\np1,small,2019,A,2020,B,2021,C\n", d, ok);
  BOOST_TEST(test::messages(d).empty());
  BOOST_REQUIRE(rows.size() == 1u);
  const auto& eps = rows[0].find("eps")->episodes;
  BOOST_REQUIRE(eps.size() == 3u);
  BOOST_TEST((*eps[0].get("from") + *eps[0].get("title") + *eps[1].get("from") + *eps[1].get("title") +
              *eps[2].get("from") + *eps[2].get("title")) == "2019A2020B2021C");

  // One target for a title heading three columns: refused, naming them; no row is read.
  Diagnostics d2;
  const Mapping one = tiny_mapping("  id: participant\n  size: size\n  from: eps[1].from\n  title: [\"eps[1].title\", \"eps[2].title\"]\n", d2);
  std::vector<bool> ok2;
  BOOST_TEST(rows_of(q, one, "id,size,from,title,from,title,from,title\np1,small,2019,A,2020,B,2021,C\n", d2, ok2).empty());
  BOOST_TEST(test::messages(d2) ==
                 (Lines{"f.csv:1: error: from: the title heads 3 columns (3, 5 and 7) and the mapping m.yaml gives 1 target "
                        "for it; list one target per column, in order: [\"eps[1].from\", \"eps[2].from\", ...]",
                        "f.csv:1: error: title: the title heads 3 columns (4, 6 and 8) and the mapping m.yaml gives 2 targets "
                        "for it; list one target per column, in order: [\"eps[1].title\", \"eps[2].title\", ...]"}),
             tt::per_element());
  // Repeated columns that are all ignored need no list.
  Diagnostics d3;
  const Mapping ign = tiny_mapping("  id: participant\n  size: size\n  x: ignore\n", d3);
  std::vector<bool> ok3;
  BOOST_TEST(rows_of(q, ign, "id,size,x,x\np1,small,1,2\n", d3, ok3).size() == 1u);
  BOOST_TEST(test::messages(d3).empty());
}

BOOST_AUTO_TEST_CASE(a_row_cut_short_and_an_empty_file_are_errors) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  const Mapping m = tiny_mapping("  id: participant\n  size: size\n  notes: notes\n", d);
  std::vector<bool> ok;
  const auto rows = rows_of(q, m, "id,size,notes\np1,small,x\np2,sm", d, ok);
  BOOST_TEST(ok == (std::vector<bool>{true, false}), tt::per_element());
  BOOST_TEST(test::messages(d) == (Lines{"f.csv:3: error: the row has 2 cells and the header 3: the row is cut short"}),
             tt::per_element());
  Diagnostics e;
  std::vector<bool> ok2;
  BOOST_TEST(rows_of(q, m, "id,size,notes\r\n", e, ok2).empty());
  BOOST_TEST(test::messages(e) == (Lines{"f.csv:1: error: the file has no rows of answers after its header"}),
             tt::per_element());
  Diagnostics f;
  BOOST_TEST(rows_of(q, m, "", f, ok2).empty());
  BOOST_TEST(test::messages(f) == (Lines{"f.csv: error: the file has no header row"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(free_text_keeps_its_spaces_and_codes_lose_theirs) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  const Mapping m = tiny_mapping("  id: participant\n  size: size\n  notes: notes\n  A1: a1\n", d);
  std::vector<bool> ok;
  const auto rows = rows_of(q, m, "id,size,notes,A1\n p1 , small ,\"  indented\r\n  text \", 4 \n", d, ok);
  BOOST_TEST(test::messages(d).empty());
  BOOST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].participant == "p1");
  BOOST_TEST(rows[0].find("size")->text == "small");
  BOOST_TEST(*rows[0].find("a1")->number == 4.0);
  BOOST_TEST(rows[0].find("notes")->text == "  indented\r\n  text ");
}

BOOST_AUTO_TEST_CASE(rows_become_answers_labels_and_all) {
  const Questionnaire q = labelled();
  Diagnostics d;
  const Mapping m = Mapping::parse(
      "questionnaire: tiny\ncohort: '2026'\ncolumns:\n  when: ignore\n  size: size\n  A1: a1\n  A2: a2\n  T: trouble\n"
      "  E1 from: eps[1].from\n  E1 title: eps[1].title\n  E1 who: eps[1].who\n"
      "values:\n  size: {でかい: large}\n  eps.who: {自分: me}\n",
      "m.yaml", q, d);
  BOOST_REQUIRE(d.empty());
  std::vector<bool> ok;
  const auto rows = rows_of(q, m,
                            "when,size,A1,A2,T,E1 from,E1 title,E1 who\n"
                            "x,小さい,4,2,\"追われ、先が見えない, 協力がない\",2019,手順,b\n"
                            "x,でかい,,,\"Boss, again;t2\",2021,T,自分\n"
                            "x,中くらい,6,,謎,2020,,a\n",
                            d, ok);
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(ok == (std::vector<bool>{true, true, false}), tt::per_element());
  BOOST_TEST(rows[0].participant == "r001");
  BOOST_TEST(rows[0].cohort == "2026");
  BOOST_TEST(rows[0].find("size")->text == "small");
  BOOST_TEST(*rows[0].find("a1")->number == 4.0);
  BOOST_TEST(rows[0].find("trouble")->choices == (Lines{"t1", "t2"}), tt::per_element());
  BOOST_TEST(*rows[0].find("eps")->episodes[0].get("who") == "town");  // letter b = the second option
  BOOST_TEST(rows[1].find("trouble")->choices == (Lines{"t3", "t2"}), tt::per_element());
  BOOST_TEST(rows[1].find("size")->text == "large");
  BOOST_TEST(*rows[1].find("eps")->episodes[0].get("who") == "me");
  BOOST_TEST(test::messages(d) ==
                 (Lines{"f.csv:4: error: size: the answer is not an option; expected one of: small, large",
                        "f.csv:4: error: A1: 6 is outside the scale 1..5",
                        "f.csv:4: error: T: the answer is not an option; expected one of: t1, t2, t3",
                        "f.csv:4: error: E1 title: required field is missing"}),
             tt::per_element());
}

// A cell's code is remembered per column: the same texts row after row, after more different
// texts than are remembered, long and short, give the same codes and messages as the first time.
BOOST_AUTO_TEST_CASE(a_text_coded_again_gives_the_same_code) {
  const Questionnaire q = labelled();
  Diagnostics d;
  const Mapping m = Mapping::parse("questionnaire: tiny\ncolumns:\n  size: size\n  A1: a1\n", "m.yaml", q, d);
  BOOST_REQUIRE(d.empty());
  std::string csv = "size,A1\n";
  const std::string long_label = "小さい" + std::string(300, ' ');  // longer than what is remembered
  for (int k = 0; k < 300; ++k) csv += "謎" + std::to_string(k) + ",1\n";  // more than are remembered
  for (int k = 0; k < 3; ++k) csv += "小さい,4\n" + long_label + ",2\nLarge,3\n謎7,5\n";
  std::vector<bool> ok;
  const auto rows = rows_of(q, m, csv, d, ok);
  BOOST_REQUIRE(rows.size() == 312u);
  for (int k = 0; k < 3; ++k) {
    const size_t r = 300 + 4 * static_cast<size_t>(k);
    BOOST_TEST(rows[r].find("size")->text == "small");
    BOOST_TEST(rows[r + 1].find("size")->text == "small");
    BOOST_TEST(rows[r + 2].find("size")->text == "large");
    BOOST_TEST(!ok[r + 3]);
  }
  const auto said = test::messages(d);
  BOOST_TEST(said.size() == 303u);
  BOOST_TEST(said.back() == "f.csv:313: error: size: the answer is not an option; expected one of: small, large");
}

BOOST_AUTO_TEST_CASE(a_values_entry_holding_a_separator_is_one_choice) {
  const Questionnaire q = labelled();
  Diagnostics d;
  const Mapping m = Mapping::parse(
      "questionnaire: tiny\ncolumns:\n  size: size\n  T: trouble\nvalues:\n  trouble: {\"人手、予算, 時間\": t2}\n", "m.yaml", q, d);
  BOOST_REQUIRE(d.empty());
  std::vector<bool> ok;
  const auto rows = rows_of(q, m, "size,T\nsmall,\"人手、予算, 時間;Boss, again\"\nsmall,\"人手\"\n", d, ok);
  BOOST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].find("trouble")->choices == (Lines{"t2", "t3"}), tt::per_element());
  BOOST_TEST(ok == (std::vector<bool>{true, false}), tt::per_element());
  BOOST_TEST(test::messages(d) ==
                 (Lines{"f.csv:3: error: T: the answer is not an option; expected one of: t1, t2, t3"}),
             tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
