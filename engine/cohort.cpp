#include "engine/cohort.hpp"
#include "engine/records.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "engine/answers_blob.hpp"
#include "engine/csv.hpp"
#include "engine/json.hpp"
#include "engine/responses.hpp"
#include "engine/scoring.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

// Where one person stands by one record: of their placement and answers, only what the
// report counts (so that a report over many people holds a few hundred bytes a person, not
// their answers). The per-scene scores, the checklist choices and the pool's keyed answers
// lie in the Summarizer's flat arrays (a person's allocations interleaved with the answers
// read and let go made the heap slower the more people it held), from `at`.
struct Stand {
  std::optional<int> current;  // Placement::current
  std::optional<double> centroid_stage, centroid_level;
  size_t at = 0;               // this Stand's place: scores at at × scenes, choices at at × options
  long keyed = -1;             // its keyed answers at keyed × items, when it is in the pool
};

// One person as a group counted them: where they stood and moved to, and the submissions behind them.
struct Version {
  std::string cohort, participant;
  std::vector<int64_t> ids;  // sorted
  std::optional<Stand> pre, post;
  bool current = false;
};

// A person's records as read_person reads them, before they are scored.
struct Read {
  std::optional<Answers> pre, post;
};

// Every version any group counts, each once. This report's people are each one version by
// construction (one per cohort and participant), added with add_new; the index that finds a
// version again is made only when the released groups' are added.
class Versions {
 public:
  int add_new(const std::string& cohort, const std::string& participant, std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    list.push_back({cohort, participant, std::move(ids), {}, {}, false});
    return static_cast<int>(list.size()) - 1;
  }
  int add(const std::string& cohort, const std::string& participant, std::vector<int64_t> ids) {
    for (; indexed_ < list.size(); ++indexed_)
      index_[std::make_tuple(list[indexed_].cohort, list[indexed_].participant, list[indexed_].ids)] =
          static_cast<int>(indexed_);
    std::sort(ids.begin(), ids.end());
    auto key = std::make_tuple(cohort, participant, ids);
    if (const auto it = index_.find(key); it != index_.end()) return it->second;
    list.push_back({cohort, participant, std::move(ids), {}, {}, false});
    ++indexed_;
    return index_[std::move(key)] = static_cast<int>(list.size()) - 1;
  }
  std::vector<Version> list;

 private:
  std::map<std::tuple<std::string, std::string, std::vector<int64_t>>, int> index_;
  size_t indexed_ = 0;  // the versions in index_: the first indexed_
};

// Where a person stood and where they moved to, from their submissions (`subs`): the record
// (records.hpp meeting_records) as of the first meeting, from the parts sent then or with no
// meeting said, and that of the last meeting, from the parts sent at it; a meeting between
// them is not counted, and a part sent on its own (a worksheet) adds to the questionnaire
// sent at the same meeting instead of replacing it. Returns the ids of the submissions the
// records take parts from, ascending.
// `key`: answers_blob_key(q); a submission with validated answers for it is not parsed again.
// `raw_of`: a submission's raw bytes when they were left out of it (CohortOptions::raw_of).
std::vector<int64_t> read_person(const Questionnaire& q, const std::string& key, std::vector<const Submission*> subs,
                                 const std::function<std::string(int64_t)>& raw_of, Read& v) {
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
    std::optional<Answers> stored = sub->answers_key == key ? decode_answers(sub->answers, sub->source) : std::nullopt;
    Answers a = stored ? std::move(*stored)
                       : parse_answers(q, sub->raw.empty() && raw_of ? raw_of(sub->id) : sub->raw, sub->source, d);
    if (d.has_errors()) continue;
    a.meeting = *meeting;
    side[last].push_back(std::move(a));
    ids[last].push_back(sub->id);
  }
  std::vector<int64_t> counted;
  for (int s = 0; s < 2; ++s) {
    if (side[s].empty()) continue;
    MeetingRecord rec = std::move(meeting_records(q, std::move(side[s])).back());
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

// The measures of one report, declared once in the cell table (their indices into it).
struct Checklist {
  const Item* item;
  std::vector<int> options;
  int none = -1;  // a choice item's people who chose no option
};

struct Measures {
  int people = -1, cur_none = -1, movers = -1, cent_n = -1, cent_s = -1, cent_l = -1;
  std::vector<int> cur, prof_n, prof, kinds;
  std::vector<Checklist> checklists;
  std::vector<std::vector<int>> flow;  // [from scene][to scene]
};

// summarize_cohorts, step by step: people, groups, atoms, measures, values, cells, read-back.
class Summarizer {
 public:
  Summarizer(const Questionnaire& q, const CohortOptions& o)
      : q_(q), o_(o), k_(o.min_group), key_(answers_blob_key(q)) {
    for (const auto& item : q.items)
      if (item.report == ReportUse::checklist) options_ += item.options.size();
  }

  CohortSummary run(const SubmissionSource& source) {
    s_.min_group = k_;
    read_people(source);
    form_groups();
    add_released_groups();
    form_atoms();
    declare_measures();
    add_true_values();
    add_cells();
    hide_differing_groups();
    s_.suppression = suppress(s_.cells, k_);
    read_back();
    add_reliability();
    return std::move(s_);
  }

 private:
  // This report's people, by cohort and participant; only submissions of this questionnaire.
  // `source` gives them a person's together, in order of cohort and participant.
  void read_people(const SubmissionSource& source) {
    std::vector<Submission> person;  // one person's submissions
    const auto read = [&] {
      if (person.empty()) return;
      std::vector<const Submission*> subs;
      for (const auto& sub : person) subs.push_back(&sub);
      Read r;
      const std::vector<int64_t> ids = read_person(q_, key_, subs, o_.raw_of, r);
      if (!ids.empty()) {
        const int v = versions_.add_new(person.front().cohort, person.front().participant, ids);
        versions_.list[v].current = true;
        stand_of(v, std::move(r), true);
        mine_.push_back(v);
      }
      person.clear();
    };
    source([&](Submission&& sub) {
      if (sub.questionnaire != q_.id) return;
      if (!o_.cohorts.empty() && std::find(o_.cohorts.begin(), o_.cohorts.end(), sub.cohort) == o_.cohorts.end())
        return;
      if (!person.empty()) {
        const auto key = std::tie(sub.cohort, sub.participant), was = std::tie(person.back().cohort, person.back().participant);
        if (key < was) throw Error(Location{}, "", tr("cohort: the submissions are not in order of cohort and participant"));
        if (key != was) read();
      }
      person.push_back(std::move(sub));
    });
    read();
    finish_scoring();
  }

  // The person of version `v` will stand by `read`: scored with others (score_waiting) into
  // v's Stands. `pool`: their keyed answers are kept for the reliability.
  void stand_of(int v, Read&& read, bool pool) {
    Version& version = versions_.list[v];
    const bool both = read.pre && read.post;
    for (int side = 0; side < 2; ++side) {
      std::optional<Answers>& a = side ? read.post : read.pre;
      if (!a) continue;
      (side ? version.post : version.pre).emplace();
      waiting_.push_back(std::move(*a));
      waiting_for_.push_back({v, side, pool && (side == 0 || !both)});
    }
    if (waiting_.size() >= 1024) score_waiting();
  }

  struct Waiting {
    int version, side;  // side 0: the first meeting, 1: the last
    bool pool;
  };
  // What scoring a batch makes, per person in order (score_of, on a thread of its own).
  struct Scored {
    std::vector<int> version, side;
    std::vector<bool> pool;
    std::vector<Placement> placed;
    ItemResponses keyed;
    std::vector<bool> chosen;  // per person, per option of the `report: checklist` items
  };
  static Scored score_of(const Questionnaire& q, const std::vector<Answers>& answers, const std::vector<Waiting>& of) {
    Scored out;
    for (const auto& w : of) {
      out.version.push_back(w.version);
      out.side.push_back(w.side);
      out.pool.push_back(w.pool);
    }
    out.placed = score(q, answers, false);
    out.keyed = collect_responses(q, answers);
    for (const auto& a : answers)
      for (const auto& item : q.items) {
        if (item.report != ReportUse::checklist) continue;
        const Answer* ans = a.find(item.id);
        const std::vector<std::string> chosen = ans ? chosen_options(item, *ans) : std::vector<std::string>();
        for (const auto& opt : item.options)
          out.chosen.push_back(std::find(chosen.begin(), chosen.end(), opt.value) != chosen.end());
      }
    return out;
  }

  // A scored batch into its people's Stands, in the order batches were read.
  void apply(const Scored& s) {
    for (size_t i = 0; i < s.placed.size(); ++i) {
      Stand& st = *(s.side[i] ? versions_.list[s.version[i]].post : versions_.list[s.version[i]].pre);
      const Placement& p = s.placed[i];
      st.current = p.current;
      st.at = stands_++;
      for (const auto& sc : p.scenes) scores_.push_back(sc.score);
      st.centroid_stage = p.centroid_stage;
      st.centroid_level = p.centroid_level;
      chosen_.insert(chosen_.end(), s.chosen.begin() + static_cast<long>(i * options_),
                     s.chosen.begin() + static_cast<long>((i + 1) * options_));
      if (s.pool[i]) {
        st.keyed = static_cast<long>(keyed_.size() / std::max<size_t>(1, s.keyed.items.size()));
        for (size_t c = 0; c < s.keyed.items.size(); ++c) keyed_.push_back(s.keyed.at(i, c));
      }
    }
  }

  // The people waiting are scored on another thread while the next are read (the one before
  // them is taken in first); their answers are let go there.
  void score_waiting() {
    if (scoring_.valid()) apply(scoring_.get());
    if (waiting_.empty()) return;
    scoring_ = std::async(std::launch::async, [this, answers = std::move(waiting_), of = std::move(waiting_for_)] {
      return score_of(q_, answers, of);
    });
    waiting_.clear();
    waiting_for_.clear();
  }
  // Every person read is scored and in their Stand.
  void finish_scoring() {
    score_waiting();
    if (scoring_.valid()) apply(scoring_.get());
  }

  // This report's groups: pooled ranges, then cohorts of their own, then all; a group of
  // fewer than min_group people counts only in the pool.
  void form_groups() {
    std::set<std::string> cohort_set;
    for (int v : mine_) cohort_set.insert(versions_.list[v].cohort);
    std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
    std::set<std::string> pooled;
    for (const auto& [lo, hi] : o_.pools) {
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
    for (const auto& [label, cohorts] : candidates) {
      std::vector<int> in;
      for (int v : mine_)
        if (std::find(cohorts.begin(), cohorts.end(), versions_.list[v].cohort) != cohorts.end()) in.push_back(v);
      if (static_cast<int>(in.size()) < k_) {
        s_.small_groups.push_back(label);
        continue;
      }
      s_.groups.push_back(label);
      s_.group_cohorts.push_back(cohorts);
      group_versions_.push_back(in);
    }
    s_.groups.push_back("all");
    s_.group_cohorts.emplace_back(cohort_set.begin(), cohort_set.end());
    group_versions_.push_back(mine_);
    G_ = s_.groups.size();
  }

  // Released groups: their versions, from the history.
  void add_released_groups() {
    std::map<int64_t, const Submission*> history;
    for (const auto& sub : o_.history) history[sub.id] = &sub;
    for (const auto& r : o_.released) {
      std::map<std::pair<std::string, std::string>, std::vector<const Submission*>> people;
      for (int64_t id : r.submissions)
        if (const auto it = history.find(id); it != history.end() && it->second->questionnaire == q_.id)
          people[{it->second->cohort, it->second->participant}].push_back(it->second);
      std::vector<int> in;
      for (const auto& [who, subs] : people) {
        std::vector<int64_t> ids;
        for (const Submission* sub : subs) ids.push_back(sub->id);
        const int v = versions_.add(who.first, who.second, ids);
        const Version& version = versions_.list[v];
        if (!version.current && !version.pre && !version.post) {
          Read read;
          read_person(q_, key_, subs, o_.raw_of, read);
          stand_of(v, std::move(read), false);
        }
        if (version.pre || version.post) in.push_back(v);
      }
      group_versions_.push_back(in);
    }
    finish_scoring();
  }

  // Atoms: versions with the same groups.
  void form_atoms() {
    CellTable& t = s_.cells;
    const auto& vs = versions_.list;
    std::vector<std::vector<bool>> signature(vs.size(), std::vector<bool>(group_versions_.size(), false));
    for (size_t g = 0; g < group_versions_.size(); ++g)
      for (int v : group_versions_[g]) signature[v][g] = true;
    std::map<std::vector<bool>, int> atom_of_signature;
    atom_.resize(vs.size());
    for (size_t v = 0; v < vs.size(); ++v) {
      const auto [it, fresh] = atom_of_signature.try_emplace(signature[v], t.atoms());
      if (fresh) t.atom_people.push_back(0);
      atom_[v] = it->second;
      ++t.atom_people[atom_[v]];
    }
    for (size_t g = 0; g < group_versions_.size(); ++g) {
      std::set<int> atoms;
      for (int v : group_versions_[g]) atoms.insert(atom_[v]);
      const bool released = g >= G_;
      t.groups.push_back({released ? o_.released[g - G_].label : s_.groups[g], {atoms.begin(), atoms.end()},
                          released ? std::max(1, static_cast<int>(o_.released[g - G_].release)) : 0});
    }
  }

  // Measures and their relations, which hold for every atom.
  void declare_measures() {
    CellTable& t = s_.cells;
    m_.people = t.add_measure({"people", "", false, -1, 0, 0, 0, false});
    for (const auto& sc : q_.model.scenes) m_.cur.push_back(t.add_measure({"current", sc.id}));
    m_.cur_none = t.add_measure({"current", "(none)", false, -1, 0, 0, 0, true});
    std::vector<std::pair<int, double>> terms;
    for (int m : m_.cur) terms.push_back({m, 1});
    terms.push_back({m_.cur_none, 1});
    terms.push_back({m_.people, -1});
    t.relate(terms, true);
    for (const auto& sc : q_.model.scenes) {
      m_.prof_n.push_back(t.add_measure({"profile_people", sc.id}));
      m_.prof.push_back(t.add_measure({"profile", sc.id, true, m_.prof_n.back(), 0, 100, 2}));
      t.relate({{m_.prof_n.back(), 1}, {m_.people, -1}}, false);
    }
    for (const auto& item : q_.items)
      if (item.report == ReportUse::checklist) declare_checklist(item);
    declare_movement();
    m_.cent_n = t.add_measure({"centroid_people", ""});
    m_.cent_s = t.add_measure({"centroid_stage", "", true, m_.cent_n, 1, double(q_.model.stages.size()), 3});
    m_.cent_l = t.add_measure({"centroid_level", "", true, m_.cent_n, 1, double(q_.model.levels.size()), 3});
    t.relate({{m_.cent_n, 1}, {m_.people, -1}}, false);
  }

  // A `report: checklist` item: one count per option; a choice item's counts and its people
  // who chose none add up to the people.
  void declare_checklist(const Item& item) {
    CellTable& t = s_.cells;
    Checklist c{&item, {}, -1};
    std::vector<std::pair<int, double>> terms;
    for (const auto& opt : item.options) {
      c.options.push_back(t.add_measure({"checklist:" + item.id, opt.value}));
      if (item.type == ItemType::choice) terms.push_back({c.options.back(), 1});
      else t.relate({{c.options.back(), 1}, {m_.people, -1}}, false);
    }
    if (item.type == ItemType::choice) {
      c.none = t.add_measure({"checklist:" + item.id, "(none)", false, -1, 0, 0, 0, true});
      terms.push_back({c.none, 1});
      terms.push_back({m_.people, -1});
      t.relate(terms, true);
    }
    m_.checklists.push_back(std::move(c));
  }

  // Movement: the kinds add up to the movers, and the flows scene x scene to both the kinds
  // and where people stood.
  void declare_movement() {
    CellTable& t = s_.cells;
    const int S = q_.model.scene_count();
    for (const auto& kind : kKinds) m_.kinds.push_back(t.add_measure({"movement", kind}));
    m_.movers = t.add_measure({"movement", "(people)", false, -1, 0, 0, 0, true});
    std::vector<std::pair<int, double>> terms;
    for (int m : m_.kinds) terms.push_back({m, 1});
    terms.push_back({m_.movers, -1});
    t.relate(terms, true);
    t.relate({{m_.movers, 1}, {m_.people, -1}}, false);
    m_.flow.assign(S, std::vector<int>(S));
    std::vector<std::vector<std::pair<int, double>>> of_kind(kKinds.size());
    for (int a = 0; a < S; ++a) {
      terms.clear();
      for (int b = 0; b < S; ++b) {
        m_.flow[a][b] = t.add_measure({"flow", q_.model.scenes[a].id + ">" + q_.model.scenes[b].id});
        of_kind[movement_kind(q_.model.scenes[a], q_.model.scenes[b], a == b)].push_back({m_.flow[a][b], 1});
        terms.push_back({m_.flow[a][b], 1});
      }
      terms.push_back({m_.cur[a], -1});  // who moved from a stood in a
      t.relate(terms, false);
    }
    for (size_t kd = 0; kd < kKinds.size(); ++kd) {
      auto r = of_kind[kd];
      r.push_back({m_.kinds[kd], -1});
      t.relate(r, true);
    }
  }

  // The true values: everyone (scored as they were read) added into their atom.
  void add_true_values() {
    const auto& vs = versions_.list;
    for (size_t v = 0; v < vs.size(); ++v) {
      const Stand& stand = vs[v].pre ? *vs[v].pre : *vs[v].post;
      add_standing(stand, atom_[v]);
      if (vs[v].pre && vs[v].post) add_move(*vs[v].pre, *vs[v].post, atom_[v]);
    }
  }

  // Where one person stands, added into atom `a`.
  void add_standing(const Stand& p, int a) {
    auto add = [&](int m, double x) { s_.cells.value[m][a] += x; };
    add(m_.people, 1);
    add(p.current ? m_.cur[*p.current] : m_.cur_none, 1);
    const int S = q_.model.scene_count();
    for (int sc = 0; sc < S; ++sc)
      if (const auto x = scores_[p.at * S + sc]) {
        add(m_.prof_n[sc], 1);
        add(m_.prof[sc], *x);
      }
    size_t at = p.at * options_;  // the checklists' options, one after another, as score_waiting put them
    for (const auto& c : m_.checklists) {
      bool any = false;
      for (size_t r = 0; r < c.options.size(); ++r, ++at)
        if (chosen_[at]) {
          add(c.options[r], 1);
          any = true;
        }
      if (c.none >= 0 && !any) add(c.none, 1);
    }
    if (p.centroid_stage) {
      add(m_.cent_n, 1);
      add(m_.cent_s, *p.centroid_stage);
      add(m_.cent_l, *p.centroid_level);
    }
  }

  // One person's move from `a` (first meeting) to `b` (last), added into atom `at`.
  void add_move(const Stand& a, const Stand& b, int at) {
    if (!a.current || !b.current) return;
    auto& value = s_.cells.value;
    const size_t kind = movement_kind(q_.model.scenes[*a.current], q_.model.scenes[*b.current], *a.current == *b.current);
    value[m_.kinds[kind]][at] += 1;
    value[m_.movers][at] += 1;
    value[m_.flow[*a.current][*b.current]][at] += 1;
  }

  // The cells: this report's figures, then the released ones. A released group's figures:
  // those it showed are known; those it hid stay protected.
  void add_cells() {
    CellTable& t = s_.cells;
    for (size_t g = 0; g < G_; ++g)
      for (size_t m = 0; m < t.measures.size(); ++m) {
        if (t.measures[m].table == "flow" && g + 1 != G_) continue;
        t.add_cell(static_cast<int>(m), static_cast<int>(g));
      }
    for (size_t r = 0; r < o_.released.size(); ++r) {
      const std::set<std::pair<std::string, std::string>> shown(o_.released[r].shown.begin(), o_.released[r].shown.end());
      for (size_t m = 0; m < t.measures.size(); ++m) {
        const Measure& me = t.measures[m];
        if (me.table == "flow" && o_.released[r].label != "all") continue;
        const int c = t.add_cell(static_cast<int>(m), static_cast<int>(G_ + r));
        if (!shown.count({me.table, me.row})) t.cells[c].state = CellState::secondary;
      }
    }
  }

  // A group a few people away from a released one is hidden whole.
  void hide_differing_groups() {
    for (size_t g = 0; g < G_; ++g) {
      bool differs = false;
      for (size_t r = 0; r < o_.released.size(); ++r) {
        const int d = people_differing(group_versions_[g], group_versions_[G_ + r], versions_.list);
        differs = differs || (d >= 1 && d < k_);
      }
      if (!differs) continue;
      s_.differing.push_back(s_.groups[g]);
      for (auto& c : s_.cells.cells)
        if (c.group == static_cast<int>(g)) c.state = CellState::difference;
    }
  }

  std::optional<double> shown(int m, size_t g) const {
    const int c = cell_of_.at({m, static_cast<int>(g)});
    return s_.cells.shown(c) ? std::optional<double>(s_.cells.published(c)) : std::nullopt;
  }

  AggregateTable table(std::string id, const std::vector<int>& ms) const {
    AggregateTable a{std::move(id), {}, {}, {}};
    for (int m : ms) {
      a.rows.push_back(s_.cells.measures[m].row);
      a.cell.emplace_back();
      a.values.emplace_back();
      for (size_t g = 0; g < G_; ++g) {
        a.cell.back().push_back(cell_of_.at({m, static_cast<int>(g)}));
        a.values.back().push_back(shown(m, g));
      }
    }
    return a;
  }

  // What shows, read back from the cells.
  void read_back() {
    const CellTable& t = s_.cells;
    for (size_t c = 0; c < t.cells.size(); ++c) cell_of_[{t.cells[c].measure, t.cells[c].group}] = static_cast<int>(c);
    s_.current = table("current", m_.cur);
    s_.profile = table("profile", m_.prof);
    s_.profile_people = table("profile_people", m_.prof_n);
    for (const auto& c : m_.checklists) s_.checklists.push_back(table("checklist:" + c.item->id, c.options));
    s_.movement = table("movement", m_.kinds);
    for (size_t g = 0; g < G_; ++g) {
      s_.people.push_back(static_cast<int>(t.true_value(cell_of_.at({m_.people, static_cast<int>(g)}))));
      s_.people_hidden.push_back(!shown(m_.people, g));
      s_.centroid_stage.push_back(shown(m_.cent_s, g));
      s_.centroid_level.push_back(shown(m_.cent_l, g));
      std::vector<int64_t> ids;
      for (int v : group_versions_[g]) ids.insert(ids.end(), versions_.list[v].ids.begin(), versions_.list[v].ids.end());
      std::sort(ids.begin(), ids.end());
      s_.members.push_back(std::move(ids));
    }
    const int S = q_.model.scene_count();
    s_.flows.assign(S, std::vector<std::optional<int>>(S));
    for (int a = 0; a < S; ++a)
      for (int b = 0; b < S; ++b)
        if (const auto v = shown(m_.flow[a][b], G_ - 1)) s_.flows[a][b] = static_cast<int>(*v);
  }

  // Reliability over the pool, when the pool's size shows and it is not a few people away
  // from a released pool.
  void add_reliability() {
    if (s_.people_hidden[G_ - 1] || std::find(s_.differing.begin(), s_.differing.end(), "all") != s_.differing.end())
      return;
    // This report's people are the first versions (read_people adds each once, before any
    // released group adds more), each with the keyed answers of where they stand.
    ItemResponses pool(q_.keyed_items(), mine_.size());
    for (size_t v = 0; v < mine_.size(); ++v) {
      const Version& version = versions_.list[v];
      const Stand& stand = version.pre ? *version.pre : *version.post;
      for (size_t c = 0; c < pool.items.size(); ++c)
        pool.at(v, c) = keyed_[static_cast<size_t>(stand.keyed) * pool.items.size() + c];
    }
    s_.reliability = analyze_items(q_, pool).scales;
  }

  const Questionnaire& q_;
  const CohortOptions& o_;
  const int k_;
  const std::string key_;  // answers_blob_key(q_): stored answers checked by these rules are read as they are
  CohortSummary s_;
  Versions versions_;
  std::vector<int> mine_;                         // this report's people (versions)
  std::vector<std::vector<int>> group_versions_;  // per group, this report's then the released
  size_t G_ = 0;                                  // this report's groups, the pool last
  std::vector<int> atom_;                         // per version
  Measures m_;
  std::vector<Answers> waiting_;  // read, to be scored (score_waiting)
  std::future<Scored> scoring_;   // the batch being scored
  size_t stands_ = 0;                          // Stands scored
  size_t options_ = 0;                         // the options of the `report: checklist` items
  std::vector<std::optional<double>> scores_;  // per Stand, per scene
  std::vector<bool> chosen_;                   // per Stand, per checklist option
  std::vector<float> keyed_;                   // per Stand in the pool, per keyed item
  std::vector<Waiting> waiting_for_;
  std::map<std::pair<int, int>, int> cell_of_;    // (measure, group) -> cell
};

}  // namespace

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& submissions,
                                const CohortOptions& o) {
  std::vector<const Submission*> order;
  for (const auto& sub : submissions) order.push_back(&sub);
  std::stable_sort(order.begin(), order.end(), [](const Submission* a, const Submission* b) {
    return std::tie(a->cohort, a->participant) < std::tie(b->cohort, b->participant);
  });
  return summarize_cohorts(
      q,
      [&](const std::function<void(Submission&&)>& each) {
        for (const Submission* sub : order) each(Submission(*sub));
      },
      o);
}

CohortSummary summarize_cohorts(const Questionnaire& q, const SubmissionSource& source, const CohortOptions& o) {
  if (o.min_group < kMinGroupFloor)
    throw Error(Location{}, "",
                trf("cohort: min-group {min_group} is below the floor of {min_group_floor}: "
                    "figures about so few people are never published",
                    {{"min_group", std::to_string(o.min_group)},
                     {"min_group_floor", std::to_string(kMinGroupFloor)}}));
  return Summarizer(q, o).run(source);
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
