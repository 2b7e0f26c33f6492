#include <filesystem>
#include <fstream>

#include "engine/files.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"
#include "engine/templates.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

Templates load_templates(const std::string& name, std::ostream& err) {
  Diagnostics d;
  Templates t = Templates::load((std::filesystem::path(data_dir()) / "templates" / name).string(), d);
  print(err, d);
  return t;
}

// careermap mapping -q Q.yaml --init FORM.csv [-o MAPPING.yaml]
int cmd_mapping(const Args& args, std::ostream& out, std::ostream& err) {
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const std::string csv = args.get("--init");
  Diagnostics d;
  const CsvTable table = load_csv(csv, d);
  print(err, d);
  if (d.has_errors() || table.records.empty()) {
    if (table.records.empty() && !d.has_errors()) err << csv << ": error: the file has no header row\n";
    return kInvalid;
  }
  std::vector<std::string> unmatched;
  const std::string text = starter_mapping(*q, load_templates("form.yaml", err), table.records[0].cells, unmatched);
  for (const auto& h : unmatched)
    err << csv << ":" << table.records[0].line << ": warning: " << h
        << ": not matched to any item; written as ignore\n";
  if (args.has("-o")) {
    write_file_atomically(args.get("-o"), text);
    err << "careermap mapping: wrote " << args.get("-o") << " (" << table.records[0].cells.size() - unmatched.size()
        << " of " << table.records[0].cells.size() << " columns matched)\n";
  } else {
    out << text;
  }
  return kOk;
}

}  // namespace careermap::cli
