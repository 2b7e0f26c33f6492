// Usage errors, word for word: every subcommand's missing, unknown, repeated, empty and
// malformed options, stray arguments and missing files each get their own message naming
// the option, then the command's usage; exit status 2, nothing on stdout, nothing written.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using careermap::test::run;

namespace {

const std::map<std::string, std::string> kUsage = {
    {"validate", "-q Q.yaml [--mapping M.yaml] [ANSWERS...]"},
    {"score", "-q Q.yaml [--format json|csv] [--mapping M.yaml] [--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)"},
    {"analyze", "-q Q.yaml [--format text|json] [--mapping M.yaml] ANSWERS..."},
    {"render",
     "-q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] [--jobs N] [--password-file F] [--mapping M.yaml] "
     "[--meeting ID] [--shard K/N] (ANSWERS... | --archive A.db --cohort C)"},
    {"form",
     "-q Q.yaml (-o BLANK.pdf | --csv | --html -o FORM.html [--part P] [--participant ID [--name NAME] [--cohort C]] | --kit -o DIR) "
     "[--lang ja|en]"},
    {"mapping", "-q Q.yaml --init FORM.csv [-o MAPPING.yaml] [--cohort C] [--meeting ID]"},
    {"convert", "-q Q.yaml --mapping M.yaml -o DIR [--dry-run] FORM.csv..."},
    {"import", "-q Q.yaml --archive A.db --cohort C [--meeting ID] [--session pre|post] [--mapping M.yaml] [--shard K/N] [--jobs N] FILES..."},
    {"archive", "--archive A.db (--list [-q Q.yaml] | --releases)"},
    {"export", "--archive A.db -o DIR"},
    {"cohort",
     "--archive A.db -q Q.yaml (-o report.pdf | --dry-run) [--csv out.csv] [--cohorts C1,C2] "
     "[--pool FIRST-LAST,...] [--min-group N] [--lang ja|en] [--date YYYY-MM-DD]"},
    {"demo", "[-o DIR]"},
};

const std::string kDate = "expected a calendar date YYYY-MM-DD (e.g. 2026-07-01)";
const std::string kId = "expected an id of half-width letters, digits, '_' and '-' (at most 64)";

struct Case {
  std::string args;     // after `careermap`, as a shell would read them
  std::string message;  // the first line of stderr, after "careermap COMMAND: "
};

const Case kCases[] = {
    {"validate", "missing -q Q.yaml"},
    {"validate -q", "option -q needs a value: Q.yaml"},
    {"validate -q ''", "option -q needs a value: Q.yaml (it was empty)"},
    {"validate -q q.yaml -q r.yaml", "option -q given twice"},
    {"validate -q q.yaml --format json", "unknown option --format"},
    {"validate -x q.yaml", "unknown option -x"},
    {"score -q q.yaml", "missing ANSWERS... (or --archive A.db --cohort C)"},
    {"score -q q.yaml --format xml a.yaml", "--format 'xml': expected json or csv"},
    {"score -q q.yaml --format=csv --format json a.yaml", "option --format given twice"},
    {"score -q q.yaml --archive a.db", "option --archive A.db needs --cohort C (which cohort to read)"},
    {"score -q q.yaml --cohort 2026 a.yaml", "option --cohort C needs --archive A.db (the archive to read it from)"},
    {"score -q q.yaml --archive a.db --cohort 2026 a.yaml", "give answers files or --archive A.db --cohort C, not both"},
    {"score -q q.yaml --archive a.db --cohort a/b", "--cohort 'a/b': " + kId},
    {"analyze -q q.yaml", "missing ANSWERS..."},
    {"analyze -q q.yaml --format csv a.yaml", "--format 'csv': expected text or json"},
    {"render -q q.yaml a.yaml", "missing -o DIR"},
    {"render a.yaml", "missing -q Q.yaml, -o DIR"},
    {"render -q q.yaml -o", "option -o needs a value: DIR"},
    {"render -q q.yaml -o --lang en a.yaml", "option -o needs a value: DIR"},
    {"render -q q.yaml -o out --date yesterday a.yaml", "--date 'yesterday': " + kDate},
    {"render -q q.yaml -o out --date 2026-13-45 a.yaml", "--date '2026-13-45': " + kDate},
    {"render -q q.yaml -o out --date 2026-02-29 a.yaml", "--date '2026-02-29': " + kDate},
    {"render -q q.yaml -o out --date 2026-7-1 a.yaml", "--date '2026-7-1': " + kDate},
    {"render -q q.yaml -o out --date= a.yaml", "--date '': " + kDate},
    {"render -q q.yaml -o out --jobs 0 a.yaml", "--jobs '0': expected a whole number from 1 to 999"},
    {"render -q q.yaml -o out --jobs -1 a.yaml", "--jobs '-1': expected a whole number from 1 to 999"},
    {"render -q q.yaml -o out --jobs 1000 a.yaml", "--jobs '1000': expected a whole number from 1 to 999"},
    {"render -q q.yaml -o out --lang fr a.yaml", "--lang 'fr': expected ja or en"},
    {"render -q q.yaml -o out --password p --password-file f a.yaml", "give --password-file F or --password P, not both"},
    {"render -q q.yaml -o out --password '' a.yaml", "option --password needs a value: P (it was empty)"},
    {"render -q q.yaml -o out --archive a.db --cohort 2026 a.yaml",
     "give answers files or --archive A.db --cohort C, not both"},
    {"form -q q.yaml", "missing -o BLANK.pdf or --csv"},
    {"form -q q.yaml -o b.pdf --csv", "give -o BLANK.pdf or --csv, not both"},
    {"form -q q.yaml --csv extra", "unexpected argument 'extra': this command takes no files"},
    {"form -q q.yaml --csv=yes", "option --csv takes no value"},
    {"form -q q.yaml --csv --lang zh", "--lang 'zh': expected ja or en"},
    {"form -q q.yaml --html", "missing -o FORM.html"},
    {"form -q q.yaml --html --csv -o f.html", "give --html or --csv, not both"},
    {"form -q q.yaml --csv --html -o f.html", "give --csv or --html, not both"},
    {"form -q q.yaml --kit -o d --html", "give --kit or --html, not both"},
    {"form -q q.yaml --csv --kit -o d --html", "give only one of --csv, --kit and --html"},
    {"form -q q.yaml --html -o f.html --kit", "give --html or --kit, not both"},
    {"form -q q.yaml -o b.pdf --participant p01", "--part and --participant go with --html"},
    {"form -q q.yaml --csv --part worksheet", "--part and --participant go with --html"},
    {"form -q q.yaml --html -o f.html --part", "option --part needs a value: P"},
    {"form -q q.yaml --html -o f.html --part 'a b'", "--part 'a b': " + kId},
    {"form -q q.yaml --html -o f.html --name X", "--name and --cohort go with --participant ID"},
    {"form -q q.yaml --html -o f.html --participant p.01", "--participant 'p.01': " + kId},
    {"mapping -q q.yaml", "missing --init FORM.csv"},
    {"mapping -q q.yaml --init", "option --init needs a value: FORM.csv"},
    {"mapping -q q.yaml --init f.csv extra.csv", "unexpected argument 'extra.csv': this command takes no files"},
    {"convert -q q.yaml --mapping m.yaml -o out", "missing FORM.csv..."},
    {"convert -q q.yaml -o out f.csv", "missing --mapping M.yaml"},
    {"convert -q q.yaml --mapping m.yaml -o out --dry-run --dry-run f.csv", "option --dry-run given twice"},
    {"import -q q.yaml --archive a.db --cohort 2026 --session 事後 a.yaml", "--session '事後': expected pre or post"},
    {"import -q q.yaml --archive a.db a.yaml", "missing --cohort C"},
    {"import -q q.yaml a.yaml", "missing --archive A.db, --cohort C"},
    {"import -q q.yaml --archive a.db --cohort 2026", "missing FILES..."},
    {"import -q q.yaml --archive a.db --cohort \"$(printf 'x\\033[31m')\" a.yaml", "--cohort 'x\\x1B[31m': " + kId},
    {"import -q q.yaml --archive a.db --cohort 2026 --session a.yaml", "--session 'a.yaml': expected pre or post"},
    {"archive --archive a.db", "missing --list or --releases"},
    {"archive --archive a.db --list --releases", "give --list or --releases, not both"},
    {"archive --archive a.db -q q.yaml", "-q goes with --list"},
    {"archive --archive a.db --list x", "unexpected argument 'x': this command takes no files"},
    {"export --archive a.db", "missing -o DIR"},
    {"export --archive a.db -o d -o e", "option -o given twice"},
    {"cohort --archive a.db -q q.yaml", "missing -o report.pdf"},
    {"cohort --archive a.db -q q.yaml --dry-run -o r.pdf", "give --dry-run or -o report.pdf, not both"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --date yesterday", "--date 'yesterday': " + kDate},
    {"cohort --archive a.db -q q.yaml -o r.pdf --date 2026-13-45", "--date '2026-13-45': " + kDate},
    {"cohort --archive a.db -q q.yaml -o r.pdf --date 2100-02-29", "--date '2100-02-29': " + kDate},
    {"cohort --archive a.db -q q.yaml -o r.pdf --cohorts 2025,,2026",
     "--cohorts '2025,,2026': expected ids separated by commas (C1,C2), each an id of half-width letters, digits, '_' and '-' "
     "(at most 64)"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --cohorts 2025,",
     "--cohorts '2025,': expected ids separated by commas (C1,C2), each an id of half-width letters, digits, '_' and '-' "
     "(at most 64)"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --lang de", "--lang 'de': expected ja or en"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --pool 2026",
     "--pool '2026': expected ranges of cohorts such as 2024-2026 (FIRST-LAST, comma-separated)"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --pool 2026-2024",
     "--pool '2026-2024': expected ranges of cohorts such as 2024-2026 (FIRST-LAST, comma-separated)"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --min-group 1", "--min-group '1': expected a whole number from 3 to 99"},
    {"cohort --archive a.db -q q.yaml -o r.pdf --min-group 2", "--min-group '2': expected a whole number from 3 to 99"},
    {"demo extra", "unexpected argument 'extra': this command takes no files"},
    {"demo -o", "option -o needs a value: DIR"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(usage)

BOOST_AUTO_TEST_CASE(every_mistake_has_its_own_message) {
  careermap::test::TempDir dir;
  for (const auto& c : kCases) {
    const std::string name = c.args.substr(0, c.args.find(' '));
    const auto r = run("cd " + dir.path().string() + " && " + kBin + " " + c.args);
    BOOST_TEST(r.status == 2, c.args);
    BOOST_TEST(r.out == "", c.args);
    BOOST_TEST(r.err == "careermap " + name + ": " + c.message + "\nusage: careermap " + name + " " + kUsage.at(name) + "\n",
               c.args);
  }
  BOOST_TEST(fs::is_empty(dir.path()));  // nothing created: no archive, no folder, no report
}

BOOST_AUTO_TEST_CASE(help_shows_one_command_and_the_table_matches_the_readme) {
  const std::string readme = careermap::test::slurp(kSrc + "/README.md");
  for (const auto& [name, usage] : kUsage) {
    const auto r = run(kBin + " " + name + " --help");
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out.rfind("usage: careermap " + name + " " + usage + "\n", 0) == 0u, name);
    std::string padded = name;
    padded.resize(std::max<size_t>(name.size(), 8), ' ');
    BOOST_TEST(readme.find("careermap " + padded + " " + usage + "\n") != std::string::npos, name << ": README synopsis");
  }
  const auto all = run(kBin + " --help");
  for (const auto& [name, usage] : kUsage)
    BOOST_TEST(all.out.find("  " + name + " " + usage + "\n") != std::string::npos, name);
}

BOOST_AUTO_TEST_CASE(help_of_one_command_word_for_word) {
  const std::string help =
      "usage: careermap export --archive A.db -o DIR\n"
      "  every submission back out as files, with an index\n"
      "\n"
      "  --archive A.db  the cohort archive (SQLite)\n"
      "  -o DIR          the folder to write into\n";
  for (const std::string args : {"help export", "export --help", "export -o x -h"}) {
    const auto r = run(kBin + " " + args);
    BOOST_TEST(r.status == 0, args);
    BOOST_TEST(r.out == help, args);
    BOOST_TEST(r.err == "", args);
  }
  const auto all = run(kBin + " help"), dashes = run(kBin + " --help"), none = run(kBin);
  BOOST_TEST(all.status == 0);
  BOOST_TEST(all.out.rfind("usage: careermap COMMAND [OPTIONS] [FILES...]\n\ncommands:\n", 0) == 0u);
  BOOST_TEST(dashes.out == all.out);
  BOOST_TEST(none.status == 2);
  BOOST_TEST(none.err == all.out);
  const auto bad = run(kBin + " help exprot");
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.out == "");
  BOOST_TEST(bad.err.rfind("careermap: unknown command 'exprot'\nusage: careermap COMMAND [OPTIONS] [FILES...]\n", 0) == 0u);
  const auto extra = run(kBin + " help export render");
  BOOST_TEST(extra.status == 2);
  BOOST_TEST(extra.err == "careermap help: unexpected argument 'render'\nusage: careermap help [COMMAND | --man]\n");
}

BOOST_AUTO_TEST_CASE(the_manual_page_is_the_one_the_build_made_and_man_reads_it) {
  const auto r = run(kBin + " help --man");
  BOOST_TEST(r.status == 0);
  const fs::path built = fs::path(kBin).parent_path() / "careermap.1";
  BOOST_TEST(r.out == careermap::test::slurp(built));
  BOOST_TEST(r.out.find(".SS cohort\n.B careermap cohort\n") != std::string::npos);
  // groff reads it without a warning, and the page shows every command's usage line.
  const auto man = run("groff -man -Tutf8 -ww -P-cbou " + built.string());
  BOOST_TEST(man.status == 0);
  BOOST_TEST(man.err == "");
  for (const auto& [name, usage] : kUsage) BOOST_TEST(man.out.find(name) != std::string::npos, name);
}

BOOST_AUTO_TEST_CASE(a_double_dash_ends_the_options) {
  careermap::test::TempDir dir;
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " validate -q " + kPre + " -- -x.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "-x.yaml: error: cannot read: No such file or directory\n"
                      "careermap: 0 of 1 answers used; invalid: -x.yaml\n");
}

BOOST_AUTO_TEST_SUITE_END()
