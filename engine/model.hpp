// The improvement matrix as data: stages (how far an activity reaches), change levels
// (how deep it goes), and the scenes where they cross, with the walls between stages.
//
// Loaded from questionnaires/model.yaml; no label lives in code. Scene numbers run
// row by row from the shallowest level, each row in stage order:
// number = level_index * stage_count + stage_index + 1 (1..12 for 4 stages x 3 levels).
// A Model is an immutable value once loaded; safe to share between threads for reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/text.hpp"

namespace careermap {

struct Stage {
  std::string id;
  LocalText label, description;
};

struct Level {
  std::string id;
  LocalText label, description;
};

struct Scene {
  std::string id;  // "<level>.<stage>"
  int number = 0;  // 1-based
  int stage = 0;   // 0-based index into Model::stages
  int level = 0;   // 0-based index into Model::levels
  LocalText label, description;
  std::vector<LocalText> skills;
};

// The wall between stage `inner` and stage `inner + 1` (for the last stage: its outer edge).
struct Wall {
  int inner = 0;
  LocalText label;
};

struct Model {
  std::vector<Stage> stages;  // nearest first
  std::vector<Level> levels;  // shallowest first
  std::vector<Scene> scenes;  // in number order: scenes[number - 1]
  std::vector<Wall> walls;

  int scene_count() const { return static_cast<int>(scenes.size()); }
  int scene_index(int stage, int level) const {
    return level * static_cast<int>(stages.size()) + stage;
  }
  std::optional<int> find_scene(std::string_view id) const;  // index or nullopt
  std::optional<int> find_stage(std::string_view id) const;
  std::optional<int> find_level(std::string_view id) const;
  const Wall* wall_after(int inner_stage) const;  // nullptr when none is named

  // Parses model YAML; problems go to `diags`. Throws Error on malformed YAML.
  static Model parse(std::string_view text, const std::string& file, Diagnostics& diags);
  // Reads and parses `path`. Throws Error when the file cannot be read.
  static Model load(const std::string& path, Diagnostics& diags);
};

}  // namespace careermap
