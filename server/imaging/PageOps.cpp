#include "imaging/PageOps.h"

#include <algorithm>
#include <cmath>

namespace rxdesk::imaging {

namespace {

// Ratios this close to 1 are rounding in the resolution tags (204×196 fax fine mode).
constexpr double kSquareTolerance = 1.1;
constexpr double kMaxAspectFix = 4.0;

std::size_t index(int x, int y, int width) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(x);
}

double aspectFix(double x_dpi, double y_dpi) {
    if (!(x_dpi > 0) || !(y_dpi > 0)) return 1.0;
    const double ratio = x_dpi / y_dpi;
    if (ratio > kMaxAspectFix || ratio < 1 / kMaxAspectFix) return 1.0;
    if (ratio < kSquareTolerance && ratio > 1 / kSquareTolerance) return 1.0;
    // Fax modes are nominally 2:1 (200×100, 204×98): an exact integer factor repeats every
    // row the same number of times, which keeps QR modules regular.
    const double whole = std::round(ratio >= 1 ? ratio : 1 / ratio);
    const double near = ratio >= 1 ? ratio / whole : (1 / ratio) / whole;
    if (near < kSquareTolerance && near > 1 / kSquareTolerance) {
        return ratio >= 1 ? whole : 1 / whole;
    }
    return ratio;
}

}  // namespace

std::pair<std::int64_t, std::int64_t> squaredSize(std::int64_t width, std::int64_t height,
                                                  double x_dpi, double y_dpi) {
    const double ratio = aspectFix(x_dpi, y_dpi);
    if (ratio > 1) return {width, std::llround(static_cast<double>(height) * ratio)};
    if (ratio < 1) return {std::llround(static_cast<double>(width) / ratio), height};
    return {width, height};
}

PageImage squarePixels(PageImage page) {
    const double ratio = aspectFix(page.x_dpi, page.y_dpi);
    if (ratio == 1.0) return page;
    const auto [new_width, new_height] =
        squaredSize(page.width, page.height, page.x_dpi, page.y_dpi);
    PageImage out;
    out.width = static_cast<int>(new_width);
    out.height = static_cast<int>(new_height);
    // The denser axis is the true resolution; the other one was only sampled less often.
    out.x_dpi = out.y_dpi = std::max(page.x_dpi, page.y_dpi);
    out.pixels.resize(index(0, out.height, out.width));
    for (int y = 0; y < out.height; ++y) {
        const int src_y = std::min(page.height - 1, y * page.height / out.height);
        for (int x = 0; x < out.width; ++x) {
            const int src_x = std::min(page.width - 1, x * page.width / out.width);
            out.pixels[index(x, y, out.width)] = page.pixels[index(src_x, src_y, page.width)];
        }
    }
    return out;
}

PageImage resized(const PageImage& page, int new_width, int new_height) {
    PageImage out;
    out.width = std::max(1, new_width);
    out.height = std::max(1, new_height);
    const double sx = static_cast<double>(page.width) / out.width;
    const double sy = static_cast<double>(page.height) / out.height;
    out.x_dpi = page.x_dpi / sx;
    out.y_dpi = page.y_dpi / sy;
    out.pixels.resize(index(0, out.height, out.width));
    const std::uint8_t* src = page.pixels.data();
    std::uint8_t* dst = out.pixels.data();
    if (sx >= 1 && sy >= 1) {
        std::vector<int> x0(out.width), x1(out.width);
        for (int x = 0; x < out.width; ++x) {
            x0[x] = static_cast<int>(x * sx);
            x1[x] = std::max(x0[x] + 1, std::min(page.width, static_cast<int>((x + 1) * sx)));
        }
        std::vector<unsigned> column_sums(page.width);
        for (int y = 0; y < out.height; ++y) {
            const int y0 = static_cast<int>(y * sy);
            const int y1 = std::max(y0 + 1, std::min(page.height, static_cast<int>((y + 1) * sy)));
            std::fill(column_sums.begin(), column_sums.end(), 0u);
            for (int yy = y0; yy < y1; ++yy) {
                const std::uint8_t* row = src + index(0, yy, page.width);
                for (int x = 0; x < page.width; ++x) column_sums[x] += row[x];
            }
            std::uint8_t* out_row = dst + index(0, y, out.width);
            for (int x = 0; x < out.width; ++x) {
                unsigned sum = 0;
                for (int xx = x0[x]; xx < x1[x]; ++xx) sum += column_sums[xx];
                const auto count = static_cast<unsigned>((y1 - y0) * (x1[x] - x0[x]));
                out_row[x] = static_cast<std::uint8_t>(sum / count);
            }
        }
        return out;
    }
    // Bilinear in 8-bit fixed point: source columns and weights are the same on every row.
    std::vector<int> cx0(out.width), cx1(out.width), wx(out.width);
    for (int x = 0; x < out.width; ++x) {
        const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, page.width - 1.0);
        cx0[x] = static_cast<int>(fx);
        cx1[x] = std::min(page.width - 1, cx0[x] + 1);
        wx[x] = static_cast<int>((fx - cx0[x]) * 256);
    }
    for (int y = 0; y < out.height; ++y) {
        const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, page.height - 1.0);
        const int y0 = static_cast<int>(fy);
        const int y1 = std::min(page.height - 1, y0 + 1);
        const int wy = static_cast<int>((fy - y0) * 256);
        const std::uint8_t* top = src + index(0, y0, page.width);
        const std::uint8_t* bottom = src + index(0, y1, page.width);
        std::uint8_t* out_row = dst + index(0, y, out.width);
        for (int x = 0; x < out.width; ++x) {
            const int t = top[cx0[x]] * (256 - wx[x]) + top[cx1[x]] * wx[x];
            const int b = bottom[cx0[x]] * (256 - wx[x]) + bottom[cx1[x]] * wx[x];
            out_row[x] = static_cast<std::uint8_t>((t * (256 - wy) + b * wy + (1 << 15)) >> 16);
        }
    }
    return out;
}

PageImage rotated(const PageImage& page, double degrees) {
    PageImage out = page;
    const double radians = degrees * M_PI / 180.0;
    const double c = std::cos(radians);
    const double s = std::sin(radians);
    const double cx = (page.width - 1) / 2.0;
    const double cy = (page.height - 1) / 2.0;
    const std::uint8_t* src = page.pixels.data();
    const int w = page.width;
    for (int y = 0; y < page.height; ++y) {
        std::uint8_t* out_row = out.pixels.data() + index(0, y, w);
        const double dy = y - cy;
        // Inverse mapping, stepped along the row: where each destination pixel comes from.
        double fx = c * -cx - s * dy + cx;
        double fy = s * -cx + c * dy + cy;
        for (int x = 0; x < w; ++x, fx += c, fy += s) {
            std::uint8_t value = 255;
            if (fx >= 0 && fy >= 0 && fx < w - 1 && fy < page.height - 1) {
                const int x0 = static_cast<int>(fx);
                const int y0 = static_cast<int>(fy);
                const int ax = static_cast<int>((fx - x0) * 256);
                const int ay = static_cast<int>((fy - y0) * 256);
                const std::uint8_t* p = src + index(x0, y0, w);
                const int t = p[0] * (256 - ax) + p[1] * ax;
                const int b = p[w] * (256 - ax) + p[w + 1] * ax;
                value = static_cast<std::uint8_t>((t * (256 - ay) + b * ay + (1 << 15)) >> 16);
            }
            out_row[x] = value;
        }
    }
    return out;
}

namespace {

inline void sort2(std::uint8_t& a, std::uint8_t& b) {
    if (a > b) std::swap(a, b);
}

inline std::uint8_t median3(std::uint8_t a, std::uint8_t b, std::uint8_t c) {
    sort2(a, b);
    sort2(b, c);
    sort2(a, b);
    return b;
}

}  // namespace

PageImage medianFiltered(const PageImage& page) {
    PageImage out = page;
    const int w = page.width;
    if (w < 3 || page.height < 3) return out;
    // Sort each column of three, then the median of nine is the median of (largest low,
    // middle middle, smallest high) over three neighbouring columns.
    std::vector<std::uint8_t> lo(w), mid(w), hi(w);
    for (int y = 1; y + 1 < page.height; ++y) {
        const std::uint8_t* above = page.pixels.data() + index(0, y - 1, w);
        const std::uint8_t* row = above + w;
        const std::uint8_t* below = row + w;
        for (int x = 0; x < w; ++x) {
            std::uint8_t a = above[x], b = row[x], c = below[x];
            sort2(a, b);
            sort2(b, c);
            sort2(a, b);
            lo[x] = a;
            mid[x] = b;
            hi[x] = c;
        }
        std::uint8_t* out_row = out.pixels.data() + index(0, y, w);
        for (int x = 1; x + 1 < w; ++x) {
            const std::uint8_t max_lo = std::max({lo[x - 1], lo[x], lo[x + 1]});
            const std::uint8_t min_hi = std::min({hi[x - 1], hi[x], hi[x + 1]});
            const std::uint8_t mid_mid = median3(mid[x - 1], mid[x], mid[x + 1]);
            out_row[x] = median3(max_lo, mid_mid, min_hi);
        }
    }
    return out;
}

}  // namespace rxdesk::imaging
