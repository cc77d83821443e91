#include "imaging/QrReader.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "imaging/PageOps.h"

namespace rxdesk::imaging {

namespace {

// A transformed copy of the page and how to map its coordinates back to the page.
struct View {
    PageImage image;
    double scale = 1.0;    // view pixels per page pixel
    double degrees = 0.0;  // rotation applied after scaling
};

struct Pass {
    std::function<View(const PageImage&)> make;
    ZXing::Binarizer binarizer;
};

PixelPoint toPage(const View& view, ZXing::PointI p) {
    double x = p.x, y = p.y;
    if (view.degrees != 0) {
        // The inverse of rotated(): a view pixel came from this point before rotation.
        const double radians = view.degrees * M_PI / 180.0;
        const double c = std::cos(radians), s = std::sin(radians);
        const double cx = (view.image.width - 1) / 2.0, cy = (view.image.height - 1) / 2.0;
        const double dx = x - cx, dy = y - cy;
        x = c * dx - s * dy + cx;
        y = s * dx + c * dy + cy;
    }
    return {static_cast<int>(std::lround(x / view.scale)),
            static_cast<int>(std::lround(y / view.scale))};
}

std::uint8_t parseParity(const std::string& id) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
    if (ec != std::errc() || end != id.data() + id.size() || value > 255) return 0;
    return static_cast<std::uint8_t>(value);
}

std::vector<QrSymbolRead> readView(const View& view, ZXing::Binarizer binarizer) {
    const ZXing::ImageView image(view.image.pixels.data(), view.image.width, view.image.height,
                                 ZXing::ImageFormat::Lum);
    const auto hints = ZXing::DecodeHints()
                           .setFormats(ZXing::BarcodeFormat::QRCode)
                           .setTryHarder(true)
                           .setTryRotate(true)
                           .setTryDownscale(true)
                           .setBinarizer(binarizer);
    ZXing::Results results;
    try {
        results = ZXing::ReadBarcodes(image, hints);
    } catch (...) {
        // A reader failure on one view is just "nothing found here"; other views follow.
        return {};
    }
    std::vector<QrSymbolRead> symbols;
    for (const ZXing::Result& result : results) {
        if (!result.isValid() || result.format() != ZXing::BarcodeFormat::QRCode) continue;
        QrSymbolRead symbol;
        const ZXing::ByteArray& bytes = result.bytes();
        symbol.bytes.assign(bytes.begin(), bytes.end());
        if (result.sequenceSize() > 1 && result.sequenceIndex() >= 0) {
            symbol.index = result.sequenceIndex();
            symbol.total = result.sequenceSize();
            symbol.parity = parseParity(result.sequenceId());
        }
        const auto& position = result.position();
        symbol.position = {toPage(view, position.topLeft()), toPage(view, position.topRight()),
                           toPage(view, position.bottomRight()),
                           toPage(view, position.bottomLeft())};
        symbols.push_back(std::move(symbol));
    }
    return symbols;
}

using SymbolKey = std::tuple<int, int, int, std::string>;

SymbolKey keyOf(const QrSymbolRead& symbol) {
    return {symbol.total, symbol.parity, symbol.index, symbol.bytes};
}

// Lone symbols are complete by themselves; a structured-append set once all its parts
// have been seen.
bool allSetsComplete(const std::map<SymbolKey, QrSymbolRead>& found) {
    std::map<std::pair<int, int>, std::set<int>> indices;
    for (const auto& [key, symbol] : found) {
        if (symbol.total > 1) indices[{symbol.total, symbol.parity}].insert(symbol.index);
    }
    for (const auto& [set, seen] : indices) {
        if (static_cast<int>(seen.size()) < set.first) return false;
    }
    return true;
}

View identity(const PageImage& page) {
    return {page, 1.0, 0.0};
}

View rescaled(const PageImage& page) {
    // Low-resolution faxes have 2–3 pixel modules: enlarging helps the finder-pattern
    // search; large photos are the opposite case.
    const double scale = page.width <= 2000 ? 2.0 : 0.5;
    return {
        resized(page, static_cast<int>(page.width * scale), static_cast<int>(page.height * scale)),
        scale, 0.0};
}

View tilted(const PageImage& page, double degrees) {
    return {rotated(medianFiltered(page), degrees), 1.0, degrees};
}

}  // namespace

std::vector<QrSymbolRead> findQrCodes(const PageImage& page) {
    if (page.width <= 0 || page.height <= 0 ||
        page.pixels.size() != static_cast<std::size_t>(page.width) * page.height) {
        return {};
    }
    using ZXing::Binarizer;
    // Ordered by how often they help on faxes, cheapest first. With synthetic 200×100 dpi
    // faxes the median pass is what rescues speckled pages; the scaled and tilted views are
    // a last resort for real scanners' blur and stair-stepped edges.
    const std::vector<Pass> passes = {
        {identity, Binarizer::LocalAverage},
        {[](const PageImage& p) {
             return View{medianFiltered(p), 1.0, 0.0};
         },
         Binarizer::LocalAverage},
        {[](const PageImage& p) { return rescaled(medianFiltered(p)); }, Binarizer::LocalAverage},
        {[](const PageImage& p) { return tilted(p, 3.0); }, Binarizer::LocalAverage},
        {[](const PageImage& p) { return tilted(p, -3.0); }, Binarizer::LocalAverage},
        {identity, Binarizer::GlobalHistogram},
    };
    std::map<SymbolKey, QrSymbolRead> found;
    for (const Pass& pass : passes) {
        for (QrSymbolRead& symbol : readView(pass.make(page), pass.binarizer)) {
            found.emplace(keyOf(symbol), std::move(symbol));
        }
        if (!found.empty() && allSetsComplete(found)) break;
    }
    std::vector<QrSymbolRead> symbols;
    for (auto& [key, symbol] : found) symbols.push_back(std::move(symbol));
    std::sort(symbols.begin(), symbols.end(), [](const QrSymbolRead& a, const QrSymbolRead& b) {
        return std::tie(a.position[0].y, a.position[0].x) <
               std::tie(b.position[0].y, b.position[0].x);
    });
    return symbols;
}

}  // namespace rxdesk::imaging
