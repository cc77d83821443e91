#pragma once

// Decodes barcodes from 8-bit grey images with zxing-cpp (tests only).

#include <ZXing/ReadBarcode.h>

#include <string>
#include <vector>

#include "dispatch/labels/Code128.h"
#include "dispatch/labels/QrCode.h"

namespace rxdesk::testutil {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;  // row-major, 0 black … 255 white
};

/// Texts of all symbols of the given formats found in the image.
inline std::vector<std::string> decodeAll(const GrayImage& image, ZXing::BarcodeFormats formats) {
    ZXing::DecodeHints hints;
    hints.setFormats(formats);
    hints.setTryHarder(true);
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height,
                                ZXing::ImageFormat::Lum);
    std::vector<std::string> texts;
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        // The raw bytes: parcel numbers are ASCII, so no character-set guessing is wanted.
        if (result.isValid()) texts.emplace_back(result.bytes().begin(), result.bytes().end());
    }
    return texts;
}

/// Draws a Code 128 symbol with `scale` pixels per module and a 10-module quiet zone.
inline GrayImage drawCode128(const labels::Code128Symbol& symbol, int scale = 3) {
    GrayImage image;
    image.width = (symbol.moduleCount() + 20) * scale;
    image.height = 40;
    image.pixels.assign(static_cast<std::size_t>(image.width) * image.height, 255);
    int x = 10 * scale;
    for (std::size_t i = 0; i < symbol.widths.size(); ++i) {
        const int w = symbol.widths[i] * scale;
        if (i % 2 == 0) {
            for (int y = 0; y < image.height; ++y) {
                for (int k = 0; k < w; ++k) image.pixels[y * image.width + x + k] = 0;
            }
        }
        x += w;
    }
    return image;
}

/// Draws a QR symbol with `scale` pixels per module and a 4-module quiet zone.
inline GrayImage drawQr(const labels::QrCode& qr, int scale = 4) {
    GrayImage image;
    image.width = image.height = (qr.size + 8) * scale;
    image.pixels.assign(static_cast<std::size_t>(image.width) * image.height, 255);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.dark(x, y)) continue;
            for (int dy = 0; dy < scale; ++dy) {
                for (int dx = 0; dx < scale; ++dx) {
                    image.pixels[(4 * scale + y * scale + dy) * image.width + 4 * scale +
                                 x * scale + dx] = 0;
                }
            }
        }
    }
    return image;
}

}  // namespace rxdesk::testutil
