#include "dispatch/labels/QrCode.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

#include "core/Error.h"

namespace rxdesk::labels {

QrCode encodeQr(std::string_view data) {
    if (data.empty()) {
        throw Error(ErrorKind::BadRequest, "qr_invalid_text", "QR code data is empty");
    }
    // QRcode_encodeData takes a length, so NUL bytes and any encoding pass through as is.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeData(static_cast<int>(data.size()),
                          reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!qr) {
        if (errno == ERANGE) {
            throw Error(ErrorKind::BadRequest, "qr_invalid_text", "QR code data is too long");
        }
        throw Error(ErrorKind::Internal, "qr_error", "libqrencode failed");
    }
    QrCode code;
    code.size = qr->width;
    code.modules.resize(static_cast<std::size_t>(qr->width) * qr->width);
    for (std::size_t i = 0; i < code.modules.size(); ++i) {
        // Bit 0 of each byte is the module colour; the other bits are libqrencode internals.
        code.modules[i] = (qr->data[i] & 1) != 0;
    }
    return code;
}

}  // namespace rxdesk::labels
