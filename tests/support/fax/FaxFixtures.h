#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "imaging/PageImage.h"

// Synthetic faxes for the imaging tests: JAHIS text → QR symbols (libqrencode) → a page at
// 200 dpi → skew, speckle noise, 200×100 dpi → TIFF (CCITT G4/G3), PNG, JPEG or PDF bytes.
// Everything is generated in memory and deterministic (fixed seeds). Independent of the
// code under test: rotation, scaling and encoders here do not use rxdesk_imaging.
namespace rxdesk::imaging::fixtures {

/// The JAHIS text (UTF-8) of the rich sample prescription, all records filled.
std::string richJahisText();

/// A short JAHIS text (one Rp, one drug) that fits one mid-size QR symbol.
std::string shortJahisText();

/// UTF-8 → Shift_JIS; fails the test (throws std::runtime_error) when not representable.
std::string toShiftJis(std::string_view utf8);

/// A QR symbol as a square of modules, true = dark.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
};

/// One 8-bit-mode symbol at error-correction level M; version 0 picks the smallest.
QrModules encodeQr(std::string_view bytes, int version = 0);

/// A structured-append set of 8-bit-mode symbols of the given version (level M), in order.
std::vector<QrModules> encodeQrStructured(std::string_view bytes, int version);

/// A white page with a few black bars standing in for printed lines of text.
PageImage blankPage(int width, int height, double dpi);

/// A4 at 200 dpi in fax width: 1728 × 2339.
PageImage a4Page();

/// Draws `qr` with its top-left module at (left, top), each module module_px square, plus a
/// 4-module white quiet zone.
void drawQr(PageImage& page, const QrModules& qr, int left, int top, int module_px);

/// Rotates counter-clockwise about the centre (nearest neighbour, white corners).
PageImage rotatePage(const PageImage& page, double degrees);

/// Flips `fraction` of the pixels to black or white at random (fixed seed).
void addSaltAndPepper(PageImage& page, double fraction, unsigned seed);

/// Keeps every other row, as a fax machine in standard mode scans: 200×200 → 200×100 dpi.
PageImage halveRows(const PageImage& page);

/// A bilevel TIFF, one directory per page, MinIsWhite, thresholded at 128. `compression`
/// is a libtiff COMPRESSION_* value (CCITTFAX4 by default).
std::string writeBilevelTiff(const std::vector<PageImage>& pages, double x_dpi, double y_dpi,
                             int compression = 4);

/// An uncompressed 8-bit RGB TIFF (exercises the non-fax path).
std::string writeRgbTiff(const PageImage& page, double dpi);

/// A grey PNG.
std::string writePng(const PageImage& page);

/// A grey JPEG with a JFIF density of `dpi`.
std::string writeJpeg(const PageImage& page, int quality, int dpi);

/// A PDF (libharu) with one page per image, each image a PNG filling a page sized from `dpi`.
std::string writePdf(const std::vector<PageImage>& pages, double dpi);

/// A hand-written PDF of `pages` empty pages with the given media box (points).
std::string minimalPdf(int pages, double width_pt, double height_pt);

/// A well-formed PNG header (signature, IHDR with valid CRC) claiming width × height grey
/// pixels, followed by a tiny IDAT and IEND: a decompression bomb's calling card.
std::string pngClaiming(std::uint32_t width, std::uint32_t height);

/// A little-endian G4 TIFF whose one directory claims width × height pixels over a 16-byte
/// strip.
std::string tiffClaiming(std::uint32_t width, std::uint32_t height);

}  // namespace rxdesk::imaging::fixtures
