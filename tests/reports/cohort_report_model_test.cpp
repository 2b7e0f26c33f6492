// The cohort report's content model (reports/cohort_report.hpp), without any PDF: the figures
// are the summary's numbers, and a figure the summary hides carries no number at all.
#include <boost/test/unit_test.hpp>

#include "reports/cohort_report.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

using F = std::optional<double>;
constexpr std::nullopt_t kHidden = std::nullopt;

Questionnaire course() {
  Diagnostics d;
  Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

AggregateTable table(std::string id, std::vector<std::string> rows, std::vector<std::vector<F>> values) {
  AggregateTable t;
  t.id = std::move(id);
  t.rows = std::move(rows);
  t.values = std::move(values);
  return t;
}

// Two cohorts and the pool; the second cohort's size is hidden, and so are most of its figures.
CohortSummary summary() {
  CohortSummary s;
  s.groups = {"2024", "2025", "all"};
  s.people = {5, 2, 7};
  s.people_hidden = {false, true, false};
  s.min_group = 3;
  const std::vector<std::string> scenes = {"fix.near", "fix.far", "deep.near", "deep.far"};
  s.current = table("current", scenes, {{3, kHidden, 4}, {0, kHidden, kHidden}, {2, kHidden, 3}, {kHidden, kHidden, 0}});
  s.profile = table("profile", scenes, {{52, 48, 51}, {30, kHidden, 33}, {61, 40, 55}, {kHidden, 20, 12}});
  s.checklists = {table("checklist:hope", {"n", "f"}, {{2, kHidden, 3}, {kHidden, kHidden, 4}})};
  s.movement = table("movement", {"wider", "deeper", "wider_and_deeper", "same", "back"},
                     {{1, 0, 1}, {kHidden, 0, kHidden}, {0, 0, 0}, {3, kHidden, 4}, {kHidden, kHidden, kHidden}});
  s.flows.assign(4, std::vector<std::optional<int>>(4, 0));
  s.flows[0][0] = 3, s.flows[0][2] = std::nullopt, s.flows[1][3] = 0, s.flows[2][3] = 4, s.flows[3][1] = std::nullopt;
  s.reliability = {{"fix.near", {}, 0.81, 25, ""}, {"deep.far", {}, std::nullopt, 40, ""}, {"gone", {}, 0.5, 31, ""}};
  s.centroid_stage = {1.4, kHidden, 1.5};
  s.centroid_level = {1.25, kHidden, kHidden};
  s.small_groups = {"2023"};
  s.differing = {"2025"};
  return s;
}

CohortReport report(const CohortSummary& s = summary(), Lang lang = Lang::ja) {
  static const Questionnaire q = course();
  static const Templates t = test::shipped_templates("cohort.yaml");
  return build_cohort_report(q, s, t, lang, "2026-09-30");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cohort_report_model)

BOOST_AUTO_TEST_CASE(groups_carry_their_labels_and_sizes_a_hidden_size_none) {
  const CohortReport r = report();
  BOOST_REQUIRE(r.groups.size() == 3u);
  BOOST_TEST(r.groups[0].label == "2024期");
  BOOST_TEST(r.groups[1].label == "2025期");
  BOOST_TEST(r.groups[2].label == "全期");
  BOOST_TEST(r.groups[0].people == std::optional<int>(5));
  BOOST_TEST(!r.groups[1].people.has_value());
  BOOST_TEST(r.groups[2].people == std::optional<int>(7));
  BOOST_TEST(r.min_group == 3);
  BOOST_TEST(r.date == "2026-09-30");
  BOOST_TEST(r.date_line == "作成日 2026-09-30");
  // Sentences with a number keep their pattern: the number is put in when drawn.
  BOOST_TEST(r.privacy.find("{k}人未満") != std::string::npos);
  BOOST_TEST(r.people_pattern == "{n}人");
}

BOOST_AUTO_TEST_CASE(where_people_stand_holds_counts_and_shares_and_nothing_where_hidden) {
  const CohortReport r = report();
  BOOST_REQUIRE(r.current.size() == 3u);
  for (const auto& g : r.current) BOOST_REQUIRE(g.size() == 4u);
  BOOST_TEST(r.current[0][0].people == F(3));
  BOOST_TEST(r.current[0][0].share == F(60));    // 3 of 5
  BOOST_TEST(r.current[0][1].people == F(0));
  BOOST_TEST(r.current[0][1].share == F(0));
  BOOST_TEST(r.current[0][2].share == F(40));    // 2 of 5
  BOOST_TEST(r.current[2][0].share == F(4.0 / 7 * 100));
  BOOST_TEST(r.current[2][3].people == F(0));
  for (size_t sc = 0; sc < 4; ++sc) {  // the hidden cohort: no count, no share, in any cell
    BOOST_TEST(!r.current[1][sc].people.has_value());
    BOOST_TEST(!r.current[1][sc].share.has_value());
  }
  BOOST_TEST(!r.current[0][3].people.has_value());
  BOOST_TEST(!r.current[0][3].share.has_value());
  BOOST_TEST(!r.current[2][1].share.has_value());
  // Each cell where its scene is (fix.far: the far stage, the first level).
  BOOST_TEST(r.current[0][1].stage == 1);
  BOOST_TEST(r.current[0][1].level == 0);
  BOOST_TEST(r.current[0][2].stage == 0);
  BOOST_TEST(r.current[0][2].level == 1);
  // 5 of the 8 cohort cells are hidden: the hint to pool years shows.
  BOOST_TEST(r.overview_mostly_hidden);
  BOOST_TEST(r.pooled == "人数の少ない期（2023）は単独では表示せず、「全期」に合算しています。");
  BOOST_TEST(r.differing == "前回の集計との差が少人数のため非表示：2025期");
  BOOST_TEST(r.stage_labels == (std::vector<std::string>{"近い", "遠い"}), boost::test_tools::per_element());
  BOOST_TEST(r.level_labels == (std::vector<std::string>{"直す", "深める"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tables_hold_the_published_figures) {
  const CohortReport r = report();
  BOOST_TEST(r.profile.rows == (std::vector<std::string>{"1. 近くを直す", "2. 遠くを直す", "3. 近くを深める", "4. 遠くを深める"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.profile.shaded);
  BOOST_TEST(r.profile.decimals == 0);
  BOOST_TEST(!r.profile.mostly_hidden);  // 2 of 8 hidden
  BOOST_TEST(r.profile.values[0] == (std::vector<F>{52, 48, 51}), boost::test_tools::per_element());
  BOOST_TEST(r.profile.values[1] == (std::vector<F>{30, kHidden, 33}), boost::test_tools::per_element());
  BOOST_TEST(r.profile.values[3] == (std::vector<F>{kHidden, 20, 12}), boost::test_tools::per_element());
  BOOST_REQUIRE(r.checklists.size() == 1u);
  BOOST_TEST(r.checklists[0].rows == (std::vector<std::string>{"近く", "遠く"}), boost::test_tools::per_element());
  BOOST_TEST(!r.checklists[0].shaded);
  BOOST_TEST(r.checklists[0].mostly_hidden);  // 3 of 4
  BOOST_TEST(r.checklists[0].values[1] == (std::vector<F>{kHidden, kHidden, 4}), boost::test_tools::per_element());
  BOOST_TEST(r.movement_heading == "初回から最終回への動き（両方の回の回答がある人）");
  BOOST_TEST(r.movement.rows[3] == "同じ場面");
  BOOST_TEST(r.movement.values[3] == (std::vector<F>{3, kHidden, 4}), boost::test_tools::per_element());
  BOOST_TEST(r.movement.values[4] == (std::vector<F>{kHidden, kHidden, kHidden}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(only_shown_flows_of_someone_are_in_the_model) {
  const CohortReport r = report();
  BOOST_REQUIRE(r.flows.size() == 2u);  // hidden flows and flows of nobody are left out
  BOOST_TEST(r.flows[0].from == 0u);
  BOOST_TEST(r.flows[0].to == 0u);
  BOOST_TEST(r.flows[0].people == 3);
  BOOST_TEST(r.flows[1].from == 2u);
  BOOST_TEST(r.flows[1].to == 3u);
  BOOST_TEST(r.flows[1].people == 4);
  BOOST_REQUIRE(r.scenes.size() == 4u);
  BOOST_TEST(r.scenes[3].number == 4);
  BOOST_TEST(r.scenes[3].stage == 1);
  BOOST_TEST(r.scenes[3].level == 1);
  CohortSummary none = summary();
  for (auto& row : none.flows)
    for (auto& f : row) f = std::nullopt;
  BOOST_TEST(report(none).flows.empty());
}

BOOST_AUTO_TEST_CASE(trends_and_reliability_are_numbers_a_hidden_one_none) {
  const CohortReport r = report();
  BOOST_REQUIRE(r.trends.size() == 2u);
  BOOST_TEST(r.trends[0].top == 2);
  BOOST_TEST(r.trends[0].cohorts == (std::vector<F>{1.4, kHidden}), boost::test_tools::per_element());
  BOOST_TEST(r.trends[0].pool == F(1.5));
  BOOST_TEST(r.trends[1].cohorts == (std::vector<F>{1.25, kHidden}), boost::test_tools::per_element());
  BOOST_TEST(!r.trends[1].pool.has_value());
  BOOST_REQUIRE(r.reliability.size() == 3u);
  BOOST_TEST(r.reliability[0].label == "近くを直す");
  BOOST_TEST(r.reliability[0].alpha == F(0.81));
  BOOST_TEST(r.reliability[0].complete == 25);
  BOOST_TEST(r.reliability[1].label == "遠くを深める");
  BOOST_TEST(!r.reliability[1].alpha.has_value());
  BOOST_TEST(r.reliability[2].label == "gone");  // not a scene of the model: its id
  BOOST_TEST(r.caution);                         // 25 < kAlphaCaution
  CohortSummary many = summary();
  for (auto& a : many.reliability) a.n_complete = kAlphaCaution;
  BOOST_TEST(!report(many).caution);
}

BOOST_AUTO_TEST_CASE(the_drawing_shows_a_hidden_figure_as_its_mark) {
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  const DisplayList dl = layout_cohort_report(report(summary(), Lang::en), font);
  const auto page = dl.texts(0);
  BOOST_TEST(std::count(page.begin(), page.end(), "Cohort 2024（5 people）") == 1);
  BOOST_TEST(std::count(page.begin(), page.end(), "Cohort 2025（*）") == 1);
  BOOST_TEST(std::count(page.begin(), page.end(), "All（7 people）") == 1);
  // Every page's foot says what "*" hides, with the report's smallest group.
  for (size_t p = 0; p < dl.pages().size(); ++p) {
    const auto texts = dl.texts(p);
    BOOST_TEST(std::count_if(texts.begin(), texts.end(), [](const std::string& s) {
                 return s.find("figures about fewer than 3 people") != std::string::npos;
               }) == 1);
  }
  // The overview; the profile with the checklists under it (they fit); the movement with its
  // map under it; the trends.
  BOOST_REQUIRE(dl.pages().size() == 4u);
  const auto has = [&](size_t p, const std::string& heading) {
    const auto texts = dl.texts(p);
    return std::count(texts.begin(), texts.end(), heading) == 1;
  };
  const CohortReport r = report(summary(), Lang::en);
  BOOST_TEST(has(0, r.overview_heading));
  BOOST_TEST(has(1, r.profile_heading));
  BOOST_TEST(has(1, r.checklist_heading));
  BOOST_TEST(has(2, r.movement_heading));
  BOOST_TEST(has(3, r.trends_heading));
}

BOOST_AUTO_TEST_SUITE_END()
