// One table per enum of the data contract: each value with the one name FORMAT.md gives it,
// read both ways (value -> name for JSON and messages, name -> value for the loaders), so a
// new value is added in one place. Header-only; constexpr; no failure beyond "no such name".
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace careermap {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

// The name of `value` in `table`, or "" when the table has none (a value with no name).
template <class E, std::size_t N>
constexpr std::string_view name_in(const EnumName<E> (&table)[N], E value) {
  for (const auto& e : table)
    if (e.value == value) return e.name;
  return {};
}

// The value named `name` in `table`, or none.
template <class E, std::size_t N>
constexpr std::optional<E> value_in(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& e : table)
    if (e.name == name) return e.value;
  return std::nullopt;
}

}  // namespace careermap
