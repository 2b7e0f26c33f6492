#include "engine/csv_intake.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "answers_intake.hpp"
#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

using Kind = ColumnTarget::Kind;

// How the answers of one item (or episode field) are coded, with every label already
// normalized: built once per file, used for every cell.
struct Codes {
  const std::map<std::string, std::string>* values = nullptr;  // the mapping's answer texts
  std::vector<std::string> exact;                              // option values
  std::vector<std::pair<std::string, std::string>> labels;     // normalized option label -> value
  std::vector<std::string> letters;                            // episode fields: a, b, c, ... -> value
  std::vector<std::pair<std::string, std::string>> points;     // normalized scale label -> point

  Codes(const Item& item, const Field* field, const Questionnaire& q, const Mapping& m) {
    const std::string key = field ? item.id + "." + field->id : item.id;
    if (auto it = m.values.find(key); it != m.values.end()) values = &it->second;
    const std::vector<Option>& options = field ? field->options : item.options;
    for (const auto& o : options) {
      exact.push_back(o.value);
      for (const std::string* l : {&o.label.ja, &o.label.en})
        if (const std::string n = normalize_header(*l); !n.empty()) labels.push_back({n, o.value});
      if (field) letters.push_back(o.value);  // the paper form's episode table asks for a letter
    }
    if (!field && item.type == ItemType::likert) {
      const Scale& s = q.scales[item.scale];
      for (size_t k = 0; k < s.labels.size(); ++k)
        for (const std::string* l : {&s.labels[k].ja, &s.labels[k].en})
          if (const std::string n = normalize_header(*l); !n.empty())
            points.push_back({n, std::to_string(s.min + static_cast<int>(k))});
    }
  }

  // The answer text as the questionnaire codes it: an option value or a scale point;
  // unchanged when nothing matches (the intake then says what is wrong).
  // A form's export repeats the same few texts row after row: each is coded once (up to
  // kRemembered different texts per column, of at most kRemembered bytes each, so memory
  // stays bounded).
  std::string of(const std::string& cell) const {
    if (const auto it = remembered.find(cell); it != remembered.end()) return it->second;
    std::string code = code_of(cell);
    if (remembered.size() < kRemembered && cell.size() <= kRemembered) remembered.emplace(cell, code);
    return code;
  }
  static constexpr size_t kRemembered = 256;
  mutable std::unordered_map<std::string, std::string> remembered;

  std::string code_of(const std::string& cell) const {
    if (values)
      if (auto v = values->find(cell); v != values->end()) return v->second;
    for (const auto& e : exact)
      if (e == cell) return e;
    const std::string n = normalize_header(cell);
    if (n.empty()) return cell;
    for (const auto& [label, value] : labels)
      if (label == n) return value;
    if (n.size() == 1 && n[0] >= 'a' && static_cast<size_t>(n[0] - 'a') < letters.size()) return letters[n[0] - 'a'];
    for (const auto& [label, point] : points)
      if (label == n) return point;
    return cell;
  }
};

// Splits a multiple-choice cell ("a, b;c") into its answers. Options (and the mapping's
// `values:` texts) are matched first, longest first, so a label that itself contains a
// separator ("追われ、先が見えない") stays whole; what matches none runs to the next separator.
std::vector<std::string> split_choices(const Item& item, const std::string& cell, const Mapping& m) {
  const auto values = m.values.find(item.id);
  auto separator_at = [&](size_t i) -> size_t {  // length of a separator at i, or 0
    if (cell[i] == ';' || cell[i] == '\n') return 1;
    if (cell[i] == ',') return i + 1 < cell.size() && cell[i + 1] == ' ' ? 2 : 1;
    if (cell.compare(i, 3, "、") == 0) return 3;
    return 0;
  };
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < cell.size()) {
    if (const size_t sep = separator_at(pos); sep || cell[pos] == ' ') {
      pos += sep ? sep : 1;
      continue;
    }
    size_t best = 0;
    auto consider = [&](const std::string& label) {
      const size_t len = label.size();
      if (len > best && cell.compare(pos, len, label) == 0 &&
          (pos + len == cell.size() || separator_at(pos + len) || cell[pos + len] == ' '))
        best = len;
    };
    for (const auto& o : item.options)
      for (const std::string* label : {&o.value, &o.label.ja, &o.label.en}) consider(*label);
    if (values != m.values.end())  // the mapping's answer texts, which may hold a separator too
      for (const auto& [text, value] : values->second) consider(text);
    if (!best) {
      best = 1;
      while (pos + best < cell.size() && !separator_at(pos + best)) ++best;
    }
    std::string part = cell.substr(pos, best);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    out.push_back(part);
    pos += best;
  }
  return out;
}


// Code-like cells (choices, numbers, ids) are read without the spaces around them; free
// text and names exactly as written.
std::string trimmed(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}


}  // namespace

struct CsvIntake::Impl {
  const Questionnaire& q;
  const Mapping& m;
  RowSource& reader;
  CsvRecord head, rec;
  std::string head_raw;
  bool usable = false, has_participant = false;
  std::vector<const ColumnTarget*> targets;  // per column; null: not in the mapping
  std::map<std::string, std::pair<std::string, int>> columns_by_target;  // target -> its header, column (1-based)
  std::vector<std::unique_ptr<Codes>> codes;  // per column (items and episode fields with options)
  std::vector<const Item*> items;             // per column: the item it answers (looked up once per file)
  std::vector<const Field*> fields;           // per column: the episode field it answers
  int data_row = 0;

  Impl(const Questionnaire& q, const Mapping& m, RowSource& reader) : q(q), m(m), reader(reader) {}

  using Uses = std::vector<std::pair<const Mapping::Column*, std::vector<size_t>>>;
  using ColumnOf = std::map<std::string, std::pair<std::string, int>>;  // target -> header, column

  void bind_header(Diagnostics& diags) {
    const std::string& file = reader.file();
    if (!reader.next(head, diags)) {
      if (!diags.has_errors()) diags.error({file, 0, 0}, "", tr("the file has no header row"));
      return;
    }
    head_raw = reader.raw();
    if (!head.ok) return;
    const Uses uses = mapping_uses(diags);
    bool ok = true;
    for (const auto& [col, cols] : uses) ok = assign_targets(*col, cols, diags) && ok;
    for (const auto& col : m.columns) {
      const bool present = std::any_of(uses.begin(), uses.end(), [&](const auto& u) { return u.first == &col; });
      const bool ignored = std::all_of(col.targets.begin(), col.targets.end(), [](const ColumnTarget& t) { return t.kind == Kind::ignore; });
      if (!present && !ignored)
        diags.warning(reader.at(head.line, 0), col.header, tr("mapped column is not in this file"));
    }
    look_up_columns();
    usable = ok;
  }

  // Columns by the mapping entry they match, in the order the entries are first used; a
  // column the mapping does not name is said and ignored.
  Uses mapping_uses(Diagnostics& diags) {
    Uses uses;
    targets.assign(head.cells.size(), nullptr);
    for (size_t c = 0; c < head.cells.size(); ++c) {
      const Mapping::Column* col = m.find(head.cells[c]);
      if (!col) {
        diags.warning(
            reader.at(head.line, 0), head.cells[c],
            trf("column is not in the mapping {file}; ignored", {{"file", std::string(m.file)}}));
        continue;
      }
      auto it = std::find_if(uses.begin(), uses.end(), [&](const auto& u) { return u.first == col; });
      if (it == uses.end()) uses.push_back({col, {c}});
      else it->second.push_back(c);
    }
    return uses;
  }

  // The targets of the columns `cols` a mapping entry matches: its one target, or one per
  // column in order; false (said) when the counts differ.
  bool assign_targets(const Mapping::Column& col, const std::vector<size_t>& cols, Diagnostics& diags) {
    const auto& list = col.targets;
    const bool all_ignored = std::all_of(list.begin(), list.end(), [](const ColumnTarget& t) { return t.kind == Kind::ignore; });
    if (list.size() == 1 && (cols.size() == 1 || all_ignored)) {
      for (size_t c : cols) targets[c] = &list[0];
      return true;
    }
    if (list.size() == cols.size()) {
      for (size_t k = 0; k < cols.size(); ++k) targets[cols[k]] = &list[k];
      return true;
    }
    diags.error(reader.at(head.line, 0), head.cells[cols[0]],
                trn("the title heads {columns} columns ({numbers}) and the mapping {file} gives {n} target for it; "
                    "list one target per column, in order: {example}",
                    "the title heads {columns} columns ({numbers}) and the mapping {file} gives {n} targets for it; "
                    "list one target per column, in order: {example}",
                    list.size(),
                    {{"columns", std::to_string(cols.size())},
                     {"numbers", column_numbers(cols)},
                     {"file", m.file},
                     {"example", list[0].kind == Kind::episode_field
                                     ? "[\"" + list[0].item + "[1]." + list[0].field + "\", \"" + list[0].item + "[2]." +
                                           list[0].field + "\", ...]"
                                     : tr("[first, second, ...]")}}));
    return false;
  }

  // Per column, once per file: the item and field it answers and the codes of its options.
  void look_up_columns() {
    codes.resize(targets.size());
    items.assign(targets.size(), nullptr);
    fields.assign(targets.size(), nullptr);
    for (size_t c = 0; c < targets.size(); ++c) {
      const ColumnTarget* t = targets[c];
      if (t && !t->item.empty()) items[c] = &q.items[*q.find_item(t->item)];
      if (t && t->kind == Kind::episode_field) fields[c] = items[c]->find_field(t->field);
      if (t && (t->kind == Kind::item || t->kind == Kind::episode_field))
        codes[c] = std::make_unique<Codes>(*items[c], fields[c], q, m);
      has_participant = has_participant || (t && t->kind == Kind::participant);
      // Messages name items and episode fields; CSV users know columns.
      if (t && t->kind != Kind::ignore) columns_by_target[t->text()] = {head.cells[c], static_cast<int>(c) + 1};
    }
  }

  bool next(Answers& a, Diagnostics& diags) {
    if (!usable) return false;
    if (!reader.next(rec, diags)) {
      if (data_row == 0 && !diags.has_errors())
        diags.error(reader.at(head.line, 0), "", tr("the file has no rows of answers after its header"));
      return false;
    }
    ++data_row;
    a = Answers{};
    a.file = reader.row_name(rec.line);
    if (!rec.ok || !row_fits_header(diags)) return true;  // said why
    ColumnOf column_of = columns_by_target;
    Diagnostics checked;
    a = read_answers_node(q, row_node(column_of), reader.file(), checked);
    a.file = reader.row_name(rec.line);
    say_at_columns(checked, column_of, diags);
    return true;
  }

  // A row cut short is an error; extra cells are ignored, with a warning.
  bool row_fits_header(Diagnostics& diags) {
    if (rec.cells.size() < head.cells.size()) {
      diags.error(reader.at(rec.line, 0), "",
                  trf("the row has {size} cells and the header {size_a}: the row is cut short",
                      {{"size", std::to_string(rec.cells.size())},
                       {"size_a", std::to_string(head.cells.size())}}));
      return false;
    }
    if (rec.cells.size() > head.cells.size())
      diags.warning(reader.at(rec.line, 0), "",
                    tr("the row has more cells than the header; the extra ones are ignored"));
    return true;
  }

  // The row as the answers file it stands for (FORMAT.md "Answers file"); `column_of` learns
  // the column of every target the row gives.
  YAML::Node row_node(ColumnOf& column_of) {
    YAML::Node root(YAML::NodeType::Map);
    root["questionnaire"] = q.id;
    if (!m.cohort.empty()) root["cohort"] = m.cohort;
    if (!m.meeting.empty()) root["meeting"] = m.meeting;
    if (!m.session.empty()) root["session"] = m.session;
    if (!has_participant) {
      char id[16];
      std::snprintf(id, sizeof id, "r%03d", data_row);
      root["participant"] = id;
    }
    YAML::Node answers(YAML::NodeType::Map);
    Episodes episodes;
    for (size_t c = 0; c < targets.size(); ++c)
      if (targets[c] && targets[c]->kind != Kind::ignore) put_cell(c, root, answers, episodes, column_of);
    add_episodes(episodes, answers, column_of);
    root["answers"] = answers;
    return root;
  }

  using Episodes = std::map<std::string, std::map<int, YAML::Node>>;  // item -> slot -> fields

  // Column c's cell into the row's node.
  void put_cell(size_t c, YAML::Node& root, YAML::Node& answers, Episodes& episodes, ColumnOf& column_of) {
    const ColumnTarget* t = targets[c];
    const std::string& cell = rec.cells[c];
    const Item* item = items[c];
    const Field* f = fields[c];
    const bool exact = t->kind == Kind::name || (t->kind == Kind::item && item->type == ItemType::text) ||
                       (f && f->type == ItemType::text);
    const std::string value = exact ? cell : trimmed(cell);
    if (value.empty()) return;
    const std::pair<std::string, int> header{head.cells[c], static_cast<int>(c) + 1};
    switch (t->kind) {
      case Kind::participant: root["participant"] = value; column_of["participant"] = header; break;
      case Kind::name: root["name"] = value; column_of["name"] = header; break;
      case Kind::cohort: root["cohort"] = value; column_of["cohort"] = header; break;
      case Kind::meeting: root["meeting"] = value; column_of["meeting"] = header; break;
      case Kind::session: root["session"] = value; column_of["session"] = header; break;
      case Kind::item: {
        column_of[item->id] = header;
        if (item->type == ItemType::multi) {
          YAML::Node list(YAML::NodeType::Sequence);
          for (const auto& part : split_choices(*item, value, m)) list.push_back(codes[c]->of(part));
          answers[item->id] = list;
        } else {
          answers[item->id] = item->type == ItemType::text ? value : codes[c]->of(value);
        }
        break;
      }
      case Kind::episode_field:
        episodes[item->id][t->episode][f->id] = f->type == ItemType::choice ? codes[c]->of(value) : value;
        column_of[item->id + "[" + std::to_string(t->episode) + "]." + f->id] = header;
        break;
      case Kind::ignore: break;
    }
  }

  // The episodes the row gives, in slot order, as lists; messages name an episode by its place
  // in the list, so `column_of` points those names at its columns.
  static void add_episodes(Episodes& episodes, YAML::Node& answers, ColumnOf& column_of) {
    for (auto& [item, slots] : episodes) {
      YAML::Node list(YAML::NodeType::Sequence);
      int n = 0;
      for (auto& [slot, fields] : slots) {
        list.push_back(fields);
        ++n;
        const std::string prefix = item + "[" + std::to_string(slot) + "].";
        for (auto& [key, header] : ColumnOf(column_of))
          if (key.rfind(prefix, 0) == 0)
            column_of[item + "[" + std::to_string(n) + "]." + key.substr(prefix.size())] = header;
        column_of[item + "[" + std::to_string(n) + "]"] = {item + " #" + std::to_string(slot), 0};
      }
      answers[item] = list;
    }
  }

  // The answers' messages at the row's line and the column of what they are about, each once
  // (several parts of one cell can fail the same way).
  void say_at_columns(const Diagnostics& checked, const ColumnOf& column_of, Diagnostics& diags) {
    std::vector<std::string> said;
    for (auto d : checked.list()) {
      d.where = reader.at(rec.line, 0);
      if (auto it = column_of.find(d.item); it != column_of.end()) {
        d.where = reader.at(rec.line, it->second.second);
        d.item = it->second.first;
      }
      if (std::find(said.begin(), said.end(), d.format()) != said.end()) continue;
      said.push_back(d.format());
      diags.add(std::move(d));
    }
  }
};

CsvIntake::CsvIntake(const Questionnaire& q, const Mapping& m, RowSource& reader, Diagnostics& diags)
    : impl_(std::make_unique<Impl>(q, m, reader)) {
  impl_->bind_header(diags);
}
CsvIntake::~CsvIntake() = default;
bool CsvIntake::usable() const { return impl_->usable; }
bool CsvIntake::next(Answers& a, Diagnostics& row) { return impl_->next(a, row); }
const CsvRecord& CsvIntake::record() const { return impl_->rec; }
const CsvRecord& CsvIntake::header() const { return impl_->head; }
const std::string& CsvIntake::header_raw() const { return impl_->head_raw; }

}  // namespace careermap
