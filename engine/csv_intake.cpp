#include "engine/csv_intake.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/answers_intake.hpp"
#include "engine/yaml_read.hpp"

namespace careermap {
namespace {

using Kind = ColumnTarget::Kind;

// The answer text as the questionnaire codes it: an option value or a scale point;
// unchanged when nothing matches (the intake then says what is wrong).
std::string code_of(const Item& item, const Field* field, const std::string& cell, const Questionnaire& q,
                    const Mapping& m) {
  const std::string key = field ? item.id + "." + field->id : item.id;
  if (auto it = m.values.find(key); it != m.values.end())
    if (auto v = it->second.find(cell); v != it->second.end()) return v->second;
  const std::string n = normalize_header(cell);
  const std::vector<Option>& options = field ? field->options : item.options;
  for (const auto& o : options)
    if (o.value == cell) return o.value;
  for (const auto& o : options)
    if (!n.empty() && (normalize_header(o.label.ja) == n || normalize_header(o.label.en) == n)) return o.value;
  // The paper form's episode table asks for an option's letter: a, b, c, ...
  if (field && n.size() == 1 && n[0] >= 'a' && static_cast<size_t>(n[0] - 'a') < options.size())
    return options[n[0] - 'a'].value;
  if (!field && item.type == ItemType::likert) {
    const Scale& s = q.scales[item.scale];
    for (size_t k = 0; k < s.labels.size(); ++k)
      if (!n.empty() && (normalize_header(s.labels[k].ja) == n || normalize_header(s.labels[k].en) == n))
        return std::to_string(s.min + static_cast<int>(k));
  }
  return cell;
}

// Splits a multiple-choice cell ("a, b;c") into its answers. Options are matched first,
// longest first, so a label that itself contains a separator ("追われ、先が見えない") stays
// whole; what matches no option runs to the next separator.
std::vector<std::string> split_choices(const Item& item, const std::string& cell) {
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
    for (const auto& o : item.options)
      for (const std::string* label : {&o.value, &o.label.ja, &o.label.en}) {
        const size_t len = label->size();
        if (len > best && cell.compare(pos, len, *label) == 0 &&
            (pos + len == cell.size() || separator_at(pos + len) || cell[pos + len] == ' '))
          best = len;
      }
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

}  // namespace

std::vector<Answers> csv_answers(const Questionnaire& q, const Mapping& m, const CsvTable& table,
                                 const std::string& file, Diagnostics& diags, std::vector<bool>& row_ok) {
  std::vector<Answers> out;
  if (table.records.empty()) {
    diags.error({file, 0, 0}, "", "the file has no header row");
    return out;
  }
  const CsvRecord& head = table.records[0];
  std::vector<const ColumnTarget*> targets;
  bool has_participant = false;
  for (const auto& h : head.cells) {
    const ColumnTarget* t = m.find(h);
    if (!t) diags.warning({file, head.line, 0}, h, "column is not in the mapping " + m.file + "; ignored");
    has_participant = has_participant || (t && t->kind == Kind::participant);
    targets.push_back(t);
  }
  for (const auto& [h, t] : m.columns) {
    bool present = false;
    for (const auto* x : targets) present = present || x == &t;
    if (!present && t.kind != Kind::ignore)
      diags.warning({file, head.line, 0}, h, "mapped column is not in this file");
  }

  // Messages name items and episode fields; CSV users know columns.
  std::map<std::string, std::string> columns_by_target;
  for (size_t c = 0; c < targets.size(); ++c)
    if (targets[c] && targets[c]->kind != Kind::ignore) columns_by_target[targets[c]->text()] = head.cells[c];

  int data_row = 0;
  for (size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& rec = table.records[r];
    ++data_row;
    YAML::Node root(YAML::NodeType::Map);
    root["questionnaire"] = q.id;
    if (!m.cohort.empty()) root["cohort"] = m.cohort;
    if (!m.session.empty()) root["session"] = m.session;
    if (!has_participant) {
      char id[16];
      std::snprintf(id, sizeof id, "r%03d", data_row);
      root["participant"] = id;
    }
    YAML::Node answers(YAML::NodeType::Map);
    std::map<std::string, std::map<int, YAML::Node>> episodes;  // item -> slot -> fields
    std::map<std::string, std::string> column_of = columns_by_target;  // item (or item[N].field) -> header
    if (rec.cells.size() > head.cells.size())
      diags.warning({file, rec.line, 0}, "", "the row has more cells than the header; the extra ones are ignored");
    for (size_t c = 0; c < rec.cells.size() && c < targets.size(); ++c) {
      const ColumnTarget* t = targets[c];
      std::string cell = rec.cells[c];
      while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.pop_back();
      if (!t || t->kind == Kind::ignore || cell.empty()) continue;
      const std::string& header = head.cells[c];
      switch (t->kind) {
        case Kind::participant: root["participant"] = cell; column_of["participant"] = header; break;
        case Kind::name: root["name"] = cell; column_of["name"] = header; break;
        case Kind::cohort: root["cohort"] = cell; column_of["cohort"] = header; break;
        case Kind::session: root["session"] = cell; column_of["session"] = header; break;
        case Kind::item: {
          const Item& item = q.items[*q.find_item(t->item)];
          column_of[item.id] = header;
          if (item.type == ItemType::multi) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const auto& part : split_choices(item, cell)) list.push_back(code_of(item, nullptr, part, q, m));
            answers[item.id] = list;
          } else {
            answers[item.id] = code_of(item, nullptr, cell, q, m);
          }
          break;
        }
        case Kind::episode_field: {
          const Item& item = q.items[*q.find_item(t->item)];
          const Field* f = item.find_field(t->field);
          episodes[item.id][t->episode][f->id] = f->type == ItemType::choice ? code_of(item, f, cell, q, m) : cell;
          column_of[item.id + "[" + std::to_string(t->episode) + "]." + f->id] = header;
          break;
        }
        case Kind::ignore: break;
      }
    }
    for (auto& [item, slots] : episodes) {
      YAML::Node list(YAML::NodeType::Sequence);
      int n = 0;
      for (auto& [slot, fields] : slots) {
        list.push_back(fields);
        ++n;
        // Messages name the episode by its place in the list; point them at its columns.
        for (auto& [key, header] : std::map<std::string, std::string>(column_of)) {
          const std::string prefix = item + "[" + std::to_string(slot) + "].";
          if (key.rfind(prefix, 0) == 0)
            column_of[item + "[" + std::to_string(n) + "]." + key.substr(prefix.size())] = header;
        }
        column_of[item + "[" + std::to_string(n) + "]"] = item + " #" + std::to_string(slot);
      }
      answers[item] = list;
    }
    root["answers"] = answers;

    Diagnostics row;
    Answers a = read_answers_node(q, root, file, row);
    a.file = file + ":" + std::to_string(rec.line);
    std::vector<std::string> said;  // several parts of one cell can fail the same way
    for (auto d : row.list()) {
      d.where = {file, rec.line, 0};
      if (auto it = column_of.find(d.item); it != column_of.end()) d.item = it->second;
      if (std::find(said.begin(), said.end(), d.format()) != said.end()) continue;
      said.push_back(d.format());
      diags.add(std::move(d));
    }
    row_ok.push_back(!row.has_errors());
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace careermap
