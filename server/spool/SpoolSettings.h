#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace rxdesk::spool {

/// How the fax spool is watched. Proposed properties in brackets; the defaults are what an
/// unset property means.
///
/// When a file is complete (the rule, in order; the first that applies decides):
///  1. Names starting with "." and names ending in ".tmp" or ".part" (any case) are never
///     looked at: a gateway writes under such a name and renames into place.
///  2. "<name>.meta" (sidecar) and "<name>.done" (ready marker) are control files, never
///     documents. "<name>.reason" is not special in the incoming directory.
///  3. Sub-directories (including done/ and rejected/) are ignored; symlinks and other
///     non-regular entries are moved to rejected/ ("symlink_refused", "not_regular_file")
///     and never followed or opened.
///  4. A document with a "<name>.done" marker is taken on the scan that sees the marker.
///  5. Otherwise it is taken once its size and mtime, and those of its sidecar if any,
///     are unchanged across scans at least settle_time apart, and it is not empty.
///     (settle_time 0: on the first scan that sees it; only for gateways that rename
///     complete files into place.)
///  6. After reading, the file is stat'ed again; if size or mtime moved, or the bytes
///     read do not match the size, it is not taken and settling starts over.
/// Whether another process still holds the file open for writing is not checked: there
/// is no portable way (fuser/inotify are Linux-only and racy on network file systems).
struct SpoolSettings {
    /// [rxdesk.spool.enabled] whether rxdesk watches a spool directory at all.
    bool enabled = false;
    /// [rxdesk.spool.dir] the gateway's incoming directory. done/ and rejected/ are created
    /// inside it (so moves are renames on one file system).
    std::string dir;
    /// [rxdesk.spool.scan_interval_seconds] time between scans. (Milliseconds here so that
    /// tests can scan fast; the property is in whole seconds.)
    std::chrono::milliseconds scan_interval{std::chrono::seconds{5}};
    /// [rxdesk.spool.settle_seconds] how long size and mtime must stay unchanged.
    std::chrono::milliseconds settle_time{std::chrono::seconds{10}};
    /// [rxdesk.spool.max_file_bytes] larger documents are rejected as "too_large" without
    /// being read. Matches imaging's DecodeLimits::max_input_bytes by default.
    std::uint64_t max_file_bytes = 64u << 20;
    /// [rxdesk.spool.max_attempts] hand-overs answered "retry later" before the file is
    /// rejected as "too_many_attempts".
    int max_attempts = 10;
    /// [rxdesk.spool.max_files_per_scan] documents handed over per scan at most (oldest
    /// first); the rest wait for the next scan, so one scan never runs for long.
    int max_files_per_scan = 20;

    /// Throws Error(BadRequest, "invalid_spool_settings", ..., field = property name) when
    /// enabled with an empty dir, or when scan_interval is not positive, settle_time is
    /// negative, max_file_bytes is 0, max_attempts < 1 or max_files_per_scan < 1.
    void validate() const;
};

}  // namespace rxdesk::spool
