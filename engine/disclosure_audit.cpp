#include "engine/disclosure_audit.hpp"

#include <glpk.h>

#include <cmath>
#include <string>

#include "engine/diagnostic.hpp"
#include "engine/json.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using Terms = std::vector<std::pair<int, double>>;  // column, coefficient

// What a reader knows, as one GLPK problem: a column per measure and atom.
class ReaderModel {
 public:
  ReaderModel(const CellTable& t, int mip_nodes) : t_(t), atoms_(t.atoms()), p_(glp_create_prob()), mip_nodes_(mip_nodes) {
    const int M = static_cast<int>(t.measures.size());
    if (M * atoms_ > 0) glp_add_cols(p_, M * atoms_);
    for (int m = 0; m < M; ++m)
      for (int a = 0; a < atoms_; ++a) {
        glp_set_col_bnds(p_, col(m, a), GLP_LO, 0, 0);
        if (!t.measures[m].sum) glp_set_col_kind(p_, col(m, a), GLP_IV);
      }
    for (const auto& r : t.relations)
      for (int a = 0; a < atoms_; ++a) {
        Terms row;
        for (const auto& [m, c] : r.terms) row.push_back({col(m, a), c});
        add_row(row, r.equality ? GLP_FX : GLP_UP, 0, 0);
      }
    for (int m = 0; m < M; ++m) {
      const Measure& s = t.measures[m];
      if (!s.sum) continue;
      for (int a = 0; a < atoms_; ++a) {
        add_row({{col(m, a), 1}, {col(s.people, a), -s.low}}, GLP_LO, 0, 0);
        add_row({{col(m, a), 1}, {col(s.people, a), -s.high}}, GLP_UP, 0, 0);
      }
    }
    for (size_t c = 0; c < t.cells.size(); ++c) {
      if (!t.shown(static_cast<int>(c))) continue;
      const Cell& cell = t.cells[c];
      const Measure& m = t.measures[cell.measure];
      const Terms row = over_group(cell.measure, cell.group);
      if (!m.sum) {
        const double v = t.true_value(static_cast<int>(c));
        add_row(row, GLP_FX, v, v);
        if (v == 0)  // none in the group: none in any of its atoms
          for (const auto& [j, coef] : row) glp_set_col_bnds(p_, j, GLP_FX, 0, 0);
        continue;
      }
      // A mean shown with d decimals, over people shown too: the sum lies within the rounding.
      const int pc = t.people_cell(static_cast<int>(c));
      const double n = pc >= 0 ? t.true_value(pc) : 0;
      const double mean = std::stod(json::number(t.published(static_cast<int>(c)), m.decimals));
      const double h = 0.5 * std::pow(10.0, -m.decimals) + 1e-9;
      add_row(row, GLP_DB, (mean - h) * n - 1e-7, (mean + h) * n + 1e-7);
    }
    glp_init_smcp(&smcp_);
    smcp_.msg_lev = GLP_MSG_OFF;
    glp_init_iocp(&iocp_);
    iocp_.msg_lev = GLP_MSG_OFF;
    // A budget of branch-and-bound nodes, not of time, so that the audit finds the same on any
    // machine under any load (the reports here need at most a dozen).
    iocp_.cb_func = &ReaderModel::on_node;
    iocp_.cb_info = this;
    // Branch on the most fractional column: GLPK's default (Driebeck-Tomlin) works out a
    // tableau row for every fractional column at every node, a third of a report's time after
    // a few releases; the optimum found is the same.
    iocp_.br_tech = GLP_BR_MFV;
  }
  ~ReaderModel() { glp_delete_prob(p_); }
  ReaderModel(const ReaderModel&) = delete;
  ReaderModel& operator=(const ReaderModel&) = delete;

  int col(int measure, int atom) const { return measure * atoms_ + atom + 1; }
  Terms over_group(int measure, int group) const {
    Terms row;
    for (int a : t_.groups[group].atoms) row.push_back({col(measure, a), 1});
    return row;
  }

  // The least or greatest value of Σ coefficient × column; integers where the columns are.
  // When the integer program needs more nodes than the budget, the linear one's bound, and
  // `exact` false (it is then never narrower than the integer one).
  double optimum(const Terms& objective, bool maximize, bool* exact = nullptr) {
    if (exact) *exact = true;
    for (int j : objective_cols_) glp_set_obj_coef(p_, j, 0);
    objective_cols_.clear();
    bool integral = false;
    for (const auto& [j, c] : objective) {
      glp_set_obj_coef(p_, j, glp_get_obj_coef(p_, j) + c);
      objective_cols_.push_back(j);
      integral = integral || glp_get_col_kind(p_, j) == GLP_IV;
    }
    glp_set_obj_dir(p_, maximize ? GLP_MAX : GLP_MIN);
    ++solves;
    if (glp_simplex(p_, &smcp_) != 0) {
      glp_adv_basis(p_, 0);
      if (glp_simplex(p_, &smcp_) != 0) throw Error(Location{}, "", tr("audit: the linear program failed"));
    }
    const int status = glp_get_status(p_);
    if (status == GLP_UNBND) return maximize ? kInf : -kInf;
    if (status != GLP_OPT) throw Error(Location{}, "", tr("audit: the published figures are inconsistent"));
    const double lp = glp_get_obj_val(p_);
    if (!integral || all_integral()) return lp;
    ++solves;
    nodes_ = 0;
    if (glp_intopt(p_, &iocp_) == 0 && glp_mip_status(p_) == GLP_OPT) return glp_mip_obj_val(p_);
    if (exact) *exact = false;
    return lp;
  }

  int solves = 0;

 private:
  static void on_node(glp_tree* tree, void* info) {
    auto* me = static_cast<ReaderModel*>(info);
    if (glp_ios_reason(tree) == GLP_ISELECT && ++me->nodes_ > me->mip_nodes_) glp_ios_terminate(tree);
  }
  void add_row(const Terms& terms, int type, double lo, double hi) {
    const int r = glp_add_rows(p_, 1);
    std::vector<int> idx{0};
    std::vector<double> val{0};
    for (const auto& [j, c] : terms) {
      if (c == 0) continue;
      idx.push_back(j);
      val.push_back(c);
    }
    glp_set_mat_row(p_, r, static_cast<int>(idx.size()) - 1, idx.data(), val.data());
    glp_set_row_bnds(p_, r, type, lo, hi);
  }
  bool all_integral() const {
    const int n = glp_get_num_cols(p_);
    for (int j = 1; j <= n; ++j)
      if (glp_get_col_kind(p_, j) == GLP_IV) {
        const double v = glp_get_col_prim(p_, j);
        if (std::abs(v - std::round(v)) > 1e-6) return false;
      }
    return true;
  }

  const CellTable& t_;
  int atoms_;
  glp_prob* p_;
  glp_smcp smcp_{};
  glp_iocp iocp_{};
  std::vector<int> objective_cols_;
  int mip_nodes_, nodes_ = 0;
};

constexpr double kEps = 1e-6;

// A count of people that the reader knows to be at least 1 and at most `most`. One whose
// integer program ran out of nodes counts as pinned: what the reader could work out with more
// is not known, so it is hidden as if they could.
bool count_pinned(ReaderModel& lp, const Terms& x, double most, Interval& iv) {
  bool exact = true;
  iv.low = lp.optimum(x, false, &exact);
  if (!exact) return true;
  if (iv.low < 1 - kEps) return false;
  iv.high = lp.optimum(x, true, &exact);
  return !exact || iv.high < most + 1 - kEps;
}

// A sum of `n` people known to within less than half of its natural range (pinned too when an
// integer program ran out of nodes).
bool sum_pinned(ReaderModel& lp, const Terms& x, const Measure& m, double n, Interval& iv) {
  bool low_exact = true, high_exact = true;
  iv.low = lp.optimum(x, false, &low_exact);
  iv.high = lp.optimum(x, true, &high_exact);
  return !low_exact || !high_exact || iv.high - iv.low < 0.5 * (m.high - m.low) * n - kEps;
}

}  // namespace

AuditResult audit_cells(const CellTable& t, int k, const std::set<Figure>& proven, const std::set<Figure>* only,
                        int mip_nodes) {
  AuditResult out;
  ReaderModel lp(t, mip_nodes);
  // Hidden cells, of this report and of the released ones, about a small number of people.
  for (size_t c = 0; c < t.cells.size(); ++c) {
    const Cell& cell = t.cells[c];
    const Measure& m = t.measures[cell.measure];
    if (t.shown(static_cast<int>(c)) || !m.sensitive) continue;
    const Figure f{cell.measure, static_cast<int>(c), -1};
    if (proven.count(f) || (only && !only->count(f))) continue;
    const Terms x = lp.over_group(cell.measure, cell.group);
    Interval iv;
    bool pinned = false;
    if (!m.sum) {
      const double v = t.true_value(static_cast<int>(c));
      if (v < 1 || v > k - 1) continue;
      ++out.checked;
      pinned = count_pinned(lp, x, k - 1, iv);
    } else {
      const int pc = t.find(m.people, cell.group);
      const double n = pc >= 0 ? t.true_value(pc) : 0;
      if (n < 1 || n > k - 1) continue;
      ++out.checked;
      pinned = sum_pinned(lp, x, m, n, iv);
    }
    if (pinned) out.pinned.push_back({cell.measure, static_cast<int>(c), -1, iv});
    else out.safe.push_back(f);
  }
  // Atoms of a few people: no column shows them, and no figure may be worked out for them.
  for (int a = 0; a < t.atoms(); ++a) {
    if (t.atom_people[a] < 1 || t.atom_people[a] > k - 1) continue;
    for (size_t mi = 0; mi < t.measures.size(); ++mi) {
      const Measure& m = t.measures[mi];
      const int me = static_cast<int>(mi);
      if (!m.sensitive || proven.count({me, -1, a}) || (only && !only->count({me, -1, a}))) continue;
      const double v = t.value[mi][a];
      Interval iv;
      bool pinned = false;
      if (!m.sum) {
        if (v < 1) continue;
        ++out.checked;
        pinned = count_pinned(lp, {{lp.col(me, a), 1}}, kInf, iv);
      } else {
        const double n = t.value[m.people][a];
        if (n < 1) continue;
        ++out.checked;
        pinned = sum_pinned(lp, {{lp.col(me, a), 1}}, m, n, iv);
      }
      if (pinned) out.pinned.push_back({me, -1, a, iv});
      else out.safe.push_back({me, -1, a});
    }
  }
  out.solves = lp.solves;
  return out;
}

std::vector<Interval> hidden_intervals(const CellTable& t) {
  ReaderModel lp(t, kAuditMipNodes);
  std::vector<Interval> out;
  for (size_t c = 0; c < t.cells.size(); ++c) {
    const Cell& cell = t.cells[c];
    if (t.shown(static_cast<int>(c)) || t.groups[cell.group].release != 0) {
      const double v = t.true_value(static_cast<int>(c));
      out.push_back({v, v});
      continue;
    }
    const Terms x = lp.over_group(cell.measure, cell.group);
    out.push_back({lp.optimum(x, false), lp.optimum(x, true)});
  }
  return out;
}

}  // namespace careermap
