// The form kit (`careermap form --kit`): what an office needs to build a form anywhere or to
// collect answers in Excel. A question list (CSV and Markdown): per column of the form its
// title exactly as `careermap mapping --init` matches it, the item it answers, its type,
// whether it is required, its options with their labels, its scale's labels and number range;
// and an Excel workbook (written with libxlsxwriter) whose first sheet has that header row and
// one row per participant, a drop-down list (data validation) for every choice and scale
// cell, whole-number limits for years and number limits for numbers, then an instruction
// sheet (Japanese first, then English). careermap reads the saved workbook back directly
// (engine/xlsx_read.hpp). Failure: write_kit_workbook throws Error when the file cannot be
// written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"

namespace careermap {

// How many participant rows the workbook's drop-down lists and limits cover.
inline constexpr int kKitRows = 1000;

struct KitColumn {
  std::string title;  // the header, as form_columns() and mapping --init have it
  ColumnTarget target;
  std::string type, required, options, scale, range;  // as the question list shows them
  std::vector<std::string> list;  // the drop-down's entries (empty: no list)
  std::vector<int> list_numbers;  // the entries as numbers (an unlabelled scale), else empty
  bool several = false;           // a multiple choice: other text is allowed
  bool whole = false;             // a whole number (years)
  std::optional<double> min, max;  // number limits
  bool text = false;              // free text (wrapped) or an id (kept as text)
};

// The kit's columns: form_columns() with the cohort and meeting columns after the name.
std::vector<KitColumn> kit_columns(const Questionnaire& q, const Templates& t, Lang lang);

// The question list as CSV (UTF-8 with a byte-order mark, for Excel) and as Markdown.
std::string kit_questions_csv(const std::vector<KitColumn>& cols, const Templates& t, Lang lang);
std::string kit_questions_md(const Questionnaire& q, const std::vector<KitColumn>& cols, const Templates& t, Lang lang);

// Writes the workbook to `path` (atomically: a temporary file beside it, then renamed).
// `q_file` and `workbook` are the names the instructions' commands use.
void write_kit_workbook(const Questionnaire& q, const std::vector<KitColumn>& cols, const Templates& t, Lang lang,
                        const std::string& path, const std::string& q_file, const std::string& workbook);

}  // namespace careermap
