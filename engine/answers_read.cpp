// The answers file's reader (FORMAT.md "Answers file"): parse_answers, load_answers and the
// intake over a node the CSV intake builds; every problem to Diagnostics with its place.
// The types and the rules of ids are in answers.cpp.
#include "engine/answers.hpp"
#include "engine/records.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "engine/answer_messages.hpp"
#include "answers_intake.hpp"
#include "engine/csv_read.hpp"
#include "engine/files.hpp"
#include "engine/numbers.hpp"
#include "engine/utf8.hpp"
#include "yaml_doc.hpp"
#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The direction controls and zero-width characters in `s` (U+200B–200F, U+202A–202E,
// U+2060, U+2066–2069, U+FEFF), as "U+202E, U+200B" in order of first appearance; "" when
// there are none. `s` is UTF-8 (checked before).
std::string invisible_controls(std::string_view s) {
  std::string out;
  std::set<char32_t> seen;
  for_each_char(s, [&](char32_t cp, std::string_view) {
    const bool hidden = (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || cp == 0x2060 ||
                        (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    if (hidden && seen.insert(cp).second) out += (out.empty() ? "" : ", ") + num::code_point(cp);
  });
  return out;
}

std::string option_list(const std::vector<Option>& options) {
  std::string s;
  for (const auto& o : options) s += (s.empty() ? "" : ", ") + o.value;
  return s;
}

// Reads the answer of one item or episode field. `item` names it in diagnostics.
template <class N>
class AnswerReader {
 public:
  AnswerReader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  // (The messages are made only for an answer that needs one.)
  std::optional<double> likert(const N& n, const Scale& s, const std::string& item) {
    const auto range = [&] { return std::to_string(s.min) + ".." + std::to_string(s.max); };
    const auto expected = [&] { return answer_message(AnswerMsg::expected_scale, {{"range", range()}}); };
    if (!n.IsScalar()) return wrong(n, item, expected());
    auto v = yaml::to_number(n.Scalar());
    if (!v) return wrong(n, item, expected());
    if (*v < s.min || *v > s.max) {
      diags_.error(yaml::at(n, file_), item,
                   answer_message(AnswerMsg::outside_scale, {{"value", num::readable(*v)}, {"range", range()}}));
      return std::nullopt;
    }
    if (*v != std::floor(*v)) {
      diags_.error(yaml::at(n, file_), item,
                   answer_message(AnswerMsg::not_scale_point, {{"value", num::readable(*v)}, {"range", range()}}));
      return std::nullopt;
    }
    return v;
  }

  std::optional<double> number(const N& n, std::optional<double> min,
                               std::optional<double> max, const std::string& item) {
    if (!n.IsScalar()) return wrong(n, item, answer_message(AnswerMsg::expected_number));
    auto v = yaml::to_number(n.Scalar());
    if (!v) return wrong(n, item, answer_message(AnswerMsg::expected_number));
    if ((min && *v < *min) || (max && *v > *max)) {
      std::string range = (min ? num::readable(*min) : "") + ".." + (max ? num::readable(*max) : "");
      diags_.error(yaml::at(n, file_), item,
                   answer_message(AnswerMsg::outside_range, {{"value", num::readable(*v)}, {"range", range}}));
      return std::nullopt;
    }
    return v;
  }

  std::optional<std::string> choice(const N& n, const std::vector<Option>& options,
                                    const std::string& item) {
    if (!n.IsScalar()) {
      wrong(n, item, answer_message(AnswerMsg::expected_one_of, {{"options", option_list(options)}}));
      return std::nullopt;
    }
    for (const auto& o : options)
      if (o.value == n.Scalar()) return o.value;
    const std::string what = shown(n);
    diags_.error(yaml::at(n, file_), item,
                 answer_message(AnswerMsg::not_option,
                                {{"what", what == answer_message(AnswerMsg::got_text) ? answer_message(AnswerMsg::got_the_answer) : what},
                                 {"options", option_list(options)}}));
    return std::nullopt;
  }

  std::optional<std::string> text(const N& n, const std::string& item) {
    if (!n.IsScalar()) {
      wrong(n, item, answer_message(AnswerMsg::expected_text));
      return std::nullopt;
    }
    size_t chars = 0;
    for (unsigned char c : n.Scalar()) chars += (c & 0xC0) != 0x80;
    if (chars > kMaxTextChars) {
      diags_.error(yaml::at(n, file_), item,
                   answer_message(AnswerMsg::text_chars,
                                  {{"count", std::to_string(chars)}, {"max", std::to_string(kMaxTextChars)}}));
      return std::nullopt;
    }
    const size_t lines = 1 + static_cast<size_t>(std::count(n.Scalar().begin(), n.Scalar().end(), '\n'));
    if (lines > kMaxTextLines) {
      diags_.error(yaml::at(n, file_), item,
                   answer_message(AnswerMsg::text_lines,
                                  {{"count", std::to_string(lines)}, {"max", std::to_string(kMaxTextLines)}}));
      return std::nullopt;
    }
    return n.Scalar();
  }

  // Reports a value of the wrong type.
  std::optional<double> wrong(const N& n, const std::string& item, const std::string& expected) {
    diags_.error(yaml::at(n, file_), item,
                 answer_message(AnswerMsg::expected, {{"expected", expected}, {"got", full_width_number(n) ? answer_message(AnswerMsg::got_full_width) : shown(n)}}));
    return std::nullopt;
  }

  // A number written in full-width characters (４, １９９８): said as such, never converted.
  static bool full_width_number(const N& n) {
    if (!n.IsScalar() || yaml::to_number(n.Scalar())) return false;
    const auto half = half_width(n.Scalar());
    return half && yaml::to_number(*half);
  }

  // A value as diagnostics may show it: a number quoted; anything else, which may be free
  // text, a name or a code the participant made up, only described, never echoed.
  static std::string shown(const N& n) {
    if (!n.IsScalar()) return yaml::kind_of(n);
    const std::string& s = n.Scalar();
    return s.size() <= 32 && yaml::to_number(s) ? "'" + s + "'" : answer_message(AnswerMsg::got_text);
  }

 private:
  const std::string& file_;
  Diagnostics& diags_;
};

template <class N>
class Intake {
 public:
  Intake(const Questionnaire& q, const std::string& file, Diagnostics& diags)
      : q_(q), file_(file), diags_(diags), read_(file, diags) {}

  Answers read(const N& root);

 private:
  void read_header(const N& root, Answers& a);
  Location read_answer_map(const N& root, Answers& a);
  void check_required(const N& answers, const Location& answers_at, const Answers& a);
  void read_item(const Item& item, const N& key, const N& value, Answers& out);
  void read_episodes(const Item& item, const N& value, Answer& answer);
  bool read_episode_fields(const Item& item, const N& e, const std::string& name, Episode& ep);
  bool check_episode(const Item& item, const N& e, const std::string& name, bool fields_ok, Episode& ep);
  std::string suggestion(const std::string& unknown) const;
  void read_meeting(const N& root, Answers& a);
  std::optional<int> item_index(std::string_view id);

  const Questionnaire& q_;
  const std::string& file_;
  Diagnostics& diags_;
  AnswerReader<N> read_;
  size_t next_item_ = 0;  // where item_index looks first
};

// q_.find_item(id), looking first at the item after the last one found: a file lists the
// items in the questionnaire's order (the ids are unique: the questionnaire's rule).
template <class N>
std::optional<int> Intake<N>::item_index(std::string_view id) {
  if (next_item_ < q_.items.size() && q_.items[next_item_].id == id) return static_cast<int>(next_item_++);
  const std::optional<int> i = q_.find_item(id);
  if (i) next_item_ = static_cast<size_t>(*i) + 1;
  return i;
}

template <class N>
Answers Intake<N>::read(const N& root) {
  Answers a;
  a.file = file_;
  if (!root.IsMap()) {
    diags_.error({file_, 1, 1}, "", answer_message(AnswerMsg::not_a_map));
    return a;
  }
  yaml::warn_unknown_keys(root, {"questionnaire", "participant", "name", "cohort", "meeting", "session", "answers"},
                          file_, "", diags_);
  read_header(root, a);
  read_meeting(root, a);
  const Location answers_at = read_answer_map(root, a);
  check_required(root["answers"], answers_at, a);
  return a;
}

// The keys above the answers: questionnaire, participant, name and cohort.
template <class N>
void Intake<N>::read_header(const N& root, Answers& a) {
  auto top = [&](const char* key) -> std::string {
    const N n = root[key];
    if (!n || n.IsNull()) return "";
    return yaml::scalar(n, file_, key, diags_).value_or("");
  };
  a.questionnaire = top("questionnaire");
  if (a.questionnaire.empty())
    diags_.error({file_, 1, 1}, "questionnaire", answer_message(AnswerMsg::questionnaire_missing));
  else if (a.questionnaire != q_.id)
    diags_.error(yaml::at(root["questionnaire"], file_), "questionnaire",
                 answer_message(AnswerMsg::questionnaire_other, {{"id", q_.id}}));
  // An id or session that breaks its rule is never kept (it could be a path, a name or
  // escape codes): the Answers hold none, and the error says why.
  a.participant = top("participant");
  if (a.participant.empty())
    diags_.error({file_, 1, 1}, "participant", answer_message(AnswerMsg::participant_missing));
  else if (!valid_participant_id(a.participant))
    diags_.error(yaml::at(root["participant"], file_), "participant", id_problem(a.participant));
  if (!valid_participant_id(a.participant)) a.participant.clear();
  a.name = top("name");
  if (const std::string hidden = invisible_controls(a.name); !hidden.empty())
    diags_.warning(yaml::at(root["name"], file_), "name",
                   answer_message(AnswerMsg::name_invisible, {{"codes", hidden}}));
  a.cohort = top("cohort");
  if (!a.cohort.empty() && !valid_participant_id(a.cohort)) {
    diags_.warning(yaml::at(root["cohort"], file_), "cohort",
                   answer_message(full_width_id(a.cohort) ? AnswerMsg::cohort_full_width : AnswerMsg::cohort_invalid));
    a.cohort.clear();
  }
}

// `answers:`, item by item; returns where it stands (where "missing" is said).
template <class N>
Location Intake<N>::read_answer_map(const N& root, Answers& a) {
  const N answers = root["answers"];
  Location answers_at{file_, 1, 1};
  if (!answers || answers.IsNull()) {
    diags_.error(answers_at, "answers", answer_message(AnswerMsg::answers_missing));
  } else if (!answers.IsMap()) {
    diags_.error(yaml::at(answers, file_), "answers",
                 answer_message(AnswerMsg::answers_not_map, {{"got", yaml::kind_of(answers)}}));
  } else {
    for (const auto& kv : root)
      if (kv.first.Scalar() == "answers") answers_at = yaml::at(kv.first, file_);
    for (const auto& kv : answers) {  // a key given twice is refused by the YAML policy (yaml_read.hpp)
      const std::string id = kv.first.Scalar();
      auto idx = item_index(id);
      if (!idx && !valid_participant_id(id)) {  // not even an id: only said, never echoed
        diags_.warning(yaml::at(kv.first, file_), "", answer_message(AnswerMsg::key_not_id));
        continue;
      }
      if (!idx) {
        diags_.warning(yaml::at(kv.first, file_), id,
                       answer_message(AnswerMsg::item_unknown, {{"questionnaire", q_.id}, {"suggestion", suggestion(id)}}));
        continue;
      }
      read_item(q_.items[*idx], kv.first, kv.second, a);
    }
  }
  return answers_at;
}

template <class N>
void Intake<N>::check_required(const N& answers, const Location& answers_at, const Answers& a) {
  // A required item answered wrongly has its error already; only say "missing" when it is.
  std::vector<char> given(q_.items.size(), 0);  // the items given a value, by index
  if (answers && answers.IsMap())
    for (const auto& kv : answers)
      if (!kv.second.IsNull())
        if (auto i = item_index(kv.first.Scalar())) given[static_cast<size_t>(*i)] = 1;
  // A questionnaire in parts: the file holds the parts it gives an answer of, and must hold one;
  // only their required items are required (FORMAT.md "Parts and meetings").
  std::vector<bool> held(q_.parts.size(), !q_.parts_declared);
  for (size_t i = 0; i < given.size(); ++i)
    if (given[i]) held[q_.items[i].part] = true;
  if (q_.parts_declared && std::find(held.begin(), held.end(), true) == held.end() && answers && answers.IsMap()) {
    std::string parts;
    for (const auto& p : q_.parts) parts += (parts.empty() ? "" : ", ") + p.id;
    diags_.error(answers_at, "answers", answer_message(AnswerMsg::answers_no_part, {{"parts", parts}}));
  }
  for (size_t i = 0; i < q_.items.size(); ++i) {
    const Item& item = q_.items[i];
    if (item.required && held[item.part] && !given[i] && !a.values.count(item.id))
      diags_.error(answers_at, item.id, answer_message(AnswerMsg::required_missing));
  }
}

// `meeting: ID` names a meeting of the questionnaire; the older `session: pre|post` names
// the first or the last (records.hpp resolve_meeting). A value that names none is an error
// that lists the ids, and is not kept.
template <class N>
void Intake<N>::read_meeting(const N& root, Answers& a) {
  if (root["meeting"] && root["session"] && !root["meeting"].IsNull() && !root["session"].IsNull()) {
    diags_.error(yaml::at(root["session"], file_), "session", answer_message(AnswerMsg::meeting_and_session));
    return;
  }
  const char* key = root["meeting"] && !root["meeting"].IsNull() ? "meeting" : "session";
  const N n = root[key];
  if (!n || n.IsNull()) return;
  const std::string given = yaml::scalar(n, file_, key, diags_).value_or("");
  if (given.empty()) return;
  const auto meeting_of = [&](const std::string& id) {
    return std::string(key) == "session" && id != kPreMeeting && id != kPostMeeting ? std::nullopt : resolve_meeting(q_, id);
  };
  const auto meeting = meeting_of(given);
  if (!meeting && full_width_id(given) && meeting_of(*half_width(given))) {  // ｍ１ for m1: asked in half-width
    diags_.error(yaml::at(n, file_), key, answer_message(AnswerMsg::id_full_width));
    return;
  }
  if (!meeting) {
    diags_.error(yaml::at(n, file_), key,
                 std::string(key) == "session"
                     ? answer_message(AnswerMsg::session_invalid)
                     : answer_message(AnswerMsg::meeting_unknown, {{"questionnaire", q_.id}, {"meetings", q_.meeting_ids()}}));
    return;
  }
  a.meeting = *meeting;
}

template <class N>
void Intake<N>::read_item(const Item& item, const N& key, const N& value,
                       Answers& out) {
  if (value.IsNull()) return;  // left blank
  Answer ans;
  ans.type = item.type;
  ans.where = yaml::at(key, file_);
  switch (item.type) {
    case ItemType::likert:
      ans.number = read_.likert(value, q_.scales[item.scale], item.id);
      if (!ans.number) return;
      break;
    case ItemType::number:
      ans.number = read_.number(value, item.min, item.max, item.id);
      if (!ans.number) return;
      break;
    case ItemType::choice: {
      auto c = read_.choice(value, item.options, item.id);
      if (!c) return;
      ans.text = *c;
      break;
    }
    case ItemType::text: {
      auto t = read_.text(value, item.id);
      if (!t) return;
      ans.text = *t;
      break;
    }
    case ItemType::multi: {
      if (!value.IsSequence()) {
        read_.wrong(value, item.id, answer_message(AnswerMsg::expected_list_of, {{"options", option_list(item.options)}}));
        return;
      }
      if (value.size() > item.options.size()) {  // each option at most once: refused before reading
        diags_.error(yaml::at(value, file_), item.id,
                     answer_message(AnswerMsg::multi_too_many, {{"count", std::to_string(value.size())},
                                                                {"options", std::to_string(item.options.size())}}));
        return;
      }
      bool ok = true;
      for (const auto& v : value) {
        auto c = read_.choice(v, item.options, item.id);
        if (!c) {
          ok = false;
          continue;
        }
        if (std::find(ans.choices.begin(), ans.choices.end(), *c) != ans.choices.end())
          diags_.warning(yaml::at(v, file_), item.id, answer_message(AnswerMsg::multi_twice, {{"value", *c}}));
        else
          ans.choices.push_back(*c);
      }
      if (!ok) return;
      break;
    }
    case ItemType::episodes:
      read_episodes(item, value, ans);
      break;
  }
  out.values.emplace(item.id, std::move(ans));
}

template <class N>
void Intake<N>::read_episodes(const Item& item, const N& value, Answer& answer) {
  if (!value.IsSequence()) {
    read_.wrong(value, item.id, answer_message(AnswerMsg::expected_episodes));
    return;
  }
  if (value.size() > kMaxEpisodes) {
    diags_.error(yaml::at(value, file_), item.id,
                 answer_message(AnswerMsg::episodes_too_many,
                                {{"count", std::to_string(value.size())}, {"max", std::to_string(kMaxEpisodes)}}));
    return;
  }
  int number = 0;
  for (const auto& e : value) {
    ++number;
    const std::string name = item.id + "[" + std::to_string(number) + "]";
    if (!e.IsMap()) {
      read_.wrong(e, name, answer_message(AnswerMsg::expected_episode));
      continue;
    }
    Episode ep;
    ep.where = yaml::at(e, file_);
    bool ok = read_episode_fields(item, e, name, ep);
    ok = check_episode(item, e, name, ok, ep) && ok;
    if (ok) answer.episodes.push_back(std::move(ep));
  }
}

// An episode's fields, each read as its type says; false when one is wrong (said).
template <class N>
bool Intake<N>::read_episode_fields(const Item& item, const N& e, const std::string& name, Episode& ep) {
  bool ok = true;
  for (const auto& kv : e) {
    const std::string fid = kv.first.Scalar();
    const Field* f = item.find_field(fid);
    const std::string where = name + "." + fid;
    if (!f) {
      diags_.warning(yaml::at(kv.first, file_), valid_participant_id(fid) ? where : name,
                     answer_message(valid_participant_id(fid) ? AnswerMsg::field_unknown : AnswerMsg::field_not_id));
      continue;
    }
    if (kv.second.IsNull()) continue;
    std::optional<std::string> v;
    if (f->type == ItemType::choice) {
      v = read_.choice(kv.second, f->options, where);
    } else if (f->type == ItemType::number) {
      if (auto num = read_.number(kv.second, f->min, f->max, where)) v = num::readable(*num);
    } else {
      v = read_.text(kv.second, where);
    }
    if (v) ep.fields[fid] = *v;
    else ok = false;
  }
  return ok;
}

// The episode as a whole: its required fields (when its fields were good, `fields_ok`), and
// its years in order. False when it breaks one (said).
template <class N>
bool Intake<N>::check_episode(const Item& item, const N& e, const std::string& name, bool fields_ok, Episode& ep) {
  bool ok = fields_ok;
  for (const auto& f : item.fields)
    if (f.required && !ep.fields.count(f.id) && ok) {
      diags_.error(ep.where, name + "." + f.id, answer_message(AnswerMsg::field_required));
      ok = false;
    }
  const Field* from = item.field_for(FieldUse::from_year);
  const Field* to = item.field_for(FieldUse::to_year);
  if (from && to && ep.fields.count(from->id) && ep.fields.count(to->id)) {
    const double a = *yaml::to_number(ep.fields[from->id]);
    const double b = *yaml::to_number(ep.fields[to->id]);
    if (b < a) {
      diags_.error(yaml::at(e[to->id], file_), name,
                   answer_message(AnswerMsg::episode_years, {{"to", num::readable(b)}, {"from", num::readable(a)}}));
      ok = false;
    }
  }
  return ok;
}

template <class N>
std::string Intake<N>::suggestion(const std::string& unknown) const {
  const Item* best = nullptr;
  size_t best_d = 3;  // suggest only close ids
  for (const auto& item : q_.items) {
    const size_t d = edit_distance(unknown, item.id);
    if (d < best_d) {
      best_d = d;
      best = &item;
    }
  }
  return best ? answer_message(AnswerMsg::item_suggestion, {{"id", best->id}}) : "";
}

// What a file that could not be read at all gives: no answers, only its name.
Answers unread(const std::string& file) {
  Answers a;
  a.file = file;
  return a;
}

}  // namespace

Answers read_answers_node(const Questionnaire& q, const YAML::Node& root, const std::string& file,
                          Diagnostics& diags) {
  try {
    return yaml::guarded(file, [&] { return Intake<YAML::Node>(q, file, diags).read(root); });
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    return unread(file);
  }
}

Answers parse_answers_with_nodes(const Questionnaire& q, std::string_view text, const std::string& file,
                                 Diagnostics& diags) {
  YAML::Node root;
  try {
    root = yaml::parse(text, file);
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    return unread(file);
  }
  return read_answers_node(q, root, file, diags);
}

Answers parse_answers(const Questionnaire& q, std::string_view text, const std::string& file,
                      Diagnostics& diags) {
  // A plain text (nearly every answers file) is read into a light tree, kept by the thread
  // from file to file; the intake asks it what it would ask yaml-cpp's nodes. Anything else
  // is read as before.
  thread_local yaml::Doc doc;
  bool plain = false;
  try {
    plain = yaml::read_plain(text, file, doc);
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    return unread(file);
  }
  if (!plain) return parse_answers_with_nodes(q, text, file, diags);
  Answers a;
  try {
    a = Intake<yaml::Ref>(q, file, diags).read(doc.root());
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    a = unread(file);
  }
  doc.shrink();
  return a;
}

Answers load_answers(const Questionnaire& q, const std::string& path, Diagnostics& diags) {
  std::string text;
  try {
    text = read_file(path, kMaxAnswersBytes, tr("an answers file"));
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    return unread(path);
  }
  return parse_answers(q, text, path, diags);
}

}  // namespace careermap
