#include "engine/records.hpp"
#include "engine/messages.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

namespace careermap {

std::vector<int> parts_present(const Questionnaire& q, const Answers& a) {
  // Item by item, looking the answer up only for a part not yet seen (find_item for every
  // answer would compare each with every item: it was a tenth of an import's storing thread).
  std::vector<bool> in(q.parts.size(), false);
  for (const Item& item : q.items)
    if (!in[item.part] && a.values.count(item.id)) in[item.part] = true;
  std::vector<int> out;
  for (size_t p = 0; p < in.size(); ++p)
    if (in[p]) out.push_back(static_cast<int>(p));
  return out;
}

std::vector<std::string> part_ids_present(const Questionnaire& q, const Answers& a) {
  std::vector<std::string> out;
  for (int p : parts_present(q, a)) out.push_back(q.parts[p].id);
  return out;
}

Answers answers_of_parts(const Questionnaire& q, const Answers& a, const std::vector<std::string>& part_ids) {
  std::vector<bool> keep(q.parts.size(), false);
  for (const auto& id : part_ids) {
    auto p = q.find_part(id);
    if (!p)
      throw Error({q.file, 0, 0}, "parts",
                  trf("the questionnaire '{id}' has no part '{id_a}'",
                      {{"id", std::string(q.id)}, {"id_a", std::string(id)}}));
    keep[*p] = true;
  }
  Answers out = a;
  out.values.clear();
  for (const auto& [id, answer] : a.values)
    if (auto i = q.find_item(id); i && keep[q.items[*i].part]) out.values.emplace(id, answer);
  return out;
}

std::optional<std::string> resolve_meeting(const Questionnaire& q, const std::string& given) {
  if (given.empty()) return given;
  if (q.find_meeting(given)) return given;
  if (q.meetings_declared && !q.meetings.empty()) {
    if (given == kPreMeeting) return q.meetings.front().id;
    if (given == kPostMeeting) return q.meetings.back().id;
  }
  return std::nullopt;
}

int meeting_rank(const Questionnaire& q, const std::string& meeting) {
  for (size_t m = 0; m < q.meetings.size(); ++m)
    if (q.meetings[m].id == meeting) return static_cast<int>(m);
  return -1;
}

std::vector<MeetingRecord> meeting_records(const Questionnaire& q, const std::vector<Answers>& versions) {
  // Each version's meeting and parts, found once.
  std::vector<int> rank_of(versions.size());
  std::vector<std::vector<bool>> held(versions.size(), std::vector<bool>(q.parts.size(), false));
  for (size_t v = 0; v < versions.size(); ++v) {
    rank_of[v] = meeting_rank(q, versions[v].meeting);
    for (int p : parts_present(q, versions[v])) held[v][p] = true;
  }
  std::vector<int> ranks = rank_of;  // the meetings sent at, in order
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  std::vector<MeetingRecord> out;
  for (int rank : ranks) {
    MeetingRecord rec;
    size_t newest = 0;  // the newest version sent at this meeting
    for (size_t v = 0; v < versions.size(); ++v)
      if (rank_of[v] == rank) newest = v;
    rec.meeting = versions[newest].meeting;
    const Answers& from_file = versions[newest];  // every field but the answers, which come by part below
    rec.answers.file = from_file.file;
    rec.answers.questionnaire = from_file.questionnaire;
    rec.answers.participant = from_file.participant;
    rec.answers.name = from_file.name;
    rec.answers.cohort = from_file.cohort;
    rec.answers.meeting = from_file.meeting;
    // A part sent alone (a worksheet) may say no name or cohort: the latest said up to here.
    for (int r = -1; r <= rank; ++r)
      for (size_t v = 0; v < versions.size(); ++v) {
        if (rank_of[v] != r) continue;
        if (!versions[v].name.empty()) rec.answers.name = versions[v].name;
        if (!versions[v].cohort.empty()) rec.answers.cohort = versions[v].cohort;
      }
    for (size_t p = 0; p < q.parts.size(); ++p) {
      std::optional<size_t> from;  // sent at the latest meeting not after this one, the newest there
      for (size_t v = 0; v < versions.size(); ++v)
        if (held[v][p] && rank_of[v] <= rank && (!from || rank_of[v] >= rank_of[*from])) from = v;
      if (!from) {
        rec.missing.push_back(q.parts[p].id);
        continue;
      }
      rec.parts.push_back(q.parts[p].id);
      if (std::find(rec.versions.begin(), rec.versions.end(), *from) == rec.versions.end()) rec.versions.push_back(*from);
      for (const auto& [id, answer] : versions[*from].values)
        if (auto i = q.find_item(id); i && q.items[*i].part == static_cast<int>(p)) rec.answers.values.emplace(id, answer);
    }
    std::sort(rec.versions.begin(), rec.versions.end());
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<MeetingRecord> meeting_records(const Questionnaire& q, std::vector<Answers>&& versions) {
  if (versions.size() != 1) return meeting_records(q, std::as_const(versions));
  // One version: its one record is that version (the items of `q` only), moved, not copied.
  Answers& only = versions.front();
  MeetingRecord rec;
  rec.meeting = only.meeting;
  const std::vector<int> held = parts_present(q, only);
  for (size_t p = 0; p < q.parts.size(); ++p)
    (std::find(held.begin(), held.end(), static_cast<int>(p)) != held.end() ? rec.parts : rec.missing)
        .push_back(q.parts[p].id);
  if (!held.empty()) rec.versions = {0};
  for (auto it = only.values.begin(); it != only.values.end();)
    it = q.find_item(it->first) ? std::next(it) : only.values.erase(it);
  rec.answers = std::move(only);
  std::vector<MeetingRecord> out;
  out.push_back(std::move(rec));
  return out;
}

std::vector<PersonRecords> people_records(const Questionnaire& q, const std::vector<Answers>& versions) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<Answers>> of;
  for (const auto& v : versions) {
    if (v.participant.empty()) continue;
    auto [it, fresh] = of.try_emplace(v.participant);
    if (fresh) order.push_back(v.participant);
    it->second.push_back(v);
  }
  std::vector<PersonRecords> out;
  for (const auto& id : order) out.push_back({id, meeting_records(q, of[id])});
  return out;
}

}  // namespace careermap
