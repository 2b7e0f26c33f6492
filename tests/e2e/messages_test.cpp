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

BOOST_AUTO_TEST_SUITE_END()
