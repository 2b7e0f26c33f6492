#include "tools/commands.hpp"
namespace careermap::cli {
int cmd_cohort(const Args&, std::ostream&, std::ostream& err) { err << "todo\n"; return kUsage; }
}
