#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "imaging/FormatDecoders.h"
#include "imaging/PageOps.h"

namespace rxdesk::imaging {

namespace {

// libtiff reads through these callbacks from the caller's bytes: no file, no copy.
struct MemoryFile {
    std::string_view data;
    toff_t position = 0;
    std::string error;  // first error libtiff reported for this handle
};

tmsize_t readProc(thandle_t handle, void* buffer, tmsize_t size) {
    auto* file = static_cast<MemoryFile*>(handle);
    if (size <= 0 || file->position >= file->data.size()) return 0;
    const auto available = static_cast<tmsize_t>(file->data.size() - file->position);
    const tmsize_t n = std::min(size, available);
    std::memcpy(buffer, file->data.data() + file->position, static_cast<std::size_t>(n));
    file->position += static_cast<toff_t>(n);
    return n;
}

tmsize_t writeProc(thandle_t, void*, tmsize_t) {
    return -1;
}

toff_t seekProc(thandle_t handle, toff_t offset, int whence) {
    auto* file = static_cast<MemoryFile*>(handle);
    toff_t base = 0;
    if (whence == SEEK_CUR) base = file->position;
    if (whence == SEEK_END) base = file->data.size();
    file->position = base + offset;
    return file->position;
}

int closeProc(thandle_t) {
    return 0;
}
toff_t sizeProc(thandle_t handle) {
    return static_cast<MemoryFile*>(handle)->data.size();
}
int mapProc(thandle_t, void**, toff_t*) {
    return 0;
}
void unmapProc(thandle_t, void*, toff_t) {}

// Returning 1 keeps libtiff from also calling its global handler, which prints to stderr.
int errorHandler(TIFF*, void* user_data, const char* module, const char* fmt, va_list ap) {
    auto* file = static_cast<MemoryFile*>(user_data);
    if (file->error.empty()) {
        char text[256];
        std::vsnprintf(text, sizeof text, fmt, ap);
        file->error = std::string(module ? module : "") + ": " + text;
    }
    return 1;
}

int warningHandler(TIFF*, void*, const char*, const char*, va_list) {
    return 1;
}

struct TiffCloser {
    void operator()(TIFF* tif) const { TIFFClose(tif); }
};

struct OptionsDeleter {
    void operator()(TIFFOpenOptions* options) const { TIFFOpenOptionsFree(options); }
};

[[noreturn]] void fail(const MemoryFile& file, std::string_view fallback) {
    throwCorrupt("TIFF", file.error.empty() ? fallback : std::string_view(file.error));
}

double resolution(TIFF* tif, ttag_t tag, std::uint16_t unit) {
    float value = 0;
    if (!TIFFGetField(tif, tag, &value) || !(value > 0)) return 0;
    if (unit == RESUNIT_CENTIMETER) return value * 2.54;
    if (unit == RESUNIT_NONE) return 0;
    return value;
}

// Bilevel and 8-bit grey strips are by far the common case (every fax): decode them
// directly, one strip at a time, instead of through a 4-byte-per-pixel RGBA raster.
bool decodeGreyStrips(TIFF* tif, MemoryFile& file, PageImage& page, std::uint16_t bits,
                      std::uint16_t photometric) {
    const tmsize_t strip_size = TIFFStripSize(tif);
    const tmsize_t line_size = TIFFScanlineSize(tif);
    std::uint32_t rows_per_strip = 0;
    TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rows_per_strip);
    if (strip_size <= 0 || line_size <= 0 || rows_per_strip == 0) return false;
    rows_per_strip = std::min<std::uint32_t>(rows_per_strip, page.height);
    std::vector<std::uint8_t> strip(static_cast<std::size_t>(strip_size));
    const bool min_is_white = photometric == PHOTOMETRIC_MINISWHITE;
    const std::uint32_t strips = TIFFNumberOfStrips(tif);
    for (std::uint32_t s = 0; s < strips; ++s) {
        const std::uint32_t first_row = s * rows_per_strip;
        if (first_row >= static_cast<std::uint32_t>(page.height)) break;
        const std::uint32_t rows = std::min<std::uint32_t>(rows_per_strip, page.height - first_row);
        const tmsize_t got = TIFFReadEncodedStrip(tif, s, strip.data(), strip_size);
        if (got < 0) fail(file, "strip read error");
        if (got < static_cast<tmsize_t>(rows) * line_size) fail(file, "short strip");
        for (std::uint32_t r = 0; r < rows; ++r) {
            const std::uint8_t* in = strip.data() + static_cast<std::size_t>(r * line_size);
            std::uint8_t* row = page.pixels.data() + static_cast<std::size_t>(first_row + r) *
                                                         static_cast<std::size_t>(page.width);
            for (int x = 0; x < page.width; ++x) {
                std::uint8_t value;
                if (bits == 1) {
                    const bool set = (in[x >> 3] >> (7 - (x & 7))) & 1;
                    value = set ? 255 : 0;
                } else {
                    value = in[x];
                }
                row[x] = min_is_white ? static_cast<std::uint8_t>(255 - value) : value;
            }
        }
    }
    return true;
}

void decodeRgba(TIFF* tif, MemoryFile& file, PageImage& page) {
    char message[1024] = {};
    if (!TIFFRGBAImageOK(tif, message)) {
        throwCorrupt("TIFF", file.error.empty() ? message : file.error);
    }
    std::vector<std::uint32_t> raster(page.pixels.size());
    if (!TIFFReadRGBAImageOriented(tif, page.width, page.height, raster.data(), ORIENTATION_TOPLEFT,
                                   0)) {
        fail(file, "RGBA read error");
    }
    for (std::size_t i = 0; i < raster.size(); ++i) {
        const std::uint32_t p = raster[i];
        page.pixels[i] = static_cast<std::uint8_t>(
            (306 * TIFFGetR(p) + 601 * TIFFGetG(p) + 117 * TIFFGetB(p) + 512) >> 10);
    }
}

}  // namespace

void decodeTiff(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out) {
    MemoryFile file{bytes, 0, {}};
    std::unique_ptr<TIFFOpenOptions, OptionsDeleter> options(TIFFOpenOptionsAlloc());
    TIFFOpenOptionsSetErrorHandlerExtR(options.get(), errorHandler, &file);
    TIFFOpenOptionsSetWarningHandlerExtR(options.get(), warningHandler, &file);
    // libtiff's own buffers (one strip or tile) never need more than a page's worth at
    // 8 bytes per pixel; a lying header cannot make it allocate beyond that.
    const auto max_alloc =
        std::max<std::int64_t>(16 << 20, budget.limits().max_pixels_per_page * 8);
    TIFFOpenOptionsSetMaxSingleMemAlloc(options.get(), static_cast<tmsize_t>(max_alloc));

    // "rm": read-only, never memory-map (the mapping callback refuses anyway).
    std::unique_ptr<TIFF, TiffCloser> tif(
        TIFFClientOpenExt("memory", "rm", &file, readProc, writeProc, seekProc, closeProc, sizeProc,
                          mapProc, unmapProc, options.get()));
    if (!tif) fail(file, "cannot open");

    budget.checkPageCount(TIFFNumberOfDirectories(tif.get()));
    if (!file.error.empty()) fail(file, "");
    if (!TIFFSetDirectory(tif.get(), 0)) fail(file, "cannot read first directory");

    do {
        std::uint32_t subfile_type = 0;
        TIFFGetField(tif.get(), TIFFTAG_SUBFILETYPE, &subfile_type);
        // Thumbnails and other reduced-resolution copies are not pages.
        if (subfile_type & FILETYPE_REDUCEDIMAGE) continue;

        std::uint32_t width = 0, height = 0;
        std::uint16_t bits = 1, samples = 1, photometric = 0, planar = PLANARCONFIG_CONTIG,
                      unit = RESUNIT_INCH;
        if (!TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &width) ||
            !TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &height)) {
            fail(file, "missing image size");
        }
        TIFFGetFieldDefaulted(tif.get(), TIFFTAG_BITSPERSAMPLE, &bits);
        TIFFGetFieldDefaulted(tif.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
        TIFFGetFieldDefaulted(tif.get(), TIFFTAG_PLANARCONFIG, &planar);
        TIFFGetFieldDefaulted(tif.get(), TIFFTAG_RESOLUTIONUNIT, &unit);
        const bool has_photometric = TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &photometric);

        PageImage page;
        page.x_dpi = resolution(tif.get(), TIFFTAG_XRESOLUTION, unit);
        page.y_dpi = resolution(tif.get(), TIFFTAG_YRESOLUTION, unit);
        if (static_cast<std::int64_t>(width) * height > budget.limits().max_pixels_per_page) {
            throwTooLarge("TIFF");
        }
        const auto [final_width, final_height] = squaredSize(width, height, page.x_dpi, page.y_dpi);
        budget.admitPage(final_width, final_height);

        page.width = static_cast<int>(width);
        page.height = static_cast<int>(height);
        page.pixels.assign(static_cast<std::size_t>(width) * height, 255);
        const bool grey_strips =
            !TIFFIsTiled(tif.get()) && samples == 1 && planar == PLANARCONFIG_CONTIG &&
            (bits == 1 || bits == 8) && has_photometric &&
            (photometric == PHOTOMETRIC_MINISWHITE || photometric == PHOTOMETRIC_MINISBLACK);
        if (!grey_strips || !decodeGreyStrips(tif.get(), file, page, bits, photometric)) {
            decodeRgba(tif.get(), file, page);
        }
        out.push_back(squarePixels(std::move(page)));
    } while (TIFFReadDirectory(tif.get()));
    if (!file.error.empty()) fail(file, "");
}

}  // namespace rxdesk::imaging
