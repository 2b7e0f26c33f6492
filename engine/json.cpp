#include "engine/json.hpp"
#include "engine/numbers.hpp"

#include <cmath>
#include <cstdio>

namespace careermap::json {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string number(double v, int decimals) { return std::isfinite(v) ? num::trimmed(v, decimals) : "null"; }

std::string number(std::optional<double> v, int decimals) {
  return v ? number(*v, decimals) : "null";
}

}  // namespace careermap::json
