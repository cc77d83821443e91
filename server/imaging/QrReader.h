#pragma once

#include <vector>

#include "imaging/PageImage.h"
#include "imaging/QrSymbolRead.h"

namespace rxdesk::imaging {

/// Finds every QR code on a page and returns its raw bytes (Shift_JIS stays Shift_JIS) with
/// its structured-append header. Made for faxes: the page is read as is first, then, until
/// every structured-append set seen is complete, through a median filter (speckle noise),
/// another binarizer, at a different scale and rotated by a few degrees (skew). Each symbol
/// appears once, in reading order (top to bottom, then left to right). A page without QR
/// codes gives an empty vector; nothing is thrown for unreadable content.
std::vector<QrSymbolRead> findQrCodes(const PageImage& page);

}  // namespace rxdesk::imaging
