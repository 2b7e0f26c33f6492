#include "engine/messages.hpp"

#include <libintl.h>

#include <atomic>
#include <clocale>
#include <cstdlib>

extern "C" int _nl_msg_cat_cntr;  // glibc's catalogue generation: bumped when LANGUAGE changes

namespace careermap {
namespace {

std::atomic<Lang> g_lang{Lang::en};
bool g_bound = false;

// The LANGUAGE gettext reads for `lang`: "en" has no catalogue, so everything (strerror too)
// stays English.
const char* language_of(Lang lang) { return lang == Lang::ja ? "ja" : "en"; }

bool starts(std::string_view s, std::string_view with) { return s.rfind(with, 0) == 0; }

}  // namespace

Lang message_lang_from_env(const char* (*env)(const char*)) {
  const auto get = [env](const char* name) -> std::string_view {
    const char* v = env(name);
    return v ? v : "";
  };
  std::string_view locale = get("LC_ALL");
  if (locale.empty()) locale = get("LC_MESSAGES");
  if (locale.empty()) locale = get("LANG");
  if (locale.empty() || locale == "C" || locale == "POSIX" || starts(locale, "C.")) return Lang::en;
  std::string_view language = get("LANGUAGE");
  while (!language.empty()) {
    const size_t colon = language.find(':');
    const std::string_view entry = language.substr(0, colon);
    if (starts(entry, "ja")) return Lang::ja;
    if (starts(entry, "en")) return Lang::en;
    language = colon == std::string_view::npos ? "" : language.substr(colon + 1);
  }
  return starts(locale, "ja") ? Lang::ja : Lang::en;
}

void use_messages(const std::string& locale_dir, Lang lang) {
  // gettext ignores LANGUAGE under the C locale; C.UTF-8 is built into glibc (Debian 12).
  const char* set = std::setlocale(LC_MESSAGES, "");
  if (!set || std::string_view(set) == "C" || std::string_view(set) == "POSIX") std::setlocale(LC_MESSAGES, "C.UTF-8");
  ::setenv("LANGUAGE", language_of(lang), 1);
  ::bindtextdomain(kTextDomain, locale_dir.c_str());
  ::bind_textdomain_codeset(kTextDomain, "UTF-8");
  ::bind_textdomain_codeset("libc", "UTF-8");  // strerror()'s words, whatever LC_CTYPE is
  g_lang = lang;
  g_bound = true;
}

Lang message_lang() { return g_lang; }

namespace {

// dgettext in `lang`, also when the message language is another (the answer page's Japanese
// under English messages): LANGUAGE switched for the call, as the gettext manual says.
const char* lookup(const char* key, Lang lang) {
  if (lang == g_lang) return ::dgettext(kTextDomain, key);
  ::setenv("LANGUAGE", language_of(lang), 1);
  ++_nl_msg_cat_cntr;
  const char* t = ::dgettext(kTextDomain, key);
  ::setenv("LANGUAGE", language_of(g_lang), 1);
  ++_nl_msg_cat_cntr;
  return t;
}

}  // namespace

std::string tr(const char* msgid, Lang lang) {
  return lang == Lang::ja && g_bound ? lookup(msgid, lang) : msgid;
}

std::string tr_in(const char* context, const char* msgid, Lang lang) {
  if (lang != Lang::ja || !g_bound) return msgid;
  const std::string key = std::string(context) + '\004' + msgid;
  const char* t = lookup(key.c_str(), lang);
  return t == key.c_str() ? msgid : t;
}

std::string tr(const char* msgid) { return tr(msgid, g_lang); }

namespace {

std::string fill_from(std::string_view t, std::initializer_list<MessageArg> args, const MessageArg* extra) {
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '{') {
      const size_t close = t.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = t.substr(i + 1, close - i - 1);
        const MessageArg* found = nullptr;
        for (const auto& a : args)
          if (a.name == name) found = &a;
        if (extra && extra->name == name) found = extra;
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

}  // namespace

std::string fill(std::string_view t, std::initializer_list<MessageArg> args) { return fill_from(t, args, nullptr); }

std::string trf(const char* msgid, std::initializer_list<MessageArg> args) { return fill(tr(msgid), args); }

std::string trn(const char* singular, const char* plural, unsigned long n, std::initializer_list<MessageArg> args) {
  const std::string t = g_lang == Lang::ja && g_bound ? ::dngettext(kTextDomain, singular, plural, n) : n == 1 ? singular : plural;
  const MessageArg count{"n", std::to_string(n)};
  return fill_from(t, args, &count);
}

}  // namespace careermap
