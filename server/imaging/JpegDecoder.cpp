#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <exception>
// jpeglib.h needs size_t and FILE declared first.
#include <jerror.h>
#include <jpeglib.h>

#include "imaging/FormatDecoders.h"
#include "imaging/PageOps.h"

namespace rxdesk::imaging {

namespace {

// Progressive JPEGs can hold thousands of tiny scans that each cost a full pass over the
// image ("scan bomb"); real documents have at most a few dozen.
constexpr int kMaxScans = 200;

struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool truncated;
};

struct ProgressManager {
    jpeg_progress_mgr pub;
    bool too_many_scans;
};

[[noreturn]] void onError(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// Warnings are counted, never printed; a truncated file only produces a warning (libjpeg
// pads it with grey), which we still treat as corrupt.
void onEmitMessage(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    ++err->pub.num_warnings;
    if (err->pub.msg_code == JWRN_JPEG_EOF) err->truncated = true;
}
void onOutputMessage(j_common_ptr) {}

void onProgress(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
    if (d->input_scan_number > kMaxScans) {
        reinterpret_cast<ProgressManager*>(cinfo->progress)->too_many_scans = true;
        onError(cinfo);
    }
}

enum class Outcome { Ok, Corrupt, Rejected };

// Everything between setjmp and longjmp lives in this frame and holds only plain C data;
// objects with destructors (the page, the budget) belong to the caller, so a longjmp out
// of libjpeg skips no destructor.
struct Job {
    std::string_view bytes;
    PageBudget* budget;
    PageImage* page;
    std::string message;
    std::exception_ptr rejection;
    bool cmyk_inverted;
};

Outcome decodeInto(Job& job) {
    jpeg_decompress_struct cinfo;
    ErrorManager err;
    ProgressManager progress;
    std::memset(&cinfo, 0, sizeof cinfo);
    std::memset(&progress, 0, sizeof progress);
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = onError;
    err.pub.emit_message = onEmitMessage;
    err.pub.output_message = onOutputMessage;
    err.message[0] = '\0';
    err.truncated = false;
    if (setjmp(err.jump)) {
        job.message = progress.too_many_scans ? "too many progressive scans" : err.message;
        jpeg_destroy_decompress(&cinfo);
        return Outcome::Corrupt;
    }
    jpeg_create_decompress(&cinfo);
    progress.pub.progress_monitor = onProgress;
    cinfo.progress = &progress.pub;
    cinfo.mem->max_memory_to_use = static_cast<long>(job.budget->limits().max_pixels_per_page * 8);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(job.bytes.data()),
                 static_cast<unsigned long>(job.bytes.size()));
    jpeg_read_header(&cinfo, TRUE);

    PageImage& page = *job.page;
    if (cinfo.density_unit == 1 || cinfo.density_unit == 2) {
        const double per_inch = cinfo.density_unit == 2 ? 2.54 : 1.0;
        page.x_dpi = cinfo.X_density * per_inch;
        page.y_dpi = cinfo.Y_density * per_inch;
    }
    const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_GRAYSCALE;
    // Adobe writes CMYK inverted; a CMYK JPEG without the Adobe marker is rare.
    job.cmyk_inverted = cinfo.saw_Adobe_marker;
    page.width = static_cast<int>(cinfo.image_width);
    page.height = static_cast<int>(cinfo.image_height);
    const auto [final_width, final_height] =
        squaredSize(cinfo.image_width, cinfo.image_height, page.x_dpi, page.y_dpi);
    try {
        if (static_cast<std::int64_t>(cinfo.image_width) * cinfo.image_height >
            job.budget->limits().max_pixels_per_page) {
            throwTooLarge("JPEG");
        }
        job.budget->admitPage(final_width, final_height);
        page.pixels.resize(static_cast<std::size_t>(page.width) * page.height);
    } catch (...) {
        job.rejection = std::current_exception();
        jpeg_destroy_decompress(&cinfo);
        return Outcome::Rejected;
    }

    jpeg_start_decompress(&cinfo);
    const int components = cinfo.output_components;
    // libjpeg's own pool owns this row buffer, so the longjmp path frees it too.
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                cinfo.output_width * components, 1);
    while (cinfo.output_scanline < cinfo.output_height) {
        const JDIMENSION y = cinfo.output_scanline;
        if (jpeg_read_scanlines(&cinfo, row, 1) != 1) break;
        std::uint8_t* dest = page.pixels.data() + static_cast<std::size_t>(y) * page.width;
        for (int x = 0; x < page.width; ++x) {
            if (components == 1) {
                dest[x] = row[0][x];
                continue;
            }
            unsigned c = row[0][x * 4], m = row[0][x * 4 + 1], yel = row[0][x * 4 + 2],
                     k = row[0][x * 4 + 3];
            if (!job.cmyk_inverted) c = 255 - c, m = 255 - m, yel = 255 - yel, k = 255 - k;
            const unsigned r = c * k / 255, g = m * k / 255, b = yel * k / 255;
            dest[x] = static_cast<std::uint8_t>((306 * r + 601 * g + 117 * b + 512) >> 10);
        }
    }
    jpeg_finish_decompress(&cinfo);
    const bool truncated = err.truncated;
    jpeg_destroy_decompress(&cinfo);
    if (truncated) {
        job.message = "premature end of data";
        return Outcome::Corrupt;
    }
    return Outcome::Ok;
}

}  // namespace

void decodeJpeg(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out) {
    PageImage page;
    Job job{bytes, &budget, &page, {}, nullptr, false};
    switch (decodeInto(job)) {
        case Outcome::Ok:
            break;
        case Outcome::Corrupt:
            throwCorrupt("JPEG", job.message);
        case Outcome::Rejected:
            std::rethrow_exception(job.rejection);
    }
    out.push_back(squarePixels(std::move(page)));
}

}  // namespace rxdesk::imaging
