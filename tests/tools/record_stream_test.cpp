#include "tools/record_stream.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "engine/answers_yaml.hpp"
#include "tests/testutil.hpp"
#include "tools/synthetic.hpp"

using namespace careermap;
using namespace careermap::cli;

namespace {

const Questionnaire& course() {
  static const Questionnaire q = [] {
    Diagnostics d;
    return Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", d);
  }();
  return q;
}

// Every answer of `a` as text: the item id and its value, in order.
std::string shown(const Answers& a) {
  std::string s = a.file + "|" + a.participant + "|" + a.meeting + "|" + a.name + "|";
  for (const auto& [id, v] : a.values) {
    s += id + "=" + (v.number ? std::to_string(*v.number) : v.text);
    for (const auto& c : v.choices) s += "," + c;
    for (const auto& e : v.episodes)
      for (const auto& [f, x] : e.fields) s += ";" + f + ":" + x;
    s += " ";
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record_stream)

// Batch by batch (7 people at a time) the records are those of all the files read at once, in
// the same order, with the same `several` and earlier meetings; on random people of whom some
// sent several meetings, in files in random order, with a bad file.
BOOST_AUTO_TEST_CASE(batches_of_a_few_people_give_the_records_of_all_at_once) {
  const Questionnaire& q = course();
  test::TempDir dir;
  std::mt19937_64 rng(3);
  std::vector<std::string> files;
  const std::vector<std::string> meetings = {"kickoff", "midway", "closing"};
  for (int p = 0; p < 40; ++p) {
    std::vector<std::string> at = meetings;  // one file per meeting at most: ids are unique per meeting
    std::shuffle(at.begin(), at.end(), rng);
    for (int m = 0, n = 1 + static_cast<int>(rng() % 3); m < n; ++m) {
      Answers a = synthetic::answers(q, "p" + std::to_string(p), rng);
      a.meeting = at[m];
      const std::string f = (dir.path() / ("p" + std::to_string(p) + "-" + std::to_string(m) + ".yaml")).string();
      std::ofstream(f) << answers_to_yaml(q, a);
      files.push_back(f);
    }
  }
  std::ofstream(dir.path() / "bad.yaml") << "participant: [\n";
  files.push_back((dir.path() / "bad.yaml").string());
  std::shuffle(files.begin(), files.end(), rng);
  for (const std::string meeting : {"", "closing"}) {
    std::ostringstream err_all, err_stream;
    const Batch all = records_batch(q, load_batch(q, files, err_all), meeting);
    RecordStream stream(q, files, nullptr, meeting, Shard{}, err_stream);
    BOOST_TEST(err_stream.str() == err_all.str());
    std::vector<std::string> valid, earlier, invalid;
    std::vector<bool> several;
    int batches = 0;
    while (const std::optional<Batch> b = stream.next(7)) {
      ++batches;
      for (const auto& a : b->valid) valid.push_back(shown(a));
      for (const auto& a : b->earlier) earlier.push_back(shown(a));
      several.insert(several.end(), b->several.begin(), b->several.end());
      invalid.insert(invalid.end(), b->invalid.begin(), b->invalid.end());
    }
    BOOST_TEST(batches == 6);  // 40 people, 7 at a time
    std::vector<std::string> want_valid, want_earlier;
    for (const auto& a : all.valid) want_valid.push_back(shown(a));
    for (const auto& a : all.earlier) want_earlier.push_back(shown(a));
    BOOST_TEST(valid == want_valid, boost::test_tools::per_element());
    BOOST_TEST(several == all.several, boost::test_tools::per_element());
    std::sort(earlier.begin(), earlier.end());  // "in no particular order"
    std::sort(want_earlier.begin(), want_earlier.end());
    BOOST_TEST(earlier == want_earlier, boost::test_tools::per_element());
    BOOST_TEST(invalid == all.invalid, boost::test_tools::per_element());
    BOOST_TEST(invalid.size() == 1u);
    BOOST_TEST(valid.size() > (meeting.empty() ? 40u : 5u));
  }
}

BOOST_AUTO_TEST_SUITE_END()
