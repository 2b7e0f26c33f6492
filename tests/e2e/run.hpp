// Running the real careermap program from end-to-end tests: a shell command line in, its
// exit status, stdout and stderr out (separately), and reading back what it wrote.
#pragma once

#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/testutil.hpp"

namespace e2e {

inline const std::string kSrc = CAREERMAP_SOURCE_DIR;
inline const std::string kBin = CAREERMAP_BINARY;
inline const std::string kPre = kSrc + "/questionnaires/presession-v1.yaml";

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int status = -1;
  std::string out, err;
};

// Runs a shell command line; captures stdout and stderr separately.
inline Run run(const std::string& cmd) {
  careermap::test::TempDir tmp;
  const std::filesystem::path err = tmp.path() / "err";
  Run r;
  FILE* p = popen((cmd + " 2>" + err.string()).c_str(), "r");
  BOOST_REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.err = slurp(err);
  return r;
}

}  // namespace e2e
