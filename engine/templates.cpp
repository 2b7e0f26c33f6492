#include "engine/templates.hpp"

#include "yaml_read.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

void flatten(const YAML::Node& n, const std::string& prefix, const std::string& file,
             std::map<std::string, LocalText>& out, Diagnostics& diags) {
  const bool leaf = n.IsScalar() || (n.IsMap() && (n["ja"] || n["en"]));
  if (leaf) {
    out[prefix] = yaml::local_text(n, file, prefix, diags);
    return;
  }
  if (n.IsSequence()) {
    int k = 0;
    for (const auto& e : n) flatten(e, prefix + "." + std::to_string(++k), file, out, diags);
    return;
  }
  if (!n.IsMap()) {
    diags.error(yaml::at(n, file), prefix, tr("expected {ja, en} or a map of templates"));
    return;
  }
  for (const auto& kv : n)
    flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(), file,
            out, diags);
}

}  // namespace

const LocalText& Templates::get(const std::string& key) const {
  auto it = texts_.find(key);
  if (it == texts_.end()) throw Error(Location{file_, 0, 0}, key, tr("template is missing"));
  return it->second;
}

std::vector<LocalText> Templates::list(const std::string& key) const {
  std::vector<LocalText> out;
  for (int k = 1;; ++k) {
    auto it = texts_.find(key + "." + std::to_string(k));
    if (it == texts_.end()) break;
    out.push_back(it->second);
  }
  if (out.empty())
    if (auto it = texts_.find(key); it != texts_.end()) out.push_back(it->second);
  return out;
}

const LocalText* Templates::find(const std::string& key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? nullptr : &it->second;
}

Templates Templates::parse(std::string_view text, const std::string& file, Diagnostics& diags) {
  Templates t;
  t.file_ = file;
  yaml::guarded(file, [&] {
    const YAML::Node root = yaml::parse(text, file);
    if (!root.IsMap()) diags.error({file, 1, 1}, "", tr("a template file must be a map"));
    else flatten(root, "", file, t.texts_, diags);
  });
  return t;
}

Templates Templates::load(const std::string& path, Diagnostics& diags) {
  return parse(yaml::read_file(path), path, diags);
}

std::string fill(std::string_view pattern,
                 const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool done = false;
        for (const auto& [k, v] : values)
          if (k == name) {
            out += v;
            done = true;
            break;
          }
        if (done) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace careermap
