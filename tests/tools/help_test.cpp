// The help, the usage lines and the manual page against the parser: every option the parser
// accepts for a command is shown for it, every option word shown is one the parser accepts
// (the parser itself is the judge), every option the commands' code reads is in the table,
// and the usage line follows its rules on hand-made syntaxes.
#include "tools/help.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tools/commands.hpp"

using namespace careermap::cli;

namespace {

// The option words ("-q", "--dry-run") in `text`: a '-' after a space, '[', '(' or '|'.
std::set<std::string> option_words(const std::string& text) {
  static const std::regex word(R"((^|[\s\[(|])(--?[a-z][a-z-]*))");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
    out.insert((*it)[2]);
  return out;
}

// Whether the parser knows `word` as an option of `syntax` (any other problem is fine here).
bool parser_knows(const Syntax& syntax, const std::string& word) {
  const char* argv[] = {"careermap", "cmd", word.c_str()};
  try {
    parse_args(3, argv, 2, syntax);
  } catch (const UsageError& e) {
    return std::string(e.what()).rfind("unknown option", 0) != 0;
  }
  return true;
}

// The manual page's section of one command, with roff's escapes and fonts taken out.
std::string man_section(const std::string& man, std::string_view name) {
  const size_t at = man.find(".SS " + std::string(name) + "\n");
  BOOST_REQUIRE(at != std::string::npos);
  const size_t end = std::min(man.find(".SS ", at + 1), man.find(".SH ", at + 1));
  std::string s = man.substr(at, end - at);
  s = std::regex_replace(s, std::regex(R"(\\f[BIR])"), "");
  s = std::regex_replace(s, std::regex(R"(\\-)"), "-");
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help)

BOOST_AUTO_TEST_CASE(every_option_the_parser_accepts_is_shown_and_nothing_else) {
  const std::string man = man_page(commands(), "9.9");
  for (const Command& c : commands()) {
    const std::string help = command_help(c), section = man_section(man, c.name);
    for (const Option& o : c.syntax.options) {
      BOOST_TEST(parser_knows(c.syntax, std::string(o.name)), c.name << ' ' << o.name);
      const std::string shown = std::string(o.name) + (o.value.empty() ? "" : " " + std::string(o.value));
      BOOST_TEST(help.find("\n  " + shown + " ") != std::string::npos, c.name << ": help lists " << shown);
      BOOST_TEST(section.find(".TP\n" + shown + "\n") != std::string::npos, c.name << ": man lists " << shown);
      BOOST_TEST(!o.help.empty(), c.name << ' ' << o.name << " has no help");
      if (o.in_usage)
        BOOST_TEST(option_words(usage_of(c.syntax)).count(std::string(o.name)) == 1u, c.name << " usage " << o.name);
    }
    for (const std::string& w : option_words(help))
      BOOST_TEST(parser_knows(c.syntax, w), c.name << ": help shows " << w << ", which the parser refuses");
    for (const std::string& w : option_words(section))
      BOOST_TEST(parser_knows(c.syntax, w), c.name << ": man shows " << w << ", which the parser refuses");
    if (c.syntax.files != Files::none) {
      BOOST_TEST(help.find("\n  " + std::string(c.syntax.files_name) + " ") != std::string::npos, c.name);
      BOOST_TEST(section.find(".TP\n" + std::string(c.syntax.files_name) + "\n") != std::string::npos, c.name);
    }
    BOOST_TEST(overview(commands()).find("  " + std::string(c.name) + " " + usage_of(c.syntax) + "\n      " +
                                         std::string(c.help) + "\n") != std::string::npos);
  }
}

// The options the commands' code reads (args.has("--x"), args.get("--x")) are all in the
// table: an option the code wants but the parser refuses could never be given.
BOOST_AUTO_TEST_CASE(every_option_the_code_reads_is_in_the_table) {
  std::set<std::string> table;
  for (const Command& c : commands())
    for (const Option& o : c.syntax.options) table.insert(std::string(o.name));
  static const std::regex read(R"(args\.(?:has|get)\("(-[^"]*)\")");
  size_t seen = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CAREERMAP_SOURCE_DIR) + "/tools")) {
    const std::string name = e.path().filename().string();
    if (name.rfind("cmd_", 0) != 0 && name != "cli.cpp") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), read); it != std::sregex_iterator(); ++it, ++seen)
      BOOST_TEST(table.count((*it)[1]) == 1u, name << " reads " << (*it)[1] << ", which no command accepts");
  }
  BOOST_TEST(seen > 30u);  // the pattern still finds the reads
}

BOOST_AUTO_TEST_CASE(the_usage_line_follows_its_rules) {
  using V = Value;
  const Option a{.name = "--archive", .kind = V::text, .value = "A.db", .either = 1};
  const Option c{.name = "--cohort", .kind = V::id, .value = "C", .either = 1, .joined = true};
  BOOST_TEST(usage_of({{{.name = "-q", .value = "Q", .required = true}, {.name = "--f", .kind = V::flag}, a, c},
                       Files::optional, "F...", "", 1}) == "-q Q [--f] (F... | --archive A.db --cohort C)");
  BOOST_TEST(usage_of({{{.name = "-x", .kind = V::flag, .either = 2}, {.name = "-n", .value = "N"},
                        {.name = "-y", .kind = V::flag, .either = 2}, {.name = "--p", .value = "P", .in_usage = false}},
                       Files::required, "F..."}) == "(-x | -y) [-n N] F...");
  BOOST_TEST(usage_of({{{.name = "-o", .value = "A", .either = 3}, {.name = "--h", .kind = V::flag, .either = 3},
                        {.name = "-o", .value = "B", .either = 3, .joined = true},
                        {.name = "--p", .value = "ID", .under = "--h"}, {.name = "--n", .value = "N", .under = "--p"},
                        {.name = "--c", .value = "C", .under = "--p"}, {.name = "-l", .value = "L"}}}) ==
             "(-o A | --h -o B [--p ID [--n N] [--c C]]) [-l L]");
  BOOST_TEST(usage_of({{}, Files::optional, "F..."}) == "[F...]");
  BOOST_TEST(usage_of({}) == "");
}

BOOST_AUTO_TEST_CASE(the_help_of_one_command_word_for_word) {
  const Syntax s{{{.name = "-q", .value = "Q.yaml", .help = "the questionnaire", .required = true},
                  {.name = "--pool", .value = "FIRST-LAST,...", .help = "pool them"},
                  {.name = "--a-very-long-option", .value = "VALUE", .help = "on the next line"},
                  {.name = "--jobs", .kind = Value::number, .value = "N", .help = "threads", .min = 1, .max = 9}},
                 Files::required, "FILES...", "the files"};
  BOOST_TEST(command_help({"x", "does x", s, nullptr}) ==
             "usage: careermap x -q Q.yaml [--pool FIRST-LAST,...] [--a-very-long-option VALUE] [--jobs N] FILES...\n"
             "  does x\n"
             "\n"
             "  -q Q.yaml              the questionnaire\n"
             "  --pool FIRST-LAST,...  pool them\n"
             "  --a-very-long-option VALUE\n"
             "                         on the next line\n"
             "  --jobs N               threads; N from 1 to 9\n"
             "  FILES...               the files\n");
}

BOOST_AUTO_TEST_CASE(the_manual_page_escapes_roff) {
  const Syntax s{{{.name = "--dry-run", .kind = Value::flag, .help = ".starts with a dot \\ and a back-slash"}}};
  const Command c{"x", "does x", s, nullptr};
  const std::string man = man_page({&c, 1}, "1.0");
  BOOST_TEST(man.find(".TP\n\\fB\\-\\-dry\\-run\\fR\n\\&.starts with a dot \\e and a back\\-slash\n") != std::string::npos);
  BOOST_TEST(man.rfind(".TH CAREERMAP 1 \"\" \"careermap 1.0\" \"User Commands\"\n", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
