#pragma once

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reports/model/TextWrap.h"

namespace rxdesk::reports {

/// IPAex Gothic as installed by Debian's fonts-ipaexfont-gothic.
inline constexpr std::string_view kDefaultJapaneseFontPath =
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/// Points per millimetre (1 pt = 1/72 inch).
inline constexpr double kPointsPerMm = 72.0 / 25.4;

/// Grey level for fills, 0 black … 1 white.
using Gray = double;

/// A libharu PDF document writing UTF-8 text in one Japanese TrueType font, loaded and
/// embedded (subset) once per document however many pages use it. Shared by every printed
/// output (reports, labels, handling notes). Coordinates are PDF points with the origin at
/// the bottom left of the page.
///
/// Every libharu error is turned, by the error handler, into
/// Error(ErrorKind::Internal, "pdf_error") naming the libharu error number; the document
/// must then be discarded. A font file that cannot be read fails in the constructor.
class HaruDocument {
public:
    explicit HaruDocument(const std::string& font_path);
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    /// Appends a page of the given size (points) and returns it.
    HPDF_Page addPage(double width, double height);
    /// Pages in the order they were added.
    const std::vector<HPDF_Page>& pages() const { return pages_; }

    /// Width of UTF-8 `text` at `size` points: the sum of its characters' widths, as libharu
    /// measures them. Each distinct character is asked of libharu once per document (its
    /// glyph lookup scans the font's whole character map), then remembered.
    double textWidth(std::string_view text, double size) const;
    /// A per-character measure for wrapText / truncateText at `size` points (cached as above).
    CharWidth charWidth(double size) const;

    /// Draws one line of text with its baseline at y, in the grey level `gray` (1 = white,
    /// for text on a dark box). `bold` simulates a bold face (the font has none) by stroking
    /// the glyph outlines as well as filling them.
    void text(HPDF_Page page, double x, double baseline, std::string_view text, double size,
              bool bold = false, Gray gray = 0.0) const;
    /// Draws text right-aligned so that it ends at x_right.
    void textRight(HPDF_Page page, double x_right, double baseline, std::string_view text,
                   double size, bool bold = false, Gray gray = 0.0) const;
    /// Draws text centred on x_center.
    void textCentered(HPDF_Page page, double x_center, double baseline, std::string_view text,
                      double size, bool bold = false, Gray gray = 0.0) const;

    /// One line of black text at (x, baseline), for texts().
    struct TextAt {
        double x = 0.0;
        double baseline = 0.0;
        std::string_view text;
    };
    /// Draws black lines of text at one size in a single text object: the same marks as
    /// text() for each, with a fraction of the page operators (a table of thousands of cells
    /// writes, formats and compresses far less).
    void texts(HPDF_Page page, const std::vector<TextAt>& lines, double size,
               bool bold = false) const;

    /// A rectangle (x, y = bottom left), for strokeRects().
    struct Rect {
        double x = 0.0;
        double y = 0.0;
        double w = 0.0;
        double h = 0.0;
    };
    /// Strokes several rectangle outlines as one path.
    void strokeRects(HPDF_Page page, const std::vector<Rect>& rects, double line_width) const;

    /// Fills a rectangle (x, y = bottom left) with the grey level.
    void fillRect(HPDF_Page page, double x, double y, double w, double h, Gray gray) const;
    /// Strokes a rectangle outline.
    void strokeRect(HPDF_Page page, double x, double y, double w, double h,
                    double line_width) const;
    /// Strokes a straight line.
    void line(HPDF_Page page, double x1, double y1, double x2, double y2, double line_width) const;

    /// Serialises the document. May be called once.
    std::string save();

private:
    /// Advance width of one UTF-8 character in 1/1000 em.
    double unitWidth(std::string_view character) const;

    HPDF_Doc doc_ = nullptr;
    HPDF_Font font_ = nullptr;
    std::vector<HPDF_Page> pages_;
    mutable std::array<double, 128> ascii_widths_{};            // < 0: not measured yet
    mutable std::unordered_map<std::uint32_t, double> widths_;  // by the character's bytes
};

}  // namespace rxdesk::reports
