// The NPO's view across cohorts and years: aggregates only, never a person.
//
// Built from the archive's current submissions. Groups are the cohorts (in order) and the
// pool of all of them. Where people stand comes from each participant's pre-session answers
// (or the only session they have); movement compares pre and post. Every count and mean
// goes through suppression (suppression.hpp): a figure about fewer than `min_group` people,
// or one that could be recovered from the others by subtraction, is hidden.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/archive.hpp"
#include "engine/item_stats.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

struct CohortOptions {
  int min_group = 3;                 // fewest people a shown figure may be about
  std::vector<std::string> cohorts;  // empty: every cohort in the archive
};

// One aggregate table: rows are categories, columns the groups (the pool last).
struct AggregateTable {
  std::string id;                    // "current", "profile", "checklist:<item>", "movement"
  std::vector<std::string> rows;     // category ids (scene ids, option values, movement kinds)
  std::vector<std::vector<std::optional<double>>> values;  // none = hidden
  std::vector<std::vector<int>> counts;  // people behind each value (kept for the tests; never printed)
};

struct CohortSummary {
  std::vector<std::string> groups;   // cohort ids, then "all"
  std::vector<int> people;           // per group
  std::vector<bool> people_hidden;   // group sizes that may not be shown (small, or recoverable)
  int min_group = 3;
  AggregateTable current;            // where people stand: counts of current scenes
  AggregateTable profile;            // mean scene scores
  std::vector<AggregateTable> checklists;  // one per `report: checklist` item
  AggregateTable movement;           // pre -> post: wider, deeper, wider_and_deeper, same, back
  std::vector<std::vector<std::optional<int>>> flows;  // pooled pre -> post counts, scene x scene
  std::vector<ScaleStat> reliability;  // alpha per scene scale, over the pool
  std::vector<std::optional<double>> centroid_stage, centroid_level;  // per group
  std::vector<std::string> small_groups;  // cohorts shown only through the pool
};

CohortSummary summarize_cohorts(const Questionnaire& q, const std::vector<Submission>& current,
                                const CohortOptions& options);

// The summary as CSV for spreadsheets: aggregates only, UTF-8 with BOM, one line per figure
// (table, category, group, value; hidden figures say "suppressed").
std::string cohort_csv(const Questionnaire& q, const CohortSummary& s);

}  // namespace careermap
