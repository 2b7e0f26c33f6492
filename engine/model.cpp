#include "engine/model.hpp"

#include <set>

#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

template <typename T>
std::vector<T> read_axis(const YAML::Node& root, const char* key, const std::string& file,
                         Diagnostics& diags) {
  std::vector<T> out;
  const YAML::Node list = root[key];
  if (!list || !list.IsSequence() || list.size() == 0) {
    diags.error(yaml::at(list ? list : root, file), key, tr("needs a non-empty list"));
    return out;
  }
  std::set<std::string> seen;
  for (const auto& node : list) {
    T t;
    const std::string where = std::string(key) + "[" + std::to_string(out.size() + 1) + "]";
    if (!node.IsMap()) {
      diags.error(yaml::at(node, file), where, tr("expected a map with id and label"));
      continue;
    }
    yaml::warn_unknown_keys(node, {"id", "label", "description"}, file, where, diags);
    if (node["id"]) t.id = yaml::scalar(node["id"], file, where, diags).value_or("");
    if (t.id.empty() || t.id.find('.') != std::string::npos) {
      diags.error(yaml::at(node, file), where, tr("needs an id without '.'"));
      continue;
    }
    if (!seen.insert(t.id).second) {
      diags.error(yaml::at(node["id"], file), t.id, tr("duplicate id"));
      continue;
    }
    if (node["label"]) t.label = yaml::local_text(node["label"], file, t.id, diags);
    else diags.error(yaml::at(node, file), t.id, tr("needs a label"));
    if (node["description"]) t.description = yaml::local_text(node["description"], file, t.id, diags);
    out.push_back(std::move(t));
  }
  return out;
}

Model read_model(const YAML::Node& root, const std::string& file, Diagnostics& diags);

}  // namespace

std::optional<int> Model::find_scene(std::string_view id) const {
  for (const auto& s : scenes)
    if (s.id == id) return s.number - 1;
  return std::nullopt;
}

std::optional<int> Model::find_stage(std::string_view id) const {
  for (size_t i = 0; i < stages.size(); ++i)
    if (stages[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

std::optional<int> Model::find_level(std::string_view id) const {
  for (size_t i = 0; i < levels.size(); ++i)
    if (levels[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

const Wall* Model::wall_after(int inner_stage) const {
  for (const auto& w : walls)
    if (w.inner == inner_stage) return &w;
  return nullptr;
}

Model Model::parse(std::string_view text, const std::string& file, Diagnostics& diags) {
  return yaml::guarded(file, [&] { return read_model(yaml::parse(text, file), file, diags); });
}

Model Model::load(const std::string& path, Diagnostics& diags) { return parse(yaml::read_file(path), path, diags); }

namespace {

// `scenes:`: each scene's label, description and skills, by <level>.<stage> id.
void read_scenes(const YAML::Node& scenes, const std::string& file, Model& m, Diagnostics& diags) {
  if (!scenes.IsMap()) {
    diags.error(yaml::at(scenes, file), "scenes", tr("expected a map from scene id to its texts"));
    return;
  }
  for (const auto& kv : scenes) {
    const std::string id = kv.first.Scalar();
    auto idx = m.find_scene(id);
    if (!idx) {
      diags.error(yaml::at(kv.first, file), id, tr("unknown scene id (expected <level>.<stage>)"));
      continue;
    }
    Scene& sc = m.scenes[*idx];
    const YAML::Node& n = kv.second;
    if (!n.IsMap()) {
      diags.error(yaml::at(n, file), id, tr("expected a map with label, description and skills"));
      continue;
    }
    yaml::warn_unknown_keys(n, {"label", "description", "skills"}, file, id, diags);
    if (n["label"]) sc.label = yaml::local_text(n["label"], file, id, diags);
    if (n["description"]) sc.description = yaml::local_text(n["description"], file, id, diags);
    if (n["skills"] && !n["skills"].IsSequence())
      diags.error(yaml::at(n["skills"], file), id, tr("skills must be a list of texts"));
    else if (n["skills"])
      for (const auto& sk : n["skills"]) sc.skills.push_back(yaml::local_text(sk, file, id, diags));
  }
}

// `walls:`: each after a stage, with its label.
void read_walls(const YAML::Node& walls, const std::string& file, Model& m, Diagnostics& diags) {
  if (!walls.IsSequence()) {
    diags.error(yaml::at(walls, file), "walls", tr("expected a list of walls: [{after: <stage id>, label: ...}]"));
    return;
  }
  for (const auto& w : walls) {
    const std::string where = "walls";
    if (!w.IsMap()) {
      diags.error(yaml::at(w, file), where, tr("a wall is a map: {after: <stage id>, label: ...}"));
      continue;
    }
    const YAML::Node after = w["after"];
    auto stage = after && after.IsScalar() ? m.find_stage(after.Scalar()) : std::nullopt;
    if (!stage) {
      diags.error(yaml::at(after ? after : w, file), where, tr("a wall needs after: <stage id>"));
      continue;
    }
    yaml::warn_unknown_keys(w, {"after", "label"}, file, where, diags);
    Wall wall;
    wall.inner = *stage;
    if (w["label"]) wall.label = yaml::local_text(w["label"], file, where, diags);
    m.walls.push_back(std::move(wall));
  }
}

Model read_model(const YAML::Node& root, const std::string& file, Diagnostics& diags) {
  Model m;
  if (!root.IsMap()) {
    diags.error({file, 1, 1}, "", tr("a model file must be a map with stages, levels and scenes"));
    return m;
  }
  yaml::warn_unknown_keys(root, {"stages", "levels", "scenes", "walls"}, file, "", diags);
  m.stages = read_axis<Stage>(root, "stages", file, diags);
  m.levels = read_axis<Level>(root, "levels", file, diags);
  for (size_t l = 0; l < m.levels.size(); ++l)
    for (size_t s = 0; s < m.stages.size(); ++s) {
      Scene sc;
      sc.id = m.levels[l].id + "." + m.stages[s].id;
      sc.number = static_cast<int>(m.scenes.size()) + 1;
      sc.stage = static_cast<int>(s);
      sc.level = static_cast<int>(l);
      m.scenes.push_back(std::move(sc));
    }
  if (const YAML::Node scenes = root["scenes"]) read_scenes(scenes, file, m, diags);
  for (const auto& sc : m.scenes)
    if (sc.label.empty()) diags.error({file, 0, 0}, sc.id, tr("scene has no label"));
  if (const YAML::Node walls = root["walls"]) read_walls(walls, file, m, diags);
  return m;
}

}  // namespace

}  // namespace careermap
