#include "engine/answers.hpp"
#include "engine/records.hpp"

#include <cctype>
#include <map>

#include "engine/answer_messages.hpp"

namespace careermap {

const std::string* Episode::get(const std::string& field_id) const {
  auto it = fields.find(field_id);
  return it == fields.end() ? nullptr : &it->second;
}

std::vector<std::string> chosen_options(const Item& item, const Answer& a) {
  return item.type == ItemType::choice ? std::vector{a.text} : a.choices;
}

const Answer* Answers::find(const std::string& item_id) const {
  auto it = values.find(item_id);
  return it == values.end() ? nullptr : &it->second;
}

bool valid_participant_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

bool full_width_id(std::string_view id) {
  const auto half = half_width(id);
  return half && valid_participant_id(*half);
}

std::string id_problem(std::string_view id) {
  return answer_message(full_width_id(id) ? AnswerMsg::id_full_width : AnswerMsg::participant_invalid);
}

void check_unique_participants(const Questionnaire& q, std::span<const Answers> batch, Diagnostics& diags) {
  std::map<std::string, std::string> seen;
  check_unique_participants(q, batch, diags, seen);
}

void check_unique_participants(const Questionnaire& q, std::span<const Answers> batch, Diagnostics& diags,
                               std::map<std::string, std::string>& seen) {
  for (const auto& a : batch) {
    if (a.participant.empty()) continue;
    std::vector<std::string> parts = part_ids_present(q, a);
    if (parts.empty()) parts.push_back("");
    for (const auto& part : parts) {
      auto [it, fresh] = seen.emplace(a.participant + "\n" + a.meeting + "\n" + part, a.file);
      if (!fresh) {
        diags.error({a.file, 0, 0}, "participant",
                    answer_message(AnswerMsg::participant_duplicate, {{"id", a.participant}, {"file", it->second}}));
        break;
      }
    }
  }
}

}  // namespace careermap
