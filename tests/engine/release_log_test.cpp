#include "engine/release_log.hpp"

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <tuple>

#include "engine/answers_blob.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(release_log)

BOOST_AUTO_TEST_CASE(a_schema_2_archive_gains_an_empty_log_and_keeps_what_is_appended) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  {
    ArchiveOptions create;
    create.create = true;
    Archive a = Archive::open(path, create);
    Submission s;
    s.cohort = "2026";
    s.meeting = "pre";
    s.participant = "p1";
    s.questionnaire = "tiny";
    s.source = "p1.yaml";
    s.raw = "bytes";
    a.import({s, s}, "2026-01-01T00:00:00Z");
  }
  // Back to schema 2, as an archive of the previous careermap would be.
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db,
                             "DROP TABLE validated; DROP TABLE release_shown; DROP TABLE release_members; DROP TABLE release_groups;"
                             " DROP TABLE releases; ALTER TABLE submissions DROP COLUMN parts;"
                             " UPDATE meta SET value = '2' WHERE key = 'schema_version';",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  BOOST_TEST(Archive::open(path).schema_version() == kArchiveSchemaVersion);
  BOOST_TEST(read_releases(path).empty());
  Release r{0, "2026-09-30T10:00:00Z", "cohort --cohorts 2026 --min-group 3", "tiny", 3, {}};
  r.groups.push_back({0, "2026", {1}, {{"people", ""}, {"current", "fix.near"}}});
  r.groups.push_back({0, "all", {1}, {{"people", ""}}});
  BOOST_TEST(append_release(path, r) == 1);
  BOOST_TEST(append_release(path, r) == 2);
  const auto back = read_releases(path);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST(back[1].id == 2);
  BOOST_TEST(back[1].command == r.command);
  BOOST_TEST(back[1].min_group == 3);
  BOOST_REQUIRE(back[1].groups.size() == 2u);
  BOOST_TEST(back[1].groups[0].release == 2);
  BOOST_TEST(back[1].groups[0].label == "2026");
  BOOST_TEST(back[1].groups[0].id == 3);  // the log's own row: release 1 holds groups 1 and 2
  BOOST_TEST(back[1].groups[0].submissions == std::vector<int64_t>{1}, boost::test_tools::per_element());
  BOOST_TEST(back[1].groups[0].shown.size() == 2u);
  BOOST_TEST(back[1].groups[0].shown[1].second == "fix.near");
}

namespace {

// Ids whose byte order is easy to get wrong: a prefix before a longer id, digits before
// capitals before '_' before small letters, '-' before digits.
const char* kIds[] = {"p1", "p10", "p1-a", "p1_a", "P1", "a", "a-", "Z9", "_x", "p2"};
const char* kCohorts[] = {"2025", "2026", "2026-b", "2026B"};

// A submission of the tiny questionnaire (or of another, `other`) with random answers.
Submission random_submission(std::mt19937& rng, const std::string& cohort, const std::string& id,
                             const std::string& meeting, const std::string& questionnaire = "tiny") {
  auto likert = [&] { return std::to_string(1 + rng() % 5); };
  Submission s;
  s.cohort = cohort;
  s.meeting = meeting;
  s.participant = id;
  s.questionnaire = questionnaire;
  s.source = id + ".yaml";
  s.raw = "questionnaire: " + questionnaire + "\nparticipant: " + id + "\nanswers:\n  size: small\n  a1: " + likert() +
          "\n  a2: " + likert() + "\n  b1: " + likert() + "\n  b2: " + likert() + "\n  c1: " + likert() + "\n";
  return s;
}

void add_random(Archive& a, std::mt19937& rng, int n) {
  std::vector<Submission> subs;
  for (int i = 0; i < n; ++i)
    subs.push_back(random_submission(rng, kCohorts[rng() % 4], kIds[rng() % 10], rng() % 3 ? "pre" : "post",
                                     rng() % 7 ? "tiny" : "other"));
  a.import(subs, "2026-01-01T00:00:00Z");
}

Archive new_archive(const std::string& path) {
  ArchiveOptions create;
  create.create = true;
  return Archive::open(path, create);
}

std::string row(const ReleasedMember& m) {
  return m.cohort + "|" + m.participant + "|" + std::to_string(m.group) + "|" + std::to_string(m.submission);
}

}  // namespace

// The stream of the released members: those of the questionnaire's releases' groups (numbered
// as read_releases lists them) that are submissions of it, in the order of their cohort,
// participant, group and submission as std::string compares them (the order the report reads
// its people in), against the same found from read_releases and all() here.
BOOST_AUTO_TEST_CASE(released_members_are_the_released_submissions_of_the_questionnaire_in_person_order) {
  std::mt19937 rng(18);
  size_t rows = 0;
  for (int round = 0; round < 20; ++round) {
    test::TempDir dir;
    const std::string path = (dir.path() / "a.db").string();
    Archive a = new_archive(path);
    for (int release = 0; release < 1 + static_cast<int>(rng() % 4); ++release) {
      add_random(a, rng, 1 + rng() % 30);
      const int64_t last = static_cast<int64_t>(a.all().size());
      Release r{0, "2026-09-30T10:00:00Z", "cohort", rng() % 4 ? "tiny" : "other", 3, {}};
      for (int g = 0, n = 1 + rng() % 3; g < n; ++g) {
        ReleasedGroup group{0, "g" + std::to_string(g), {}, {{"people", ""}}};
        for (int64_t id = 1; id <= last; ++id)
          if (rng() % 2) group.submissions.push_back(id);
        r.groups.push_back(group);
      }
      append_release(path, r);
    }
    std::map<int64_t, Submission> by_id;
    for (const auto& s : a.all()) by_id[s.id] = s;
    std::vector<ReleasedMember> want;
    std::vector<int64_t> groups;
    for (const auto& r : read_releases(path))
      if (r.questionnaire == "tiny")
        for (const auto& g : r.groups) {
          for (int64_t id : g.submissions)
            if (by_id.at(id).questionnaire == "tiny")
              want.push_back({by_id[id].cohort, by_id[id].participant, groups.size(), id});
          groups.push_back(g.id);
        }
    // A release logged after the groups were read (by another report at the same time) is not
    // among them, and not in the stream.
    Release late{0, "2026-09-30T11:00:00Z", "cohort", "tiny", 3, {}};
    late.groups.push_back({0, "late", {}, {{"people", ""}}});
    for (const auto& [id, sub] : by_id) late.groups.back().submissions.push_back(id);
    append_release(path, late);
    std::sort(want.begin(), want.end(), [](const ReleasedMember& x, const ReleasedMember& y) {
      return std::tie(x.cohort, x.participant, x.group, x.submission) <
             std::tie(y.cohort, y.participant, y.group, y.submission);
    });
    std::vector<std::string> got, expected;
    ReleasedMembers next = released_members(path, "tiny", groups);
    for (ReleasedMember m; next(m);) got.push_back(row(m));
    for (const auto& m : want) expected.push_back(row(m));
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    rows += got.size();
    // Without members, the releases are the same but for them.
    const auto all = read_releases(path), light = read_releases(path, false);
    BOOST_REQUIRE(all.size() == light.size());
    for (size_t i = 0; i < all.size(); ++i)
      for (size_t g = 0; g < all[i].groups.size(); ++g) {
        BOOST_TEST(light[i].groups[g].label == all[i].groups[g].label);
        BOOST_TEST(light[i].groups[g].shown == all[i].groups[g].shown);
        BOOST_TEST(light[i].groups[g].submissions.empty());
      }
  }
  BOOST_TEST(rows > 500u);
}

// A cohort report with the released members streamed from the archive is the report made with
// them in memory (every release's submissions and their briefs): the same CSV, groups, people,
// cells and hidden groups, over random archives reported on again and again as people come,
// send new versions and are left out.
BOOST_AUTO_TEST_CASE(a_report_with_the_released_members_streamed_is_the_one_made_with_them_in_memory) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937 rng(2612);
  int reports = 0, differing = 0, released_only = 0;
  for (int round = 0; round < 5; ++round) {
    test::TempDir dir;
    const std::string path = (dir.path() / "a.db").string();
    Archive a = new_archive(path);
    add_random(a, rng, 20 + rng() % 40);
    for (int report = 0; report < 4; ++report) {
      CohortOptions o;
      o.min_group = 3 + rng() % 2;
      for (const char* c : kCohorts)
        if (rng() % 3 == 0) o.cohorts.push_back(c);
      if (!o.cohorts.empty() && std::none_of(o.cohorts.begin(), o.cohorts.end(), [&](const std::string& c) {
            return a.valid_cohorts().count(c);
          }))
        o.cohorts.clear();
      const std::string key = answers_blob_key(q);
      SubmissionSource source;
      source.each = [&](const std::function<void(Submission&&)>& each) { a.each_current(o.cohorts, key, each); };
      source.briefs = [&](const std::function<void(Submission&&)>& each) { a.each_current_brief(o.cohorts, each); };
      o.history_of = [&](const std::vector<int64_t>& ids, bool brief, const std::function<void(Submission&&)>& each) {
        brief ? a.briefs(ids, each) : a.submissions(ids, key, each);
      };
      CohortOptions streamed = o, in_memory = o;
      for (const auto& r : read_releases(path, false))
        if (r.questionnaire == q.id) streamed.released.insert(streamed.released.end(), r.groups.begin(), r.groups.end());
      std::vector<int64_t> groups;
      for (const auto& g : streamed.released) groups.push_back(g.id);
      streamed.released_members = [&] { return released_members(path, q.id, groups); };
      for (const auto& r : read_releases(path))
        if (r.questionnaire == q.id) in_memory.released.insert(in_memory.released.end(), r.groups.begin(), r.groups.end());
      const CohortSummary x = summarize_cohorts(q, source, streamed), y = summarize_cohorts(q, source, in_memory);
      BOOST_TEST(cohort_csv(q, x) == cohort_csv(q, y));
      BOOST_TEST(x.groups == y.groups, boost::test_tools::per_element());
      BOOST_TEST(x.members == y.members);
      BOOST_TEST(x.differing == y.differing, boost::test_tools::per_element());
      BOOST_TEST(x.cells.atom_people == y.cells.atom_people, boost::test_tools::per_element());
      BOOST_REQUIRE(x.cells.cells.size() == y.cells.cells.size());
      for (int c = 0; c < static_cast<int>(x.cells.cells.size()); ++c) BOOST_TEST(x.cells.shown(c) == y.cells.shown(c));
      BOOST_TEST(x.cells.value == y.cells.value);
      ++reports;
      differing += !x.differing.empty();
      // Released people this report does not count as then: atoms of released groups alone.
      for (int at = 0; at < x.cells.atoms(); ++at) {
        bool mine = false, theirs = false;
        for (const auto& g : x.cells.groups) {
          if (std::find(g.atoms.begin(), g.atoms.end(), at) == g.atoms.end()) continue;
          (g.release ? theirs : mine) = true;
        }
        released_only += theirs && !mine;
      }
      Release r{0, "2026-09-30T10:00:00Z", "cohort", q.id, o.min_group, release_of(x)};
      append_release(path, r);
      add_random(a, rng, 3 + rng() % 12);
    }
  }
  BOOST_TEST(reports == 20);
  BOOST_TEST_MESSAGE("streamed members: " << reports << " reports, " << differing << " with a group hidden whole, "
                                          << released_only << " atoms of released groups alone");
  BOOST_TEST(differing > 0);
  BOOST_TEST(released_only > 0);
}

BOOST_AUTO_TEST_SUITE_END()
