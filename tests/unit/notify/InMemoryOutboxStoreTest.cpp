#include "notify/InMemoryOutboxStore.h"
#include "unit/notify/OutboxStoreContract.h"

namespace rxdesk::notify::contract {

INSTANTIATE_TYPED_TEST_SUITE_P(InMemory, OutboxStoreContract, ::testing::Types<InMemoryOutboxStore>);

}  // namespace rxdesk::notify::contract
