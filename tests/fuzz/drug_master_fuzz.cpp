// libFuzzer entry point for the claims drug master importer (`rxdesk drugs import`) and the
// pharmacy supplement importer: arbitrary bytes must never crash, hang or throw, and every
// line is either imported or reported, never both.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dispatch/drugs/DrugCatalog.h"
#include "dispatch/drugs/DrugMasterParser.h"
#include "dispatch/drugs/SupplementParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rxdesk::dispatch;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    DrugMasterImport master = parseDrugMaster(bytes);
    for (const auto& drug : master.drugs)
        if (!isClaimsCode(drug.claims_code) || drug.name.empty()) std::abort();
    SupplementImport supplement = parseSupplement(bytes);
    // What was imported must be usable by the catalog the server builds from it.
    DrugCatalog catalog;
    catalog.setMaster(std::move(master.drugs));
    catalog.setSupplement(std::move(supplement.entries));
    catalog.resolve(DrugCodeKind::Claims, bytes.substr(0, 9));
    catalog.resolve(DrugCodeKind::Yj, bytes.substr(0, 12));
    catalog.resolve(DrugCodeKind::Hot, bytes.substr(0, 13));
    return 0;
}
