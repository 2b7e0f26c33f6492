#include "engine/answer_messages.hpp"

#include "engine/json.hpp"

namespace careermap {
namespace {

using M = AnswerMsg;
constexpr AnswerMessage kTable[] = {
    {M::expected, "expected", "expected {expected}, got {got}", "{expected}を答えてください（答えは{got}です）"},
    {M::expected_scale, "expected_scale", "a number on the scale {range}", "{range} の目盛りの数"},
    {M::expected_number, "expected_number", "a number", "半角数字の数"},
    {M::expected_one_of, "expected_one_of", "one of: {options}", "次のどれか: {options}"},
    {M::expected_text, "expected_text", "text", "文章"},
    {M::expected_list_of, "expected_list_of", "a list of: {options}", "次の中からのリスト: {options}"},
    {M::expected_episodes, "expected_episodes", "a list of episodes", "エピソードのリスト"},
    {M::expected_episode, "expected_episode", "an episode (a map of its fields)", "1 件のエピソード（項目ごとの値）"},
    {M::got_text, "got_text", "text", "文字"},
    {M::got_the_answer, "got_the_answer", "the answer", "この答え"},
    {M::outside_scale, "outside_scale", "{value} is outside the scale {range}", "{value} は目盛り {range} の外です"},
    {M::not_scale_point, "not_scale_point", "{value} is not a point of the scale {range}",
     "{value} は目盛り {range} の点ではありません"},
    {M::outside_range, "outside_range", "{value} is outside {range}", "{value} は {range} の範囲の外です"},
    {M::not_option, "not_option", "{what} is not an option; expected one of: {options}",
     "{what}は選択肢にありません。次のどれかです: {options}"},
    {M::text_chars, "text_chars", "the text has {count} characters; at most {max} fit a career map",
     "{count} 字あります。キャリアマップに載るのは {max} 字までです"},
    {M::text_lines, "text_lines", "the text has {count} lines; at most {max} fit a career map",
     "{count} 行あります。キャリアマップに載るのは {max} 行までです"},
    {M::not_a_map, "not_a_map", "an answers file must be a map with questionnaire, participant and answers",
     "回答ファイルは questionnaire・participant・answers をもつマップです"},
    {M::questionnaire_missing, "questionnaire_missing", "missing: say which questionnaire these answers are for",
     "ありません: どの質問票への回答かを書いてください"},
    {M::questionnaire_other, "questionnaire_other", "these answers are for another questionnaire, not '{id}'",
     "'{id}' ではない別の質問票への回答です"},
    {M::participant_missing, "participant_missing", "missing: every answers file needs a participant id",
     "ありません: 参加者 ID を入れてください"},
    {M::participant_invalid, "participant_invalid", "the id may use only letters, digits, '_' and '-'",
     "ID に使えるのは半角の英字・数字・'_'・'-' だけです"},
    {M::participant_duplicate, "participant_duplicate", "'{id}' is also the participant of {file}",
     "'{id}' は {file} の参加者 ID でもあります"},
    {M::name_invisible, "name_invisible",
     "holds {codes}, invisible characters that can make a name look like another; kept as written",
     "見えない制御文字 {codes} を含みます（名前が別の名前に見えることがあります）。そのまま残します"},
    {M::cohort_invalid, "cohort_invalid", "not an id (letters, digits, '_' and '-'); left out",
     "ID（半角の英字・数字・'_'・'-'）ではないので使いません"},
    {M::session_invalid, "session_invalid", "must be pre or post", "pre か post です"},
    {M::meeting_unknown, "meeting_unknown", "names no meeting of '{questionnaire}' ({meetings})",
     "'{questionnaire}' の回ではありません（{meetings}）"},
    {M::meeting_and_session, "meeting_and_session", "give meeting or session, not both",
     "meeting か session のどちらか一方だけを書いてください"},
    {M::answers_no_part, "answers_no_part", "answers no item: a file holds at least one part ({parts})",
     "回答がありません: ファイルには少なくとも一つの部分（{parts}）の回答が要ります"},
    {M::answers_missing, "answers_missing", "missing: the file has no answers", "ありません: 回答がひとつもありません"},
    {M::answers_not_map, "answers_not_map", "expected a map from item id to answer, got {got}",
     "設問 ID から回答へのマップが必要です（{got}です）"},
    {M::key_not_id, "key_not_id", "a key that is not an item id; ignored", "設問 ID ではないキーです。使いません"},
    {M::item_unknown, "item_unknown", "unknown item; '{questionnaire}' has no such id{suggestion}; ignored",
     "'{questionnaire}' にない設問です{suggestion}。使いません"},
    {M::item_suggestion, "item_suggestion", " (did you mean {id}?)", "（{id} のことですか）"},
    {M::required_missing, "required_missing", "required answer is missing", "必須の回答がありません"},
    {M::multi_too_many, "multi_too_many", "{count} entries; the list has {options} options, each at most once",
     "{count} 個選ばれています。選択肢は {options} 個で、それぞれ 1 回までです"},
    {M::multi_twice, "multi_twice", "'{value}' is chosen twice", "'{value}' が 2 回選ばれています"},
    {M::episodes_too_many, "episodes_too_many", "{count} episodes; at most {max} fit a career map",
     "エピソードが {count} 件あります。キャリアマップに載るのは {max} 件までです"},
    {M::field_unknown, "field_unknown", "unknown field; ignored", "ない項目です。使いません"},
    {M::field_not_id, "field_not_id", "a key that is not a field id; ignored", "項目 ID ではないキーです。使いません"},
    {M::field_required, "field_required", "required field is missing", "必須の項目がありません"},
    {M::episode_years, "episode_years", "to-year {to} is before from-year {from}",
     "終わりの年 {to} が始まりの年 {from} より前です"},
};

}  // namespace

std::span<const AnswerMessage> answer_messages() { return kTable; }

std::string answer_message(AnswerMsg msg, std::initializer_list<MessageArg> args, Lang lang) {
  const AnswerMessage& m = kTable[static_cast<size_t>(msg)];
  const std::string_view t = lang == Lang::ja ? m.ja : m.en;
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '{') {
      const size_t close = t.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = t.substr(i + 1, close - i - 1);
        const MessageArg* found = nullptr;
        for (const auto& a : args)
          if (a.name == name) found = &a;
        if (found) {
          out += found->value;
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(t[i++]);
  }
  return out;
}

std::string answer_messages_json() {
  std::string out = "{";
  for (const auto& m : kTable)
    out += (out.size() > 1 ? "," : "") + json::quote(m.id) + ":{\"en\":" + json::quote(m.en) +
           ",\"ja\":" + json::quote(m.ja) + "}";
  return out + "}";
}

}  // namespace careermap
