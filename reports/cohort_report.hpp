// The NPO's cohort report as a PDF (A4 landscape): where people stand per cohort, mean
// profiles, the troubles checklist, movement from the first to the last meeting, trends
// across years and the questions' reliability.
//
// Content model first (CohortReport: the figures as numbers, the texts from the templates and
// the questionnaire), built from a CohortSummary whose every figure has already been through
// suppression: a hidden figure is an empty optional in the model, it carries no number at all,
// and is drawn as "＊". Then the drawing, a thin pass over the model that formats the numbers.
// build_cohort_report throws Error when a template text is missing; writing throws Error when
// the file cannot be written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/cohort.hpp"
#include "engine/templates.hpp"
#include "reports/display_list.hpp"
#include "reports/font.hpp"

namespace careermap {

// Below this many complete answers, alpha is printed with a caution: it moves a lot with one person.
inline constexpr int kAlphaCaution = 30;

struct CohortGroupHead {
  std::string label;          // "2024期", "全期"
  std::optional<int> people;  // none: the group's size is hidden
};

// A label column, then one figure per group (none = hidden).
struct CohortTable {
  std::vector<std::string> rows;
  std::vector<std::vector<std::optional<double>>> values;  // [row][group]
  int decimals = 0;
  bool shaded = false;         // cells coloured by their score (0..100)
  bool mostly_hidden = false;  // most cohort figures are hidden: the hint to pool years goes above
};

// A scene of a group's matrix of where people stand.
struct CohortCell {
  int stage = 0, level = 0;
  std::optional<double> people;  // none = hidden
  std::optional<double> share;   // percent of the group (the cell's colour); none when hidden
};

// A scene of the flow map.
struct CohortScene {
  int number = 0, stage = 0, level = 0;
  std::string label;
};

// People who moved from scene `from` to scene `to` (indexes of the model's scenes; the same
// for those who stayed). Only flows shown and of at least one person are in the model.
struct CohortFlow {
  size_t from = 0, to = 0;
  int people = 0;
};

// The mean stage or level per cohort (none = hidden) and over all cohorts.
struct CohortTrend {
  std::string label;
  int top = 0;  // the axis runs from 1 to this
  std::vector<std::optional<double>> cohorts;
  std::optional<double> pool;
};

struct CohortAlpha {
  std::string label;             // the scene's
  std::optional<double> alpha;   // none: cannot be computed
  int complete = 0;              // people who answered every item
};

struct CohortReport {
  // Texts as the templates give them; a {n} or {k} in them is filled with the number when drawn.
  std::string title, subject, date_line, page_pattern, privacy, hidden, people_pattern;
  std::string date;  // YYYY-MM-DD, the PDF's creation date
  int min_group = 0;
  std::vector<CohortGroupHead> groups;  // the cohorts (or pooled ranges), then all of them

  std::string overview_heading, pooled, differing, pool_hint;  // pooled, differing: empty when none
  bool overview_mostly_hidden = false;
  std::vector<std::string> stage_labels, level_labels;
  std::vector<std::vector<CohortCell>> current;  // [group][scene]

  std::string profile_heading;
  CohortTable profile;

  std::string checklist_heading;
  std::vector<CohortTable> checklists;
  std::string movement_heading;
  CohortTable movement;
  std::string flows_title, no_flows;
  std::vector<CohortScene> scenes;
  std::vector<CohortFlow> flows;  // from, then to, ascending

  std::string trends_heading, legend_cohort, legend_all, legend_hidden;
  std::vector<CohortTrend> trends;  // stage, then level
  std::string reliability_heading, reliability_none, reliability_n, reliability_hidden, reliability_caution;
  std::vector<CohortAlpha> reliability;  // empty when hidden
  bool caution = false;                  // some alpha rests on fewer than kAlphaCaution people
};

CohortReport build_cohort_report(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                                 const std::string& date);
DisplayList layout_cohort_report(const CohortReport& r, const FontSource& font);
// Writes the PDF atomically (mode 0600). Throws Error when it cannot.
void write_cohort_report_pdf(const CohortReport& r, const FontSource& font, const std::string& path);
void write_cohort_report_pdf(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                             const std::string& date, const FontSource& font, const std::string& path);

}  // namespace careermap
