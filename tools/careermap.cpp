// careermap: questionnaire answers -> 12-scene placement -> personal career map PDF.
#include <iostream>
#include <string>

#include "tools/commands.hpp"

namespace careermap::cli {

std::span<const Command> commands() {
  static const Command table[] = {
      {"validate", "-q Q.yaml [ANSWERS...]", "check a questionnaire and answers files",
       {{"-q", "--mapping"}, {}}, cmd_validate},
      {"score", "-q Q.yaml [--format json|csv] ANSWERS...",
       "place participants on the matrix, with the evidence behind every score", {{"-q", "--format", "--mapping", "--archive", "--cohort"}, {}},
       cmd_score},
      {"analyze", "-q Q.yaml [--format text|json] ANSWERS...",
       "item statistics and Cronbach's alpha per scene scale", {{"-q", "--format", "--mapping"}, {}}, cmd_analyze},
      {"render", "-q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] [--jobs N] [--password-file F] ANSWERS...",
       "write each participant's career map PDF", {{"-q", "-o", "--lang", "--date", "--jobs", "--mapping", "--archive", "--cohort", "--password", "--password-file"}, {}},
       cmd_render},
      {"form", "-q Q.yaml (-o BLANK.pdf | --csv) [--lang ja|en]",
       "the blank paper form, or the CSV header row for a form service or typist",
       {{"-q", "-o", "--lang"}, {"--csv"}}, cmd_form},
      {"mapping", "-q Q.yaml --init FORM.csv [-o MAPPING.yaml]",
       "a starter mapping from a form's CSV columns to the questionnaire's items", {{"-q", "--init", "-o"}, {}},
       cmd_mapping},
      {"convert", "-q Q.yaml --mapping M.yaml -o DIR [--dry-run] FORM.csv...",
       "one answers YAML per CSV row", {{"-q", "--mapping", "-o"}, {"--dry-run"}}, cmd_convert},
      {"import", "-q Q.yaml --archive A.db --cohort C [--session pre|post] [--mapping M] FILES...",
       "keep submissions in the cohort archive (YAML or CSV)",
       {{"-q", "--archive", "--cohort", "--session", "--mapping"}, {}}, cmd_import},
      {"archive", "--archive A.db --list", "list every submission, quarantined ones with their problems",
       {{"--archive"}, {"--list"}}, cmd_archive},
      {"export", "--archive A.db -o DIR", "every submission back out as files, with an index",
       {{"--archive", "-o"}, {}}, cmd_export},
      {"cohort", "--archive A.db -q Q.yaml -o report.pdf [--csv out.csv] [--cohorts C1,C2] [--pool Y1-Y2] [--min-group N (3 or more)] [--lang ja|en] [--dry-run]",
       "the NPO's report across cohorts and years; no person is shown",
       {{"--archive", "-q", "-o", "--csv", "--cohorts", "--pool", "--min-group", "--lang", "--date"}, {"--dry-run"}}, cmd_cohort},
      {"demo", "[-o DIR]", "render the shipped sample cohort (default: out/)", {{"-o"}, {}}, cmd_demo},
  };
  return table;
}

}  // namespace careermap::cli

namespace {

void usage(std::ostream& os) {
  os << "usage: careermap COMMAND [OPTIONS] [FILES...]\n\ncommands:\n";
  for (const auto& c : careermap::cli::commands()) {
    std::string head = "  " + std::string(c.name) + " " + std::string(c.usage);
    os << head << "\n      " << c.help << '\n';
  }
  os << "\nexit status: 0 ok, 1 some input invalid, 2 usage error or unusable questionnaire\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careermap::cli;
  tune_memory();
  if (argc < 2) {
    usage(std::cerr);
    return kUsage;
  }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    usage(std::cout);
    return kOk;
  }
  for (const auto& c : commands()) {
    if (c.name != name) continue;
    std::string error;
    auto args = parse_args(argc, argv, 2, c.options, error);
    if (!args) {
      std::cerr << "careermap " << name << ": " << error << "\nusage: careermap " << name << ' '
                << c.usage << '\n';
      return kUsage;
    }
    try {
      return c.run(*args, std::cout, std::cerr);
    } catch (const careermap::Error& e) {
      std::cerr << e.diagnostic().format() << '\n';
      return kInvalid;
    }
  }
  std::cerr << "careermap: unknown command '" << name << "'\n";
  usage(std::cerr);
  return kUsage;
}
