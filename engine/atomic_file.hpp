// Writing a file so that readers never see half of it: the bytes go to a temporary
// file beside it (mode 0600: only the owner may read), which is flushed and renamed
// into place. Throws Error naming the file when it cannot be written.
#pragma once

#include <string>
#include <string_view>

namespace careermap {

void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace careermap
