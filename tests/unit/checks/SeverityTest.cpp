#include <gtest/gtest.h>

#include "prescription/Finding.h"

namespace rxdesk::prescription {
namespace {

TEST(Severity, HasStableNamesForTheApi) {
    EXPECT_EQ(toString(Severity::Info), "info");
    EXPECT_EQ(toString(Severity::Warning), "warning");
    EXPECT_EQ(toString(Severity::Error), "error");
}

}  // namespace
}  // namespace rxdesk::prescription
