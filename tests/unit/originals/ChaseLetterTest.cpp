#include <gtest/gtest.h>

#include "originals/ChaseLetter.h"

using namespace rxdesk;
using namespace rxdesk::originals;

TEST(ChaseLetter, ListsEachMissingOriginalWithNoMoreThanTheClinicNeeds) {
    ChaseLetterInput in;
    in.clinic_name = "さくら内科";
    in.pharmacy_name = "みどり薬局";
    in.items = {{"Y.T.", "2026-03-02", "RX-1", 12, "2026-03-03", true},
                {"", "", "", 13, "2026-03-04", false}};
    auto report = chaseLetter(in);
    EXPECT_NO_THROW(reports::checkReport(report));
    EXPECT_EQ(report.paper, reports::PaperSize::A4);
    EXPECT_EQ(report.subtitle, "さくら内科　御中");
    ASSERT_EQ(report.sections.size(), 2u);
    const auto& rows = report.sections[1].rows;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (reports::Row{"1", "Y.T.", "2026年3月2日", "RX-1", "12", "2026年3月3日",
                                     "期限超過"}));
    EXPECT_EQ(rows[1], (reports::Row{"2", "－", "－", "（記載なし）", "13", "2026年3月4日", ""}));
    EXPECT_EQ(report.sections[0].fields.front().value, "みどり薬局");
    EXPECT_EQ(report.sections[0].fields.back().value, "2件");
}
