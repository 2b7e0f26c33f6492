// Running the real careermap program in end-to-end tests: its exit status, what it printed
// on stdout and on stderr (kept apart), and the bytes of the files it wrote.
#pragma once

#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/testutil.hpp"

// Where the tests find the sources, the program and the shipped questionnaire.
inline const std::string kSrc = CAREERMAP_SOURCE_DIR;
inline const std::string kBin = CAREERMAP_BINARY;
inline const std::string kPre = kSrc + "/questionnaires/presession-v1.yaml";
inline const std::string kCourse = kSrc + "/tests/data/tiny/course.yaml";  // a questionnaire of parts and meetings
inline const std::string kSynth = (std::filesystem::path(kBin).parent_path() / "careermap-synth").string();

namespace careermap::test {

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int status = -1;  // the exit status; -1 when killed by a signal
  std::string out, err;
};

// Runs a shell command line; captures stdout and stderr separately.
inline Run run(const std::string& cmd) {
  TempDir tmp;
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

}  // namespace careermap::test
