#include "engine/mapping.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/csv_intake.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Lines = std::vector<std::string>;

namespace {

Templates form_templates() {
  Diagnostics d;
  return Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/form.yaml", d);
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

}  // namespace

BOOST_AUTO_TEST_SUITE(mapping)

BOOST_AUTO_TEST_CASE(headers_compare_loosely) {
  BOOST_TEST(normalize_header("Ｑ１．　あてはまる？") == "q1あてはまる");
  BOOST_TEST(normalize_header("いま(または今後)の取組") == normalize_header("いま（または今後）の取組"));
  BOOST_TEST(normalize_header("10〜19年") == normalize_header("10～19年"));
  BOOST_TEST(normalize_header("Email Address") == "emailaddress");
  BOOST_TEST(normalize_header("メールアドレス") == "メールアドレス");
}

BOOST_AUTO_TEST_CASE(targets_and_their_errors) {
  const Questionnaire q = test::tiny_questionnaire();
  ColumnTarget t;
  std::string e;
  BOOST_TEST(parse_target(q, "eps[2].who", t, e));
  BOOST_TEST(t.text() == "eps[2].who");
  BOOST_TEST(!parse_target(q, "eps[2].colour", t, e));
  BOOST_TEST(e == "episodes item 'eps' has no field 'colour'");
  BOOST_TEST(!parse_target(q, "eps", t, e));
  BOOST_TEST(e == "episodes are mapped field by field: eps[1].<field>");
  BOOST_TEST(!parse_target(q, "a9", t, e));
  BOOST_TEST(e == "'a9' is no item of tiny (nor ignore, participant, name, cohort, session)");
}

BOOST_AUTO_TEST_CASE(a_mapping_file_is_checked) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  const Mapping m = Mapping::parse("questionnaire: tiny\ncolumns:\n  ID: participant\n  Q: a9\n  サイズ: size\n", "m.yaml", q, d);
  BOOST_TEST(test::messages(d) ==
                 (Lines{"m.yaml:4:6: error: Q: 'a9' is no item of tiny (nor ignore, participant, name, cohort, session)"}),
             tt::per_element());
  BOOST_REQUIRE(m.find("ＩＤ") != nullptr);  // full-width header still found
  BOOST_TEST((m.find("ＩＤ")->targets.at(0).kind == ColumnTarget::Kind::participant));
}

BOOST_AUTO_TEST_CASE(the_starter_mapping_matches_and_lists_what_it_cannot) {
  const Questionnaire q = labelled();
  std::vector<std::string> unmatched;
  const std::string m = starter_mapping(q, form_templates(), {"タイムスタンプ", "参加者ID", "Ａ１", "エピソード2 eps.from?", "謎"},
                                        unmatched);
  BOOST_TEST(m.find("  \"タイムスタンプ\": ignore   # added by the form service\n") != std::string::npos);
  BOOST_TEST(m.find("  \"参加者ID\": participant\n") != std::string::npos);
  BOOST_TEST(m.find("  \"Ａ１\": a1\n") != std::string::npos);
  BOOST_TEST(m.find("  \"謎\": ignore   # NOT MATCHED") != std::string::npos);
  BOOST_TEST(unmatched == (Lines{"エピソード2 eps.from?", "謎"}), tt::per_element());
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

BOOST_AUTO_TEST_SUITE_END()
