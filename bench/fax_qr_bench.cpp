// Fax intake with QR decode: pages per second, single thread, for a single-page A4 CCITT
// G4 TIFF at 200 dpi carrying one JAHIS QR code (Shift_JIS, as clinics print it):
//  - "clean": 200 × 200 dpi, straight, no noise;
//  - "fax": standard-mode fax (200 × 100 dpi), 3-pixel modules, 1° skew and 1 % speckle,
//    the hard case of the QrReader tests, which needs more than the plain read;
//  - "no_qr": the same page without a QR code (a cover sheet): every pass runs and finds
//    nothing, the most a page can cost.
// Baseline: the same TIFF through decodeDocument only (no QR search).
//
// The page generator is a copy of the idea in tests/unit/imaging/FaxFixtures (libqrencode,
// hand-drawn page, libtiff in memory); test code is not linked.
//
//   bench_fax_qr [--seconds S]      (S per measurement, default 3)
//
// Prints one "key=value" line per figure.

#include <qrencode.h>
#include <tiffio.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <iostream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/TextEncoding.h"
#include "imaging/DocumentDecoder.h"
#include "imaging/QrReader.h"
#include "imaging/QrText.h"

namespace {

using rxdesk::imaging::PageImage;

// A short JAHIS prescription (one Rp, one drug) with the オンライン対応 remark.
const char* const kJahisText =
    "JAHIS7\r\n"
    "1,1,1312345,13,医療法人 桜会 さくら内科クリニック\r\n"
    "2,105-0004,東京都港区新橋一丁目1番1号\r\n"
    "3,03-0000-0000,,\r\n"
    "4,1,,内科\r\n"
    "5,,ｻｸﾗ ｼﾞﾛｳ,桜 次郎\r\n"
    "11,,日薬 太郎,ﾆﾁﾔｸ ﾀﾛｳ\r\n"
    "12,1\r\n"
    "13,19600606\r\n"
    "21,1\r\n"
    "22,06012345\r\n"
    "23,０１－２３,１２３４,2,05\r\n"
    "51,20261120\r\n"
    "81,1,,オンライン対応\r\n"
    "101,1,1,,14\r\n"
    "111,1,1,,１日３回毎食後,3\r\n"
    "201,1,1,1,4,2171022F1029,ノルバスク錠２．５ｍｇ,1,1,錠\r\n";

std::size_t at(const PageImage& page, int x, int y) {
    return static_cast<std::size_t>(y) * page.width + x;
}

// A4 at 200 dpi in fax width, white, with a few black bars standing in for lines of text.
PageImage a4Page() {
    PageImage page;
    page.width = 1728;
    page.height = 2339;
    page.x_dpi = page.y_dpi = 200;
    page.pixels.assign(static_cast<std::size_t>(page.width) * page.height, 255);
    for (int line = 0; line < 12; ++line) {
        const int y0 = page.height / 20 + line * page.height / 60;
        const int x1 = page.width / 10 + (line * 97 % (page.width / 2));
        for (int y = y0; y < y0 + 3; ++y)
            for (int x = page.width / 12; x < x1; ++x) page.pixels[at(page, x, y)] = 0;
    }
    return page;
}

// One 8-bit-mode QR symbol (level M) drawn with its top-left module at (left, top).
void drawQr(PageImage& page, const std::string& bytes, int left, int top, int module_px) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeData(static_cast<int>(bytes.size()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), 0, QR_ECLEVEL_M),
        QRcode_free);
    if (!qr) throw std::runtime_error("libqrencode failed");
    for (int my = 0; my < qr->width; ++my)
        for (int mx = 0; mx < qr->width; ++mx) {
            if (!(qr->data[my * qr->width + mx] & 1)) continue;
            for (int y = 0; y < module_px; ++y)
                for (int x = 0; x < module_px; ++x)
                    page.pixels[at(page, left + mx * module_px + x, top + my * module_px + y)] = 0;
        }
}

// Rotates counter-clockwise about the centre (nearest neighbour, white corners).
PageImage rotate(const PageImage& page, double degrees) {
    PageImage out = page;
    const double r = degrees * M_PI / 180.0, c = std::cos(r), s = std::sin(r);
    const double cx = page.width / 2.0, cy = page.height / 2.0;
    for (int y = 0; y < page.height; ++y)
        for (int x = 0; x < page.width; ++x) {
            const int sx = static_cast<int>(std::lround(c * (x - cx) - s * (y - cy) + cx));
            const int sy = static_cast<int>(std::lround(s * (x - cx) + c * (y - cy) + cy));
            const bool inside = sx >= 0 && sy >= 0 && sx < page.width && sy < page.height;
            out.pixels[at(out, x, y)] = inside ? page.pixels[at(page, sx, sy)] : 255;
        }
    return out;
}

// Keeps every other row, as a fax machine in standard mode scans: 200 × 200 → 200 × 100 dpi.
PageImage halveRows(const PageImage& page) {
    PageImage out = page;
    out.height = page.height / 2;
    out.y_dpi = page.y_dpi / 2;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    for (int y = 0; y < out.height; ++y)
        std::memcpy(&out.pixels[at(out, 0, y)], &page.pixels[at(page, 0, 2 * y)],
                    static_cast<std::size_t>(out.width));
    return out;
}

void addSpeckle(PageImage& page, double fraction) {
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> where(0, page.pixels.size() - 1);
    const auto count = static_cast<std::size_t>(fraction * static_cast<double>(page.pixels.size()));
    for (std::size_t i = 0; i < count; ++i) page.pixels[where(rng)] = (i & 1) ? 0 : 255;
}

// libtiff writes into a std::string through these callbacks.
struct MemoryFile {
    std::string data;
    toff_t position = 0;
};
tmsize_t memRead(thandle_t, void*, tmsize_t) {
    return 0;
}
tmsize_t memWrite(thandle_t h, void* buffer, tmsize_t size) {
    auto* f = static_cast<MemoryFile*>(h);
    const std::size_t end = f->position + static_cast<std::size_t>(size);
    if (end > f->data.size()) f->data.resize(end);
    std::memcpy(f->data.data() + f->position, buffer, static_cast<std::size_t>(size));
    f->position = end;
    return size;
}
toff_t memSeek(thandle_t h, toff_t offset, int whence) {
    auto* f = static_cast<MemoryFile*>(h);
    f->position = (whence == SEEK_CUR   ? f->position
                   : whence == SEEK_END ? f->data.size()
                                        : 0) +
                  offset;
    return f->position;
}
int memClose(thandle_t) {
    return 0;
}
toff_t memSize(thandle_t h) {
    return static_cast<MemoryFile*>(h)->data.size();
}
int memMap(thandle_t, void**, toff_t*) {
    return 0;
}
void memUnmap(thandle_t, void*, toff_t) {}

// A single-page bilevel CCITT G4 TIFF, as a fax server stores it.
std::string g4Tiff(const PageImage& page) {
    MemoryFile file;
    TIFF* tif = TIFFClientOpen("bench", "w", &file, memRead, memWrite, memSeek, memClose, memSize,
                               memMap, memUnmap);
    if (tif == nullptr) throw std::runtime_error("TIFFClientOpen failed");
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, page.width);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, page.height);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, page.height);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(page.x_dpi));
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(page.y_dpi));
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    std::vector<std::uint8_t> row(static_cast<std::size_t>((page.width + 7) / 8));
    for (int y = 0; y < page.height; ++y) {
        std::fill(row.begin(), row.end(), 0);
        for (int x = 0; x < page.width; ++x)
            if (page.pixels[at(page, x, y)] < 128) row[x >> 3] |= 0x80 >> (x & 7);
        if (TIFFWriteScanline(tif, row.data(), static_cast<std::uint32_t>(y), 0) < 0)
            throw std::runtime_error("TIFFWriteScanline failed");
    }
    TIFFClose(tif);
    return file.data;
}

// Runs `work` for at least `seconds` (and at least 3 times); returns runs per second.
template <typename Work>
double perSecond(double seconds, Work work) {
    using Clock = std::chrono::steady_clock;
    work();  // warm-up: first-touch allocations, zxing's static tables
    int runs = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    while (runs < 3 || elapsed < seconds) {
        work();
        ++runs;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return runs / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::stod(argv[i + 1]);

    const std::string sjis = rxdesk::utf8ToCp932(kJahisText).value();
    struct Case {
        const char* name;
        int module_px;  // 0: no QR code on the page
        double skew_degrees;
        double speckle;
        bool standard_mode;  // 200 × 100 dpi
    } cases[] = {
        {"clean", 4, 0.0, 0.0, false}, {"fax", 3, 1.0, 0.01, true}, {"no_qr", 0, 1.0, 0.01, true}};

    for (const Case& c : cases) {
        PageImage printed = a4Page();
        if (c.module_px > 0) drawQr(printed, sjis, 1000, 1500, c.module_px);
        PageImage page = c.skew_degrees != 0 ? rotate(printed, c.skew_degrees) : printed;
        addSpeckle(page, c.speckle);
        const std::string tiff = g4Tiff(c.standard_mode ? halveRows(page) : page);

        // Check once that the page really yields the prescription text.
        const auto decoded = rxdesk::imaging::decodeDocument(tiff);
        const auto text =
            rxdesk::imaging::qrSymbolsToText(rxdesk::imaging::findQrCodes(decoded.at(0)));
        const bool read = text.utf8_text && *text.utf8_text == kJahisText;

        const double baseline = perSecond(seconds, [&] { rxdesk::imaging::decodeDocument(tiff); });
        const double with_qr = perSecond(seconds, [&] {
            for (const PageImage& p : rxdesk::imaging::decodeDocument(tiff))
                rxdesk::imaging::qrSymbolsToText(rxdesk::imaging::findQrCodes(p));
        });
        const std::string key = std::string("fax_") + c.name;
        std::cout << key << "_tiff_bytes=" << tiff.size() << "\n"
                  << key << "_qr_read="
                  << (c.module_px == 0 ? "none on page"
                      : read           ? "yes"
                                       : "NO")
                  << "\n"
                  << key << "_decode_only_pages_per_s=" << baseline << "\n"
                  << key << "_with_qr_pages_per_s=" << with_qr << "\n";
    }
    return 0;
}
