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

Templates load_templates(const std::string& name, std::ostream& err);

// careermap cohort --archive A.db -q Q.yaml -o report.pdf [--csv out.csv] [--cohorts C1,C2]
//                  [--min-group N] [--lang ja|en] [--date YYYY-MM-DD]
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err) {
  const auto lang = parse_lang(args.get("--lang", "ja"));
  const std::string k = args.get("--min-group", "3");
  if (!args.has("--archive") || !args.has("-q") || !args.has("-o") || !lang ||
      !std::regex_match(k, std::regex("[1-9][0-9]?"))) {
    err << "careermap cohort: needs --archive A.db, -q QUESTIONNAIRE and -o report.pdf; --min-group 1..99\n";
    return kUsage;
  }
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  CohortOptions o;
  o.min_group = std::stoi(k);
  for (std::string rest = args.get("--cohorts"); !rest.empty();) {
    const size_t comma = rest.find(',');
    o.cohorts.push_back(rest.substr(0, comma));
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
  }
  const auto archive = open_archive(args, false, err);
  if (!archive) return kUsage;
  const CohortSummary s = summarize_cohorts(*q, archive->current(o.cohorts), o);
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
