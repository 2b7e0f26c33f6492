// Reading CSV as form services (Google Forms, Microsoft Forms) and Excel write it:
// RFC 4180 quoting (commas, doubled quotes and line breaks inside quoted fields), CRLF or
// LF, a UTF-8 byte-order mark or none, and Shift_JIS (CP932) as Japanese Excel saves CSV,
// detected and converted to UTF-8. Cells are kept exactly as written (spaces, CR LF).
//
// A CsvReader streams: it holds one record at a time, never the file, so memory is a
// small multiple of the longest row whatever the file holds, and time is linear. Rows are
// bounded (kMaxCsvColumns cells, kMaxCsvCellBytes per cell, kMaxCsvRowBytes per row).
// Failure: problems become diagnostics `FILE:LINE[:COL]: error: ...`. A row that cannot be
// read (too wide or long, a NUL byte, bytes that are not the file's encoding, a quoted
// cell not closed before the end of the file) is returned with `ok` false and no cells;
// the next row is read as usual. A file that cannot be read as CSV at all (unreadable, not
// a regular file, too large, an Excel workbook, UTF-16) ends the reading. Never throws.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace careermap {

struct CsvRecord {
  int line = 0;  // the physical line the record starts on (1-based)
  std::vector<std::string> cells;
  bool ok = true;  // false: the row could not be read (a diagnostic says why); no cells
};

// Bounds on what a CSV of answers may hold (tens of thousands of rows fit well within).
inline constexpr size_t kMaxCsvBytes = 128'000'000;
inline constexpr size_t kMaxCsvColumns = 2'000;
inline constexpr size_t kMaxCsvCellBytes = 100'000;
inline constexpr size_t kMaxCsvRowBytes = 1'000'000;

// What is said of an Excel workbook given where CSV is read.
inline constexpr const char* kWorkbook =
    "this is an Excel workbook (.xlsx), not CSV; name the file .xlsx (careermap reads workbooks) or save it as CSV (UTF-8 or コンマ区切り)";

// Where the rows of a form come from: a CSV file (CsvReader) or a workbook's sheet
// (XlsxReader, engine/xlsx_read.hpp). `line` is the record's row number as its program shows
// it; `column` counts from 1 (0: the row as a whole).
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual bool next(CsvRecord& rec, Diagnostics& diags) = 0;
  // The bytes of the last record as received (a workbook: the row written as CSV).
  virtual std::string_view raw() const = 0;
  virtual const std::string& file() const = 0;
  // Where messages about a row, or one of its cells, point: `FILE:LINE` for CSV.
  virtual Location at(int line, int /*column*/) const { return {file(), line, 0}; }
  // What names one row in lists of files: `FILE:LINE` for CSV.
  virtual std::string row_name(int line) const { return file() + ":" + std::to_string(line); }
};

class CsvReader : public RowSource {
 public:
  explicit CsvReader(std::string path);                 // reads the file at `path` in pieces
  CsvReader(std::string_view bytes, std::string file);  // reads `bytes` (which must outlive it)
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record that is not a blank line; false at the end of the file (or when the
  // file cannot be read). Problems go to `diags`.
  bool next(CsvRecord& rec, Diagnostics& diags) override;
  // The bytes of the last record exactly as received (the byte-order mark before the first,
  // its line ending included); empty for a row longer than kMaxCsvRowBytes.
  std::string_view raw() const override;
  // "UTF-8" or "CP932" (UTF-8 while only ASCII has been read).
  const std::string& encoding() const;
  const std::string& file() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct CsvTable {
  std::string encoding;  // "UTF-8" or "CP932"
  std::vector<CsvRecord> records;  // the header row first
};

// Every record of `bytes` (for small inputs: tests, fuzzing); see CsvReader.
CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags);


}  // namespace careermap
