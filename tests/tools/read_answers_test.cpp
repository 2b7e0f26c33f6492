#include "tools/read_answers.hpp"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "engine/csv_read.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using namespace careermap::cli;

BOOST_AUTO_TEST_SUITE(read_answers_files)

// What read_answers says of `file` without a mapping (the file need not exist).
std::string said_without_mapping(const std::string& file) {
  const Questionnaire q = test::tiny_questionnaire();
  std::ostringstream err;
  const ReadResult r = read_answers(q, {file}, nullptr, err, nullptr, [](AnswersRead&) {});
  BOOST_TEST(r.unread == 1);
  return err.str();
}

BOOST_AUTO_TEST_CASE(a_csv_or_a_workbook_is_known_by_its_extension_in_any_case) {
  for (const std::string f : {"form.csv", "FORM.CSV", "Form.Csv"})
    BOOST_TEST(said_without_mapping(f) == f + ": error: a CSV file needs --mapping; make one with: careermap mapping -q tiny.yaml --init " +
                                              f + " -o " + f.substr(0, f.size() - 4) + ".mapping.yaml\n");
  for (const std::string f : {"form.xlsx", "FORM.XLSX", "f.XLS", "f.Xlsm"})
    BOOST_TEST(said_without_mapping(f) == f + ": error: a workbook needs --mapping; make one with: careermap mapping -q tiny.yaml --init " +
                                              f + " -o " + f.substr(0, f.rfind('.')) + ".mapping.yaml\n");
}

BOOST_AUTO_TEST_SUITE_END()
