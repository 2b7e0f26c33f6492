// Line breaking for Japanese with Latin words and numbers mixed in.
//
// Breaks between any two Japanese characters, at spaces, and never inside a run of
// ASCII letters, digits and punctuation (a word or number) unless that run alone is
// wider than the line. Line-start rules: no line starts with closing brackets, 、。
// and the like, ー or small kana; line-end rules: no line ends with an opening bracket. The
// characters are those of Unicode's UAX #14 line-break classes, with the dashes and the wave
// dash that JIS X 4051 adds (line_break.cpp; tested against ICU's classes).
// '\n' in the text forces a break. The text must be UTF-8 (intake makes sure of it).
// Widths come from the caller's measure function, so text is measured with the font it
// is drawn in. Pure function; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace careermap {

using MeasureFn = std::function<double(std::string_view)>;

// Breaks `text` into lines no wider than `width` (a single unbreakable character may
// exceed it). Spaces at the ends of lines are dropped.
std::vector<std::string> break_lines(std::string_view text, double width, const MeasureFn& measure);

bool no_line_start(char32_t c);  // must not begin a line (、。）」ー ぁ …)
bool no_line_end(char32_t c);    // must not end a line (（「『【 …)

}  // namespace careermap
