#include "reports/render/PdfRenderer.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/Error.h"

namespace rxdesk::reports {

namespace {

constexpr double kA4Short = 595.276;
constexpr double kA4Long = 841.89;
constexpr double kA5Short = 419.528;
constexpr double kA5Long = 595.276;
constexpr double kMarginX = 36.0;
constexpr double kMarginTop = 36.0;
constexpr double kMarginBottom = 44.0;  // leaves room for the "n / m" footer

constexpr double kTitleSize = 15.0;
constexpr double kSubtitleSize = 10.0;
constexpr double kMetaSize = 8.0;
constexpr double kBodySize = 9.0;
constexpr double kHeadingSize = 11.0;
constexpr double kFootnoteSize = 8.0;
constexpr double kParagraphSize = 10.0;
constexpr double kNoDataSize = 18.0;

constexpr double kLineFactor = 1.35;
constexpr double kPadX = 3.0;
constexpr double kPadY = 2.5;
constexpr double kRule = 0.5;
constexpr double kSectionGap = 10.0;
constexpr double kLabelShare = 0.28;  // width of the label column of a field block

constexpr Gray kNoFill = 1.0;
constexpr Gray kHeaderFill = 0.85;
constexpr Gray kLabelFill = 0.93;
constexpr Gray kSubtotalFill = 0.95;
constexpr Gray kTotalFill = 0.88;

double lineHeight(double size) {
    return size * kLineFactor;
}

// Baseline of a line whose box starts at `top`: the glyphs (ascent ≈ 0.88 em) centred in it.
double baselineBelow(double top, double size) {
    return top - (lineHeight(size) - size) / 2.0 - 0.88 * size;
}

struct CellBox {
    double x = 0.0;
    double w = 0.0;
    Align align = Align::Left;
    bool wrap = true;
};

struct RowStyle {
    bool bold = false;
    std::vector<Gray> fills;  // per cell; empty = no fill
    double top_rule = 0.0;    // extra rule above the row (totals)
};

using CellLines = std::vector<std::vector<std::string>>;

// Lays one report out page by page. Pages are created as the content flows; page numbers
// are drawn at the end, when the page count is known (libharu keeps every page open).
class ReportLayout {
public:
    ReportLayout(HaruDocument& doc, const Report& report) : doc_(doc), report_(report) {
        const bool landscape = report.orientation == Orientation::Landscape;
        const bool a5 = report.paper == PaperSize::A5;
        const double short_side = a5 ? kA5Short : kA4Short;
        const double long_side = a5 ? kA5Long : kA4Long;
        page_w_ = landscape ? long_side : short_side;
        page_h_ = landscape ? short_side : long_side;
        first_page_ = doc.pages().size();
        left_ = kMarginX;
        right_ = page_w_ - kMarginX;
        bottom_ = kMarginBottom;

        double total_weight = 0.0;
        for (const auto& c : report.columns) total_weight += c.weight;
        double x = left_;
        for (const auto& c : report.columns) {
            const double w = (right_ - left_) * c.weight / total_weight;
            columns_.push_back({x, w, c.align, true});
            x += w;
        }
        for (std::size_t i = 0; i < report.columns.size(); ++i) {
            header_lines_.push_back(wrapCell(report.columns[i].heading, columns_[i]));
        }
        const double label_w = (right_ - left_) * kLabelShare;
        field_boxes_ = {{left_, label_w, Align::Left, true},
                        {left_ + label_w, right_ - left_ - label_w, Align::Left, true}};
    }

    void run() {
        newPage();
        if (report_.isEmpty()) {
            drawNoData();
        } else {
            for (const auto& section : report_.sections) drawSection(section);
            // Totals continue the last table: no header of their own, but one on each new page.
            in_table_ = true;
            drawRows(report_.totals, {true, std::vector<Gray>(columns_.size(), kTotalFill), 1.0},
                     /*with_header=*/false);
            in_table_ = false;
        }
        drawFootnotes();
        drawPageNumbers();
    }

private:
    std::vector<std::string> wrapCell(const std::string& text, const CellBox& box) const {
        const double width = box.w - 2 * kPadX;
        if (!box.wrap) return {truncateText(text, width, doc_.charWidth(kBodySize))};
        return wrapText(text, width, doc_.charWidth(kBodySize));
    }

    CellLines rowLines(const Row& row) const {
        CellLines lines;
        for (std::size_t i = 0; i < row.size(); ++i) {
            CellBox box = columns_[i];
            box.wrap = report_.columns[i].wrap;
            lines.push_back(wrapCell(row[i], box));
        }
        return lines;
    }

    static std::size_t lineCount(const CellLines& cells) {
        std::size_t n = 1;
        for (const auto& c : cells) n = std::max(n, c.size());
        return n;
    }

    static double rowHeight(std::size_t lines) {
        return static_cast<double>(lines) * lineHeight(kBodySize) + 2 * kPadY;
    }

    bool fits(double h) const { return y_ - h >= bottom_; }

    void newPage() {
        page_ = doc_.addPage(page_w_, page_h_);
        const double top = page_h_ - kMarginTop;
        const std::string stamp = generatedAtText(report_);
        if (doc_.pages().size() == first_page_ + 1) {
            double y = top;
            doc_.textCentered(page_, page_w_ / 2, baselineBelow(y, kTitleSize), report_.title,
                              kTitleSize, true);
            y -= lineHeight(kTitleSize);
            if (!report_.subtitle.empty()) {
                doc_.textCentered(page_, page_w_ / 2, baselineBelow(y, kSubtitleSize),
                                  report_.subtitle, kSubtitleSize);
                y -= lineHeight(kSubtitleSize);
            }
            doc_.textRight(page_, right_, baselineBelow(y, kMetaSize), stamp, kMetaSize);
            y -= lineHeight(kMetaSize) + 4.0;
            y_ = y;
        } else {
            // Running head so a loose page can be matched to its report.
            std::string head = report_.title;
            if (!report_.subtitle.empty()) head += "　" + report_.subtitle;
            const double base = baselineBelow(top, kMetaSize);
            doc_.text(page_, left_, base, head, kMetaSize);
            doc_.textRight(page_, right_, base, stamp, kMetaSize);
            y_ = top - lineHeight(kMetaSize) - 2.0;
            doc_.line(page_, left_, y_, right_, y_, kRule);
            y_ -= 6.0;
        }
        page_fresh_ = true;
        if (in_table_) drawTableHeader();
    }

    // Draws lines [from, from + count) of each cell as one band of the row: fills first, then
    // every outline as one path, then every line of text in one text object.
    void drawBand(const std::vector<CellBox>& boxes, const CellLines& cells, std::size_t from,
                  std::size_t count, const RowStyle& style) {
        const double h = rowHeight(count);
        outlines_.clear();
        lines_.clear();
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const auto& box = boxes[i];
            if (i < style.fills.size() && style.fills[i] < kNoFill) {
                doc_.fillRect(page_, box.x, y_ - h, box.w, h, style.fills[i]);
            }
            outlines_.push_back({box.x, y_ - h, box.w, h});
            const auto& lines = cells[i];
            for (std::size_t k = from; k < std::min(lines.size(), from + count); ++k) {
                const double top =
                    y_ - kPadY - static_cast<double>(k - from) * lineHeight(kBodySize);
                const double base = baselineBelow(top, kBodySize);
                double x = box.x + kPadX;
                if (box.align == Align::Right)
                    x = box.x + box.w - kPadX - doc_.textWidth(lines[k], kBodySize);
                else if (box.align == Align::Center)
                    x = box.x + box.w / 2 - doc_.textWidth(lines[k], kBodySize) / 2.0;
                lines_.push_back({x, base, lines[k]});
            }
        }
        doc_.strokeRects(page_, outlines_, kRule);
        doc_.texts(page_, lines_, kBodySize, style.bold);
        if (style.top_rule > 0.0 && from == 0) {
            doc_.line(page_, boxes.front().x, y_ - 1.2, boxes.back().x + boxes.back().w, y_ - 1.2,
                      kRule);
        }
        y_ -= h;
        page_fresh_ = false;
    }

    // Draws a row, moving to a new page when it does not fit, and splitting it across pages
    // only when it is taller than a whole page.
    void drawRow(const std::vector<CellBox>& boxes, const CellLines& cells, const RowStyle& style) {
        const std::size_t total = lineCount(cells);
        std::size_t done = 0;
        while (done < total) {
            const std::size_t remaining = total - done;
            std::size_t count = remaining;
            if (!fits(rowHeight(remaining))) {
                if (!page_fresh_) {
                    newPage();
                    continue;
                }
                const double room = y_ - bottom_ - 2 * kPadY;
                count = std::max<std::size_t>(
                    1, static_cast<std::size_t>(std::floor(room / lineHeight(kBodySize))));
                count = std::min(count, remaining);
            }
            drawBand(boxes, cells, done, count, style);
            done += count;
            if (done < total) newPage();
        }
    }

    void drawTableHeader() {
        RowStyle style{true, std::vector<Gray>(columns_.size(), kHeaderFill), 0.0};
        std::vector<CellBox> boxes = columns_;
        for (auto& b : boxes) b.align = Align::Center;
        drawBand(boxes, header_lines_, 0, lineCount(header_lines_), style);
        page_fresh_ = true;  // a page holding only the header counts as empty
    }

    double tableHeaderHeight() const { return rowHeight(lineCount(header_lines_)); }

    void drawRows(const std::vector<Row>& rows, const RowStyle& style, bool with_header) {
        if (rows.empty()) return;
        if (with_header && !in_table_) {
            in_table_ = true;
            // Keep the header with the first row.
            if (!fits(tableHeaderHeight() + rowHeight(lineCount(rowLines(rows.front())))) &&
                !page_fresh_) {
                newPage();
            } else {
                drawTableHeader();
            }
        }
        for (const auto& row : rows) drawRow(columns_, rowLines(row), style);
    }

    void drawSection(const Section& section) {
        in_table_ = false;
        if (!page_fresh_) y_ -= kSectionGap;
        if (!section.heading.empty()) {
            const double heading_h = lineHeight(kHeadingSize) + 4.0;
            double follow = rowHeight(1);
            if (section.paragraphs.empty() && section.fields.empty() && !section.rows.empty()) {
                follow += tableHeaderHeight();
            }
            if (!fits(heading_h + follow) && !page_fresh_) newPage();
            doc_.fillRect(page_, left_, y_ - lineHeight(kHeadingSize), 3.0,
                          lineHeight(kHeadingSize), 0.0);
            doc_.text(page_, left_ + 7.0, baselineBelow(y_, kHeadingSize), section.heading,
                      kHeadingSize, true);
            y_ -= heading_h;
            page_fresh_ = false;
        }
        for (const auto& paragraph : section.paragraphs) {
            for (const auto& line :
                 wrapText(paragraph, right_ - left_, doc_.charWidth(kParagraphSize))) {
                if (!fits(lineHeight(kParagraphSize))) newPage();
                doc_.text(page_, left_, baselineBelow(y_, kParagraphSize), line, kParagraphSize);
                y_ -= lineHeight(kParagraphSize);
                page_fresh_ = false;
            }
            y_ -= 3.0;
        }
        const RowStyle field_style{false, {kLabelFill, kNoFill}, 0.0};
        for (const auto& field : section.fields) {
            CellLines cells{
                wrapText(field.label, field_boxes_[0].w - 2 * kPadX, doc_.charWidth(kBodySize)),
                wrapText(field.value, field_boxes_[1].w - 2 * kPadX, doc_.charWidth(kBodySize))};
            drawRow(field_boxes_, cells, field_style);
        }
        if (!section.fields.empty() && !section.rows.empty()) y_ -= 6.0;
        drawRows(section.rows, {}, true);
        drawRows(section.subtotals, {true, std::vector<Gray>(columns_.size(), kSubtotalFill), 0.0},
                 true);
        in_table_ = false;
    }

    void drawNoData() {
        const double h = lineHeight(kNoDataSize) * 2.5;
        y_ -= 30.0;
        doc_.strokeRect(page_, left_, y_ - h, right_ - left_, h, 1.0);
        doc_.textCentered(page_, page_w_ / 2, y_ - h / 2 - kNoDataSize * 0.35, kNoDataText,
                          kNoDataSize, true);
        y_ -= h;
        page_fresh_ = false;
    }

    void drawFootnotes() {
        if (report_.footnotes.empty()) return;
        in_table_ = false;
        y_ -= 8.0;
        for (const auto& note : report_.footnotes) {
            for (const auto& line : wrapText(note, right_ - left_, doc_.charWidth(kFootnoteSize))) {
                if (!fits(lineHeight(kFootnoteSize))) newPage();
                doc_.text(page_, left_, baselineBelow(y_, kFootnoteSize), line, kFootnoteSize);
                y_ -= lineHeight(kFootnoteSize);
                page_fresh_ = false;
            }
        }
    }

    void drawPageNumbers() {
        const auto& pages = doc_.pages();
        const std::size_t count = pages.size() - first_page_;
        const std::string of = " / " + std::to_string(count);
        for (std::size_t i = 0; i < count; ++i) {
            doc_.textCentered(pages[first_page_ + i], page_w_ / 2,
                              kMarginBottom / 2 - kMetaSize / 2, std::to_string(i + 1) + of,
                              kMetaSize);
        }
    }

    HaruDocument& doc_;
    const Report& report_;
    double page_w_ = 0.0;
    double page_h_ = 0.0;
    double left_ = 0.0;
    double right_ = 0.0;
    double bottom_ = 0.0;
    std::size_t first_page_ = 0;  // pages of earlier reports in the same document
    HPDF_Page page_ = nullptr;
    double y_ = 0.0;
    bool page_fresh_ = true;
    bool in_table_ = false;
    std::vector<CellBox> columns_;
    CellLines header_lines_;
    std::vector<CellBox> field_boxes_;
    std::vector<HaruDocument::Rect> outlines_;  // drawBand's, reused
    std::vector<HaruDocument::TextAt> lines_;   // drawBand's, reused
};

}  // namespace

PdfRenderer::PdfRenderer(std::string font_path) : font_path_(std::move(font_path)) {}

std::string PdfRenderer::render(const Report& report) const {
    checkReport(report);
    HaruDocument doc(font_path_);
    ReportLayout(doc, report).run();
    return doc.save();
}

std::string PdfRenderer::renderBatch(const std::vector<Report>& reports) const {
    if (reports.empty()) {
        throw Error(ErrorKind::BadRequest, "pdf_empty_batch", "nothing to print");
    }
    for (const auto& report : reports) checkReport(report);
    HaruDocument doc(font_path_);
    for (const auto& report : reports) ReportLayout(doc, report).run();
    return doc.save();
}

}  // namespace rxdesk::reports
