// The program's messages in both languages, word for word: the same mistakes run through the
// real program with LANG=C (English) and LANG=ja_JP.UTF-8 (Japanese, from po/ja.po; the
// machine needs no Japanese locale), and with `careermap --lang ja`. One case per family.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <vector>

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

// One case per command and per kind of input, word for word in both languages: the whole of
// what the program says on stderr (or stdout for progress and summaries), and the same status.
namespace {

struct Case {
  std::string args;  // run in the case's folder
  std::string en, ja;
  bool stdout_too = false;  // compare stdout as well (import's summary, cohort --dry-run)
};

void check(const std::string& dir, const Case& c) {
  const std::string cd = "cd '" + dir + "' && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE ";
  const Run en = run(cd + "LANG=C " + kBin + " " + c.args);
  const Run ja = run(cd + "LANG=ja_JP.UTF-8 " + kBin + " " + c.args);
  BOOST_TEST(en.status == ja.status, c.args);
  BOOST_TEST((c.stdout_too ? en.out : en.err) == c.en, c.args);
  BOOST_TEST((c.stdout_too ? ja.out : ja.err) == c.ja, c.args);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_command_and_kind_of_input_in_both_languages) {
  TempDir d;
  const std::string dir = d.path().string();
  std::filesystem::copy_file(kSrc + "/questionnaires/model.yaml", d.path() / "model.yaml");
  write(d.path() / "q.yaml", "questionnaire: q\nsections: 3\n");
  write(d.path() / "n.yaml", "questionnaire: workshop-b\nparticipant: w01\nanswers:\n  hours: １２\n  v_near_1: ５\n");
  write(d.path() / "empty.csv", "");
  write(d.path() / "book.xlsx", "not a zip");
  write(d.path() / "book.csv", "a,b\n1,2\n");
  write(d.path() / "m.yaml", "questionnaire: workshop-b\ncolumns: {}\n");
  const std::string scenes_en = [] {
    std::string s;
    for (const char* l : {"fix", "improve", "innovate"})
      for (const char* st : {"individual", "workplace", "cityhall", "region"})
        s += std::string("q.yaml: warning: ") + l + "." + st + ": no item is keyed to this scene; it will have no score\n";
    return s;
  }();
  const std::string scenes_ja = [] {
    std::string s;
    for (const char* l : {"fix", "improve", "innovate"})
      for (const char* st : {"individual", "workplace", "cityhall", "region"})
        s += std::string("q.yaml: 警告: ") + l + "." + st + ": この場面にキーのある設問がありません。得点は出ません\n";
    return s;
  }();
  const std::string samples = kSrc + "/questionnaires/samples/";
  write(d.path() / "mt.yaml", "questionnaire: presession-v1\nparticipant: p01\nmeeting: ｍ１\nanswers: {}\n");
  write(d.path() / "ss.yaml", "questionnaire: presession-v1\nparticipant: p01\nsession: ｐｒｅ\nanswers: {}\n");
  write(d.path() / "g.csv", "タイムスタンプ,what\n");
  write(d.path() / "f.csv", "participant,hours\nｗ０１,１２\n");
  write(d.path() / "f.map.yaml", "questionnaire: workshop-b\ncolumns:\n  participant: participant\n  hours: hours\n");
  std::string missing_en, missing_ja;
  for (const char* item : {"org", "partners", "v_near_1", "lesson", "acts"}) {
    missing_en += std::string("f.csv:2: error: ") + item + ": required answer is missing\n";
    missing_ja += std::string("f.csv:2: エラー: ") + item + ": 必須の回答がありません\n";
  }
  const std::string cohort_usage_en =
      "usage: careermap cohort --archive A.db -q Q.yaml (-o report.pdf | --dry-run) [--csv out.csv] [--cohorts C1,C2] "
      "[--pool FIRST-LAST,...] [--min-group N] [--lang ja|en] [--date YYYY-MM-DD]\n";
  const std::string cohort_usage_ja = "使い方:" + cohort_usage_en.substr(6);
  const std::vector<Case> cases = {
      // validate: numbers written in full-width digits in an answers file (YAML).
      {"validate -q " + kWorkshop + " n.yaml",
       "n.yaml:4:10: error: hours: expected a number, got full-width digits, not half-width ones\n"
       "n.yaml:5:13: error: v_near_1: expected a number on the scale 1..7, got full-width digits, not half-width ones\n"
       "n.yaml:3:1: error: org: required answer is missing\n"
       "n.yaml:3:1: error: partners: required answer is missing\n"
       "n.yaml:3:1: error: lesson: required answer is missing\n"
       "n.yaml:3:1: error: acts: required answer is missing\n"
       "careermap: 0 of 1 answers used; invalid: n.yaml\n",
       "n.yaml:4:10: エラー: hours: 半角数字の数を答えてください（答えは半角ではなく全角の数字です）\n"
       "n.yaml:5:13: エラー: v_near_1: 1..7 の目盛りの数を答えてください（答えは半角ではなく全角の数字です）\n"
       "n.yaml:3:1: エラー: org: 必須の回答がありません\n"
       "n.yaml:3:1: エラー: partners: 必須の回答がありません\n"
       "n.yaml:3:1: エラー: lesson: 必須の回答がありません\n"
       "n.yaml:3:1: エラー: acts: 必須の回答がありません\n"
       "careermap: 1 件の回答のうち 0 件を使いました。使えなかったもの: n.yaml\n"},
      // validate: a questionnaire with errors (and the warnings of its model).
      {"validate -q q.yaml",
       "q.yaml:1:1: error: title: the questionnaire needs a title\nq.yaml:2:11: error: sections: expected a list of "
       "sections\n" + scenes_en + "careermap: the questionnaire q.yaml has 2 errors; nothing was done\n",
       "q.yaml:1:1: エラー: title: 質問票に title が必要です\nq.yaml:2:11: エラー: sections: セクションのリストが必要です\n" +
           scenes_ja + "careermap: 質問票 q.yaml にエラーが 2 件あります。何もしていません\n"},
      // validate: a CSV without its mapping; a workbook that is none.
      {"validate -q " + kWorkshop + " book.csv",
       "book.csv: error: a CSV file needs --mapping; make one with: careermap mapping -q " + kWorkshop +
           " --init book.csv -o book.mapping.yaml\ncareermap: 0 of 1 answers used; invalid: book.csv\n",
       "book.csv: エラー: CSV ファイルには --mapping が必要です。次のコマンドで作れます: careermap mapping -q " + kWorkshop +
           " --init book.csv -o book.mapping.yaml\ncareermap: 1 件の回答のうち 0 件を使いました。使えなかったもの: book.csv\n"},
      {"validate -q " + kWorkshop + " --mapping m.yaml book.xlsx",
       "book.xlsx: error: the file is not an Excel workbook (.xlsx): it is not a zip archive\n"
       "careermap: 0 of 1 answers used; invalid: book.xlsx\n",
       "book.xlsx: エラー: ファイルは Excel ブック（.xlsx）ではありません: zip ではありません\n"
       "careermap: 1 件の回答のうち 0 件を使いました。使えなかったもの: book.xlsx\n"},
      // validate: a CSV row's id and number written in full-width characters, through a mapping.
      {"validate -q " + kWorkshop + " --mapping f.map.yaml f.csv",
       "f.csv:2: error: participant: the id is written in full-width characters (like ｐ０３); write it in half-width ones "
       "(like p03)\nf.csv:2: error: hours: expected a number, got full-width digits, not half-width ones\n" + missing_en +
           "careermap: 0 of 1 answers used; invalid: f.csv:2\n",
       "f.csv:2: エラー: participant: ID が全角で書かれています（ｐ０３ など）。半角で書いてください（p03 など）\n"
       "f.csv:2: エラー: hours: 半角数字の数を答えてください（答えは半角ではなく全角の数字です）\n" + missing_ja +
           "careermap: 1 件の回答のうち 0 件を使いました。使えなかったもの: f.csv:2\n"},
      // cohort: a list of ids on the command line with a full-width one.
      {"cohort -q q.yaml --archive x.db --cohorts ２０２６,2025 --dry-run",
       "careermap cohort: --cohorts '２０２６,2025': expected ids separated by commas (C1,C2), each an id of half-width "
       "letters, digits, '_' and '-' (at most 64) (it is written in full-width characters; write '2026,2025')\n" +
           cohort_usage_en,
       "careermap cohort: --cohorts '２０２６,2025': コンマで区切った ID（C1,C2）、それぞれ半角の英字・数字・'_'・'-' の ID（64 "
       "字まで）を指定してください。全角で書かれています。半角で '2026,2025' と書いてください\n" + cohort_usage_ja},
      // validate: a meeting and a session written in full-width characters.
      {"validate -q " + kPre + " mt.yaml ss.yaml",
       "mt.yaml:3:10: error: meeting: the id is written in full-width characters (like ｐ０３); write it in half-width ones "
       "(like p03)\nmt.yaml:4:1: error: answers: answers no item: a file holds at least one part (questionnaire, "
       "worksheet)\nss.yaml:3:10: error: session: the id is written in full-width characters (like ｐ０３); write it in "
       "half-width ones (like p03)\nss.yaml:4:1: error: answers: answers no item: a file holds at least one part "
       "(questionnaire, worksheet)\nss.yaml: error: participant: 'p01' is also the participant of mt.yaml\n"
       "careermap: 0 of 2 answers used; invalid: mt.yaml ss.yaml\n",
       "mt.yaml:3:10: エラー: meeting: ID が全角で書かれています（ｐ０３ など）。半角で書いてください（p03 など）\n"
       "mt.yaml:4:1: エラー: answers: 回答がありません: ファイルには少なくとも一つの部分（questionnaire, worksheet）の回答が要ります\n"
       "ss.yaml:3:10: エラー: session: ID が全角で書かれています（ｐ０３ など）。半角で書いてください（p03 など）\n"
       "ss.yaml:4:1: エラー: answers: 回答がありません: ファイルには少なくとも一つの部分（questionnaire, worksheet）の回答が要ります\n"
       "ss.yaml: エラー: participant: 'p01' は mt.yaml の参加者 ID でもあります\n"
       "careermap: 2 件の回答のうち 0 件を使いました。使えなかったもの: mt.yaml ss.yaml\n"},
      // mapping --init: the starter mapping's comments ("NOT MATCHED" kept in both).
      {"mapping -q " + kWorkshop + " --init g.csv",
       "# careermap mapping: how the columns of a form's CSV become answers (FORMAT.md).\n# Written by `careermap "
       "mapping --init`; check every line, then use it with --mapping.\nquestionnaire: workshop-b\n# cohort: \"2026\"\n"
       "# meeting: pre\ncolumns:\n  \"タイムスタンプ\": ignore   # added by the form service\n  \"what\": ignore   # NOT "
       "MATCHED: write the item id here, or keep ignore\n# values:            # answer texts that are neither an option's "
       "value nor its label\n#   item_id: {\"answer text\": option_value}\n",
       "# careermap の対応表: フォームの CSV の列を回答にする方法（FORMAT.md）。\n# `careermap mapping --init` "
       "が書きました。すべての行を確かめてから --mapping で使ってください。\nquestionnaire: workshop-b\n# cohort: "
       "\"2026\"\n# meeting: pre\ncolumns:\n  \"タイムスタンプ\": ignore   # フォームサービスが足した列\n  \"what\": ignore   "
       "# NOT MATCHED（対応なし）: ここに設問 ID を書くか、ignore のままにしてください\n# values:            # "
       "選択肢の値でもラベルでもない回答の文字\n#   item_id: {\"answer text\": option_value}\n",
       true},
      // mapping: a CSV without a header row.
      {"mapping -q " + kWorkshop + " --init empty.csv", "empty.csv: error: the file has no header row\n",
       "empty.csv: エラー: ファイルに見出し行がありません\n"},
      // score, analyze, render, form, convert, cohort: usage errors.
      {"score -q q.yaml --format xml a.yaml",
       "careermap score: --format 'xml': expected json or csv\nusage: careermap score -q Q.yaml [--format json|csv] "
       "[--mapping M.yaml] [--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)\n",
       "careermap score: --format 'xml': json、csv のどれかを指定してください\n使い方: careermap score -q Q.yaml [--format "
       "json|csv] [--mapping M.yaml] [--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)\n"},
      {"analyze -q q.yaml",
       "careermap analyze: missing ANSWERS...\nusage: careermap analyze -q Q.yaml [--format text|json] [--mapping M.yaml] "
       "ANSWERS...\n",
       "careermap analyze: ANSWERS... がありません\n使い方: careermap analyze -q Q.yaml [--format text|json] [--mapping "
       "M.yaml] ANSWERS...\n"},
      {"render -q q.yaml -o out --date 2026-13-01 x.yaml",
       "careermap render: --date '2026-13-01': expected a calendar date YYYY-MM-DD (e.g. 2026-07-01)\nusage: careermap "
       "render -q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] [--jobs N] [--password-file F] [--mapping M.yaml] "
       "[--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)\n",
       "careermap render: --date '2026-13-01': YYYY-MM-DD の日付（例: 2026-07-01、半角）を指定してください\n使い方: "
       "careermap render -q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] [--jobs N] [--password-file F] [--mapping "
       "M.yaml] [--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)\n"},
      {"form -q q.yaml --csv --html",
       "careermap form: give --csv or --html, not both\nusage: careermap form -q Q.yaml (-o BLANK.pdf | --csv | --html -o "
       "FORM.html [--part P] [--participant ID [--name NAME] [--cohort C]] | --kit -o DIR) [--lang ja|en]\n",
       "careermap form: --csv と --html はどちらか一方だけを指定してください\n使い方: careermap form -q Q.yaml (-o BLANK.pdf "
       "| --csv | --html -o FORM.html [--part P] [--participant ID [--name NAME] [--cohort C]] | --kit -o DIR) [--lang "
       "ja|en]\n"},
      {"convert -q q.yaml --mapping m.yaml empty.csv",
       "careermap convert: missing -o DIR\nusage: careermap convert -q Q.yaml --mapping M.yaml -o DIR [--dry-run] "
       "FORM.csv...\n",
       "careermap convert: -o DIR がありません\n使い方: careermap convert -q Q.yaml --mapping M.yaml -o DIR [--dry-run] "
       "FORM.csv...\n"},
      {"cohort -q q.yaml --archive none.db -o r.pdf --min-group 1",
       "careermap cohort: --min-group '1': expected a whole number from 3 to 99\nusage: careermap cohort --archive A.db -q "
       "Q.yaml (-o report.pdf | --dry-run) [--csv out.csv] [--cohorts C1,C2] [--pool FIRST-LAST,...] [--min-group N] "
       "[--lang ja|en] [--date YYYY-MM-DD]\n",
       "careermap cohort: --min-group '1': 3 から 99 までの整数（半角数字）を指定してください\n使い方: careermap cohort "
       "--archive A.db -q Q.yaml (-o report.pdf | --dry-run) [--csv out.csv] [--cohorts C1,C2] [--pool FIRST-LAST,...] "
       "[--min-group N] [--lang ja|en] [--date YYYY-MM-DD]\n"},
      // archive: no archive at the path.
      {"archive --archive none.db --list",
       "none.db: error: archive: no archive here (only careermap import creates one; check the path)\n",
       "none.db: エラー: アーカイブ: ここにアーカイブはありません（作るのは careermap import だけです。パスを確かめてください）\n"},
  };
  for (const auto& c : cases) check(dir, c);
  // import's summary (stdout), then cohort --dry-run on what it imported; each language into
  // its own archive.
  for (const char* lang : {"C", "ja_JP.UTF-8"}) {
    const std::string cd = "cd '" + dir + "' && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=" + lang + " ";
    const bool ja = std::string(lang) != "C";
    const std::string db = ja ? "ja.db" : "en.db";
    const Run i = run(cd + kBin + " import -q " + kPre + " --archive " + db + " --cohort c1 " + samples + "p01.yaml " +
                      samples + "p02.yaml");
    BOOST_TEST(i.status == 0);
    BOOST_TEST(i.out == (ja ? "careermap import: 追加 2 件、新しい版 0 件、変わらず 0 件、保留 0 件\n"
                            : "careermap import: 2 added, 0 new versions, 0 unchanged, 0 quarantined\n"));
    const Run none = run(cd + kBin + " cohort -q " + kPre + " --archive " + db + " --cohorts c2,c3 --dry-run");
    BOOST_TEST(none.status == 2);
    BOOST_TEST(none.err == (ja ? db + ": エラー: --cohorts: 期 c2, c3 の正しい提出がありません（アーカイブにある期は c1）。何もしていません\n"
                               : db + ": error: --cohorts: no valid submissions of cohorts c2, c3 (the archive holds cohort c1); "
                                      "nothing was done\n"));
    const Run c = run(cd + kBin + " cohort -q " + kPre + " --archive " + db + " --dry-run");
    BOOST_TEST(c.status == 0);
    const std::string head = c.out.substr(0, c.out.find("table\t"));
    BOOST_TEST(head ==
               (ja ? "careermap cohort: 試しの実行です。何も書かず、公開も記録していません\n"
                     "人数が少ないので列を分けません（全体に数えます）: c1\n"
                     "隠した数字: 3 人未満について 34 個、引き算の防止で 0 個、監査で追加 0 個（1 回、線形計画 94 個）、公開済みと違う集まりで 0 個\n"
                   : "careermap cohort: dry run; nothing written, no release logged\n"
                     "too few people for a column of their own (counted in all): c1\n"
                     "hidden: 34 about fewer than 3 people, 0 against subtraction, 0 added by the audit (1 round, 94 linear "
                     "programs), 0 in groups that differ from a release\n"),
               c.out);
  }
  // help: the overview's headings; the manual page stays English in either language.
  const Both h = said(dir, "help nosuch");
  BOOST_TEST(h.en.rfind("careermap: unknown command 'nosuch'\nusage: careermap COMMAND [OPTIONS] [FILES...]\n\ncommands:\n  validate -q Q.yaml [--mapping M.yaml] [ANSWERS...]\n      check a questionnaire and answers files\n", 0) == 0u, h.en);
  BOOST_TEST(h.ja.rfind("careermap: 'nosuch' というコマンドはありません\n使い方: careermap COMMAND [OPTIONS] [FILES...]\n\nコマンド:\n  validate -q Q.yaml [--mapping M.yaml] [ANSWERS...]\n      質問票と回答ファイルを確かめる\n", 0) == 0u, h.ja);
  BOOST_TEST(h.ja.ends_with("\n終了状態: 0 正常、1 入力の一部が正しくない、2 使い方の誤り・使えない質問票・内部エラー\n"), h.ja);
  const std::string cd = "cd '" + dir + "' && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE ";
  BOOST_TEST(run(cd + "LANG=ja_JP.UTF-8 " + kBin + " help --man").out == run(cd + "LANG=C " + kBin + " help --man").out);
}

BOOST_AUTO_TEST_SUITE_END()
