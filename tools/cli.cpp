#include "tools/cli.hpp"

#include <malloc.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <ctime>

#include "engine/archive_names.hpp"
#include "engine/files.hpp"
#include "engine/messages.hpp"
#include "engine/records.hpp"
#include "engine/utf8.hpp"
#include "tools/read_answers.hpp"

namespace careermap::cli {

int run_guarded(std::string_view name, std::string_view usage, const std::function<int()>& run, std::ostream& err) {
  const std::string who = "careermap " + std::string(name) + ": ";
  try {
    return run();
  } catch (const UsageError& e) {
    err << who << e.what() << '\n' << tr("usage:") << " careermap " << name << ' ' << usage << '\n';
  } catch (const Error& e) {
    err << e.diagnostic().format() << '\n';
    return kInvalid;
  } catch (const std::filesystem::filesystem_error& e) {
    // libstdc++ says "filesystem error: cannot create directories: Not a directory [PATH]".
    std::string what = e.what();
    if (what.rfind("filesystem error: ", 0) == 0) what.erase(0, 18);
    if (const size_t bracket = what.find(" ["); bracket != std::string::npos) what.resize(bracket);
    // The whole path and message, escaped but not cut: the path is where the problem is.
    err << (e.path1().empty() ? who : careermap::escaped(e.path1().string()) + ": ") << tr("error: ")
        << careermap::escaped(what) << '\n';
  } catch (const std::bad_alloc&) {
    err << who << tr("error: ") << tr("out of memory; nothing more was done") << '\n';
  } catch (const std::exception& e) {
    err << who << trf("internal error: {what}; please report it", {{"what", careermap::escaped(e.what())}}) << '\n';
  } catch (...) {
    err << who << tr("internal error: an unknown exception; please report it") << '\n';
  }
  return kUsage;
}

std::string password_of(std::string_view bytes, const std::string& file) {
  const auto fail = [&file](const std::string& why) { return Error({file, 0, 0}, "", why); };
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
  if (bytes.ends_with("\r\n")) bytes.remove_suffix(2);
  else if (bytes.ends_with('\n')) bytes.remove_suffix(1);
  if (bytes.empty()) throw fail(tr("the password file is empty (the password is its one line)"));
  if (bytes.find_first_of("\r\n") != std::string_view::npos)
    throw fail(tr("the password file must hold one line: the password, then at most one line break"));
  if (first_invalid_utf8(bytes) != std::string_view::npos) throw fail(tr("the password is not UTF-8 text"));
  return std::string(bytes);
}

std::string read_password_file(const std::string& path) {
  return password_of(read_file(path, 4096, tr("a password file")), path);
}

void tune_memory() {
  ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

std::string data_dir_of(const std::filesystem::path& program, const char* env) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto holds_data = [&ec](const fs::path& dir) {
    return fs::is_directory(dir / "templates", ec);
  };
  const auto missing = [](const fs::path& where, const std::string& what) {
    return fs::filesystem_error(what, where, std::make_error_code(std::errc::no_such_file_or_directory));
  };
  if (env && *env) {
    if (holds_data(env)) return env;
    throw missing(env, tr("CAREERMAP_DATA names no folder holding careermap's templates/"));
  }
  const fs::path bin = program.parent_path();
  const fs::path installed = (bin / ".." / "share" / "careermap").lexically_normal();
  if (holds_data(installed)) return installed.string();
  // A build tree: careermap-data.txt beside the program names the source tree, relative to it.
  std::ifstream pointer(bin / "careermap-data.txt");
  std::string relative;
  if (pointer && std::getline(pointer, relative) && !relative.empty()) {
    const fs::path source = (bin / relative).lexically_normal();
    if (holds_data(source)) return source.string();
  }
  throw missing(installed, tr("careermap's data (templates/, questionnaires/) is not here, beside the program; install "
                              "it with the program or set CAREERMAP_DATA to the folder holding it"));
}

std::string data_dir() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return data_dir_of(ec ? std::filesystem::path() : self, std::getenv("CAREERMAP_DATA"));
}

std::string locale_dir_of(const std::filesystem::path& program) {
  namespace fs = std::filesystem;
  const fs::path bin = program.parent_path();
  const fs::path installed = (bin / ".." / "share" / "locale").lexically_normal();
  std::error_code ec;
  if (fs::is_regular_file(installed / "ja" / "LC_MESSAGES" / (std::string(kTextDomain) + ".mo"), ec))
    return installed.string();
  return (bin / "locale").string();
}

std::string locale_dir() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return locale_dir_of(ec ? std::filesystem::path() : self);
}

void start_messages(std::optional<Lang> asked) {
  use_messages(locale_dir(), asked ? *asked : message_lang_from_env([](const char* n) -> const char* {
    return std::getenv(n);
  }));
}

std::string font_path() {
  if (const char* env = std::getenv("CAREERMAP_FONT"); env && *env) return env;
  return "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
}

void print(std::ostream& err, const Diagnostics& diags) {
  for (const auto& d : diags.list()) err << d.format() << '\n';
}

Templates load_templates(const std::string& name, std::ostream& err) {
  Diagnostics d;
  Templates t = Templates::load((std::filesystem::path(data_dir()) / "templates" / name).string(), d);
  print(err, d);
  return t;
}

std::optional<Questionnaire> load_questionnaire(const std::string& path, std::ostream& err) {
  Diagnostics diags;
  try {
    Questionnaire q = Questionnaire::load(path, diags);
    print(err, diags);
    if (diags.has_errors()) {
      err << trn("careermap: the questionnaire {file} has {n} error; nothing was done",
                 "careermap: the questionnaire {file} has {n} errors; nothing was done",
                 static_cast<unsigned long>(diags.error_count()), {{"file", path}})
          << '\n';
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

Batch records_batch(const Questionnaire& q, Batch versions, const std::string& meeting) {
  Batch out;
  out.invalid = std::move(versions.invalid);
  int person = 0;
  for (auto& p : people_records(q, versions.valid)) {
    bool any = false;
    const bool several = p.records.size() > 1;
    for (size_t k = 0; k < p.records.size(); ++k) {
      auto& r = p.records[k];
      if (!meeting.empty() && r.meeting != meeting) continue;
      // In meeting order: the records before this one are the person's earlier meetings.
      if (!meeting.empty())
        for (size_t e = 0; e < k; ++e) out.earlier.push_back(std::move(p.records[e].answers));
      out.valid.push_back(std::move(r.answers));
      out.person.push_back(person);
      out.several.push_back(several);
      any = true;
    }
    person += any;
  }
  return out;
}

std::string meeting_option(const Args& args, const Questionnaire& q) {
  if (args.has("--meeting") && args.has("--session"))
    throw UsageError(tr("give --meeting ID or --session pre|post, not both"));
  // pre|post (checked with the arguments): the first or last meeting, as in an answers file.
  if (args.has("--session")) return *resolve_meeting(q, args.get("--session"));
  if (!args.has("--meeting")) return "";
  const std::string given = args.get("--meeting");
  if (!q.find_meeting(given))
    throw UsageError(
        trf("--meeting {value} names no meeting of {id}; its meetings are {meeting_ids}",
            {{"value", std::string(cli::quoted(given))},
             {"id", std::string(q.id)},
             {"meeting_ids", std::string(q.meeting_ids())}}));
  return given;
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

bool answers_from_archive(const Args& args) {
  const bool archive = args.has("--archive"), cohort = args.has("--cohort"), files = !args.positional.empty();
  if (archive && !cohort) throw UsageError(tr("option --archive A.db needs --cohort C (which cohort to read)"));
  if (cohort && !archive) throw UsageError(tr("option --cohort C needs --archive A.db (the archive to read it from)"));
  if (archive && files) throw UsageError(tr("give answers files or --archive A.db --cohort C, not both"));
  if (!archive && !files) throw UsageError(tr("missing ANSWERS... (or --archive A.db --cohort C)"));
  return archive;
}

std::string today() { return time_text("%Y-%m-%d", false); }
std::string now_utc() { return time_text("%Y-%m-%dT%H:%M:%SZ", true); }

void summarize(size_t used, const std::vector<std::string>& invalid, std::ostream& err) {
  if (invalid.empty()) return;
  std::string names;
  for (const auto& f : invalid) names += ' ' + f;
  err << trf("careermap: {used} of {all} answers used; invalid:{files}",
             {{"used", std::to_string(used)}, {"all", std::to_string(used + invalid.size())}, {"files", names}})
      << '\n';
}

}  // namespace careermap::cli
