// No echo: no value from an answers file or a CSV (ids included, until they pass the id
// rule) appears in what any command prints. A canary string is written into every field of
// submissions built from the questionnaire itself, then every command's output is searched.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/questionnaire.hpp"
#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
using careermap::test::Run;
using careermap::test::run;

namespace {


const std::string kCanary = "Zq7canary";                    // shaped like a code or an id
const std::string kText = "Zq7canary \xE5\xB1\xB1\xE7\x94\xB0 ../x";  // free text, a name, a path

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Answers with the canary in every field: the header, every item as the wrong kind of
// value, every episode field, keys that are not ids.
std::string hostile(const careermap::Questionnaire& q) {
  std::string y = "questionnaire: " + quoted(kCanary) + "\nparticipant: " + quoted(kText) + "\nname: " + quoted(kText) +
                  "\ncohort: " + quoted(kText) + "\nsession: " + quoted(kCanary) + "\n" + quoted(kText) + ": 1\nanswers:\n";
  for (const auto& item : q.items) {
    y += "  " + item.id + ": ";
    if (item.type == careermap::ItemType::multi) {
      y += "[" + quoted(kCanary) + ", " + quoted(kText) + "]\n";
    } else if (item.type == careermap::ItemType::episodes) {
      y += "[{";
      for (const auto& f : item.fields) y += f.id + ": " + quoted(kCanary) + ", ";
      y += quoted(kText) + ": 1}]\n";
    } else {
      y += quoted(&item == &q.items.front() ? kText : kCanary) + "\n";
    }
  }
  return y + "  " + quoted(kText) + ": 1\n";
}

std::string valid_value(careermap::ItemType type, const std::vector<careermap::Option>& options,
                        std::optional<double> min, int scale_min) {
  switch (type) {
    case careermap::ItemType::choice: return options.front().value;
    case careermap::ItemType::multi: return "[" + options.front().value + "]";
    case careermap::ItemType::likert: return std::to_string(scale_min);
    case careermap::ItemType::number: return std::to_string(static_cast<int>(min.value_or(2000)));
    default: return quoted(kText);
  }
}

// Valid answers whose free text, name and cohort are the canary.
std::string valid(const careermap::Questionnaire& q) {
  std::string y = "questionnaire: " + q.id + "\nparticipant: z1\nname: " + quoted(kText) + "\ncohort: " + quoted(kText) +
                  "\nsession: pre\nanswers:\n";
  for (const auto& item : q.items) {
    y += "  " + item.id + ": ";
    if (item.type == careermap::ItemType::episodes) {
      y += "[{";
      for (const auto& f : item.fields) y += f.id + ": " + valid_value(f.type, f.options, f.min, 0) + ", ";
      y += "}]\n";
    } else {
      y += valid_value(item.type, item.options, item.min, item.scale >= 0 ? q.scales[item.scale].min : 0) + "\n";
    }
  }
  return y;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(no_echo)

BOOST_AUTO_TEST_CASE(a_canary_in_every_field_appears_in_no_output) {
  careermap::Diagnostics d;
  const auto q = careermap::Questionnaire::load(kPre, d);
  BOOST_REQUIRE(!d.has_errors());
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "hostile.yaml") << hostile(q);
  std::ofstream(dir.path() / "valid.yaml") << valid(q);
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  // A CSV of the form's own columns with the canary in every cell, and its mapping.
  const Run header = run(cd + "form -q " + kPre + " --csv");
  BOOST_REQUIRE(header.status == 0);
  const size_t columns = count(header.out, ",") + 1;
  std::string row = "\"" + kText + "\"";
  for (size_t i = 1; i < columns; ++i) row += "," + std::string(i % 2 ? kCanary : "\"" + kText + "\"");
  std::ofstream(dir.path() / "form.csv") << header.out << row << "\r\n";
  BOOST_REQUIRE(run(cd + "mapping -q " + kPre + " --init form.csv -o m.yaml").status == 0);

  const std::string q_ = " -q " + kPre;
  const std::vector<std::string> commands = {
      "validate" + q_ + " hostile.yaml valid.yaml",
      "validate" + q_ + " --mapping m.yaml form.csv",
      "import" + q_ + " --archive a.db --cohort 2026 hostile.yaml valid.yaml",
      "import" + q_ + " --archive a.db --cohort 2026 --mapping m.yaml form.csv",
      "archive --archive a.db --list",
      "export --archive a.db -o exp",
      "score" + q_ + " --format csv hostile.yaml valid.yaml",
      "score" + q_ + " --format csv --archive a.db --cohort 2026",
      "score" + q_ + " --mapping m.yaml form.csv",
      "render" + q_ + " -o maps hostile.yaml valid.yaml",
      "render" + q_ + " -o maps2 --archive a.db --cohort 2026",
  };
  int problems = 0;
  for (const auto& c : commands) {
    const Run r = run(cd + c);
    problems += r.status != 0;
    BOOST_TEST(r.out.find("Zq7canary") == std::string::npos, c << "\nstdout: " << r.out);
    BOOST_TEST(r.err.find("Zq7canary") == std::string::npos, c << "\nstderr: " << r.err);
  }
  BOOST_TEST(problems == 7);  // every command that met the hostile file or row said so
  // score's JSON is data, not a message: it carries each episode's title as evidence, and
  // nothing else of the canary.
  const Run json = run(cd + "score" + q_ + " valid.yaml");
  BOOST_TEST(json.status == 0);
  BOOST_TEST(json.err.find("Zq7canary") == std::string::npos);
  size_t titles = 0;
  for (const auto& item : q.items)
    if (item.type == careermap::ItemType::episodes)
      for (const auto& f : item.fields) titles += f.use == careermap::FieldUse::title;
  BOOST_TEST(count(json.out, "Zq7canary") == count(json.out, "\"title\": \"" + kText + "\""));
  BOOST_TEST(count(json.out, "Zq7canary") == titles);
}

BOOST_AUTO_TEST_SUITE_END()
