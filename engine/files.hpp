// Files in and out, the only way careermap touches them.
//
// Reading accepts only regular files (after following links: a device such as /dev/zero,
// a FIFO or a folder is refused before anything is read) and is bounded twice: a file whose
// size says more than `max_bytes` is refused at once, and the read itself stops after
// `max_bytes + 1` bytes, so no input (a file that grows, a /proc file that says 0) can take
// unbounded memory.
//
// Writing is atomic and cannot be redirected: the bytes go to a new temporary file beside
// the target, created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW: a link planted in the folder
// is never followed) with mode 0600 (only the owner may read), which is flushed and renamed
// into place, so readers never see half a file. A temporary file is removed when the write
// fails, and when the program is ended by SIGINT, SIGTERM or SIGHUP while it exists (the
// first write installs that handler for each of these signals still at its default; the
// handler removes the files, then ends the program by the same signal).
//
// All of these throw Error naming the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace careermap {

// Questionnaires, models, templates, mappings and answers files: at most this much.
inline constexpr size_t kMaxDataFileBytes = 16'000'000;

// The whole file; Error "cannot read: ...", "... is not a regular file ..." or "the file
// has N MB; ... is at most M MB" (`what` names the kind of file in that message: "an
// answers file").
std::string read_file(const std::string& path, size_t max_bytes = kMaxDataFileBytes,
                      const std::string& what = "a careermap data file");

// An input opened for reading, for readers that stream (CSV): a regular file only, as
// read_file; the descriptor is closed with the object.
class InputFile {
 public:
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  int fd() const { return fd_; }
  // Its size when opened, in bytes.
  size_t size() const { return size_; }
  // Reads up to `n` bytes into `buf`; 0 at the end. Error when reading fails.
  size_t read(char* buf, size_t n);

 private:
  std::string path_;
  int fd_ = -1;
  size_t size_ = 0;
};

void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace careermap
