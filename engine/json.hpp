// A minimal JSON writer for careermap's outputs: escaped strings and fixed-precision
// numbers, so that output is byte-stable across machines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace careermap::json {

// `s` as a JSON string literal, quotes included; UTF-8 passes through unchanged.
std::string quote(std::string_view s);
// `v` rounded to `decimals` places, trailing zeros dropped ("62.5", "3", "-0.25").
std::string number(double v, int decimals = 4);
// number(v) or "null".
std::string number(std::optional<double> v, int decimals = 4);

}  // namespace careermap::json
