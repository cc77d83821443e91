#pragma once

#include <string_view>
#include <vector>

namespace rxdesk::schema {

/// One forward-only migration: `version` is the NNNN prefix of its file name.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// Every schema/NNNN_*.sql file, embedded at build time, in ascending version order.
const std::vector<Migration>& embeddedMigrations();

}  // namespace rxdesk::schema
