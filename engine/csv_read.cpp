#include "engine/csv_read.hpp"

#include <iconv.h>

#include <optional>

#include "engine/files.hpp"
#include "engine/messages.hpp"
#include "engine/utf8.hpp"

namespace careermap {
namespace {

constexpr size_t kChunk = 1 << 16;

std::string mb(size_t bytes) { return std::to_string(bytes / 1'000'000) + " MB"; }

bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

struct CsvReader::Impl {
  std::string file;
  bool from_file = false;
  std::optional<InputFile> in;
  bool opened = false, done = false;
  std::vector<char> chunk;
  const char* data = nullptr;
  size_t pos = 0, len = 0, total = 0;
  int line = 1;
  std::string encoding = "UTF-8";
  bool decided = false;  // a non-ASCII row has fixed the encoding
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  std::string raw;
  bool raw_kept = true;
  bool first_record = true;

  ~Impl() {
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }

  void stop(Diagnostics& diags, int at_line, const std::string& message) {
    diags.error({file, at_line, 0}, "", message);
    done = true;
  }

  // Opens the file (first call): a regular file (links resolved) of at most kMaxCsvBytes.
  bool open(Diagnostics& diags) {
    opened = true;
    if (!from_file) return true;
    try {
      in.emplace(file);  // a regular file only (links followed), as every input
    } catch (const Error& e) {
      diags.add(e.diagnostic());
      done = true;
      return false;
    }
    if (in->size() > kMaxCsvBytes)
      return stop(diags, 0,
                  trf("the file has {value}; a CSV of answers is at most {value_a}",
                      {{"value", std::string(mb(in->size()))},
                       {"value_a", std::string(mb(kMaxCsvBytes))}})),
             false;
    chunk.resize(kChunk);
    return true;
  }

  bool fill(Diagnostics& diags) {
    if (!in) return false;
    try {
      len = in->read(chunk.data(), chunk.size());
    } catch (const Error& e) {
      diags.add(e.diagnostic());
      done = true;
      len = 0;
    }
    pos = 0;
    data = chunk.data();
    total += len;
    if (total > kMaxCsvBytes) {  // the file grew while it was read
      stop(diags, line,
           trf("the file has more than {value}; a CSV of answers is at most {value}",
               {{"value", std::string(mb(kMaxCsvBytes))}}));
      len = 0;
      return false;
    }
    if (len == 0) {
      in.reset();
      return false;
    }
    return true;
  }

  int peek(Diagnostics& diags) {
    if (pos == len && !fill(diags)) return -1;
    return static_cast<unsigned char>(data[pos]);
  }
  int get(Diagnostics& diags) {
    const int c = peek(diags);
    if (c >= 0) {
      ++pos;
      if (raw_kept) {
        if (raw.size() < kMaxCsvRowBytes) raw.push_back(static_cast<char>(c));
        else raw_kept = false;
      }
    }
    return c;
  }

  // What no CSV reader can make sense of, seen in the first bytes.
  bool sniff(Diagnostics& diags) {
    const int c0 = peek(diags);
    if (c0 < 0) return true;
    std::string head;
    for (size_t k = pos; k < len && head.size() < 4; ++k) head.push_back(data[k]);
    if (head.rfind("PK\x03\x04", 0) == 0)
      return stop(diags, 0, kWorkbook), false;
    if (head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0)
      return stop(diags, 0,
                  tr("this is UTF-16 text (Unicode テキスト), not CSV; save it as CSV (UTF-8 or "
                     "コンマ区切り)")),
             false;
    if (head.rfind("\xEF\xBB\xBF", 0) == 0)
      for (int k = 0; k < 3; ++k) get(diags);  // kept in raw(): the header's bytes as received
    return true;
  }

  // Converts the cells of a record holding bytes beyond ASCII to UTF-8; false (said) when
  // they are not in the file's encoding.
  bool decode(CsvRecord& rec, int at_line, Diagnostics& diags) {
    bool plain = true;
    for (const auto& c : rec.cells) plain = plain && ascii(c);
    if (plain) return true;
    const bool first = !decided;
    if (first) {
      bool utf8 = true;
      for (const auto& c : rec.cells) utf8 = utf8 && valid_utf8(c);
      decided = true;
      if (!utf8) {
        encoding = "CP932";
        cd = iconv_open("UTF-8", "CP932");
      }
    }
    if (encoding == "UTF-8") {
      for (const auto& c : rec.cells)
        if (!valid_utf8(c)) {
          diags.error(
              {file, at_line, 0}, "",
              tr("the row is not UTF-8 text like the rows before it; save the file as CSV UTF-8"));
          return false;
        }
      return true;
    }
    for (auto& c : rec.cells) {
      if (ascii(c)) continue;
      std::string out(c.size() * 3 + 4, '\0');  // a half-width kana byte becomes 3
      char* src = c.data();
      size_t src_left = c.size();
      char* dst = out.data();
      size_t dst_left = out.size();
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      if (cd == reinterpret_cast<iconv_t>(-1) || iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) {
        if (first) stop(diags, 0, tr("the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV UTF-8"));
        else
          diags.error({file, at_line, 0}, "",
                      tr("the row is not Shift_JIS (CP932) text like the rows before it; save the "
                         "file as CSV UTF-8"));
        return false;
      }
      out.resize(out.size() - dst_left);
      c = std::move(out);
    }
    if (first) diags.note({file, 0, 0}, "", tr("read as Shift_JIS (CP932) and converted to UTF-8"));
    return true;
  }

  // What reading one record's bytes found, besides its cells.
  struct Scan {
    bool quoted = false;      // its last cell began with a quote
    bool unclosed = false;    // a quoted cell ran to the end of the file
    bool wide = false;        // more than kMaxCsvColumns cells
    bool long_cell = false;   // a cell over kMaxCsvCellBytes
    int nul_line = 0, nul_col = 0;  // the first NUL byte
  };

  bool next(CsvRecord& rec, Diagnostics& diags) {
    if (!opened && (!open(diags) || !sniff(diags))) return false;
    for (;;) {
      if (done || peek(diags) < 0) return false;
      if (!first_record) raw.clear(), raw_kept = true;  // the first keeps the byte-order mark
      first_record = false;
      rec.line = line;
      rec.cells.clear();
      rec.ok = true;
      const Scan scan = scan_record(rec, diags);
      if (!scan.quoted && rec.cells.size() == 1 && rec.cells[0].empty() && !scan.unclosed) continue;  // a blank line
      if (const std::string problem = record_problem(scan); !problem.empty()) {
        diags.error({file, rec.line, 0}, "", problem);
      } else if (scan.nul_line) {
        diags.error({file, scan.nul_line, scan.nul_col}, "", tr("the cell holds a NUL byte; it is not text"));
      } else if (decode(rec, rec.line, diags)) {
        return true;
      }
      rec.ok = false;
      rec.cells.clear();
      if (!raw_kept) raw.clear();
      return true;
    }
  }

  // Reads one record's cells (RFC 4180 quoting; a line break inside quotes stays in the cell),
  // counting lines and columns as it goes.
  Scan scan_record(CsvRecord& rec, Diagnostics& diags) {
    Scan scan;
    std::string cell;
    bool in_quotes = false;
    int col = 1;
    const auto end_cell = [&] {
      if (rec.cells.size() < kMaxCsvColumns) rec.cells.push_back(std::move(cell));
      else scan.wide = true;
      cell.clear();
    };
    for (;;) {
      const int c = get(diags);
      if (c < 0) {
        scan.unclosed = in_quotes;
        break;
      }
      if (c == 0 && !scan.nul_line) scan.nul_line = line, scan.nul_col = col;
      if ((c & 0xC0) != 0x80) ++col;
      const bool cr = c == '\r';
      if (c == '\n' || (cr && peek(diags) != '\n')) {  // the end of a physical line
        ++line;
        if (!in_quotes) break;
        col = 1;
      } else if (cr && !in_quotes) {  // CR LF ends the record
        get(diags);
        ++line;
        break;
      }
      if (in_quotes) {
        if (c == '"') {
          if (peek(diags) == '"') get(diags);
          else {
            in_quotes = false;
            continue;
          }
        }
      } else if (c == '"' && cell.empty() && !scan.quoted) {
        in_quotes = scan.quoted = true;
        continue;
      } else if (c == ',') {
        end_cell();
        scan.quoted = false;
        continue;
      }
      if (cell.size() < kMaxCsvCellBytes) cell.push_back(static_cast<char>(c));
      else scan.long_cell = true;
    }
    end_cell();
    return scan;
  }

  // Why a scanned record cannot be used, or "".
  std::string record_problem(const Scan& scan) const {
    if (scan.unclosed) return tr("the row is cut short: a quoted cell is not closed before the end of the file");
    if (scan.wide)
      return trf("the row has more than {max_csv_columns} columns; a CSV of answers has at most "
                 "{max_csv_columns}",
                 {{"max_csv_columns", std::to_string(kMaxCsvColumns)}});
    if (!raw_kept)
      return trf("the row has more than {value}; a row is at most {value}", {{"value", std::string(mb(kMaxCsvRowBytes))}});
    if (scan.long_cell)
      return trf("a cell has more than {max_csv_cell_bytes} bytes; a cell is at most "
                 "{max_csv_cell_bytes}",
                 {{"max_csv_cell_bytes", std::to_string(kMaxCsvCellBytes)}});
    return "";
  }
};

CsvReader::CsvReader(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->file = std::move(path);
  impl_->from_file = true;
}

CsvReader::CsvReader(std::string_view bytes, std::string file) : impl_(std::make_unique<Impl>()) {
  impl_->file = std::move(file);
  impl_->data = bytes.data();
  impl_->len = bytes.size();
  impl_->total = bytes.size();
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord& rec, Diagnostics& diags) { return impl_->next(rec, diags); }
std::string_view CsvReader::raw() const { return impl_->raw_kept ? impl_->raw : std::string_view(); }
const std::string& CsvReader::encoding() const { return impl_->encoding; }
const std::string& CsvReader::file() const { return impl_->file; }

CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags) {
  CsvReader reader(bytes, file);
  CsvTable t;
  CsvRecord rec;
  while (reader.next(rec, diags)) t.records.push_back(std::move(rec));
  t.encoding = reader.encoding();
  return t;
}

}  // namespace careermap
