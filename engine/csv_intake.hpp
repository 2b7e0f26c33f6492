// Answers from a CSV of a form service or Excel, through a mapping: one participant
// per row after the header. Every cell is read as the questionnaire says (Likert answers
// as numbers or as the scale's labels, choices as values or labels, multiple choices
// joined by ", " or ";"), then checked exactly as an answers file is. Problems are
// reported as `FORM.csv:LINE: error: COLUMN: message`; a bad row loses nothing of the
// others, and no row is dropped without a message.
#pragma once

#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"

namespace careermap {

// The answers of every data row of `table` (valid or not: check `diags` per row through
// `row_ok`, which gets one flag per returned Answers). Rows without a participant column
// get ids r001, r002, ... by data row.
std::vector<Answers> csv_answers(const Questionnaire& q, const Mapping& m, const CsvTable& table,
                                 const std::string& file, Diagnostics& diags, std::vector<bool>& row_ok);

}  // namespace careermap
