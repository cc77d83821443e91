#include "dispatch/drugs/SupplementEntry.h"

namespace rxdesk::dispatch {

std::string_view misuseConcernName(MisuseConcern concern) {
    switch (concern) {
        case MisuseConcern::None:
            return "";
        case MisuseConcern::Hypnotic:
            return "hypnotic";
        case MisuseConcern::Diuretic:
            return "diuretic";
        case MisuseConcern::Diabetes:
            return "diabetes";
        case MisuseConcern::CosmeticMoisturiser:
            return "cosmetic_moisturiser";
    }
    return "";
}

std::optional<MisuseConcern> parseMisuseConcern(std::string_view text) {
    if (text.empty() || text == "-") return MisuseConcern::None;
    if (text == "hypnotic" || text == "睡眠薬") return MisuseConcern::Hypnotic;
    if (text == "diuretic" || text == "利尿薬") return MisuseConcern::Diuretic;
    if (text == "diabetes" || text == "糖尿病薬") return MisuseConcern::Diabetes;
    if (text == "cosmetic_moisturiser" || text == "保湿剤") {
        return MisuseConcern::CosmeticMoisturiser;
    }
    return std::nullopt;
}

std::string_view storageTemperatureName(StorageTemperature storage) {
    switch (storage) {
        case StorageTemperature::Room:
            return "room";
        case StorageTemperature::Cold:
            return "cold";
        case StorageTemperature::Frozen:
            return "frozen";
    }
    return "room";
}

std::optional<StorageTemperature> parseStorageTemperature(std::string_view v) {
    for (std::string_view s : {"", "室温", "常温", "room"}) {
        if (v == s) return StorageTemperature::Room;
    }
    for (std::string_view s : {"冷所", "冷蔵", "cold"}) {
        if (v == s) return StorageTemperature::Cold;
    }
    for (std::string_view s : {"冷凍", "frozen"}) {
        if (v == s) return StorageTemperature::Frozen;
    }
    return std::nullopt;
}

}  // namespace rxdesk::dispatch
