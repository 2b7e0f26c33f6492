#include "engine/answers_yaml.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "engine/answers_blob.hpp"
#include "engine/numbers.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using test::messages;
using test::tiny_answers;
using Lines = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(answers_yaml)

BOOST_AUTO_TEST_CASE(numbers_are_written_in_their_shortest_form) {
  Diagnostics d;
  const Answers a = tiny_answers("p1", "  size: small\n  a1: 4\n  years: 3.1\n", d);
  BOOST_TEST(messages(d) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(answers_to_yaml(test::tiny_questionnaire(), a) ==
             "questionnaire: \"tiny\"\nparticipant: \"p1\"\nanswers:\n  size: \"small\"\n  a1: 4\n  years: 3.1\n");
}

BOOST_AUTO_TEST_CASE(a_written_number_reads_back_as_the_same_double) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937_64 rng(20261201);
  std::uniform_real_distribution<double> years(0, 60);
  for (int i = 0; i < 2000; ++i) {
    Answers a;
    a.participant = "p1";
    Answer size;
    size.type = ItemType::choice;
    size.text = "small";
    a.values["size"] = size;
    Answer n;
    n.type = ItemType::number;
    n.number = years(rng);
    a.values["years"] = n;
    const std::string yaml = answers_to_yaml(q, a);
    Diagnostics back;
    const Answers b = parse_answers(q, yaml, "p1.yaml", back);
    BOOST_REQUIRE_MESSAGE(back.empty(), yaml);
    BOOST_REQUIRE(b.find("years"));
    BOOST_TEST(*b.find("years")->number == *n.number, yaml);
    // An independent reference of "shortest": the fewest significant digits that read back.
    std::string shortest;
    for (int p = 1; p <= 17 && shortest.empty(); ++p) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.*g", p, *n.number);
      if (std::strtod(buf, nullptr) == *n.number) shortest = buf;
    }
    BOOST_TEST(yaml.find("\n  years: " + shortest + "\n") != std::string::npos, yaml << " != " << shortest);
  }
}

namespace {

// Everything parse_answers gives that the archive keeps or a message may use: the blob, the
// file and every place.
std::string kept(const Answers& a) {
  std::string s = a.file + "\n" + encode_answers(a) + "\n";
  for (const auto& [id, v] : a.values) {
    s += id + "@" + v.where.file + ":" + std::to_string(v.where.line) + ":" + std::to_string(v.where.column) + "\n";
    for (const auto& e : v.episodes)
      s += " ep@" + e.where.file + ":" + std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + "\n";
  }
  return s;
}

// Random valid answers of `q` (as an intake gives them): every required item, others at
// random; numbers with decimals (and -0 where 0 is allowed), texts of YAML's indicators,
// quotes, escapes, line breaks, controls, separators and Japanese; episodes with their
// required fields and the years in order.
struct RandomAnswers {
  std::mt19937_64& rng;
  const Questionnaire& q;

  std::string text() {
    static const std::vector<std::string> bits = {"a", "あ", "\n", "\r", "\t", "\"", "\\", " ", "#", ": ", "- ",
                                                  "\u2028", "\uFEFF", "\u0085", "\U0001F600", "'", "{", "[", "~",
                                                  "null", "é", "\x01", "\x7F", "0", "&x", "*y", "%", "@", "`", "|"};
    std::string t;
    for (int k = 0, n = static_cast<int>(rng() % 12); k < n; ++k) t += bits[rng() % bits.size()];
    return t;
  }
  double number(std::optional<double> min, std::optional<double> max, bool whole) {
    const double lo = min.value_or(-1e6), hi = max.value_or(1e6);
    if (lo <= 0 && hi >= 0 && rng() % 8 == 0) return -0.0;
    double v = lo + (hi - lo) * std::uniform_real_distribution<double>(0, 1)(rng);
    if (whole || rng() % 3 == 0) v = std::ceil(v);
    else if (rng() % 2) v = std::round(v * 100) / 100;
    return std::min(std::max(v, lo), hi);
  }
  const std::string& option(const std::vector<Option>& options) { return options[rng() % options.size()].value; }

  Answers make() {
    Answers a;
    a.questionnaire = q.id;
    a.participant = "p" + std::to_string(rng() % 1000);
    if (rng() % 2) a.name = text();
    if (rng() % 2) a.cohort = "c" + std::to_string(rng() % 9);
    if (rng() % 2 && !q.meetings.empty()) a.meeting = q.meetings[rng() % q.meetings.size()].id;
    for (const auto& item : q.items) {
      if (!item.required && rng() % 3 == 0) continue;
      Answer v;
      v.type = item.type;
      switch (item.type) {
        case ItemType::likert: v.number = number(q.scales[item.scale].min, q.scales[item.scale].max, true); break;
        case ItemType::number: v.number = number(item.min, item.max, false); break;
        case ItemType::choice: v.text = option(item.options); break;
        case ItemType::text: v.text = text(); break;
        case ItemType::multi: {
          std::vector<std::string> all;
          for (const auto& o : item.options) all.push_back(o.value);
          std::shuffle(all.begin(), all.end(), rng);
          all.resize(rng() % (all.size() + 1));
          v.choices = all;
          break;
        }
        case ItemType::episodes:
          for (int k = 0, n = static_cast<int>(rng() % 4); k < n; ++k) {
            Episode e;
            double year = 0;
            for (const auto& f : item.fields) {
              if (!f.required && rng() % 3 == 0) continue;
              if (f.type == ItemType::choice) e.fields[f.id] = option(f.options);
              else if (f.type == ItemType::text) e.fields[f.id] = text();
              else {
                double n = number(f.min, f.max, rng() % 2);
                if (f.use == FieldUse::to_year) n = std::max(n, year);
                year = n;
                e.fields[f.id] = num::readable(n);
              }
            }
            v.episodes.push_back(e);
          }
          break;
      }
      a.values[item.id] = v;
    }
    return a;
  }
};

}  // namespace

// What the writer says parse_answers reads back from a CSV row's stored YAML is what it
// reads back, blob and places, for random valid answers of several questionnaires (the
// import keeps it without parsing the text: tools/archive_use.cpp).
BOOST_AUTO_TEST_CASE(the_answers_written_read_back_as_the_writer_says) {
  std::vector<Questionnaire> qs;
  for (const char* path : {"questionnaires/presession-v1.yaml", "tests/data/tiny/course.yaml",
                           "tests/data/form/workshop.yaml"})
    qs.push_back(test::source_questionnaire(path));
  qs.push_back(test::tiny_questionnaire());
  std::mt19937_64 rng(20261202);
  int compared = 0;
  for (int c = 0; c < 1200; ++c) {
    const Questionnaire& q = qs[c % qs.size()];
    const Answers a = RandomAnswers{rng, q}.make();
    std::optional<Answers> back;
    const std::string yaml = answers_to_yaml(q, a, back, "form.csv:7");
    BOOST_TEST(yaml == answers_to_yaml(q, a));
    Diagnostics d;
    const Answers read = parse_answers(q, yaml, "form.csv:7", d);
    BOOST_REQUIRE_MESSAGE(!d.has_errors(), "case " << c << ": " << (d.list().empty() ? "" : d.list()[0].format()) << "\n" << yaml);
    BOOST_REQUIRE_MESSAGE(back.has_value(), "case " << c << "\n" << yaml);
    BOOST_TEST(kept(*back) == kept(read), "case " << c << "\n" << yaml);
    ++compared;
  }
  BOOST_TEST(compared == 1200);
  // A value the intake would not give as it is (a number field that is no number): left to parsing.
  const Questionnaire& q = qs[1];
  for (const auto& item : q.items)
    for (const auto& f : item.fields)
      if (f.type == ItemType::number) {
        Answers a = RandomAnswers{rng, q}.make();
        Episode e;
        e.fields[f.id] = "x";
        a.values[item.id].type = ItemType::episodes;
        a.values[item.id].episodes = {e};
        std::optional<Answers> back;
        answers_to_yaml(q, a, back, "f");
        BOOST_TEST(!back.has_value());
        return;
      }
  BOOST_FAIL("the course questionnaire has no episode field of numbers");
}

BOOST_AUTO_TEST_SUITE_END()
