#include "engine/cell_table.hpp"

#include <cmath>

namespace careermap {

int CellTable::add_measure(Measure m) {
  measures.push_back(std::move(m));
  value.emplace_back(atom_people.size(), 0.0);
  return static_cast<int>(measures.size()) - 1;
}

int CellTable::add_cell(int measure, int group) {
  cells.push_back({measure, group, CellState::shown});
  return static_cast<int>(cells.size()) - 1;
}

int CellTable::find(int measure, int group) const {
  for (size_t c = 0; c < cells.size(); ++c)
    if (cells[c].measure == measure && cells[c].group == group) return static_cast<int>(c);
  return -1;
}

double CellTable::true_value(int cell) const {
  double v = 0;
  for (int a : groups[cells[cell].group].atoms) v += value[cells[cell].measure][a];
  return v;
}

int CellTable::people_in(int group) const {
  int n = 0;
  for (int a : groups[group].atoms) n += atom_people[a];
  return n;
}

int CellTable::people_cell(int cell) const {
  const Measure& m = measures[cells[cell].measure];
  return m.sum ? find(m.people, cells[cell].group) : -1;
}

double CellTable::published(int cell) const {
  const int p = people_cell(cell);
  if (p < 0) return true_value(cell);
  const double n = true_value(p);
  return n > 0 ? true_value(cell) / n : 0;
}

void CellTable::relate(std::vector<std::pair<int, double>> terms, bool equality) {
  relations.push_back({std::move(terms), equality});
}

}  // namespace careermap
