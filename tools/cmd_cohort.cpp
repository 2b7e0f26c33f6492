#include <ctime>
#include <filesystem>
#include <regex>

#include "engine/archive.hpp"
#include "engine/files.hpp"
#include "engine/cohort.hpp"
#include "reports/cohort_report.hpp"
#include "reports/font.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {
namespace {

std::vector<std::string> split(const std::string& list, char sep) {
  std::vector<std::string> out;
  for (std::string rest = list; !rest.empty();) {
    const size_t at = rest.find(sep);
    out.push_back(rest.substr(0, at));
    rest = at == std::string::npos ? "" : rest.substr(at + 1);
  }
  return out;
}

}  // namespace

Templates load_templates(const std::string& name, std::ostream& err);

// careermap cohort --archive A.db -q Q.yaml -o report.pdf [--csv out.csv] [--cohorts C1,C2]
//                  [--pool FIRST-LAST,...] [--min-group N] [--lang ja|en] [--date YYYY-MM-DD]
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err) {
  const auto lang = parse_lang(args.get("--lang", "ja"));
  const std::string k = args.get("--min-group", std::to_string(kMinGroupFloor));
  if (!args.has("--archive") || !args.has("-q") || !args.has("-o") || !lang) {
    err << "careermap cohort: needs --archive A.db, -q QUESTIONNAIRE and -o report.pdf\n";
    return kUsage;
  }
  if (!std::regex_match(k, std::regex("[0-9]{1,2}")) || std::stoi(k) < kMinGroupFloor) {
    err << "careermap cohort: --min-group must be a whole number from " << kMinGroupFloor
        << " to 99: figures about fewer than " << kMinGroupFloor << " people are never published\n";
    return kUsage;
  }
  CohortOptions o;
  o.min_group = std::stoi(k);
  o.cohorts = split(args.get("--cohorts"), ',');
  for (const auto& range : split(args.get("--pool"), ',')) {
    std::smatch m;
    if (!std::regex_match(range, m, std::regex("([A-Za-z0-9_.]+)-([A-Za-z0-9_.]+)")) || m[1].str() > m[2].str()) {
      err << "careermap cohort: --pool takes ranges of cohorts such as 2024-2026 (first-last, comma-separated)\n";
      return kUsage;
    }
    o.pools.push_back({m[1].str(), m[2].str()});
  }
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const Archive archive = Archive::open(args.get("--archive"));
  const CohortSummary s = summarize_cohorts(*q, archive.current(o.cohorts), o);
  const std::string date = args.get("--date", today());
  const FontSource font(font_path());
  write_cohort_report_pdf(*q, s, load_templates("cohort.yaml", err), *lang, date, font, args.get("-o"));
  out << args.get("-o") << '\n';
  if (args.has("--csv")) {
    write_file_atomically(args.get("--csv"), cohort_csv(*q, s));
    out << args.get("--csv") << '\n';
  }
  return kOk;
}

}  // namespace careermap::cli
