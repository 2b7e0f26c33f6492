#include "tools/archive_use.hpp"

#include <set>

#include "engine/answers_blob.hpp"
#include "engine/answers_yaml.hpp"
#include "engine/archive_names.hpp"
#include "engine/messages.hpp"
#include "engine/records.hpp"
#include "engine/sha256.hpp"
#include "tools/read_answers.hpp"

namespace careermap::cli {
namespace {

std::string lines_of(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.list()) s += x.format() + "\n";
  return s;
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

namespace {

// The submission of one answers read for `cohort` and `session`: YAML files as they are, CSV
// rows through their mapping (valid rows kept as the answers YAML they became, bad rows as
// the header and the row exactly as received), with the SHA-256 of those bytes.
Submission submission_of(const Questionnaire& q, const std::string& key, const std::string& cohort,
                         const std::string& session, const AnswersRead& read) {
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
  std::optional<Answers> back;  // a CSV row's answers as its stored YAML reads back
  s.raw = read.ok && read.csv_row ? answers_to_yaml(q, a, back, s.source) : std::string(read.raw);
  s.sha256 = sha256_hex(s.raw);
  if (read.ok) {
    // Beside the bytes, the answers they hold (a CSV row's as its stored YAML reads back,
    // with that file's lines and columns), so that no report parses them again.
    Diagnostics again;
    s.answers = !read.csv_row ? encode_answers(a)
                : back        ? encode_answers(*back)
                              : encode_answers(parse_answers(q, s.raw, s.source, again));
    s.answers_key = key;
    if (again.has_errors()) s.answers.clear();
  }
  return s;
}

// A submission made on the thread that read its file, and the verdict it was made for.
struct PreparedSubmission : Prepared {
  Submission s;
  bool ok = false;
};

}  // namespace

// The submissions of `files`, checked against `q` (submission_of), each made on the thread
// that read its file; in order, only the diagnostics of an invalid one are made again (the
// check of ids across files may have added to them), and the whole submission where that
// check turned a valid one invalid.
int each_submission(const Questionnaire& q, const FileList& files, const Mapping* mapping,
                    const std::string& cohort, const std::string& session, std::ostream& err,
                    const std::function<void(Submission&&)>& each, unsigned jobs) {
  const std::string key = answers_blob_key(q);
  const Prepare prepare = [&](const AnswersRead& read) {
    auto p = std::make_unique<PreparedSubmission>();
    p->s = submission_of(q, key, cohort, session, read);
    p->ok = read.ok;
    return p;
  };
  const ReadResult r = read_answers(q, files, mapping, err, nullptr, [&](AnswersRead& read) {
    auto* p = static_cast<PreparedSubmission*>(read.prepared);
    if (!p || p->ok != read.ok) return each(submission_of(q, key, cohort, session, read));
    if (!read.ok) p->s.diagnostics = lines_of(*read.problems);
    each(std::move(p->s));
  }, jobs, {}, nullptr, prepare);
  return r.unread;
}

std::vector<Submission> submissions_of(const Questionnaire& q, const std::vector<std::string>& files,
                                       const Mapping* mapping, const std::string& cohort, const std::string& session,
                                       std::ostream& err) {
  std::vector<Submission> out;
  each_submission(q, FileList(files), mapping, cohort, session, err,
                  [&](Submission&& s) { out.push_back(std::move(s)); });
  return out;
}

std::string missing_cohorts(const Archive& archive, std::string_view option, const std::vector<std::string>& asked,
                            const std::set<std::string>& found) {
  if (asked.empty()) return found.empty() ? tr("the archive holds no valid submissions; nothing was done") : "";
  std::vector<std::string> missing;  // ids the argument parser checked
  for (const auto& c : asked)
    if (!found.count(c)) missing.push_back(c);
  if (missing.empty()) return "";
  std::set<std::string> valid, other;
  for (const auto& s : archive.current()) (valid_participant_id(s.cohort) ? valid : other).insert(s.cohort);
  const auto join = [](const auto& ids) {
    std::string list;
    for (const auto& c : ids) list += (list.empty() ? "" : ", ") + c;
    return list;
  };
  std::string there = join(valid);
  if (!other.empty())
    there += (there.empty() ? "" : tr(", and ")) +
             trn("{n} whose id is not valid", "{n} whose ids are not valid", other.size());
  const std::string holds = there.empty() ? tr("the archive holds none")
                                          : trn("the archive holds cohort {cohorts}",
                                                "the archive holds cohorts {cohorts}",
                                                valid.size() + other.size(), {{"cohorts", there}});
  return trn("{option}: no valid submissions of cohort {cohorts} ({holds}); nothing was done",
             "{option}: no valid submissions of cohorts {cohorts} ({holds}); nothing was done", missing.size(),
             {{"option", std::string(option)}, {"cohorts", join(missing)}, {"holds", holds}});
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
  if (const std::string problem = missing_cohorts(*archive, "--cohort", {cohort}, archive->valid_cohorts()); !problem.empty()) {
    err << escaped(args.get("--archive")) << ": " << tr("error: ") << problem << '\n';
    return std::nullopt;
  }
  return archive_records(*archive, q, cohort, meeting, args.get("--archive"), err);
}

}  // namespace careermap::cli
