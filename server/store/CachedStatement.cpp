#include "store/CachedStatement.h"

namespace rxdesk::store {

CachedStatement::~CachedStatement() {
    if (!in_use_) return;  // a fresh statement: finalized with owned_
    // Reset releases whatever the last step held; the error of a failed step was already
    // thrown to the caller, so reset's copy of it is of no further use.
    statement_->tryReset();
    try {
        statement_->clearBindings();
    } catch (...) {
    }
    *in_use_ = false;
}

CachedStatement StatementCache::get(std::string_view sql) {
    auto it = entries_.find(sql);
    if (it == entries_.end()) {
        auto entry =
            std::unique_ptr<Entry>(new Entry{SQLite::Statement(connection_, std::string(sql))});
        it = entries_.emplace(std::string(sql), std::move(entry)).first;
    }
    Entry& entry = *it->second;
    if (entry.in_use)
        return CachedStatement(std::make_unique<SQLite::Statement>(connection_, std::string(sql)));
    entry.in_use = true;
    return CachedStatement(&entry.statement, &entry.in_use);
}

}  // namespace rxdesk::store
