// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits: how the archive
// recognises a submission it already holds. Nettle computes it (sha256.cpp); no failure.
#pragma once

#include <string>
#include <string_view>

namespace careermap {

std::string sha256_hex(std::string_view bytes);

}  // namespace careermap
