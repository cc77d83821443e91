#pragma once

#include <functional>

namespace rxdesk {

/// The port through which services group repository calls into one atomic unit.
/// Repository methods must be called inside `read` or `write`; a `write` nested in
/// another `write` joins it; a `write` nested in a `read` is a programming error.
class Transactor {
public:
    virtual ~Transactor() = default;

    /// Runs `work` in a write transaction: all of it commits, or (on any exception, which
    /// is rethrown) none of it does. Writes are serialised.
    virtual void write(const std::function<void()>& work) = 0;

    /// Runs `work` against a consistent snapshot; may run concurrently with other reads.
    virtual void read(const std::function<void()>& work) = 0;
};

}  // namespace rxdesk
