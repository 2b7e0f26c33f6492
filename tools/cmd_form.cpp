#include "engine/csv.hpp"
#include "engine/mapping.hpp"
#include "engine/templates.hpp"
#include "reports/blank_form.hpp"
#include "reports/font.hpp"
#include "reports/form_html.hpp"
#include "engine/files.hpp"

#include <filesystem>
#include "tools/commands.hpp"

namespace careermap::cli {

Templates load_templates(const std::string& name, std::ostream& err);

// careermap form -q Q.yaml --html -o FORM.html [--lang ja|en] [--participant ID [--name NAME] [--cohort C]]
int form_page(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.has("-o")) throw UsageError("missing -o FORM.html");
  if (args.has("--csv")) throw UsageError("give --html or --csv, not both");
  if (!args.has("--participant") && (args.has("--name") || args.has("--cohort")))
    throw UsageError("--name and --cohort go with --participant ID");
  FormPageOptions page;
  page.lang = *parse_lang(args.get("--lang", "ja"));
  page.participant = args.get("--participant");
  page.name = args.get("--name");
  page.cohort = args.get("--cohort");
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const std::string html = form_html(*q, page, (std::filesystem::path(data_dir()) / "templates" / "form_html").string());
  write_file_atomically(args.get("-o"), html);
  out << args.get("-o") << '\n';
  return kOk;
}

// careermap form -q Q.yaml (-o BLANK.pdf | --csv | --html -o FORM.html) [--lang ja|en]
int cmd_form(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.has("--html")) return form_page(args, out, err);
  for (const char* o : {"--participant", "--name", "--cohort"})
    if (args.has(o)) throw UsageError(std::string(o) + " goes with --html");
  if (args.has("-o") == args.has("--csv"))
    throw UsageError(args.has("--csv") ? "give -o BLANK.pdf or --csv, not both" : "missing -o BLANK.pdf or --csv");
  const auto lang = parse_lang(args.get("--lang", "ja"));
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const Templates t = load_templates("form.yaml", err);
  if (args.has("--csv")) {
    std::vector<std::string> header;
    for (const auto& [text, target] : form_columns(*q, t, *lang)) header.push_back(text);
    out << csv::kBom << csv::row(header);
    return kOk;
  }
  const FontSource font(font_path());
  write_blank_form_pdf(build_blank_form(*q, t, *lang), font, args.get("-o"));
  out << args.get("-o") << '\n';
  return kOk;
}

}  // namespace careermap::cli
