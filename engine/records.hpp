// A participant's record for a meeting, assembled from the parts they sent in at different
// times (questionnaires/FORMAT.md "Parts and meetings"): which parts an answers file holds,
// the answers restricted to some parts, and the newest version of each part as of a meeting.
//
// Pure functions of already validated Answers; they never fail, except answers_of_parts on
// a part id the questionnaire does not have (an Error: a caller's mistake, not the data's).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

// The indices of the parts `a` holds: those with at least one answered item, in order.
std::vector<int> parts_present(const Questionnaire& q, const Answers& a);
// The same as ids.
std::vector<std::string> part_ids_present(const Questionnaire& q, const Answers& a);

// `a` with only the answers to items of the parts `part_ids` (every other field as in `a`).
// An id that names no part of `q` throws Error.
Answers answers_of_parts(const Questionnaire& q, const Answers& a, const std::vector<std::string>& part_ids);

// The meeting id that `given` stands for: a meeting of `q`; "pre" and "post" also name the
// first and the last meeting when `q` declares its own; "" stays "" (no meeting said).
// nullopt when it names no meeting.
std::optional<std::string> resolve_meeting(const Questionnaire& q, const std::string& given);

// The position of a meeting id in q.meetings (0 for the first); -1 for "" (no meeting said,
// before every meeting) and for an id `q` does not have.
int meeting_rank(const Questionnaire& q, const std::string& meeting);

// One participant's record as of one meeting.
struct MeetingRecord {
  std::string meeting;             // a meeting id of the questionnaire, or "" (no meeting said)
  Answers answers;                 // merged: for each part, its newest version as of the meeting
  std::vector<std::string> parts;  // the ids of the parts the record holds, in order
  std::vector<std::string> missing;  // the ids of the parts it does not hold yet, in order
  std::vector<size_t> versions;    // the indices (into `versions`) of those it takes parts from, ascending
};

// The records of one participant from the versions they sent (`versions`: oldest first, each
// with its resolved meeting): one record for each meeting at which they sent something, in
// meeting order. A record as of meeting M holds, for each part, the version of that part sent
// at the latest meeting not after M, the newest one sent at that meeting; its file is that of
// the newest version sent at M, its name and cohort the last ones given up to M (a worksheet
// sent alone may give none).
std::vector<MeetingRecord> meeting_records(const Questionnaire& q, const std::vector<Answers>& versions);
// The same, taking the versions: the answers of a single version are moved, not copied.
std::vector<MeetingRecord> meeting_records(const Questionnaire& q, std::vector<Answers>&& versions);

// Everyone's records: `versions` (oldest first) grouped by participant, in the order each
// participant first appears; versions without a participant are left out.
struct PersonRecords {
  std::string participant;
  std::vector<MeetingRecord> records;  // in meeting order
};
std::vector<PersonRecords> people_records(const Questionnaire& q, const std::vector<Answers>& versions);

}  // namespace careermap
