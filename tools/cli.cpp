#include "tools/cli.hpp"

#include <malloc.h>

#include <cstdlib>
#include <ctime>

#include "tools/read_answers.hpp"

namespace careermap::cli {

std::string Args::get(const std::string& k, const std::string& fallback) const {
  auto it = options.find(k);
  return it == options.end() ? fallback : it->second;
}

std::optional<Args> parse_args(int argc, char** argv, int first, const OptionSpec& spec,
                               std::string& error) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() > 1 && s[0] == '-') {
      std::string value;
      bool inline_value = false;
      if (auto eq = s.find('='); s.rfind("--", 0) == 0 && eq != std::string::npos) {
        value = s.substr(eq + 1);
        s = s.substr(0, eq);
        inline_value = true;
      }
      if (spec.with_value.count(s)) {
        if (!inline_value) {
          if (i + 1 >= argc) {
            error = "option " + s + " needs a value";
            return std::nullopt;
          }
          value = argv[++i];
        }
        a.options[s] = value;
      } else if (spec.flags.count(s) && !inline_value) {
        a.options[s] = "";
      } else {
        error = "unknown option " + s;
        return std::nullopt;
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

void tune_memory() {
  ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

std::string data_dir() {
  if (const char* env = std::getenv("CAREERMAP_DATA"); env && *env) return env;
  return CAREERMAP_DATA_DIR;
}

std::string font_path() {
  if (const char* env = std::getenv("CAREERMAP_FONT"); env && *env) return env;
  return "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
}

void print(std::ostream& err, const Diagnostics& diags) {
  for (const auto& d : diags.list()) err << d.format() << '\n';
}

std::optional<Questionnaire> load_questionnaire(const std::string& path, std::ostream& err) {
  Diagnostics diags;
  try {
    Questionnaire q = Questionnaire::load(path, diags);
    print(err, diags);
    if (diags.has_errors()) {
      err << "careermap: the questionnaire " << path << " has " << diags.error_count()
          << (diags.error_count() == 1 ? " error" : " errors") << "; nothing was done\n";
      return std::nullopt;
    }
    return q;
  } catch (const Error& e) {
    print(err, diags);
    err << e.diagnostic().format() << '\n';
    return std::nullopt;
  }
}

Batch load_batch(const Questionnaire& q, const std::vector<std::string>& files, std::ostream& err,
                 std::map<std::string, std::string>* seen, const Mapping* mapping) {
  Batch b;
  std::map<std::string, std::string> local;
  b.invalid = read_answers(q, files, mapping, err, seen ? seen : &local, [&](AnswersRead& r) {
                if (r.ok) b.valid.push_back(std::move(r.answers));
              }).invalid;
  return b;
}

bool load_mapping(const Args& args, const Questionnaire& q, std::optional<Mapping>& out, std::ostream& err) {
  if (!args.has("--mapping")) return true;
  Diagnostics diags;
  try {
    out = Mapping::load(args.get("--mapping"), q, diags);
  } catch (const Error& e) {
    err << e.diagnostic().format() << '\n';
    return false;
  }
  print(err, diags);
  return !diags.has_errors();
}

std::optional<Inputs> load_inputs(const Args& args, std::ostream& err) {
  auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return std::nullopt;
  Inputs in{std::move(*q), std::nullopt, {}};
  if (!load_mapping(args, in.q, in.mapping, err)) return std::nullopt;
  in.batch = load_batch(in.q, args.positional, err, nullptr, in.mapping ? &*in.mapping : nullptr);
  return in;
}

namespace {

std::string time_text(const char* format, bool utc) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  if (utc) gmtime_r(&t, &tm);
  else localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace

std::string today() { return time_text("%Y-%m-%d", false); }
std::string now_utc() { return time_text("%Y-%m-%dT%H:%M:%SZ", true); }

void summarize(size_t used, const std::vector<std::string>& invalid, std::ostream& err) {
  if (invalid.empty()) return;
  err << "careermap: " << used << " of " << used + invalid.size() << " answers files used; invalid:";
  for (const auto& f : invalid) err << ' ' << f;
  err << '\n';
}

}  // namespace careermap::cli
