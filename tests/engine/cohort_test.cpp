#include "engine/cohort.hpp"

#include <boost/test/unit_test.hpp>
#include <ctime>
#include <random>

#include "engine/answers_blob.hpp"
#include "engine/answers_yaml.hpp"
#include "engine/disclosure_audit.hpp"
#include "tests/engine/cohort_reader.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

// The tiny questionnaire with its multi-choice `wish` as the report's checklist.
Questionnaire checklist_questionnaire() {
  std::string text = test::kQuestionnaire;
  const std::string from = "{id: wish, type: multi,";
  text.replace(text.find(from), from.size(), "{id: wish, type: multi, report: checklist,");
  Diagnostics d;
  Questionnaire q = Questionnaire::parse(text, "tiny.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

// An archive in memory: submissions with ids, as Archive::current() returns them.
struct Book {
  explicit Book(const Questionnaire& questionnaire) : q(questionnaire) {}
  const Questionnaire& q;
  std::vector<Submission> subs;
  int64_t next = 1;
  void add(const std::string& cohort, const std::string& id, const std::string& session, const std::string& body) {
    Diagnostics d;
    Answers a = parse_answers(q, "questionnaire: " + q.id + "\nparticipant: " + id + "\nanswers:\n  size: small\n" + body, id, d);
    BOOST_REQUIRE(!d.has_errors());
    Submission s;
    s.id = next++;
    s.cohort = cohort;
    s.meeting = session;
    s.participant = id;
    s.questionnaire = q.id;
    s.raw = answers_to_yaml(q, a);
    subs.push_back(s);
  }
  // Random answers for the tiny questionnaire.
  void add_random(const std::string& cohort, const std::string& id, const std::string& session, std::mt19937& rng) {
    auto likert = [&] { return std::to_string(1 + rng() % 5); };
    std::string body = "  a1: " + likert() + "\n  a2: " + likert() + "\n  b1: " + likert() + "\n  b2: " + likert() +
                       "\n  c1: " + likert() + "\n";
    std::string wish;
    for (const char* w : {"n", "f", "d"})
      if (rng() % 2) wish += std::string(wish.empty() ? "" : ", ") + w;
    if (!wish.empty()) body += "  wish: [" + wish + "]\n";
    add(cohort, id, session, body);
  }
  // `n` people of `cohort` (ids PREFIX0, PREFIX1, ...), each with random answers at "pre".
  void add_people(const std::string& cohort, const std::string& prefix, int n, std::mt19937& rng) {
    for (int i = 0; i < n; ++i) add_random(cohort, prefix + std::to_string(i), "pre", rng);
  }
  // The newest of each participant, cohort and session (what the archive's current() gives).
  std::vector<Submission> current() const {
    std::map<std::tuple<std::string, std::string, std::string>, Submission> newest;
    for (const auto& s : subs) newest[{s.cohort, s.meeting, s.participant}] = s;
    std::vector<Submission> out;
    for (auto& [key, s] : newest) out.push_back(s);
    return out;
  }
};

std::vector<std::set<std::string>> people_of(const CohortSummary& s, const test::ReadReport& r,
                                             const std::vector<Submission>& subs) {
  std::map<int64_t, std::string> who;
  for (const auto& x : subs) who[x.id] = x.cohort + "/" + x.participant + "/" + std::to_string(x.id);
  std::vector<std::set<std::string>> out;
  auto groups = r.columns;
  groups.push_back("all");
  for (const auto& g : groups) {
    const size_t i = std::find(s.groups.begin(), s.groups.end(), g) - s.groups.begin();
    BOOST_REQUIRE(i < s.groups.size());
    std::map<std::string, std::string> person;  // cohort/participant -> their submissions
    for (int64_t id : s.members[i]) {
      const std::string w = who.at(id);
      const std::string p = w.substr(0, w.rfind('/'));
      person[p] += w.substr(w.rfind('/')) + ",";
    }
    std::set<std::string> set;
    for (const auto& [p, ids] : person) set.insert(p + ids);
    out.push_back(set);
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "; ";
  return s;
}

const char* kNear = "  a1: 5\n  a2: 1\n  b1: 1\n  b2: 1\n  c1: 1\n";  // stands at fix.near
const char* kFar = "  a1: 1\n  a2: 5\n  b1: 5\n  b2: 5\n  c1: 1\n";   // fix.far
const char* kDeep = "  a1: 1\n  a2: 5\n  b1: 1\n  b2: 1\n  c1: 5\n";  // deep.near

}  // namespace

BOOST_AUTO_TEST_SUITE(cohort)

BOOST_AUTO_TEST_CASE(a_cohort_of_one_is_not_a_column_and_cannot_be_subtracted_from_the_pool) {
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  b.add("2024", "a1", "pre", kDeep);  // alone in 2024
  for (const char* id : {"b1", "b2", "b3", "b4"}) b.add("2025", id, "pre", kNear);
  for (const char* id : {"c1", "c2", "c3", "c4", "c5"}) b.add("2026", id, "pre", kFar);
  const CohortSummary s = summarize_cohorts(q, b.current(), CohortOptions{});
  BOOST_TEST(s.groups == (std::vector<std::string>{"2025", "2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(s.small_groups == (std::vector<std::string>{"2024"}), boost::test_tools::per_element());
  const auto r = test::read_report(q, cohort_csv(q, s), 3);
  BOOST_TEST(r.leaks.empty(), joined(r.leaks));
  BOOST_TEST(audit_cells(s.cells, 3).pinned.empty());
  // All minus the two columns would be the 2024 person: at least one of the three is hidden.
  const size_t deep = 2;
  BOOST_TEST(!(s.current.values[deep][0] && s.current.values[deep][1] && s.current.values[deep][2]));
  BOOST_TEST(!(s.profile.values[deep][0] && s.profile.values[deep][1] && s.profile.values[deep][2]));
}

BOOST_AUTO_TEST_CASE(a_hidden_count_cannot_be_got_back_from_row_and_column_totals) {
  // Every cohort has at least 3; one person in 2025 stands at deep.near.
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  for (const char* id : {"b1", "b2", "b3"}) b.add("2025", id, "pre", kNear);
  b.add("2025", "b4", "pre", kDeep);
  for (const char* id : {"c1", "c2", "c3"}) b.add("2026", id, "pre", kNear);
  for (const char* id : {"c4", "c5", "c6"}) b.add("2026", id, "pre", kDeep);
  const CohortSummary s = summarize_cohorts(q, b.current(), CohortOptions{});
  const auto r = test::read_report(q, cohort_csv(q, s), 3);
  BOOST_TEST(r.leaks.empty(), joined(r.leaks));
  BOOST_TEST(!s.current.values[2][0].has_value());  // the 1
  BOOST_TEST(audit_cells(s.cells, 3).pinned.empty());
}

BOOST_AUTO_TEST_CASE(the_flow_figure_does_not_give_back_a_hidden_movement) {
  // A cohort of 4 with both meetings: 3 stay at fix.near, 1 steps up to deep.near.
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  for (const char* id : {"p1", "p2", "p3", "p4"}) b.add("2026", id, "pre", kNear);
  for (const char* id : {"p1", "p2", "p3"}) b.add("2026", id, "post", kNear);
  b.add("2026", "p4", "post", kDeep);
  const CohortSummary s = summarize_cohorts(q, b.current(), CohortOptions{});
  const auto r = test::read_report(q, cohort_csv(q, s), 3);
  BOOST_TEST(r.leaks.empty(), joined(r.leaks));
  BOOST_TEST(!s.movement.values[1][0].has_value());  // deeper: 1
  BOOST_TEST(!s.movement.values[3][0].has_value());  // same: 3, hidden with it
  BOOST_TEST(!s.flows[0][0].has_value());            // the 3 on fix.near would give 4 - 3 = 1
}

BOOST_AUTO_TEST_CASE(a_report_with_and_without_cohorts_does_not_give_a_person_away) {
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  b.add("2024", "a1", "pre", kDeep);
  for (const char* id : {"b1", "b2", "b3", "b4"}) b.add("2025", id, "pre", kNear);
  for (const char* id : {"c1", "c2", "c3", "c4", "c5"}) b.add("2026", id, "pre", kFar);
  CohortOptions all;
  const CohortSummary first = summarize_cohorts(q, b.current(), all);
  CohortOptions some;
  some.cohorts = {"2025", "2026"};
  some.released = release_of(first);
  for (size_t i = 0; i < some.released.size(); ++i) some.released[i].release = 1;
  some.history = b.subs;
  const CohortSummary second = summarize_cohorts(q, b.current(), some);
  BOOST_TEST(second.differing == (std::vector<std::string>{"all"}), boost::test_tools::per_element());
  const auto r1 = test::read_report(q, cohort_csv(q, first), 3);
  const auto r2 = test::read_report(q, cohort_csv(q, second), 3);
  BOOST_TEST(r2.leaks.empty(), joined(r2.leaks));
  const auto leaks = test::compare_reports(r1, people_of(first, r1, b.subs), r2, people_of(second, r2, b.subs), 3);
  BOOST_TEST(leaks.empty(), joined(leaks));
  BOOST_TEST(audit_cells(second.cells, 3).pinned.empty());
}

BOOST_AUTO_TEST_CASE(a_late_import_does_not_give_the_late_person_away) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(7);
  Book b(q);
  b.add_people("2026", "p", 12, rng);
  b.add_people("2025", "q", 6, rng);
  const CohortSummary before = summarize_cohorts(q, b.current(), CohortOptions{});
  b.add_random("2026", "late", "pre", rng);
  CohortOptions o;
  o.released = release_of(before);
  o.history = b.subs;
  const CohortSummary after = summarize_cohorts(q, b.current(), o);
  BOOST_TEST(after.differing == (std::vector<std::string>{"2026", "all"}), boost::test_tools::per_element());
  const auto r1 = test::read_report(q, cohort_csv(q, before), 3);
  const auto r2 = test::read_report(q, cohort_csv(q, after), 3);
  const auto leaks = test::compare_reports(r1, people_of(before, r1, b.subs), r2, people_of(after, r2, b.subs), 3);
  BOOST_TEST(leaks.empty(), joined(leaks));
  BOOST_TEST(r2.known.count({"profile", "fix.near", "2025"}) == 1u);  // the unchanged cohort still shows
}

// People of a released group who sent new versions since are in both groups by other
// submissions: each is one person the groups differ by. Two of them (below min-group 3) hide
// the group and the pool whole; a third makes the difference big enough to show again; the
// released versions are counted in the released groups, not this report's.
BOOST_AUTO_TEST_CASE(people_who_sent_new_versions_since_a_release_are_each_one_person_of_difference) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(9);
  Book b(q);
  b.add_people("2026", "p", 10, rng);
  b.add_people("2025", "q", 6, rng);
  CohortOptions o;
  o.released = release_of(summarize_cohorts(q, b.current(), CohortOptions{}));
  for (auto& g : o.released) g.release = 1;
  auto report = [&] {
    o.history = b.subs;
    return summarize_cohorts(q, b.current(), o);
  };
  BOOST_TEST(report().differing.empty());
  b.add_random("2026", "p1", "pre", rng);
  b.add_random("2026", "p2", "pre", rng);
  const CohortSummary two = report();
  BOOST_TEST(two.differing == (std::vector<std::string>{"2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(two.people == (std::vector<int>{6, 10, 16}), boost::test_tools::per_element());
  // The released 2026 counts the two by the versions it counted, in atoms of its own.
  const int released_2026 = static_cast<int>(std::find_if(two.cells.groups.begin(), two.cells.groups.end(), [](const Group& g) {
                              return g.release == 1 && g.label == "2026";
                            }) - two.cells.groups.begin());
  BOOST_TEST(two.cells.people_in(released_2026) == 10);
  int alone = 0;
  for (int a : two.cells.groups[released_2026].atoms)
    if (std::find(two.cells.groups[1].atoms.begin(), two.cells.groups[1].atoms.end(), a) == two.cells.groups[1].atoms.end())
      alone += two.cells.atom_people[a];
  BOOST_TEST(alone == 2);
  b.add_random("2026", "p3", "pre", rng);
  BOOST_TEST(report().differing.empty());
}

// The released members are walked in step with the people read, so they must come in the
// same order: a stream out of it is refused, as submissions out of order are.
BOOST_AUTO_TEST_CASE(released_members_out_of_order_are_refused) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(5);
  Book b(q);
  b.add_people("2026", "p", 6, rng);
  CohortOptions o;
  o.released = release_of(summarize_cohorts(q, b.current(), CohortOptions{}));
  for (auto& g : o.released) g.release = 1;
  o.history = b.subs;
  const auto stream = [](std::vector<ReleasedMember> rows) {
    return [rows, at = size_t(0)](ReleasedMember& m) mutable {
      if (at == rows.size()) return false;
      m = rows[at++];
      return true;
    };
  };
  o.released_members = [&] { return stream({{"2026", "p0", 0, 1}, {"2026", "p1", 0, 2}}); };
  BOOST_CHECK_NO_THROW(summarize_cohorts(q, b.current(), o));
  o.released_members = [&] { return stream({{"2026", "p1", 0, 2}, {"2026", "p0", 0, 1}}); };
  BOOST_CHECK_EXCEPTION(summarize_cohorts(q, b.current(), o), Error, [](const Error& e) {
    return e.diagnostic().message == "cohort: the submissions are not in order of cohort and participant";
  });
  o.released_members = [&] { return stream({{"2026", "p0", 1, 1}, {"2026", "p0", 0, 1}}); };
  BOOST_CHECK_THROW(summarize_cohorts(q, b.current(), o), Error);
}

BOOST_AUTO_TEST_CASE(the_summary_of_a_synthetic_multi_year_archive) {
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  for (const char* id : {"a1", "a2"}) b.add("2024", id, "pre", "  a1: 5\n  a2: 1\n");
  for (const char* id : {"b1", "b2", "b3", "b4"}) {
    b.add("2025", id, "pre", "  a1: 5\n  a2: 1\n  b1: 1\n");   // stand at fix.near
    b.add("2025", id, "post", "  a1: 2\n  b1: 5\n  b2: 5\n");  // moved to fix.far: wider
  }
  for (const char* id : {"c1", "c2", "c3"}) b.add("2026", id, "pre", "  a1: 1\n  c1: 5\n");  // deep.near
  const CohortSummary s = summarize_cohorts(q, b.current(), CohortOptions{});
  BOOST_TEST(s.groups == (std::vector<std::string>{"2025", "2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(s.people == (std::vector<int>{4, 3, 9}), boost::test_tools::per_element());
  BOOST_TEST(s.small_groups == (std::vector<std::string>{"2024"}), boost::test_tools::per_element());
  const auto r = test::read_report(q, cohort_csv(q, s), 3);
  BOOST_TEST(r.leaks.empty(), joined(r.leaks));
  BOOST_TEST(*s.movement.values[0][0] == 4.0);  // the four 2025 people crossed to a wider stage
  BOOST_TEST(*s.profile.values[2][1] == 100.0);  // deep.near, 2026: (5 - 1) / 4 for all three
  // No figure about a person: nothing in the CSV names one.
  const std::string csv = cohort_csv(q, s);
  for (const char* id : {"a1,", "b1,", "c1,"}) BOOST_TEST(csv.find(id) == std::string::npos);
  BOOST_TEST(csv.rfind("\xEF\xBB\xBFtable,category,group,value\r\npeople,,2025,4\r\ncurrent,fix.near,2025,", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(min_group_below_three_is_refused) {
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  b.add("2026", "p1", "pre", kNear);
  for (int k : {1, 2}) {
    CohortOptions o;
    o.min_group = k;
    BOOST_CHECK_EXCEPTION(summarize_cohorts(q, b.current(), o), Error, [&](const Error& e) {
      return e.diagnostic().message == "cohort: min-group " + std::to_string(k) +
                                           " is below the floor of 3: figures about so few people are never published";
    });
  }
}

BOOST_AUTO_TEST_CASE(pooled_years_show_what_single_years_cannot) {
  const Questionnaire q = checklist_questionnaire();
  Book b(q);
  for (const char* c : {"2024", "2025", "2026"})
    for (const char* id : {"x", "y"}) b.add(c, std::string(c) + id, "pre", kNear);
  CohortOptions o;
  o.pools = {{"2024", "2026"}};
  const CohortSummary s = summarize_cohorts(q, b.current(), o);
  BOOST_TEST(s.groups == (std::vector<std::string>{"2024-2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(*s.current.values[0][0] == 6.0);
  BOOST_TEST(s.small_groups.empty());
}

// Done means: 1,000 random archives (cohorts of 1..15, random answers, a report with a
// random --cohorts and one after a late import, each against the earlier ones): no figure
// pinned, and nothing the careful reader works out.
static const int kRounds = std::getenv("CM_ROUNDS") ? std::atoi(std::getenv("CM_ROUNDS")) : 1000;
BOOST_AUTO_TEST_CASE(random_archives_give_no_one_away) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(2026);
  const std::clock_t start = std::clock();  // CPU time: the CI machine is shared
  int audited = 0, added = 0, reports = 0;
  for (int round = 0; round < kRounds; ++round) {
    Book b(q);
    const int cohorts = 1 + rng() % 4, k = 3 + (rng() % 4 == 0);
    for (int c = 0; c < cohorts; ++c) {
      const int n = 1 + rng() % 15;
      for (int i = 0; i < n; ++i) {
        const std::string cohort = std::to_string(2020 + c), id = "p" + std::to_string(c) + "_" + std::to_string(i);
        b.add_random(cohort, id, "pre", rng);
        if (rng() % 3 == 0) b.add_random(cohort, id, "post", rng);
      }
    }
    std::vector<CohortSummary> made;
    std::vector<test::ReadReport> read;
    std::vector<std::vector<Submission>> seen;
    auto report = [&](CohortOptions o) {
      o.min_group = k;
      for (size_t r = 0; r < made.size(); ++r)
        for (auto g : release_of(made[r])) {
          g.release = static_cast<int64_t>(r + 1);
          o.released.push_back(g);
        }
      o.history = b.subs;
      made.push_back(summarize_cohorts(q, b.current(), o));
      read.push_back(test::read_report(q, cohort_csv(q, made.back()), k));
      seen.push_back(b.subs);
      BOOST_TEST(read.back().leaks.empty(), "round " << round << ": " << joined(read.back().leaks));
      audited += made.back().suppression.checked;
      added += made.back().suppression.audit;
      ++reports;
    };
    report({});
    CohortOptions some;
    for (int c = 0; c < cohorts; ++c)
      if (rng() % 2) some.cohorts.push_back(std::to_string(2020 + c));
    report(some);
    const std::string late_cohort = std::to_string(2020 + rng() % cohorts);
    for (int i = 0, n = 1 + rng() % 2; i < n; ++i) b.add_random(late_cohort, "late" + std::to_string(i), "pre", rng);
    report({});
    for (size_t x = 0; x < made.size(); ++x)
      for (size_t y = x + 1; y < made.size(); ++y) {
        const auto leaks = test::compare_reports(read[x], people_of(made[x], read[x], seen[y]), read[y],
                                                 people_of(made[y], read[y], seen[y]), k);
        BOOST_TEST(leaks.empty(), "round " << round << " reports " << x << "," << y << ": " << joined(leaks));
      }
  }
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  BOOST_TEST_MESSAGE("random archives: " << reports << " reports, " << audited << " small figures audited, " << added
                                         << " cells hidden by the audit, " << seconds << " s of CPU");
}

// An integer program that runs out of branch-and-bound nodes leaves what a reader could work
// out unknown, so its figure counts as pinned: with no nodes at all, every figure the default
// budget found pinned is still pinned, and figures it found safe only by branching are pinned
// too (the budget is of nodes, not of time, so the audit finds the same on any machine).
BOOST_AUTO_TEST_CASE(a_figure_whose_integer_program_runs_out_of_nodes_is_taken_as_pinned) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(44);
  int more = 0;
  for (int round = 0; round < 40; ++round) {
    Book b(q);
    for (int c = 0, cohorts = 1 + rng() % 3; c < cohorts; ++c)
      for (int i = 0, n = 1 + rng() % 12; i < n; ++i) {
        const std::string cohort = std::to_string(2020 + c), id = "p" + std::to_string(c) + "_" + std::to_string(i);
        b.add_random(cohort, id, "pre", rng);
        if (rng() % 3 == 0) b.add_random(cohort, id, "post", rng);
      }
    const CohortSummary s = summarize_cohorts(q, b.current(), CohortOptions{});
    const AuditResult full = audit_cells(s.cells, 3), none = audit_cells(s.cells, 3, {}, nullptr, 0);
    BOOST_TEST(full.pinned.empty());  // the report is safe as made
    more += !none.pinned.empty();
    std::set<Figure> safe(none.safe.begin(), none.safe.end());
    for (const Figure& f : safe) BOOST_TEST((std::find(full.safe.begin(), full.safe.end(), f) != full.safe.end()));
    BOOST_TEST(none.checked == full.checked);
  }
  BOOST_TEST(more > 0);
  BOOST_TEST_MESSAGE("out of nodes: " << more << " of 40 reports had a figure taken as pinned");
}

// A questionnaire in two parts (survey, journey) at three meetings, not presession-v1: each
// person sends the survey and, as a file of its own, the journey sheet at the first meeting,
// the sheet again at the middle one and the survey at the last. The first meeting's record
// joins the survey and the sheet (the sheet sent later does not replace the survey there), a
// corrected survey replaces the earlier one of the same meeting, and the middle meeting is not
// counted.
BOOST_AUTO_TEST_CASE(a_worksheet_sent_on_its_own_adds_to_the_questionnaire_of_its_meeting) {
  Diagnostics qd;
  const Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", qd);
  BOOST_REQUIRE(!qd.has_errors());
  std::vector<Submission> subs;
  auto send = [&](const std::string& who, const std::string& meeting, const std::string& body) {
    Submission s;
    s.id = static_cast<int64_t>(subs.size()) + 1;
    s.cohort = "2026";
    s.meeting = meeting;
    s.participant = who;
    s.questionnaire = q.id;
    s.source = who + "-" + meeting + ".yaml";
    s.raw = "questionnaire: course\nparticipant: " + who + "\nmeeting: " + meeting + "\nanswers:\n" + body;
    Diagnostics d;
    parse_answers(q, s.raw, s.source, d);
    BOOST_REQUIRE_MESSAGE(!d.has_errors(), joined(test::messages(d)));
    subs.push_back(s);
    return s.id;
  };
  const std::string survey_near = "  org: town\n  k1: 3\n  k2: 0\n  k3: 0\n  k4: 0\n";  // stands at fix.near
  const std::string survey_far = "  org: town\n  k1: 0\n  k2: 3\n  k3: 0\n  k4: 0\n";   // fix.far
  const std::string sheet = "  note: シート\n  steps:\n    - {y0: 2020, what: 何か}\n";
  std::vector<int64_t> counted;
  const int64_t superseded = send("p1", "kickoff", "  org: county\n  k1: 0\n  k2: 0\n  k3: 0\n  k4: 3\n");
  std::vector<int64_t> midway;
  for (const char* who : {"p1", "p2", "p3"}) {
    counted.push_back(send(who, "kickoff", survey_near));
    counted.push_back(send(who, "kickoff", sheet));
    midway.push_back(send(who, "midway", sheet));
    counted.push_back(send(who, "closing", survey_far));
  }
  const CohortSummary s = summarize_cohorts(q, subs, CohortOptions{});
  BOOST_TEST(s.groups == (std::vector<std::string>{"2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(s.people == (std::vector<int>{3, 3}), boost::test_tools::per_element());
  std::sort(counted.begin(), counted.end());
  BOOST_TEST(s.members.back() == counted, boost::test_tools::per_element());
  BOOST_TEST(std::count(s.members.back().begin(), s.members.back().end(), superseded) == 0);
  for (int64_t m : midway) BOOST_TEST(std::count(s.members.back().begin(), s.members.back().end(), m) == 0);
  const auto row = [](const AggregateTable& t, const std::string& id) {
    const size_t r = std::find(t.rows.begin(), t.rows.end(), id) - t.rows.begin();
    BOOST_REQUIRE(r < t.rows.size());
    return t.values[r].back();
  };
  BOOST_TEST(row(s.current, "fix.near") == std::optional<double>(3.0));  // the survey, not the sheet, says where they stood
  BOOST_TEST(row(s.movement, "wider") == std::optional<double>(3.0));    // fix.near -> fix.far
  BOOST_TEST(row(s.profile, "fix.near") == std::optional<double>(100.0));
}

// Read with the stored answers and without the raw bytes (Archive::current with a key), the
// report is the one read from the raw bytes; a stored answers that does not decode is read
// from the raw bytes raw_of gives (without raw_of, that person would be missing).
BOOST_AUTO_TEST_CASE(stored_answers_without_raw_bytes_give_the_same_report) {
  const Questionnaire q = checklist_questionnaire();
  Book book(q);
  std::mt19937 rng(21);
  for (const char* cohort : {"2024", "2025", "2026"})
    for (int p = 0; p < 8; ++p) {
      const std::string id = "p" + std::to_string(p);
      book.add_random(cohort, id, "pre", rng);
      if (p % 2) book.add_random(cohort, id, "post", rng);
    }
  const std::vector<Submission> full = book.current();
  std::map<int64_t, std::string> raw;
  std::vector<Submission> lean = full;
  for (size_t i = 0; i < lean.size(); ++i) {
    Submission& s = lean[i];
    raw[s.id] = s.raw;
    Diagnostics d;
    s.answers = i % 7 == 3 ? std::string("CMA1 not answers") : encode_answers(parse_answers(q, s.raw, s.source, d));
    s.answers_key = answers_blob_key(q);
    s.raw.clear();
  }
  const std::string want = cohort_csv(q, summarize_cohorts(q, full, {}));
  CohortOptions o;
  o.raw_of = [&](int64_t id) { return raw.at(id); };
  BOOST_TEST(cohort_csv(q, summarize_cohorts(q, lean, o)) == want);
  BOOST_TEST(cohort_csv(q, summarize_cohorts(q, lean, {})) != want);
}

// Streamed, the submissions must come a person's together in order of cohort and participant:
// out of that order it is an Error, not a report that counts a person twice.
BOOST_AUTO_TEST_CASE(submissions_out_of_order_are_refused) {
  const Questionnaire q = checklist_questionnaire();
  Book book(q);
  std::mt19937 rng(2);
  for (const char* id : {"a", "b", "c"}) book.add_random("2026", id, "pre", rng);
  std::vector<Submission> subs = book.current();
  std::swap(subs[0], subs[2]);
  try {
    SubmissionSource source;
    source.each = [&](const std::function<void(Submission&&)>& each) { for (auto s : subs) each(std::move(s)); };
    summarize_cohorts(q, source, {});
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.diagnostic().message == "cohort: the submissions are not in order of cohort and participant");
  }
  // The list overload puts them in order itself.
  BOOST_TEST(cohort_csv(q, summarize_cohorts(q, subs, {})) == cohort_csv(q, summarize_cohorts(q, book.current(), {})));
}

// The groups are planned from the people counted in the briefs before anyone is read. A
// person whose stored answers no longer read is counted there but not in the report: when
// that changes the groups (here a cohort of three becomes one of two, too few for a column),
// the people are read again with the groups as read, and the report is the one made without
// that person. When the count holds, every source is read once.
BOOST_AUTO_TEST_CASE(a_person_counted_first_but_not_read_changes_the_groups_and_is_read_again) {
  const Questionnaire q = checklist_questionnaire();
  std::mt19937 rng(8);
  Book book(q);
  for (int i = 0; i < 3; ++i) book.add_random("2025", "a" + std::to_string(i), "pre", rng);
  for (int i = 0; i < 4; ++i) book.add_random("2026", "b" + std::to_string(i), "pre", rng);
  const std::vector<Submission> good = book.current();
  std::vector<Submission> with_bad = good;
  Submission bad = with_bad.front();  // 2025/a0
  bad.raw = "questionnaire: tiny\nparticipant: a0\nanswers: {a1: 9}\n";  // 9 is off the scale: no longer reads
  with_bad.front() = bad;
  int each = 0, briefs = 0;
  const auto counted = [&](const std::vector<Submission>& subs) {
    SubmissionSource source;
    source.each = [&](const std::function<void(Submission&&)>& f) {
      ++each;
      for (auto s : subs) f(std::move(s));
    };
    source.briefs = [&](const std::function<void(Submission&&)>& f) {
      ++briefs;
      for (auto s : subs) f(std::move(s));
    };
    return summarize_cohorts(q, source, {});
  };
  const CohortSummary once = counted(good);
  BOOST_TEST(each == 1);
  BOOST_TEST(briefs == 1);
  BOOST_TEST(once.groups == (std::vector<std::string>{"2025", "2026", "all"}), boost::test_tools::per_element());
  each = briefs = 0;
  const CohortSummary again = counted(with_bad);
  BOOST_TEST(each == 2);
  BOOST_TEST(briefs == 1);
  BOOST_TEST(again.groups == (std::vector<std::string>{"2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(again.small_groups == (std::vector<std::string>{"2025"}), boost::test_tools::per_element());
  std::vector<Submission> without(good.begin() + 1, good.end());
  BOOST_TEST(cohort_csv(q, again) == cohort_csv(q, summarize_cohorts(q, without, {})));
  BOOST_TEST(again.members == summarize_cohorts(q, without, {}).members);
}

// A released group counted someone whose answers no longer read: the questionnaire changed
// under the same id (here an option was taken away that one person had chosen). What that
// release showed can no longer be worked out, nor what this report may show beside it without
// giving that person away by subtraction (12 people then, 11 now): no report.
BOOST_AUTO_TEST_CASE(a_release_whose_people_no_longer_read_refuses_the_report) {
  const Questionnaire q = checklist_questionnaire();
  Book book(q);
  for (int i = 0; i < 12; ++i)
    book.add("2026", "p" + std::to_string(i), "pre", std::string(i % 2 ? kNear : kFar) + (i == 0 ? "  wish: [d]\n" : ""));
  CohortOptions o;
  for (auto g : release_of(summarize_cohorts(q, book.current(), {}))) {
    g.release = 1;
    o.released.push_back(g);
  }
  o.history = book.subs;
  std::string text = test::kQuestionnaire;
  const std::string from = "{id: wish, type: multi,", gone = ", {value: d, level: deep}";
  text.replace(text.find(from), from.size(), "{id: wish, type: multi, report: checklist,");
  text.erase(text.find(gone), gone.size());
  Diagnostics d;
  const Questionnaire changed = Questionnaire::parse(text, "tiny.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(!d.has_errors());
  BOOST_CHECK_EXCEPTION(summarize_cohorts(changed, book.current(), o), Error, [](const Error& e) {
    return e.diagnostic().message ==
           "cohort: release 1 counted submissions that no longer read against tiny (it has changed since): this "
           "report cannot be checked against what that release showed, so none is made; give the changed "
           "questionnaire an id of its own";
  });
  // Against the same questionnaire, or without the release, the report is made.
  BOOST_TEST(summarize_cohorts(q, book.current(), o).people.back() == 12);
  BOOST_TEST(summarize_cohorts(changed, book.current(), {}).people.back() == 11);
}

BOOST_AUTO_TEST_SUITE_END()
