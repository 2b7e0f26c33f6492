#include "reports/palette.hpp"

#include <algorithm>
#include <array>

namespace careermap::palette {
namespace {

// ColorBrewer Blues, 7 classes (light to dark).
constexpr std::array<Color, 7> kBlues{{{0.937, 0.953, 1.000},
                                       {0.776, 0.859, 0.937},
                                       {0.620, 0.792, 0.882},
                                       {0.420, 0.682, 0.839},
                                       {0.259, 0.573, 0.776},
                                       {0.129, 0.443, 0.710},
                                       {0.031, 0.271, 0.580}}};

}  // namespace

Color score_color(double score) {
  const double t = std::clamp(score, 0.0, 100.0) / 100.0 * (kBlues.size() - 1);
  const size_t i = std::min(static_cast<size_t>(t), kBlues.size() - 2);
  const double f = t - static_cast<double>(i);
  const Color a = kBlues[i], b = kBlues[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

bool needs_light_text(double score) { return score >= 58; }

}  // namespace careermap::palette
