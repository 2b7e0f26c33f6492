// The participant's answer form as one self-contained, offline HTML page (`careermap form
// --html`): the page template, style and script of templates/form_html/ inlined, with the parsed
// questionnaire (engine/questionnaire_json.hpp) and the answer messages of
// engine/answer_messages.hpp embedded as JSON, under a Content-Security-Policy that allows the
// page's own inline style and script (by their SHA-256) and no connection of any kind.
//
// With a part (`--part P`), the page asks only that part's items and saves a file of that part.
//
// Throws Error when a file of the assets folder cannot be read, or when `part` names no part of
// the questionnaire. Pure otherwise; thread-safe.
#pragma once

#include <string>

#include "engine/questionnaire.hpp"
#include "engine/text.hpp"

namespace careermap {

struct FormPageOptions {
  Lang lang = Lang::ja;     // the language the page opens in (the participant can switch)
  std::string participant;  // when set, the id is filled in and cannot be changed (an id, checked by the caller)
  std::string name;         // display name filled in (editable)
  std::string cohort;       // written into the answers file (an id)
  std::string part;         // the one part the page asks, an id of q.parts ("" = the whole questionnaire)
};

// The page for `q` from the templates in `assets_dir` (form.html, form.css, form.js).
std::string form_html(const Questionnaire& q, const FormPageOptions& options, const std::string& assets_dir);

// The Content-Security-Policy of a page whose one inline style and one inline script are
// `style` and `script`: default-src 'none', so no fetch, image, font, frame or form target.
std::string form_csp(std::string_view style, std::string_view script);

}  // namespace careermap
