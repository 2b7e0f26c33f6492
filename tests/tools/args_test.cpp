#include "tools/args.hpp"

#include <boost/test/unit_test.hpp>
#include <vector>

using namespace careermap::cli;

namespace {

const Syntax kSyntax{{{"-q", Value::text, "Q.yaml", {}, true},
                      {"--n", Value::number, "N", {}, false, 1, 99},
                      {"--flag", Value::flag},
                      {"--ids", Value::ids, "C1,C2"}},
                     Files::optional,
                     "FILES..."};

Args parse(std::vector<const char*> words, const Syntax& syntax = kSyntax) {
  words.insert(words.begin(), {"careermap", "cmd"});
  return parse_args(static_cast<int>(words.size()), words.data(), 2, syntax);
}

std::string problem(std::vector<const char*> words, const Syntax& syntax = kSyntax) {
  try {
    parse(std::move(words), syntax);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(args)

BOOST_AUTO_TEST_CASE(values_flags_files_and_the_double_dash) {
  const Args a = parse({"a.yaml", "-q", "q.yaml", "--n=7", "--flag", "-", "--", "--n", "-q"});
  BOOST_TEST(a.get("-q") == "q.yaml");
  BOOST_TEST(a.get("--n") == "7");
  BOOST_TEST(a.has("--flag"));
  BOOST_TEST(a.get("--ids", "none") == "none");
  BOOST_TEST((a.positional == std::vector<std::string>{"a.yaml", "-", "--n", "-q"}));
}

BOOST_AUTO_TEST_CASE(numbers_are_plain_digits_in_range) {
  for (const char* ok : {"1", "9", "10", "99"}) BOOST_TEST(parse({"-q", "q", "--n", ok}).get("--n") == ok);
  for (const char* bad : {"0", "100", "01", "+5", " 5", "5 ", "1e1", "", "x", "99999999999999999999"})
    BOOST_TEST(problem({"-q", "q", "--n", bad}) == "--n '" + std::string(bad) + "': expected a whole number from 1 to 99",
               bad);
}

BOOST_AUTO_TEST_CASE(ids_and_their_lists) {
  BOOST_TEST((split_ids("2025,2026") == std::vector<std::string>{"2025", "2026"}));
  BOOST_TEST((split_ids("a") == std::vector<std::string>{"a"}));
  BOOST_TEST(parse({"-q", "q", "--ids", "a_1,B-2"}).get("--ids") == "a_1,B-2");
  for (const char* bad : {"", ",", "a,", ",a", "a,,b", "a b", "a/b", "a.b"})
    BOOST_TEST(problem({"-q", "q", "--ids", bad}).rfind("--ids '" + std::string(bad) + "': expected ids separated", 0) ==
                   0u,
               bad);
  BOOST_TEST(problem({"-q", "q", "--ids", std::string(65, 'a').c_str()}).find("expected ids") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_first_problem_is_named) {
  BOOST_TEST(problem({"--n", "3"}) == "missing -q Q.yaml");
  BOOST_TEST(problem({"-q", "a", "--zz"}) == "unknown option --zz");
  BOOST_TEST(problem({"--zz", "-q"}) == "unknown option --zz");  // left to right
  BOOST_TEST(problem({"-q", "--flag"}) == "option -q needs a value: Q.yaml");
  BOOST_TEST(problem({"-q", "--n=3"}) == "option -q needs a value: Q.yaml");
  BOOST_TEST(problem({"-q", "--"}) == "option -q needs a value: Q.yaml");
  BOOST_TEST(problem({"-q", "a", "--flag", "--flag"}) == "option --flag given twice");
  BOOST_TEST(problem({"-q", "a", "-q", "a"}) == "option -q given twice");
  BOOST_TEST(problem({"-q", "a", "--flag=1"}) == "option --flag takes no value");
  BOOST_TEST(problem({"-q=a"}) == "unknown option -q=a (a value follows -q after a space: -q Q.yaml)");
  BOOST_TEST(problem({"-qa"}) == "unknown option -qa (a value follows -q after a space: -q Q.yaml)");
  BOOST_TEST(problem({"-q", "a", "x"}, Syntax{{{"-q", Value::text, "Q.yaml", {}, true}}}) ==
             "unexpected argument 'x': this command takes no files");
  BOOST_TEST(problem({"-q", "a"}, Syntax{{{"-q", Value::text, "Q.yaml"}}, Files::required, "ANSWERS..."}) ==
             "missing ANSWERS...");
  BOOST_TEST(problem({}, Syntax{{{"-q", Value::text, "Q.yaml", {}, true}, {"-o", Value::text, "DIR", {}, true}}, Files::required,
                                "F..."}) == "missing -q Q.yaml, -o DIR, F...");
}

BOOST_AUTO_TEST_CASE(an_option_needs_the_one_it_goes_with) {
  const Syntax syntax{{{.name = "--page", .kind = Value::flag},
                       {.name = "--who", .kind = Value::id, .value = "ID", .under = "--page"},
                       {.name = "--a", .kind = Value::text, .value = "A", .under = "--who"},
                       {.name = "--b", .kind = Value::text, .value = "B", .under = "--who"},
                       {.name = "--c", .kind = Value::flag, .under = "--who"},
                       {.name = "--x", .kind = Value::flag, .under = "--z"},
                       {.name = "--z", .kind = Value::flag}}};
  BOOST_TEST(usage_of(syntax) == "[--page [--who ID [--a A] [--b B] [--c]]] [--z [--x]]");
  const Args a = parse({"--page", "--who", "p1", "--b", "x", "--c"}, syntax);
  BOOST_TEST(a.get("--b") == "x");
  BOOST_TEST(parse({"--x", "--z"}, syntax).has("--x"));  // the order on the line does not matter
  BOOST_TEST(problem({"--who", "p1"}, syntax) == "--who goes with --page");
  BOOST_TEST(problem({"--page", "--b", "x"}, syntax) == "--a, --b and --c go with --who ID");
  BOOST_TEST(problem({"--c", "--page"}, syntax) == "--a, --b and --c go with --who ID");
  BOOST_TEST(problem({"--x"}, syntax) == "--x goes with --z");
  // The required options and the files are named first.
  BOOST_TEST(problem({"--c"}, Syntax{{{.name = "-q", .required = true}, {.name = "--c", .kind = Value::flag, .under = "-q"}}}) ==
             "missing -q");
}

BOOST_AUTO_TEST_CASE(two_alternatives_are_refused_in_the_order_given) {
  // (FILES... | -o OUT | --csv | --page -o PAGE [--who ID] | --kit -o DIR) [--x | --y]
  const Syntax syntax{{{.name = "-o", .value = "OUT", .either = 1},
                       {.name = "--csv", .kind = Value::flag, .either = 1},
                       {.name = "--page", .kind = Value::flag, .either = 1},
                       {.name = "-o", .value = "PAGE", .either = 1, .joined = true},
                       {.name = "--who", .kind = Value::id, .value = "ID", .under = "--page"},
                       {.name = "--kit", .kind = Value::flag, .either = 1},
                       {.name = "-o", .value = "DIR", .either = 1, .joined = true},
                       {.name = "--x", .kind = Value::flag, .either = 2},
                       {.name = "--y", .kind = Value::flag, .either = 2}},
                      Files::optional, "FILES...", {}, 1};
  BOOST_TEST(usage_of(syntax) == "(FILES... | -o OUT | --csv | --page -o PAGE [--who ID] | --kit -o DIR) (--x | --y)");
  for (std::vector<const char*> one : std::vector<std::vector<const char*>>{
           {}, {"-o", "a"}, {"--csv"}, {"--page", "-o", "p"}, {"-o", "p", "--page", "--who", "w"}, {"--kit", "-o", "d"},
           {"f.yaml", "--csv"}, {"--x", "--csv"}, {"--y"}})
    BOOST_TEST(problem(one, syntax) == "");  // the files and a missing alternative are the command's to check
  BOOST_TEST(problem({"-o", "a", "--csv"}, syntax) == "give -o OUT or --csv, not both");
  BOOST_TEST(problem({"--csv", "-o", "a"}, syntax) == "give --csv or -o OUT, not both");
  BOOST_TEST(problem({"--page", "-o", "p", "--csv"}, syntax) == "give --page or --csv, not both");
  BOOST_TEST(problem({"--kit", "--page", "-o", "p"}, syntax) == "give --kit or --page, not both");
  BOOST_TEST(problem({"--csv", "--kit", "-o", "d", "--page"}, syntax) == "give only one of --csv, --kit and --page");
  BOOST_TEST(problem({"--y", "--x"}, syntax) == "give --y or --x, not both");
  BOOST_TEST(problem({"--x", "--y", "--csv", "--kit"}, syntax) == "give --csv or --kit, not both");  // group by group
}

BOOST_AUTO_TEST_CASE(values_in_messages_are_escaped_and_cut) {
  BOOST_TEST(quoted("事後") == "'事後'");
  BOOST_TEST(quoted("a\x1b[31m\\") == "'a\\x1B[31m\\\\'");  // the backslash doubled, as careermap::escaped
  BOOST_TEST(quoted("\xE2\x80\xAE" "exe") == "'\\u{202E}exe'");    // a right-to-left override cannot turn the text
  BOOST_TEST(quoted("a\xE2\x80\x8B" "b") == "'a\\u{200B}b'");       // nor a zero-width space hide in it
  BOOST_TEST(quoted("\xC2\x85") == "'\\u{0085}'");                    // a C1 control as UTF-8
  BOOST_TEST(quoted("ok\xff" "\xE3\x81\x82") == "'ok\\xFF\xE3\x81\x82'");  // only the bad byte as a code
  BOOST_TEST(quoted("ok\xff\xfe") == "'ok\\xFF\\xFE'");
  BOOST_TEST(quoted(std::string(70, 'x')) == "'" + std::string(60, 'x') + "…'");
  std::string kana;
  for (int i = 0; i < 25; ++i) kana += "あ";  // 75 bytes: cut before the 21st character
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "あ";
  BOOST_TEST(quoted(kana) == "'" + twenty + "…'");
  BOOST_TEST(escaped("-\x07") == "-\\x07");
}

BOOST_AUTO_TEST_SUITE_END()
