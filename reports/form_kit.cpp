#include "reports/form_kit.hpp"

#include <xlsxwriter.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include "engine/csv.hpp"
#include "engine/files.hpp"
#include "engine/json.hpp"
#include "engine/xlsx_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

using Kind = ColumnTarget::Kind;

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string s;
  for (size_t k = 0; k < parts.size(); ++k) s += (k ? std::string(sep) : "") + parts[k];
  return s;
}

std::string range_of(std::optional<double> min, std::optional<double> max) {
  if (!min && !max) return "";
  return (min ? json::number(*min, 6) : "") + "〜" + (max ? json::number(*max, 6) : "");
}

// The options (or a field's) as the list shows them and as the drop-down offers them.
void add_options(KitColumn& c, const std::vector<Option>& options, Lang lang) {
  std::vector<std::string> shown;
  for (const auto& o : options) {
    const std::string& label = o.label.in(lang);
    shown.push_back(o.value + "=" + (label.empty() ? o.value : label));
    c.list.push_back(label.empty() ? o.value : label);
  }
  c.options = join(shown, "; ");
}

// The first `chars` characters of `s` (UTF-8 kept whole): Excel caps a sheet name at 31, a
// validation's input title at 32 and its message at 255.
std::string capped(const std::string& s, size_t chars) {
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++n > chars) break;
  return s.substr(0, i);
}

// A sheet name as Excel allows it: at most 31 characters, none of []:*?/\.
std::string sheet_name(std::string s) {
  for (char& ch : s)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '_';
  return capped(s, 31);
}

}  // namespace

namespace {

void likert_column(KitColumn& c, const Scale& s, const Templates& t, Lang lang) {
  c.type = t.text("kit.type_likert", lang);
  std::vector<std::string> points;
  for (int v = s.min; v <= s.max; ++v) {
    const size_t k = static_cast<size_t>(v - s.min);
    const std::string label = k < s.labels.size() ? s.labels[k].in(lang) : "";
    points.push_back(label.empty() ? std::to_string(v) : std::to_string(v) + "=" + label);
    c.list.push_back(label.empty() ? std::to_string(v) : label);
    if (s.labels.empty()) c.list_numbers.push_back(v);
  }
  c.scale = join(points, "; ");
  c.range = range_of(s.min, s.max);
}

void item_column(KitColumn& c, const Questionnaire& q, const Item& item, const Templates& t, Lang lang) {
  c.required = item.required ? t.text("kit.yes", lang) : "";
  switch (item.type) {
    case ItemType::likert: likert_column(c, q.scales[item.scale], t, lang); break;
    case ItemType::choice: c.type = t.text("kit.type_choice", lang); add_options(c, item.options, lang); break;
    case ItemType::multi:
      c.type = t.text("kit.type_multi", lang);
      add_options(c, item.options, lang);
      c.several = true;
      break;
    case ItemType::number:
      c.type = t.text("kit.type_number", lang);
      c.min = item.min, c.max = item.max;
      c.range = range_of(item.min, item.max);
      break;
    case ItemType::text:
    case ItemType::episodes: c.type = t.text("kit.type_text", lang); c.text = true; break;
  }
}

void field_column(KitColumn& c, const Field& f, const Templates& t, Lang lang) {
  c.required = f.required ? t.text("kit.yes", lang) : "";
  const bool year = f.use == FieldUse::from_year || f.use == FieldUse::to_year;
  if (f.type == ItemType::choice) {
    c.type = t.text("kit.type_choice", lang);
    add_options(c, f.options, lang);
  } else if (f.type == ItemType::number) {
    c.type = t.text(year ? "kit.type_year" : "kit.type_number", lang);
    c.whole = year;
    c.min = f.min, c.max = f.max;
    c.range = range_of(f.min, f.max);
  } else {
    c.type = t.text("kit.type_text", lang);
    c.text = true;
  }
}

// Which cohort, and which meeting, a row is of: the columns after the name.
void cohort_and_meeting_columns(std::vector<KitColumn>& out, const Questionnaire& q, const Templates& t, Lang lang) {
  KitColumn cohort;
  cohort.title = t.text("kit.cohort", lang);
  cohort.target.kind = Kind::cohort;
  cohort.type = t.text("kit.type_cohort", lang);
  cohort.text = true;
  out.push_back(std::move(cohort));
  KitColumn session;
  session.title = t.text("kit.session", lang);
  session.target.kind = Kind::meeting;
  session.type = t.text("kit.type_session", lang);
  for (const auto& mt : q.meetings) session.list.push_back(mt.id);
  session.options = join(session.list, "; ");
  out.push_back(std::move(session));
}

}  // namespace

std::vector<KitColumn> kit_columns(const Questionnaire& q, const Templates& t, Lang lang) {
  std::vector<KitColumn> out;
  for (auto& [title, target] : form_columns(q, t, lang)) {
    KitColumn c;
    c.title = title;
    c.target = target;
    switch (target.kind) {
      case Kind::participant:
        c.type = t.text("kit.type_participant", lang);
        c.required = t.text("kit.yes", lang);
        c.text = true;
        break;
      case Kind::name:
        c.type = t.text("kit.type_name", lang);
        c.text = true;
        break;
      case Kind::item: item_column(c, q, q.items[*q.find_item(target.item)], t, lang); break;
      case Kind::episode_field:
        field_column(c, *q.items[*q.find_item(target.item)].find_field(target.field), t, lang);
        break;
      default: break;
    }
    out.push_back(std::move(c));
    if (target.kind == Kind::name) cohort_and_meeting_columns(out, q, t, lang);
  }
  return out;
}

namespace {

std::vector<std::string> list_header(const Templates& t, Lang lang) {
  std::vector<std::string> h;
  for (const char* k : {"kit.column", "kit.title", "kit.target", "kit.type", "kit.required", "kit.options", "kit.scale", "kit.range"})
    h.push_back(t.text(k, lang));
  return h;
}

std::vector<std::string> list_row(const KitColumn& c, size_t k) {
  return {column_letters(static_cast<int>(k) + 1), c.title, c.target.text(), c.type, c.required, c.options, c.scale, c.range};
}

std::string md_cell(const std::string& s) {
  std::string o;
  for (char ch : s) {
    if (ch == '|') o += "\\|";
    else if (ch == '\n' || ch == '\r') o += ' ';
    else o += ch;
  }
  return o;
}

}  // namespace

std::string kit_questions_csv(const std::vector<KitColumn>& cols, const Templates& t, Lang lang) {
  std::string s(csv::kBom);
  s += csv::row(list_header(t, lang));
  for (size_t k = 0; k < cols.size(); ++k) s += csv::row(list_row(cols[k], k));
  return s;
}

std::string kit_questions_md(const Questionnaire& q, const std::vector<KitColumn>& cols, const Templates& t, Lang lang) {
  std::string s = "# " + md_cell(fill(t.text("kit.md_title", lang), {{"title", q.title.in(lang)}})) + "\n\n" +
                  t.text("kit.md_intro", lang) + "\n\n";
  const auto header = list_header(t, lang);
  auto line = [&](const std::vector<std::string>& cells) {
    s += "|";
    for (const auto& c : cells) s += " " + md_cell(c) + " |";
    s += "\n";
  };
  line(header);
  s += "|";
  for (size_t k = 0; k < header.size(); ++k) s += " --- |";
  s += "\n";
  for (size_t k = 0; k < cols.size(); ++k) line(list_row(cols[k], k));
  return s;
}

namespace {

struct Formats {
  lxw_format *head, *as_text, *wrap, *title;
};

Formats formats(lxw_workbook* wb) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.head);
  format_set_text_wrap(f.head);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.head, 0xDDEBF7);
  format_set_num_format(f.as_text, "@");  // ids stay as written (p007, 007)
  format_set_text_wrap(f.wrap);
  format_set_num_format(f.wrap, "@");
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  return f;
}

// A column's number limits: whole numbers (years) or any, between its min and max.
void number_limits(const KitColumn& c, lxw_data_validation& dv) {
  dv.validate = c.whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
  if (c.min && c.max) {
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = *c.min;
    dv.maximum_number = *c.max;
  } else if (c.min) {
    dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    dv.value_number = *c.min;
  } else if (c.max) {
    dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
    dv.value_number = *c.max;
  } else {
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = -1e9;
    dv.maximum_number = 1e9;
  }
}

// The first error libxlsxwriter gave while the sheets were written: a call that fails writes
// nothing and the others go on, so write_kit_workbook refuses the workbook with it after.
struct FirstError {
  lxw_error e = LXW_NO_ERROR;
  void operator()(lxw_error got) {
    if (e == LXW_NO_ERROR) e = got;
  }
};

// The answers sheet: the header row, then a drop-down list (its entries in column
// `list_col` of the hidden lists sheet) or number limits on every column that has one.
class AnswersSheet {
 public:
  AnswersSheet(lxw_worksheet* ws, lxw_worksheet* lists, const Formats& f, const Templates& t, Lang lang,
               FirstError& ok)
      : ws_(ws), lists_(lists), f_(f), t_(t), lang_(lang), ok_(ok) {}

  void write(const std::vector<KitColumn>& cols) {
    ok_(worksheet_set_row(ws_, 0, 60, nullptr));
    worksheet_freeze_panes(ws_, 1, 0);
    for (size_t k = 0; k < cols.size(); ++k) column(cols[k], static_cast<lxw_col_t>(k));
    worksheet_hide(lists_);
  }

 private:
  void column(const KitColumn& c, lxw_col_t col) {
    ok_(worksheet_write_string(ws_, 0, col, c.title.c_str(), f_.head));
    const bool item_text = c.text && c.target.kind == Kind::item;
    ok_(worksheet_set_column(ws_, col, col, item_text ? 40 : 16, c.text ? (item_text ? f_.wrap : f_.as_text) : nullptr));
    lxw_data_validation dv{};
    std::string formula, message;
    if (!c.list.empty()) {
      formula = list_entries(c);
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = formula.data();
      if (c.several) {
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;  // several, separated, are typed
        message = capped(t_.text("kit.multi_hint", lang_), 250);
        dv.input_message = message.data();
      }
    } else if (c.whole || c.min || c.max) {
      number_limits(c, dv);
    }
    std::string input_title = capped(c.title, 32);
    if (dv.validate) {
      dv.input_title = input_title.data();
      ok_(worksheet_data_validation_range(ws_, 1, col, kKitRows, col, &dv));
    }
  }

  // The entries on the (hidden) lists sheet: no limit on their number or length. Returns the
  // formula that points at them.
  std::string list_entries(const KitColumn& c) {
    const auto col = static_cast<lxw_col_t>(list_col_);
    for (size_t e = 0; e < c.list.size(); ++e) {
      const auto row = static_cast<lxw_row_t>(e);
      if (!c.list_numbers.empty()) ok_(worksheet_write_number(lists_, row, col, c.list_numbers[e], nullptr));
      else ok_(worksheet_write_string(lists_, row, col, c.list[e].c_str(), nullptr));
    }
    const std::string letters = column_letters(list_col_ + 1);
    ++list_col_;
    return "=lists!$" + letters + "$1:$" + letters + "$" + std::to_string(c.list.size());
  }

  lxw_worksheet *ws_, *lists_;
  const Formats& f_;
  const Templates& t_;
  Lang lang_;
  FirstError& ok_;
  int list_col_ = 0;
};

void instructions_sheet(lxw_worksheet* info, const Formats& f, const Questionnaire& q, const Templates& t,
                        const std::string& answers_name, const std::string& q_file, const std::string& workbook,
                        FirstError& ok) {
  ok(worksheet_set_column(info, 0, 0, 110, nullptr));
  lxw_row_t r = 0;
  for (Lang l : {Lang::ja, Lang::en}) {
    const auto lines = t.list("kit.instructions");
    for (size_t k = 0; k < lines.size(); ++k) {
      const std::string text = fill(lines[k].in(l), {{"title", q.title.in(l)},
                                                      {"sheet", answers_name},
                                                      {"questionnaire", q_file},
                                                      {"workbook", workbook}});
      ok(worksheet_write_string(info, r++, 0, text.c_str(), k == 0 ? f.title : nullptr));
    }
    ++r;
  }
}

// The one place a libxlsxwriter failure becomes careermap::Error: the workbook it could not
// start (no error code), or the error it gave on closing (where it writes the file).
[[noreturn]] void workbook_failed(const std::string& path, std::optional<lxw_error> e) {
  if (!e) throw Error({path, 0, 0}, "", tr("cannot write the workbook"));
  throw Error({path, 0, 0}, "", trf("cannot write the workbook: {value}", {{"value", std::string(lxw_strerror(*e))}}));
}

}  // namespace

void write_kit_workbook(const Questionnaire& q, const std::vector<KitColumn>& cols, const Templates& t, Lang lang,
                        const std::string& path, const std::string& q_file, const std::string& workbook) {
  namespace fs = std::filesystem;
  // libxlsxwriter writes to a file name of its own choosing: it gets one inside a fresh
  // private folder (mkdtemp: mode 0700, a name nobody can guess), and the finished bytes go to
  // `path` through write_file_atomically, as every other output of careermap does (no link
  // planted beside the target is followed, no half-written file is ever seen there).
  std::string folder = (fs::temp_directory_path() / "careermap-kit-XXXXXX").string();
  if (!::mkdtemp(folder.data())) throw Error({path, 0, 0}, "", tr("cannot write the workbook: no temporary folder"));
  const std::string tmp = folder + "/workbook.xlsx";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  // Whatever happens below (a missing template text), the workbook is closed and the private
  // folder removed, so nothing leaks and nothing is left behind.
  struct Pending {
    lxw_workbook*& wb;
    const std::string& folder;
    ~Pending() {
      if (wb) workbook_close(wb);
      std::error_code ec;
      std::filesystem::remove_all(folder, ec);
    }
  } pending{wb, folder};
  if (!wb) workbook_failed(path, std::nullopt);
  const std::string answers_name = sheet_name(t.text("kit.sheet_answers", lang));
  lxw_worksheet* ws = workbook_add_worksheet(wb, answers_name.c_str());
  lxw_worksheet* info = workbook_add_worksheet(wb, sheet_name(t.text("kit.sheet_instructions", lang)).c_str());
  lxw_worksheet* lists = workbook_add_worksheet(wb, "lists");
  if (!ws || !info || !lists) workbook_failed(path, std::nullopt);  // e.g. two sheets of one name
  const Formats f = formats(wb);
  FirstError ok;
  AnswersSheet(ws, lists, f, t, lang, ok).write(cols);
  instructions_sheet(info, f, q, t, answers_name, q_file, workbook, ok);
  if (ok.e != LXW_NO_ERROR) workbook_failed(path, ok.e);
  const lxw_error e = workbook_close(wb);
  wb = nullptr;
  if (e != LXW_NO_ERROR) workbook_failed(path, e);
  write_file_atomically(path, read_file(tmp, kMaxDataFileBytes, tr("the workbook")));
}

}  // namespace careermap
