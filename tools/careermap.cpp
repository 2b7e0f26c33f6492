// careermap: questionnaire answers -> 12-scene placement -> personal career map PDF.
#include <iostream>
#include <string>

#include "engine/cohort.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

std::span<const Command> commands() {
  using V = Value;
  const Option q{"-q", V::text, "Q.yaml", true};
  const Option mapping{"--mapping", V::text, "M.yaml"};
  const Option archive{"--archive", V::text, "A.db"};
  const Option cohort{"--cohort", V::id, "C"};
  const Option lang{"--lang", V::choice, "ja|en"};
  const Option date{"--date", V::date, "YYYY-MM-DD"};
  const Option meeting{"--meeting", V::id, "ID"};
  const auto required = [](Option o) {
    o.required = true;
    return o;
  };
  static const Command table[] = {
      {"validate", "-q Q.yaml [--mapping M.yaml] [ANSWERS...]", "check a questionnaire and answers files",
       {{q, mapping}, Files::optional, "ANSWERS..."}, cmd_validate},
      {"score", "-q Q.yaml [--format json|csv] [--mapping M.yaml] [--meeting ID] (ANSWERS... | --archive A.db --cohort C)",
       "place participants on the matrix, with the evidence behind every score",
       {{q, {"--format", V::choice, "json|csv"}, mapping, archive, cohort, meeting}, Files::optional, "ANSWERS..."},
       cmd_score},
      {"analyze", "-q Q.yaml [--format text|json] [--mapping M.yaml] ANSWERS...",
       "item statistics and Cronbach's alpha per scene scale",
       {{q, {"--format", V::choice, "text|json"}, mapping}, Files::required, "ANSWERS..."}, cmd_analyze},
      {"render",
       "-q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] [--jobs N] [--password-file F] [--mapping M.yaml] "
       "[--meeting ID] (ANSWERS... | --archive A.db --cohort C)",
       "write each participant's career map PDF",
       {{q, {"-o", V::text, "DIR", true}, lang, date, {"--jobs", V::number, "N", false, 1, 999}, mapping, archive, cohort, meeting,
         {"--password", V::text, "P"}, {"--password-file", V::text, "F"}},
        Files::optional, "ANSWERS..."},
       cmd_render},
      {"form",
       "-q Q.yaml (-o BLANK.pdf | --csv | --html -o FORM.html [--participant ID [--name NAME] [--cohort C]]) "
       "[--lang ja|en]",
       "the blank paper form, the CSV header row for a form service or typist, or the offline answer page",
       {{q, {"-o", V::text, "BLANK.pdf"}, {"--csv", V::flag}, {"--html", V::flag}, {"--participant", V::id, "ID"},
         {"--name", V::text, "NAME"}, cohort, lang}},
       cmd_form},
      {"mapping", "-q Q.yaml --init FORM.csv [-o MAPPING.yaml]",
       "a starter mapping from a form's CSV columns to the questionnaire's items",
       {{q, {"--init", V::text, "FORM.csv", true}, {"-o", V::text, "MAPPING.yaml"}}}, cmd_mapping},
      {"convert", "-q Q.yaml --mapping M.yaml -o DIR [--dry-run] FORM.csv...", "one answers YAML per CSV row",
       {{q, required(mapping), {"-o", V::text, "DIR", true}, {"--dry-run", V::flag}}, Files::required, "FORM.csv..."},
       cmd_convert},
      {"import", "-q Q.yaml --archive A.db --cohort C [--meeting ID | --session pre|post] [--mapping M.yaml] FILES...",
       "keep submissions in the cohort archive (YAML or CSV), each part of the questionnaire as it comes",
       {{q, required(archive), required(cohort), meeting, {"--session", V::choice, "pre|post"}, mapping}, Files::required,
        "FILES..."},
       cmd_import},
      {"archive", "--archive A.db (--list [-q Q.yaml] | --releases)",
       "list every submission (quarantined ones with their problems; with -q each person's parts per meeting), "
       "or the cohort reports released",
       {{required(archive), {"--list", V::flag}, {"-q", V::text, "Q.yaml"}, {"--releases", V::flag}}}, cmd_archive},
      {"export", "--archive A.db -o DIR", "every submission back out as files, with an index",
       {{required(archive), {"-o", V::text, "DIR", true}}}, cmd_export},
      {"cohort",
       "--archive A.db -q Q.yaml (-o report.pdf | --dry-run) [--csv out.csv] [--cohorts C1,C2] "
       "[--pool FIRST-LAST,...] [--min-group N] [--lang ja|en] [--date YYYY-MM-DD]",
       "the NPO's report across cohorts and years; no person is shown",
       {{required(archive), q, {"-o", V::text, "report.pdf"}, {"--csv", V::text, "out.csv"},
         {"--cohorts", V::ids, "C1,C2"}, {"--pool", V::text, "FIRST-LAST,..."},
         {"--min-group", V::number, "N", false, kMinGroupFloor, 99}, lang, date, {"--dry-run", V::flag}}},
       cmd_cohort},
      {"demo", "[-o DIR]", "render the shipped sample cohort (default: out/)", {{{"-o", V::text, "DIR"}}}, cmd_demo},
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
  os << "\n`careermap COMMAND --help` shows one command.\n"
        "exit status: 0 ok, 1 some input invalid, 2 usage error, unusable questionnaire or internal error\n";
}

bool asks_help(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
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
    if (asks_help(argc, argv)) {
      std::cout << "usage: careermap " << c.name << ' ' << c.usage << "\n  " << c.help << '\n';
      return kOk;
    }
    return run_guarded(c.name, c.usage, [&] { return c.run(parse_args(argc, argv, 2, c.syntax), std::cout, std::cerr); },
                       std::cerr);
  }
  std::cerr << "careermap: unknown command '" << escaped(name) << "'\n";
  usage(std::cerr);
  return kUsage;
}
