#include "reports/render/HaruDocument.h"

#include <cstdio>
#include <string>

#include "core/Error.h"
#include "reports/render/HaruGlyphLookup.h"

namespace rxdesk::reports {

namespace {

// libharu reports errors through this callback. Throwing from it unwinds through libharu's
// C frames, which is fine on our platforms (C code is built with unwind tables); the
// document is left half-built and is only ever freed afterwards.
void throwOnHaruError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* /*user_data*/) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
    throw Error(ErrorKind::Internal, "pdf_error", buf);
}

const HPDF_BYTE* bytes(std::string_view s) {
    return reinterpret_cast<const HPDF_BYTE*>(s.data());
}

}  // namespace

HaruDocument::HaruDocument(const std::string& font_path) {
    // Links the fast glyph lookup in (HaruGlyphLookup.h): without it, creating the font alone
    // takes longer than laying out a hundred pages.
    [[maybe_unused]] static const bool fast_lookup = fastGlyphLookupActive();
    doc_ = HPDF_New(throwOnHaruError, nullptr);
    if (doc_ == nullptr) {
        throw Error(ErrorKind::Internal, "pdf_error", "libharu could not create a document");
    }
    try {
        HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(doc_);
        HPDF_SetCurrentEncoder(doc_, "UTF-8");
        // Embedding is what makes the PDF print the same on any machine; libharu subsets
        // the font to the glyphs used.
        const char* name = HPDF_LoadTTFontFromFile(doc_, font_path.c_str(), HPDF_TRUE);
        font_ = HPDF_GetFont(doc_, name, "UTF-8");
        ascii_widths_.fill(-1.0);
    } catch (...) {
        HPDF_Free(doc_);
        throw;
    }
}

HaruDocument::~HaruDocument() {
    HPDF_Free(doc_);
}

HPDF_Page HaruDocument::addPage(double width, double height) {
    HPDF_Page page = HPDF_AddPage(doc_);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
    pages_.push_back(page);
    return page;
}

double HaruDocument::unitWidth(std::string_view c) const {
    const auto measure = [&] {
        return static_cast<double>(
            HPDF_Font_TextWidth(font_, bytes(c), static_cast<HPDF_UINT>(c.size())).width);
    };
    if (c.size() == 1 && static_cast<unsigned char>(c[0]) < 0x80) {
        double& w = ascii_widths_[static_cast<unsigned char>(c[0])];
        if (w < 0.0) w = measure();
        return w;
    }
    if (c.empty() || c.size() > 4) return c.empty() ? 0.0 : measure();
    std::uint32_t key = 0;
    for (char ch : c) key = (key << 8) | static_cast<unsigned char>(ch);
    auto [at, inserted] = widths_.try_emplace(key, 0.0);
    if (inserted) at->second = measure();
    return at->second;
}

double HaruDocument::textWidth(std::string_view text, double size) const {
    double units = 0.0;
    for (auto c : utf8Characters(text)) units += unitWidth(c);
    return units * size / 1000.0;
}

CharWidth HaruDocument::charWidth(double size) const {
    return [this, size](std::string_view c) { return unitWidth(c) * size / 1000.0; };
}

void HaruDocument::text(HPDF_Page page, double x, double baseline, std::string_view text,
                        double size, bool bold, Gray gray) const {
    if (text.empty()) return;
    const std::string z(text);  // libharu wants NUL-terminated text
    // Every drawing call leaves the page black, so black text (nearly all of it) needs no
    // colour operators: a report of many sections writes a few million fewer.
    if (gray != 0.0) {
        HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(gray));
        HPDF_Page_SetGrayStroke(page, static_cast<HPDF_REAL>(gray));
    }
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font_, static_cast<HPDF_REAL>(size));
    if (bold) {
        HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(size * 0.04));
    }
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), z.c_str());
    if (bold) HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
    HPDF_Page_EndText(page);
    if (gray != 0.0) {
        HPDF_Page_SetGrayFill(page, 0.0f);
        HPDF_Page_SetGrayStroke(page, 0.0f);
    }
}

void HaruDocument::textRight(HPDF_Page page, double x_right, double baseline, std::string_view text,
                             double size, bool bold, Gray gray) const {
    this->text(page, x_right - textWidth(text, size), baseline, text, size, bold, gray);
}

void HaruDocument::textCentered(HPDF_Page page, double x_center, double baseline,
                                std::string_view text, double size, bool bold, Gray gray) const {
    this->text(page, x_center - textWidth(text, size) / 2.0, baseline, text, size, bold, gray);
}

void HaruDocument::texts(HPDF_Page page, const std::vector<TextAt>& lines, double size,
                         bool bold) const {
    bool open = false;
    std::string z;
    for (const auto& line : lines) {
        if (line.text.empty()) continue;
        if (!open) {
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, font_, static_cast<HPDF_REAL>(size));
            if (bold) {
                HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
                HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(size * 0.04));
            }
            open = true;
        }
        z.assign(line.text);  // libharu wants NUL-terminated text
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(line.x),
                          static_cast<HPDF_REAL>(line.baseline), z.c_str());
    }
    if (!open) return;
    if (bold) HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
    HPDF_Page_EndText(page);
}

void HaruDocument::strokeRects(HPDF_Page page, const std::vector<Rect>& rects,
                               double line_width) const {
    if (rects.empty()) return;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line_width));
    for (const auto& r : rects)
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(r.y),
                            static_cast<HPDF_REAL>(r.w), static_cast<HPDF_REAL>(r.h));
    HPDF_Page_Stroke(page);
}

void HaruDocument::fillRect(HPDF_Page page, double x, double y, double w, double h,
                            Gray gray) const {
    HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(gray));
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    HPDF_Page_Fill(page);
    HPDF_Page_SetGrayFill(page, 0.0f);
}

void HaruDocument::strokeRect(HPDF_Page page, double x, double y, double w, double h,
                              double line_width) const {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line_width));
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    HPDF_Page_Stroke(page);
}

void HaruDocument::line(HPDF_Page page, double x1, double y1, double x2, double y2,
                        double line_width) const {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line_width));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2));
    HPDF_Page_Stroke(page);
}

std::string HaruDocument::save() {
    HPDF_SaveToStream(doc_);
    HPDF_ResetStream(doc_);
    std::string out;
    out.resize(HPDF_GetStreamSize(doc_));
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
}

}  // namespace rxdesk::reports
