// engine/messages: the language gettext would choose from the environment, placeholders filled
// by name, and the catalogue's Japanese (singular, plural, with a context) once bound.
#include "engine/messages.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

using namespace careermap;

namespace {

std::map<std::string, std::string> g_env;  // the fake environment of message_lang_from_env

const char* fake_env(const char* name) {
  const auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

Lang lang_of(std::map<std::string, std::string> env) {
  g_env = std::move(env);
  return message_lang_from_env(fake_env);
}

// Japanese messages for the scope of a test; English again after (the suite's default).
struct Japanese {
  Japanese() { use_messages(CAREERMAP_LOCALE_DIR, Lang::ja); }
  ~Japanese() { use_messages(CAREERMAP_LOCALE_DIR, Lang::en); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(the_language_is_chosen_as_gettext_chooses_it) {
  BOOST_TEST((lang_of({}) == Lang::en));
  BOOST_TEST((lang_of({{"LANG", "C"}}) == Lang::en));
  BOOST_TEST((lang_of({{"LANG", "C.UTF-8"}, {"LANGUAGE", "ja"}}) == Lang::en));  // LANGUAGE is ignored under C
  BOOST_TEST((lang_of({{"LANG", "ja_JP.UTF-8"}}) == Lang::ja));
  BOOST_TEST((lang_of({{"LANG", "en_US.UTF-8"}, {"LC_MESSAGES", "ja_JP.UTF-8"}}) == Lang::ja));
  BOOST_TEST((lang_of({{"LANG", "ja_JP.UTF-8"}, {"LC_ALL", "POSIX"}}) == Lang::en));  // LC_ALL wins
  BOOST_TEST((lang_of({{"LANG", "de_DE.UTF-8"}, {"LANGUAGE", "fr:ja:en"}}) == Lang::ja));
  BOOST_TEST((lang_of({{"LANG", "ja_JP.UTF-8"}, {"LANGUAGE", "en_GB:ja"}}) == Lang::en));
  BOOST_TEST((lang_of({{"LANG", "de_DE.UTF-8"}, {"LANGUAGE", "fr"}}) == Lang::en));
}

BOOST_AUTO_TEST_CASE(placeholders_are_filled_by_name_and_values_are_not_searched) {
  BOOST_TEST(fill("{a} and {b}, {a}", {{"a", "x"}, {"b", "{a}"}}) == "x and {a}, x");
  BOOST_TEST(fill("{missing} stays; {a", {{"a", "x"}}) == "{missing} stays; {a");
  BOOST_TEST(trn("{n} error in {file}", "{n} errors in {file}", 1, {{"file", "q.yaml"}}) == "1 error in q.yaml");
  BOOST_TEST(trn("{n} error in {file}", "{n} errors in {file}", 3, {{"file", "q.yaml"}}) == "3 errors in q.yaml");
}

BOOST_AUTO_TEST_CASE(the_catalogue_gives_the_japanese) {
  BOOST_TEST(tr("usage:") == "usage:");
  BOOST_TEST(tr_in("got_text", "text", Lang::ja) == "文字");  // the answer page's Japanese under English messages
  BOOST_TEST(tr("usage:") == "usage:");                      // and English again after
  {
    const Japanese ja;
    BOOST_TEST((message_lang() == Lang::ja));
    BOOST_TEST(tr("usage:") == "使い方:");
    BOOST_TEST(tr("usage:", Lang::en) == "usage:");
    BOOST_TEST(trn("careermap: the questionnaire {file} has {n} error; nothing was done",
                   "careermap: the questionnaire {file} has {n} errors; nothing was done", 2, {{"file", "q.yaml"}}) ==
               "careermap: 質問票 q.yaml にエラーが 2 件あります。何もしていません");
    BOOST_TEST(trf("option {option} given twice", {{"option", "-q"}}) == "オプション -q が 2 回あります");
    BOOST_TEST(tr("a msgid the catalogue does not have") == "a msgid the catalogue does not have");
  }
  BOOST_TEST((message_lang() == Lang::en));
  BOOST_TEST(tr("usage:") == "usage:");
}

BOOST_AUTO_TEST_SUITE_END()
