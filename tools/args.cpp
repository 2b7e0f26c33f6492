#include "tools/args.hpp"

#include <algorithm>

#include "engine/answers.hpp"
#include "engine/archive_names.hpp"
#include "engine/date.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

const Option* find(const Syntax& syntax, std::string_view name) {
  for (const auto& o : syntax.options)
    if (o.name == name) return &o;
  return nullptr;
}

// True when `word` is "--" or one of the command's options (also as --opt=value).
bool is_option(const Syntax& syntax, std::string_view word) {
  if (word == "--") return true;
  if (word.rfind("--", 0) == 0) word = word.substr(0, word.find('='));
  return find(syntax, word) != nullptr;
}

// The words of a choice: "json|csv" -> "json or csv"; "a|b|c" -> "a, b or c".
std::string choice_words(std::string_view value) {
  std::vector<std::string_view> words;
  for (size_t at = 0;;) {
    const size_t bar = value.find('|', at);
    words.push_back(value.substr(at, bar - at));
    if (bar == std::string_view::npos) break;
    at = bar + 1;
  }
  std::string s;
  for (size_t i = 0; i + 1 < words.size(); ++i) s += (i == 0 ? "" : tr(", ")) + std::string(words[i]);
  return words.size() == 1 ? std::string(words[0])
                           : trf("{first} or {last}", {{"first", s}, {"last", std::string(words.back())}});
}

bool is_choice(std::string_view value, std::string_view v) {
  for (size_t at = 0;;) {
    const size_t bar = value.find('|', at);
    if (value.substr(at, bar - at) == v) return true;
    if (bar == std::string_view::npos) return false;
    at = bar + 1;
  }
}

bool whole_number(const std::string& v, long min, long max, long& out) {
  if (v.empty() || v.size() > 9 || (v.size() > 1 && v[0] == '0')) return false;
  out = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return out >= min && out <= max;
}

// Empty when `v` is a good value of `o`; else what it should have been.
std::string expected(const Option& o, const std::string& v) {
  const std::string kId = tr("an id of half-width letters, digits, '_' and '-' (at most 64)");
  switch (o.kind) {
    case Value::flag: return "";
    case Value::text: return "";
    case Value::choice: return is_choice(o.value, v) ? "" : choice_words(o.value);
    case Value::date: return parse_date(v) ? "" : tr(kDateForm.data());
    case Value::number: {
      long n = 0;
      return whole_number(v, o.min, o.max, n)
                 ? ""
                 : trf("a whole number from {min} to {max}",
                       {{"min", std::to_string(o.min)}, {"max", std::to_string(o.max)}});
    }
    case Value::id: return valid_participant_id(v) ? "" : kId;
    case Value::ids: {
      const std::string ids = trf("ids separated by commas ({form}), each {id}",
                                  {{"form", std::string(o.value)}, {"id", kId}});
      if (v.empty() || v.back() == ',') return ids;
      for (const auto& id : split_ids(v))
        if (!valid_participant_id(id)) return ids;
      return "";
    }
  }
  return "";
}

// When `v`, refused, would do written in half-width characters (ｐ０３, ２０２６-０７-０１, ４):
// the value to write, for the end of the message. Full-width characters are never taken as their
// half-width ones.
std::string half_width_note(const Option& o, const std::string& v) {
  if (const auto half = half_width(v); half && expected(o, *half).empty())
    return trf(" (it is written in full-width characters; write {half})", {{"half", quoted(*half)}});
  return "";
}

}  // namespace

std::string name_and_value(const Option& o) {
  return std::string(o.name) + (o.value.empty() ? "" : " " + std::string(o.value));
}

std::string Args::get(const std::string& k, const std::string& fallback) const {
  auto it = options.find(k);
  return it == options.end() ? fallback : it->second;
}

std::vector<std::string> split_ids(const std::string& value) {
  std::vector<std::string> out;
  for (size_t at = 0; at <= value.size();) {
    const size_t comma = value.find(',', at);
    out.push_back(value.substr(at, comma - at));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

std::string escaped(std::string_view value) {
  constexpr size_t kShown = 60;
  size_t cut = std::min(value.size(), kShown);
  while (cut > 0 && cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  const std::string shown = careermap::escaped(value.substr(0, cut));
  return cut < value.size() ? shown + "…" : shown;
}

std::string quoted(std::string_view value) { return "'" + escaped(value) + "'"; }

namespace {

// The options that go with `o` (Option::under), each in [ ] with those that go with it.
std::string nested(const Syntax& syntax, const Option& o) {
  std::string s;
  for (const auto& u : syntax.options)
    if (u.in_usage && u.under == o.name && &u != &o)
      s += " [" + name_and_value(u) + nested(syntax, u) + "]";
  return s;
}

// The options from syntax.options[i] on that are one alternative (the first and those joined
// to it), then the options that go with any of them.
std::string branch(const Syntax& syntax, size_t i) {
  std::string s = name_and_value(syntax.options[i]), after = nested(syntax, syntax.options[i]);
  for (size_t j = i + 1; j < syntax.options.size() && syntax.options[j].joined; ++j) {
    if (!syntax.options[j].in_usage) continue;
    s += " " + name_and_value(syntax.options[j]);
    after += nested(syntax, syntax.options[j]);
  }
  return s + after;
}

}  // namespace

std::string usage_of(const Syntax& syntax) {
  std::vector<std::string> words;
  const std::string files(syntax.files_name);
  std::vector<int> shown_groups;
  for (size_t i = 0; i < syntax.options.size(); ++i) {
    const Option& o = syntax.options[i];
    if (!o.in_usage || !o.under.empty() || o.joined) continue;
    if (o.either == 0) {
      words.push_back(o.required ? branch(syntax, i) : "[" + branch(syntax, i) + "]");
      continue;
    }
    if (std::find(shown_groups.begin(), shown_groups.end(), o.either) != shown_groups.end()) continue;
    shown_groups.push_back(o.either);
    std::string alternatives = syntax.files_either == o.either ? files : "";
    for (size_t j = i; j < syntax.options.size(); ++j) {
      const Option& a = syntax.options[j];
      if (a.either != o.either || !a.in_usage || a.joined || !a.under.empty()) continue;
      alternatives += (alternatives.empty() ? "" : " | ") + branch(syntax, j);
    }
    words.push_back("(" + alternatives + ")");
  }
  if (syntax.files != Files::none && syntax.files_either == 0)
    words.push_back(syntax.files == Files::required ? files : "[" + files + "]");
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

namespace {

// "a", "a and b", "a, b and c" in the message language.
template <class List>
std::string listed(const List& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? tr(" and ") : tr(", ")) + std::string(names[i]);
  return out;
}

// The option word argv[i] (and its value, after it or after '='), checked and added to `a`.
void read_option(int argc, const char* const* argv, int& i, const Syntax& syntax, Args& a,
                 std::vector<std::string>& order) {
  std::string s = argv[i];
  std::string value;
  bool inline_value = false;
  if (const size_t eq = s.find('='); s.rfind("--", 0) == 0 && eq != std::string::npos) {
    value = s.substr(eq + 1);
    s.resize(eq);
    inline_value = true;
  }
  const Option* o = find(syntax, s);
  if (!o) {
    const std::string head = s.substr(0, 2);  // "-q=a" or "-qa": a short option glued to its value
    const Option* glued = s[1] != '-' ? find(syntax, head) : nullptr;
    if (glued && glued->kind != Value::flag)
      throw UsageError(trf("unknown option {option} (a value follows {head} after a space: {head} {value})",
                           {{"option", escaped(s)}, {"head", head}, {"value", std::string(glued->value)}}));
    throw UsageError(trf("unknown option {option}", {{"option", escaped(s)}}));
  }
  if (a.has(s)) throw UsageError(trf("option {option} given twice", {{"option", s}}));
  order.push_back(s);
  if (o->kind == Value::flag) {
    if (inline_value) throw UsageError(trf("option {option} takes no value", {{"option", s}}));
    a.options[s] = "";
    return;
  }
  if (!inline_value) {
    if (i + 1 >= argc || is_option(syntax, argv[i + 1]))
      throw UsageError(trf("option {option} needs a value: {value}", {{"option", s}, {"value", std::string(o->value)}}));
    value = argv[++i];
  }
  if (value.empty() && o->kind == Value::text)
    throw UsageError(trf("option {option} needs a value: {value} (it was empty)",
                         {{"option", s}, {"value", std::string(o->value)}}));
  if (const std::string want = expected(*o, value); !want.empty())
    throw UsageError(trf("{option} {value}: expected {expected}",
                         {{"option", s}, {"value", quoted(value)}, {"expected", want}}) +
                     half_width_note(*o, value));
  a.options[s] = value;
}

void check_missing(const Syntax& syntax, const Args& a) {
  std::string missing;
  for (const auto& o : syntax.options)
    if (o.required && !a.has(std::string(o.name))) missing += (missing.empty() ? "" : ", ") + name_and_value(o);
  if (syntax.files == Files::required && a.positional.empty())
    missing += (missing.empty() ? "" : ", ") + std::string(syntax.files_name);
  if (!missing.empty()) throw UsageError(trf("missing {what}", {{"what", missing}}));
}

// Two alternatives of one `either` group: "give --html or --csv, not both", in the order given.
// An alternative is given by its first option, unless that option is also one joined to
// another alternative given (form's -o of --html -o FORM.html is not -o BLANK.pdf).
void check_alternatives(const Syntax& syntax, const Args& a, const std::vector<std::string>& order) {
  const auto& opts = syntax.options;
  const auto joined_to = [&](size_t head, std::string_view name) {
    for (size_t j = head + 1; j < opts.size() && opts[j].joined; ++j)
      if (opts[j].name == name) return true;
    return false;
  };
  std::vector<int> groups;
  for (const auto& o : opts)
    if (o.either != 0 && std::find(groups.begin(), groups.end(), o.either) == groups.end()) groups.push_back(o.either);
  for (int g : groups) {
    std::vector<size_t> heads;  // of the alternatives whose first option is given
    for (size_t i = 0; i < opts.size(); ++i)
      if (opts[i].either == g && !opts[i].joined && a.has(std::string(opts[i].name))) heads.push_back(i);
    std::vector<std::pair<size_t, std::string>> given;  // position in `order`, the alternative
    for (size_t h : heads) {
      const bool claimed = std::any_of(heads.begin(), heads.end(), [&](size_t o) {
        return o != h && opts[o].name != opts[h].name && joined_to(o, opts[h].name);
      });
      if (claimed) continue;
      const size_t at = std::find(order.begin(), order.end(), opts[h].name) - order.begin();
      given.emplace_back(at, name_and_value(opts[h]));
    }
    if (given.size() < 2) continue;
    std::sort(given.begin(), given.end());
    if (given.size() == 2)
      throw UsageError(trf("give {value} or {value_a}, not both",
                           {{"value", std::string(given[0].second)}, {"value_a", std::string(given[1].second)}}));
    std::vector<std::string> names;
    for (const auto& g2 : given) names.push_back(g2.second);
    throw UsageError(trf("give only one of {names}", {{"names", listed(names)}}));
  }
}

// An option given without the one it goes with: "--name and --cohort go with --participant ID".
void check_under(const Syntax& syntax, const Args& a) {
  for (const auto& o : syntax.options) {
    if (o.under.empty() || !a.has(std::string(o.name)) || a.has(std::string(o.under))) continue;
    std::vector<std::string_view> with;  // every option that goes with o.under, once each
    for (const auto& u : syntax.options)
      if (u.under == o.under && std::find(with.begin(), with.end(), u.name) == with.end()) with.push_back(u.name);
    throw UsageError(trn("{names} goes with {option}", "{names} go with {option}", with.size(),
                         {{"names", listed(with)}, {"option", name_and_value(*find(syntax, o.under))}}));
  }
}

}  // namespace

Args parse_args(int argc, const char* const* argv, int first, const Syntax& syntax) {
  Args a;
  std::vector<std::string> order;  // the options as given
  bool options_end = false;
  for (int i = first; i < argc; ++i) {
    const std::string s = argv[i];
    if (options_end || s.size() < 2 || s[0] != '-') {
      if (syntax.files == Files::none)
        throw UsageError(trf("unexpected argument {argument}: this command takes no files", {{"argument", quoted(s)}}));
      a.positional.push_back(s);
    } else if (s == "--") {
      options_end = true;
    } else {
      read_option(argc, argv, i, syntax, a, order);
    }
  }
  check_missing(syntax, a);
  check_alternatives(syntax, a, order);
  check_under(syntax, a);
  return a;
}

}  // namespace careermap::cli
