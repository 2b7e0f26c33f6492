// The table of careermap's commands: each command's options as the parser checks them and
// as the help, the usage lines and the manual page show them (tools/help.hpp).
#include "engine/cohort.hpp"
#include "engine/messages.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

// One table, one row per command: long because it is the whole command line, data and not steps.
std::span<const Command> commands() {
  using V = Value;
  const Option q{.name = "-q", .kind = V::text, .value = "Q.yaml", .help = N_("the questionnaire (YAML)"), .required = true};
  const Option mapping{.name = "--mapping", .kind = V::text, .value = "M.yaml",
                       .help = N_("how a form's CSV columns map to the questionnaire (needed for *.csv answers)")};
  const Option archive{.name = "--archive", .kind = V::text, .value = "A.db", .help = N_("the cohort archive (SQLite)")};
  const Option cohort{.name = "--cohort", .kind = V::id, .value = "C",
                      .help = N_("the cohort (letters, digits, '_' and '-', at most 64)")};
  const Option meeting{.name = "--meeting", .kind = V::id, .value = "ID",
                       .help = N_("only the records of this meeting (an id of the questionnaire's meetings)")};
  const Option shard{.name = "--shard", .kind = V::text, .value = "K/N",
                     .help = N_("only part K of N of the participants, split by participant id (an array job; docs/SCALE.md)")};
  const Option lang{.name = "--lang", .kind = V::choice, .value = "ja|en", .help = N_("the language (default: ja)")};
  const auto date = [](std::string_view help) {
    return Option{.name = "--date", .kind = V::date, .value = "YYYY-MM-DD", .help = help};
  };
  const auto either = [](Option o, int group, bool joined = false) {
    o.either = group;
    o.joined = joined;
    return o;
  };
  const auto under = [](Option o, std::string_view with) {
    o.under = with;
    return o;
  };
  const auto required = [](Option o) {
    o.required = true;
    return o;
  };
  // score and render: the answers files, or a cohort of the archive.
  const Option from_archive = either(archive, 1);
  const Option of_cohort = either(cohort, 1, true);
  constexpr std::string_view answers = N_("answers files (YAML, or CSV with --mapping); a folder stands for its YAML files");
  static const Command table[] = {
      {"validate", N_("check a questionnaire and answers files"), {{q, mapping}, Files::optional, "ANSWERS...", answers},
       cmd_validate},
      {"score", N_("place participants on the matrix, with the evidence behind every score"),
       {{q, {.name = "--format", .kind = V::choice, .value = "json|csv", .help = N_("the output format (default: json)")},
         mapping, meeting, shard, from_archive, of_cohort},
        Files::optional, "ANSWERS...", answers, 1},
       cmd_score},
      {"analyze", N_("item statistics and Cronbach's alpha per scene scale"),
       {{q, {.name = "--format", .kind = V::choice, .value = "text|json", .help = N_("the output format (default: text)")},
         mapping},
        Files::required, "ANSWERS...", answers},
       cmd_analyze},
      {"render", N_("write each participant's career map PDF"),
       {{q, {.name = "-o", .kind = V::text, .value = "DIR", .help = N_("the folder for the PDFs (made if missing)"), .required = true},
         lang, date(N_("the date printed on the maps (default: today)")),
         {.name = "--jobs", .kind = V::number, .value = "N", .help = N_("render on N threads (default: all cores)"),
          .min = 1, .max = 999},
         {.name = "--password-file", .kind = V::text, .value = "F",
          .help = N_("encrypt each PDF (AES-256) with the password in file F (its one line)")},
         {.name = "--password", .kind = V::text, .value = "P",
          .help = N_("encrypt with password P (discouraged: other users can see a command line; use --password-file)"),
          .in_usage = false},
         mapping, meeting, shard, from_archive, of_cohort},
        Files::optional, "ANSWERS...", answers, 1},
       cmd_render},
      {"form", N_("the blank paper form, the CSV header row for a form service or typist, the offline answer page, or the form kit"),
       {{q, either({.name = "-o", .kind = V::text, .value = "BLANK.pdf", .help = N_("write the blank paper form (PDF)")}, 1),
         either({.name = "--csv", .kind = V::flag, .help = N_("print the CSV header row instead")}, 1),
         either({.name = "--html", .kind = V::flag, .help = N_("write the offline answer page (one HTML file) instead")}, 1),
         either({.name = "-o", .kind = V::text, .value = "FORM.html", .help = N_("with --html: the page to write")}, 1, true),
         either({.name = "--kit", .kind = V::flag,
                 .help = N_("write the form kit instead: the question list (CSV, Markdown) and an Excel workbook to fill")},
                1),
         either({.name = "-o", .kind = V::text, .value = "DIR", .help = N_("with --kit: the folder to write it into")}, 1, true),
         under({.name = "--part", .kind = V::id, .value = "P",
                .help = N_("with --html: a page of this one part of the questionnaire only (a part id of it)")},
               "--html"),
         under({.name = "--participant", .kind = V::id, .value = "ID",
                .help = N_("with --html: the participant's id, filled in and locked")},
               "--html"),
         under({.name = "--name", .kind = V::text, .value = "NAME",
                .help = N_("with --participant: the name filled in (it can be changed)")},
               "--participant"),
         under({.name = "--cohort", .kind = V::id, .value = "C", .help = N_("with --participant: the cohort written into the file")},
               "--participant"),
         lang}},
       cmd_form},
      {"mapping", N_("a starter mapping from a form's CSV columns to the questionnaire's items"),
       {{q,
         {.name = "--init", .kind = V::text, .value = "FORM.csv",
          .help = N_("the form's CSV or Excel workbook (.xlsx; only its header row is read)"), .required = true},
         {.name = "-o", .kind = V::text, .value = "MAPPING.yaml", .help = N_("write the mapping there (default: stdout)")},
         {.name = "--cohort", .kind = V::id, .value = "C", .help = N_("write the cohort every row is of into the mapping")},
         {.name = "--meeting", .kind = V::id, .value = "ID",
          .help = N_("write the meeting every row is of into the mapping (a meeting id of the questionnaire)")}}},
       cmd_mapping},
      {"convert", N_("one answers YAML per CSV row"),
       {{q, required(mapping),
         {.name = "-o", .kind = V::text, .value = "DIR", .help = N_("the folder for the answers files"), .required = true},
         {.name = "--dry-run", .kind = V::flag, .help = N_("check and list, write nothing")}},
        Files::required, "FORM.csv...", N_("the form's CSV files")},
       cmd_convert},
      {"import", N_("keep submissions in the cohort archive (YAML or CSV), each part of the questionnaire as it comes"),
       {{q, required(archive), required(cohort),
         {.name = "--meeting", .kind = V::id, .value = "ID",
          .help = N_("the meeting the answers are of (default: the answers file's own); a meeting id of the questionnaire")},
         {.name = "--session", .kind = V::choice, .value = "pre|post",
          .help = N_("the older way to say the meeting: the first (pre) or the last (post)")},
         mapping, shard,
         {.name = "--jobs", .kind = V::number, .value = "N",
          .help = N_("read and check the YAML files on N threads (default: all cores); the archive is the same"),
          .min = 1, .max = 999}},
        Files::required, "FILES...", N_("answers files (YAML, or CSV with --mapping); a folder stands for its YAML files")},
       cmd_import},
      {"archive", N_("list every submission (quarantined ones with their problems), or the cohort reports released"),
       {{required(archive), either({.name = "--list", .kind = V::flag, .help = N_("list every submission")}, 1),
         under({.name = "-q", .kind = V::text, .value = "Q.yaml",
                .help = N_("with --list: also each person's record per meeting, the parts in and not yet in")},
               "--list"),
         either({.name = "--releases", .kind = V::flag, .help = N_("list the cohort reports released")}, 1)}},
       cmd_archive},
      {"export", N_("every submission back out as files, with an index"),
       {{required(archive),
         {.name = "-o", .kind = V::text, .value = "DIR", .help = N_("the folder to write into"), .required = true}}},
       cmd_export},
      {"cohort", N_("the NPO's report across cohorts and years; no person is shown"),
       {{required(archive), q,
         either({.name = "-o", .kind = V::text, .value = "report.pdf", .help = N_("write the report (PDF)")}, 1),
         {.name = "--csv", .kind = V::text, .value = "out.csv", .help = N_("also write its tables as CSV")},
         {.name = "--cohorts", .kind = V::ids, .value = "C1,C2", .help = N_("only these cohorts (default: all)")},
         {.name = "--pool", .kind = V::text, .value = "FIRST-LAST,...",
          .help = N_("pool cohorts FIRST to LAST into one group, e.g. 2024-2026")},
         {.name = "--min-group", .kind = V::number, .value = "N",
          .help = N_("the smallest group the report shows (default: the least)"), .min = kMinGroupFloor, .max = 99},
         lang, date(N_("the date printed on the report (default: today)")),
         either({.name = "--dry-run", .kind = V::flag, .help = N_("print the groups that would be shown, write nothing")}, 1)}},
       cmd_cohort},
      {"demo", N_("render the shipped sample cohort (default: out/)"),
       {{{.name = "-o", .kind = V::text, .value = "DIR", .help = N_("the folder to write into (default: out)")}}}, cmd_demo},
  };
  return table;
}

}  // namespace careermap::cli
