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
#include "tools/commands.hpp"
#include "tools/read_answers.hpp"
#include "tools/shard.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

std::string lines_of(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.list()) s += x.format() + "\n";
  return s;
}


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

std::optional<Archive> open_archive(const Args& args, bool create, std::ostream& err, const Questionnaire* q) {
  const std::string path = args.get("--archive");
  ArchiveOptions o;
  o.create = create;
  o.questionnaire = q;
  o.on_wait = [&err, path, limit = o.busy_wait_seconds](int waited) {
    if (waited < 30)
      err << trf("careermap: {file} is in use by another careermap; waiting (up to {seconds} s)",
                 {{"file", path}, {"seconds", std::to_string(limit)}})
          << '\n';
    else
      err << trf("careermap: still waiting for {file} ({seconds} s)",
                 {{"file", path}, {"seconds", std::to_string(waited)}})
          << '\n';
  };
  try {
    return Archive::open(path, o);
  } catch (const Error& e) {
    err << e.diagnostic().format() << '\n';
    return std::nullopt;
  }
}

// The submissions of `files`, checked against `q`: YAML files as they are, CSV rows
// through `mapping` (valid rows kept as the answers YAML they became, bad rows as the
// header and the row exactly as received).
int each_submission(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                    const std::string& cohort, const std::string& session, std::ostream& err,
                    const std::function<void(Submission&&)>& each) {
  const std::string key = answers_blob_key(q);
  const ReadResult r = read_answers(q, files, mapping, err, nullptr, [&](AnswersRead& read) {
    const Answers& a = read.answers;
    Submission s;
    s.cohort = cohort;
    s.meeting = session.empty() ? a.meeting : session;
    if (read.ok)
      for (const auto& part : part_ids_present(q, a)) s.parts += (s.parts.empty() ? "" : " ") + part;
    s.participant = a.participant;
    s.questionnaire = q.id;
    s.source = a.file;
    s.quarantined = !read.ok;
    s.diagnostics = read.ok ? "" : lines_of(*read.problems);
    s.raw = read.ok && read.csv_row ? answers_to_yaml(q, a) : std::string(read.raw);
    if (read.ok) {
      // Beside the bytes, the answers they hold (a CSV row's as its stored YAML reads back,
      // with that file's lines and columns), so that no report parses them again.
      Diagnostics again;
      s.answers = encode_answers(read.csv_row ? parse_answers(q, s.raw, s.source, again) : a);
      s.answers_key = key;
      if (again.has_errors()) s.answers.clear();
    }
    each(std::move(s));
  });
  return r.unread;
}

std::vector<Submission> submissions_of(const Questionnaire& q, const std::vector<std::string>& files,
                                       const Mapping* mapping, const std::string& cohort, const std::string& session,
                                       std::ostream& err) {
  std::vector<Submission> out;
  each_submission(q, files, mapping, cohort, session, err, [&](Submission&& s) { out.push_back(std::move(s)); });
  return out;
}

// careermap import (options: its row in tools/command_table.cpp).
// Streams: each submission is read, checked and stored in the one transaction before the
// next is read, so memory holds one row whatever the files hold.
int cmd_import(const Args& args, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const Shard shard = shard_option(args);
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
  {
    ImportSession import = archive->begin_import(now_utc());
    unreadable = each_submission(*q, args.positional, mapping ? &*mapping : nullptr, args.get("--cohort"), session,
                                 err, [&](Submission&& sub) {
                                   if (in_shard(shard, sub.participant, sub.source)) import.add(std::move(sub));
                                 });
    if (!unreadable) s = import.commit();
  }  // not committed: rolled back
  if (unreadable) {  // all of an import or nothing: an archive made for it is removed again
    archive.reset();
    if (!existed)
      for (const char* end : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + end, ec);
    err << trf("careermap import: nothing imported: {unreadable} of {all} inputs could not be read",
               {{"unreadable", std::to_string(unreadable)}, {"all", std::to_string(args.positional.size())}})
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
  // The release log only as counts: per group the number of submissions, never which.
  std::string releases = std::string(csv::kBom) +
                         csv::row({"release", "created_at", "questionnaire", "min_group", "command", "groups"});
  for (const Release& r : read_releases(args.get("--archive"))) {
    std::string groups;
    for (const auto& g : r.groups)
      groups += (groups.empty() ? "" : "; ") + careermap::escaped(g.label) + ": " + std::to_string(g.submissions.size());
    releases += csv::row({std::to_string(r.id), careermap::escaped(r.created_at), careermap::escaped(r.questionnaire),
                          std::to_string(r.min_group), careermap::escaped(r.command), groups});
  }
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

// The newest valid answers of `cohort` in the archive named by --archive.
Batch archive_records(const Archive& archive, const Questionnaire& q, const std::string& cohort,
                      const std::string& meeting, const std::string& name, std::ostream& err) {
  Batch versions;
  const std::string key = answers_blob_key(q);
  for (const auto& s : archive.history({cohort})) {
    Diagnostics d;
    const std::string where = name + "#" + std::to_string(s.id);
    Answers a = stored_answers(q, s.raw, s.answers, s.answers_key == key, where, d);
    const auto resolved = resolve_meeting(q, s.meeting);
    if (!resolved)
      d.error({where, 0, 0}, "meeting",
              trf("stored for meeting {value}, which {id} does not have ({meeting_ids})",
                  {{"value", std::string(shown_id(s.meeting, "-"))},
                   {"id", std::string(q.id)},
                   {"meeting_ids", std::string(q.meeting_ids())}}));
    print(err, d);
    if (d.has_errors()) {
      versions.invalid.push_back(where);
      continue;
    }
    a.meeting = *resolved;
    a.cohort = s.cohort;  // the cohort it was imported into, whatever the file said
    versions.valid.push_back(std::move(a));
  }
  return records_batch(q, std::move(versions), meeting);
}

std::optional<Batch> archive_batch(const Args& args, const Questionnaire& q, std::ostream& err) {
  const std::string meeting = meeting_option(args, q);
  const auto archive = open_archive(args, false, err, &q);
  if (!archive) return std::nullopt;
  const std::string cohort = args.get("--cohort");
  if (const std::string problem = missing_cohorts(*archive, "--cohort", {cohort}, archive->current({cohort})); !problem.empty()) {
    err << escaped(args.get("--archive")) << ": " << tr("error: ") << problem << '\n';
    return std::nullopt;
  }
  return archive_records(*archive, q, cohort, meeting, args.get("--archive"), err);
}

}  // namespace careermap::cli
