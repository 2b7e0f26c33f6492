#include "engine/questionnaire.hpp"

#include "engine/enum_names.hpp"

namespace careermap {
namespace {

constexpr EnumName<ItemType> kItemTypes[] = {{ItemType::likert, "likert"}, {ItemType::choice, "choice"},
                                             {ItemType::multi, "multi"},   {ItemType::text, "text"},
                                             {ItemType::number, "number"}, {ItemType::episodes, "episodes"}};
constexpr EnumName<ReportUse> kReportUses[] = {{ReportUse::checklist, "checklist"}, {ReportUse::own_words, "own_words"}};
constexpr EnumName<SheetPart> kSheetParts[] = {{SheetPart::where, "where"}, {SheetPart::allies, "allies"},
                                               {SheetPart::against, "against"}, {SheetPart::timing, "timing"}};
constexpr EnumName<FieldUse> kFieldUses[] = {{FieldUse::from_year, "from_year"}, {FieldUse::to_year, "to_year"},
                                             {FieldUse::title, "title"},         {FieldUse::stage, "stage"},
                                             {FieldUse::level, "level"},         {FieldUse::role, "role"},
                                             {FieldUse::outcome, "outcome"}};

}  // namespace

std::string_view to_string(ItemType t) { return name_in(kItemTypes, t); }
std::string_view to_string(ReportUse u) { return name_in(kReportUses, u); }
std::string_view to_string(SheetPart p) { return name_in(kSheetParts, p); }
std::string_view to_string(FieldUse u) { return name_in(kFieldUses, u); }
std::optional<ItemType> item_type_named(std::string_view name) { return value_in(kItemTypes, name); }
std::optional<ReportUse> report_use_named(std::string_view name) { return value_in(kReportUses, name); }
std::optional<SheetPart> sheet_part_named(std::string_view name) { return value_in(kSheetParts, name); }
std::optional<FieldUse> field_use_named(std::string_view name) { return value_in(kFieldUses, name); }

const Option* Field::find_option(std::string_view value) const {
  for (const auto& o : options)
    if (o.value == value) return &o;
  return nullptr;
}

const Option* Item::find_option(std::string_view value) const {
  for (const auto& o : options)
    if (o.value == value) return &o;
  return nullptr;
}

const Field* Item::find_field(std::string_view fid) const {
  for (const auto& f : fields)
    if (f.id == fid) return &f;
  return nullptr;
}

const Field* Item::field_for(FieldUse use) const {
  for (const auto& f : fields)
    if (f.use == use) return &f;
  return nullptr;
}

Decimal ScoringSettings::role_weight(const std::string& role) const {
  auto it = role_weights.find(role);
  return it == role_weights.end() ? Decimal::whole(1) : it->second;
}

std::optional<int> Questionnaire::find_item(std::string_view item_id) const {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == item_id) return static_cast<int>(i);
  return std::nullopt;
}

std::vector<int> Questionnaire::keyed_items() const {
  std::vector<int> out;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].key.empty()) out.push_back(static_cast<int>(i));
  return out;
}

std::optional<int> Questionnaire::find_part(std::string_view part_id) const {
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i].id == part_id) return static_cast<int>(i);
  return std::nullopt;
}

const Meeting* Questionnaire::find_meeting(std::string_view meeting_id) const {
  for (const auto& m : meetings)
    if (m.id == meeting_id) return &m;
  return nullptr;
}

std::vector<std::string> Questionnaire::scored_parts() const {
  std::vector<std::string> out;
  for (const auto& p : parts)
    if (p.scored) out.push_back(p.id);
  return out;
}

namespace {
// The ids of `list`, in order, joined with '|'.
template <class T>
std::string joined_ids(const std::vector<T>& list) {
  std::string out;
  for (const auto& x : list) out += (out.empty() ? "" : "|") + x.id;
  return out;
}
}  // namespace

std::string Questionnaire::meeting_ids() const { return joined_ids(meetings); }

std::string Questionnaire::part_ids() const { return joined_ids(parts); }

}  // namespace careermap
