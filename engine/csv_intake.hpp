// Answers from a CSV of a form service or Excel (or an Excel workbook's sheet: any
// RowSource), through a mapping: one participant
// per row after the header, read one row at a time (memory stays that of one row). Every
// cell is read as the questionnaire says (Likert answers as numbers or as the scale's
// labels, choices as values or labels, multiple choices joined by ", " or ";"; free text
// exactly as written), then checked exactly as an answers file is. Problems are reported
// as `FORM.csv:LINE: error: COLUMN: message` (a workbook: `FORM.xlsx:SHEET!B7: error: ...`); a bad row loses nothing of the others, and no
// row is dropped without a message. A header that repeats a title is bound through the
// mapping's list of targets for it, in order; otherwise it is refused, naming the columns.
#pragma once

#include <memory>
#include <string>

#include "engine/answers.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"

namespace careermap {

class CsvIntake {
 public:
  // Reads the header row of `reader`; its problems go to `diags`. `q`, `m` and `reader`
  // must outlive the intake.
  CsvIntake(const Questionnaire& q, const Mapping& m, RowSource& reader, Diagnostics& diags);
  ~CsvIntake();
  // False when the header could not be used (no row is then read).
  bool usable() const;
  // The next data row's answers (file "FORM.csv:LINE", reader.row_name(); rows without a participant column
  // get ids r001, r002, ... by data row); its problems go to `row`, and it is valid when
  // `row` gained no error. False after the last row; then `row` may hold problems of the
  // file's end (a file of no rows at all is an error).
  bool next(Answers& a, Diagnostics& row);
  // The record the last answers came from (its bytes as received: reader().raw()).
  const CsvRecord& record() const;
  // The header row, as read, and its bytes as received.
  const CsvRecord& header() const;
  const std::string& header_raw() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careermap
