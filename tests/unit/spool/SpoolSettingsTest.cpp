#include <gtest/gtest.h>

#include "core/Error.h"
#include "spool/SpoolSettings.h"

namespace rxdesk::spool {
namespace {

using namespace std::chrono_literals;

TEST(SpoolSettings, DefaultsAreValid) {
    EXPECT_NO_THROW(SpoolSettings{}.validate());
    SpoolSettings s;
    s.enabled = true;
    s.dir = "/var/spool/fax/incoming";
    EXPECT_NO_THROW(s.validate());
}

TEST(SpoolSettings, RejectsUnusableValuesNamingTheProperty) {
    struct Case {
        std::function<void(SpoolSettings&)> change;
        const char* field;
    } cases[] = {
        {[](auto& s) {
             s.enabled = true;
             s.dir = "";
         },
         "rxdesk.spool.dir"},
        {[](auto& s) { s.scan_interval = 0s; }, "rxdesk.spool.scan_interval_seconds"},
        {[](auto& s) { s.settle_time = -1s; }, "rxdesk.spool.settle_seconds"},
        {[](auto& s) { s.max_file_bytes = 0; }, "rxdesk.spool.max_file_bytes"},
        {[](auto& s) { s.max_attempts = 0; }, "rxdesk.spool.max_attempts"},
        {[](auto& s) { s.max_files_per_scan = 0; }, "rxdesk.spool.max_files_per_scan"},
    };
    for (const auto& c : cases) {
        SpoolSettings s;
        c.change(s);
        try {
            s.validate();
            ADD_FAILURE() << c.field << " accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), "invalid_spool_settings");
            EXPECT_EQ(e.field(), c.field);
        }
    }
}

TEST(SpoolSettings, SettleTimeZeroIsAllowedForRenameIntoPlaceGateways) {
    SpoolSettings s;
    s.settle_time = 0s;
    EXPECT_NO_THROW(s.validate());
}

}  // namespace
}  // namespace rxdesk::spool
