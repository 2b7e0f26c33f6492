// The parts of a questionnaire and the meetings of the programme that collect them
// (questionnaires/FORMAT.md "Parts and meetings").
//
// A part is a group of sections that a participant sends in on its own (for presession-v1:
// the questionnaire, and the career-map worksheet due later). A meeting is one of the
// programme's dates (id, name ja/en, order) and the parts it collects. Both are read with
// the questionnaire (questionnaire.cpp); a bad reference is a located error there. A
// questionnaire that declares no parts has one implicit part holding every section; one
// that declares no meetings has the two meetings `pre` and `post`, each collecting every
// part, so that older questionnaires and answers files keep their meaning.
#pragma once

#include <string>
#include <vector>

#include "engine/text.hpp"

namespace careermap {

struct Part {
  std::string id;
  LocalText title;
  std::vector<int> sections;  // indices into Questionnaire::sections, in questionnaire order
  bool scored = false;        // holds an item with a scoring key (a likert item counted to a scene)
};

struct Meeting {
  std::string id;
  LocalText name;
  int order = 0;              // the programme's number of the meeting (1 for 第1回); unique
  std::vector<int> collects;  // indices into Questionnaire::parts
};

// The id and names of the implicit part and meetings (FORMAT.md).
inline constexpr const char* kImplicitPart = "all";
inline constexpr const char* kPreMeeting = "pre";
inline constexpr const char* kPostMeeting = "post";

}  // namespace careermap
