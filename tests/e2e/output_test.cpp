// Output written only where it should be: temporary files are never reached through a link
// planted in the output folder and do not outlive a killed run, and two participants whose
// PDF names differ only in letter case are refused instead of overwriting each other.
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;

namespace {


std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int shell(const std::string& cmd) {
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().filename());
  return out;
}

// Starts `cmd`, sends `sig` the moment a temporary file appears in `watch`, and returns the
// wait status (-1: no temporary file was seen within 60 s).
int kill_when_a_temporary_appears(const std::string& cmd, const fs::path& watch, int sig) {
  const int in = inotify_init1(IN_CLOEXEC);
  BOOST_REQUIRE(in >= 0);
  BOOST_REQUIRE(inotify_add_watch(in, watch.c_str(), IN_CREATE) >= 0);
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + cmd + " >/dev/null 2>&1").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  bool seen = false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  alignas(inotify_event) char buf[4096];
  while (!seen && std::chrono::steady_clock::now() < until) {
    pollfd p{in, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = read(in, buf, sizeof buf);
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
      if (e->len && std::string(e->name).find(".tmp-") != std::string::npos) seen = true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  }
  if (seen) ::kill(pid, sig);
  else ::kill(pid, SIGKILL);
  int st = 0;
  waitpid(pid, &st, 0);
  close(in);
  return seen ? st : -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output)

BOOST_AUTO_TEST_CASE(a_link_planted_in_the_output_folder_does_not_redirect_a_pdf) {
  careermap::test::TempDir dir;
  fs::create_directories(dir.path() / "out");
  std::ofstream(dir.path() / "public.txt") << "world-readable";
  fs::create_symlink(dir.path() / "public.txt", dir.path() / "out" / "p01.pdf");
  const int status = shell("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre + " -o out " + kSrc +
                           "/questionnaires/samples/p01.yaml >/dev/null 2>&1");
  BOOST_TEST(status == 0);
  BOOST_TEST(slurp(dir.path() / "public.txt") == "world-readable");
  BOOST_TEST(!fs::is_symlink(dir.path() / "out" / "p01.pdf"));
  BOOST_TEST(slurp(dir.path() / "out" / "p01.pdf").substr(0, 5) == "%PDF-");
  struct stat st {};
  BOOST_REQUIRE(::stat((dir.path() / "out" / "p01.pdf").c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(temporaries(dir.path() / "out").empty());
}

BOOST_AUTO_TEST_CASE(a_render_killed_while_writing_leaves_no_temporary_file) {
  careermap::test::TempDir dir;
  const std::string synth = fs::path(kBin).parent_path() / "careermap-synth";
  BOOST_REQUIRE(shell(synth + " -q " + kPre + " -n 40 -o " + (dir.path() / "in").string() + " 2>/dev/null") == 0);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    const fs::path out = dir.path() / ("out" + std::to_string(sig));
    fs::create_directories(out);
    const int st = kill_when_a_temporary_appears(
        kBin + " render --jobs 2 -q " + kPre + " -o " + out.string() + " " + (dir.path() / "in").string() + "/*.yaml",
        out, sig);
    BOOST_REQUIRE_MESSAGE(st != -1, "no temporary file was seen for signal " << sig);
    BOOST_TEST(WIFSIGNALED(st), "signal " << sig);  // ended by the signal, as without the handler
    BOOST_TEST(WTERMSIG(st) == sig);
    BOOST_TEST(temporaries(out).empty(), "signal " << sig << " left " << (temporaries(out).empty() ? "" : temporaries(out)[0]));
  }
}

BOOST_AUTO_TEST_CASE(ids_that_differ_only_in_letter_case_are_refused_across_chunks) {
  careermap::test::TempDir dir;
  const std::string p01 = slurp(kSrc + "/questionnaires/samples/p01.yaml");
  std::string files;
  // 64 files fill the first chunk of a render run; P01 comes in the second.
  for (int i = 0; i < 64; ++i) {
    std::string text = p01;
    const std::string id = i == 0 ? "p01" : "x" + std::to_string(i);
    text.replace(text.find("participant: p01"), 16, "participant: " + id);
    std::ofstream(dir.path() / (id + ".yaml")) << text;
    files += " " + id + ".yaml";
  }
  std::string upper = p01;
  upper.replace(upper.find("participant: p01"), 16, "participant: P01");
  std::ofstream(dir.path() / "P01.yaml") << upper;
  const int status = shell("cd " + dir.path().string() + " && " + kBin + " render --jobs 2 -q " + kPre + " -o out" +
                           files + " P01.yaml >/dev/null 2>err");
  BOOST_TEST(status == 1);
  BOOST_TEST(slurp(dir.path() / "err") ==
             "P01.yaml: error: participant: 'P01' and 'p01' (p01.yaml) differ only in letter case: on Windows and "
             "macOS disks their PDFs would be one file; rename one\n"
             "careermap: 1 of 65 PDFs could not be written\n");
  BOOST_TEST(fs::exists(dir.path() / "out" / "p01.pdf"));
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path() / "out"), fs::directory_iterator{}) == 64);
}

namespace {

// The sample p01's answers as participant `id` at `meeting`, written to `file`.
void write_p01_as(const fs::path& file, const std::string& id, const std::string& meeting) {
  std::string text = slurp(kSrc + "/questionnaires/samples/p01.yaml");
  text.replace(text.find("participant: p01"), 16, "participant: " + id);
  text.replace(text.find("session: pre"), 12, "meeting: " + meeting);
  std::ofstream(file) << text;
}

}  // namespace

// A person with records at two meetings gets ID-MEETING.pdf for each; another person whose id
// is one of those names gets the next free name (ID-2.pdf), never the same file, in either order.
BOOST_AUTO_TEST_CASE(a_name_already_given_to_another_record_gets_the_next_free_one) {
  careermap::test::TempDir dir;
  const auto write = [&](const std::string& file, const std::string& id, const std::string& meeting) {
    write_p01_as(dir.path() / file, id, meeting);
  };
  write("a.yaml", "p01", "m1");
  write("b.yaml", "p01", "m5");
  write("c.yaml", "p01-m5", "m1");
  for (const std::string order : {"a.yaml b.yaml c.yaml", "c.yaml a.yaml b.yaml"}) {
    fs::remove_all(dir.path() / "out");
    const int status = shell("cd " + dir.path().string() + " && " + kBin + " render --jobs 2 -q " + kPre +
                             " -o out " + order + " >list 2>err");
    BOOST_TEST(status == 0, order);
    BOOST_TEST(slurp(dir.path() / "err") == "");
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path() / "out")) names.insert(e.path().filename().string());
    const std::set<std::string> want = order[0] == 'a' ? std::set<std::string>{"p01-m1.pdf", "p01-m5.pdf", "p01-m5-2.pdf"}
                                                       : std::set<std::string>{"p01-m5.pdf", "p01-m1.pdf", "p01-2.pdf"};
    BOOST_TEST(names == want, order);
  }
}

// The names are compared without letter case too: a person whose id differs from another's
// PDF name only in case (P01-M5 beside p01's p01-m5.pdf) gets the next free name, so that no
// two PDFs become one file on a Windows or macOS disk; their ids differ, so neither is refused.
BOOST_AUTO_TEST_CASE(a_name_given_in_other_letter_case_gets_the_next_free_one) {
  careermap::test::TempDir dir;
  const auto write = [&](const std::string& file, const std::string& id, const std::string& meeting) {
    write_p01_as(dir.path() / file, id, meeting);
  };
  write("a.yaml", "p01", "m1");
  write("b.yaml", "p01", "m5");
  write("c.yaml", "P01-M5", "m1");
  const int status = shell("cd " + dir.path().string() + " && " + kBin + " render --jobs 2 -q " + kPre +
                           " -o out a.yaml b.yaml c.yaml >list 2>err");
  BOOST_TEST(status == 0);
  BOOST_TEST(slurp(dir.path() / "err") == "");
  BOOST_TEST(slurp(dir.path() / "list") == "out/p01-m1.pdf\nout/p01-m5.pdf\nout/P01-M5-2.pdf\n");
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path() / "out")) names.insert(e.path().filename().string());
  BOOST_TEST(names == (std::set<std::string>{"p01-m1.pdf", "p01-m5.pdf", "P01-M5-2.pdf"}));
}

BOOST_AUTO_TEST_SUITE_END()
