#include <cmath>
#include <ctime>
#include <filesystem>
#include <optional>
#include <set>

#include "engine/answers.hpp"
#include "engine/answers_blob.hpp"
#include "engine/archive.hpp"
#include "engine/files.hpp"
#include "engine/cohort.hpp"
#include "engine/disclosure_audit.hpp"
#include "engine/json.hpp"
#include "engine/release_log.hpp"
#include "reports/cohort_report.hpp"
#include "reports/font.hpp"
#include "tools/archive_use.hpp"
#include "tools/commands.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {

namespace {

// "2024-2026,2019-2021" as ranges; none when any part is not FIRST-LAST of cohort ids.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_pools(const std::string& list) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& range : split_ids(list)) {
    const size_t dash = range.find('-');
    if (dash == std::string::npos) return std::nullopt;
    const std::string first = range.substr(0, dash), last = range.substr(dash + 1);
    if (!valid_participant_id(first) || !valid_participant_id(last) || first > last) return std::nullopt;
    out.push_back({first, last});
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// The options that shaped a report, for the release log: never a file name (a path may name a
// person), only the choices of cohorts, pools, min-group, language and date.
std::string release_command(const Args& args) {
  std::string c = "cohort";
  for (const char* o : {"--cohorts", "--pool", "--min-group", "--lang", "--date"})
    if (args.has(o)) c += std::string(" ") + o + " " + args.get(o);
  if (args.has("--csv")) c += " --csv";
  return c;
}

// What --dry-run shows the office: per group what would show, then every hidden figure with
// what a reader could narrow it down to.
void print_dry_run(const CohortSummary& s, std::ostream& out) {
  const CellTable& t = s.cells;
  const SuppressionCounts& n = s.suppression;
  out << tr("careermap cohort: dry run; nothing written, no release logged") << '\n';
  for (const auto& g : s.small_groups)
    out << trf("too few people for a column of their own (counted in all): {group}", {{"group", g}}) << '\n';
  for (const auto& g : s.differing)
    out << trf("hidden whole: differs from a released group by 1 to {n} people: {group}",
               {{"n", std::to_string(s.min_group - 1)}, {"group", g}})
        << '\n';
  out << trf("hidden: {small} about fewer than {min_group} people, {secondary} against "
             "subtraction, {audit} added by the "
             "audit ({rounds}, {solves}), {difference} in groups that differ from a release",
             {{"small", std::to_string(n.small)},
              {"min_group", std::to_string(s.min_group)},
              {"secondary", std::to_string(n.secondary)},
              {"audit", std::to_string(n.audit)},
              {"rounds", trn("{n} round", "{n} rounds", static_cast<unsigned long>(n.rounds))},
              {"solves", trn("{n} linear program", "{n} linear programs",
                             static_cast<unsigned long>(n.solves))},
              {"difference", std::to_string(n.difference)}})
      << '\n';
  const auto iv = hidden_intervals(t);
  out << "table\tcategory\tgroup\tstate\treader_can_tell\n";
  for (size_t c = 0; c < t.cells.size(); ++c) {
    const Cell& cell = t.cells[c];
    if (t.groups[cell.group].release != 0 || t.shown(static_cast<int>(c))) continue;
    const Measure& m = t.measures[cell.measure];
    const char* why = cell.state == CellState::small        ? "small"
                      : cell.state == CellState::secondary  ? "secondary"
                      : cell.state == CellState::audit      ? "audit"
                                                            : "difference";
    const auto bound = [](double v) { return std::isinf(v) ? std::string("any") : json::number(v, 2); };
    out << m.table << '\t' << m.row << '\t' << s.groups[cell.group] << '\t' << why << '\t' << bound(iv[c].low)
        << ".." << bound(iv[c].high) << (m.sum ? " (sum)" : "") << '\n';
  }
}

}  // namespace

// careermap cohort (options: its row in tools/command_table.cpp): the report across cohorts.
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang lang = *parse_lang(args.get("--lang", "ja"));
  if (!args.has("-o") && !args.has("--dry-run")) throw UsageError(tr("missing -o report.pdf"));
  CohortOptions o;
  o.min_group = std::stoi(args.get("--min-group", std::to_string(kMinGroupFloor)));
  const auto pools = args.has("--pool") ? parse_pools(args.get("--pool")) : std::optional(o.pools);
  if (!pools)
    throw UsageError(
        trf("--pool {value}: expected ranges of cohorts such as 2024-2026 (FIRST-LAST, "
            "comma-separated)",
            {{"value", std::string(cli::quoted(args.get("--pool")))}}));
  o.pools = *pools;
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  if (args.has("--cohorts")) o.cohorts = split_ids(args.get("--cohorts"));
  const auto archive = open_archive(args, false, err, &*q);
  if (!archive) return kUsage;
  if (const std::string problem = missing_cohorts(*archive, "--cohorts", o.cohorts, archive->valid_cohorts());
      !problem.empty()) {
    err << escaped(args.get("--archive")) << ": " << tr("error: ") << problem << '\n';
    return o.cohorts.empty() ? kInvalid : kUsage;
  }
  const std::string path = args.get("--archive");
  // Earlier reports of this questionnaire, from the release log; their members are read from
  // it person by person as the report reads its people.
  for (const auto& r : read_releases(path, false))
    if (r.questionnaire == q->id) o.released.insert(o.released.end(), r.groups.begin(), r.groups.end());
  std::vector<int64_t> released_groups;
  for (const auto& g : o.released) released_groups.push_back(g.id);
  o.released_members = [&] { return released_members(path, q->id, released_groups); };
  // Read a person at a time, the raw bytes only where the stored answers are not of q.
  const std::string key = answers_blob_key(*q);
  o.raw_of = [&archive](int64_t id) { return archive->raw(id); };
  o.history_of = [&archive, &key](const std::vector<int64_t>& ids, bool brief,
                                  const std::function<void(Submission&&)>& each) {
    brief ? archive->briefs(ids, each) : archive->submissions(ids, key, each);
  };
  SubmissionSource source;
  source.each = [&](const std::function<void(Submission&&)>& each) { archive->each_current(o.cohorts, key, each); };
  source.briefs = [&](const std::function<void(Submission&&)>& each) { archive->each_current_brief(o.cohorts, each); };
  std::optional<CohortSummary> made;
  try {
    made = summarize_cohorts(*q, source, o);
  } catch (const Error& e) {  // no safe report: said of the archive
    if (!e.diagnostic().where.file.empty()) throw;
    err << escaped(path) << ": " << tr("error: ") << e.diagnostic().message << '\n';
    return kInvalid;
  }
  const CohortSummary& s = *made;
  if (args.has("--dry-run")) {
    print_dry_run(s, out);
    return kOk;
  }
  // Logged before anything is written: a report that fails to write is still counted as seen.
  Release r{0, now_utc(), release_command(args), q->id, o.min_group, release_of(s)};
  const int64_t id = append_release(path, r);
  const std::string date = args.get("--date", today());
  const FontSource font(font_path());
  write_cohort_report_pdf(*q, s, load_templates("cohort.yaml", err), lang, date, font, args.get("-o"));
  out << args.get("-o") << '\n';
  if (args.has("--csv")) {
    write_file_atomically(args.get("--csv"), cohort_csv(*q, s));
    out << args.get("--csv") << '\n';
  }
  err << trf("careermap cohort: release {id} logged in the archive ({groups} groups; archive --releases lists them)",
             {{"id", std::to_string(id)}, {"groups", std::to_string(r.groups.size())}})
      << '\n';
  return kOk;
}

}  // namespace careermap::cli
