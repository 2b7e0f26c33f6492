// The NPO's cohort report as a PDF (A4 landscape): where people stand per cohort, mean
// profiles, the troubles checklist, movement from the first to the last meeting, trends
// across years and the questions' reliability. It draws a CohortSummary, whose every
// figure has already been through suppression; hidden figures show as "＊".
#pragma once

#include <string>

#include "engine/cohort.hpp"
#include "engine/templates.hpp"
#include "reports/display_list.hpp"
#include "reports/font.hpp"

namespace careermap {

DisplayList layout_cohort_report(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                                 const std::string& date, const FontSource& font);
// Writes the PDF atomically (mode 0600). Throws Error when it cannot.
void write_cohort_report_pdf(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                             const std::string& date, const FontSource& font, const std::string& path);

}  // namespace careermap
