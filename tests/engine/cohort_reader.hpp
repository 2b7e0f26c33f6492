// A careful reader of cohort reports, written independently of the engine's audit: it reads
// the published CSV, then subtracts along every relation the figures obey (a pool and its
// cohorts, a group's categories and its size, the movement kinds and the flows) until nothing
// more follows, and names every figure about a small group it could work out. With two
// reports and the people each group counted, it also subtracts one report's group from the
// other's. Used by the attack tests and the random archives.
#pragma once

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/cohort.hpp"
#include "engine/questionnaire.hpp"

namespace careermap::test {

using Key = std::tuple<std::string, std::string, std::string>;  // table, category, group

struct ReadReport {
  std::map<Key, double> known;    // published and worked out: counts, and sums (mean x people)
  std::set<Key> suppressed;       // published as "suppressed"
  std::vector<std::string> columns;  // the cohort groups (not "all")
  std::vector<std::string> leaks;    // what a small group gave away
};

inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> f(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) f.emplace_back();
    else f.back() += c;
  }
  return f;
}

// `exclusive`: the checklists whose options exclude each other (choice items).
inline ReadReport read_report(const Questionnaire& q, const std::string& csv, int k) {
  ReadReport r;
  std::istringstream in(csv.substr(3));
  std::string line;
  std::getline(in, line);
  std::map<Key, double> mean;
  std::set<std::string> groups;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = csv_fields(line);
    if (f.size() != 4 || f[0] == "alpha" || f[0] == "alpha_people") continue;
    const Key key{f[0], f[1], f[2]};
    groups.insert(f[2]);
    if (f[3] == "suppressed") r.suppressed.insert(key);
    else if (f[0] == "profile" || f[0] == "centroid_stage" || f[0] == "centroid_level") mean[key] = std::stod(f[3]);
    else r.known[key] = std::stod(f[3]);
  }
  for (const auto& g : groups)
    if (g != "all") r.columns.push_back(g);
  auto people_of = [](const std::string& table) {
    return table == "profile" ? std::string("profile_people") : std::string("centroid_people");
  };
  for (const auto& [key, m] : mean) {  // a mean shown with its people gives the sum (to within rounding)
    const auto& [table, row, group] = key;
    const auto n = r.known.find({people_of(table), table == "profile" ? row : "", group});
    if (n != r.known.end()) r.known[key] = m * n->second;
  }
  // The relations, each a list of (key, coefficient) summing to zero.
  std::vector<std::vector<std::pair<Key, double>>> eqs;
  std::set<std::pair<std::string, std::string>> measures;
  for (const auto& key : r.suppressed) measures.insert({std::get<0>(key), std::get<1>(key)});
  for (const auto& [key, v] : r.known) measures.insert({std::get<0>(key), std::get<1>(key)});
  std::vector<std::string> all_groups = r.columns;
  all_groups.push_back("all");
  all_groups.push_back("rest");  // the cohorts too small for a column: all minus the columns
  for (const auto& [table, row] : measures) {
    if (table == "flow") continue;
    std::vector<std::pair<Key, double>> e{{{table, row, "all"}, -1}, {{table, row, "rest"}, 1}};
    for (const auto& g : r.columns) e.push_back({{table, row, g}, 1});
    eqs.push_back(e);
  }
  for (const auto& g : all_groups) {
    std::vector<std::pair<Key, double>> cur{{{"people", "", g}, -1}}, mov{{{"movement", "(people)", g}, -1}};
    for (const auto& sc : q.model.scenes) cur.push_back({{"current", sc.id, g}, 1});
    cur.push_back({{"current", "(none)", g}, 1});
    for (const char* kind : {"wider", "deeper", "wider_and_deeper", "same", "back"}) mov.push_back({{"movement", kind, g}, 1});
    eqs.push_back(cur);
    eqs.push_back(mov);
    for (const auto& item : q.items) {
      if (item.report != ReportUse::checklist || item.type != ItemType::choice) continue;
      std::vector<std::pair<Key, double>> e{{{"people", "", g}, -1}, {{"checklist:" + item.id, "(none)", g}, 1}};
      for (const auto& o : item.options) e.push_back({{"checklist:" + item.id, o.value, g}, 1});
      eqs.push_back(e);
    }
  }
  // Flows of the pool, by kind of move.
  std::map<std::string, std::vector<std::pair<Key, double>>> kinds;
  for (const auto& a : q.model.scenes)
    for (const auto& b : q.model.scenes) {
      const char* kind = b.stage > a.stage && b.level > a.level    ? "wider_and_deeper"
                         : b.stage > a.stage && b.level >= a.level ? "wider"
                         : b.level > a.level && b.stage >= a.stage ? "deeper"
                         : a.id == b.id                             ? "same"
                                                                    : "back";
      kinds[kind].push_back({{"flow", a.id + ">" + b.id, "all"}, 1});
    }
  for (auto& [kind, e] : kinds) {
    e.push_back({{"movement", kind, "all"}, -1});
    eqs.push_back(e);
  }
  for (bool more = true; more;) {
    more = false;
    for (const auto& e : eqs) {
      int unknown = 0;
      Key which;
      double rest = 0, coef = 0;
      for (const auto& [key, c] : e) {
        const auto it = r.known.find(key);
        if (it == r.known.end()) {
          ++unknown;
          which = key;
          coef = c;
        } else {
          rest += c * it->second;
        }
      }
      if (unknown != 1) continue;
      r.known[which] = -rest / coef;
      more = true;
    }
  }
  // What a small group gave away.
  const auto rest_people = r.known.find({"people", "", "rest"});
  for (const auto& [key, v] : r.known) {
    const auto& [table, row, group] = key;
    const bool sum = table == "profile" || table == "centroid_stage" || table == "centroid_level";
    if (table == "people") continue;
    if (group == "rest" && rest_people != r.known.end() && rest_people->second >= 1 && rest_people->second < k) {
      if ((sum && std::abs(v) > 1e-6) || (!sum && v > 0.5))
        r.leaks.push_back(table + "/" + row + " of the small cohorts: " + std::to_string(v));
      continue;
    }
    if (!r.suppressed.count(key)) continue;
    if (!sum && v > 0.5 && v < k - 0.5) r.leaks.push_back(table + "/" + row + "/" + group + " = " + std::to_string(v));
    if (sum) {
      const auto n = r.known.find({table == "profile" ? "profile_people" : "centroid_people", table == "profile" ? row : "", group});
      if (n != r.known.end() && n->second >= 1 && n->second < k)
        r.leaks.push_back(table + "/" + row + "/" + group + " sum = " + std::to_string(v));
    }
  }
  return r;
}

// Two reports: a group of one whose people differ from a group of the other by 1 .. k - 1
// (one holding the other) gives away the difference wherever both figures are known.
inline std::vector<std::string> compare_reports(const ReadReport& a, const std::vector<std::set<std::string>>& a_people,
                                                const ReadReport& b, const std::vector<std::set<std::string>>& b_people,
                                                int k) {
  std::vector<std::string> leaks;
  auto groups = [](const ReadReport& r) {
    auto g = r.columns;
    g.push_back("all");
    return g;
  };
  const auto ga = groups(a), gb = groups(b);
  for (size_t i = 0; i < ga.size(); ++i)
    for (size_t j = 0; j < gb.size(); ++j) {
      const auto& x = a_people[i];
      const auto& y = b_people[j];
      std::vector<std::string> only_x, only_y;
      std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(only_x));
      std::set_difference(y.begin(), y.end(), x.begin(), x.end(), std::back_inserter(only_y));
      const size_t d = only_x.size() + only_y.size();
      if (d < 1 || d >= static_cast<size_t>(k) || (!only_x.empty() && !only_y.empty())) continue;
      for (const auto& [key, v] : a.known) {
        const auto& [table, row, group] = key;
        if (group != ga[i] || table == "people" || table.find("_people") != std::string::npos) continue;
        const auto w = b.known.find({table, row, gb[j]});
        if (w == b.known.end()) continue;
        const bool sum = table == "profile" || table == "centroid_stage" || table == "centroid_level";
        if (std::abs(v - w->second) > (sum ? 0.05 * static_cast<double>(x.size() + y.size()) : 0.5) || sum)
          leaks.push_back(table + "/" + row + ": " + ga[i] + " vs " + gb[j]);
      }
    }
  return leaks;
}

}  // namespace careermap::test
