// Calendar dates as careermap takes them from people: YYYY-MM-DD, a real day of the
// Gregorian calendar (leap years included), years 0001 to 9999, nothing else (no time,
// no spaces, no other separators, no words such as "today"). One parser and one message
// for every place that reads a date. Pure functions; thread-safe.
#pragma once

#include "engine/messages.hpp"

#include <optional>
#include <string_view>

namespace careermap {

struct Date {
  int year = 0;        // 1..9999
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..days in that month
};

// The date `text` names, or nullopt when it is not exactly YYYY-MM-DD of a real day.
std::optional<Date> parse_date(std::string_view text);

// What a date must look like, for messages: "a calendar date YYYY-MM-DD (e.g. 2026-07-01)".
inline constexpr std::string_view kDateForm = N_("a calendar date YYYY-MM-DD (e.g. 2026-07-01)");

}  // namespace careermap
