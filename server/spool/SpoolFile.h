#pragma once

#include <optional>
#include <string>

#include "core/Clock.h"

namespace rxdesk::spool {

/// Where SpoolFile::received_at came from.
enum class ReceivedAtSource { Sidecar, FileMtime };

/// A complete fax document taken from the spool, as handed to the intake sink.
struct SpoolFile {
    std::string name;   ///< file name in the spool directory, e.g. "fax000123.tif"
    std::string bytes;  ///< the whole file, exactly as the gateway wrote it
    /// SHA-256 of `bytes`, 64 lower-case hex characters. The sink MUST be idempotent on it:
    /// when the server stops after the sink accepted a file but before the file was moved
    /// to done/, the same file (same sha256) is handed over again on the next scan, and the
    /// sink must answer accepted with the prescription it created the first time.
    std::string sha256;
    /// Sender's fax number from the sidecar (`sender=`), digits with an optional leading
    /// "+"; nullopt without a sidecar or when the value was unusable.
    std::optional<std::string> sender_fax;
    /// When the fax was received: the sidecar's `received_at=` when valid, else the
    /// file's modification time.
    TimePoint received_at{};
    ReceivedAtSource received_at_source = ReceivedAtSource::FileMtime;
    /// 1 on the first hand-over, incremented each time the sink asked to retry later.
    int attempt = 1;
};

}  // namespace rxdesk::spool
