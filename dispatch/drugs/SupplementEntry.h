#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dispatch/drugs/DrugCodes.h"

namespace rxdesk::dispatch {

/// How a drug must be stored (and therefore shipped).
enum class StorageTemperature {
    Room,    ///< 室温
    Cold,    ///< 冷所 2–8℃
    Frozen,  ///< 冷凍
};

/// Why a drug is on the pharmacy's misuse/resale watch list (乱用・転売のおそれ).
enum class MisuseConcern {
    None,                 ///< "" not on the list
    Hypnotic,             ///< 睡眠薬 / hypnotic: sleeping pills, other psychotropics
    Diuretic,             ///< 利尿薬 / diuretic: weight loss
    Diabetes,             ///< 糖尿病薬 / diabetes: weight loss (e.g. GLP-1 receptor agonists)
    CosmeticMoisturiser,  ///< 保湿剤 / cosmetic_moisturiser: cosmetic use
};

/// "", "hypnotic", "diuretic", "diabetes", "cosmetic_moisturiser".
std::string_view misuseConcernName(MisuseConcern concern);

/// Accepts the English names above and 睡眠薬, 利尿薬, 糖尿病薬, 保湿剤 ("" and "-" are None).
std::optional<MisuseConcern> parseMisuseConcern(std::string_view text);

/// "room", "cold", "frozen".
std::string_view storageTemperatureName(StorageTemperature storage);

/// Accepts the English names above and 室温/常温, 冷所/冷蔵, 冷凍 ("" is room).
std::optional<StorageTemperature> parseStorageTemperature(std::string_view text);

/// One row of the pharmacy-maintained supplement: what the claims master does not say.
struct SupplementEntry {
    DrugCodeKind key_kind = DrugCodeKind::Yj;  ///< Claims or Yj, detected from the code
    std::string code;                          ///< 9-digit claims code or 12-character YJ code
    StorageTemperature storage = StorageTemperature::Room;
    bool protect_from_light = false;       ///< 遮光
    bool powerful = false;                 ///< 劇薬
    bool radiopharmaceutical = false;      ///< 放射性医薬品
    bool urgent = false;                   ///< 至急（到着時刻が治療に影響する）
    bool do_not_shake = false;             ///< 振盪禁止
    bool emergency_contraceptive = false;  ///< 緊急避妊薬
    bool high_risk = false;  ///< 薬剤管理指導料「1」の対象（ハイリスク薬）
    MisuseConcern misuse = MisuseConcern::None;  ///< 乱用・転売の注意
    std::vector<std::string> hot_codes;          ///< HOT7/HOT9/HOT13 codes naming this drug
    std::string note;                            ///< free text for staff

    bool operator==(const SupplementEntry&) const = default;
};

}  // namespace rxdesk::dispatch
