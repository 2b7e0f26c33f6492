// Colours of careermap's reports. The score scale is a colour-blind-safe sequential
// blue (ColorBrewer "Blues"); marks use orange and purple, a pair that stays distinct
// for the common colour-vision deficiencies.
#pragma once

#include "reports/pdf_canvas.hpp"

namespace careermap::palette {

inline constexpr Color kInk{0.13, 0.13, 0.16};
inline constexpr Color kMuted{0.38, 0.38, 0.42};
inline constexpr Color kRule{0.75, 0.75, 0.78};
inline constexpr Color kWhite{1, 1, 1};
inline constexpr Color kNoScore{0.90, 0.90, 0.90};
inline constexpr Color kCurrent{0.90, 0.38, 0.0};   // #E66100
inline constexpr Color kNext{0.36, 0.23, 0.61};     // #5D3A9B
inline constexpr Color kPath{0.15, 0.15, 0.15};
inline constexpr Color kWall{0.55, 0.27, 0.07};
inline constexpr Color kFrontier{0.10, 0.10, 0.10};

// The fill for a score 0..100 on the sequential scale.
Color score_color(double score);
// True when text on score_color(score) must be white to stay readable.
bool needs_light_text(double score);

}  // namespace careermap::palette
