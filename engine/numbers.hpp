// How careermap writes a number as text: each form defined once, here, and written with
// {fmt} (Debian: libfmt-dev, used header-only, so the program gains no library). Used by the
// JSON and CSV outputs, the messages, the answers files careermap writes and the reports.
// Pure functions; never fail (a number that is not finite is written as {fmt} writes it,
// "nan" or "inf", except where a function says otherwise).
#pragma once

#include <string>

namespace careermap::num {

// `v` with exactly `decimals` places ("0.50"): printf's %.*f.
std::string fixed(double v, int decimals);
// fixed(v, decimals) without trailing zeros or a lone point, and "-0" as "0" ("62.5", "3").
std::string trimmed(double v, int decimals);
// `v` with `digits` significant digits: printf's %.*g.
std::string general(double v, int digits);
// A whole number (below 10^15 in size) as an integer ("3"), else general(v, 10): numbers
// quoted back in messages.
std::string readable(double v);
// A whole number (below 10^15) as an integer, else the shortest text that reads back as `v`
// ("3.1", not 3.1000000000000001): numbers careermap writes into answers files.
std::string shortest(double v);
// A Unicode code point as "U+XXXX" (at least four upper-case hex digits).
std::string code_point(char32_t c);

}  // namespace careermap::num
