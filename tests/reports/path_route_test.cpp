// The career path never crosses text (issue 14, bullet 6): checked on the display list of
// the map page, with a segment/rectangle test of its own (orientation tests, not the
// router's clipping), for the samples in both languages and for synthetic participants
// of two questionnaires on two models.
#include "reports/path_route.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <random>

#include "reports/career_map_pdf.hpp"
#include "reports/palette.hpp"
#include "tests/testutil.hpp"
#include "tools/synthetic.hpp"

using namespace careermap;

namespace {

struct Box {
  double x0, y0, x1, y1;
};
struct Pt {
  double x, y;
};

// Sign of the turn a -> b -> c.
int orient(Pt a, Pt b, Pt c) {
  const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return (v > 1e-9) - (v < -1e-9);
}
bool on_segment(Pt a, Pt b, Pt p) {
  return std::min(a.x, b.x) - 1e-9 <= p.x && p.x <= std::max(a.x, b.x) + 1e-9 && std::min(a.y, b.y) - 1e-9 <= p.y &&
         p.y <= std::max(a.y, b.y) + 1e-9;
}
bool segments_cross(Pt a, Pt b, Pt c, Pt d) {
  const int o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && on_segment(a, b, c)) || (o2 == 0 && on_segment(a, b, d)) || (o3 == 0 && on_segment(c, d, a)) ||
         (o4 == 0 && on_segment(c, d, b));
}
// A segment meets a box when an end is inside it or it crosses one of the box's sides.
bool meets(Pt a, Pt b, const Box& r) {
  auto inside = [&](Pt p) { return r.x0 <= p.x && p.x <= r.x1 && r.y0 <= p.y && p.y <= r.y1; };
  if (inside(a) || inside(b)) return true;
  const Pt c[4] = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
  for (int k = 0; k < 4; ++k)
    if (segments_cross(a, b, c[k], c[(k + 1) % 4])) return true;
  return false;
}

bool same(Color a, Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

const FontSource& font() {
  static const FontSource f("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  return f;
}

const Templates& templates() {
  static const Templates t = [] {
    Diagnostics d;
    return Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/careermap.yaml", d);
  }();
  return t;
}

struct Check {
  size_t segments = 0, texts = 0, routed = 0;  // routed: legs drawn as more than one line
  std::vector<std::string> crossings;
};

// Every segment of the path on page 1 (lines and arrowhead sides in the path's colour)
// against the box of every text on that page: from the font's ascent (0.88 em) above the
// baseline to its descent (0.12 em) below, as wide as the font measures it.
void check_map(const CareerMapContent& c, const std::string& who, Check& out) {
  const DisplayList dl = layout_career_map(c, font());
  const auto& ops = dl.pages().at(0).ops;
  std::vector<Box> boxes;
  std::vector<std::string> words;
  for (const auto& op : ops)
    if (op.kind == DrawOp::Kind::text) {
      boxes.push_back({op.x1, op.y1 - 0.88 * op.size, op.x1 + font().text_width(op.text, op.size), op.y1 + 0.12 * op.size});
      words.push_back(op.text);
    }
  std::vector<std::pair<Pt, Pt>> segments;
  size_t lines = 0, heads = 0;
  for (const auto& op : ops) {
    if (!same(op.color, palette::kPath)) continue;
    if (op.kind == DrawOp::Kind::line) segments.push_back({{op.x1, op.y1}, {op.x2, op.y2}}), ++lines;
    if (op.kind == DrawOp::Kind::triangle) {
      const Pt p[3] = {{op.x1, op.y1}, {op.x2, op.y2}, {op.x3, op.y3}};
      for (int k = 0; k < 3; ++k) segments.push_back({p[k], p[(k + 1) % 3]});
      ++heads;
    }
  }
  out.routed += lines - heads;
  out.segments += segments.size();
  out.texts += boxes.size();
  for (const auto& [a, b] : segments)
    for (size_t k = 0; k < boxes.size(); ++k)
      if (meets(a, b, boxes[k]))
        out.crossings.push_back(who + ": the path from (" + std::to_string(a.x) + ", " + std::to_string(a.y) + ") to (" +
                                std::to_string(b.x) + ", " + std::to_string(b.y) + ") crosses \"" + words[k] + "\"");
}

Questionnaire load(const std::string& path) {
  Diagnostics d;
  Questionnaire q = Questionnaire::load(path, d);
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

void check_people(const Questionnaire& q, const std::vector<Answers>& people, Check& out) {
  const auto placements = score(q, people, false);
  for (size_t i = 0; i < people.size(); ++i)
    for (Lang lang : {Lang::ja, Lang::en})
      check_map(build_career_map(q, people[i], placements[i], templates(), lang, "2026-07-01"),
                people[i].participant + (lang == Lang::ja ? " ja" : " en"), out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_route)

BOOST_AUTO_TEST_CASE(the_segment_test_agrees_with_the_router_on_edges_and_corners) {
  const route::Rect r{10, 10, 20, 20};
  BOOST_TEST(route::segment_meets({0, 15}, {30, 15}, r));   // through
  BOOST_TEST(route::segment_meets({0, 10}, {30, 10}, r));   // along the top side
  BOOST_TEST(route::segment_meets({5, 15}, {10, 15}, r));   // ends on the left side
  BOOST_TEST(route::segment_meets({12, 12}, {13, 13}, r));  // inside
  BOOST_TEST(!route::segment_meets({0, 9}, {30, 9}, r));    // above
  BOOST_TEST(!route::segment_meets({0, 0}, {9, 30}, r));    // beside, slanted
  BOOST_TEST(!route::segment_meets({21, 0}, {30, 30}, r));
  BOOST_TEST(route::segment_meets({0, 0}, {30, 30}, r));  // the diagonal
  BOOST_TEST(route::segment_meets({5, 25}, {25, 5}, r));
}

BOOST_AUTO_TEST_CASE(a_leg_blocked_by_a_box_goes_round_it_along_the_lanes) {
  // Stops at (0, 50) and (100, 50); a box over the middle of the straight line.
  const std::vector<route::Point> stops{{0, 50}, {100, 50}};
  const std::vector<route::Rect> boxes{{40, 30, 60, 70}};
  route::Lanes lanes;
  lanes.xs = {0, 50, 100};
  lanes.ys = {0, 50, 100};
  lanes.bounds = {0, 0, 100, 100};
  const auto legs = route::route_legs(stops, boxes, {-1}, {}, lanes, route::ArrowShape{});
  BOOST_REQUIRE(legs.size() == 1u);
  BOOST_TEST(legs[0].clear);
  // Up (or down) at x = 0, across at y = 0 (or 100), back at x = 100: four points.
  BOOST_REQUIRE(legs[0].points.size() == 4u);
  BOOST_TEST(legs[0].points[1].x == 0.0);
  BOOST_TEST(legs[0].points[2].x == 100.0);
  BOOST_TEST(legs[0].points[1].y == legs[0].points[2].y);
  BOOST_TEST((legs[0].points[1].y == 0.0 || legs[0].points[1].y == 100.0));
  // A wall along y = 0 makes it take the other side.
  const auto below = route::route_legs(stops, boxes, {-1}, {{{0, 0}, {100, 0}}}, lanes, route::ArrowShape{});
  BOOST_TEST(below[0].points[1].y == 100.0);
  // With no lane round it, the leg stays straight and says so.
  lanes.ys = {50};
  const auto stuck = route::route_legs(stops, boxes, {-1}, {}, lanes, route::ArrowShape{});
  BOOST_TEST(!stuck[0].clear);
  BOOST_TEST(stuck[0].points.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_leg_that_would_lie_on_an_earlier_one_goes_round) {
  const std::vector<route::Point> stops{{0, 50}, {100, 50}, {50, 50}};
  route::Lanes lanes;
  lanes.xs = {0, 50, 100};
  lanes.ys = {0, 50, 100};
  lanes.bounds = {0, 0, 100, 100};
  const auto legs = route::route_legs(stops, {}, {}, {}, lanes, route::ArrowShape{});
  BOOST_REQUIRE(legs.size() == 2u);
  BOOST_TEST(legs[0].points.size() == 2u);
  BOOST_REQUIRE(legs[1].points.size() == 4u);  // up or down, across, back to the row
  BOOST_TEST(legs[1].points[1].x == 100.0);
  BOOST_TEST(legs[1].points[2].x == 50.0);
  BOOST_TEST(legs[1].points[1].y != 50.0);
}

BOOST_AUTO_TEST_CASE(a_leg_may_start_and_end_inside_its_own_markers) {
  const std::vector<route::Point> stops{{0, 50}, {100, 50}, {100, 0}};
  // Each stop's marker box; the middle one belongs to stop 1, which both legs touch.
  const std::vector<route::Rect> boxes{{-5, 45, 5, 55}, {95, 45, 105, 55}, {95, -5, 105, 5}};
  route::Lanes lanes;
  lanes.bounds = {-10, -10, 110, 110};
  const auto legs = route::route_legs(stops, boxes, {0, 1, 2}, {}, lanes, route::ArrowShape{});
  BOOST_TEST(legs[0].points.size() == 2u);
  BOOST_TEST(legs[1].points.size() == 2u);
  BOOST_TEST(legs[0].clear);
  BOOST_TEST(legs[1].clear);
}

BOOST_AUTO_TEST_CASE(trimming_cuts_along_the_polyline) {
  const std::vector<route::Point> line{{0, 0}, {10, 0}, {10, 10}};
  const auto t = route::trimmed(line, 5, 5);
  BOOST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[0].x == 5.0);
  BOOST_TEST(t[1].x == 10.0);
  BOOST_TEST(t[2].y == 5.0);
  BOOST_TEST(route::trimmed(line, 10, 10).empty());
}

BOOST_AUTO_TEST_CASE(no_path_segment_crosses_text_in_any_sample_in_either_language) {
  const Questionnaire q = load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml");
  std::vector<Answers> people;
  for (const auto& f : std::filesystem::directory_iterator(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/samples"))
    if (f.path().extension() == ".yaml") {
      Diagnostics d;
      people.push_back(load_answers(q, f.path().string(), d));
      BOOST_REQUIRE(!d.has_errors());
    }
  BOOST_REQUIRE(people.size() >= 5u);
  Check c;
  check_people(q, people, c);
  BOOST_TEST(c.crossings.empty(), c.crossings.size() << " crossings, first: " << (c.crossings.empty() ? "" : c.crossings[0]));
  BOOST_TEST(c.segments > 0u);
  BOOST_TEST(c.routed > 0u);  // some leg had to go round (p03's 1 -> 8 past scene 3)
}

BOOST_AUTO_TEST_CASE(no_path_segment_crosses_text_for_1000_synthetic_participants) {
  const Questionnaire pre = load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml");
  const Questionnaire tiny = test::tiny_questionnaire();  // 2 x 2 scenes, other labels and items
  std::mt19937_64 rng(20261201);
  Check c;
  for (const Questionnaire* q : {&pre, &tiny}) {
    std::vector<Answers> people;
    for (int n = 0; n < (q == &pre ? 800 : 200); ++n)
      people.push_back(synthetic::answers(*q, "s" + std::to_string(n), rng));
    check_people(*q, people, c);
  }
  BOOST_TEST(c.crossings.empty(), c.crossings.size() << " crossings, first: " << (c.crossings.empty() ? "" : c.crossings[0]));
  BOOST_TEST(c.segments > 1000u);
  BOOST_TEST(c.routed > 100u);
}

BOOST_AUTO_TEST_SUITE_END()
