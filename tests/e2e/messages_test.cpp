// The program's messages in both languages, word for word: the same mistakes run through the
// real program with LANG=C (English) and LANG=ja_JP.UTF-8 (Japanese, from po/ja.po; the
// machine needs no Japanese locale), and with `careermap --lang ja`. One case per family.
#include <boost/test/unit_test.hpp>

#include "tests/e2e/run.hpp"

using namespace careermap::test;

namespace {

const std::string kWorkshop = kSrc + "/tests/data/form/workshop.yaml";

struct Both {
  std::string en, ja;
};

// The program's stderr for `args`, run in `dir`, in English and in Japanese.
Both said(const std::string& dir, const std::string& args) {
  const std::string cd = "cd '" + dir + "' && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE ";
  const Run en = run(cd + "LANG=C " + kBin + " " + args);
  const Run ja = run(cd + "LANG=ja_JP.UTF-8 " + kBin + " " + args);
  BOOST_TEST(en.status == ja.status, args);
  return {en.err, ja.err};
}

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(usage_errors) {
  TempDir d;
  const Both b = said(d.path().string(), "score -q q.yaml --format xml a.yaml");
  BOOST_TEST(b.en.rfind("careermap score: --format 'xml': expected json or csv\nusage: careermap score ", 0) == 0u, b.en);
  BOOST_TEST(b.ja.rfind("careermap score: --format 'xml': json、csv のどれかを指定してください\n使い方: careermap score ", 0) == 0u,
             b.ja);
  const Both o = said(d.path().string(), "validate -q q.yaml --frobnicate");
  BOOST_TEST(o.en.rfind("careermap validate: unknown option --frobnicate\n", 0) == 0u, o.en);
  BOOST_TEST(o.ja.rfind("careermap validate: --frobnicate というオプションはありません\n", 0) == 0u, o.ja);
  const Both c = said(d.path().string(), "nosuch");
  BOOST_TEST(c.en.rfind("careermap: unknown command 'nosuch'\n", 0) == 0u, c.en);
  BOOST_TEST(c.ja.rfind("careermap: 'nosuch' というコマンドはありません\n", 0) == 0u, c.ja);
}

BOOST_AUTO_TEST_CASE(answers_errors_and_the_summary) {
  TempDir d;
  write(d.path() / "a.yaml", "questionnaire: workshop-b\nparticipant: w 01\nanswers: {}\n");
  const Both b = said(d.path().string(), "validate -q " + kWorkshop + " a.yaml");
  BOOST_TEST(b.en.find("a.yaml:2:14: error: participant: the id may use only letters, digits, '_' and '-'\n") !=
                 std::string::npos,
             b.en);
  BOOST_TEST(b.ja.find("a.yaml:2:14: エラー: participant: ID に使えるのは半角の英字・数字・'_'・'-' だけです\n") !=
                 std::string::npos,
             b.ja);
  BOOST_TEST(b.en.ends_with("careermap: 0 of 1 answers used; invalid: a.yaml\n"), b.en);
  BOOST_TEST(b.ja.ends_with("careermap: 1 件の回答のうち 0 件を使いました。使えなかったもの: a.yaml\n"), b.ja);
}

BOOST_AUTO_TEST_CASE(the_global_lang_option_wins_over_the_locale) {
  TempDir d;
  const std::string cd = "cd '" + d.path().string() + "' && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE ";
  const Run ja = run(cd + "LANG=C " + kBin + " --lang ja nosuch");
  BOOST_TEST(ja.err.rfind("careermap: 'nosuch' というコマンドはありません\n", 0) == 0u, ja.err);
  const Run en = run(cd + "LANG=ja_JP.UTF-8 " + kBin + " --lang=en nosuch");
  BOOST_TEST(en.err.rfind("careermap: unknown command 'nosuch'\n", 0) == 0u, en.err);
  const Run bad = run(cd + "LANG=ja_JP.UTF-8 " + kBin + " --lang fr validate");
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err == "careermap: --lang 'fr': ja か en を指定してください\n");
  // LANGUAGE chooses among languages when the locale is not C, as gettext does.
  const Run language = run(cd + "LANG=de_DE.UTF-8 LANGUAGE=fr:ja " + kBin + " nosuch");
  BOOST_TEST(language.err.rfind("careermap: 'nosuch' というコマンドはありません\n", 0) == 0u, language.err);
  const Run c = run(cd + "LC_ALL=C LANGUAGE=ja " + kBin + " nosuch");
  BOOST_TEST(c.err.rfind("careermap: unknown command 'nosuch'\n", 0) == 0u, c.err);
}

// An id or number written in full-width characters where half-width is meant: refused, in a
// file without repeating the value (it may be anything a person typed), on the command line
// with the half-width value to type.
BOOST_AUTO_TEST_CASE(full_width_ids_and_numbers_ask_for_half_width) {
  TempDir d;
  write(d.path() / "a.yaml", "questionnaire: workshop-b\nparticipant: ｗ０１\ncohort: ２０２６\nanswers: {}\n");
  const Both f = said(d.path().string(), "validate -q " + kWorkshop + " a.yaml");
  BOOST_TEST(f.en.find("a.yaml:2:14: error: participant: the id is written in full-width characters (like ｐ０３); write it "
                       "in half-width ones (like p03)\n"
                       "a.yaml:3:9: warning: cohort: written in full-width characters (like ２０２６), not an id until written "
                       "in half-width ones (like 2026); left out\n") != std::string::npos,
             f.en);
  BOOST_TEST(f.ja.find("a.yaml:2:14: エラー: participant: ID が全角で書かれています（ｐ０３ など）。半角で書いてください（p03 など）\n"
                       "a.yaml:3:9: 警告: cohort: 全角で書かれています（２０２６ など）。半角（2026 など）で書くまで ID ではないので使いません\n") !=
                 std::string::npos,
             f.ja);
  BOOST_TEST(f.en.find("ｗ０１") == std::string::npos);
  const Both c = said(d.path().string(), "import --archive a.db --cohort ２０２６ a.yaml");
  BOOST_TEST(c.en.rfind("careermap import: --cohort '２０２６': expected an id of half-width letters, digits, '_' and '-' (at "
                        "most 64) (it is written in full-width characters; write '2026')\nusage: careermap import ",
                        0) == 0u,
             c.en);
  BOOST_TEST(c.ja.rfind("careermap import: --cohort '２０２６': 半角の英字・数字・'_'・'-' の ID（64 字まで）を指定してください。"
                        "全角で書かれています。半角で '2026' と書いてください\n使い方: careermap import ",
                        0) == 0u,
             c.ja);
  const Both n = said(d.path().string(), "render -q q.yaml -o out --jobs ４ a.yaml");
  BOOST_TEST(n.en.rfind("careermap render: --jobs '４': expected a whole number from 1 to 999 (it is written in full-width "
                        "characters; write '4')\n",
                        0) == 0u,
             n.en);
  BOOST_TEST(n.ja.rfind("careermap render: --jobs '４': 1 から 999 までの整数（半角数字）を指定してください。全角で書かれています。半角で '4' と書いてください\n", 0) == 0u,
             n.ja);
}

BOOST_AUTO_TEST_SUITE_END()
