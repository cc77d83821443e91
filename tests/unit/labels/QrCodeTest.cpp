#include <gtest/gtest.h>

#include "core/Error.h"
#include "dispatch/labels/QrCode.h"
#include "unit/labels/BarcodeReader.h"

using namespace rxdesk;
using namespace rxdesk::labels;

TEST(QrCode, UsesTheSmallestVersionAndDecodesBack) {
    const QrCode qr = encodeQr("RX-2026-000123");
    EXPECT_EQ(qr.size, 21);  // version 1 holds 14 bytes at level M
    EXPECT_EQ(qr.modules.size(), 21u * 21u);
    const auto decoded = testutil::decodeAll(testutil::drawQr(qr), ZXing::BarcodeFormat::QRCode);
    ASSERT_EQ(decoded.size(), 1u);
    EXPECT_EQ(decoded[0], "RX-2026-000123");
    EXPECT_GT(encodeQr(std::string(100, 'A')).size, 21);
}

TEST(QrCode, RejectsEmptyAndOverlongData) {
    for (const std::string& data : {std::string(), std::string(4000, 'x')}) {
        try {
            encodeQr(data);
            ADD_FAILURE() << "accepted " << data.size() << " bytes";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
            EXPECT_EQ(e.code(), "qr_invalid_text");
        }
    }
}
