#include "engine/comparison.hpp"

#include <algorithm>
#include <map>

#include "engine/keyed.hpp"
#include "engine/records.hpp"
#include "engine/scoring.hpp"

namespace careermap {
namespace {

Standing standing(const Questionnaire& q, const Placement& p) {
  Standing s;
  for (const auto& sc : p.scenes) {
    s.scores.push_back(sc.score);
    // Without episodes a scene's score is 100 x its item part, exactly (rule 4), so
    // "item part at or above the threshold" (rule 10) is the score reaching it.
    if (sc.exact && score_reaches_threshold(q.scoring, *sc.exact)) s.reach.push_back(sc.scene);
  }
  s.current = p.current;
  s.frontier_stage = p.frontier_stage;
  s.frontier_level = p.frontier_level;
  s.walls_ahead = p.walls_ahead;
  return s;
}

// The position of a meeting in the programme (records.hpp; -1 for no meeting said).
int rank(const Questionnaire& q, const Answers& a) { return meeting_rank(q, a.meeting); }

// The members of `a` that are not in `b` (both sorted).
std::vector<int> minus(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

Answers questionnaire_part(const Questionnaire& q, const Answers& answers) {
  // The parts that hold scored items (the questionnaire, not a worksheet of episodes only),
  // and of them, every item but the episodes.
  Answers out = answers_of_parts(q, answers, q.scored_parts());
  for (const auto& item : q.items)
    if (item.type == ItemType::episodes) out.values.erase(item.id);
  return out;
}

Comparison compare_meetings(const Questionnaire& q, const Answers& earlier, const Answers& later) {
  const std::vector<Answers> both{questionnaire_part(q, earlier), questionnaire_part(q, later)};
  const std::vector<Placement> p = score(q, both, /*explain=*/false);
  Comparison c;
  c.then = standing(q, p[0]);
  c.now = standing(q, p[1]);
  for (size_t s = 0; s < c.then.scores.size(); ++s) {
    SceneChange ch;
    ch.scene = static_cast<int>(s);
    ch.then = c.then.scores[s];
    ch.now = c.now.scores[s];
    if (ch.then && ch.now) ch.change = *ch.now - *ch.then;
    ch.reached_then = std::binary_search(c.then.reach.begin(), c.then.reach.end(), ch.scene);
    ch.reached_now = std::binary_search(c.now.reach.begin(), c.now.reach.end(), ch.scene);
    c.scenes.push_back(ch);
  }
  c.walls_crossed = minus(c.then.walls_ahead, c.now.walls_ahead);
  c.walls_ahead_again = minus(c.now.walls_ahead, c.then.walls_ahead);
  c.reach_gained = minus(c.now.reach, c.then.reach);
  c.reach_left = minus(c.then.reach, c.now.reach);
  return c;
}

bool collects_scored_part(const Questionnaire& q, const std::string& meeting_id) {
  const Meeting* m = q.find_meeting(meeting_id);
  if (!m) return true;  // no meeting said: the whole questionnaire
  const auto scored = q.scored_parts();
  return std::any_of(m->collects.begin(), m->collects.end(), [&](int part) {
    return std::find(scored.begin(), scored.end(), q.parts[static_cast<size_t>(part)].id) != scored.end();
  });
}

std::vector<int> earlier_meetings(const Questionnaire& q, std::span<const Answers> batch) {
  std::map<std::string, std::vector<int>> by_person;
  for (size_t i = 0; i < batch.size(); ++i)
    if (collects_scored_part(q, batch[i].meeting)) by_person[batch[i].participant].push_back(static_cast<int>(i));
  std::vector<int> out(batch.size(), -1);
  for (const auto& [id, list] : by_person)
    for (int i : list)
      for (int j : list) {
        const int rj = rank(q, batch[j]);
        if (rj < rank(q, batch[i]) && (out[i] < 0 || rj > rank(q, batch[out[i]]))) out[i] = j;
      }
  return out;
}

}  // namespace careermap
