#pragma once

#include <string_view>
#include <vector>

#include "imaging/PageBudget.h"
#include "imaging/PageImage.h"

// Internal to rxdesk_imaging: one decoder per format, called by decodeDocument after it
// sniffed the magic bytes. Each appends its pages to `out`, admitting every page to
// `budget` before decoding its pixels, and throws the Errors decodeDocument documents.
namespace rxdesk::imaging {

void decodeTiff(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out);
void decodePng(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out);
void decodeJpeg(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out);
void decodePdf(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out);

}  // namespace rxdesk::imaging
