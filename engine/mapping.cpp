#include "engine/mapping.hpp"
#include "engine/enum_names.hpp"

#include <algorithm>
#include <cctype>

#include "engine/answers_yaml.hpp"
#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

// Column headers form services add by themselves; nothing in them is an answer, and the
// e-mail and account name are personal data careermap must not copy.
constexpr std::string_view kServiceColumns[] = {
    "タイムスタンプ", "timestamp", "メールアドレス", "emailaddress", "id", "開始時刻", "完了時刻",
    "メール", "email", "最終変更時刻", "starttime", "completiontime", "lastmodifiedtime"};

// What form services and spreadsheets call the participant's name column.
constexpr std::string_view kNameColumns[] = {"お名前", "名前", "氏名", "おなまえ", "なまえ", "name", "fullname", "yourname",
                                             "氏名漢字", "お名前漢字"};
// ... and the columns that say which cohort, and which meeting, a row is of.
constexpr std::string_view kCohortColumns[] = {"コホート", "期", "受講期", "cohort"};
constexpr std::string_view kMeetingColumns[] = {"回", "実施回", "ミーティング", "meeting", "session"};

bool id_chars(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

Mapping read_mapping(const YAML::Node& root, const std::string& file, const Questionnaire& q, Diagnostics& diags);

}  // namespace

namespace {
// The targets that are a word of their own (FORMAT.md "Column mappings").
constexpr EnumName<ColumnTarget::Kind> kWordTargets[] = {
    {ColumnTarget::Kind::ignore, "ignore"}, {ColumnTarget::Kind::participant, "participant"},
    {ColumnTarget::Kind::name, "name"},     {ColumnTarget::Kind::cohort, "cohort"},
    {ColumnTarget::Kind::meeting, "meeting"}, {ColumnTarget::Kind::session, "session"}};
}  // namespace

std::string ColumnTarget::text() const {
  if (kind == Kind::item) return item;
  if (kind == Kind::episode_field) return item + "[" + std::to_string(episode) + "]." + field;
  return std::string(name_in(kWordTargets, kind));
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
  if (const auto word = value_in(kWordTargets, text)) return (out.kind = *word), true;
  // <item>[N].<field>, read by hand: the text may be of any length.
  const std::string s(text);
  if (const size_t open = s.find('['); open != std::string::npos) {
    const size_t close = s.find(']', open);
    const std::string item = s.substr(0, open);
    const std::string n = close == std::string::npos ? "" : s.substr(open + 1, close - open - 1);
    const std::string field = close == std::string::npos || close + 1 >= s.size() || s[close + 1] != '.'
                                  ? "" : s.substr(close + 2);
    const bool number = !n.empty() && n.size() <= 3 && n[0] != '0' &&
                        std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!id_chars(item) || !number || !id_chars(field)) {
      error = tr("an episode field is written <item>[N].<field> with N from 1 to 999");
      return false;
    }
    const auto idx = q.find_item(item);
    if (!idx || q.items[*idx].type != ItemType::episodes) {
      error = trf("'{item}' is not an episodes item", {{"item", std::string(item)}});
      return false;
    }
    if (!q.items[*idx].find_field(field)) {
      error = trf("episodes item '{item}' has no field '{field}'",
                  {{"item", std::string(item)}, {"field", std::string(field)}});
      return false;
    }
    out = {Kind::episode_field, item, std::stoi(n), field};
    return true;
  }
  const auto idx = q.find_item(s);
  if (!idx) {
    error =
        trf("'{s}' is no item of {id} (nor ignore, participant, name, cohort, meeting, session)",
            {{"s", std::string(s)}, {"id", std::string(q.id)}});
    return false;
  }
  if (q.items[*idx].type == ItemType::episodes) {
    error = trf("episodes are mapped field by field: {s}[1].<field>", {{"s", std::string(s)}});
    return false;
  }
  out = {Kind::item, s, 0, ""};
  return true;
}

const Mapping::Column* Mapping::find(std::string_view header) const {
  for (const auto& c : columns)
    if (c.header == header) return &c;
  const std::string n = normalize_header(header);
  for (const auto& c : columns)
    if (!n.empty() && normalize_header(c.header) == n) return &c;
  return nullptr;
}

Mapping Mapping::parse(std::string_view text, const std::string& file, const Questionnaire& q, Diagnostics& diags) {
  return yaml::guarded(file, [&] { return read_mapping(yaml::parse(text, file), file, q, diags); });
}

namespace {

// One entry of `columns:`: a header and its target, or a list of them for a title the CSV
// repeats; kept only when every target is good.
void read_column(const YAML::Node& key, const YAML::Node& value, const std::string& file, const Questionnaire& q,
                 Mapping& m, Diagnostics& diags) {
  Mapping::Column col{key.Scalar(), {}};
  bool ok = true;
  std::vector<YAML::Node> nodes;
  if (value.IsSequence() && value.size() > 0)
    for (const auto& n : value) nodes.push_back(n);
  else
    nodes.push_back(value);
  for (const auto& n : nodes) {
    ColumnTarget t;
    std::string error;
    if (!n.IsScalar()) {
      diags.error(yaml::at(n, file), col.header, tr("needs a target (an item id, ignore, ...) or a list of targets"));
      ok = false;
    } else if (!parse_target(q, n.Scalar(), t, error)) {
      diags.error(yaml::at(n, file), col.header, error);
      ok = false;
    }
    col.targets.push_back(t);
  }
  if (ok) m.columns.push_back(std::move(col));
}

// `values:`: per item (or episodes.field), labels mapped to option codes.
void read_values(const YAML::Node& vals, const std::string& file, const Questionnaire& q, Mapping& m,
                 Diagnostics& diags) {
  for (const auto& kv : vals) {
    const std::string item = kv.first.Scalar();
    const size_t dot = item.find('.');
    const auto idx = q.find_item(item.substr(0, dot));
    const bool ok = idx && (dot == std::string::npos ? q.items[*idx].type != ItemType::episodes
                                                     : q.items[*idx].find_field(item.substr(dot + 1)) != nullptr);
    if (!ok)
      diags.error(yaml::at(kv.first, file), item, trf("no such item (or episodes.field) in {id}", {{"id", std::string(q.id)}}));
    if (!kv.second.IsMap()) continue;
    for (const auto& v : kv.second) {
      if (!v.first.IsScalar() || !(v.second.IsScalar() || v.second.IsNull())) {
        diags.error(yaml::at(v.first, file), item, tr("a value maps a label to an option code: {label: code}"));
        continue;
      }
      m.values[item][v.first.Scalar()] = v.second.IsNull() ? "" : v.second.Scalar();
    }
  }
}

Mapping read_mapping(const YAML::Node& root, const std::string& file, const Questionnaire& q, Diagnostics& diags) {
  Mapping m;
  m.file = file;
  if (!root.IsMap()) {
    diags.error({file, 1, 1}, "", tr("a mapping file is a map with questionnaire and columns"));
    return m;
  }
  yaml::warn_unknown_keys(root, {"questionnaire", "cohort", "meeting", "session", "columns", "values"}, file, "", diags);
  if (root["questionnaire"]) m.questionnaire = yaml::scalar(root["questionnaire"], file, "questionnaire", diags).value_or("");
  if (m.questionnaire != q.id)
    diags.error(yaml::at(root["questionnaire"] ? root["questionnaire"] : root, file),
                "questionnaire",
                trf("this mapping is for '{questionnaire}', not '{id}'",
                    {{"questionnaire", std::string(m.questionnaire)}, {"id", std::string(q.id)}}));
  if (root["cohort"]) m.cohort = yaml::scalar(root["cohort"], file, "cohort", diags).value_or("");
  if (root["meeting"]) m.meeting = yaml::scalar(root["meeting"], file, "meeting", diags).value_or("");
  if (root["session"]) m.session = yaml::scalar(root["session"], file, "session", diags).value_or("");
  const YAML::Node cols = root["columns"];
  if (!cols || !cols.IsMap())
    diags.error(yaml::at(cols ? cols : root, file), "columns", tr("needs a map from column header to item"));
  else
    for (const auto& kv : cols) read_column(kv.first, kv.second, file, q, m, diags);
  if (const YAML::Node vals = root["values"]; vals && vals.IsMap()) read_values(vals, file, q, m, diags);
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

std::string column_numbers(const std::vector<size_t>& cols) {
  std::string s;
  for (size_t k = 0; k < cols.size(); ++k)
    s += (k == 0 ? "" : k + 1 == cols.size() ? " and " : ", ") + std::to_string(cols[k] + 1);
  return s;
}

namespace {

// A column title careermap knows: a form column's title in either language, or an episode
// field's own label (the title a form section per episode repeats).
struct KnownTitle {
  std::string text, norm;
  ColumnTarget target;
  bool per_episode = false;
};

std::vector<KnownTitle> known_titles(const Questionnaire& q, const Templates& t) {
  std::vector<KnownTitle> known;
  for (Lang lang : {Lang::ja, Lang::en}) {
    for (auto& [text, target] : form_columns(q, t, lang, 20)) known.push_back({text, normalize_header(text), target});
    for (const auto& item : q.items)
      for (const auto& f : item.fields)
        known.push_back({f.label.in(lang), normalize_header(f.label.in(lang)),
                         {ColumnTarget::Kind::episode_field, item.id, 1, f.id}, true});
  }
  return known;
}

// The title `h` as written, else as normalized; a grid question's column `QUESTION [ROW]`
// by its row (the item's text).
const KnownTitle* match_title(const std::vector<KnownTitle>& known, std::string_view h) {
  auto match = [&](std::string_view title) -> const KnownTitle* {
    for (const auto& k : known)
      if (!k.text.empty() && k.text == title) return &k;
    const std::string n = normalize_header(title);
    for (const auto& k : known)
      if (!n.empty() && k.norm == n) return &k;
    return nullptr;
  };
  const KnownTitle* hit = match(h);
  if (const size_t open = h.rfind('['); !hit && h.size() > 2 && h.back() == ']' && open != std::string::npos)
    hit = match(h.substr(open + 1, h.size() - open - 2));
  return hit;
}

template <class List>
bool one_of(std::string_view h, const List& list) {
  const std::string n = normalize_header(h);
  return std::any_of(std::begin(list), std::end(list), [&](std::string_view c) { return normalize_header(c) == n; });
}

// The lines of `columns:` for title `h`, which heads the columns `cols`; a title nothing
// matches goes to `unmatched`.
std::string column_lines(const std::string& h, const std::vector<size_t>& cols, const KnownTitle* hit,
                         std::vector<std::string>& unmatched) {
  const std::string key = "  " + yaml_quoted(h) + ": ";
  const bool service = one_of(h, kServiceColumns);
  if (cols.size() > 1 && hit && hit->per_episode) {
    std::string out = key + "  # " + tr("one target per column with this title, in order") + "\n";
    for (size_t k = 0; k < cols.size(); ++k) {
      ColumnTarget e = hit->target;
      e.episode = static_cast<int>(k + 1);
      out += "    - " + e.text() + "\n";
    }
    return out;
  }
  if (cols.size() > 1 && !service) {
    unmatched.push_back(h);
    return key + "ignore   # " +
           trf("NOT MATCHED: the title heads columns {numbers}; list one target per column",
               {{"numbers", column_numbers(cols)}}) +
           "\n";
  }
  if (hit) return key + hit->target.text() + "\n";
  if (one_of(h, kNameColumns)) return key + "name\n";
  if (one_of(h, kCohortColumns)) return key + "cohort\n";
  if (one_of(h, kMeetingColumns)) return key + "meeting\n";
  if (service) return key + "ignore   # " + tr("added by the form service") + "\n";
  unmatched.push_back(h);
  return key + "ignore   # " + tr("NOT MATCHED: write the item id here, or keep ignore") + "\n";
}

}  // namespace

std::string starter_mapping(const Questionnaire& q, const Templates& t, const std::vector<std::string>& header,
                            std::vector<std::string>& unmatched, const std::string& cohort, const std::string& meeting) {
  const std::vector<KnownTitle> known = known_titles(q, t);
  // The comments are in the message language, for whoever checks the file; "NOT MATCHED" stays
  // in either, to be searched for.
  std::string out = tr("# careermap mapping: how the columns of a form's CSV become answers (FORMAT.md).\n"
                       "# Written by `careermap mapping --init`; check every line, then use it with --mapping.\n") +
                    "questionnaire: " + q.id + "\n" +
                    (cohort.empty() ? "# cohort: \"2026\"\n" : "cohort: " + yaml_quoted(cohort) + "\n") +
                    (meeting.empty() ? "# meeting: " + q.meetings.front().id + "\n" : "meeting: " + meeting + "\n") + "columns:\n";
  std::map<std::string_view, std::vector<size_t>> columns_of;  // title -> its columns
  for (size_t c = 0; c < header.size(); ++c) columns_of[header[c]].push_back(c);
  for (size_t c = 0; c < header.size(); ++c) {
    const std::vector<size_t>& cols = columns_of[header[c]];
    if (cols[0] != c) continue;  // a repeated title is written once, at its first column
    out += column_lines(header[c], cols, match_title(known, header[c]), unmatched);
  }
  out += "# values:            # " + tr("answer texts that are neither an option's value nor its label") +
         "\n#   item_id: {\"answer text\": option_value}\n";
  return out;
}

}  // namespace careermap
