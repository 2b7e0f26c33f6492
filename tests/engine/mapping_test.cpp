#include "engine/mapping.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Lines = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(mapping)

// The targets that are a word of their own: each read to its kind and written back as the same
// word, each word FORMAT.md names; anything close to one is not one.
BOOST_AUTO_TEST_CASE(word_targets_read_and_write_the_same_word) {
  const Questionnaire q = test::tiny_questionnaire();
  std::ifstream in(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/FORMAT.md");
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  using Kind = ColumnTarget::Kind;
  const std::pair<const char*, Kind> words[] = {{"ignore", Kind::ignore}, {"participant", Kind::participant},
                                                {"name", Kind::name},     {"cohort", Kind::cohort},
                                                {"meeting", Kind::meeting}, {"session", Kind::session}};
  for (const auto& [word, kind] : words) {
    ColumnTarget t;
    std::string error;
    BOOST_TEST_INFO(word);
    BOOST_TEST(parse_target(q, word, t, error));
    BOOST_TEST((t.kind == kind));
    BOOST_TEST(t.text() == word);
    BOOST_TEST(doc.find("`" + std::string(word) + "`") != std::string::npos);
    BOOST_TEST(!parse_target(q, std::string(word) + "s", t, error));
  }
}

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
  BOOST_TEST(e == "'a9' is no item of tiny (nor ignore, participant, name, cohort, meeting, session)");
}

BOOST_AUTO_TEST_CASE(a_mapping_file_is_checked) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  const Mapping m = Mapping::parse("questionnaire: tiny\ncolumns:\n  ID: participant\n  Q: a9\n  サイズ: size\n", "m.yaml", q, d);
  BOOST_TEST(test::messages(d) ==
                 (Lines{"m.yaml:4:6: error: Q: 'a9' is no item of tiny (nor ignore, participant, name, cohort, meeting, session)"}),
             tt::per_element());
  BOOST_REQUIRE(m.find("ＩＤ") != nullptr);  // full-width header still found
  BOOST_TEST((m.find("ＩＤ")->targets.at(0).kind == ColumnTarget::Kind::participant));
}

BOOST_AUTO_TEST_CASE(the_starter_mapping_matches_and_lists_what_it_cannot) {
  const Questionnaire q = test::tiny_questionnaire();
  std::vector<std::string> unmatched;
  const std::string m = starter_mapping(q, test::shipped_templates("form.yaml"), {"タイムスタンプ", "参加者ID", "Ａ１", "エピソード2 eps.from?", "謎"},
                                        unmatched);
  BOOST_TEST(m.find("  \"タイムスタンプ\": ignore   # added by the form service\n") != std::string::npos);
  BOOST_TEST(m.find("  \"参加者ID\": participant\n") != std::string::npos);
  BOOST_TEST(m.find("  \"Ａ１\": a1\n") != std::string::npos);
  BOOST_TEST(m.find("  \"謎\": ignore   # NOT MATCHED") != std::string::npos);
  BOOST_TEST(unmatched == (Lines{"エピソード2 eps.from?", "謎"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_target_of_any_length_is_read_without_recursion) {
  const Questionnaire q = test::tiny_questionnaire();
  ColumnTarget t;
  std::string e;
  const std::string huge(40'000, 'x');
  for (const std::string& text : {huge, "eps[1]." + huge, huge + "[1].from", "eps[" + std::string(40'000, '1') + "].from"})
    BOOST_TEST(!parse_target(q, text, t, e));
  BOOST_TEST(!parse_target(q, "eps[" + std::string(40'000, '1') + "].from", t, e));
  BOOST_TEST(e == "an episode field is written <item>[N].<field> with N from 1 to 999");
  for (const char* bad : {"eps[0].from", "eps[01].from", "eps[1000].from", "eps[1]from", "eps[1].", "eps[].from", "e ps[1].from"}) {
    BOOST_TEST(!parse_target(q, bad, t, e), bad);
    BOOST_TEST(e == "an episode field is written <item>[N].<field> with N from 1 to 999", bad);
  }
  BOOST_TEST(parse_target(q, "eps[999].title", t, e));
  BOOST_TEST((t.kind == ColumnTarget::Kind::episode_field && t.item == "eps" && t.episode == 999 && t.field == "title"));
  BOOST_TEST(!parse_target(q, "a1[2].from", t, e));
  BOOST_TEST(e == "'a1' is not an episodes item");
}

BOOST_AUTO_TEST_CASE(the_starter_mapping_binds_names_grids_and_repeated_episode_titles) {
  std::string text = test::kQuestionnaire;
  text.replace(text.find("required: true}\n          - {id: to"), 15, "required: true, label: {ja: 開始年, en: From}}");
  text.replace(text.find("use: title, required: true}"), 27, "use: title, required: true, label: {ja: 取組の名前, en: Title}}");
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(!d.has_errors());
  Lines unmatched;
  const std::string m = starter_mapping(
      q, test::shipped_templates("form.yaml"),
      {"お名前", "参加者ID", "あてはまるものを選んでください [A1]", "開始年", "取組の名前", "開始年", "取組の名前", "A2", "A2", "",
       "開始年"},
      unmatched);
  BOOST_TEST(m.find("  \"お名前\": name\n") != std::string::npos);
  BOOST_TEST(m.find("  \"あてはまるものを選んでください [A1]\": a1\n") != std::string::npos);
  BOOST_TEST(m.find("  \"開始年\":   # one target per column with this title, in order\n    - eps[1].from\n"
                    "    - eps[2].from\n    - eps[3].from\n") != std::string::npos);
  BOOST_TEST(m.find("  \"取組の名前\":   # one target per column with this title, in order\n    - eps[1].title\n"
                    "    - eps[2].title\n  \"A2\"") != std::string::npos);
  BOOST_TEST(m.find("  \"A2\": ignore   # NOT MATCHED: the title heads columns 8 and 9; list one target per column\n") !=
             std::string::npos);
  BOOST_TEST(unmatched == (Lines{"A2", ""}), tt::per_element());
  // What it wrote is a mapping careermap reads, binding the repeated titles in order.
  Diagnostics md;
  const Mapping back = Mapping::parse(m, "m.yaml", q, md);
  BOOST_TEST(test::messages(md).empty());
  BOOST_REQUIRE(back.find("開始年"));
  BOOST_TEST(back.find("開始年")->targets.size() == 3u);
  BOOST_TEST(back.find("開始年")->targets[2].text() == "eps[3].from");
  BOOST_TEST(back.find("お名前")->targets[0].text() == "name");
  for (const char* name : {"氏名", "名前", "Name", "Full Name"}) {
    Lines u;
    BOOST_TEST(starter_mapping(q, test::shipped_templates("form.yaml"), {name}, u).find(": name\n") != std::string::npos, name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
