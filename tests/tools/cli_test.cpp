#include "tools/cli.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <new>
#include <sstream>
#include <system_error>

using namespace careermap;
using namespace careermap::cli;

namespace {

struct Guarded {
  int status;
  std::string err;
};

Guarded guard(const std::function<int()>& fn) {
  std::ostringstream err;
  const int status = run_guarded("export", "--archive A.db -o DIR", fn, err);
  return {status, err.str()};
}

std::string password_problem(std::string_view bytes) {
  try {
    password_of(bytes, "pw.txt");
  } catch (const Error& e) {
    return e.diagnostic().format();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run_guarded_net)

BOOST_AUTO_TEST_CASE(the_status_of_a_command_that_returns) {
  const Guarded g = guard([] { return 1; });
  BOOST_TEST(g.status == 1);
  BOOST_TEST(g.err == "");
}

BOOST_AUTO_TEST_CASE(every_exception_becomes_a_message_and_a_status) {
  Guarded g = guard([]() -> int { throw UsageError("missing -o DIR"); });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "careermap export: missing -o DIR\nusage: careermap export --archive A.db -o DIR\n");

  g = guard([]() -> int { throw Error({"a.db", 0, 0}, "", "cannot open"); });
  BOOST_TEST(g.status == 1);
  BOOST_TEST(g.err == "a.db: error: cannot open\n");

  g = guard([]() -> int {
    throw std::filesystem::filesystem_error("cannot create directories", std::filesystem::path("f.txt/sub"),
                                            std::make_error_code(std::errc::not_a_directory));
  });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "f.txt/sub: error: cannot create directories: Not a directory\n");

  // A long path is written whole (escaped, never cut at 60 bytes like a value in a usage message).
  const std::string deep = "reports/" + std::string(80, 'd') + "/\x1b]0;x\x07/map.pdf";
  g = guard([&]() -> int {
    throw std::filesystem::filesystem_error("cannot create directories", std::filesystem::path(deep),
                                            std::make_error_code(std::errc::not_a_directory));
  });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "reports/" + std::string(80, 'd') + "/\\x1B]0;x\\x07/map.pdf: error: cannot create directories: Not a directory\n");

  g = guard([]() -> int {
    throw std::filesystem::filesystem_error("cannot get the current path", std::make_error_code(std::errc::io_error));
  });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "careermap export: error: cannot get the current path: Input/output error\n");

  g = guard([]() -> int { throw std::bad_alloc(); });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "careermap export: error: out of memory; nothing more was done\n");

  g = guard([]() -> int { throw std::out_of_range("vector::_M_range_check\x1b[2J"); });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "careermap export: internal error: vector::_M_range_check\\x1B[2J; please report it\n");

  g = guard([]() -> int { throw 42; });
  BOOST_TEST(g.status == 2);
  BOOST_TEST(g.err == "careermap export: internal error: an unknown exception; please report it\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(password_file)

BOOST_AUTO_TEST_CASE(one_trailing_line_break_is_removed_nothing_else) {
  BOOST_TEST(password_of("s3cret pass", "pw") == "s3cret pass");
  BOOST_TEST(password_of("s3cret pass\n", "pw") == "s3cret pass");
  BOOST_TEST(password_of("s3cret pass\r\n", "pw") == "s3cret pass");
  BOOST_TEST(password_of("\xEF\xBB\xBFs3cret\r\n", "pw") == "s3cret");       // Notepad's byte order mark
  BOOST_TEST(password_of("  spaced  \n", "pw") == "  spaced  ");               // spaces count
  BOOST_TEST(password_of("合言葉\r\n", "pw") == "合言葉");
  BOOST_TEST(password_of("tab\there", "pw") == "tab\there");
}

BOOST_AUTO_TEST_CASE(what_cannot_be_a_password) {
  BOOST_TEST(password_problem("") == "pw.txt: error: the password file is empty (the password is its one line)");
  BOOST_TEST(password_problem("\r\n") == "pw.txt: error: the password file is empty (the password is its one line)");
  const std::string two = "pw.txt: error: the password file must hold one line: the password, then at most one line break";
  BOOST_TEST(password_problem("a\n\n") == two);
  BOOST_TEST(password_problem("a\nb\n") == two);
  BOOST_TEST(password_problem("a\r") == two);  // a lone CR is not a line break we remove
  BOOST_TEST(password_problem("a\r\r\n") == two);
  BOOST_TEST(password_problem("\x82\xa0\n") == "pw.txt: error: the password is not UTF-8 text");  // Shift_JIS
}

BOOST_AUTO_TEST_SUITE_END()
