#include "engine/suppression.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/diagnostic.hpp"
#include "engine/disclosure_audit.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

class Suppressor {
 public:
  Suppressor(CellTable& t, int k) : t_(t), k_(k) {
    for (size_t g = 0; g < t.groups.size(); ++g)
      if (t.groups[g].release == 0) mine_.push_back(static_cast<int>(g));
    // The pool: this report's largest group; its parts, when they split it exactly.
    for (int g : mine_)
      if (pool_ < 0 || t.groups[g].atoms.size() > t.groups[pool_].atoms.size()) pool_ = g;
    std::multiset<int> covered;
    for (int g : mine_)
      if (g != pool_) covered.insert(t.groups[g].atoms.begin(), t.groups[g].atoms.end());
    const std::multiset<int> whole(t.groups[pool_].atoms.begin(), t.groups[pool_].atoms.end());
    if (covered == whole)
      for (int g : mine_)
        if (g != pool_) parts_.push_back(g);
    for (size_t c = 0; c < t.cells.size(); ++c) index_[{t.cells[c].measure, t.cells[c].group}] = static_cast<int>(c);
  }

  SuppressionCounts run() {
    primary();
    secondary();
    std::set<Figure> proven;
    for (;;) {
      AuditResult a = audit_cells(t_, k_, proven);
      proven.insert(a.safe.begin(), a.safe.end());
      ++counts_.rounds;
      counts_.checked += a.checked;
      counts_.solves += a.solves;
      const int hidden_before = counts_.audit;
      excuse(a.pinned);
      if (a.pinned.empty()) break;
      std::set<int> done;  // one more hidden figure per measure and round
      for (const auto& p : a.pinned)
        if (done.insert(p.measure).second)
          if (const int c = choose(p); c >= 0) hide(c, CellState::audit);
      if (counts_.audit == hidden_before) fail(a.pinned.front());
      secondary();
    }
    for (const auto& c : t_.cells)
      if (t_.groups[c.group].release == 0 && c.state == CellState::difference) ++counts_.difference;
    return counts_;
  }

 private:
  // What the releases alone already pin, this report cannot hide: each figure pinned is looked at
  // once more with all of this report hidden, and those still pinned are left out.
  void excuse(std::vector<Pinned>& pinned) {
    if (t_.groups.size() == mine_.size()) return;
    std::set<Figure> ask;
    for (const auto& p : pinned)
      if (!looked_.count({p.measure, p.cell, p.atom})) ask.insert({p.measure, p.cell, p.atom});
    if (!ask.empty()) {
      CellTable none = t_;
      for (auto& c : none.cells)
        if (none.groups[c.group].release == 0) c.state = CellState::secondary;
      const AuditResult a = audit_cells(none, k_, {}, &ask);
      counts_.solves += a.solves;
      looked_.insert(ask.begin(), ask.end());
      for (const auto& p : a.pinned) excused_.insert({p.measure, p.cell, p.atom});
    }
    std::erase_if(pinned, [&](const Pinned& p) { return excused_.count({p.measure, p.cell, p.atom}) > 0; });
  }

  int cell(int m, int g) const {
    const auto it = index_.find({m, g});
    return it == index_.end() ? -1 : it->second;
  }
  bool mine(int c) const { return t_.groups[t_.cells[c].group].release == 0; }
  void hide(int c, CellState why) {
    if (!t_.shown(c)) return;
    t_.cells[c].state = why;
    ++(why == CellState::small ? counts_.small : why == CellState::audit ? counts_.audit : counts_.secondary);
  }

  void primary() {
    for (size_t c = 0; c < t_.cells.size(); ++c) {
      const int i = static_cast<int>(c);
      if (!mine(i) || !t_.shown(i)) continue;
      const Measure& m = t_.measures[t_.cells[c].measure];
      const int pc = t_.people_cell(i);
      const double n = m.sum ? (pc >= 0 ? t_.true_value(pc) : 0) : t_.true_value(i);
      if (m.sum ? n < k_ : n >= 1 && n < k_) hide(i, CellState::small);
    }
  }

  // The best shown cell of `candidates` to hide next: parts before the pool, then the
  // figures about answers before group sizes, then the smallest non-zero value, then the smallest group.
  int best(const std::vector<int>& candidates) const {
    int pick = -1;
    auto key = [&](int c) {
      const double v = t_.true_value(c);
      return std::make_tuple(t_.cells[c].group == pool_, !t_.measures[t_.cells[c].measure].sensitive, v <= 0, v,
                             t_.people_in(t_.cells[c].group), c);
    };
    for (int c : candidates)
      if (c >= 0 && mine(c) && t_.shown(c) && (pick < 0 || key(c) < key(pick))) pick = c;
    return pick;
  }

  // A relation with exactly one hidden figure gives it back: hide a second one.
  void secondary() {
    for (bool changed = true; changed;) {
      changed = false;
      auto close = [&](const std::vector<int>& cells) {
        int hidden = 0;
        for (int c : cells) hidden += c < 0 ? 2 : !t_.shown(c);  // a missing figure is unknown
        if (hidden != 1) return;
        const int c = best(cells);
        if (c >= 0) {
          hide(c, CellState::secondary);
          changed = true;
        }
      };
      // A mean needs its people.
      for (size_t c = 0; c < t_.cells.size(); ++c) {
        const int pc = t_.people_cell(static_cast<int>(c));
        if (mine(static_cast<int>(c)) && pc >= 0 && !t_.shown(pc) && t_.shown(static_cast<int>(c))) {
          hide(static_cast<int>(c), CellState::secondary);
          changed = true;
        }
      }
      for (size_t m = 0; m < t_.measures.size(); ++m) {
        if (parts_.empty()) break;
        std::vector<int> row{cell(static_cast<int>(m), pool_)};
        for (int g : parts_) row.push_back(cell(static_cast<int>(m), g));
        if (row[0] >= 0) close(row);
      }
      for (const auto& r : t_.relations) {
        if (!r.equality) continue;
        for (int g : mine_) {
          std::vector<int> cells;
          for (const auto& [m, coef] : r.terms) cells.push_back(cell(m, g));  // -1: not published there
          close(cells);
        }
      }
    }
  }

  int choose(const Pinned& p) const {
    std::vector<int> same, table, any;
    for (size_t c = 0; c < t_.cells.size(); ++c) {
      const int i = static_cast<int>(c);
      if (!mine(i) || !t_.shown(i)) continue;
      const Measure& m = t_.measures[t_.cells[c].measure];
      if (t_.cells[c].measure == p.measure) same.push_back(i);
      if (m.table == t_.measures[p.measure].table) table.push_back(i);
      any.push_back(i);
    }
    for (const auto* list : {&same, &table, &any})
      if (const int c = best(*list); c >= 0) return c;
    return -1;
  }

  [[noreturn]] void fail(const Pinned& p) const {
    const Measure& m = t_.measures[p.measure];
    throw Error(Location{}, "",
                trf("suppression: a small group stays recognisable in {table} {row} with every "
                    "figure of this report hidden",
                    {{"table", std::string(m.table)}, {"row", std::string(m.row)}}));
  }

  CellTable& t_;
  int k_;
  std::vector<int> mine_, parts_;
  int pool_ = -1;
  std::map<std::pair<int, int>, int> index_;
  std::set<Figure> looked_, excused_;
  SuppressionCounts counts_;
};

}  // namespace

SuppressionCounts suppress(CellTable& t, int min_group) { return Suppressor(t, min_group).run(); }

}  // namespace careermap
