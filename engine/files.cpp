#include "engine/files.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw Error(Location{path, 0, 0}, "", what + ": " + std::strerror(err));
}

// "16 MB", or "100 bytes" below a megabyte.
std::string amount(size_t bytes) {
  return bytes >= 1000000 ? std::to_string(bytes / 1000000) + " MB" : std::to_string(bytes) + " bytes";
}

// Opens `path` for reading if it is a regular file (links followed); its size in `size`.
int open_regular(const std::string& path, size_t& size) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) fail(path, tr("cannot read"), errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    fail(path, tr("cannot read"), err);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* kind = S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a pipe (FIFO)"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "not a file";
    throw Error(Location{path, 0, 0}, "",
                trf("cannot read: this is {kind}, not a regular file; careermap reads only files",
                    {{"kind", std::string(kind)}}));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  size = static_cast<size_t>(st.st_size);
  return fd;
}

size_t read_some(int fd, char* buf, size_t n, const std::string& path) {
  for (;;) {
    const ssize_t got = ::read(fd, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno != EINTR) fail(path, tr("cannot read"), errno);
  }
}

// --- Temporary files removed on SIGINT, SIGTERM and SIGHUP ------------------------------

constexpr size_t kSlots = 64;
struct Slot {
  std::atomic<bool> used{false};
  char path[PATH_MAX]{};
};
std::array<Slot, kSlots> g_temps;
std::atomic<bool> g_claim[kSlots];  // a slot being filled or in use
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

std::atomic<int> g_creating{0};  // threads between creating a temporary file and registering it
std::atomic<bool> g_ending{false};  // the handler runs: no thread may create another

extern "C" void remove_temporaries(int sig) {
  // Another thread may have just created one: wait until it is registered (that thread
  // blocks these signals meanwhile, so it is not this one). A thread that comes to create
  // one after this sees g_ending first (both in one order, seq_cst) and does not.
  g_ending.store(true);
  while (g_creating.load() > 0) {
  }
  for (auto& s : g_temps)
    if (s.used.load(std::memory_order_acquire)) ::unlink(s.path);
  std::signal(sig, SIG_DFL);  // then end as that signal would have
  ::raise(sig);
}

void install_handler_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : kSignals) {
      struct sigaction old {};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // the program's own
      struct sigaction sa {};
      sa.sa_handler = remove_temporaries;
      sigemptyset(&sa.sa_mask);
      for (int other : kSignals) sigaddset(&sa.sa_mask, other);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

// Registers `path` for removal on a signal; -1 when every slot is taken (then a signal may
// leave that one file behind).
int register_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_claim[i].compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_temps[i].path, path.c_str(), path.size() + 1);
    g_temps[i].used.store(true, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot < 0) return;
  g_temps[static_cast<size_t>(slot)].used.store(false, std::memory_order_release);
  g_claim[static_cast<size_t>(slot)].store(false);
}

// A new file beside `path`, created exclusively and never through a link: `tmp` gets its name.
int create_temporary(const std::string& path, std::string& tmp) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    unsigned char r[8];
    if (::getrandom(r, sizeof r, 0) != static_cast<ssize_t>(sizeof r)) fail(path, tr("cannot write"), errno);
    char suffix[17];
    for (int i = 0; i < 8; ++i) std::snprintf(suffix + 2 * i, 3, "%02x", r[i]);
    tmp = path + ".tmp-" + suffix;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno != EEXIST) fail(path, tr("cannot write"), errno);
  }
  fail(path, tr("cannot write"), EEXIST);
}

}  // namespace

InputFile::InputFile(const std::string& path) : path_(path) { fd_ = open_regular(path, size_); }

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

size_t InputFile::read(char* buf, size_t n) { return read_some(fd_, buf, n, path_); }

std::string read_file(const std::string& path, size_t max_bytes, const std::string& what) {
  const InputFile in(path);
  auto too_big = [&](const std::string& has) {
    throw Error(Location{path, 0, 0}, "",
                trf("the file has {has}; {what} is at most {value}",
                    {{"has", std::string(has)},
                     {"what", std::string(what)},
                     {"value", std::string(amount(max_bytes))}}));
  };
  if (in.size() > max_bytes) too_big(amount(in.size()));
  // The size said is not trusted: read at most one byte more than allowed.
  std::string out;
  out.resize(std::min(max_bytes, in.size()) + 1);
  size_t have = 0;
  for (;;) {
    if (have == out.size()) {
      if (out.size() > max_bytes) break;
      out.resize(std::min(max_bytes + 1, out.size() * 2));
    }
    const size_t got = read_some(in.fd(), out.data() + have, out.size() - have, path);
    if (got == 0) break;
    have += got;
  }
  if (have > max_bytes) too_big(trf("more than {value}", {{"value", std::string(amount(max_bytes))}}));
  out.resize(have);
  return out;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  std::string tmp;
  // No signal between creating the file and registering it for removal.
  install_handler_once();
  sigset_t block, old;
  sigemptyset(&block);
  for (int sig : kSignals) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  int fd = -1, slot = -1;
  g_creating.fetch_add(1);
  if (g_ending.load()) {  // the program is being ended by a signal: create nothing more
    g_creating.fetch_sub(1);
    for (;;) ::pause();
  }
  try {
    fd = create_temporary(path, tmp);
    slot = register_temporary(tmp);
  } catch (...) {
    g_creating.fetch_sub(1, std::memory_order_acq_rel);
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    throw;
  }
  g_creating.fetch_sub(1, std::memory_order_acq_rel);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  auto give_up = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    unregister_temporary(slot);
    fail(path, tr("cannot write"), err);
  };
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) give_up(n < 0 ? errno : EIO);
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) give_up(errno);
  if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    unregister_temporary(slot);
    fail(path, tr("cannot write"), err);
  }
  unregister_temporary(slot);
}

}  // namespace careermap
