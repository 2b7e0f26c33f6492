// A questionnaire: its scales, sections and items, the scoring key that ties items to
// scenes of the model, and the rules that place career episodes on the matrix.
//
// Loaded from YAML (questionnaires/FORMAT.md describes every key) and checked as it is
// loaded: every problem goes to a Diagnostics list with its file, line and column. A
// questionnaire with errors must not be used for scoring. Immutable once loaded; safe
// to share between threads for reading.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/exact.hpp"
#include "engine/model.hpp"
#include "engine/parts.hpp"
#include "engine/text.hpp"

namespace careermap {

enum class ItemType { likert, choice, multi, text, number, episodes };

// Where an item's answer appears in the participant's report (FORMAT.md: `report:`).
enum class ReportUse { none, checklist, own_words };

// Which part of the next-step sheet an item's answer feeds (FORMAT.md: `next_step:`).
enum class SheetPart { none, where, allies, against, timing };

// What an episode field means to careermap (FORMAT.md: `use:`).
enum class FieldUse { none, from_year, to_year, title, stage, level, role, outcome };

// Each enum's names as FORMAT.md writes them, from one table per enum (questionnaire.cpp):
// to_string gives "" for `none`; the *_named functions give none for an unknown name.
std::string_view to_string(ItemType t);
std::string_view to_string(ReportUse u);
std::string_view to_string(SheetPart p);
std::string_view to_string(FieldUse u);
std::optional<ItemType> item_type_named(std::string_view name);
std::optional<ReportUse> report_use_named(std::string_view name);
std::optional<SheetPart> sheet_part_named(std::string_view name);
std::optional<FieldUse> field_use_named(std::string_view name);

struct Option {
  std::string value;
  LocalText label;
  std::optional<int> stage;  // model stage index this choice places an episode on / wishes for
  std::optional<int> level;  // model level index
};

struct KeyEntry {
  int scene = 0;  // model scene index (number - 1)
  Decimal weight = Decimal::whole(1);  // above 0, at most kMaxWeight
};

// Bounds the loader enforces (FORMAT.md "Scales" and "Scoring settings").
inline constexpr int kScaleBound = 1000;      // |min|, |max| at most this
inline constexpr int kScaleMaxSpan = 100;     // max - min at most this (101 points)
inline constexpr long long kMaxWeight = 1000;  // key weights, role weights, episode_full_at

struct Scale {
  std::string id;
  int min = 1, max = 5;
  std::vector<LocalText> labels;  // one per point, min first (may be empty)
};

struct Field {
  std::string id;
  ItemType type = ItemType::text;  // choice, text or number
  LocalText label;
  bool required = false;
  std::vector<Option> options;
  std::optional<double> min, max;
  FieldUse use = FieldUse::none;
  const Option* find_option(std::string_view value) const;
};

struct Item {
  std::string id;
  ItemType type = ItemType::text;
  int section = 0;
  int part = 0;  // index into Questionnaire::parts (the part holding its section)
  LocalText text;
  bool required = false;
  int scale = -1;  // index into Questionnaire::scales (likert)
  bool reverse = false;
  ReportUse report = ReportUse::none;
  SheetPart next_step = SheetPart::none;
  std::vector<KeyEntry> key;   // scenes this item counts toward
  std::vector<Option> options;  // choice, multi
  std::optional<double> min, max;  // number
  std::vector<Field> fields;        // episodes
  Location where;

  const Option* find_option(std::string_view value) const;
  const Field* find_field(std::string_view id) const;
  const Field* field_for(FieldUse use) const;  // first field with that use, or nullptr
};

struct Section {
  std::string id;
  LocalText title;
};

// The questionnaire's `scoring:` settings, exact decimals; defaults beside each field.
struct ScoringSettings {
  Decimal min_answered_share{5000};  // 0.5: of a scene's keyed items must be answered (at least 1)
  Decimal episode_weight{2500};      // 0.25: share of episodes in a scene's score, when they weigh above 0
  Decimal episode_full_at{20000};    // 2: role-weighted episodes on a scene at which that part is full
  Decimal evidence_threshold{7500};  // 0.75: item part from which a scene counts toward the frontier
  std::map<std::string, Decimal> role_weights;  // role option value -> weight; unnamed roles: 1
  Decimal role_weight(const std::string& role) const;
};

struct Questionnaire {
  std::string id;
  std::string version;
  std::string file;
  LocalText title;
  Model model;
  std::vector<Scale> scales;
  std::vector<Section> sections;
  std::vector<Item> items;  // in questionnaire order
  ScoringSettings scoring;
  std::vector<Part> parts;        // at least one: the implicit part `all` when none is declared
  std::vector<Meeting> meetings;  // by order; the implicit `pre` and `post` when none is declared
  bool parts_declared = false, meetings_declared = false;

  std::optional<int> find_item(std::string_view id) const;
  std::vector<int> keyed_items() const;  // indices of items with a key, in order
  std::optional<int> find_part(std::string_view id) const;
  const Meeting* find_meeting(std::string_view id) const;
  // The ids of the parts that hold scored items (Part::scored), in order: the answers a
  // scene's score comes from, as opposed to a worksheet of episodes only.
  std::vector<std::string> scored_parts() const;
  // The meeting ids, in order, joined with '|' ("pre|post"): for usage and messages.
  std::string meeting_ids() const;
  // The part ids, in order, joined with '|' ("all" when none is declared): likewise.
  std::string part_ids() const;

  // Parses questionnaire YAML against `model`; problems go to `diags`.
  // Throws Error only when the YAML itself does not parse.
  static Questionnaire parse(std::string_view text, const std::string& file, Model model,
                             Diagnostics& diags);
  // Reads `path` and the model its `model:` key names (relative to the questionnaire's
  // folder; default model.yaml). Throws Error when either cannot be read or parsed.
  static Questionnaire load(const std::string& path, Diagnostics& diags);
};

}  // namespace careermap
