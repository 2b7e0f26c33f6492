// The cohort report's drawing: its grids use the page, whatever the number of groups and
// the model's size, and never cross each other or the page's edge.
#include <boost/test/unit_test.hpp>

#include "reports/cohort_report.hpp"
#include "reports/page_frame.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

Questionnaire load(const std::string& rel) {
  Diagnostics d;
  Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/" + rel, d);
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

// `cohorts` cohorts and the pool, everyone standing and moving somewhere, nothing hidden.
CohortSummary summary(const Questionnaire& q, int cohorts) {
  CohortSummary s;
  s.min_group = 3;
  const int n = cohorts + 1, S = q.model.scene_count();
  for (int c = 0; c < cohorts; ++c) s.groups.push_back(std::to_string(2010 + c));
  s.groups.push_back("all");
  s.people.assign(n, 5), s.people_hidden.assign(n, false);
  std::vector<std::string> scenes;
  for (const auto& sc : q.model.scenes) scenes.push_back(sc.id);
  const auto table = [&](std::string id, std::vector<std::string> rows, double v) {
    AggregateTable t;
    t.id = std::move(id);
    t.values.assign(rows.size(), std::vector<std::optional<double>>(n, v));
    t.rows = std::move(rows);
    return t;
  };
  s.current = table("current", scenes, 1);
  s.profile = table("profile", scenes, 50);
  s.movement = table("movement", {"wider", "deeper", "wider_and_deeper", "same", "back"}, 1);
  s.flows.assign(S, std::vector<std::optional<int>>(S, 0));
  s.flows[0][0] = 3, s.flows[0][S - 1] = 4;
  s.centroid_stage.assign(n, 1.5), s.centroid_level.assign(n, 1.5);
  return s;
}

struct Rect {
  double x0, y0, x1, y1;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cohort_report_layout)

BOOST_AUTO_TEST_CASE(the_grids_use_the_page_and_stay_apart_whatever_the_groups) {
  const Templates t = test::shipped_templates("cohort.yaml");
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  for (const char* rel : {"tests/data/tiny/course.yaml", "questionnaires/presession-v1.yaml"}) {
    const Questionnaire q = load(rel);
    for (int cohorts : {1, 2, 3, 5, 8, 11}) {
      const CohortReport r = build_cohort_report(q, summary(q, cohorts), t, Lang::en, "2026-09-30");
      const DisplayList dl = layout_cohort_report(r, font);
      // Page 1: the cells of every group's grid (filled rectangles below the heading).
      std::vector<Rect> cells;
      for (const auto& op : dl.pages()[0].ops)
        if (op.kind == DrawOp::Kind::fill_rect && op.y1 > 110) cells.push_back({op.x1, op.y1, op.x1 + op.x2, op.y1 + op.y2});
      BOOST_REQUIRE(cells.size() == static_cast<size_t>((cohorts + 1) * q.model.scene_count()));
      double bottom = 0;
      for (size_t i = 0; i < cells.size(); ++i) {
        const Rect& a = cells[i];
        BOOST_TEST(a.x0 >= frame::kMargin);
        BOOST_TEST(a.x1 <= frame::kPageW - frame::kMargin + 1e-9, rel << " " << cohorts << ": a grid past the edge");
        bottom = std::max(bottom, a.y1);
        for (size_t j = 0; j < i; ++j) {
          const Rect& b = cells[j];
          const bool apart = a.x1 <= b.x0 + 1e-9 || b.x1 <= a.x0 + 1e-9 || a.y1 <= b.y0 + 1e-9 || b.y1 <= a.y0 + 1e-9;
          BOOST_TEST(apart, rel << " " << cohorts << ": cells " << j << " and " << i << " overlap");
        }
      }
      BOOST_TEST(bottom <= frame::kPageH - 60, rel << " " << cohorts << ": the grids run into the footer");
      // A few groups' grids are drawn large enough to fill much of the page.
      if (cohorts <= 5) BOOST_TEST(frame::page_fill(dl.pages()[0]) >= 0.6, rel << " " << cohorts);
      // The movement map's page, when it has one, is used to more than half.
      for (size_t p = 1; p < dl.pages().size(); ++p)
        BOOST_TEST(frame::page_fill(dl.pages()[p]) >= frame::kMinPageFill, rel << " page " << p + 1);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
