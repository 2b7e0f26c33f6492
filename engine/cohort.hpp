// The NPO's view across cohorts and years: aggregates only, never a person.
//
// Built from the archive's valid submissions, every version (Archive::history). Groups are
// the cohorts with at least `min_group` people (in order), pooled ranges of years (`pools`),
// and the pool of all; a cohort too small for its own column counts only in the pool. Where
// people stand comes from each participant's record as of the first meeting (or of no meeting
// said), where they moved to from their record of the last meeting, each the newest version
// of every part sent then (records.hpp meeting_records: a worksheet sent on its own adds to
// the questionnaire of the same meeting); movement compares the two. Every figure is a cell of one cell table (cell_table.hpp) that also holds
// the groups of earlier reports from the release log; suppression and its audit
// (suppression.hpp) decide what shows, and the tables below, the PDF and the CSV all read it
// from there. A group that differs from a released one by 1 .. min_group - 1 people is
// hidden whole. Throws Error only when no safe report exists (see suppression.hpp), or when
// a released group counted submissions that no longer read as they did (the questionnaire
// changed under the same id: what that release showed, and so what may show beside it, is
// unknown).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/archive.hpp"
#include "engine/cell_table.hpp"
#include "engine/item_stats.hpp"
#include "engine/questionnaire.hpp"
#include "engine/suppression.hpp"

namespace careermap {

// The floor for min_group: below it a group's figures are about too few people to publish.
inline constexpr int kMinGroupFloor = 3;

// A group of an earlier report, as the release log keeps it.
struct ReleasedGroup {
  int64_t release = 0;
  std::string label;
  std::vector<int64_t> submissions;  // what it counted
  std::vector<std::pair<std::string, std::string>> shown;  // (table, category) of its shown figures
  int64_t id = 0;  // its row in the release log (read_releases), 0 when not read from one
};

// One submission a released group counted, and whose it is.
struct ReleasedMember {
  std::string cohort, participant;
  size_t group = 0;        // the group's place in CohortOptions::released
  int64_t submission = 0;
};
// The released groups' members one at a time into `m`, in order of cohort, participant, group
// and submission; false at the end.
using ReleasedMembers = std::function<bool(ReleasedMember& m)>;

struct CohortOptions {
  int min_group = kMinGroupFloor;    // fewest people a shown figure may be about (>= kMinGroupFloor)
  std::vector<std::string> cohorts;  // empty: every cohort in the archive
  std::vector<std::pair<std::string, std::string>> pools;  // inclusive ranges of cohorts shown as one group
  std::vector<ReleasedGroup> released;  // earlier reports of this questionnaire
  // The members of `released`, opened once for each pass (release_log.hpp released_members, given
// the groups' ids):
  // then `released` needs no submissions, and memory does not grow with the people they
  // counted. None: they are found from `released` and the briefs of their submissions.
  std::function<ReleasedMembers()> released_members;
  std::vector<Submission> history;      // the submissions the released groups counted (any version)
  // Instead of `history`, read as needed: the submissions of `ids` (ascending) handed to
  // `each` in that order, as Archive::submissions gives them, or with `brief` only their id,
  // cohort, meeting, participant and questionnaire (Archive::briefs).
  std::function<void(const std::vector<int64_t>& ids, bool brief, const std::function<void(Submission&&)>& each)>
      history_of;
  // The raw bytes of a submission read without them (Archive::current and all with a key),
  // for one whose stored answers do not decode; none: its `raw` as it is.
  std::function<std::string(int64_t)> raw_of;
};

// One aggregate table: rows are categories, columns the groups (the pool last).
struct AggregateTable {
  std::string id;                    // "current", "profile", "checklist:<item>", "movement"
  std::vector<std::string> rows;     // category ids (scene ids, option values, movement kinds)
  std::vector<std::vector<int>> cell;  // [row][group] index into CohortSummary::cells
  std::vector<std::vector<std::optional<double>>> values;  // as published; none = hidden
};

struct CohortSummary {
  std::vector<std::string> groups;   // cohort ids or "FIRST-LAST" ranges, then "all"
  std::vector<std::vector<std::string>> group_cohorts;  // the cohorts each group counts
  std::vector<int> people;           // per group
  std::vector<bool> people_hidden;   // group sizes that may not be shown
  int min_group = kMinGroupFloor;
  AggregateTable current;            // where people stand: counts of current scenes
  AggregateTable profile;            // mean scene scores
  AggregateTable profile_people;     // the people behind each mean
  std::vector<AggregateTable> checklists;  // one per `report: checklist` item
  AggregateTable movement;           // pre -> post: wider, deeper, wider_and_deeper, same, back
  std::vector<std::vector<std::optional<int>>> flows;  // pooled pre -> post counts, scene x scene
  std::vector<ScaleStat> reliability;  // alpha per scene scale, over the pool (empty when hidden)
  std::vector<std::optional<double>> centroid_stage, centroid_level;  // per group
  std::vector<std::string> small_groups;  // cohorts shown only through the pool
  std::vector<std::string> differing;     // groups hidden for differing from a released one by a few people
  CellTable cells;                   // every figure, this report's and the released ones
  SuppressionCounts suppression;
  std::vector<std::vector<int64_t>> members;  // per group: the submissions it counted
  bool shown(int cell) const { return cells.shown(cell); }
};

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& submissions,
                                const CohortOptions& options);
// The same, from submissions handed to the function `each` is given, one at a time, a
// person's together, in order of cohort and participant (Archive::each_current): memory does
// not grow with the people (but for the ids of the submissions each group counts and, with
// released groups, the versions they counted that this report does not; without
// `released_members`, an index of the people they counted). `briefs`
// gives the same submissions with only their id, cohort, meeting, participant and
// questionnaire (Archive::each_current_brief), read first to count the people of each cohort
// (none: `each` is read for that too). Error when they come out of that order.
struct SubmissionSource {
  using Each = std::function<void(const std::function<void(Submission&&)>&)>;
  Each each, briefs;
};
CohortSummary summarize_cohorts(const Questionnaire& q, const SubmissionSource& source, const CohortOptions& options);

// The summary as CSV for spreadsheets: aggregates only, UTF-8 with BOM, one line per figure
// (table, category, group, value; hidden figures say "suppressed"), read from the cell table.
std::string cohort_csv(const Questionnaire& q, const CohortSummary& s);

}  // namespace careermap

namespace careermap {

// What the release log keeps of a report: each group with a shown figure, the submissions it
// counted and which of its figures showed.
std::vector<ReleasedGroup> release_of(const CohortSummary& s);

}  // namespace careermap
