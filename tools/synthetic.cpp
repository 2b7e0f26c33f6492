#include "tools/synthetic.hpp"

#include <algorithm>
#include <cmath>

namespace careermap::synthetic {
namespace {

const char* kPhrases[] = {
    "窓口の手続きを見直して、待ち時間を短くしたいと考えています。",
    "係の中で、仕事の進め方を話し合う場をつくり始めました。",
    "他の課と一緒に、申請書の様式を統一する取組を進めています。",
    "地域の方と協力して、見守りの仕組みを広げたいです。",
    "上司に提案するための資料づくりに悩んでいます。",
    "DXの推進で、紙の申請をオンラインに切り替えています。",
};
const char* kTitles[] = {"手順書の見直し", "申請様式の統一", "オンライン申請の導入", "地域との連絡会",
                         "係内の勉強会", "窓口の案内表示の改善", "庁内横断の検討会", "住民アンケートの改善"};
const char* kFamily[] = {"試験", "架空", "見本", "仮名", "例示", "想定"};
const char* kGiven[] = {"花子", "太郎", "さくら", "一郎", "みどり", "二郎"};

// Leaning of a person toward a scene: 0..1, highest at their home.
double leaning(const Questionnaire& q, int scene, int home_stage, int home_level) {
  const Scene& s = q.model.scenes[scene];
  const double d = std::abs(s.stage - home_stage) + std::abs(s.level - home_level);
  return std::max(0.0, 1.0 - 0.3 * d);
}

int likert_value(const Scale& s, double lean, std::mt19937_64& rng) {
  std::normal_distribution<double> noise(0.0, 0.7);
  const double x = s.min + lean * (s.max - s.min) + noise(rng);
  return std::clamp(static_cast<int>(std::lround(x)), s.min, s.max);
}

// Up to five episodes of `item`, one after another from a year in the 2000s.
std::vector<Episode> career(const Item& item, std::mt19937_64& rng) {
  std::vector<Episode> out;
  const int n = static_cast<int>(rng() % 6);
  int year = 2000 + static_cast<int>(rng() % 10);
  for (int k = 0; k < n; ++k) {
    Episode e;
    for (const auto& f : item.fields) {
      std::string v;
      switch (f.use) {
        case FieldUse::from_year: v = std::to_string(year); break;
        case FieldUse::to_year:
          if (k + 1 < n) v = std::to_string(year + 1 + static_cast<int>(rng() % 3));
          break;
        case FieldUse::title: v = kTitles[rng() % 8]; break;
        case FieldUse::outcome: v = kPhrases[rng() % 6]; break;
        default:
          if (f.type == ItemType::choice) v = f.options[rng() % f.options.size()].value;
          else if (f.type == ItemType::text) v = kTitles[rng() % 8];
      }
      if (!v.empty()) e.fields[f.id] = v;
    }
    year += 2 + static_cast<int>(rng() % 3);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Answers answers(const Questionnaire& q, const std::string& id, std::mt19937_64& rng, bool episodes) {
  Answers a;
  a.questionnaire = q.id;
  a.participant = id;
  a.name = std::string(kFamily[rng() % 6]) + " " + kGiven[rng() % 6];
  a.meeting = "pre";
  const int home_stage = static_cast<int>(rng() % q.model.stages.size());
  const int home_level = static_cast<int>(rng() % q.model.levels.size());
  for (const auto& item : q.items) {
    Answer ans;
    ans.type = item.type;
    switch (item.type) {
      case ItemType::likert: {
        double lean = 0.5;
        if (!item.key.empty()) lean = leaning(q, item.key[0].scene, home_stage, home_level);
        if (item.reverse) lean = 1 - lean;
        ans.number = likert_value(q.scales[item.scale], lean, rng);
        break;
      }
      case ItemType::choice: ans.text = item.options[rng() % item.options.size()].value; break;
      case ItemType::multi:
        for (const auto& o : item.options)
          if (rng() % 3 == 0) ans.choices.push_back(o.value);
        break;
      case ItemType::text: ans.text = kPhrases[rng() % 6]; break;
      case ItemType::number: {
        const double lo = item.min.value_or(0), hi = item.max.value_or(lo + 40);
        ans.number = std::floor(lo + (hi - lo) * static_cast<double>(rng() % 1000) / 1000.0);
        break;
      }
      case ItemType::episodes:
        if (!episodes) continue;
        ans.episodes = career(item, rng);
        if (ans.episodes.empty()) continue;
        break;
    }
    a.values.emplace(item.id, std::move(ans));
  }
  return a;
}

ItemResponses responses(const Questionnaire& q, size_t rows, uint64_t seed) {
  ItemResponses r(q.keyed_items(), rows);
  std::mt19937_64 rng(seed);
  std::vector<int> home_stage(rows), home_level(rows);
  for (size_t n = 0; n < rows; ++n) {
    home_stage[n] = static_cast<int>(rng() % q.model.stages.size());
    home_level[n] = static_cast<int>(rng() % q.model.levels.size());
  }
  for (size_t c = 0; c < r.items.size(); ++c) {
    const Item& item = q.items[r.items[c]];
    const Scale& s = q.scales[item.scale];
    for (size_t n = 0; n < rows; ++n) {
      if (rng() % 20 == 0) continue;  // blank
      double lean = leaning(q, item.key[0].scene, home_stage[n], home_level[n]);
      if (item.reverse) lean = 1 - lean;
      r.at(n, c) = static_cast<float>(likert_value(s, lean, rng));
    }
  }
  return r;
}

std::string questionnaire_yaml(const Model& model, int per_scene) {
  std::string y = "questionnaire: bench\ntitle: {ja: ベンチマーク, en: Benchmark}\n"
                  "scales:\n  s5: {min: 1, max: 5}\nsections:\n  - id: all\n    items:\n";
  int n = 0;
  for (const auto& scene : model.scenes)
    for (int k = 0; k < per_scene; ++k, ++n)
      y += "      - {id: i" + std::to_string(n) + ", type: likert, scale: s5, key: " + scene.id +
           (n % 3 == 2 ? ", reverse: true" : "") + ", text: I}\n";
  return y;
}

}  // namespace careermap::synthetic
