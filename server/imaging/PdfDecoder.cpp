#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>

#include "imaging/FormatDecoders.h"

namespace rxdesk::imaging {

namespace {

constexpr double kPointsPerInch = 72.0;

// Poppler reports through one process-wide callback. The messages describe the file's
// structure only; keep the last one per thread so that a failure can say why.
thread_local std::string t_last_poppler_message;

void capturePopplerMessage(const std::string& message, void*) {
    t_last_poppler_message = message.substr(0, 200);
}

void installPopplerHandler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(capturePopplerMessage, nullptr); });
}

[[noreturn]] void fail(std::string_view fallback) {
    throwCorrupt("PDF", t_last_poppler_message.empty() ? fallback
                                                       : std::string_view(t_last_poppler_message));
}

// Pixels a page will have at `dpi`, computed in floating point so that absurd media boxes
// (1e30 points) do not overflow before the limit check.
std::int64_t pixelsAlong(double points, double dpi) {
    const double pixels = std::ceil(std::fabs(points) / kPointsPerInch * dpi);
    if (!std::isfinite(pixels) || pixels > static_cast<double>(INT_MAX)) return INT64_MAX / 4;
    return static_cast<std::int64_t>(pixels);
}

}  // namespace

void decodePdf(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out) {
    installPopplerHandler();
    t_last_poppler_message.clear();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throwTooLarge("PDF");
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) fail("cannot open");
    if (document->is_locked()) throwCorrupt("PDF", "password protected");
    const int pages = document->pages();
    if (pages <= 0) fail("no pages");
    budget.checkPageCount(pages);

    const double dpi = budget.limits().pdf_dpi;
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffff);
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page) fail("cannot read page");
        // The renderer uses the crop box; rotation by 90° swaps the sides, not the area.
        const poppler::rectf box = page->page_rect(poppler::crop_box);
        std::int64_t width = pixelsAlong(box.width(), dpi);
        std::int64_t height = pixelsAlong(box.height(), dpi);
        const auto orientation = page->orientation();
        if (orientation == poppler::page::landscape || orientation == poppler::page::seascape) {
            std::swap(width, height);
        }
        budget.admitPage(width, height);

        poppler::image image = renderer.render_page(page.get(), dpi, dpi);
        if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) fail("render failed");
        if (static_cast<std::int64_t>(image.width()) > width + 2 ||
            static_cast<std::int64_t>(image.height()) > height + 2) {
            throwTooLarge("PDF");
        }
        PageImage result;
        result.width = image.width();
        result.height = image.height();
        result.x_dpi = result.y_dpi = dpi;
        result.pixels.resize(static_cast<std::size_t>(result.width) * result.height);
        const char* data = image.const_data();
        const int stride = image.bytes_per_row();
        if (image.format() == poppler::image::format_gray8) {
            for (int y = 0; y < result.height; ++y) {
                std::memcpy(result.pixels.data() + static_cast<std::size_t>(y) * result.width,
                            data + static_cast<std::size_t>(y) * stride,
                            static_cast<std::size_t>(result.width));
            }
        } else if (image.format() == poppler::image::format_argb32) {
            for (int y = 0; y < result.height; ++y) {
                const auto* row = reinterpret_cast<const unsigned char*>(
                    data + static_cast<std::size_t>(y) * stride);
                for (int x = 0; x < result.width; ++x) {
                    // BGRA byte order in memory on little-endian machines.
                    const unsigned b = row[x * 4], g = row[x * 4 + 1], r = row[x * 4 + 2];
                    result.pixels[static_cast<std::size_t>(y) * result.width + x] =
                        static_cast<std::uint8_t>((306 * r + 601 * g + 117 * b + 512) >> 10);
                }
            }
        } else {
            fail("unexpected render format");
        }
        out.push_back(std::move(result));
    }
}

}  // namespace rxdesk::imaging
