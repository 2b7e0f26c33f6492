#include <algorithm>
#include <filesystem>
#include <fstream>

#include "engine/files.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"
#include "engine/templates.hpp"
#include "tools/commands.hpp"
#include "tools/read_answers.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {

// careermap mapping (options: its row in tools/command_table.cpp).
int cmd_mapping(const Args& args, std::ostream& out, std::ostream& err) {
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const std::string csv = args.get("--init");
  Diagnostics d;
  const std::unique_ptr<RowSource> reader = open_rows(csv);  // a CSV or a workbook; only the header row is read
  CsvRecord head;
  const bool got = reader->next(head, d);
  if (!got && !d.has_errors()) d.error(reader->at(0, 0), "", tr("the file has no header row"));
  print(err, d);
  if (!got || !head.ok || d.has_errors()) return kInvalid;
  std::vector<std::string> unmatched;
  const std::string text = starter_mapping(*q, load_templates("form.yaml", err), head.cells, unmatched,
                                           args.get("--cohort"), args.get("--meeting"));
  Diagnostics said;
  for (const auto& h : unmatched)
    said.warning(reader->at(head.line, 0), h, tr("not matched to any item; written as ignore"));
  print(err, said);
  if (args.has("-o")) {
    write_file_atomically(args.get("-o"), text);
    const auto matched = std::count_if(head.cells.begin(), head.cells.end(), [&](const std::string& h) {
      return std::find(unmatched.begin(), unmatched.end(), h) == unmatched.end();
    });
    err << trf("careermap mapping: wrote {file} ({matched} of {all} columns matched)",
               {{"file", args.get("-o")}, {"matched", std::to_string(matched)}, {"all", std::to_string(head.cells.size())}})
        << '\n';
  } else {
    out << text;
  }
  return kOk;
}

}  // namespace careermap::cli
