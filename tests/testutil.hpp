// Shared test helpers: a tiny model and questionnaire (2 stages x 2 levels), parsing
// helpers that fail the test on unexpected diagnostics, and a temporary directory.
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/csv_read.hpp"
#include "engine/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"

// Lets BOOST_TEST print std::optional values.
namespace boost::test_tools::tt_detail {
template <typename T>
struct print_log_value<std::optional<T>> {
  void operator()(std::ostream& os, const std::optional<T>& v) {
    if (v) os << *v;
    else os << "none";
  }
};
}  // namespace boost::test_tools::tt_detail

namespace careermap::test {

// Scenes: 1 fix.near, 2 fix.far, 3 deep.near, 4 deep.far.
inline const char* kModel = R"(
stages:
  - {id: near, label: {ja: 近い, en: Near}}
  - {id: far, label: {ja: 遠い, en: Far}}
levels:
  - {id: fix, label: {ja: 直す, en: Fix}}
  - {id: deep, label: {ja: 深める, en: Deep}}
walls:
  - {after: near, label: {ja: 壁, en: Wall}}
scenes:
  fix.near: {label: {ja: 近くを直す, en: Fix near}}
  fix.far: {label: {ja: 遠くを直す, en: Fix far}}
  deep.near: {label: {ja: 近くを深める, en: Deepen near}}
  deep.far: {label: {ja: 遠くを深める, en: Deepen far}}
)";

// Items: a1, a2 (fix.near, a2 reversed), b1 (fix.far, weight 2) and b2 (fix.far and
// deep.far), c1 (deep.near), profile choice `size` (required), `wish` (stage wish),
// text `notes`, episodes `eps`. Scale 1..5.
inline const char* kQuestionnaire = R"(
questionnaire: tiny
version: "1"
title: {ja: 小さな質問票, en: Tiny questionnaire}
scales:
  s5: {min: 1, max: 5}
scoring:
  min_answered_share: 0.5
  episode_weight: 0.25
  episode_full_at: 2
  role_weights: {led: 1, helped: 0.5}
sections:
  - id: main
    title: Main
    items:
      - {id: size, type: choice, required: true, text: Size, options: [{value: small}, {value: large}]}
      - {id: a1, type: likert, scale: s5, key: {scene: fix.near}, text: A1}
      - {id: a2, type: likert, scale: s5, reverse: true, key: {scene: fix.near}, text: A2}
      - {id: b1, type: likert, scale: s5, key: {scene: fix.far, weight: 2}, text: B1}
      - {id: b2, type: likert, scale: s5, key: [{scene: fix.far}, {scene: deep.far}], text: B2}
      - {id: c1, type: likert, scale: s5, key: deep.near, text: C1}
      - {id: wish, type: multi, text: Wish, options: [{value: n, stage: near}, {value: f, stage: far}, {value: d, level: deep}]}
      - {id: notes, type: text, text: Notes}
      - {id: years, type: number, min: 0, max: 60, text: Years}
      - id: eps
        type: episodes
        text: Episodes
        fields:
          - {id: from, type: number, use: from_year, required: true}
          - {id: to, type: number, use: to_year}
          - {id: title, type: text, use: title, required: true}
          - {id: who, type: choice, use: stage, options: [{value: me, stage: near}, {value: town, stage: far}]}
          - {id: what, type: choice, use: level, options: [{value: fixed, level: fix}, {value: deeper, level: deep}]}
          - {id: role, type: choice, use: role, options: [{value: led}, {value: helped}]}
)";

inline Model tiny_model() {
  Diagnostics d;
  Model m = Model::parse(kModel, "model.yaml", d);
  BOOST_REQUIRE_MESSAGE(d.empty(), "tiny model has diagnostics");
  return m;
}

inline Questionnaire tiny_questionnaire() {
  Diagnostics d;
  Questionnaire q = Questionnaire::parse(kQuestionnaire, "tiny.yaml", tiny_model(), d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(d.empty());
  return q;
}

// Parses a questionnaire body against the tiny model; returns the diagnostics as text.
inline std::vector<std::string> questionnaire_messages(const std::string& text) {
  Diagnostics d;
  Questionnaire::parse(text, "q.yaml", tiny_model(), d);
  std::vector<std::string> out;
  for (const auto& x : d.list()) out.push_back(x.format());
  return out;
}

// Answers for the tiny questionnaire, from the `answers:` body (indented two spaces).
inline Answers tiny_answers(const std::string& id, const std::string& body, Diagnostics& d) {
  static const Questionnaire q = tiny_questionnaire();
  return parse_answers(q, "questionnaire: tiny\nparticipant: " + id + "\nanswers:\n" + body,
                       id + ".yaml", d);
}

inline std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.list()) out.push_back(x.format());
  return out;
}

// What a record reader (CsvReader, XlsxReader: next(CsvRecord&, Diagnostics&)) gives: its
// messages, then every row read, ok or not, as "LINE:cell|cell" or "LINE:bad".
template <typename Reader>
std::vector<std::string> read_rows(Reader& r) {
  Diagnostics d;
  std::vector<std::string> rows;
  for (CsvRecord rec; r.next(rec, d);) {
    std::string s = std::to_string(rec.line) + ":";
    if (!rec.ok) s += "bad";
    for (size_t k = 0; k < rec.cells.size(); ++k) s += (k ? "|" : "") + rec.cells[k];
    rows.push_back(s);
  }
  std::vector<std::string> out = messages(d);
  out.insert(out.end(), rows.begin(), rows.end());
  return out;
}

// The questionnaire at `path` in the source tree ("questionnaires/presession-v1.yaml",
// "tests/data/tiny/course.yaml"); fails the test when it has errors.
inline Questionnaire source_questionnaire(const std::string& path) {
  Diagnostics d;
  Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/" + path, d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

// The shipped templates/NAME ("careermap.yaml", "form.yaml") of the source tree; fails the
// test when they have diagnostics.
inline Templates shipped_templates(const std::string& name) {
  Diagnostics d;
  Templates t = Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/" + name, d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(d.empty());
  return t;
}

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("careermap-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace careermap::test
