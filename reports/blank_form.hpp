// The blank paper form of a questionnaire (`careermap form -o blank.pdf`): A4 portrait,
// boxes to tick, Likert grids under the scale's labels, ruled space for free text and the
// episode worksheet as a table. Content model first (BlankForm), then the drawing.
#pragma once

#include <string>
#include <vector>

#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"
#include "reports/display_list.hpp"
#include "reports/font.hpp"

namespace careermap {

struct FormQuestion {
  enum class Kind { choice, multi, likert, text, number, episodes } kind = Kind::text;
  std::string id, text;              // text includes the "(required)" mark when required
  std::vector<std::string> options;  // choice, multi: labels
  std::vector<std::string> scale;    // likert: a label per point (or the numbers)
  std::vector<std::string> columns;  // episodes: field labels
  std::vector<std::string> legend;   // episodes: "a: option" lines for choice fields
};

struct FormSection {
  std::string title;
  std::vector<FormQuestion> questions;
};

struct BlankForm {
  std::string title, instructions, participant, name, choose_one, choose_any, episodes_note, page_pattern, number;
  std::vector<FormSection> sections;
  int episode_rows = 6;
};

BlankForm build_blank_form(const Questionnaire& q, const Templates& t, Lang lang);
DisplayList layout_blank_form(const BlankForm& form, const FontSource& font);
// Writes the PDF atomically (mode 0600). Throws Error when it cannot.
void write_blank_form_pdf(const BlankForm& form, const FontSource& font, const std::string& path);

}  // namespace careermap
