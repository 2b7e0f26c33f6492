#include "parts_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/answers.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

// A list of ids under `key` of `n`, each one `known` (else an error naming `what`); indices
// in the order written, each at most once.
std::vector<int> id_list(const YAML::Node& n, const char* key, const std::string& file, const std::string& where,
                         const std::map<std::string, int>& known, const char* what, Diagnostics& diags) {
  std::vector<int> out;
  const YAML::Node list = n[key];
  if (!list || !list.IsSequence() || list.size() == 0) {
    diags.error(yaml::at(list ? list : n, file), where,
                trf("{key} must be a non-empty list of {what} ids", {{"key", std::string(key)}, {"what", tr(what)}}));
    return out;
  }
  for (const auto& e : list) {
    const std::string id = e.IsScalar() ? e.Scalar() : "";
    auto it = known.find(id);
    if (it == known.end()) {
      diags.error(yaml::at(e, file), where,
                  valid_participant_id(id) ? trf("unknown {what} '{id}'", {{"what", tr(what)}, {"id", id}})
                                           : trf("expected a {what} id", {{"what", tr(what)}}));
      continue;
    }
    if (std::find(out.begin(), out.end(), it->second) != out.end()) {
      diags.error(yaml::at(e, file), where,
                  trf("names {what} '{id}' twice", {{"what", tr(what)}, {"id", std::string(id)}}));
      continue;
    }
    out.push_back(it->second);
  }
  return out;
}

std::string entry_id(const YAML::Node& e, const std::string& file, const std::string& where,
                     std::set<std::string>& seen, Diagnostics& diags) {
  if (!e["id"]) {
    diags.error(yaml::at(e, file), where, tr("needs an id"));
    return "";
  }
  const std::string id = e["id"].IsScalar() ? e["id"].Scalar() : "";
  if (!valid_participant_id(id)) {
    diags.error(yaml::at(e["id"], file), where, tr("the id may use only letters, digits, '_' and '-' (at most 64)"));
    return "";
  }
  if (!seen.insert(id).second) diags.error(yaml::at(e["id"], file), id, tr("duplicate id"));
  return id;
}

void implicit_parts(Questionnaire& q) {
  Part all;
  all.id = kImplicitPart;
  all.title = q.title;
  for (size_t s = 0; s < q.sections.size(); ++s) all.sections.push_back(static_cast<int>(s));
  q.parts = {all};
  for (auto& item : q.items) item.part = 0;
}

void implicit_meetings(Questionnaire& q) {
  std::vector<int> every;
  for (size_t p = 0; p < q.parts.size(); ++p) every.push_back(static_cast<int>(p));
  q.meetings = {{kPreMeeting, {"事前", "Before"}, 1, every}, {kPostMeeting, {"事後", "After"}, 2, every}};
}

bool read_parts(const YAML::Node& n, const std::string& file, Questionnaire& q, Diagnostics& diags) {
  const int errors = diags.error_count();
  if (!n.IsSequence() || n.size() == 0) {
    diags.error(yaml::at(n, file), "parts", tr("expected a non-empty list of parts"));
    return false;
  }
  std::map<std::string, int> sections;
  for (size_t s = 0; s < q.sections.size(); ++s) sections.emplace(q.sections[s].id, static_cast<int>(s));
  std::vector<int> owner(q.sections.size(), -1);
  std::set<std::string> seen;
  std::vector<Part> parts;
  for (const auto& e : n) {
    const std::string where = "parts[" + std::to_string(parts.size() + 1) + "]";
    if (!e.IsMap()) {
      diags.error(yaml::at(e, file), where, tr("expected a map with id, title and sections"));
      continue;
    }
    yaml::warn_unknown_keys(e, {"id", "title", "sections"}, file, where, diags);
    Part p;
    p.id = entry_id(e, file, where, seen, diags);
    const std::string name = p.id.empty() ? where : p.id;
    if (e["title"]) p.title = yaml::local_text(e["title"], file, name, diags);
    else p.title = {p.id, p.id};
    p.sections = id_list(e, "sections", file, name, sections, N_("section"), diags);
    for (int s : p.sections) {
      if (owner[s] >= 0)
        diags.error(yaml::at(e["sections"], file), name,
                    trf("section '{value}' is already in part '{value_a}'",
                        {{"value", std::string(q.sections[s].id)},
                         {"value_a", std::string(parts[owner[s]].id)}}));
      else
        owner[s] = static_cast<int>(parts.size());
    }
    std::sort(p.sections.begin(), p.sections.end());
    parts.push_back(std::move(p));
  }
  for (size_t s = 0; s < owner.size(); ++s)
    if (owner[s] < 0)
      diags.error(yaml::at(n, file), q.sections[s].id.empty() ? "sections[" + std::to_string(s + 1) + "]" : q.sections[s].id,
                  tr("this section is in no part (every section belongs to one part)"));
  if (diags.error_count() != errors) return false;
  q.parts = std::move(parts);
  for (auto& item : q.items) item.part = owner[item.section];
  return true;
}

bool read_meetings(const YAML::Node& n, const std::string& file, Questionnaire& q, Diagnostics& diags) {
  const int errors = diags.error_count();
  if (!n.IsSequence() || n.size() == 0) {
    diags.error(yaml::at(n, file), "meetings", tr("expected a non-empty list of meetings"));
    return false;
  }
  std::map<std::string, int> parts;
  for (size_t p = 0; p < q.parts.size(); ++p) parts.emplace(q.parts[p].id, static_cast<int>(p));
  std::set<std::string> seen;
  std::map<int, std::string> orders;
  std::vector<Meeting> meetings;
  for (const auto& e : n) {
    const std::string where = "meetings[" + std::to_string(meetings.size() + 1) + "]";
    if (!e.IsMap()) {
      diags.error(yaml::at(e, file), where, tr("expected a map with id, name, order and collects"));
      continue;
    }
    yaml::warn_unknown_keys(e, {"id", "name", "order", "collects"}, file, where, diags);
    Meeting m;
    m.id = entry_id(e, file, where, seen, diags);
    const std::string name = m.id.empty() ? where : m.id;
    if (e["name"]) m.name = yaml::local_text(e["name"], file, name, diags);
    else diags.error(yaml::at(e, file), name, tr("a meeting needs a name (ja and en)"));
    if (!e["order"]) {
      diags.error(yaml::at(e, file), name, tr("a meeting needs an order (its number in the programme: 1, 2, ...)"));
    } else if (auto o = yaml::number(e["order"], file, name, diags)) {
      if (*o != std::floor(*o) || *o < 1 || *o > 1000) {
        diags.error(yaml::at(e["order"], file), name, tr("order must be a whole number from 1 to 1000"));
      } else {
        m.order = static_cast<int>(*o);
        auto [it, fresh] = orders.emplace(m.order, m.id);
        if (!fresh)
          diags.error(
              yaml::at(e["order"], file), name,
              trf("meeting '{second}' has the same order", {{"second", std::string(it->second)}}));
      }
    }
    if (e["collects"]) {
      m.collects = id_list(e, "collects", file, name, parts, N_("part"), diags);
    } else {
      for (size_t p = 0; p < q.parts.size(); ++p) m.collects.push_back(static_cast<int>(p));
    }
    std::sort(m.collects.begin(), m.collects.end());
    meetings.push_back(std::move(m));
  }
  if (diags.error_count() != errors) return false;
  std::sort(meetings.begin(), meetings.end(), [](const Meeting& a, const Meeting& b) { return a.order < b.order; });
  q.meetings = std::move(meetings);
  return true;
}

}  // namespace

void read_parts_and_meetings(const YAML::Node& root, const std::string& file, Questionnaire& q,
                             Diagnostics& diags) {
  const bool map = root.IsMap();
  q.parts_declared = map && root["parts"];
  if (!q.parts_declared || !read_parts(root["parts"], file, q, diags)) implicit_parts(q);
  q.meetings_declared = map && root["meetings"];
  if (!q.meetings_declared || !read_meetings(root["meetings"], file, q, diags)) implicit_meetings(q);
  for (auto& p : q.parts) {
    p.scored = false;
    for (const auto& item : q.items)
      if (!item.key.empty() && &q.parts[item.part] == &p) p.scored = true;
  }
}

}  // namespace careermap
