#include "engine/csv.hpp"
#include "engine/mapping.hpp"
#include "engine/templates.hpp"
#include "reports/blank_form.hpp"
#include "reports/font.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

Templates load_templates(const std::string& name, std::ostream& err);

// careermap form -q Q.yaml (-o BLANK.pdf | --csv) [--lang ja|en]
int cmd_form(const Args& args, std::ostream& out, std::ostream& err) {
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
