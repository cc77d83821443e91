#pragma once

#include <string_view>
#include <vector>

namespace rxdesk::labels {

/// A QR Code symbol as a square grid of modules, without the quiet zone (4 modules of white
/// are required around it when drawn).
struct QrCode {
    int size = 0;               ///< modules per side (21 for version 1, +4 per version)
    std::vector<bool> modules;  ///< row-major, size × size, true = dark

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};

/// Encodes `data` as bytes (8-bit mode, error correction level M, the smallest version that
/// holds it) with libqrencode. Throws Error(ErrorKind::BadRequest, "qr_invalid_text") for
/// empty data or data too long for any version (about 2,300 bytes at level M), and
/// Error(ErrorKind::Internal, "qr_error") if libqrencode fails otherwise.
QrCode encodeQr(std::string_view data);

}  // namespace rxdesk::labels
