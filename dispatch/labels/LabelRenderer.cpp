#include "dispatch/labels/LabelRenderer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "dispatch/labels/Code128.h"
#include "dispatch/labels/QrCode.h"
#include "reports/model/TextWrap.h"

namespace rxdesk::labels {

namespace {

using reports::HaruDocument;
using reports::kPointsPerMm;

constexpr double kLineFactor = 1.3;

// Sizes in points for one label stock.
struct Geometry {
    double width;
    double height;
    double margin;
    double name_size;
    double body_size;
    double small_size;
    double mark_size;
    double barcode_height;
    double max_module;  // widest Code 128 module; narrower when the number is long
    double qr_side;     // QR symbol including its quiet zone
    bool stacked;       // barcode on its own row, QR beside the sender
};

Geometry geometryFor(LabelFormat format) {
    if (format == LabelFormat::A6) {
        return {105 * kPointsPerMm, 148 * kPointsPerMm,  4 * kPointsPerMm,  16.0, 10.0, 7.5, 11.0,
                12 * kPointsPerMm,  0.33 * kPointsPerMm, 26 * kPointsPerMm, false};
    }
    return {62 * kPointsPerMm, 100 * kPointsPerMm,  3 * kPointsPerMm,  12.0, 8.0, 6.0, 8.5,
            10 * kPointsPerMm, 0.30 * kPointsPerMm, 19 * kPointsPerMm, true};
}

double lineHeight(double size) {
    return size * kLineFactor;
}

// Baseline of a line whose box starts at `top`.
double baselineBelow(double top, double size) {
    return top - (lineHeight(size) - size) / 2.0 - 0.88 * size;
}

[[noreturn]] void invalid(std::size_t index, const std::string& field, const std::string& why) {
    throw Error(ErrorKind::BadRequest, "label_invalid",
                "label " + std::to_string(index) + ": " + why,
                "labels[" + std::to_string(index) + "]." + field);
}

void validate(const std::vector<LabelData>& labels) {
    if (labels.empty()) {
        throw Error(ErrorKind::BadRequest, "label_invalid", "no labels to print", "labels");
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto& label = labels[i];
        const auto& number = label.parcel_number;
        if (number.empty()) invalid(i, "parcel_number", "parcel number is empty");
        if (number.size() > kMaxParcelNumberLength) {
            invalid(i, "parcel_number", "parcel number is too long");
        }
        if (std::any_of(number.begin(), number.end(),
                        [](char c) { return c < 0x20 || c > 0x7e; })) {
            invalid(i, "parcel_number", "parcel number must be printable ASCII");
        }
        if (label.cash_on_delivery_yen && *label.cash_on_delivery_yen < 0) {
            invalid(i, "cash_on_delivery_yen", "cash on delivery amount is negative");
        }
        const std::pair<const char*, const std::string*> texts[] = {
            {"recipient", &label.recipient.name},    {"recipient", &label.recipient.address},
            {"recipient", &label.recipient.phone},   {"recipient", &label.recipient.postcode},
            {"sender", &label.sender.name},          {"sender", &label.sender.address},
            {"sender", &label.sender.phone},         {"sender", &label.sender.postcode},
            {"delivery_date", &label.delivery_date}, {"time_slot", &label.time_slot},
        };
        for (const auto& [field, text] : texts) {
            if (!isValidUtf8(*text)) invalid(i, field, "text is not valid UTF-8");
        }
    }
}

// Draws one label on one page, top to bottom.
class LabelPainter {
public:
    LabelPainter(HaruDocument& doc, const Geometry& g, const LabelData& label)
        : doc_(doc), g_(g), label_(label) {
        page_ = doc_.addPage(g_.width, g_.height);
        left_ = g_.margin;
        right_ = g_.width - g_.margin;
        y_ = g_.height - g_.margin;
    }

    void paint() {
        drawRecipient();
        drawMarks();
        drawDelivery();
        if (g_.stacked) {
            drawBarcode(left_, right_);
            drawQrAndSender();
        } else {
            const double qr_left = right_ - g_.qr_side;
            const double top = y_;
            drawBarcode(left_, qr_left - 2 * kPointsPerMm);
            const double below_barcode = y_;
            y_ = top;
            drawQr(qr_left, top);
            y_ = std::min(below_barcode, top - g_.qr_side) - 2.0;
            // The sender sits at the foot of the sheet, as on carriers' own slips.
            const double foot = g_.margin + senderHeight(right_ - left_) + 2.0;
            y_ = std::min(y_, foot);
            doc_.line(page_, left_, y_ + 1.0, right_, y_ + 1.0, 0.5);
            y_ -= 1.0;
            drawSender(left_, right_);
        }
    }

private:
    reports::CharWidth width(double size) const { return doc_.charWidth(size); }

    // Wraps to at most `max_lines`, cutting the last one with "…" when text remains.
    std::vector<std::string> wrapCapped(const std::string& text, double w, double size,
                                        std::size_t max_lines) const {
        auto lines = reports::wrapText(text, w, width(size));
        if (lines.size() <= max_lines) return lines;
        std::string rest;
        for (std::size_t i = max_lines - 1; i < lines.size(); ++i) rest += lines[i];
        lines.resize(max_lines);
        // Forces the ellipsis: the rest is known not to fit.
        lines.back() = reports::truncateText(rest, w - 0.01, width(size));
        if (lines.back() == rest) lines.back() += "…";
        return lines;
    }

    // The largest size from `size` down to `min_size` at which text fits `w`.
    double fitSize(const std::string& text, double w, double size, double min_size) const {
        while (size > min_size && doc_.textWidth(text, size) > w) size -= 0.5;
        return size;
    }

    void textLine(double x, const std::string& text, double size, bool bold = false) {
        doc_.text(page_, x, baselineBelow(y_, size), text, size, bold);
        y_ -= lineHeight(size);
    }

    void drawRecipient() {
        const auto& r = label_.recipient;
        const double pad = 1.5 * kPointsPerMm;
        const double top = y_;
        const double inner_l = left_ + pad;
        const double inner_w = right_ - left_ - 2 * pad;
        y_ -= pad * 0.6;
        textLine(inner_l, "お届け先", g_.small_size);
        if (!r.postcode.empty()) textLine(inner_l, "〒" + formatPostcode(r.postcode), g_.body_size);
        for (const auto& line : wrapCapped(r.address, inner_w, g_.body_size, 3)) {
            textLine(inner_l, line, g_.body_size);
        }
        const std::string honorific = "　様";
        const double size = fitSize(r.name + honorific, inner_w, g_.name_size, g_.body_size);
        const std::string name =
            reports::truncateText(r.name, inner_w - doc_.textWidth(honorific, size), width(size));
        y_ -= 2.0;
        textLine(inner_l, name + honorific, size, true);
        if (!r.phone.empty()) textLine(inner_l, "TEL " + r.phone, g_.body_size);
        y_ -= pad * 0.6;
        doc_.strokeRect(page_, left_, y_, right_ - left_, top - y_, 1.0);
        y_ -= 2 * kPointsPerMm;
    }

    void drawMarks() {
        if (label_.marks.empty()) return;
        const double size = g_.mark_size;
        const double pad = size * 0.35;
        const double box_h = lineHeight(size) + pad;
        const double gap = 1.5 * kPointsPerMm;
        double x = left_;
        for (const auto mark : label_.marks) {
            const std::string text(handlingMarkText(mark));
            const double box_w = doc_.textWidth(text, size) + 2 * pad;
            if (x + box_w > right_ && x > left_) {
                x = left_;
                y_ -= box_h + gap;
            }
            const double base = y_ - box_h / 2 - size * 0.35;
            if (isReversedMark(mark)) {
                doc_.fillRect(page_, x, y_ - box_h, box_w, box_h, 0.0);
                doc_.text(page_, x + pad, base, text, size, true, 1.0);
            } else {
                doc_.strokeRect(page_, x + 0.75, y_ - box_h + 0.75, box_w - 1.5, box_h - 1.5, 1.5);
                doc_.text(page_, x + pad, base, text, size, true);
            }
            x += box_w + gap;
        }
        y_ -= box_h + gap;
    }

    void drawDelivery() {
        std::string when = label_.delivery_date;
        if (!label_.time_slot.empty()) when += (when.empty() ? "" : "　") + label_.time_slot;
        if (when.empty()) when = "指定なし";
        const std::string line = "お届け日時：" + when;
        const double size = fitSize(line, right_ - left_, g_.body_size, g_.small_size);
        for (const auto& part : wrapCapped(line, right_ - left_, size, 2)) {
            textLine(left_, part, size, true);
        }
        if (label_.cash_on_delivery_yen) {
            const double size = g_.body_size * 1.2;
            const std::string text = "代金引換　" + formatYen(*label_.cash_on_delivery_yen);
            const double pad = size * 0.35;
            const double box_h = lineHeight(size) + pad;
            const double box_w = doc_.textWidth(text, size) + 2 * pad;
            y_ -= 1.0;
            doc_.strokeRect(page_, left_ + 0.75, y_ - box_h + 0.75, box_w - 1.5, box_h - 1.5, 1.5);
            doc_.text(page_, left_ + pad, y_ - box_h / 2 - size * 0.35, text, size, true);
            y_ -= box_h;
        }
        y_ -= 1.5 * kPointsPerMm;
    }

    // Code 128 with its 10-module quiet zones inside [x0, x1], the number written under it.
    void drawBarcode(double x0, double x1) {
        const Code128Symbol symbol = encodeCode128(label_.parcel_number);
        const double modules = symbol.moduleCount() + 20.0;
        const double module = std::min(g_.max_module, (x1 - x0) / modules);
        double x = x0 + ((x1 - x0) - modules * module) / 2 + 10 * module;
        const double bottom = y_ - g_.barcode_height;
        HPDF_Page_SetGrayFill(page_, 0.0f);
        for (std::size_t i = 0; i < symbol.widths.size(); ++i) {
            const double w = symbol.widths[i] * module;
            if (i % 2 == 0) {
                HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(x),
                                    static_cast<HPDF_REAL>(bottom), static_cast<HPDF_REAL>(w),
                                    static_cast<HPDF_REAL>(g_.barcode_height));
            }
            x += w;
        }
        HPDF_Page_Fill(page_);
        y_ = bottom - 1.0;
        doc_.textCentered(page_, (x0 + x1) / 2, baselineBelow(y_, g_.body_size),
                          label_.parcel_number, g_.body_size);
        y_ -= lineHeight(g_.body_size) + 1.0;
    }

    // The QR symbol with its 4-module quiet zone, top-left corner at (x, top).
    void drawQr(double x, double top) {
        const QrCode qr = encodeQr(label_.parcel_number);
        const double module = g_.qr_side / (qr.size + 8);
        const double x0 = x + 4 * module;
        const double y0 = top - 4 * module;
        HPDF_Page_SetGrayFill(page_, 0.0f);
        for (int row = 0; row < qr.size; ++row) {
            int col = 0;
            while (col < qr.size) {
                if (!qr.dark(col, row)) {
                    ++col;
                    continue;
                }
                // One rectangle per horizontal run: fewer operators, no hairline seams.
                const int start = col;
                while (col < qr.size && qr.dark(col, row)) ++col;
                HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(x0 + start * module),
                                    static_cast<HPDF_REAL>(y0 - (row + 1) * module),
                                    static_cast<HPDF_REAL>((col - start) * module),
                                    static_cast<HPDF_REAL>(module));
            }
        }
        HPDF_Page_Fill(page_);
    }

    void drawQrAndSender() {
        const double top = y_;
        drawQr(left_, top);
        y_ = top - 1.0 * kPointsPerMm;
        drawSender(left_ + g_.qr_side + 1.0 * kPointsPerMm, right_);
    }

    std::string senderAddress() const {
        const auto& s = label_.sender;
        if (s.postcode.empty()) return s.address;
        return "〒" + formatPostcode(s.postcode) + " " + s.address;
    }

    double senderHeight(double w) const {
        const auto address_lines = wrapCapped(senderAddress(), w, g_.small_size, 3).size();
        const std::size_t small_lines = 1 + address_lines + (label_.sender.phone.empty() ? 0 : 1);
        return static_cast<double>(small_lines) * lineHeight(g_.small_size) +
               lineHeight(g_.body_size);
    }

    // The sender block within [x0, x1], from the current line down.
    void drawSender(double x0, double x1) {
        const auto& s = label_.sender;
        const double w = x1 - x0;
        textLine(x0, "ご依頼主", g_.small_size);
        const double name_size = fitSize(s.name, w, g_.body_size, g_.small_size);
        textLine(x0, reports::truncateText(s.name, w, width(name_size)), name_size, true);
        for (const auto& line : wrapCapped(senderAddress(), w, g_.small_size, 3)) {
            textLine(x0, line, g_.small_size);
        }
        if (!s.phone.empty()) textLine(x0, "TEL " + s.phone, g_.small_size);
    }

    HaruDocument& doc_;
    const Geometry& g_;
    const LabelData& label_;
    HPDF_Page page_ = nullptr;
    double left_ = 0.0;
    double right_ = 0.0;
    double y_ = 0.0;
};

}  // namespace

LabelRenderer::LabelRenderer(std::string font_path) : font_path_(std::move(font_path)) {}

std::string LabelRenderer::render(const std::vector<LabelData>& labels, LabelFormat format) const {
    validate(labels);
    const Geometry g = geometryFor(format);
    // One document, so the font is loaded and embedded once for the whole batch.
    HaruDocument doc(font_path_);
    for (const auto& label : labels) LabelPainter(doc, g, label).paint();
    return doc.save();
}

std::string formatYen(std::int64_t yen) {
    std::string digits = std::to_string(yen < 0 ? -yen : yen);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return std::string(yen < 0 ? "-" : "") + "¥" + out;
}

}  // namespace rxdesk::labels
