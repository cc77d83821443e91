#pragma once

namespace rxdesk::reports {

/// libharu 2.3 finds the glyph of a character by scanning the font's character map segment by
/// segment (IPAex Gothic has about 5,000 segments): for every character measured or drawn,
/// and for all 65,536 BMP code points when a document first uses a TrueType font with UTF-8
/// (≈160 ms per PDF, before anything is drawn). HaruGlyphLookup.cpp defines libharu's
/// exported HPDF_TTFontDef_GetGlyphid, so that the dynamic linker binds libharu's own calls to
/// it: a binary search over the segments (sorted by end code, as TrueType requires) with the
/// same result for every code point; a map that is not sorted is scanned as libharu does.
///
/// True when that definition is the one libharu calls (it is whenever this object file is
/// linked into the executable, which HaruDocument ensures by calling this).
bool fastGlyphLookupActive();

}  // namespace rxdesk::reports
