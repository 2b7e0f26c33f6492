#include <algorithm>
#include <filesystem>

#include "tools/commands.hpp"

namespace careermap::cli {

int render_files(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                 const std::string& dir, Lang lang, const std::string& date, unsigned jobs, std::ostream& out,
                 std::ostream& err, const Batch* preloaded);

// careermap demo [-o DIR]: the shipped sample cohort rendered into DIR (default out/).
int cmd_demo(const Args& args, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path data = data_dir();
  const std::string dir = args.get("-o", "out");
  const auto q = load_questionnaire((data / "questionnaires" / "presession-v1.yaml").string(), err);
  if (!q) return kUsage;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(data / "questionnaires" / "samples"))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  const int status = render_files(*q, files, nullptr, dir, Lang::ja, "2026-07-01", 2, out, err, nullptr);
  if (status == kOk) err << "careermap demo: " << files.size() << " career maps written to " << dir << "/\n";
  return status;
}

}  // namespace careermap::cli
