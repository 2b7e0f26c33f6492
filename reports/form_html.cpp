#include "reports/form_html.hpp"

#include <filesystem>
#include <map>

#include "engine/answer_messages.hpp"
#include "engine/files.hpp"
#include "engine/json.hpp"
#include "engine/questionnaire_json.hpp"
#include "engine/sha256.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

std::string base64_of_hex(std::string_view hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0) |
                       (i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

std::string hash_source(std::string_view text) { return "'sha256-" + base64_of_hex(sha256_hex(text)) + "'"; }

std::string html_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// JSON that may stand inside <script>: every '<' (only ever inside a string) as \u003c, so no
// text of the questionnaire can close the element.
std::string script_safe(std::string_view json) {
  std::string out;
  for (char c : json) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

// `page` with each {{NAME}} of `values` replaced, in one pass (a value is never searched again).
std::string fill(std::string_view page, const std::map<std::string, std::string>& values, const std::string& file) {
  std::string out;
  size_t i = 0;
  while (i < page.size()) {
    const size_t open = page.find("{{", i);
    if (open == std::string_view::npos) break;
    const size_t close = page.find("}}", open);
    if (close == std::string_view::npos) break;
    out.append(page.substr(i, open - i));
    const std::string name(page.substr(open + 2, close - open - 2));
    auto it = values.find(name);
    if (it == values.end())
      throw Error({file, 0, 0}, "",
                  trf("the page template names {{{name}}}, which careermap does not fill",
                      {{"name", std::string(name)}}));
    out += it->second;
    i = close + 2;
  }
  out.append(page.substr(i));
  return out;
}

}  // namespace

std::string form_csp(std::string_view style, std::string_view script) {
  return "default-src 'none'; script-src " + hash_source(script) + "; style-src " + hash_source(style) +
         "; img-src 'none'; connect-src 'none'; font-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";
}

std::string form_html(const Questionnaire& q, const FormPageOptions& options, const std::string& assets_dir) {
  namespace fs = std::filesystem;
  const auto asset = [&](const char* name) { return (fs::path(assets_dir) / name).string(); };
  const std::string page = read_file(asset("form.html"), 1'000'000, tr("the form page template"));
  const std::string style = read_file(asset("form.css"), 1'000'000, tr("the form page style"));
  const std::string script = read_file(asset("form.js"), 1'000'000, tr("the form page script"));
  const std::optional<int> part = options.part.empty() ? std::nullopt : q.find_part(options.part);
  if (!options.part.empty() && !part)
    throw Error({q.file, 0, 0}, "",
                trf("the questionnaire has no part '{part}'", {{"part", options.part}}));
  const std::string lang = options.lang == Lang::ja ? "ja" : "en";
  const auto fixed = [](const std::string& v) { return v.empty() ? std::string("null") : json::quote(v); };
  const std::string data = "{\"lang\":" + json::quote(lang) + ",\"part\":" + json::quote(options.part) +
                           ",\"fixed\":{\"participant\":" + fixed(options.participant) + ",\"name\":" + fixed(options.name) +
                           ",\"cohort\":" + fixed(options.cohort) + "},\"messages\":" + answer_messages_json() +
                           ",\"questionnaire\":" + questionnaire_json(q, part) + "}";
  return fill(page,
              {{"LANG", lang},
               {"CSP", form_csp(style, script)},
               {"TITLE", html_escaped((part ? q.parts[*part].title.in(options.lang) + " — " : "") + q.title.in(options.lang))},
               {"STYLE", style},
               {"SCRIPT", script},
               {"DATA", script_safe(data)}},
              asset("form.html"));
}

}  // namespace careermap
