#include <gtest/gtest.h>

#include "checks/Channel.h"

namespace rxdesk::checks {
namespace {

TEST(Channel, NamesRoundTrip) {
    for (Channel c : {Channel::Fax, Channel::Eprescription, Channel::ClinicApi, Channel::Counter}) {
        EXPECT_EQ(parseChannel(toString(c)), c);
    }
    EXPECT_EQ(toString(Channel::ClinicApi), "clinic_api");
    EXPECT_EQ(parseChannel("FAX"), std::nullopt);
    EXPECT_EQ(parseChannel(""), std::nullopt);
}

}  // namespace
}  // namespace rxdesk::checks
