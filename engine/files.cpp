#include "engine/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/diagnostic.hpp"

namespace careermap {

std::string read_file(const std::string& path, size_t max_bytes, const std::string& what) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes)
    throw Error(Location{path, 0, 0}, "", "the file has " + std::to_string(size / 1000000) + " MB; " + what +
                                              " is at most " + std::to_string(max_bytes / 1000000) + " MB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location{path, 0, 0}, "", std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  // Unique per process and per call: threads may write beside each other at once.
  static std::atomic<unsigned long> serial{0};
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(Location{path, 0, 0}, "", std::string("cannot write: ") + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error(Location{path, 0, 0}, "", std::string("cannot write: ") + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw Error(Location{path, 0, 0}, "", std::string("cannot write: ") + std::strerror(err));
  }
}

}  // namespace careermap
