#include "engine/answer_messages.hpp"

#include "engine/json.hpp"

namespace careermap {
namespace {

using M = AnswerMsg;
constexpr AnswerMessage kTable[] = {
    {M::expected, NC_("expected", "expected {expected}, got {got}")},
    {M::expected_scale, NC_("expected_scale", "a number on the scale {range}")},
    {M::expected_number, NC_("expected_number", "a number")},
    {M::expected_one_of, NC_("expected_one_of", "one of: {options}")},
    {M::expected_text, NC_("expected_text", "text")},
    {M::expected_list_of, NC_("expected_list_of", "a list of: {options}")},
    {M::expected_episodes, NC_("expected_episodes", "a list of episodes")},
    {M::expected_episode, NC_("expected_episode", "an episode (a map of its fields)")},
    {M::got_text, NC_("got_text", "text")},
    {M::got_the_answer, NC_("got_the_answer", "the answer")},
    {M::got_full_width, NC_("got_full_width", "full-width digits, not half-width ones")},
    {M::outside_scale, NC_("outside_scale", "{value} is outside the scale {range}")},
    {M::not_scale_point, NC_("not_scale_point", "{value} is not a point of the scale {range}")},
    {M::outside_range, NC_("outside_range", "{value} is outside {range}")},
    {M::not_option, NC_("not_option", "{what} is not an option; expected one of: {options}")},
    {M::text_chars, NC_("text_chars", "the text has {count} characters; at most {max} fit a career map")},
    {M::text_lines, NC_("text_lines", "the text has {count} lines; at most {max} fit a career map")},
    {M::not_a_map, NC_("not_a_map", "an answers file must be a map with questionnaire, participant and answers")},
    {M::questionnaire_missing, NC_("questionnaire_missing", "missing: say which questionnaire these answers are for")},
    {M::questionnaire_other, NC_("questionnaire_other", "these answers are for another questionnaire, not '{id}'")},
    {M::participant_missing, NC_("participant_missing", "missing: every answers file needs a participant id")},
    {M::participant_invalid, NC_("participant_invalid", "the id may use only letters, digits, '_' and '-'")},
    {M::participant_duplicate, NC_("participant_duplicate", "'{id}' is also the participant of {file}")},
    {M::name_invisible, NC_("name_invisible", "holds {codes}, invisible characters that can make a name look like another; kept as written")},
    {M::cohort_invalid, NC_("cohort_invalid", "not an id (letters, digits, '_' and '-'); left out")},
    {M::session_invalid, NC_("session_invalid", "must be pre or post")},
    {M::meeting_unknown, NC_("meeting_unknown", "names no meeting of '{questionnaire}' ({meetings})")},
    {M::meeting_and_session, NC_("meeting_and_session", "give meeting or session, not both")},
    {M::answers_no_part, NC_("answers_no_part", "answers no item: a file holds at least one part ({parts})")},
    {M::answers_missing, NC_("answers_missing", "missing: the file has no answers")},
    {M::answers_not_map, NC_("answers_not_map", "expected a map from item id to answer, got {got}")},
    {M::key_not_id, NC_("key_not_id", "a key that is not an item id; ignored")},
    {M::item_unknown, NC_("item_unknown", "unknown item; '{questionnaire}' has no such id{suggestion}; ignored")},
    {M::item_suggestion, NC_("item_suggestion", " (did you mean {id}?)")},
    {M::required_missing, NC_("required_missing", "required answer is missing")},
    {M::multi_too_many, NC_("multi_too_many", "{count} entries; the list has {options} options, each at most once")},
    {M::multi_twice, NC_("multi_twice", "'{value}' is chosen twice")},
    {M::episodes_too_many, NC_("episodes_too_many", "{count} episodes; at most {max} fit a career map")},
    {M::field_unknown, NC_("field_unknown", "unknown field; ignored")},
    {M::field_not_id, NC_("field_not_id", "a key that is not a field id; ignored")},
    {M::field_required, NC_("field_required", "required field is missing")},
    {M::episode_years, NC_("episode_years", "to-year {to} is before from-year {from}")},
    {M::id_full_width, NC_("id_full_width", "the id is written in full-width characters (like ｐ０３); write it in half-width ones (like p03)")},
    {M::cohort_full_width, NC_("cohort_full_width", "written in full-width characters (like ２０２６), not an id until written in half-width ones (like 2026); left out")},
};

}  // namespace

std::span<const AnswerMessage> answer_messages() { return kTable; }

std::string answer_message(AnswerMsg msg, std::initializer_list<MessageArg> args, Lang lang) {
  const AnswerMessage& m = kTable[static_cast<size_t>(msg)];
  return fill(tr_in(m.id.data(), m.en.data(), lang), args);
}

std::string answer_messages_json() {
  std::string out = "{";
  for (const auto& m : kTable)
    out += (out.size() > 1 ? "," : "") + json::quote(m.id) + ":{\"en\":" + json::quote(m.en) +
           ",\"ja\":" + json::quote(tr_in(m.id.data(), m.en.data(), Lang::ja)) + "}";
  return out + "}";
}

}  // namespace careermap
