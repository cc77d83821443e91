#include <gtest/gtest.h>

#include "core/Error.h"
#include "spool/SpoolOutcome.h"

namespace rxdesk::spool {
namespace {

TEST(SpoolOutcome, FactoriesFillTheKindAndFields) {
    auto a = SpoolOutcome::accepted("rx-1");
    EXPECT_EQ(a.kind, SpoolOutcome::Kind::Accepted);
    EXPECT_EQ(a.prescription_id, "rx-1");
    auto r = SpoolOutcome::rejected("unsupported_media_type", "TIFFまたはPDFではありません");
    EXPECT_EQ(r.kind, SpoolOutcome::Kind::Rejected);
    EXPECT_EQ(r.code, "unsupported_media_type");
    EXPECT_EQ(r.reason, "TIFFまたはPDFではありません");
    auto l = SpoolOutcome::retryLater("database_busy");
    EXPECT_EQ(l.kind, SpoolOutcome::Kind::RetryLater);
    EXPECT_EQ(l.code, "database_busy");
}

TEST(SpoolOutcome, FactoriesRefuseMissingIdOrCode) {
    EXPECT_THROW(SpoolOutcome::accepted(""), Error);
    EXPECT_THROW(SpoolOutcome::rejected("", "理由"), Error);
    EXPECT_THROW(SpoolOutcome::retryLater(""), Error);
}

}  // namespace
}  // namespace rxdesk::spool
