#include "engine/mapping.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "engine/yaml_read.hpp"

namespace careermap {
namespace {

// Column headers form services add by themselves; nothing in them is an answer, and the
// e-mail and account name are personal data careermap must not copy.
constexpr std::string_view kServiceColumns[] = {
    "タイムスタンプ", "timestamp", "メールアドレス", "emailaddress", "id", "開始時刻", "完了時刻",
    "メール", "email", "名前", "name", "最終変更時刻", "starttime", "completiontime", "lastmodifiedtime"};

std::string quote_yaml(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q.push_back('\\');
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q.push_back(c);
  }
  return q + "\"";
}

Mapping read_mapping(const YAML::Node& root, const std::string& file, const Questionnaire& q, Diagnostics& diags);

}  // namespace

std::string ColumnTarget::text() const {
  switch (kind) {
    case Kind::ignore: return "ignore";
    case Kind::participant: return "participant";
    case Kind::name: return "name";
    case Kind::cohort: return "cohort";
    case Kind::session: return "session";
    case Kind::item: return item;
    case Kind::episode_field: return item + "[" + std::to_string(episode) + "]." + field;
  }
  return "ignore";
}

std::string normalize_header(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Full-width ASCII U+FF01..U+FF5E (EF BC 81 .. EF BD 9E) and the ideographic space.
    if (c == 0xEF && i + 2 < s.size()) {
      const unsigned b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      const unsigned cp = 0xF000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        c = static_cast<unsigned char>(cp - 0xFF01 + 0x21);
        i += 3;
        if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
        continue;
      }
    }
    if (c < 0x80) {
      if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
      ++i;
      continue;
    }
    const size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    const std::string_view ch = s.substr(i, len);
    static constexpr std::string_view kDrop[] = {"　", "、", "。", "，", "．", "・", "：", "；", "？", "！", "「", "」",
                                                 "『", "』", "（", "）", "【", "】", "〔", "〕", "…", "‥",
                                                 // dashes and waves that Shift_JIS round trips swap
                                                 "〜", "−", "—", "―", "‐", "–"};
    if (std::find(std::begin(kDrop), std::end(kDrop), ch) == std::end(kDrop)) out.append(ch);
    i += len;
  }
  return out;
}

bool parse_target(const Questionnaire& q, std::string_view text, ColumnTarget& out, std::string& error) {
  using Kind = ColumnTarget::Kind;
  out = {};
  if (text == "ignore") return true;
  if (text == "participant") return (out.kind = Kind::participant), true;
  if (text == "name") return (out.kind = Kind::name), true;
  if (text == "cohort") return (out.kind = Kind::cohort), true;
  if (text == "session") return (out.kind = Kind::session), true;
  static const std::regex episode(R"(([A-Za-z0-9_-]+)\[([1-9][0-9]{0,2})\]\.([A-Za-z0-9_-]+))");
  std::cmatch m;
  const std::string s(text);
  if (std::regex_match(s.c_str(), m, episode)) {
    const auto idx = q.find_item(m[1].str());
    if (!idx || q.items[*idx].type != ItemType::episodes) {
      error = "'" + m[1].str() + "' is not an episodes item";
      return false;
    }
    if (!q.items[*idx].find_field(m[3].str())) {
      error = "episodes item '" + m[1].str() + "' has no field '" + m[3].str() + "'";
      return false;
    }
    out = {Kind::episode_field, m[1].str(), std::stoi(m[2].str()), m[3].str()};
    return true;
  }
  const auto idx = q.find_item(s);
  if (!idx) {
    error = "'" + s + "' is no item of " + q.id + " (nor ignore, participant, name, cohort, session)";
    return false;
  }
  if (q.items[*idx].type == ItemType::episodes) {
    error = "episodes are mapped field by field: " + s + "[1].<field>";
    return false;
  }
  out = {Kind::item, s, 0, ""};
  return true;
}

const ColumnTarget* Mapping::find(std::string_view header) const {
  for (const auto& [h, t] : columns)
    if (h == header) return &t;
  const std::string n = normalize_header(header);
  for (const auto& [h, t] : columns)
    if (!n.empty() && normalize_header(h) == n) return &t;
  return nullptr;
}

Mapping Mapping::parse(std::string_view text, const std::string& file, const Questionnaire& q, Diagnostics& diags) {
  try {
    return read_mapping(yaml::parse(text, file), file, q, diags);
  } catch (const YAML::Exception&) {
    yaml::rethrow(file);
  }
}

namespace {

Mapping read_mapping(const YAML::Node& root, const std::string& file, const Questionnaire& q, Diagnostics& diags) {
  Mapping m;
  m.file = file;
  if (!root.IsMap()) {
    diags.error({file, 1, 1}, "", "a mapping file is a map with questionnaire and columns");
    return m;
  }
  yaml::warn_unknown_keys(root, {"questionnaire", "cohort", "session", "columns", "values"}, file, "", diags);
  if (root["questionnaire"]) m.questionnaire = yaml::scalar(root["questionnaire"], file, "questionnaire", diags).value_or("");
  if (m.questionnaire != q.id)
    diags.error(yaml::at(root["questionnaire"] ? root["questionnaire"] : root, file), "questionnaire",
                "this mapping is for '" + m.questionnaire + "', not '" + q.id + "'");
  if (root["cohort"]) m.cohort = yaml::scalar(root["cohort"], file, "cohort", diags).value_or("");
  if (root["session"]) m.session = yaml::scalar(root["session"], file, "session", diags).value_or("");
  const YAML::Node cols = root["columns"];
  if (!cols || !cols.IsMap()) {
    diags.error(yaml::at(cols ? cols : root, file), "columns", "needs a map from column header to item");
  } else {
    for (const auto& kv : cols) {
      const std::string header = kv.first.Scalar();
      ColumnTarget t;
      std::string error;
      const std::string target = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (!parse_target(q, target, t, error)) {
        diags.error(yaml::at(kv.second, file), header, error);
        continue;
      }
      m.columns.emplace_back(header, t);
    }
  }
  if (const YAML::Node vals = root["values"]; vals && vals.IsMap()) {
    for (const auto& kv : vals) {
      const std::string item = kv.first.Scalar();
      const size_t dot = item.find('.');
      const auto idx = q.find_item(item.substr(0, dot));
      const bool ok = idx && (dot == std::string::npos ? q.items[*idx].type != ItemType::episodes
                                                       : q.items[*idx].find_field(item.substr(dot + 1)) != nullptr);
      if (!ok) diags.error(yaml::at(kv.first, file), item, "no such item (or episodes.field) in " + q.id);
      if (!kv.second.IsMap()) continue;
      for (const auto& v : kv.second) {
        if (!v.first.IsScalar() || !(v.second.IsScalar() || v.second.IsNull())) {
          diags.error(yaml::at(v.first, file), item, "a value maps a label to an option code: {label: code}");
          continue;
        }
        m.values[item][v.first.Scalar()] = v.second.IsNull() ? "" : v.second.Scalar();
      }
    }
  }
  return m;
}

}  // namespace

Mapping Mapping::load(const std::string& path, const Questionnaire& q, Diagnostics& diags) {
  return parse(yaml::read_file(path), path, q, diags);
}

std::vector<std::pair<std::string, ColumnTarget>> form_columns(const Questionnaire& q, const Templates& t, Lang lang,
                                                               int episode_slots) {
  using Kind = ColumnTarget::Kind;
  std::vector<std::pair<std::string, ColumnTarget>> out;
  out.push_back({t.text("csv.participant", lang), {Kind::participant, "", 0, ""}});
  out.push_back({t.text("csv.name", lang), {Kind::name, "", 0, ""}});
  for (const auto& item : q.items)
    if (item.type != ItemType::episodes) out.push_back({item.text.in(lang), {Kind::item, item.id, 0, ""}});
  for (const auto& item : q.items) {
    if (item.type != ItemType::episodes) continue;
    for (int n = 1; n <= episode_slots; ++n)
      for (const auto& f : item.fields)
        out.push_back({fill(t.text("csv.episode", lang), {{"n", std::to_string(n)}, {"field", f.label.in(lang)}}),
                       {Kind::episode_field, item.id, n, f.id}});
  }
  return out;
}

std::string starter_mapping(const Questionnaire& q, const Templates& t, const std::vector<std::string>& header,
                            std::vector<std::string>& unmatched) {
  auto known = form_columns(q, t, Lang::ja, 20);
  for (auto& c : form_columns(q, t, Lang::en, 20)) known.push_back(std::move(c));
  std::string out = "# careermap mapping: how the columns of a form's CSV become answers (FORMAT.md).\n"
                    "# Written by `careermap mapping --init`; check every line, then use it with --mapping.\n"
                    "questionnaire: " + q.id + "\n# cohort: \"2026\"\n# session: pre\ncolumns:\n";
  for (const auto& h : header) {
    const ColumnTarget* hit = nullptr;
    for (const auto& [text, target] : known)
      if (text == h) hit = &target;
    const std::string n = normalize_header(h);
    for (size_t k = 0; !hit && k < known.size(); ++k)
      if (!n.empty() && normalize_header(known[k].first) == n) hit = &known[k].second;
    const bool service = std::any_of(std::begin(kServiceColumns), std::end(kServiceColumns),
                                     [&](std::string_view c) { return normalize_header(c) == n; });
    if (hit) {
      out += "  " + quote_yaml(h) + ": " + hit->text() + "\n";
    } else if (service) {
      out += "  " + quote_yaml(h) + ": ignore   # added by the form service\n";
    } else {
      out += "  " + quote_yaml(h) + ": ignore   # NOT MATCHED: write the item id here, or keep ignore\n";
      unmatched.push_back(h);
    }
  }
  out += "# values:            # answer texts that are neither an option's value nor its label\n"
         "#   item_id: {\"answer text\": option_value}\n";
  return out;
}

}  // namespace careermap
