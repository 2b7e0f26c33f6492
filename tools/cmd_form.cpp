#include "engine/csv.hpp"
#include "engine/mapping.hpp"
#include "engine/templates.hpp"
#include "reports/blank_form.hpp"
#include "reports/font.hpp"
#include "reports/form_html.hpp"
#include "reports/form_kit.hpp"
#include "engine/files.hpp"

#include <filesystem>
#include "tools/commands.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {

// The part of --part, "" for the whole questionnaire. The implicit part `all` of a
// questionnaire without parts is the whole questionnaire; any other id not of q.parts is
// refused with the list of its parts.
std::string part_option(const Args& args, const Questionnaire& q) {
  if (!args.has("--part")) return "";
  const std::string given = args.get("--part");
  if (!q.find_part(given))
    throw UsageError(trf("--part {value} names no part of {id}; its parts are {parts}",
                         {{"value", cli::quoted(given)}, {"id", q.id}, {"parts", q.part_ids()}}));
  return q.parts_declared ? given : "";
}

// careermap form -q Q.yaml --html -o FORM.html [--part P] [--lang ja|en] [--participant ID [--name NAME] [--cohort C]]
int form_page(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.has("-o")) throw UsageError(tr("missing -o FORM.html"));
  FormPageOptions page;
  page.lang = *parse_lang(args.get("--lang", "ja"));
  page.participant = args.get("--participant");
  page.name = args.get("--name");
  page.cohort = args.get("--cohort");
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  page.part = part_option(args, *q);
  const std::string html = form_html(*q, page, (std::filesystem::path(data_dir()) / "templates" / "form_html").string());
  write_file_atomically(args.get("-o"), html);
  out << args.get("-o") << '\n';
  return kOk;
}

// careermap form -q Q.yaml --kit -o DIR [--lang ja|en]: questions.csv, questions.md, answers.xlsx.
int form_kit(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.has("-o")) throw UsageError(tr("missing -o DIR"));
  const Lang lang = *parse_lang(args.get("--lang", "ja"));
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const Templates t = load_templates("form.yaml", err);
  const std::filesystem::path dir(args.get("-o"));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw Error({dir.string(), 0, 0}, "",
                trf("cannot make the folder: {message}", {{"message", std::string(ec.message())}}));
  const auto cols = kit_columns(*q, t, lang);
  const std::string csv = (dir / "questions.csv").string(), md = (dir / "questions.md").string(),
                    book = (dir / "answers.xlsx").string();
  write_file_atomically(csv, kit_questions_csv(cols, t, lang));
  write_file_atomically(md, kit_questions_md(*q, cols, t, lang));
  write_kit_workbook(*q, cols, t, lang, book, args.get("-q"), "answers.xlsx");
  out << csv << '\n' << md << '\n' << book << '\n';
  return kOk;
}

// careermap form -q Q.yaml (-o BLANK.pdf | --csv | --html -o FORM.html [--part P] | --kit -o DIR) [--lang ja|en]
int cmd_form(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.has("--kit")) return form_kit(args, out, err);
  if (args.has("--html")) return form_page(args, out, err);
  if (!args.has("-o") && !args.has("--csv")) throw UsageError(tr("missing -o BLANK.pdf or --csv"));
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
