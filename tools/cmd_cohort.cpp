#include <ctime>
#include <filesystem>
#include <optional>
#include <set>

#include "engine/answers.hpp"
#include "engine/archive.hpp"
#include "engine/files.hpp"
#include "engine/cohort.hpp"
#include "reports/cohort_report.hpp"
#include "reports/font.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

Templates load_templates(const std::string& name, std::ostream& err);

std::string missing_cohorts(const Archive& archive, std::string_view option, const std::vector<std::string>& asked,
                            const std::vector<Submission>& chosen) {
  std::set<std::string> found;
  for (const auto& s : chosen) found.insert(s.cohort);
  if (asked.empty()) return found.empty() ? "the archive holds no valid submissions; nothing was done" : "";
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
  if (!other.empty()) there += (there.empty() ? "" : ", and ") + std::to_string(other.size()) + " whose id is not valid";
  const std::string holds = there.empty()                          ? "the archive holds none"
                            : valid.size() + other.size() > 1 ? "the archive holds cohorts " + there
                                                              : "the archive holds cohort " + there;
  return std::string(option) + ": no valid submissions of cohort" + (missing.size() > 1 ? "s " : " ") + join(missing) +
         " (" + holds + "); nothing was done";
}

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

}  // namespace

// careermap cohort --archive A.db -q Q.yaml -o report.pdf [--csv out.csv] [--cohorts C1,C2]
//                  [--pool FIRST-LAST,...] [--min-group N] [--lang ja|en] [--date YYYY-MM-DD] [--dry-run]
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang lang = *parse_lang(args.get("--lang", "ja"));
  CohortOptions o;
  o.min_group = std::stoi(args.get("--min-group", std::to_string(kMinGroupFloor)));
  const auto pools = args.has("--pool") ? parse_pools(args.get("--pool")) : std::optional(o.pools);
  if (!pools)
    throw UsageError("--pool " + cli::quoted(args.get("--pool")) +
                     ": expected ranges of cohorts such as 2024-2026 (FIRST-LAST, comma-separated)");
  o.pools = *pools;
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  if (args.has("--cohorts")) o.cohorts = split_ids(args.get("--cohorts"));
  const auto archive = open_archive(args, false, err);
  if (!archive) return kUsage;
  const std::vector<Submission> chosen = archive->current(o.cohorts);
  if (const std::string problem = missing_cohorts(*archive, "--cohorts", o.cohorts, chosen); !problem.empty()) {
    err << escaped(args.get("--archive")) << ": error: " << problem << '\n';
    return o.cohorts.empty() ? kInvalid : kUsage;
  }
  const CohortSummary s = summarize_cohorts(*q, chosen, o);
  const std::string date = args.get("--date", today());
  const FontSource font(font_path());
  write_cohort_report_pdf(*q, s, load_templates("cohort.yaml", err), lang, date, font, args.get("-o"));
  out << args.get("-o") << '\n';
  if (args.has("--csv")) {
    write_file_atomically(args.get("--csv"), cohort_csv(*q, s));
    out << args.get("--csv") << '\n';
  }
  return kOk;
}

}  // namespace careermap::cli
