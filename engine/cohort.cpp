#include "engine/cohort.hpp"
#include "engine/records.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <memory>
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

// A person's records as read_person reads them, before they are scored.
struct Read {
  std::optional<Answers> pre, post;
};

// Whether a submission at `meeting` counts, and on which side: 0 the first meeting (or none
// said), 1 the last, with the meeting it resolves to; none for a meeting between them or one
// the questionnaire does not know.
struct Side {
  int last = 0;
  std::string meeting;
};
std::optional<Side> side_of(const Questionnaire& q, const std::string& meeting) {
  auto resolved = resolve_meeting(q, meeting);
  if (!resolved) return std::nullopt;
  const int rank = meeting_rank(q, *resolved);
  const bool last = q.meetings.size() > 1 && rank == static_cast<int>(q.meetings.size()) - 1;
  if (rank > 0 && !last) return std::nullopt;
  return Side{last ? 1 : 0, std::move(*resolved)};
}

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
    auto side_at = side_of(q, sub->meeting);
    if (!side_at) continue;
    Diagnostics d;
    std::optional<Answers> stored = sub->answers_key == key ? decode_answers(sub->answers, sub->source) : std::nullopt;
    Answers a = stored ? std::move(*stored)
                       : parse_answers(q, sub->raw.empty() && raw_of ? raw_of(sub->id) : sub->raw, sub->source, d);
    if (d.has_errors()) continue;
    a.meeting = std::move(side_at->meeting);
    side[side_at->last].push_back(std::move(a));
    ids[side_at->last].push_back(sub->id);
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

// Calls `each` with the submissions of one person at a time, from `source` (a person's
// together, in order of cohort and participant; Error otherwise), only those of `q` and of
// the cohorts asked for.
void each_person(const Questionnaire& q, const CohortOptions& o, const SubmissionSource::Each& source,
                 const std::function<void(std::vector<Submission>&)>& each) {
  std::vector<Submission> person;
  source([&](Submission&& sub) {
    if (sub.questionnaire != q.id) return;
    if (!o.cohorts.empty() && std::find(o.cohorts.begin(), o.cohorts.end(), sub.cohort) == o.cohorts.end()) return;
    if (!person.empty()) {
      const auto key = std::tie(sub.cohort, sub.participant), was = std::tie(person.back().cohort, person.back().participant);
      if (key < was) throw Error(Location{}, "", tr("cohort: the submissions are not in order of cohort and participant"));
      if (key != was) {
        each(person);
        person.clear();
      }
    }
    person.push_back(std::move(sub));
  });
  if (!person.empty()) each(person);
}

using Sizes = std::map<std::string, int>;  // people per cohort

// The people of each cohort as read_person would count them if every stored answer read:
// those with a submission at the first or the last meeting (or none said).
Sizes count_people(const Questionnaire& q, const CohortOptions& o, const SubmissionSource::Each& briefs) {
  Sizes out;
  each_person(q, o, briefs, [&](std::vector<Submission>& subs) {
    for (const auto& sub : subs)
      if (side_of(q, sub.meeting)) {
        ++out[sub.cohort];
        return;
      }
  });
  return out;
}

// This report's groups as the people per cohort make them: pooled ranges, then cohorts of
// their own, then all; a group of fewer than min_group people counts only in the pool.
struct GroupPlan {
  std::vector<std::string> labels;               // the pool ("all") last
  std::vector<std::vector<std::string>> cohorts;  // per group
  std::vector<std::string> small;                 // groups counted only in the pool
  std::map<std::string, std::vector<int>> of;     // cohort -> the groups counting it
  bool operator==(const GroupPlan&) const = default;
};

GroupPlan plan_groups(const Sizes& sizes, const CohortOptions& o) {
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
  std::set<std::string> pooled;
  for (const auto& [lo, hi] : o.pools) {
    std::vector<std::string> in;
    for (const auto& [c, n] : sizes)
      if (c >= lo && c <= hi && !pooled.count(c)) in.push_back(c);
    if (in.empty()) continue;
    pooled.insert(in.begin(), in.end());
    candidates.push_back({lo + "-" + hi, in});
  }
  for (const auto& [c, n] : sizes)
    if (!pooled.count(c)) candidates.push_back({c, {c}});
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.second.front() < b.second.front(); });
  GroupPlan p;
  for (const auto& [label, cohorts] : candidates) {
    int n = 0;
    for (const auto& c : cohorts) n += sizes.at(c);
    if (n < o.min_group) {
      p.small.push_back(label);
      continue;
    }
    for (const auto& c : cohorts) p.of[c].push_back(static_cast<int>(p.labels.size()));
    p.labels.push_back(label);
    p.cohorts.push_back(cohorts);
  }
  p.labels.push_back("all");
  p.cohorts.emplace_back();
  for (const auto& [c, n] : sizes) {
    p.of[c].push_back(static_cast<int>(p.labels.size()) - 1);
    p.cohorts.back().push_back(c);
  }
  return p;
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

// summarize_cohorts, step by step: the groups (from the people per cohort, counted first),
// the measures, then every person read, scored with a thousand others and added into the
// values of their atom at once (so that memory does not grow with the people), the released
// groups' other versions, the cells, suppression, the read-back and the reliability.
class Summarizer {
 public:
  Summarizer(const Questionnaire& q, const CohortOptions& o, const Sizes& sizes)
      : q_(q), o_(o), k_(o.min_group), key_(answers_blob_key(q)), plan_(plan_groups(sizes, o)), pool_(q, q.keyed_items()) {
    for (const auto& item : q.items)
      if (item.report == ReportUse::checklist) options_ += item.options.size();
  }

  // The summary; none when the people read make other groups than the sizes given (a stored
  // answer that no longer reads, or an archive changed since they were counted): then
  // read() holds the sizes as read.
  std::optional<CohortSummary> run(const SubmissionSource::Each& source) {
    s_.min_group = k_;
    s_.groups = plan_.labels;
    s_.group_cohorts = plan_.cohorts;
    s_.small_groups = plan_.small;
    G_ = plan_.labels.size();
    R_ = o_.released.size();
    members_.resize(G_);
    other_version_.assign(G_, std::vector<int>(R_, 0));
    declare_measures();
    open_released();
    read_people(source);
    if (plan_groups(read_, o_) != plan_) return std::nullopt;
    add_released_only();
    group_atoms();
    add_cells();
    hide_differing_groups();
    s_.suppression = suppress(s_.cells, k_);
    read_back();
    add_reliability();
    return std::move(s_);
  }
  const Sizes& read() const { return read_; }

 private:
  using Person = std::pair<std::string, std::string>;  // cohort, participant

  // A version released groups counted that this report does not (add_released_only): its
  // submissions (other_ids_), the released groups that counted it (other_in_), and this
  // report's groups of the person when it counts them by other submissions.
  struct Other {
    size_t ids_at, ids_n, in_at, in_n;
    const std::vector<int>* mine;
  };

  // The submissions of `ids` (ascending) to `each`, from CohortOptions::history_of or, without
  // it, the history; `brief`: only what identifies them.
  void history(const std::vector<int64_t>& ids, bool brief, const std::function<void(Submission&&)>& each) {
    if (o_.history_of) return o_.history_of(ids, brief, each);
    if (history_.empty())
      for (const auto& sub : o_.history) history_[sub.id] = &sub;
    for (int64_t id : ids)
      if (const auto it = history_.find(id); it != history_.end()) each(Submission(*it->second));
  }

  // The released groups' members, person by person in the order this report reads its people
  // (from CohortOptions::released_members, or else found from the briefs of the submissions
  // the groups counted); `next_` is the next one.
  void open_released() {
    if (R_ == 0) return;
    released_ = o_.released_members ? o_.released_members() : released_from_history();
    pull();
  }
  // The next member; the walk in step with this report's people needs them in order (a
  // stream out of it would count released people wrongly, so it is refused as each_person
  // refuses submissions out of order).
  void pull() {
    ReleasedMember m;
    if (!released_(m)) return next_.reset();
    if (next_ && std::tie(m.cohort, m.participant, m.group, m.submission) <
                     std::tie(next_->cohort, next_->participant, next_->group, next_->submission))
      throw Error(Location{}, "", tr("cohort: the submissions are not in order of cohort and participant"));
    next_ = std::move(m);
  }
  ReleasedMembers released_from_history() {
    std::vector<int64_t> ids;
    for (const auto& r : o_.released) ids.insert(ids.end(), r.submissions.begin(), r.submissions.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<std::pair<int64_t, Person>> person;  // the released submissions of q_, by id -> whose they are
    history(ids, true, [&](Submission&& sub) {
      if (sub.questionnaire == q_.id) person.push_back({sub.id, Person{std::move(sub.cohort), std::move(sub.participant)}});
    });
    std::sort(person.begin(), person.end());
    auto all = std::make_shared<std::vector<ReleasedMember>>();
    for (size_t r = 0; r < R_; ++r)
      for (int64_t id : o_.released[r].submissions) {
        const auto it = std::lower_bound(person.begin(), person.end(), id,
                                         [](const std::pair<int64_t, Person>& p, int64_t x) { return p.first < x; });
        if (it != person.end() && it->first == id) all->push_back({it->second.first, it->second.second, r, id});
      }
    std::sort(all->begin(), all->end(), [](const ReleasedMember& a, const ReleasedMember& b) {
      return std::tie(a.cohort, a.participant, a.group, a.submission) <
             std::tie(b.cohort, b.participant, b.group, b.submission);
    });
    return [all, at = size_t(0)](ReleasedMember& m) mutable {
      if (at == all->size()) return false;
      m = std::move((*all)[at++]);
      return true;
    };
  }
  bool released_next_is(const std::string& cohort, const std::string& participant) const {
    return next_ && next_->cohort == cohort && next_->participant == participant;
  }
  // The next released person's members, taken: where a group counted the submissions `mine`
  // this report counts of them, its bit in `signature`; every other version is kept to be read
  // again (add_released_only), with `groups`, this report's groups of the person (none when
  // they are not in it).
  void take_released(const std::vector<int64_t>* mine, const std::vector<int>* groups, std::vector<bool>* signature) {
    const std::string cohort = next_->cohort, participant = next_->participant;
    std::vector<std::pair<size_t, std::vector<int64_t>>> counted;  // (released group, its submissions, ascending)
    for (; released_next_is(cohort, participant); pull()) {
      if (counted.empty() || counted.back().first != next_->group) counted.push_back({next_->group, {}});
      counted.back().second.push_back(next_->submission);
    }
    std::vector<std::pair<std::vector<int64_t>, std::vector<uint32_t>>> versions;  // the others: ids, groups
    for (auto& [g, ids] : counted) {
      if (mine && ids == *mine) {
        (*signature)[G_ + g] = true;
        continue;
      }
      const auto v = std::find_if(versions.begin(), versions.end(), [&](const auto& x) { return x.first == ids; });
      if (v != versions.end()) v->second.push_back(static_cast<uint32_t>(g));
      else versions.push_back({std::move(ids), {static_cast<uint32_t>(g)}});
    }
    for (const auto& [ids, in] : versions) {
      others_.push_back({other_ids_.size(), ids.size(), other_in_.size(), in.size(), mine ? groups : nullptr});
      other_ids_.insert(other_ids_.end(), ids.begin(), ids.end());
      other_in_.insert(other_in_.end(), in.begin(), in.end());
    }
  }
  // Every released person before (cohort, participant), as not in this report.
  void take_released_before(const std::string& cohort, const std::string& participant) {
    while (next_ && std::tie(next_->cohort, next_->participant) < std::tie(cohort, participant))
      take_released(nullptr, nullptr, nullptr);
  }

  // This report's people, one at a time, into the atoms of the groups planned.
  void read_people(const SubmissionSource::Each& source) {
    each_person(q_, o_, source, [&](std::vector<Submission>& person) {
      std::vector<const Submission*> subs;
      for (const auto& sub : person) subs.push_back(&sub);
      Read r;
      std::vector<int64_t> ids = read_person(q_, key_, subs, o_.raw_of, r);
      const std::string &cohort = person.front().cohort, &participant = person.front().participant;
      take_released_before(cohort, participant);
      if (ids.empty()) return;  // (their released versions, if any, are taken at the next as not in it)
      ++read_[cohort];
      std::vector<bool> signature(G_ + R_, false);
      const std::vector<int>* groups = nullptr;
      if (const auto of = plan_.of.find(cohort); of != plan_.of.end()) {
        groups = &of->second;
        for (int g : of->second) {  // (none for a cohort not counted: run() sees the plans differ)
          signature[g] = true;
          members_[g].insert(members_[g].end(), ids.begin(), ids.end());
        }
      }
      if (released_next_is(cohort, participant)) take_released(&ids, groups, &signature);
      wait(atom_of(signature), std::move(r), true);
    });
    while (next_) take_released(nullptr, nullptr, nullptr);
    released_ = nullptr;  // (its connection let go)
    finish_scoring();
  }

  // The atom of the people counted by the groups `signature` says (this report's, then the
  // released), new ones numbered as they first appear; one more person in it.
  int atom_of(const std::vector<bool>& signature) {
    CellTable& t = s_.cells;
    const auto [it, fresh] = atom_index_.try_emplace(signature, t.atoms());
    if (fresh) {
      t.atom_people.push_back(0);
      for (auto& v : t.value) v.push_back(0);
      signatures_.push_back(signature);
    }
    ++t.atom_people[it->second];
    return it->second;
  }

  // Who waits to be scored: the atom, which records were read (both: pre then post among the
  // answers waiting) and whether their keyed answers go into the pool's reliability.
  struct Waiting {
    int atom;
    bool pre, post, pool;
  };
  void wait(int atom, Read&& read, bool pool) {
    waiting_for_.push_back({atom, read.pre.has_value(), read.post.has_value(), pool});
    if (read.pre) waiting_.push_back(std::move(*read.pre));
    if (read.post) waiting_.push_back(std::move(*read.post));
    if (waiting_.size() >= 1024) score_waiting();
  }

  // What scoring a batch makes, per record in order (score_of, on a thread of its own).
  struct Scored {
    std::vector<Waiting> of;
    std::vector<Placement> placed;
    ItemResponses keyed;
    std::vector<bool> chosen;  // per record, per option of the `report: checklist` items
  };
  static Scored score_of(const Questionnaire& q, const std::vector<Answers>& answers, std::vector<Waiting> of) {
    Scored out;
    out.of = std::move(of);
    out.placed = score(q, answers, false, &out.keyed);
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

  // A scored batch into its people's atoms, in the order they were read: where each stands
  // (their first record, else their last), where they moved, their keyed answers.
  void apply(const Scored& s) {
    size_t row = 0;
    for (const Waiting& w : s.of) {
      add_standing(s, row, w.atom);
      if (w.pre && w.post) add_move(s.placed[row], s.placed[row + 1], w.atom);
      if (w.pool) pool_.add(s.keyed, row);
      row += static_cast<size_t>(w.pre) + static_cast<size_t>(w.post);
    }
  }

  // The people waiting are scored on another thread while the next are read (the batch before
  // them is taken in first); their answers are let go there.
  void score_waiting() {
    if (scoring_.valid()) apply(scoring_.get());
    if (waiting_.empty()) return;
    scoring_ = std::async(std::launch::async, [this, answers = std::move(waiting_), of = std::move(waiting_for_)]() mutable {
      return score_of(q_, answers, std::move(of));
    });
    waiting_.clear();
    waiting_for_.clear();
  }
  // Every person read is scored and in their atom.
  void finish_scoring() {
    score_waiting();
    if (scoring_.valid()) apply(scoring_.get());
  }

  // The versions released groups counted that are not this report's (older ones, or people
  // of cohorts left out), in the order the groups name them, each once; each is read again
  // and added into the atom of the released groups that counted it.
  void add_released_only() {
    std::stable_sort(others_.begin(), others_.end(),
                     [&](const Other& a, const Other& b) { return other_in_[a.in_at] < other_in_[b.in_at]; });
    for (size_t from = 0; from < others_.size(); from += 256) {  // read a few hundred at a time
      const size_t to = std::min(others_.size(), from + 256);
      std::vector<int64_t> ids;
      for (size_t i = from; i < to; ++i) ids.insert(ids.end(), ids_of(others_[i]).begin(), ids_of(others_[i]).end());
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      std::vector<Submission> subs;
      history(ids, false, [&](Submission&& sub) { subs.push_back(std::move(sub)); });
      std::map<int64_t, const Submission*> by_id;
      for (const auto& sub : subs) by_id[sub.id] = &sub;
      for (size_t i = from; i < to; ++i) add_released_only(others_[i], by_id);
    }
    finish_scoring();
  }

  // One version of the released groups, not this report's, read from `by_id` and added.
  // One that no longer reads as it did (the questionnaire changed under the same id) would
  // leave the released figures unknown, and with them what this report may show beside
  // them: no report then.
  void add_released_only(const Other& other, const std::map<int64_t, const Submission*>& by_id) {
    const std::span<const int64_t> want = ids_of(other);
    const std::span<const uint32_t> in(other_in_.data() + other.in_at, other.in_n);
    std::vector<const Submission*> subs;
    for (int64_t id : want)
      if (const auto it = by_id.find(id); it != by_id.end()) subs.push_back(it->second);
    Read read;
    if (subs.size() != want.size() || !std::ranges::equal(read_person(q_, key_, subs, o_.raw_of, read), want))
      throw Error(Location{}, "",
                  trf("cohort: release {release} counted submissions that no longer read against {questionnaire} "
                      "(it has changed since): this report cannot be checked against what that release showed, "
                      "so none is made; give the changed questionnaire an id of its own",
                      {{"release", std::to_string(o_.released[in.front()].release)}, {"questionnaire", q_.id}}));
    std::vector<bool> signature(G_ + R_, false);
    for (uint32_t r : in) {
      signature[G_ + r] = true;
      if (other.mine)  // in this report by other submissions
        for (int g : *other.mine) ++other_version_[g][r];
    }
    wait(atom_of(signature), std::move(read), false);
  }
  std::span<const int64_t> ids_of(const Other& o) const { return {other_ids_.data() + o.ids_at, o.ids_n}; }

  // Every group as the atoms it is the union of.
  void group_atoms() {
    CellTable& t = s_.cells;
    for (size_t g = 0; g < G_ + R_; ++g) {
      std::vector<int> atoms;
      for (size_t a = 0; a < signatures_.size(); ++a)
        if (signatures_[a][g]) atoms.push_back(static_cast<int>(a));
      const bool released = g >= G_;
      t.groups.push_back({released ? o_.released[g - G_].label : s_.groups[g], std::move(atoms),
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


  // Where one person stands (record `row` of a scored batch), added into atom `a`.
  void add_standing(const Scored& s, size_t row, int a) {
    auto add = [&](int m, double x) { s_.cells.value[m][a] += x; };
    const Placement& p = s.placed[row];
    add(m_.people, 1);
    add(p.current ? m_.cur[*p.current] : m_.cur_none, 1);
    for (size_t sc = 0; sc < p.scenes.size(); ++sc)
      if (const auto x = p.scenes[sc].score) {
        add(m_.prof_n[sc], 1);
        add(m_.prof[sc], *x);
      }
    size_t at = row * options_;  // the checklists' options, one after another, as score_of put them
    for (const auto& c : m_.checklists) {
      bool any = false;
      for (size_t r = 0; r < c.options.size(); ++r, ++at)
        if (s.chosen[at]) {
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
  void add_move(const Placement& a, const Placement& b, int at) {
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

  // A group a few people away from a released one is hidden whole. The people differing: in
  // either but not counted by the same submissions in both (those are the people of the atoms
  // both groups are unions of); a person in both by other submissions is one.
  void hide_differing_groups() {
    const CellTable& t = s_.cells;
    for (size_t g = 0; g < G_; ++g) {
      bool differs = false;
      for (size_t r = 0; r < R_; ++r) {
        int same = 0;
        for (size_t a = 0; a < signatures_.size(); ++a)
          if (signatures_[a][g] && signatures_[a][G_ + r]) same += t.atom_people[a];
        const int d = t.people_in(static_cast<int>(g)) + t.people_in(static_cast<int>(G_ + r)) - 2 * same -
                      other_version_[g][r];
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
      std::sort(members_[g].begin(), members_[g].end());
      s_.members.push_back(std::move(members_[g]));
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
    s_.reliability = pool_.scales();
  }

  const Questionnaire& q_;
  const CohortOptions& o_;
  const int k_;
  const std::string key_;  // answers_blob_key(q_): stored answers checked by these rules are read as they are
  const GroupPlan plan_;   // this report's groups, from the sizes given
  CohortSummary s_;
  size_t G_ = 0, R_ = 0;   // this report's groups (the pool last), the released groups
  Sizes read_;             // this report's people per cohort, as read
  std::vector<std::vector<int64_t>> members_;  // per group: the submissions it counts
  std::map<int64_t, const Submission*> history_;  // o_.history by id, when it serves
  ReleasedMembers released_;               // the released groups' members, while read
  std::optional<ReleasedMember> next_;     // the next of them
  std::vector<Other> others_;
  std::vector<int64_t> other_ids_;
  std::vector<uint32_t> other_in_;
  std::vector<std::vector<int>> other_version_;  // [group][released]: people in both by other submissions
  std::map<std::vector<bool>, int> atom_index_;   // the groups counting an atom's people -> the atom
  std::vector<std::vector<bool>> signatures_;     // per atom: the groups counting its people
  Measures m_;
  ScaleSums pool_;                // this report's people's keyed answers, for the reliability
  size_t options_ = 0;            // the options of the `report: checklist` items
  std::vector<Answers> waiting_;  // read, to be scored (score_waiting)
  std::vector<Waiting> waiting_for_;
  std::future<Scored> scoring_;   // the batch being scored
  std::map<std::pair<int, int>, int> cell_of_;  // (measure, group) -> cell
};

}  // namespace

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& submissions,
                                const CohortOptions& o) {
  std::vector<const Submission*> order;
  for (const auto& sub : submissions) order.push_back(&sub);
  std::stable_sort(order.begin(), order.end(), [](const Submission* a, const Submission* b) {
    return std::tie(a->cohort, a->participant) < std::tie(b->cohort, b->participant);
  });
  SubmissionSource source;
  source.each = [&](const std::function<void(Submission&&)>& each) {
    for (const Submission* sub : order) each(Submission(*sub));
  };
  source.briefs = [&](const std::function<void(Submission&&)>& each) {
    for (const Submission* sub : order) {
      Submission brief;
      brief.id = sub->id;
      brief.cohort = sub->cohort;
      brief.meeting = sub->meeting;
      brief.participant = sub->participant;
      brief.questionnaire = sub->questionnaire;
      each(std::move(brief));
    }
  };
  return summarize_cohorts(q, source, o);
}

CohortSummary summarize_cohorts(const Questionnaire& q, const SubmissionSource& source, const CohortOptions& o) {
  if (o.min_group < kMinGroupFloor)
    throw Error(Location{}, "",
                trf("cohort: min-group {min_group} is below the floor of {min_group_floor}: "
                    "figures about so few people are never published",
                    {{"min_group", std::to_string(o.min_group)},
                     {"min_group_floor", std::to_string(kMinGroupFloor)}}));
  // The groups are planned from the people counted first; when reading them makes others (a
  // stored answer no longer reads, or the archive changed in between), again with the
  // people as read.
  Sizes sizes = count_people(q, o, source.briefs ? source.briefs : source.each);
  for (int round = 0; round < 3; ++round) {
    Summarizer summarizer(q, o, sizes);
    if (std::optional<CohortSummary> s = summarizer.run(source.each)) return std::move(*s);
    sizes = summarizer.read();
  }
  throw Error(Location{}, "", tr("cohort: the archive changed while the report was being made; make it again"));
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
