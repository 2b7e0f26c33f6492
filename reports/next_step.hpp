// The content model of the next-step sheet (あなたの次の一歩探し, the study group's last
// meeting): what the participant and the navigator look at to find one next step, in the
// NPO's terms: where the participant wants to act next (their wishes) and the candidate
// scenes, the wall in front of each, who could help (仲間: the people and groups their
// episodes name), what may be said against it (できない理由) and when (タイミング).
//
// Facts come only from the questionnaire's own labels (option labels, scene and wall
// labels) and from words the report rules allow on the participant's own PDF: episode
// titles (as on the map) and the answers of `report: own_words` items marked with
// `next_step:` (FORMAT.md). Every prompt is a template of templates/careermap.yaml chosen
// by a rule, with the reason shown. Plain values; build_next_step is a pure function and
// throws Error when a template the sheet needs is missing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "engine/text.hpp"

namespace careermap {

// Why a prompt was chosen: the rule, and what in the answers it points at.
struct Basis {
  enum class Kind {
    always,       // asked of everyone in that part
    candidate,    // a next-step candidate: `scene`
    no_candidate, // there is no current scene, so no candidate
    no_neighbour, // the current scene (`scene`) is the widest and deepest: no neighbour
    no_wish,      // no wish is answered
    wish_apart,   // a wish that points at no candidate: `item`, `value`
    wall,         // the wall in front of a candidate (`scene`), or the first wall ahead: `wall`
    level,        // a candidate one level deeper: `level`, `scene`
    ally,         // an option chosen in episodes: `item`, `field`, `value`
    no_allies,    // no episode names anyone
    choice,       // an option chosen in an item marked next_step: `item`, `value`
    own_words,    // an answered own-words item marked next_step: `item`
    ongoing,      // an ongoing episode: `episode` (its number on the path)
  } kind = Kind::always;
  int scene = -1, wall = -1, level = -1, episode = 0;
  std::string item, field, value;
};

struct SheetPrompt {
  std::string text;
  std::string reason;  // for the navigator, shown under the prompt
  Basis basis;
};

struct Candidate {
  int scene = 0;                // model scene index
  std::string text;             // "「…」（越境：職場 → 役所全体）"
  std::optional<int> wall;      // model wall index crossed to get there
  bool wall_crossed_before = false;  // the frontier already lies beyond that wall
  std::vector<std::string> wishes;   // labels of the wishes pointing at it
};

// A line of what the answers say: a questionnaire label, or the participant's own words
// under the question they answer (`heading`).
struct SheetFact {
  std::string heading;  // the question, for own words; else empty
  std::string text;
  bool own_words = false;
};

struct SheetSection {
  std::string heading;
  std::vector<SheetFact> facts;
  std::vector<SheetPrompt> prompts;
};

struct NextStepSheet {
  std::string heading, intro, write_here, summary_heading;
  std::vector<std::string> summary_lines;  // "何を：", "誰と：", "いつ："
  std::vector<Candidate> candidates;       // best first (Placement::next_steps)
  // where, walls, allies, against, timing: in this order.
  std::vector<SheetSection> parts;
};

// The episode a path step was drawn from (the `written`-th of its item's answer), or
// nullptr when the answers do not hold it; the map and the sheet read episodes through it.
const Episode* episode_of(const Answers& answers, const PathStep& step);
// How warnings name one of that episode's fields: "eps[2].title".
std::string episode_field(const PathStep& step, const std::string& field);

// Throws Error when a template the sheet needs is missing. `own` turns the participant's
// words into drawable text (career_map.cpp's rule: characters outside the font become 〓).
NextStepSheet build_next_step(const Questionnaire& q, const Answers& answers, const Placement& placement,
                              const Templates& templates, Lang lang,
                              const std::function<std::string(const std::string& text, const std::string& field)>& own);

}  // namespace careermap
