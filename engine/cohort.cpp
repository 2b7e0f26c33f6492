#include "engine/cohort.hpp"
#include "engine/records.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/csv.hpp"
#include "engine/json.hpp"
#include "engine/responses.hpp"
#include "engine/scoring.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

// One person as a group counted them: their answers and the submissions behind them.
struct Version {
  std::string cohort, participant;
  std::vector<int64_t> ids;  // sorted
  std::optional<Answers> pre, post;
  bool current = false;
};

// Every version any group counts, each once.
class Versions {
 public:
  int add(const std::string& cohort, const std::string& participant, std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    const auto key = std::make_tuple(cohort, participant, ids);
    if (const auto it = index_.find(key); it != index_.end()) return it->second;
    list.push_back({cohort, participant, ids, {}, {}, false});
    return index_[key] = static_cast<int>(list.size()) - 1;
  }
  std::vector<Version> list;

 private:
  std::map<std::tuple<std::string, std::string, std::vector<int64_t>>, int> index_;
};

// Where a person stood and where they moved to, from their submissions (`subs`): the record
// (records.hpp meeting_records) as of the first meeting, from the parts sent then or with no
// meeting said, and that of the last meeting, from the parts sent at it; a meeting between
// them is not counted, and a part sent on its own (a worksheet) adds to the questionnaire
// sent at the same meeting instead of replacing it. Returns the ids of the submissions the
// records take parts from, ascending.
std::vector<int64_t> read_person(const Questionnaire& q, std::vector<const Submission*> subs, Version& v) {
  std::sort(subs.begin(), subs.end(), [](const Submission* a, const Submission* b) { return a->id < b->id; });
  std::vector<Answers> side[2];  // first meeting (or none said), last meeting; oldest first
  std::vector<int64_t> ids[2];
  for (const Submission* sub : subs) {
    const auto meeting = resolve_meeting(q, sub->meeting);
    if (!meeting) continue;
    const int rank = meeting_rank(q, *meeting);
    const bool last = q.meetings.size() > 1 && rank == static_cast<int>(q.meetings.size()) - 1;
    if (rank > 0 && !last) continue;
    Diagnostics d;
    Answers a = parse_answers(q, sub->raw, sub->source, d);
    if (d.has_errors()) continue;
    a.meeting = *meeting;
    side[last].push_back(std::move(a));
    ids[last].push_back(sub->id);
  }
  std::vector<int64_t> counted;
  for (int s = 0; s < 2; ++s) {
    if (side[s].empty()) continue;
    MeetingRecord rec = meeting_records(q, side[s]).back();
    for (size_t i : rec.versions) counted.push_back(ids[s][i]);
    (s ? v.post : v.pre) = std::move(rec.answers);
  }
  std::sort(counted.begin(), counted.end());
  return counted;
}

// People whose counted submissions differ between two groups (a person: cohort and participant).
int people_differing(const std::vector<int>& a, const std::vector<int>& b, const std::vector<Version>& vs) {
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> seen;
  for (int v : a) seen[{vs[v].cohort, vs[v].participant}].first = v + 1;
  for (int v : b) seen[{vs[v].cohort, vs[v].participant}].second = v + 1;
  int n = 0;
  for (const auto& [who, pair] : seen) n += pair.first != pair.second;
  return n;
}

const std::vector<std::string> kKinds = {"wider", "deeper", "wider_and_deeper", "same", "back"};

size_t movement_kind(const Scene& x, const Scene& y, bool same) {
  return y.stage > x.stage && y.level > x.level    ? 2
         : y.stage > x.stage && y.level >= x.level ? 0
         : y.level > x.level && y.stage >= x.stage ? 1
         : same                                    ? 3
                                                   : 4;
}

}  // namespace

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& submissions,
                                const CohortOptions& o) {
  if (o.min_group < kMinGroupFloor)
    throw Error(Location{}, "",
                trf("cohort: min-group {min_group} is below the floor of {min_group_floor}: "
                    "figures about so few people are never published",
                    {{"min_group", std::to_string(o.min_group)},
                     {"min_group_floor", std::to_string(kMinGroupFloor)}}));
  CohortSummary s;
  s.min_group = o.min_group;
  const int k = o.min_group;
  Versions versions;

  // This report's people, by cohort and participant; only submissions of this questionnaire.
  std::map<std::pair<std::string, std::string>, std::vector<const Submission*>> by_person;
  for (const auto& sub : submissions) {
    if (sub.questionnaire != q.id) continue;
    if (!o.cohorts.empty() && std::find(o.cohorts.begin(), o.cohorts.end(), sub.cohort) == o.cohorts.end()) continue;
    by_person[{sub.cohort, sub.participant}].push_back(&sub);
  }
  std::vector<int> mine;
  for (const auto& [who, subs] : by_person) {
    Version tmp;
    const std::vector<int64_t> ids = read_person(q, subs, tmp);
    if (ids.empty()) continue;
    const int v = versions.add(who.first, who.second, ids);
    versions.list[v].pre = std::move(tmp.pre);
    versions.list[v].post = std::move(tmp.post);
    versions.list[v].current = true;
    mine.push_back(v);
  }

  // This report's groups: pooled ranges, then cohorts of their own, then all.
  std::set<std::string> cohort_set;
  for (int v : mine) cohort_set.insert(versions.list[v].cohort);
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
  std::set<std::string> pooled;
  for (const auto& [lo, hi] : o.pools) {
    std::vector<std::string> in;
    for (const auto& c : cohort_set)
      if (c >= lo && c <= hi && !pooled.count(c)) in.push_back(c);
    if (in.empty()) continue;
    pooled.insert(in.begin(), in.end());
    candidates.push_back({lo + "-" + hi, in});
  }
  for (const auto& c : cohort_set)
    if (!pooled.count(c)) candidates.push_back({c, {c}});
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.second.front() < b.second.front(); });
  std::vector<std::vector<int>> group_versions;
  for (const auto& [label, cohorts] : candidates) {
    std::vector<int> in;
    for (int v : mine)
      if (std::find(cohorts.begin(), cohorts.end(), versions.list[v].cohort) != cohorts.end()) in.push_back(v);
    if (static_cast<int>(in.size()) < k) {
      s.small_groups.push_back(label);
      continue;
    }
    s.groups.push_back(label);
    s.group_cohorts.push_back(cohorts);
    group_versions.push_back(in);
  }
  s.groups.push_back("all");
  s.group_cohorts.emplace_back(cohort_set.begin(), cohort_set.end());
  group_versions.push_back(mine);
  const size_t G = s.groups.size();

  // Released groups: their versions, from the history.
  std::map<int64_t, const Submission*> history;
  for (const auto& sub : o.history) history[sub.id] = &sub;
  for (const auto& r : o.released) {
    std::map<std::pair<std::string, std::string>, std::vector<const Submission*>> people;
    for (int64_t id : r.submissions)
      if (const auto it = history.find(id); it != history.end() && it->second->questionnaire == q.id)
        people[{it->second->cohort, it->second->participant}].push_back(it->second);
    std::vector<int> in;
    for (const auto& [who, subs] : people) {
      std::vector<int64_t> ids;
      for (const Submission* sub : subs) ids.push_back(sub->id);
      const int v = versions.add(who.first, who.second, ids);
      if (!versions.list[v].current && !versions.list[v].pre && !versions.list[v].post)
        read_person(q, subs, versions.list[v]);
      if (versions.list[v].pre || versions.list[v].post) in.push_back(v);
    }
    group_versions.push_back(in);
  }

  // Atoms: versions with the same groups.
  CellTable& t = s.cells;
  const auto& vs = versions.list;
  std::vector<std::vector<bool>> signature(vs.size(), std::vector<bool>(group_versions.size(), false));
  for (size_t g = 0; g < group_versions.size(); ++g)
    for (int v : group_versions[g]) signature[v][g] = true;
  std::map<std::vector<bool>, int> atom_of_signature;
  std::vector<int> atom(vs.size());
  for (size_t v = 0; v < vs.size(); ++v) {
    const auto [it, fresh] = atom_of_signature.try_emplace(signature[v], t.atoms());
    if (fresh) t.atom_people.push_back(0);
    atom[v] = it->second;
    ++t.atom_people[atom[v]];
  }
  for (size_t g = 0; g < group_versions.size(); ++g) {
    std::set<int> atoms;
    for (int v : group_versions[g]) atoms.insert(atom[v]);
    const bool released = g >= G;
    t.groups.push_back({released ? o.released[g - G].label : s.groups[g], {atoms.begin(), atoms.end()},
                        released ? std::max(1, static_cast<int>(o.released[g - G].release)) : 0});
  }

  // Measures and their relations, which hold for every atom.
  const int S = q.model.scene_count();
  const int people = t.add_measure({"people", "", false, -1, 0, 0, 0, false});
  std::vector<int> cur, prof_n, prof;
  for (const auto& sc : q.model.scenes) cur.push_back(t.add_measure({"current", sc.id}));
  const int cur_none = t.add_measure({"current", "(none)", false, -1, 0, 0, 0, true});
  std::vector<std::pair<int, double>> terms;
  for (int m : cur) terms.push_back({m, 1});
  terms.push_back({cur_none, 1});
  terms.push_back({people, -1});
  t.relate(terms, true);
  for (const auto& sc : q.model.scenes) {
    prof_n.push_back(t.add_measure({"profile_people", sc.id}));
    prof.push_back(t.add_measure({"profile", sc.id, true, prof_n.back(), 0, 100, 2}));
    t.relate({{prof_n.back(), 1}, {people, -1}}, false);
  }
  struct Checklist {
    const Item* item;
    std::vector<int> options;
    int none = -1;  // a choice item's people who chose no option
  };
  std::vector<Checklist> checklists;
  for (const auto& item : q.items) {
    if (item.report != ReportUse::checklist) continue;
    Checklist c{&item, {}, -1};
    terms.clear();
    for (const auto& opt : item.options) {
      c.options.push_back(t.add_measure({"checklist:" + item.id, opt.value}));
      if (item.type == ItemType::choice) terms.push_back({c.options.back(), 1});
      else t.relate({{c.options.back(), 1}, {people, -1}}, false);
    }
    if (item.type == ItemType::choice) {
      c.none = t.add_measure({"checklist:" + item.id, "(none)", false, -1, 0, 0, 0, true});
      terms.push_back({c.none, 1});
      terms.push_back({people, -1});
      t.relate(terms, true);
    }
    checklists.push_back(std::move(c));
  }
  std::vector<int> kinds;
  for (const auto& kind : kKinds) kinds.push_back(t.add_measure({"movement", kind}));
  const int movers = t.add_measure({"movement", "(people)", false, -1, 0, 0, 0, true});
  terms.clear();
  for (int m : kinds) terms.push_back({m, 1});
  terms.push_back({movers, -1});
  t.relate(terms, true);
  t.relate({{movers, 1}, {people, -1}}, false);
  std::vector<std::vector<int>> flow(S, std::vector<int>(S));
  std::vector<std::vector<std::pair<int, double>>> of_kind(kKinds.size());
  for (int a = 0; a < S; ++a) {
    terms.clear();
    for (int b = 0; b < S; ++b) {
      flow[a][b] = t.add_measure({"flow", q.model.scenes[a].id + ">" + q.model.scenes[b].id});
      of_kind[movement_kind(q.model.scenes[a], q.model.scenes[b], a == b)].push_back({flow[a][b], 1});
      terms.push_back({flow[a][b], 1});
    }
    terms.push_back({cur[a], -1});  // who moved from a stood in a
    t.relate(terms, false);
  }
  for (size_t kd = 0; kd < kKinds.size(); ++kd) {
    auto r = of_kind[kd];
    r.push_back({kinds[kd], -1});
    t.relate(r, true);
  }
  const int cent_n = t.add_measure({"centroid_people", ""});
  const int cent_s = t.add_measure({"centroid_stage", "", true, cent_n, 1, double(q.model.stages.size()), 3});
  const int cent_l = t.add_measure({"centroid_level", "", true, cent_n, 1, double(q.model.levels.size()), 3});
  t.relate({{cent_n, 1}, {people, -1}}, false);

  // The true values: everyone scored once, added into their atom.
  std::vector<Answers> stand, post;
  std::vector<size_t> stand_version, post_of;
  for (size_t v = 0; v < vs.size(); ++v) {
    if (vs[v].pre && vs[v].post) {
      post.push_back(*vs[v].post);
      post_of.push_back(stand.size());
    }
    stand.push_back(vs[v].pre ? *vs[v].pre : *vs[v].post);
    stand_version.push_back(v);
  }
  const auto placed = score(q, stand, false);
  const auto placed_post = score(q, post, false);
  for (size_t i = 0; i < placed.size(); ++i) {
    const int a = atom[stand_version[i]];
    auto add = [&](int m, double x) { t.value[m][a] += x; };
    add(people, 1);
    add(placed[i].current ? cur[*placed[i].current] : cur_none, 1);
    for (int sc = 0; sc < S; ++sc)
      if (const auto x = placed[i].scenes[sc].score) {
        add(prof_n[sc], 1);
        add(prof[sc], *x);
      }
    for (const auto& c : checklists) {
      const Answer* ans = stand[i].find(c.item->id);
      bool any = false;
      if (ans) {
        const std::vector<std::string> chosen = chosen_options(*c.item, *ans);
        for (size_t r = 0; r < c.options.size(); ++r)
          if (std::find(chosen.begin(), chosen.end(), c.item->options[r].value) != chosen.end()) {
            add(c.options[r], 1);
            any = true;
          }
      }
      if (c.none >= 0 && !any) add(c.none, 1);
    }
    if (placed[i].centroid_stage) {
      add(cent_n, 1);
      add(cent_s, *placed[i].centroid_stage);
      add(cent_l, *placed[i].centroid_level);
    }
  }
  for (size_t j = 0; j < placed_post.size(); ++j) {
    const Placement& a = placed[post_of[j]];
    const Placement& b = placed_post[j];
    if (!a.current || !b.current) continue;
    const int at = atom[stand_version[post_of[j]]];
    const size_t kind = movement_kind(q.model.scenes[*a.current], q.model.scenes[*b.current], *a.current == *b.current);
    t.value[kinds[kind]][at] += 1;
    t.value[movers][at] += 1;
    t.value[flow[*a.current][*b.current]][at] += 1;
  }

  // The cells: this report's figures, then the released ones.
  for (size_t g = 0; g < G; ++g)
    for (size_t m = 0; m < t.measures.size(); ++m) {
      const Measure& me = t.measures[m];
      if (me.table == "flow" && g + 1 != G) continue;
      t.add_cell(static_cast<int>(m), static_cast<int>(g));
    }
  // A released group's figures: those it showed are known; those it hid stay protected.
  for (size_t r = 0; r < o.released.size(); ++r) {
    const std::set<std::pair<std::string, std::string>> shown(o.released[r].shown.begin(), o.released[r].shown.end());
    for (size_t m = 0; m < t.measures.size(); ++m) {
      const Measure& me = t.measures[m];
      if (me.table == "flow" && o.released[r].label != "all") continue;
      const int c = t.add_cell(static_cast<int>(m), static_cast<int>(G + r));
      if (!shown.count({me.table, me.row})) t.cells[c].state = CellState::secondary;
    }
  }

  // A group a few people away from a released one is hidden whole.
  for (size_t g = 0; g < G; ++g) {
    bool differs = false;
    for (size_t r = 0; r < o.released.size(); ++r) {
      const int d = people_differing(group_versions[g], group_versions[G + r], vs);
      differs = differs || (d >= 1 && d < k);
    }
    if (!differs) continue;
    s.differing.push_back(s.groups[g]);
    for (auto& c : t.cells)
      if (c.group == static_cast<int>(g)) c.state = CellState::difference;
  }
  s.suppression = suppress(t, k);

  // What shows, read back from the cells.
  std::map<std::pair<int, int>, int> cell_of;
  for (size_t c = 0; c < t.cells.size(); ++c) cell_of[{t.cells[c].measure, t.cells[c].group}] = static_cast<int>(c);
  auto shown = [&](int m, size_t g) -> std::optional<double> {
    const int c = cell_of.at({m, static_cast<int>(g)});
    return t.shown(c) ? std::optional<double>(t.published(c)) : std::nullopt;
  };
  auto table = [&](std::string id, const std::vector<int>& ms) {
    AggregateTable a{std::move(id), {}, {}, {}};
    for (int m : ms) {
      a.rows.push_back(t.measures[m].row);
      a.cell.emplace_back();
      a.values.emplace_back();
      for (size_t g = 0; g < G; ++g) {
        a.cell.back().push_back(cell_of.at({m, static_cast<int>(g)}));
        a.values.back().push_back(shown(m, g));
      }
    }
    return a;
  };
  s.current = table("current", cur);
  s.profile = table("profile", prof);
  s.profile_people = table("profile_people", prof_n);
  for (const auto& c : checklists) s.checklists.push_back(table("checklist:" + c.item->id, c.options));
  s.movement = table("movement", kinds);
  for (size_t g = 0; g < G; ++g) {
    s.people.push_back(static_cast<int>(t.true_value(cell_of.at({people, static_cast<int>(g)}))));
    s.people_hidden.push_back(!shown(people, g));
    s.centroid_stage.push_back(shown(cent_s, g));
    s.centroid_level.push_back(shown(cent_l, g));
    std::vector<int64_t> ids;
    for (int v : group_versions[g]) ids.insert(ids.end(), vs[v].ids.begin(), vs[v].ids.end());
    std::sort(ids.begin(), ids.end());
    s.members.push_back(std::move(ids));
  }
  s.flows.assign(S, std::vector<std::optional<int>>(S));
  for (int a = 0; a < S; ++a)
    for (int b = 0; b < S; ++b)
      if (const auto v = shown(flow[a][b], G - 1)) s.flows[a][b] = static_cast<int>(*v);

  // Reliability over the pool, when the pool's size shows and it is not a few people away
  // from a released pool.
  if (!s.people_hidden[G - 1] && std::find(s.differing.begin(), s.differing.end(), "all") == s.differing.end()) {
    std::vector<Answers> pool;
    for (size_t i = 0; i < stand.size(); ++i)
      if (vs[stand_version[i]].current) pool.push_back(stand[i]);
    s.reliability = analyze_items(q, collect_responses(q, pool)).scales;
  }
  return s;
}

std::string cohort_csv(const Questionnaire& q, const CohortSummary& s) {
  (void)q;
  const CellTable& t = s.cells;
  std::string out = std::string(csv::kBom) + csv::row({"table", "category", "group", "value"});
  for (size_t c = 0; c < t.cells.size(); ++c) {
    const Cell& cell = t.cells[c];
    if (t.groups[cell.group].release != 0) continue;
    const Measure& m = t.measures[cell.measure];
    out += csv::row({m.table, m.row, s.groups[cell.group],
                     t.shown(static_cast<int>(c)) ? json::number(t.published(static_cast<int>(c)), m.sum ? m.decimals : 0)
                                                  : "suppressed"});
  }
  for (const auto& r : s.reliability) {
    const bool ok = r.alpha && r.n_complete >= s.min_group;
    out += csv::row({"alpha", r.id, "all", ok ? json::number(*r.alpha, 3) : "n/a"});
    out += csv::row({"alpha_people", r.id, "all", std::to_string(r.n_complete)});
  }
  return out;
}

}  // namespace careermap

namespace careermap {

std::vector<ReleasedGroup> release_of(const CohortSummary& s) {
  std::vector<ReleasedGroup> out;
  for (size_t g = 0; g < s.groups.size(); ++g) {
    ReleasedGroup r{0, s.groups[g], s.members[g], {}};
    for (size_t c = 0; c < s.cells.cells.size(); ++c) {
      const Cell& cell = s.cells.cells[c];
      if (cell.group != static_cast<int>(g) || !s.cells.shown(static_cast<int>(c))) continue;
      const Measure& m = s.cells.measures[cell.measure];
      r.shown.push_back({m.table, m.row});
    }
    if (!r.shown.empty()) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace careermap
