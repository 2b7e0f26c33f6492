// Reading the answers sheet of an Excel workbook (.xlsx, as Excel, LibreOffice, Google
// Sheets and careermap's form kit save it) row by row, the way CsvReader reads a CSV: the
// workbook's first sheet (in the workbook's order), its header row first. An .xlsx is a zip
// of XML parts: libzip opens it and expat parses the parts (no hand-written unzip or XML).
// Cells are read as text: shared strings (rich text joined, furigana left out), inline
// strings, formula results, and numbers as written, a whole number without a decimal part
// ("2019", never "2019.0"); empty cells and cells missing from the sheet are empty, so a row
// is never shorter than the header. Rows without any text are skipped, as blank CSV lines.
//
// Bounds: the file at most kMaxCsvBytes, each part unpacks to at most kMaxXlsxPartBytes
// (a zip bomb is refused before and while it unpacks), the same row and cell bounds as a
// CSV (kMaxCsvColumns, kMaxCsvCellBytes), at most kMaxXlsxStrings shared strings.
// Failure: diagnostics, never an exception. A problem of the file or of a part (not a zip,
// no sheet, a part too large, XML that is not well formed) ends the reading, said as
// `FILE: error: ...` or `FILE:PART:LINE:COL: error: ...`; a problem of one cell (an Excel
// error value, a shared string that does not exist, too long) loses that row, said as
// `FILE:SHEET!B7: error: ...`; the next row is read as usual. Rows are located as
// `FILE:SHEET:7` (the row's number in the sheet).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/csv_read.hpp"

namespace careermap {

inline constexpr size_t kMaxXlsxPartBytes = 128'000'000;
inline constexpr size_t kMaxXlsxStrings = 1'000'000;

class XlsxReader : public RowSource {
 public:
  explicit XlsxReader(std::string path);  // opened at the first next()
  ~XlsxReader() override;
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  bool next(CsvRecord& rec, Diagnostics& diags) override;
  // The last record written as one CSV row (engine/csv.hpp), its line ending included.
  std::string_view raw() const override;
  const std::string& file() const override;
  // `FILE:SHEET!B7` for a cell, `FILE:SHEET:7` for a row.
  Location at(int line, int column) const override;
  std::string row_name(int line) const override;
  // The sheet read (empty until it is found).
  const std::string& sheet() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A column as a spreadsheet names it: 1 -> "A", 27 -> "AA".
std::string column_letters(int column);

}  // namespace careermap
