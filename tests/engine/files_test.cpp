// engine/files.hpp: only regular files are read, the read itself is bounded, and atomic
// writes never follow a link and leave no temporary file.
#include "engine/files.hpp"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/diagnostic.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace fs = std::filesystem;

namespace {

std::string refusal(const std::string& path, size_t max = kMaxDataFileBytes) {
  try {
    read_file(path, max, "a test file");
    return "";
  } catch (const Error& e) {
    return e.diagnostic().format();
  }
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(files)

BOOST_AUTO_TEST_CASE(only_regular_files_are_read) {
  test::TempDir dir;
  const std::string tail = ", not a regular file; careermap reads only files";
  BOOST_TEST(refusal("/dev/zero") == "/dev/zero: error: cannot read: this is a device" + tail);
  const fs::path fifo = dir.path() / "fifo";
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  BOOST_TEST(refusal(fifo.string()) == fifo.string() + ": error: cannot read: this is a pipe (FIFO)" + tail);  // without waiting
  const fs::path link = dir.path() / "random.yaml";
  fs::create_symlink("/dev/urandom", link);
  BOOST_TEST(refusal(link.string()) == link.string() + ": error: cannot read: this is a device" + tail);
  BOOST_TEST(refusal(dir.path().string()) == dir.path().string() + ": error: cannot read: this is a folder" + tail);
  BOOST_TEST(refusal((dir.path() / "none").string()) ==
             (dir.path() / "none").string() + ": error: cannot read: No such file or directory");
  // A link to a regular file is read.
  std::ofstream(dir.path() / "real.yaml") << "a: 1\n";
  fs::create_symlink(dir.path() / "real.yaml", dir.path() / "link.yaml");
  BOOST_TEST(read_file((dir.path() / "link.yaml").string()) == "a: 1\n");
}

BOOST_AUTO_TEST_CASE(the_read_is_bounded_not_only_the_size_said) {
  test::TempDir dir;
  const fs::path f = dir.path() / "f";
  std::ofstream(f) << std::string(100, 'x');
  BOOST_TEST(read_file(f.string(), 100) == std::string(100, 'x'));
  BOOST_TEST(refusal(f.string(), 99) == f.string() + ": error: the file has 100 bytes; a test file is at most 99 bytes");
  // /proc files are regular but say 0 bytes: only the bounded read notices how much they hold.
  BOOST_TEST(fs::file_size("/proc/self/maps") == 0u);
  BOOST_TEST(refusal("/proc/self/maps", 10) ==
             "/proc/self/maps: error: the file has more than 10 bytes; a test file is at most 10 bytes");
  BOOST_TEST(read_file("/proc/self/maps", 1'000'000).size() > 10u);
}

BOOST_AUTO_TEST_CASE(an_input_file_streams_a_regular_file_only) {
  test::TempDir dir;
  std::ofstream(dir.path() / "c.csv") << "a,b\n1,2\n";
  InputFile in((dir.path() / "c.csv").string());
  BOOST_TEST(in.size() == 8u);
  char buf[5];
  std::string got;
  for (size_t n; (n = in.read(buf, sizeof buf)) > 0;) got.append(buf, n);
  BOOST_TEST(got == "a,b\n1,2\n");
  BOOST_CHECK_EXCEPTION(InputFile("/dev/zero"), Error, [](const Error& e) {
    return e.diagnostic().format() ==
           "/dev/zero: error: cannot read: this is a device, not a regular file; careermap reads only files";
  });
}

BOOST_AUTO_TEST_CASE(an_atomic_write_replaces_a_planted_link_and_leaves_no_temporary) {
  test::TempDir dir;
  const fs::path victim = dir.path() / "victim.txt";
  std::ofstream(victim) << "keep";
  fs::permissions(victim, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  const fs::path out = dir.path() / "p01.pdf";
  fs::create_symlink(victim, out);  // planted where the output goes
  write_file_atomically(out.string(), "secret");
  BOOST_TEST(slurp(victim) == "keep");
  BOOST_TEST(!fs::is_symlink(out));
  BOOST_TEST(slurp(out) == "secret");
  struct stat st {};
  BOOST_REQUIRE(::stat(out.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) files += e.path().filename().string().find(".tmp-") == std::string::npos;
  BOOST_TEST(files == 2);
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 2);
  BOOST_CHECK_EXCEPTION(write_file_atomically((dir.path() / "no" / "x").string(), "x"), Error, [&](const Error& e) {
    return e.diagnostic().format() == (dir.path() / "no" / "x").string() + ": error: cannot write: No such file or directory";
  });
}

BOOST_AUTO_TEST_SUITE_END()
