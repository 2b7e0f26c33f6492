#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "engine/answers_blob.hpp"
#include "engine/answers_yaml.hpp"
#include "engine/archive.hpp"
#include "engine/archive_names.hpp"
#include "engine/files.hpp"
#include "engine/records.hpp"
#include "engine/release_log.hpp"
#include "engine/csv.hpp"
#include "tools/archive_use.hpp"
#include "tools/commands.hpp"
#include "tools/in_order.hpp"
#include "tools/read_answers.hpp"
#include "tools/shard.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

// Makes the folder `dir` (mode 0700) unless it is one already. False, with a message, when
// something else is in its way (a file, a link) or it cannot be made.
bool make_folder(const std::filesystem::path& dir, std::ostream& err) {
  if (::mkdir(dir.c_str(), 0700) == 0) return true;
  const int e = errno;
  struct stat st{};
  if (e == EEXIST && ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
  err << dir.string() << ": " << tr("error: ")
      << (e == EEXIST ? tr("export: not a folder (something else is in the way)")
                      : trf("export: cannot make the folder: {reason}", {{"reason", std::strerror(e)}}))
      << '\n';
  return false;
}

}  // namespace

// careermap import (options: its row in tools/command_table.cpp).
// Streams: the submissions are read and checked (YAML files a few ahead, on --jobs threads)
// and stored in order in the one transaction, so memory holds a few whatever the files hold.
int cmd_import(const Args& args, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const Shard shard = shard_option(args);
  const unsigned jobs = args.has("--jobs") ? static_cast<unsigned>(std::stoul(args.get("--jobs"))) : all_cores();
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const std::string session = meeting_option(args, *q);
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  std::error_code ec;
  const fs::path path = args.get("--archive");
  const bool existed = fs::symlink_status(path, ec).type() != fs::file_type::not_found;
  auto archive = open_archive(args, true, err, &*q);
  if (!archive) return kUsage;
  ImportSummary s;
  int unreadable = 0;  // inputs that could not be read at all (missing, unreadable, too large)
  const FileList files(args.positional);
  {
    ImportSession import = archive->begin_import(now_utc());
    unreadable = each_submission(*q, files, mapping ? &*mapping : nullptr, args.get("--cohort"), session,
                                 err, [&](Submission&& sub) {
                                   if (in_shard(shard, sub.participant, sub.source)) import.add(std::move(sub));
                                 }, jobs);
    if (!unreadable) s = import.commit();
  }  // not committed: rolled back
  if (unreadable) {  // all of an import or nothing: an archive made for it is removed again
    archive.reset();
    if (!existed)
      for (const char* end : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + end, ec);
    err << trf("careermap import: nothing imported: {unreadable} of {all} inputs could not be read",
               {{"unreadable", std::to_string(unreadable)}, {"all", std::to_string(files.size())}})
        << '\n';
    return kInvalid;
  }
  out << trf("careermap import: {added} added, {versions} new versions, {unchanged} unchanged, "
             "{quarantined} quarantined",
             {{"added", std::to_string(s.added)},
              {"versions", std::to_string(s.versions)},
              {"unchanged", std::to_string(s.unchanged)},
              {"quarantined", std::to_string(s.quarantined)}})
      << '\n';
  return s.quarantined ? kInvalid : kOk;
}

namespace {

// `archive --releases`: the release log as counts (per group the number of submissions and
// of figures shown, never which). Called with the archive open (and migrated), so the log's
// tables exist.
int print_releases(const std::string& path, std::ostream& out) {
  out << "release\tcreated\tquestionnaire\tmin_group\tgroup\tsubmissions\tfigures_shown\tcommand\n";
  for (const auto& r : read_releases(path))
    for (const auto& g : r.groups)
      out << r.id << '\t' << careermap::escaped(r.created_at) << '\t' << careermap::escaped(r.questionnaire) << '\t'
          << r.min_group << '\t' << careermap::escaped(g.label) << '\t' << g.submissions.size() << '\t' << g.shown.size()
          << '\t' << careermap::escaped(r.command) << '\n';
  return kOk;
}

}  // namespace

// careermap archive (options: its row in tools/command_table.cpp): the submissions, or the releases.
int cmd_archive(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.has("--list") && !args.has("--releases")) throw UsageError(tr("missing --list or --releases"));
  std::optional<Questionnaire> q;
  if (args.has("-q") && !(q = load_questionnaire(args.get("-q"), err))) return kUsage;
  const auto archive = open_archive(args, false, err, q ? &*q : nullptr);
  if (!archive) return kUsage;
  if (args.has("--releases")) return print_releases(args.get("--archive"), out);
  out << "id\tcohort\tmeeting\tparticipant\tstatus\tparts\timported\tsha256\tsource\n";
  const std::vector<Submission> all = archive->all();
  for (const auto& s : all) {
    out << s.id << '\t' << shown_id(s.cohort, "-") << '\t' << shown_id(s.meeting, "-") << '\t'
        << shown_id(s.participant, "-") << '\t' << (s.quarantined ? "quarantined" : "valid") << '\t'
        << (s.parts.empty() ? "-" : careermap::escaped(s.parts)) << '\t'
        << careermap::escaped(s.imported_at) << '\t' << careermap::escaped(s.sha256.substr(0, 12))
        << '\t' << careermap::escaped(s.source) << '\n';
    if (s.quarantined)
      for (size_t at = 0; at < s.diagnostics.size();) {
        const size_t nl = s.diagnostics.find('\n', at);
        out << "\t  " << careermap::escaped(s.diagnostics.substr(at, nl - at)) << '\n';
        at = nl == std::string::npos ? s.diagnostics.size() : nl + 1;
      }
  }
  if (!q) return kOk;
  // Each person's record per meeting (records.hpp): which parts are in, which not yet.
  out << "\ncohort\tmeeting\tparticipant\tin\tmissing\n";
  std::vector<std::string> cohorts;
  for (const auto& s : all)
    if (!s.quarantined && std::find(cohorts.begin(), cohorts.end(), s.cohort) == cohorts.end()) cohorts.push_back(s.cohort);
  std::sort(cohorts.begin(), cohorts.end());
  bool readable = true;
  for (const auto& cohort : cohorts) {
    const Batch b = archive_records(*archive, *q, cohort, "", args.get("--archive"), err);
    readable = readable && b.invalid.empty();
    for (const auto& a : b.valid) {
      const std::vector<std::string> in = part_ids_present(*q, a);
      std::string held, missing;
      for (const auto& p : q->parts) {
        std::string& to = std::find(in.begin(), in.end(), p.id) != in.end() ? held : missing;
        to += (to.empty() ? "" : " ") + p.id;
      }
      out << shown_id(cohort, "-") << '\t' << shown_id(a.meeting, "-") << '\t' << shown_id(a.participant, "-") << '\t'
          << (held.empty() ? "-" : held) << '\t' << (missing.empty() ? "-" : missing) << '\n';
    }
  }
  return readable ? kOk : kInvalid;
}

namespace {

// The release log only as counts: per group the number of submissions, never which.
std::string releases_csv(const std::string& archive) {
  std::string releases = std::string(csv::kBom) +
                         csv::row({"release", "created_at", "questionnaire", "min_group", "command", "groups"});
  for (const Release& r : read_releases(archive)) {
    std::string groups;
    for (const auto& g : r.groups)
      groups += (groups.empty() ? "" : "; ") + careermap::escaped(g.label) + ": " + std::to_string(g.submissions.size());
    releases += csv::row({std::to_string(r.id), careermap::escaped(r.created_at), careermap::escaped(r.questionnaire),
                          std::to_string(r.min_group), careermap::escaped(r.command), groups});
  }
  return releases;
}

}  // namespace

// careermap export (options: its row in tools/command_table.cpp): every submission back out, with an index.
int cmd_export(const Args& args, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const auto archive = open_archive(args, false, err);
  if (!archive) return kUsage;
  const fs::path dir = args.get("-o");
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    err << dir.string() << ": " << tr("error: ") << tr("export: not a folder (something else is in the way)") << '\n';
    return kUsage;
  }
  if (fs::create_directories(dir, ec)) fs::permissions(dir, fs::perms::owner_all, ec);
  if (ec) {
    err << dir.string() << ": " << tr("error: ")
        << trf("export: cannot make the folder: {reason}", {{"reason", ec.message()}}) << '\n';
    return kUsage;
  }
  // Every path is made of checked parts only (archive_names.hpp).
  const std::vector<Submission> all = archive->all();
  const std::vector<std::string> rel = export_paths(all);
  std::string index = std::string(csv::kBom) +
                      csv::row({"id", "cohort", "session", "participant", "status", "imported_at", "sha256", "source", "file"});
  for (size_t i = 0; i < all.size(); ++i) {
    const Submission& s = all[i];
    const fs::path folder = fs::path(rel[i]).parent_path();
    if (!make_folder(dir / folder.parent_path(), err) || !make_folder(dir / folder, err)) return kUsage;
    index += csv::row({std::to_string(s.id), shown_id(s.cohort, ""), shown_id(s.meeting, ""),
                       shown_id(s.participant, ""), s.quarantined ? "quarantined" : "valid", careermap::escaped(s.imported_at),
                       careermap::escaped(s.sha256), careermap::escaped(s.source), rel[i]});
  }
  const std::string releases = releases_csv(args.get("--archive"));
  size_t n = 0;
  try {
    write_file_atomically((dir / "index.csv").string(), index);
    write_file_atomically((dir / "releases.csv").string(), releases);
  } catch (const Error& e) {
    err << e.diagnostic().format() << '\n';
    return kUsage;
  }
  try {
    for (; n < all.size(); ++n) write_file_atomically((dir / rel[n]).string(), all[n].raw);
  } catch (const Error& e) {
    err << e.diagnostic().format() << '\n'
        << trf("careermap export: stopped after {n} of {all} submissions",
               {{"n", std::to_string(n)}, {"all", std::to_string(all.size())}})
        << '\n';
    return kInvalid;
  }
  out << trf("careermap export: {n} submissions written to {folder}/ (index.csv lists them)",
             {{"n", std::to_string(n)}, {"folder", dir.string()}})
      << '\n';
  return kOk;
}

}  // namespace careermap::cli
