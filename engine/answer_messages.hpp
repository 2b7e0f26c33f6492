// The words of every answer-level message (FORMAT.md "Answers file"), in one table used by the
// C++ intake (engine/answers.cpp) and embedded, as JSON, into the HTML form page
// (reports/form_html.cpp), whose script fills the same templates: one source for both, so the
// page and `careermap validate` cannot drift apart.
//
// Each entry has a stable id (also its msgctxt) and an English template, its gettext msgid; the
// Japanese is po/ja.po's (engine/messages.hpp), the one catalogue of every message, so the page
// and the program say the same Japanese words. `{name}` placeholders are filled by
// answer_message(); a placeholder the caller does not give stays as written. Constant data.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "engine/messages.hpp"

namespace careermap {

enum class AnswerMsg {
  expected,           // expected {expected}, got {got}
  expected_scale,     // a number on the scale {range}
  expected_number,
  expected_one_of,
  expected_text,
  expected_list_of,
  expected_episodes,
  expected_episode,
  got_text,
  got_the_answer,
  got_full_width,
  outside_scale,
  not_scale_point,
  outside_range,
  not_option,
  text_chars,
  text_lines,
  not_a_map,
  questionnaire_missing,
  questionnaire_other,
  participant_missing,
  participant_invalid,
  participant_duplicate,
  name_invisible,
  cohort_invalid,
  session_invalid,
  meeting_unknown,
  meeting_and_session,
  answers_no_part,
  answers_missing,
  answers_not_map,
  key_not_id,
  item_unknown,
  item_suggestion,
  required_missing,
  multi_too_many,
  multi_twice,
  episodes_too_many,
  field_unknown,
  field_not_id,
  field_required,
  episode_years,
  id_full_width,
  cohort_full_width,
};

struct AnswerMessage {
  AnswerMsg msg;
  std::string_view id;  // stable key, as the page's script names it: "outside_range"
  std::string_view en;  // the template careermap prints (and the msgid)
};

// Every message, in the order of AnswerMsg.
std::span<const AnswerMessage> answer_messages();


// The template of `msg` in `lang` with its placeholders filled.
std::string answer_message(AnswerMsg msg, std::initializer_list<MessageArg> args = {},
                           Lang lang = message_lang());

// The table as a JSON object {"id": {"en": "...", "ja": "..."}, ...}, for the page's script.
std::string answer_messages_json();

}  // namespace careermap
