#include "reports/blank_form.hpp"

#include <algorithm>

#include "reports/document.hpp"
#include "reports/palette.hpp"

namespace careermap {
namespace {

constexpr double kW = 595.28, kH = 841.89, kM = 40, kTop = 70, kBottom = kH - 40, kFull = kW - 2 * kM;

PageFrame form_frame(const BlankForm& f) {
  PageFrame frame;
  frame.width = kW, frame.height = kH, frame.margin = kM, frame.top = kTop, frame.bottom = kBottom;
  frame.title = f.title, frame.title_y = 40, frame.title_size = 12;
  frame.sub_y = 40;  // the page number on the title's line
  frame.page_pattern = f.page_pattern;
  frame.rule_y = 48, frame.rule_width = 0.6;
  return frame;
}

class FormLayout {
 public:
  FormLayout(const BlankForm& f, const FontSource& font) : f_(f), doc_(font, form_frame(f)), flow_(doc_, "") {}

  Document run() {
    doc_.new_page();
    header_fields();
    for (const auto& s : f_.sections) section(s);
    return std::move(doc_);
  }

 private:
  double width(std::string_view s, double size) const { return doc_.width(s, size); }
  std::vector<std::string> wrap(std::string_view s, double w, double size) const { return doc_.lines(s, w, size); }
  double y() const { return flow_.y(); }
  void need(double h) { flow_.ensure(h); }
  void para(std::string_view s, double x, double w, double size, Color c, double leading) {
    flow_.paragraph(s, x, w, size, c, leading, 3);
  }
  void box(double x, double y, double s = 9) { dl_.stroke_rect(x, y, s, s, palette::kInk, 0.7); }

  void header_fields() {
    para(f_.instructions, kM, kFull, 9, palette::kMuted, 13);
    flow_.gap(10);
    for (const std::string* label : {&f_.participant, &f_.name}) {
      need(26);
      dl_.text(kM, y() + 14, *label, 9.5, palette::kInk);
      const double x = kM + std::max(width(f_.participant, 9.5), width(f_.name, 9.5)) + 10;
      dl_.stroke_rect(x, y() + 2, kW - kM - x, 18, palette::kInk, 0.7);
      flow_.gap(26);
    }
  }

  void section(const FormSection& s) {
    need(110);  // a heading never ends a page
    flow_.gap(14);
    dl_.fill_rect(kM, y(), kFull, 20, palette::kNoScore);
    dl_.text(kM + 6, y() + 14, s.title, 11, palette::kInk);
    flow_.gap(26);
    const std::vector<std::string>* grid = nullptr;
    for (const auto& q : s.questions) {
      if (q.kind == FormQuestion::Kind::likert) {
        if (!grid || *grid != q.scale) likert_head(q.scale);
        grid = &q.scale;
        likert_row(q);
        continue;
      }
      grid = nullptr;
      question(q);
    }
  }

  static constexpr double kGridText = 285;
  void likert_head(const std::vector<std::string>& scale) {
    need(60);
    const double col = (kFull - kGridText) / static_cast<double>(scale.size());
    double bottom = y();
    for (size_t k = 0; k < scale.size(); ++k) {
      double ly = y();
      for (const auto& l : wrap(scale[k], col - 4, 7.5)) {
        ly += 10;
        dl_.text(kM + kGridText + k * col + (col - width(l, 7.5)) / 2, ly, l, 7.5, palette::kMuted);
      }
      bottom = std::max(bottom, ly);
    }
    flow_.set_y(bottom + 6);
  }
  void likert_row(const FormQuestion& q) {
    const auto lines = wrap(q.text, kGridText - 10, 8.5);
    const double h = std::max(18.0, 11.0 * static_cast<double>(lines.size()) + 6);
    if (!flow_.fits(h)) {  // the grid goes on over the page: its head goes with it
      flow_.new_page();
      likert_head(q.scale);
    }
    double ly = y() + 2;
    for (const auto& l : lines) {
      ly += 11;
      dl_.text(kM, ly - 2, l, 8.5, palette::kInk);
    }
    const double col = (kFull - kGridText) / static_cast<double>(q.scale.size());
    for (size_t k = 0; k < q.scale.size(); ++k) box(kM + kGridText + k * col + col / 2 - 4.5, y() + h / 2 - 4.5);
    dl_.line(kM, y() + h, kW - kM, y() + h, palette::kRule, 0.3);
    flow_.gap(h);
  }

  void question(const FormQuestion& q) {
    need(40);
    flow_.gap(6);
    std::string text = q.text;
    if (q.kind == FormQuestion::Kind::choice) text += f_.choose_one;
    if (q.kind == FormQuestion::Kind::multi) text += f_.choose_any;
    para(text, kM, kFull, 9.5, palette::kInk, 14);
    flow_.gap(3);
    switch (q.kind) {
      case FormQuestion::Kind::choice:
      case FormQuestion::Kind::multi: {
        double x = kM + 10;
        for (const auto& o : q.options) {
          const double w = width(o, 9) + 28;
          if (x + w > kW - kM) {
            x = kM + 10;
            flow_.gap(15);
          }
          need(16);
          box(x, y() + 2);
          dl_.text(x + 14, y() + 10.5, o, 9, palette::kInk);
          x += w;
        }
        flow_.gap(18);
        break;
      }
      case FormQuestion::Kind::text:
        need(70);
        dl_.stroke_rect(kM + 10, y(), kFull - 10, 66, palette::kInk, 0.6);
        for (double ly = y() + 22; ly < y() + 66; ly += 22) dl_.line(kM + 14, ly, kW - kM - 4, ly, palette::kRule, 0.3, true);
        flow_.gap(72);
        break;
      case FormQuestion::Kind::number:
        need(24);
        dl_.stroke_rect(kM + 10, y(), 90, 18, palette::kInk, 0.6);
        flow_.gap(24);
        break;
      case FormQuestion::Kind::episodes: episodes(q); break;
      case FormQuestion::Kind::likert: break;
    }
  }

  void episodes(const FormQuestion& q) {
    para(f_.episodes_note, kM, kFull, 8, palette::kMuted, 12);
    for (const auto& l : q.legend) para(l, kM + 10, kFull - 10, 7.5, palette::kMuted, 11);
    flow_.gap(4);
    // Column widths in proportion to their labels, at least a minimum each.
    const double num_w = 22;
    std::vector<double> w;
    double total = 0;
    for (const auto& c : q.columns) total += std::max(40.0, width(c, 7.5) + 8);
    for (const auto& c : q.columns) w.push_back(std::max(40.0, width(c, 7.5) + 8) * (kFull - num_w) / total);
    double head_h = 0;
    for (size_t k = 0; k < q.columns.size(); ++k)
      head_h = std::max(head_h, 10.0 * static_cast<double>(wrap(q.columns[k], w[k] - 4, 7.5).size()) + 6);
    // The heading row, above the first row and again above the rows a page break carries over.
    const auto heading = [&] {
      double x = kM + num_w;
      dl_.fill_rect(kM, y(), kFull, head_h, palette::kNoScore);
      for (size_t k = 0; k < q.columns.size(); ++k) {
        double ly = y();
        for (const auto& l : wrap(q.columns[k], w[k] - 4, 7.5)) {
          ly += 10;
          dl_.text(x + 2, ly, l, 7.5, palette::kInk);
        }
        x += w[k];
      }
      dl_.text(kM + 3, y() + 10, f_.number, 7.5, palette::kInk);
      flow_.gap(head_h);
    };
    need(head_h + 30 * f_.episode_rows / 2.0);
    heading();
    for (int r = 1; r <= f_.episode_rows; ++r) {
      const size_t page = dl_.pages().size();
      need(30);
      if (dl_.pages().size() != page) {
        need(head_h + 30);
        heading();
      }
      dl_.text(kM + 8, y() + 18, std::to_string(r), 8, palette::kMuted);
      double cx = kM;
      dl_.stroke_rect(cx, y(), num_w, 30, palette::kInk, 0.5);
      cx += num_w;
      for (double cw : w) {
        dl_.stroke_rect(cx, y(), cw, 30, palette::kInk, 0.5);
        cx += cw;
      }
      flow_.gap(30);
    }
    flow_.gap(8);
  }

  const BlankForm& f_;
  Document doc_;
  DisplayList& dl_ = doc_.pages();
  Flow flow_;
};

}  // namespace

BlankForm build_blank_form(const Questionnaire& q, const Templates& t, Lang lang) {
  BlankForm f;
  f.title = q.title.in(lang);
  f.instructions = t.text("form.instructions", lang);
  f.participant = t.text("form.participant", lang);
  f.name = t.text("form.name", lang);
  f.choose_one = t.text("form.choose_one", lang);
  f.choose_any = t.text("form.choose_any", lang);
  f.episodes_note = t.text("form.episodes_note", lang);
  f.page_pattern = t.text("form.page", lang);
  f.number = t.text("form.number", lang);
  const std::string required = t.text("form.required", lang);
  for (size_t s = 0; s < q.sections.size(); ++s) {
    FormSection sec;
    sec.title = q.sections[s].title.in(lang);
    for (const auto& item : q.items) {
      if (item.section != static_cast<int>(s)) continue;
      FormQuestion fq;
      fq.id = item.id;
      fq.text = item.text.in(lang) + (item.required ? required : "");
      switch (item.type) {
        case ItemType::likert: {
          fq.kind = FormQuestion::Kind::likert;
          const Scale& sc = q.scales[item.scale];
          for (int p = sc.min; p <= sc.max; ++p)
            fq.scale.push_back(sc.labels.empty() ? std::to_string(p)
                                                 : std::to_string(p) + " " + sc.labels[p - sc.min].in(lang));
          break;
        }
        case ItemType::choice:
        case ItemType::multi:
          fq.kind = item.type == ItemType::choice ? FormQuestion::Kind::choice : FormQuestion::Kind::multi;
          for (const auto& o : item.options) fq.options.push_back(o.label.in(lang));
          break;
        case ItemType::text: fq.kind = FormQuestion::Kind::text; break;
        case ItemType::number: fq.kind = FormQuestion::Kind::number; break;
        case ItemType::episodes:
          fq.kind = FormQuestion::Kind::episodes;
          for (const auto& field : item.fields) {
            fq.columns.push_back(field.label.in(lang));
            if (field.type != ItemType::choice) continue;
            std::string legend = field.label.in(lang) + ": ";
            for (size_t k = 0; k < field.options.size(); ++k)
              legend += std::string(k ? "　" : "") + static_cast<char>('a' + k % 26) + " " + field.options[k].label.in(lang);
            fq.legend.push_back(legend);
          }
          break;
      }
      sec.questions.push_back(std::move(fq));
    }
    f.sections.push_back(std::move(sec));
  }
  return f;
}

DisplayList layout_blank_form(const BlankForm& form, const FontSource& font) {
  Document doc = FormLayout(form, font).run();
  return std::move(doc.pages());
}

void write_blank_form_pdf(const BlankForm& form, const FontSource& font, const std::string& path) {
  FormLayout(form, font).run().write(path, {form.title, form.title, "", ""});
}

}  // namespace careermap
