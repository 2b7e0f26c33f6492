#include "engine/xlsx_read.hpp"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <vector>

#include "engine/csv.hpp"
#include "engine/files.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

constexpr size_t kChunk = 1 << 16;

std::string mb(size_t bytes) { return std::to_string(bytes / 1'000'000) + " MB"; }

// An element's name without its namespace prefix ("x:row" -> "row").
std::string_view local(const XML_Char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attr(const XML_Char** atts, std::string_view name) {
  for (int i = 0; atts[i]; i += 2)
    if (local(atts[i]) == name) return atts[i + 1];
  return nullptr;
}

// A number as a spreadsheet stores it, as text: whole numbers without a decimal part.
std::string number_text(const std::string& v) {
  if (v.find_first_of(".eE") == std::string::npos) return v;
  double d = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) >= 1e15)
    return v;
  return std::to_string(static_cast<long long>(d));
}

// "B7" -> column 2 (0 when it does not start with column letters A..XFD).
int column_of_ref(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 || col > 16384 ? 0 : col;
}

// Parses XML with callbacks; a callback stops it with a message of its own.
struct Xml {
  XML_Parser p = XML_ParserCreate(nullptr);
  std::string stopped;  // the message a callback stopped with
  std::function<void(std::string_view, const XML_Char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;

  Xml() {
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p, [](void* u, const XML_Char* n, const XML_Char** a) { static_cast<Xml*>(u)->start(local(n), a); },
        [](void* u, const XML_Char* n) { static_cast<Xml*>(u)->end(local(n)); });
    XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
      auto* x = static_cast<Xml*>(u);
      if (x->text) x->text(std::string_view(s, static_cast<size_t>(len)));
    });
    // A spreadsheet part has no document type; entities defined in one are refused.
    XML_SetStartDoctypeDeclHandler(p, [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      static_cast<Xml*>(u)->stop(tr("the part declares a document type (<!DOCTYPE>); a workbook's parts have none"));
    });
  }
  ~Xml() { XML_ParserFree(p); }
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;
  void stop(std::string message) {
    if (stopped.empty()) stopped = std::move(message);
    XML_StopParser(p, XML_FALSE);
  }
  void suspend() { XML_StopParser(p, XML_TRUE); }
};

}  // namespace

std::string column_letters(int column) {
  std::string s;
  for (; column > 0; column = (column - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (column - 1) % 26));
  return s;
}

struct XlsxReader::Impl {
  std::string file, sheet, sheet_part;
  std::string bytes;  // the workbook
  zip_t* zip = nullptr;
  zip_file_t* zf = nullptr;
  bool opened = false, done = false;
  std::vector<std::string> strings;  // shared strings
  std::unique_ptr<Xml> sheet_xml;
  std::vector<char> chunk;
  size_t unpacked = 0;
  std::deque<std::pair<CsvRecord, Diagnostics>> ready;
  std::string raw;
  size_t width = 0;  // the header's cells
  bool header_seen = false;

  // The row being read.
  struct Row {
    int number = 0, col = 0;  // the row, the last cell's column
    std::vector<std::string> cells;
    size_t bytes = 0;
    Diagnostics problems;
    bool bad = false;
    // The cell being read.
    std::string type, value;
    bool in_cell = false, in_v = false, in_is = false, in_t = false, long_cell = false;
    int in_rph = 0;
  } row;
  int last_row = 0;

  ~Impl() {
    if (zf) zip_fclose(zf);
    if (zip) zip_discard(zip);
  }

  Location whole() const { return {file, 0, 0}; }
  Location cell_at(int line, int column) const {
    return {file + ":" + sheet + "!" + column_letters(column) + std::to_string(line), 0, 0};
  }

  void stop(Diagnostics& diags, Location where, const std::string& message) {
    diags.error(std::move(where), "", message);
    done = true;
  }

  // Opens part `name`, refusing what would unpack to more than kMaxXlsxPartBytes; null
  // (said) when it is missing and `needed`.
  zip_file_t* open_part(const std::string& name, Diagnostics& diags, bool needed, const std::string& what) {
    const zip_int64_t idx = zip_name_locate(zip, name.c_str(), 0);
    if (idx < 0) {
      if (needed)
        stop(diags, whole(),
             trf("the workbook has no part {name} ({what}); save it again from Excel as .xlsx",
                 {{"name", std::string(name)}, {"what", std::string(what)}}));
      return nullptr;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(idx), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > kMaxXlsxPartBytes) {
      stop(diags, whole(),
           trf("the workbook's part {name} unpacks to {value}; a part is at most {value_a}",
               {{"name", std::string(name)},
                {"value", std::string(mb(st.size))},
                {"value_a", std::string(mb(kMaxXlsxPartBytes))}}));
      return nullptr;
    }
    zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(idx), 0);
    if (!f)
      stop(diags, whole(),
           trf("the workbook's part {name} cannot be unpacked: {value}",
               {{"name", std::string(name)}, {"value", std::string(zip_strerror(zip))}}));
    return f;
  }

  // Feeds `x` with part `f` until it ends, is suspended (returns true with more to come) or
  // fails (said; done). Returns false when the part is finished or failed.
  bool feed(Xml& x, zip_file_t* f, const std::string& name, Diagnostics& diags) {
    for (;;) {
      XML_ParsingStatus status;
      XML_GetParsingStatus(x.p, &status);
      if (status.parsing == XML_FINISHED) return false;
      XML_Status r;
      if (status.parsing == XML_SUSPENDED) {
        r = XML_ResumeParser(x.p);
      } else {
        if (chunk.empty()) chunk.resize(kChunk);
        const zip_int64_t n = zip_fread(f, chunk.data(), chunk.size());
        if (n < 0) {
          stop(diags, whole(),
               trf("the workbook's part {name} cannot be unpacked: {value}",
                   {{"name", std::string(name)}, {"value", std::string(zip_file_strerror(f))}}));
          return false;
        }
        unpacked += static_cast<size_t>(n);
        if (unpacked > kMaxXlsxPartBytes) {
          stop(diags, whole(),
               trf("the workbook's part {name} unpacks to more than {value}; a part is at most "
                   "{value}",
                   {{"name", std::string(name)}, {"value", std::string(mb(kMaxXlsxPartBytes))}}));
          return false;
        }
        r = XML_Parse(x.p, chunk.data(), static_cast<int>(n), n == 0);
      }
      if (r == XML_STATUS_ERROR) {
        const Location at{file + ":" + name, static_cast<int>(XML_GetCurrentLineNumber(x.p)),
                          static_cast<int>(XML_GetCurrentColumnNumber(x.p)) + 1};
        stop(diags, at,
             !x.stopped.empty() ? x.stopped
                                : trf("the part is not well-formed XML: {reason}",
                                      {{"reason", XML_ErrorString(XML_GetErrorCode(x.p))}}));
        return false;
      }
      if (r == XML_STATUS_SUSPENDED) return true;
    }
  }

  // Reads a whole (small) part through `x`; false (said) when it failed.
  bool read_part(Xml& x, const std::string& name, Diagnostics& diags, bool needed, const std::string& what) {
    zip_file_t* f = open_part(name, diags, needed, what);
    if (!f) return !done;
    unpacked = 0;
    while (feed(x, f, name, diags)) {
    }
    zip_fclose(f);
    return !done;
  }

  bool open(Diagnostics& diags) {
    opened = true;
    try {
      bytes = read_file(file, kMaxCsvBytes, tr("a workbook"));
    } catch (const Error& e) {
      diags.add(e.diagnostic());
      done = true;
      return false;
    }
    if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0)
      return stop(diags, whole(),
                  tr("this is an Excel 97-2003 workbook (.xls); save it as Excel ブック (.xlsx) or "
                     "as CSV")),
             false;
    if (!open_zip(diags)) return false;
    std::string rid, strings_part = "xl/sharedStrings.xml";
    if (!find_first_sheet(rid, diags) || !find_parts(rid, strings_part, diags)) return false;
    if (!read_strings(strings_part, diags)) return false;
    zf = open_part(sheet_part, diags, true, trf("the sheet '{sheet}'", {{"sheet", sheet}}));
    if (!zf) return false;
    unpacked = 0;
    start_sheet();
    return true;
  }

  // The bytes as a zip archive (libzip's errors said here, once).
  bool open_zip(Diagnostics& diags) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) zip = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!zip) {
      if (src) zip_source_free(src);
      const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
      const std::string why = not_zip ? tr("it is not a zip archive") : zip_error_strerror(&error);
      zip_error_fini(&error);
      return stop(diags, whole(),
                  trf("the file is not an Excel workbook (.xlsx): {why}", {{"why", std::string(why)}})),
             false;
    }
    zip_error_fini(&error);
    return true;
  }

  // The first sheet of the workbook (xl/workbook.xml): its name, and its relationship id.
  bool find_first_sheet(std::string& rid, Diagnostics& diags) {
    Xml x;
    x.start = [&](std::string_view n, const XML_Char** a) {
      if (n == "sheet" && rid.empty()) {
        const XML_Char* name = attr(a, "name");
        const XML_Char* id = attr(a, "id");
        sheet = name ? name : "";
        rid = id ? id : "";
      }
    };
    x.end = [](std::string_view) {};
    if (!read_part(x, "xl/workbook.xml", diags, true, tr("the list of sheets"))) return false;
    if (rid.empty()) return stop(diags, whole(), tr("the workbook has no sheet")), false;
    return true;
  }

  // Where that sheet's part and the shared strings are (xl/_rels/workbook.xml.rels).
  bool find_parts(const std::string& rid, std::string& strings_part, Diagnostics& diags) {
    Xml x;
    x.start = [&](std::string_view n, const XML_Char** a) {
      if (n != "Relationship") return;
      const XML_Char* id = attr(a, "Id");
      const XML_Char* target = attr(a, "Target");
      const XML_Char* type = attr(a, "Type");
      if (!id || !target) return;
      std::string t = target;
      t = t.rfind('/', 0) == 0 ? t.substr(1) : "xl/" + t;
      if (rid == id) sheet_part = t;
      if (type && std::string_view(type).ends_with("/sharedStrings")) strings_part = t;
    };
    x.end = [](std::string_view) {};
    if (!read_part(x, "xl/_rels/workbook.xml.rels", diags, true, tr("where the sheets are"))) return false;
    if (sheet_part.empty())
      return stop(diags, whole(),
                  trf("the workbook's sheet '{sheet}' has no part in xl/_rels/workbook.xml.rels",
                      {{"sheet", std::string(sheet)}})),
             false;
    return true;
  }

  // The shared strings: each <si>'s text, its runs joined, its furigana (<rPh>) left out.
  bool read_strings(const std::string& part, Diagnostics& diags) {
    Xml x;
    std::string cur;
    bool in_si = false, in_t = false;
    int in_rph = 0;
    x.start = [&](std::string_view n, const XML_Char**) {
      if (n == "si") in_si = true, cur.clear();
      else if (n == "rPh") ++in_rph;
      else if (n == "t") in_t = true;
    };
    x.end = [&](std::string_view n) {
      if (n == "si") {
        if (strings.size() >= kMaxXlsxStrings)
          return x.stop(
              trf("the workbook has more than {max_xlsx_strings} shared strings; at most "
                  "{max_xlsx_strings}",
                  {{"max_xlsx_strings", std::to_string(kMaxXlsxStrings)}}));
        in_si = false;
        strings.push_back(cur.size() > kMaxCsvCellBytes ? std::string(kMaxCsvCellBytes + 1, 'x') : cur);
      } else if (n == "rPh") --in_rph;
      else if (n == "t") in_t = false;
    };
    x.text = [&](std::string_view s) {
      if (in_si && in_t && !in_rph && cur.size() <= kMaxCsvCellBytes) cur += s;
    };
    return read_part(x, part, diags, false, "");
  }

  void start_sheet() {
    sheet_xml = std::make_unique<Xml>();
    Xml& x = *sheet_xml;
    x.start = [this](std::string_view n, const XML_Char** a) {
      Row& r = row;
      if (n == "row") {
        const XML_Char* number = attr(a, "r");
        int v = 0;
        if (number) std::from_chars(number, number + std::char_traits<char>::length(number), v);
        r.number = v > 0 ? v : last_row + 1;
        r.col = 0;
        r.cells.clear();
        r.bytes = 0;
        r.problems = Diagnostics{};
        r.bad = false;
      } else if (n == "c") {
        const XML_Char* ref = attr(a, "r");
        const int c = ref ? column_of_ref(ref) : 0;
        r.col = c > 0 ? c : r.col + 1;
        const XML_Char* t = attr(a, "t");
        r.type = t ? t : "n";
        r.value.clear();
        r.in_cell = true;
        r.long_cell = false;
      } else if (r.in_cell && n == "v") {
        r.in_v = true;
      } else if (r.in_cell && n == "is") {
        r.in_is = true;
      } else if (r.in_is && n == "rPh") {
        ++r.in_rph;
      } else if (r.in_is && n == "t") {
        r.in_t = true;
      }
    };
    x.end = [this](std::string_view n) {
      Row& r = row;
      if (n == "v") r.in_v = false;
      else if (n == "is") r.in_is = false;
      else if (n == "rPh") r.in_rph -= r.in_rph > 0;
      else if (n == "t") r.in_t = false;
      else if (n == "c") end_cell();
      else if (n == "row") end_row();
    };
    x.text = [this](std::string_view s) {
      Row& r = row;
      if (!r.in_cell || !(r.in_v || (r.in_is && r.in_t && !r.in_rph))) return;
      if (r.value.size() + s.size() > kMaxCsvCellBytes) r.long_cell = true;
      else r.value += s;
    };
  }

  void cell_problem(const std::string& message) {
    if (!row.bad) row.problems.error(cell_at(row.number, row.col), "", message);
    row.bad = true;
  }

  void end_cell() {
    Row& r = row;
    r.in_cell = r.in_v = r.in_is = r.in_t = false;
    r.in_rph = 0;
    std::string v;
    if (r.type == "s") {
      size_t idx = 0;
      const auto [end, ec] = std::from_chars(r.value.data(), r.value.data() + r.value.size(), idx);
      if (ec != std::errc() || end != r.value.data() + r.value.size() || idx >= strings.size())
        return cell_problem(
            trf("the cell refers to shared string {value}, which the workbook does not have",
                {{"value", std::string(r.value)}}));
      v = strings[idx];
    } else if (r.type == "e") {
      return cell_problem(trf("the cell holds the Excel error {value}; write the answer instead",
                              {{"value", std::string(r.value)}}));
    } else if (r.type == "b") {
      v = r.value == "1" ? "TRUE" : r.value == "0" ? "FALSE" : r.value;
    } else if (r.type == "n") {
      v = number_text(r.value);
    } else {  // inlineStr, str (a formula's text), d (a date as text)
      v = r.value;
    }
    if (r.long_cell || v.size() > kMaxCsvCellBytes)
      return cell_problem(trf(
          "a cell has more than {max_csv_cell_bytes} bytes; a cell is at most {max_csv_cell_bytes}",
          {{"max_csv_cell_bytes", std::to_string(kMaxCsvCellBytes)}}));
    if (static_cast<size_t>(r.col) > kMaxCsvColumns) {
      if (!r.bad)
        r.problems.error({file + ":" + sheet, r.number, 0}, "",
                         trf("the row has more than {max_csv_columns} columns; a sheet of answers "
                             "has at most {max_csv_columns}",
                             {{"max_csv_columns", std::to_string(kMaxCsvColumns)}}));
      r.bad = true;
      return;
    }
    if (v.empty() || r.bad) return;
    r.bytes += v.size();
    if (r.bytes > kMaxCsvRowBytes) {
      r.problems.error({file + ":" + sheet, r.number, 0}, "",
                       trf("the row has more than {value}; a row is at most {value}",
                           {{"value", std::string(mb(kMaxCsvRowBytes))}}));
      r.bad = true;
      return;
    }
    if (r.cells.size() < static_cast<size_t>(r.col)) r.cells.resize(r.col);
    r.cells[r.col - 1] = std::move(v);
  }

  void end_row() {
    Row& r = row;
    last_row = r.number;
    if (!r.bad && r.cells.empty()) return;  // a blank row
    CsvRecord rec;
    rec.line = r.number;
    if (r.bad) {
      rec.ok = false;
    } else {
      rec.cells = std::move(r.cells);
      if (!header_seen) width = rec.cells.size();
      if (rec.cells.size() < width) rec.cells.resize(width);
    }
    header_seen = true;
    ready.push_back({std::move(rec), std::move(r.problems)});
    r.cells.clear();
    r.problems = Diagnostics{};
    sheet_xml->suspend();  // one row at a time
  }

  bool next(CsvRecord& rec, Diagnostics& diags) {
    if (!opened && !open(diags)) return false;
    while (ready.empty() && !done && zf) {
      if (!feed(*sheet_xml, zf, sheet_part, diags)) {
        zip_fclose(zf);
        zf = nullptr;
      }
    }
    if (ready.empty()) return false;
    rec = std::move(ready.front().first);
    for (const auto& d : ready.front().second.list()) diags.add(d);
    ready.pop_front();
    raw = rec.ok ? csv::row(rec.cells) : std::string();
    return true;
  }
};

XlsxReader::XlsxReader(std::string path) : impl_(std::make_unique<Impl>()) { impl_->file = std::move(path); }
XlsxReader::~XlsxReader() = default;
bool XlsxReader::next(CsvRecord& rec, Diagnostics& diags) { return impl_->next(rec, diags); }
std::string_view XlsxReader::raw() const { return impl_->raw; }
const std::string& XlsxReader::file() const { return impl_->file; }
const std::string& XlsxReader::sheet() const { return impl_->sheet; }
Location XlsxReader::at(int line, int column) const {
  if (column > 0) return impl_->cell_at(line, column);
  return {impl_->file + ":" + impl_->sheet, line, 0};
}
std::string XlsxReader::row_name(int line) const { return impl_->file + ":" + impl_->sheet + ":" + std::to_string(line); }

}  // namespace careermap
