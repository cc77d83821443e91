#include <gtest/gtest.h>

#include "spool/SpoolNames.h"

namespace rxdesk::spool {
namespace {

TEST(SpoolNames, ClassifiesNamesByRole) {
    struct Case {
        const char* name;
        NameRole role;
    } cases[] = {
        {"fax000123.tif", NameRole::Document},
        {"fax000123.pdf", NameRole::Document},
        {"README", NameRole::Document},
        {"fax.reason", NameRole::Document},
        {".fax000123.tif", NameRole::Ignored},
        {".", NameRole::Ignored},
        {"", NameRole::Ignored},
        {"fax000123.tif.tmp", NameRole::Ignored},
        {"fax000123.TMP", NameRole::Ignored},
        {"fax000123.tif.part", NameRole::Ignored},
        {"fax000123.Part", NameRole::Ignored},
        {"fax000123.tif.meta", NameRole::Sidecar},
        {"fax000123.tif.done", NameRole::Marker},
        {"fax000123.tif.DONE", NameRole::Document},
    };
    for (const auto& c : cases) EXPECT_EQ(classifyName(c.name), c.role) << c.name;
}

TEST(SpoolNames, CompanionNamesAppendToTheFullName) {
    EXPECT_EQ(sidecarName("fax1.tif"), "fax1.tif.meta");
    EXPECT_EQ(markerName("fax1.tif"), "fax1.tif.done");
    EXPECT_EQ(reasonName("fax1.tif"), "fax1.tif.reason");
}

TEST(SpoolNames, CollisionNameInsertsSuffixBeforeTheLastExtension) {
    struct Case {
        const char* name;
        int n;
        const char* expected;
    } cases[] = {
        {"fax1.tif", 0, "fax1.tif"},     {"fax1.tif", 1, "fax1-1.tif"},
        {"fax1.tif", 12, "fax1-12.tif"}, {"fax1", 2, "fax1-2"},
        {"fax.1.pdf", 1, "fax.1-1.pdf"},
    };
    for (const auto& c : cases) EXPECT_EQ(collisionName(c.name, c.n), c.expected) << c.name;
}

}  // namespace
}  // namespace rxdesk::spool
