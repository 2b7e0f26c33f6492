#include "engine/records.hpp"

#include <algorithm>
#include <map>

namespace careermap {

std::vector<int> parts_present(const Questionnaire& q, const Answers& a) {
  std::vector<bool> in(q.parts.size(), false);
  for (const auto& [id, answer] : a.values)
    if (auto i = q.find_item(id)) in[q.items[*i].part] = true;
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
    if (!p) throw Error({q.file, 0, 0}, "parts", "the questionnaire '" + q.id + "' has no part '" + id + "'");
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
  std::vector<int> ranks;  // the meetings sent at, in order
  for (const auto& v : versions) {
    const int r = meeting_rank(q, v.meeting);
    if (std::find(ranks.begin(), ranks.end(), r) == ranks.end()) ranks.push_back(r);
  }
  std::sort(ranks.begin(), ranks.end());
  std::vector<std::vector<int>> held(versions.size());
  for (size_t v = 0; v < versions.size(); ++v) held[v] = parts_present(q, versions[v]);
  std::vector<MeetingRecord> out;
  for (int rank : ranks) {
    MeetingRecord rec;
    const Answers* newest = nullptr;  // the newest version sent at this meeting
    for (const auto& v : versions)
      if (meeting_rank(q, v.meeting) == rank) newest = &v;
    rec.meeting = newest->meeting;
    rec.answers = *newest;
    rec.answers.values.clear();
    // A part sent alone (a worksheet) may say no name or cohort: the latest said up to here.
    for (int r = -1; r <= rank; ++r)
      for (const auto& v : versions) {
        if (meeting_rank(q, v.meeting) != r) continue;
        if (!v.name.empty()) rec.answers.name = v.name;
        if (!v.cohort.empty()) rec.answers.cohort = v.cohort;
      }
    for (size_t p = 0; p < q.parts.size(); ++p) {
      const Answers* from = nullptr;
      int from_rank = -2;
      for (size_t v = 0; v < versions.size(); ++v) {
        const int r = meeting_rank(q, versions[v].meeting);
        if (r > rank || r < from_rank) continue;
        if (std::find(held[v].begin(), held[v].end(), static_cast<int>(p)) == held[v].end()) continue;
        from = &versions[v];
        from_rank = r;
      }
      if (!from) {
        rec.missing.push_back(q.parts[p].id);
        continue;
      }
      rec.parts.push_back(q.parts[p].id);
      for (const auto& [id, answer] : from->values)
        if (auto i = q.find_item(id); i && q.items[*i].part == static_cast<int>(p)) rec.answers.values.emplace(id, answer);
    }
    out.push_back(std::move(rec));
  }
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
