// The cell table: every figure a cohort report publishes, with every linear relation among
// them, so that suppression and its audit (disclosure_audit.hpp) reason about all of them
// at once and the PDF and the CSV publish the same facts from one place.
//
// People are split into atoms: the smallest sets that every group (a cohort, a pooled range
// of years, the pool of all, or a group of an earlier report in the release log) is a union
// of. A measure is one quantity counted per atom (the people standing in a scene, the sum of
// their scores in a scene, ...). A cell is a measure over a group: the sum of its atoms'
// values. Relations hold in every atom (a person stands in at most one scene; a sum lies
// between the lowest and the highest score times its people; ...), so they also hold in every
// group. A sum is published as a mean (sum / people), rounded, with its people shown too.
// Plain data; no failure modes.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace careermap {

struct Measure {
  std::string table, row;  // what the report calls it ("current", "fix.near"); the CSV's first columns
  bool sum = false;        // a sum of scores (published as a mean); otherwise a count of people
  int people = -1;         // for a sum: the measure counting its people
  double low = 0, high = 0;  // for a sum: one person's lowest and highest value
  int decimals = 0;        // how many decimals the mean is published with (its finest form)
  bool sensitive = true;   // whether the audit protects it (group sizes are not about answers)
};

// Σ coefficient × measure (= or ≤) 0, in every atom.
struct Relation {
  std::vector<std::pair<int, double>> terms;
  bool equality = true;
};

struct Group {
  std::string label;       // cohort id, "2024-2026", "all"; for an earlier report, its own label
  std::vector<int> atoms;
  int release = 0;         // 0: the report being made; otherwise the release it was published in
};

enum class CellState {
  shown,
  small,       // about fewer than min-group people
  secondary,   // hidden so that a small one cannot be got back by subtraction
  audit,       // hidden because the audit found a small figure pinned
  difference,  // the group differs from a released one by a few people
};

struct Cell {
  int measure = 0, group = 0;
  CellState state = CellState::shown;
};

struct CellTable {
  std::vector<Measure> measures;
  std::vector<Relation> relations;
  std::vector<Group> groups;
  std::vector<std::vector<double>> value;  // [measure][atom], the true values
  std::vector<int> atom_people;            // people per atom
  std::vector<Cell> cells;                 // published or suppressed figures, this report's and released ones

  int atoms() const { return static_cast<int>(atom_people.size()); }
  int add_measure(Measure m);              // its values start at 0 in every atom
  int add_cell(int measure, int group);
  // Index of the cell of `measure` over `group`; -1 when there is none.
  int find(int measure, int group) const;
  double true_value(int cell) const;       // the sum over the group's atoms
  int people_in(int group) const;
  bool shown(int cell) const { return cells[cell].state == CellState::shown; }
  // For a sum cell: the cell of its people in the same group (-1 when there is none).
  int people_cell(int cell) const;
  // The figure as published: a count, or a sum's mean over its people.
  double published(int cell) const;
  // A count measure `whole` equal to the sum of `parts` (with coefficients), or at most it.
  void relate(std::vector<std::pair<int, double>> terms, bool equality);
};

}  // namespace careermap
