#pragma once

#include <cstdint>
#include <vector>

namespace rxdesk::imaging {

/// One decoded page: 8-bit grey, row-major, no padding (0 black, 255 white). Pages from
/// faxes sent at 200×100 dpi are already stretched so that x_dpi == y_dpi.
struct PageImage {
    int width = 0;
    int height = 0;
    double x_dpi = 0;  ///< 0 when the file did not say
    double y_dpi = 0;
    std::vector<std::uint8_t> pixels;  ///< width * height bytes

    std::uint8_t at(int x, int y) const {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(x)];
    }
};

}  // namespace rxdesk::imaging
