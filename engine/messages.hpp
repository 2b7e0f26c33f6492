// The language of what careermap says (diagnostics, usage, progress lines, summaries), through
// GNU gettext: the msgid is the English text, written in the code; po/ja.po holds its Japanese,
// built by msgfmt into LOCALEDIR/ja/LC_MESSAGES/careermap.mo. English needs no catalogue.
//
// The language is chosen once, at start (message_lang_from_env(), or `careermap --lang`), and
// set with use_messages(); before that, and when the catalogue is not found, everything is
// English. `{name}` placeholders are filled by name (fill()); values are never searched for
// placeholders. Not thread-safe to switch while other threads translate; reading is.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "engine/text.hpp"

// Marks a msgid in a table for xgettext without translating it there.
#define N_(text) text
// The same with a context (msgctxt) that tells two equal English texts apart: expands to
// `context, text` (two initialisers of a table row).
#define NC_(context, text) context, text

namespace careermap {

inline constexpr const char* kTextDomain = "careermap";

// The language gettext would choose from the environment: LC_ALL, else LC_MESSAGES, else LANG
// names the locale; "C", "POSIX" or none -> English; otherwise the first of LANGUAGE's
// colon-separated entries that is ja* or en*, else the locale's own language. `env` reads a
// variable (std::getenv in the program).
Lang message_lang_from_env(const char* (*env)(const char*));

// Binds the catalogue in `locale_dir` and makes `lang` the language of tr(). The Japanese
// catalogue is usable even when no Japanese locale is installed: LC_MESSAGES falls back to
// C.UTF-8 and LANGUAGE is set to ja for this process.
void use_messages(const std::string& locale_dir, Lang lang);

// The current message language (English until use_messages()).
Lang message_lang();

// `msgid` in the current language / in `lang`.
std::string tr(const char* msgid);
std::string tr(const char* msgid, Lang lang);

// `msgid` in `lang` under msgctxt `context` (pgettext).
std::string tr_in(const char* context, const char* msgid, Lang lang);

struct MessageArg {
  std::string_view name;  // placeholder name, without braces
  std::string value;
};

// `text` with its `{name}` placeholders filled; a placeholder not given stays as written.
std::string fill(std::string_view text, std::initializer_list<MessageArg> args);

// tr() then fill().
std::string trf(const char* msgid, std::initializer_list<MessageArg> args);

// The singular or plural msgid by `n` (ngettext), then fill(); `{n}` is n.
std::string trn(const char* singular, const char* plural, unsigned long n, std::initializer_list<MessageArg> args = {});

}  // namespace careermap
