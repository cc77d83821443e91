#include "reports/render/HaruGlyphLookup.h"

#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_error.h>
#include <hpdf_fontdef.h>

#include <algorithm>

namespace {

// Whether the segment end codes of the map last asked about are ascending. Fonts are parsed
// once per document; checking each map once per thread keeps the lookup O(log n).
bool ascending(const HPDF_UINT16* end_count, HPDF_UINT segments) {
    thread_local const HPDF_UINT16* checked = nullptr;
    thread_local HPDF_UINT checked_segments = 0;
    thread_local bool checked_ascending = false;
    if (end_count != checked || segments != checked_segments) {
        checked = end_count;
        checked_segments = segments;
        checked_ascending = std::is_sorted(end_count, end_count + segments);
    }
    return checked_ascending;
}

}  // namespace

// Replaces libharu's function of the same name and contract (see HaruGlyphLookup.h): the
// glyph id of `unicode` in the font's format 4 (or format 0) character map, 0 for a
// character the font does not have; an empty map is libharu's error HPDF_TTF_INVALID_CMAP.
extern "C" HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode) {
    const auto* attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
    const HPDF_TTF_CmapRange& cmap = attr->cmap;
    if (cmap.format == 0) return cmap.glyph_id_array[unicode & 0xFF];
    const HPDF_UINT segments = cmap.seg_count_x2 / 2u;
    if (segments == 0) {
        HPDF_SetError(fontdef->error, HPDF_TTF_INVALID_CMAP, 0);
        return 0;
    }
    // The first segment whose end code is not below the character.
    const HPDF_UINT16* begin = cmap.end_count;
    const HPDF_UINT16* end = begin + segments;
    const HPDF_UINT16* at =
        ascending(cmap.end_count, segments)
            ? std::lower_bound(begin, end, unicode)
            : std::find_if(begin, end, [&](HPDF_UINT16 e) { return unicode <= e; });
    if (at == end) return 0;
    const HPDF_UINT i = static_cast<HPDF_UINT>(at - begin);
    if (cmap.start_count[i] > unicode) return 0;
    if (cmap.id_range_offset[i] == 0) return static_cast<HPDF_UINT16>(unicode + cmap.id_delta[i]);
    // id_range_offset counts bytes from its own entry to the glyph id, in the map's layout
    // where glyph_id_array follows the id_range_offset array.
    const HPDF_UINT index =
        cmap.id_range_offset[i] / 2u + (unicode - cmap.start_count[i]) - (segments - i);
    if (index > cmap.glyph_id_array_count) return 0;
    return static_cast<HPDF_UINT16>(cmap.glyph_id_array[index] + cmap.id_delta[i]);
}

namespace rxdesk::reports {

bool fastGlyphLookupActive() {
    return dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_GetGlyphid") ==
           reinterpret_cast<void*>(&HPDF_TTFontDef_GetGlyphid);
}

}  // namespace rxdesk::reports
