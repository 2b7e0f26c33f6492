#include "tools/record_stream.hpp"

#include <malloc.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "engine/answers_yaml.hpp"
#include "engine/files.hpp"
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
    RecordStream stream(q, FileList(files), nullptr, meeting, Shard{}, err_stream);
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

// The ids are checked unique as read_answers checks them with every key in a map (the messages
// word for word, in order), and the records are those of all files at once, on random files:
// a few people sending the parts of the questionnaire at random meetings, many duplicates, one
// person with 60 files; on course.yaml and on it with 20 meetings more (so that the one person
// has more entries than are read back), on one thread and two.
BOOST_AUTO_TEST_CASE(ids_are_checked_as_with_every_key_in_memory) {
  test::TempDir dir;
  std::string wide = read_file(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml");
  for (int m = 5; m < 25; ++m)
    wide += "  - id: m" + std::to_string(m) + "\n    order: " + std::to_string(m) +
            "\n    name: {ja: 回, en: Meeting}\n    collects: [survey, journey]\n";
  std::ofstream(dir.path() / "wide.yaml") << wide;
  std::ofstream(dir.path() / "model.yaml") << read_file(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/model.yaml");
  Diagnostics d;
  const Questionnaire wide_q = Questionnaire::load((dir.path() / "wide.yaml").string(), d);
  BOOST_TEST_REQUIRE(!d.has_errors());
  BOOST_TEST_REQUIRE(wide_q.meetings.size() == 23u);
  std::mt19937_64 rng(11);
  for (const Questionnaire* q : {&course(), &wide_q}) {
    for (int round = 0; round < 3; ++round) {
      std::vector<std::string> files;
      for (int f = 0; f < 200; ++f) {
        const int person = f < 60 ? 0 : static_cast<int>(rng() % 25);
        Answers a = synthetic::answers(*q, "p" + std::to_string(person), rng);
        a.meeting = q->meetings[rng() % q->meetings.size()].id;
        const size_t part = rng() % (q->parts.size() + 1);  // one part, or all
        if (part < q->parts.size())
          std::erase_if(a.values, [&](const auto& v) {
            const auto i = q->find_item(v.first);
            return i && q->items[*i].part != static_cast<int>(part);
          });
        const std::string name = (dir.path() / ("r" + std::to_string(round) + "-" + std::to_string(f) + ".yaml")).string();
        std::ofstream(name) << answers_to_yaml(*q, a);
        files.push_back(name);
      }
      std::shuffle(files.begin(), files.end(), rng);
      std::ostringstream err_all;
      const Batch all = records_batch(*q, load_batch(*q, files, err_all), "");
      BOOST_TEST(err_all.str().find("participant:") != std::string::npos);  // duplicates there are
      for (const unsigned jobs : {1u, 2u}) {
        std::ostringstream err_stream;
        RecordStream stream(*q, FileList(files), nullptr, "", Shard{}, err_stream, {}, jobs);
        BOOST_TEST(err_stream.str() == err_all.str());
        std::vector<std::string> valid, want, invalid;
        while (const std::optional<Batch> b = stream.next(5)) {
          for (const auto& a : b->valid) valid.push_back(shown(a));
          invalid.insert(invalid.end(), b->invalid.begin(), b->invalid.end());
        }
        for (const auto& a : all.valid) want.push_back(shown(a));
        BOOST_TEST(valid == want, boost::test_tools::per_element());
        BOOST_TEST(invalid == all.invalid, boost::test_tools::per_element());
      }
    }
  }
}

// What the stream keeps while it hands out records does not grow with the people: read from
// 2,000 and from 20,000 files of one person each (tiny.yaml's), the heap in use differs by
// under 16 bytes a person (an id, its place and its order kept in memory took about 40).
BOOST_AUTO_TEST_CASE(memory_does_not_grow_with_the_people) {
  const Questionnaire q = test::tiny_questionnaire();
  test::TempDir dir;
  std::vector<std::string> files;
  for (int k = 0; k < 20000; ++k) {
    files.push_back((dir.path() / ("p" + std::to_string(k) + ".yaml")).string());
    std::ofstream(files.back(), std::ios::binary)
        << "questionnaire: tiny\nparticipant: t" << k << "\nanswers:\n  size: small\n  a1: " << 1 + k % 5 << "\n";
  }
  const auto heap_held = [&](size_t people) {
    std::ostringstream err;
    const auto in_use = [] { return static_cast<long long>(mallinfo2().uordblks); };  // 0 under ASan's allocator
    const long long empty = in_use();
    RecordStream stream(q, FileList(std::vector<std::string>(files.begin(), files.begin() + people)), nullptr, "",
                        Shard{}, err);
    const long long held = in_use() - empty;
    size_t records = 0;
    while (const std::optional<Batch> b = stream.next()) records += b->valid.size();
    BOOST_TEST(records == people);
    BOOST_TEST(err.str() == "");
    return held;
  };
  const long long few = heap_held(2000), many = heap_held(20000);
  BOOST_TEST(many < few + 18000 * 16, many << " bytes held for 20,000 people, " << few << " for 2,000");
}

BOOST_AUTO_TEST_SUITE_END()
