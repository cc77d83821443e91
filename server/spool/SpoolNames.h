#pragma once

#include <string>
#include <string_view>

namespace rxdesk::spool {

/// What a name in the incoming directory stands for (see SpoolSettings for the rule).
enum class NameRole {
    Ignored,   ///< ".x", "x.tmp", "x.part": being written, never looked at
    Sidecar,   ///< "<document>.meta"
    Marker,    ///< "<document>.done"
    Document,  ///< anything else
};

/// The role of `name` (a file name, no directory part). The ".tmp"/".part" test ignores
/// case; ".meta"/".done" must be lower case. An empty name is Ignored.
NameRole classifyName(std::string_view name);

/// "fax1.tif" → "fax1.tif.meta".
std::string sidecarName(std::string_view document);
/// "fax1.tif" → "fax1.tif.done".
std::string markerName(std::string_view document);
/// "fax1.tif" → "fax1.tif.reason".
std::string reasonName(std::string_view document);

/// The n-th name tried when filing `name` away: n = 0 is `name` itself, n >= 1 puts "-n"
/// before the last extension: ("fax1.tif", 2) → "fax1-2.tif", ("fax1", 2) → "fax1-2",
/// ("fax.1.pdf", 1) → "fax.1-1.pdf".
std::string collisionName(std::string_view name, int n);

}  // namespace rxdesk::spool
