// Questionnaire::parse and ::load: the reader of questionnaire YAML (FORMAT.md), every problem
// to Diagnostics with its place. The types and their lookups are in questionnaire.cpp.
#include "engine/questionnaire.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>

#include "engine/keyed.hpp"
#include "parts_yaml.hpp"
#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

bool valid_id(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

bool flag(const YAML::Node& n, const char* key, const std::string& file, const std::string& item,
          Diagnostics& diags) {
  const YAML::Node v = n[key];
  if (!v) return false;
  if (v.IsScalar() && (v.Scalar() == "true" || v.Scalar() == "false")) return v.Scalar() == "true";
  diags.error(yaml::at(v, file), item, trf("{key} must be true or false", {{"key", std::string(key)}}));
  return false;
}

// Reads the loader's shared parts of one questionnaire file.
class Reader {
 public:
  Reader(const std::string& file, Questionnaire& q, Diagnostics& diags)
      : file_(file), q_(q), diags_(diags) {}

  void read(const YAML::Node& root);

 private:
  void read_scales(const YAML::Node& n);
  std::optional<long long> scale_end(const YAML::Node& v, const char* key, const std::string& id, bool& bad);
  bool read_scale_bounds(const YAML::Node& key, const YAML::Node& v, Scale& s);
  void read_scale_labels(const YAML::Node& labels, bool set, Scale& s);
  void read_sections(const YAML::Node& n);
  void read_item(const YAML::Node& n, int section);
  void read_likert_keys(const YAML::Node& n, Item& item);
  void read_report_use(const YAML::Node& r, Item& item);
  void read_sheet_part(const YAML::Node& n, Item& item);
  std::vector<Option> read_options(const YAML::Node& n, const std::string& item);
  void read_key(const YAML::Node& n, Item& item);
  void read_fields(const YAML::Node& n, Item& item);
  void read_field_use(const YAML::Node& f, const std::string& where, const Item& item, Field& field);
  void read_scoring(const YAML::Node& n);
  void check_after();
  std::optional<double> opt_number(const YAML::Node& n, const char* key, const std::string& item);
  std::optional<Decimal> decimal(const YAML::Node& n, const std::string& item, Decimal lo, bool above,
                                 Decimal hi, const std::string& range);

  const std::string& file_;
  Questionnaire& q_;
  Diagnostics& diags_;
  std::map<std::string, int> item_line_;  // first line of each item id
};

void Reader::read(const YAML::Node& root) {
  if (!root.IsMap()) {
    diags_.error({file_, 1, 1}, "", tr("a questionnaire must be a map (questionnaire, title, sections)"));
    read_parts_and_meetings(root, file_, q_, diags_);  // the implicit ones
    return;
  }
  yaml::warn_unknown_keys(root, {"questionnaire", "version", "title", "model", "scales", "sections",
                                 "scoring", "parts", "meetings"},
                          file_, "", diags_);
  if (root["questionnaire"]) {
    q_.id = yaml::scalar(root["questionnaire"], file_, "questionnaire", diags_).value_or("");
    if (!valid_id(q_.id))
      diags_.error(yaml::at(root["questionnaire"], file_), "questionnaire",
                   tr("the id may use only letters, digits, '_' and '-'"));
  } else {
    diags_.error({file_, 1, 1}, "questionnaire", tr("the questionnaire needs an id"));
  }
  if (root["version"]) q_.version = yaml::scalar(root["version"], file_, "version", diags_).value_or("");
  if (root["title"]) q_.title = yaml::local_text(root["title"], file_, "title", diags_);
  else diags_.error({file_, 1, 1}, "title", tr("the questionnaire needs a title"));
  if (root["scales"]) read_scales(root["scales"]);
  if (root["sections"]) read_sections(root["sections"]);
  else diags_.error({file_, 1, 1}, "sections", tr("the questionnaire needs sections of items"));
  if (root["scoring"]) read_scoring(root["scoring"]);
  read_parts_and_meetings(root, file_, q_, diags_);
  check_after();
}

void Reader::read_scales(const YAML::Node& n) {
  if (!n.IsMap()) {
    diags_.error(yaml::at(n, file_), "scales", tr("expected a map from scale id to its points"));
    return;
  }
  for (const auto& kv : n) {
    Scale s;
    s.id = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    yaml::warn_unknown_keys(v, {"min", "max", "labels"}, file_, s.id, diags_);
    const bool set = read_scale_bounds(kv.first, v, s);
    if (v["labels"]) read_scale_labels(v["labels"], set, s);
    for (const auto& other : q_.scales)
      if (other.id == s.id) diags_.error(yaml::at(kv.first, file_), s.id, tr("duplicate scale id"));
    q_.scales.push_back(std::move(s));
  }
}

// A scale's `min` or `max`: a whole number within the bound, or none (said, and `bad` set).
std::optional<long long> Reader::scale_end(const YAML::Node& v, const char* key, const std::string& id, bool& bad) {
  if (!v[key]) return std::nullopt;
  const YAML::Node& e = v[key];
  using P = ParsedDecimal::Problem;
  const ParsedDecimal d = e.IsScalar() ? parse_decimal(e.Scalar()) : ParsedDecimal{{}, P::not_a_number};
  if (d.problem == P::not_a_number) {
    yaml::number(e, file_, id, diags_);  // says what it got instead
  } else if (d.problem == P::too_many_places || d.value.units % Decimal::kUnit) {
    diags_.error(yaml::at(e, file_), id, tr("min and max must be whole numbers"));
  } else if (d.problem == P::too_large || std::llabs(d.value.units / Decimal::kUnit) > kScaleBound) {
    diags_.error(yaml::at(e, file_), id,
                 trf("min and max must be from -{scale_bound} to {scale_bound}",
                     {{"scale_bound", std::to_string(kScaleBound)}}));
  } else {
    return d.value.units / Decimal::kUnit;
  }
  bad = true;
  return std::nullopt;
}

// `min` and `max` of scale `s` (at `key`): true when both are good and set on `s`.
bool Reader::read_scale_bounds(const YAML::Node& key, const YAML::Node& v, Scale& s) {
  bool bad = false;
  const auto mn = scale_end(v, "min", s.id, bad), mx = scale_end(v, "max", s.id, bad);
  if (bad) return false;  // said above
  if (!mn || !mx) {
    diags_.error(yaml::at(key, file_), s.id, tr("a scale needs min and max"));
  } else if (*mx <= *mn) {
    diags_.error(yaml::at(key, file_), s.id, tr("empty scale: max must be above min"));
  } else if (*mx - *mn > kScaleMaxSpan) {
    diags_.error(yaml::at(key, file_), s.id,
                 trf("a scale has at most {value} points (max - min at most {scale_max_span})",
                     {{"value", std::to_string(kScaleMaxSpan + 1)},
                      {"scale_max_span", std::to_string(kScaleMaxSpan)}}));
  } else {
    s.min = static_cast<int>(*mn);
    s.max = static_cast<int>(*mx);
    return true;
  }
  return false;
}

// `labels`: one per point, checked against the points when the bounds are `set`.
void Reader::read_scale_labels(const YAML::Node& labels, bool set, Scale& s) {
  if (!labels.IsSequence()) {
    diags_.error(yaml::at(labels, file_), s.id, tr("labels must be a list, one per point"));
    return;
  }
  for (const auto& l : labels) s.labels.push_back(yaml::local_text(l, file_, s.id, diags_));
  const int points = s.max - s.min + 1;
  if (set && static_cast<int>(s.labels.size()) != points)
    diags_.error(yaml::at(labels, file_), s.id,
                 trf("the scale {min}..{max} has {points} points but {size} labels",
                     {{"min", std::to_string(s.min)},
                      {"max", std::to_string(s.max)},
                      {"points", std::to_string(points)},
                      {"size", std::to_string(s.labels.size())}}));
}

void Reader::read_sections(const YAML::Node& n) {
  if (!n.IsSequence()) {
    diags_.error(yaml::at(n, file_), "sections", tr("expected a list of sections"));
    return;
  }
  for (const auto& s : n) {
    Section sec;
    const std::string where = "sections[" + std::to_string(q_.sections.size() + 1) + "]";
    if (!s.IsMap()) {
      diags_.error(yaml::at(s, file_), where, tr("expected a map with id, title and items"));
      continue;
    }
    yaml::warn_unknown_keys(s, {"id", "title", "items"}, file_, where, diags_);
    if (s["id"]) sec.id = yaml::scalar(s["id"], file_, where, diags_).value_or("");
    if (s["title"]) sec.title = yaml::local_text(s["title"], file_, where, diags_);
    q_.sections.push_back(std::move(sec));
    const int index = static_cast<int>(q_.sections.size()) - 1;
    if (!s["items"] || !s["items"].IsSequence()) {
      diags_.error(yaml::at(s, file_), sec.id.empty() ? where : sec.id, tr("a section needs a list of items"));
      continue;
    }
    for (const auto& item : s["items"]) read_item(item, index);
  }
}

std::optional<double> Reader::opt_number(const YAML::Node& n, const char* key,
                                         const std::string& item) {
  if (!n[key]) return std::nullopt;
  return yaml::number(n[key], file_, item, diags_);
}

std::vector<Option> Reader::read_options(const YAML::Node& n, const std::string& item) {
  std::vector<Option> out;
  if (!n || !n.IsSequence() || n.size() == 0) {
    diags_.error(yaml::at(n, file_), item, tr("a choice needs a non-empty list of options"));
    return out;
  }
  for (const auto& o : n) {
    Option opt;
    if (!o.IsMap() || !o["value"]) {
      diags_.error(yaml::at(o, file_), item, tr("an option needs value and label"));
      continue;
    }
    yaml::warn_unknown_keys(o, {"value", "label", "stage", "level"}, file_, item, diags_);
    opt.value = yaml::scalar(o["value"], file_, item, diags_).value_or("");
    if (o["label"]) opt.label = yaml::local_text(o["label"], file_, item, diags_);
    else opt.label = {opt.value, opt.value};
    if (o["stage"]) {
      const std::string sid = o["stage"].Scalar();
      opt.stage = q_.model.find_stage(sid);
      if (!opt.stage)
        diags_.error(yaml::at(o["stage"], file_), item,
                     trf("unknown stage '{sid}'", {{"sid", std::string(sid)}}));
    }
    if (o["level"]) {
      const std::string lid = o["level"].Scalar();
      opt.level = q_.model.find_level(lid);
      if (!opt.level)
        diags_.error(yaml::at(o["level"], file_), item,
                     trf("unknown level '{lid}'", {{"lid", std::string(lid)}}));
    }
    for (const auto& prev : out)
      if (prev.value == opt.value)
        diags_.error(yaml::at(o["value"], file_), item,
                     trf("duplicate option '{value}'", {{"value", std::string(opt.value)}}));
    out.push_back(std::move(opt));
  }
  return out;
}

void Reader::read_key(const YAML::Node& n, Item& item) {
  auto one = [&](const YAML::Node& e) {
    KeyEntry k;
    std::string scene;
    if (e.IsScalar()) {
      scene = e.Scalar();
    } else if (e.IsMap() && e["scene"]) {
      yaml::warn_unknown_keys(e, {"scene", "weight"}, file_, item.id, diags_);
      scene = e["scene"].Scalar();
      if (e["weight"])
        if (auto w = decimal(e["weight"], item.id, Decimal{0}, true, Decimal::whole(kMaxWeight),
                             trf("a key weight must be above 0 and at most {max_weight}",
                                 {{"max_weight", std::to_string(kMaxWeight)}})))
          k.weight = *w;
    } else {
      diags_.error(yaml::at(e, file_), item.id, tr("a key names a scene: {scene: <level>.<stage>, weight: 1}"));
      return;
    }
    auto idx = q_.model.find_scene(scene);
    if (!idx) {
      diags_.error(
          yaml::at(e, file_), item.id,
          trf("the key names an unknown scene '{scene}'", {{"scene", std::string(scene)}}));
      return;
    }
    k.scene = *idx;
    for (const auto& prev : item.key)
      if (prev.scene == k.scene)
        diags_.error(yaml::at(e, file_), item.id,
                     trf("the key names scene '{scene}' twice", {{"scene", std::string(scene)}}));
    item.key.push_back(k);
  };
  if (n.IsSequence())
    for (const auto& e : n) one(e);
  else
    one(n);
}

void Reader::read_fields(const YAML::Node& n, Item& item) {
  if (!n || !n.IsSequence() || n.size() == 0) {
    diags_.error(item.where, item.id, tr("episodes need a list of fields"));
    return;
  }
  for (const auto& f : n) {
    Field field;
    if (!f.IsMap() || !f["id"]) {
      diags_.error(yaml::at(f, file_), item.id, tr("a field needs an id and a type"));
      continue;
    }
    yaml::warn_unknown_keys(f, {"id", "type", "label", "required", "options", "min", "max", "use"},
                            file_, item.id, diags_);
    field.id = f["id"].Scalar();
    const std::string where = item.id + "." + field.id;
    if (!valid_id(field.id)) diags_.error(yaml::at(f["id"], file_), where, tr("invalid field id"));
    const std::string type = f["type"] ? f["type"].Scalar() : "text";
    auto t = item_type_named(type);
    if (!t || (*t != ItemType::choice && *t != ItemType::text && *t != ItemType::number)) {
      diags_.error(yaml::at(f["type"] ? f["type"] : f, file_), where,
                   trf("a field's type is choice, text or number, not '{type}'", {{"type", std::string(type)}}));
      continue;
    }
    field.type = *t;
    if (f["label"]) field.label = yaml::local_text(f["label"], file_, where, diags_);
    else field.label = {field.id, field.id};  // as an option without a label is called by its value
    field.required = flag(f, "required", file_, where, diags_);
    field.min = opt_number(f, "min", where);
    field.max = opt_number(f, "max", where);
    if (field.type == ItemType::choice) field.options = read_options(f["options"] ? f["options"] : f, where);
    if (f["use"]) read_field_use(f, where, item, field);
    for (const auto& prev : item.fields)
      if (prev.id == field.id) diags_.error(yaml::at(f["id"], file_), where, tr("duplicate field id"));
    item.fields.push_back(std::move(field));
  }
}

// A field's `use:` (FORMAT.md "Episodes"): one field per use, of the type the use needs, and
// a stage or level use's options each naming what they place.
void Reader::read_field_use(const YAML::Node& f, const std::string& where, const Item& item, Field& field) {
  auto u = field_use_named(f["use"].Scalar());
  if (!u) {
    diags_.error(yaml::at(f["use"], file_), where,
                 trf("unknown use '{value}'", {{"value", std::string(f["use"].Scalar())}}));
  } else {
    field.use = *u;
    if (item.field_for(*u))
      diags_.error(
          yaml::at(f["use"], file_), where,
          trf("two fields have use '{value}'", {{"value", std::string(f["use"].Scalar())}}));
    const bool wants_choice = *u == FieldUse::stage || *u == FieldUse::level || *u == FieldUse::role;
    const bool wants_number = *u == FieldUse::from_year || *u == FieldUse::to_year;
    if (wants_choice && field.type != ItemType::choice)
      diags_.error(yaml::at(f, file_), where,
                   trf("a field with use '{value}' must be a choice",
                       {{"value", std::string(f["use"].Scalar())}}));
    if (wants_number && field.type != ItemType::number)
      diags_.error(yaml::at(f, file_), where,
                   trf("a field with use '{value}' must be a number",
                       {{"value", std::string(f["use"].Scalar())}}));
    for (const auto& o : field.options) {
      if (*u == FieldUse::stage && !o.stage)
        diags_.error(yaml::at(f, file_), where,
                     trf("option '{value}' must name the stage it places",
                         {{"value", std::string(o.value)}}));
      if (*u == FieldUse::level && !o.level)
        diags_.error(yaml::at(f, file_), where,
                     trf("option '{value}' must name the level it places",
                         {{"value", std::string(o.value)}}));
    }
  }
}

// `next_step:` puts the chosen options of a choice or multi item, or the words of an
// own_words text item, on one part of the next-step sheet.
void Reader::read_sheet_part(const YAML::Node& n, Item& item) {
  const std::string v = n.IsScalar() ? n.Scalar() : "";
  const SheetPart chosen = sheet_part_named(v).value_or(SheetPart::none);
  if (chosen == SheetPart::none)
    diags_.error(
        yaml::at(n, file_), item.id,
        trf("next_step is where, allies, against or timing, not '{v}'", {{"v", std::string(v)}}));
  else if (item.type == ItemType::text && item.report != ReportUse::own_words)
    diags_.error(yaml::at(n, file_), item.id,
                 tr("next_step on a text item needs report: own_words (only those words are printed)"));
  else if (item.type != ItemType::text && item.type != ItemType::choice && item.type != ItemType::multi)
    diags_.error(yaml::at(n, file_), item.id, tr("next_step is for choice, multi or text items"));
  else
    item.next_step = chosen;
}

void Reader::read_item(const YAML::Node& n, int section) {
  Item item;
  item.section = section;
  item.where = yaml::at(n, file_);
  if (!n.IsMap() || !n["id"]) {
    diags_.error(item.where, "", tr("an item needs an id and a type"));
    return;
  }
  item.id = n["id"].Scalar();
  yaml::warn_unknown_keys(n, {"id", "type", "text", "required", "scale", "reverse", "key", "options",
                              "min", "max", "fields", "report", "next_step"},
                          file_, item.id, diags_);
  if (!valid_id(item.id))
    diags_.error(yaml::at(n["id"], file_), item.id, tr("an item id may use only letters, digits, '_' and '-'"));
  auto [it, fresh] = item_line_.emplace(item.id, item.where.line);
  if (!fresh)
    diags_.error(yaml::at(n["id"], file_), item.id,
                 trf("duplicate item id (first at line {second})", {{"second", std::to_string(it->second)}}));
  const std::string type = n["type"] ? n["type"].Scalar() : "";
  auto t = item_type_named(type);
  if (!t) {
    diags_.error(yaml::at(n["type"] ? n["type"] : n, file_), item.id,
                 trf("unknown type '{type}' (likert, choice, multi, text, number, episodes)",
                     {{"type", std::string(type)}}));
    return;
  }
  item.type = *t;
  if (n["text"]) item.text = yaml::local_text(n["text"], file_, item.id, diags_);
  else diags_.error(item.where, item.id, tr("an item needs a text"));
  item.required = flag(n, "required", file_, item.id, diags_);
  item.reverse = flag(n, "reverse", file_, item.id, diags_);
  item.min = opt_number(n, "min", item.id);
  item.max = opt_number(n, "max", item.id);

  read_likert_keys(n, item);
  if (item.type == ItemType::choice || item.type == ItemType::multi)
    item.options = read_options(n["options"] ? n["options"] : n, item.id);  // missing: said at the item
  if (item.type == ItemType::episodes) read_fields(n["fields"], item);
  if (const YAML::Node r = n["report"]) read_report_use(r, item);
  if (const YAML::Node s = n["next_step"]) read_sheet_part(s, item);
  if (item.min && item.max && *item.max < *item.min)
    diags_.error(item.where, item.id, tr("max is below min"));
  q_.items.push_back(std::move(item));
}

// A likert item's `scale`, `reverse` and `key`; the other types may carry none of them.
void Reader::read_likert_keys(const YAML::Node& n, Item& item) {
  if (item.type == ItemType::likert) {
    const std::string sid = n["scale"] ? n["scale"].Scalar() : "";
    for (size_t i = 0; i < q_.scales.size(); ++i)
      if (q_.scales[i].id == sid) item.scale = static_cast<int>(i);
    if (item.scale < 0)
      diags_.error(yaml::at(n["scale"] ? n["scale"] : n, file_), item.id,
                   sid.empty() ? tr("a likert item needs a scale") : trf("unknown scale '{scale}'", {{"scale", sid}}));
  } else if (n["scale"]) {
    diags_.error(yaml::at(n["scale"], file_), item.id, tr("only likert items have a scale"));
  }
  if (item.reverse && item.type != ItemType::likert)
    diags_.error(yaml::at(n["reverse"], file_), item.id, tr("only likert items can be reversed"));
  if (n["key"]) {
    if (item.type != ItemType::likert)
      diags_.error(yaml::at(n["key"], file_), item.id, tr("only likert items can carry a scoring key"));
    else
      read_key(n["key"], item);
  }
}

// `report:` checklist (choice or multi) or own_words (text).
void Reader::read_report_use(const YAML::Node& r, Item& item) {
  const std::string v = r.IsScalar() ? r.Scalar() : "";
  const ReportUse use = report_use_named(v).value_or(ReportUse::none);
  if (use == ReportUse::checklist && (item.type == ItemType::choice || item.type == ItemType::multi))
    item.report = use;
  else if (use == ReportUse::own_words && item.type == ItemType::text)
    item.report = use;
  else
    diags_.error(
        yaml::at(r, file_), item.id,
        trf("report is checklist (for choice or multi) or own_words (for text), not '{v}'",
            {{"v", std::string(v)}}));
}

void Reader::read_scoring(const YAML::Node& n) {
  if (!n.IsMap()) {
    diags_.error(yaml::at(n, file_), "scoring", tr("expected a map of scoring settings"));
    return;
  }
  yaml::warn_unknown_keys(n, {"min_answered_share", "episode_weight", "episode_full_at", "evidence_threshold",
                              "role_weights"},
                          file_, "scoring", diags_);
  auto setting = [&](const char* key, Decimal& out, bool above, Decimal hi, const std::string& range) {
    if (!n[key]) return;
    if (auto v = decimal(n[key], std::string("scoring.") + key, Decimal{0}, above, hi, range)) out = *v;
  };
  const std::string share = tr("must be between 0 and 1");
  setting("min_answered_share", q_.scoring.min_answered_share, false, Decimal::whole(1), share);
  setting("episode_weight", q_.scoring.episode_weight, false, Decimal::whole(1), share);
  setting("evidence_threshold", q_.scoring.evidence_threshold, false, Decimal::whole(1), share);
  setting("episode_full_at", q_.scoring.episode_full_at, true, Decimal::whole(kMaxWeight),
          trf("must be above 0 and at most {max_weight}", {{"max_weight", std::to_string(kMaxWeight)}}));
  if (const YAML::Node rw = n["role_weights"]) {
    if (!rw.IsMap()) {
      diags_.error(yaml::at(rw, file_), "scoring.role_weights", tr("expected a map from role to weight"));
    } else {
      for (const auto& kv : rw) {
        const std::string role = kv.first.Scalar();
        if (auto w = decimal(kv.second, "scoring.role_weights." + role, Decimal{0}, false,
                             Decimal::whole(kMaxWeight),
                             trf("must be from 0 to {max_weight}",
                                 {{"max_weight", std::to_string(kMaxWeight)}})))
          q_.scoring.role_weights[role] = *w;
        bool known = false;
        for (const auto& item : q_.items)
          if (const Field* f = item.field_for(FieldUse::role))
            known = known || f->find_option(role) != nullptr;
        if (!known)
          diags_.error(yaml::at(kv.first, file_), "scoring.role_weights." + role,
                       tr("names no option of an episode field with use: role"));
      }
    }
  }
}

// A number with at most Decimal::kPlaces places in lo..hi (above lo when `above`);
// otherwise an error: `range` when it is outside.
std::optional<Decimal> Reader::decimal(const YAML::Node& n, const std::string& item, Decimal lo, bool above,
                                       Decimal hi, const std::string& range) {
  if (!n.IsScalar()) {
    yaml::number(n, file_, item, diags_);  // says what it got instead
    return std::nullopt;
  }
  const ParsedDecimal d = parse_decimal(n.Scalar());
  using P = ParsedDecimal::Problem;
  if (d.problem == P::not_a_number) {
    yaml::number(n, file_, item, diags_);
  } else if (d.problem == P::too_many_places) {
    diags_.error(
        yaml::at(n, file_), item,
        trf("at most {value} decimal places, got \"{scalar}\"",
            {{"value", std::to_string(Decimal::kPlaces)}, {"scalar", std::string(n.Scalar())}}));
  } else if (d.problem == P::too_large || d.value < lo || (above && d.value == lo) || d.value > hi) {
    diags_.error(yaml::at(n, file_), item, range);
  } else {
    return d.value;
  }
  return std::nullopt;
}

void Reader::check_after() {
  std::vector<int> scored;  // keyed items with a scale (the others have errors already)
  for (int i : q_.keyed_items())
    if (q_.items[i].scale >= 0) scored.push_back(i);
  const ExactKey key = exact_key(q_, scored);
  for (int s = 0; s < key.scenes; ++s)
    if (!key.fits[s])
      for (const auto& item : q_.items)
        if (std::any_of(item.key.begin(), item.key.end(), [&](const KeyEntry& k) { return k.scene == s; })) {
          diags_.error(item.where, q_.model.scenes[s].id,
                       tr("the weights and scales of the items keyed to this scene are too fine to "
                          "score exactly (use fewer different scale lengths or simpler weights)"));
          break;
        }
  std::vector<int> keyed(q_.model.scenes.size(), 0);
  for (const auto& item : q_.items)
    for (const auto& k : item.key) keyed[k.scene]++;
  for (size_t s = 0; s < keyed.size(); ++s)
    if (keyed[s] == 0)
      diags_.warning({file_, 0, 0}, q_.model.scenes[s].id, tr("no item is keyed to this scene; it will have no score"));
}

}  // namespace

Questionnaire Questionnaire::parse(std::string_view text, const std::string& file, Model model,
                                   Diagnostics& diags) {
  Questionnaire q;
  q.file = file;
  q.model = std::move(model);
  const YAML::Node root = yaml::parse(text, file);
  yaml::guarded(file, [&] { Reader(file, q, diags).read(root); });
  return q;
}

Questionnaire Questionnaire::load(const std::string& path, Diagnostics& diags) {
  const std::string text = yaml::read_file(path);
  const YAML::Node root = yaml::parse(text, path);
  std::string model_name = "model.yaml";
  if (root.IsMap() && root["model"] && root["model"].IsScalar()) model_name = root["model"].Scalar();
  const std::filesystem::path model_path =
      std::filesystem::path(path).parent_path() / std::filesystem::path(model_name);
  Diagnostics model_diags;
  Model model = Model::load(model_path.string(), model_diags);
  for (const auto& d : model_diags.list()) diags.add(d);
  return parse(text, path, std::move(model), diags);
}

}  // namespace careermap
