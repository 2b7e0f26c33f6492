#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <regex>

#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/career_map.hpp"
#include "reports/career_map_pdf.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {
namespace {

std::string today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

// Renders one PDF per valid answers file into `dir`; returns the exit status.
int render_batch(const Questionnaire& q, const Batch& b, size_t total, const std::string& dir,
                 Lang lang, const std::string& date, std::ostream& out, std::ostream& err) {
  Diagnostics tdiags;
  const Templates templates =
      Templates::load((std::filesystem::path(data_dir()) / "templates" / "careermap.yaml").string(), tdiags);
  print(err, tdiags);
  if (tdiags.has_errors()) return kUsage;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    err << dir << ": error: cannot create the output folder: " << ec.message() << '\n';
    return kUsage;
  }
  const auto placements = score(q, b.valid);
  int failed = 0;
  for (size_t i = 0; i < b.valid.size(); ++i) {
    const std::string path = (std::filesystem::path(dir) / (b.valid[i].participant + ".pdf")).string();
    try {
      const CareerMapContent c = build_career_map(q, b.valid[i], placements[i], templates, lang, date);
      write_career_map_pdf(c, path, font_path());
      out << path << '\n';
    } catch (const Error& e) {
      err << e.diagnostic().format() << '\n';
      ++failed;
    }
  }
  summarize(b, total, err);
  if (failed) err << "careermap: " << failed << " PDF(s) could not be written\n";
  return b.invalid.empty() && failed == 0 ? kOk : kInvalid;
}

// careermap render -q Q.yaml -o DIR [--lang ja|en] [--date YYYY-MM-DD] ANSWERS...
int cmd_render(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.has("-q") || !args.has("-o") || args.positional.empty()) {
    err << "careermap render: needs -q QUESTIONNAIRE, -o DIR and answers files\n";
    return kUsage;
  }
  const auto lang = parse_lang(args.get("--lang", "ja"));
  if (!lang) {
    err << "careermap render: --lang is ja or en\n";
    return kUsage;
  }
  const std::string date = args.get("--date", today());
  if (!std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})"))) {
    err << "careermap render: --date is YYYY-MM-DD\n";
    return kUsage;
  }
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  const Batch b = load_batch(*q, args.positional, err);
  return render_batch(*q, b, args.positional.size(), args.get("-o"), *lang, date, out, err);
}

}  // namespace careermap::cli
