// Files in and out, the only way careermap touches them. Reading is bounded: a file
// larger than `max_bytes` is refused before it is read, so no input can take unbounded
// memory. Writing is atomic: the bytes go to a temporary file beside the target (mode
// 0600: only the owner may read), which is flushed and renamed into place, so readers
// never see half a file. Both throw Error naming the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace careermap {

// Questionnaires, models, templates, mappings and answers files: at most this much.
inline constexpr size_t kMaxDataFileBytes = 16'000'000;

// The whole file; Error "cannot read: ..." or "the file has N MB; at most M MB" (`what`
// names the kind of file in that message: "an answers file").
std::string read_file(const std::string& path, size_t max_bytes = kMaxDataFileBytes,
                      const std::string& what = "a careermap data file");

void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace careermap
