#include "engine/cohort.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/csv.hpp"
#include "engine/json.hpp"
#include "engine/responses.hpp"
#include "engine/scoring.hpp"
#include "engine/suppression.hpp"

namespace careermap {
namespace {

struct Person {
  std::string cohort;
  std::optional<Answers> pre, post;
};

// Counts per row and group (pool last), with hiding applied to `values`.
AggregateTable counted(std::string id, std::vector<std::string> rows, const std::vector<std::vector<int>>& counts,
                       int k, bool exclusive) {
  AggregateTable t{std::move(id), std::move(rows), {}, counts};
  const auto hidden = suppress(counts, k, exclusive);
  for (size_t r = 0; r < counts.size(); ++r) {
    t.values.emplace_back();
    for (size_t c = 0; c < counts[r].size(); ++c)
      t.values.back().push_back(hidden[r][c] ? std::nullopt : std::optional<double>(counts[r][c]));
  }
  return t;
}

}  // namespace

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& current,
                                const CohortOptions& o) {
  CohortSummary s;
  s.min_group = o.min_group;
  const int k = o.min_group;
  // People, by cohort and participant; only submissions of this questionnaire.
  std::map<std::pair<std::string, std::string>, Person> people;
  std::set<std::string> cohort_set;
  for (const auto& sub : current) {
    if (sub.questionnaire != q.id) continue;
    if (!o.cohorts.empty() && std::find(o.cohorts.begin(), o.cohorts.end(), sub.cohort) == o.cohorts.end()) continue;
    Diagnostics d;
    Answers a = parse_answers(q, sub.raw, sub.source, d);
    if (d.has_errors()) continue;
    Person& p = people[{sub.cohort, sub.participant}];
    p.cohort = sub.cohort;
    (sub.session == "post" ? p.post : p.pre) = std::move(a);
    cohort_set.insert(sub.cohort);
  }
  s.groups.assign(cohort_set.begin(), cohort_set.end());
  s.groups.push_back("all");
  const size_t G = s.groups.size();
  auto group_of = [&](const std::string& cohort) {
    return static_cast<size_t>(std::find(s.groups.begin(), s.groups.end(), cohort) - s.groups.begin());
  };

  // Score everyone's "where they stand" answers in one batch, and the post answers.
  std::vector<Answers> stand, post;
  std::vector<size_t> stand_group, post_of;  // post_of: index into stand
  for (auto& [key, p] : people) {  // moved out: the map is not used again
    stand_group.push_back(group_of(p.cohort));
    if (p.pre && p.post) {
      post.push_back(std::move(*p.post));
      post_of.push_back(stand.size());
    }
    stand.push_back(p.pre ? std::move(*p.pre) : std::move(*p.post));
  }
  people.clear();
  const auto placed = score(q, stand, false);
  const auto placed_post = score(q, post, false);
  s.people.assign(G, 0);
  for (size_t g : stand_group) {
    ++s.people[g];
    ++s.people[G - 1];
  }
  for (size_t g = 0; g + 1 < G; ++g)
    if (s.people[g] < k) s.small_groups.push_back(s.groups[g]);
  s.people_hidden = suppress({s.people}, k, false)[0];

  const int S = q.model.scene_count();
  std::vector<std::string> scene_ids;
  for (const auto& sc : q.model.scenes) scene_ids.push_back(sc.id);

  // Where people stand.
  std::vector<std::vector<int>> cur(S, std::vector<int>(G, 0));
  for (size_t i = 0; i < placed.size(); ++i)
    if (placed[i].current) {
      ++cur[*placed[i].current][stand_group[i]];
      ++cur[*placed[i].current][G - 1];
    }
  s.current = counted("current", scene_ids, cur, k, true);  // one current scene per person

  // Mean profiles: the people with a score in each scene and group.
  std::vector<std::vector<int>> n(S, std::vector<int>(G, 0));
  std::vector<std::vector<double>> sum(S, std::vector<double>(G, 0));
  for (size_t i = 0; i < placed.size(); ++i)
    for (int sc = 0; sc < S; ++sc)
      if (const auto v = placed[i].scenes[sc].score) {
        for (size_t g : {stand_group[i], G - 1}) {
          ++n[sc][g];
          sum[sc][g] += *v;
        }
      }
  s.profile = counted("profile", scene_ids, n, k, false);
  for (int sc = 0; sc < S; ++sc)
    for (size_t g = 0; g < G; ++g) {
      auto& v = s.profile.values[sc][g];
      if (n[sc][g] < k) v.reset();  // a mean of fewer than k people, even one of zero counts
      if (v) v = sum[sc][g] / n[sc][g];
    }

  // Checklists.
  for (const auto& item : q.items) {
    if (item.report != ReportUse::checklist) continue;
    std::vector<std::string> rows;
    for (const auto& opt : item.options) rows.push_back(opt.value);
    std::vector<std::vector<int>> c(rows.size(), std::vector<int>(G, 0));
    for (size_t i = 0; i < stand.size(); ++i) {
      const Answer* a = stand[i].find(item.id);
      if (!a) continue;
      const std::vector<std::string> chosen = item.type == ItemType::choice ? std::vector{a->text} : a->choices;
      for (size_t r = 0; r < rows.size(); ++r)
        if (std::find(chosen.begin(), chosen.end(), rows[r]) != chosen.end()) {
          ++c[r][stand_group[i]];
          ++c[r][G - 1];
        }
    }
    s.checklists.push_back(counted("checklist:" + item.id, rows, c, k, item.type == ItemType::choice));
  }

  // Movement from pre to post.
  const std::vector<std::string> kinds = {"wider", "deeper", "wider_and_deeper", "same", "back"};
  std::vector<std::vector<int>> mv(kinds.size(), std::vector<int>(G, 0));
  std::vector<std::vector<int>> flows(S, std::vector<int>(S, 0));
  for (size_t j = 0; j < placed_post.size(); ++j) {
    const Placement& a = placed[post_of[j]];
    const Placement& b = placed_post[j];
    if (!a.current || !b.current) continue;
    const Scene& x = q.model.scenes[*a.current];
    const Scene& y = q.model.scenes[*b.current];
    const size_t kind = y.stage > x.stage && y.level > x.level ? 2
                        : y.stage > x.stage && y.level >= x.level ? 0
                        : y.level > x.level && y.stage >= x.stage ? 1
                        : *a.current == *b.current               ? 3
                                                                  : 4;
    ++mv[kind][stand_group[post_of[j]]];
    ++mv[kind][G - 1];
    ++flows[*a.current][*b.current];
  }
  s.movement = counted("movement", kinds, mv, k, true);
  s.flows.assign(S, std::vector<std::optional<int>>(S));
  for (int a = 0; a < S; ++a)
    for (int b = 0; b < S; ++b)
      if (flows[a][b] >= k) s.flows[a][b] = flows[a][b];

  // Reliability over the pool; centroids per group (means of at least k people).
  if (static_cast<int>(stand.size()) >= k) s.reliability = analyze_items(q, collect_responses(q, stand)).scales;
  std::vector<double> cs(G, 0), cl(G, 0);
  std::vector<int> cn(G, 0);
  for (size_t i = 0; i < placed.size(); ++i)
    if (placed[i].centroid_stage)
      for (size_t g : {stand_group[i], G - 1}) {
        cs[g] += *placed[i].centroid_stage;
        cl[g] += *placed[i].centroid_level;
        ++cn[g];
      }
  // A group's mean hides with the group; when exactly one cohort hides, so does the next
  // smallest, or it could be got back from the pool.
  std::vector<std::vector<int>> sizes(1, cn);
  const auto hide = suppress(sizes, k, false);
  for (size_t g = 0; g < G; ++g) {
    const bool shown = !hide[0][g] && cn[g] >= k;
    s.centroid_stage.push_back(shown ? std::optional<double>(cs[g] / cn[g]) : std::nullopt);
    s.centroid_level.push_back(shown ? std::optional<double>(cl[g] / cn[g]) : std::nullopt);
  }
  return s;
}

std::string cohort_csv(const Questionnaire& q, const CohortSummary& s) {
  (void)q;
  std::string out = std::string(csv::kBom) + csv::row({"table", "category", "group", "value"});
  for (size_t g = 0; g < s.groups.size(); ++g)
    out += csv::row({"people", "", s.groups[g], s.people_hidden[g] ? "suppressed" : std::to_string(s.people[g])});
  auto table = [&](const AggregateTable& t, int decimals) {
    for (size_t r = 0; r < t.rows.size(); ++r)
      for (size_t g = 0; g < s.groups.size(); ++g)
        out += csv::row({t.id, t.rows[r], s.groups[g],
                         t.values[r][g] ? json::number(*t.values[r][g], decimals) : "suppressed"});
  };
  table(s.current, 0);
  table(s.profile, 2);
  for (const auto& c : s.checklists) table(c, 0);
  table(s.movement, 0);
  for (size_t g = 0; g < s.groups.size(); ++g) {
    out += csv::row({"centroid_stage", "", s.groups[g], s.centroid_stage[g] ? json::number(*s.centroid_stage[g], 3) : "suppressed"});
    out += csv::row({"centroid_level", "", s.groups[g], s.centroid_level[g] ? json::number(*s.centroid_level[g], 3) : "suppressed"});
  }
  for (const auto& r : s.reliability)
    out += csv::row({"alpha", r.id, "all", r.alpha ? json::number(*r.alpha, 3) : "n/a"});
  return out;
}

}  // namespace careermap
