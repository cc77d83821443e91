#pragma once

#include <optional>
#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::dispatch {

/// 送り状種類 (column 2). Only the types a pharmacy uses are supported.
enum class B2InvoiceType {
    Prepaid = 0,        ///< 0 発払い
    Collect = 2,        ///< 2 コレクト（代金引換）
    PaidOnArrival = 5,  ///< 5 着払い
    Compact = 8,        ///< 8 宅急便コンパクト (no cool service)
};

/// クール区分 (column 3).
enum class B2CoolClass {
    Normal = 0,   ///< 0 通常
    Frozen = 1,   ///< 1 クール冷凍
    Chilled = 2,  ///< 2 クール冷蔵
};

/// 配達時間帯 (column 7).
enum class B2TimeSlot {
    Unspecified,  ///< empty: 指定なし
    Morning,      ///< 0812 午前中
    From14To16,   ///< 1416
    From16To18,   ///< 1618
    From18To20,   ///< 1820
    From19To21,   ///< 1921
};

/// Address block of the recipient (お届け先) or the sender (ご依頼主).
struct B2Party {
    std::string phone;     ///< digits and hyphens, e.g. "03-1234-5678"
    std::string postcode;  ///< 7 digits, no hyphen (emitted as "123-4567")
    std::string address;   ///< 住所 up to 32 full-width characters
    std::string building;  ///< アパートマンション名 up to 16 full-width characters, may be empty
    std::string name;  ///< 名前 up to 16 full-width characters

    bool operator==(const B2Party&) const = default;
};

/// One 送り状 (label). The item name is deliberately absent: the exporter always writes the
/// configured neutral word so the outside of the parcel never reveals a drug.
struct B2Shipment {
    std::string customer_ref;  ///< お客様管理番号: the parcel id, never patient data
    B2InvoiceType type = B2InvoiceType::Prepaid;
    B2CoolClass cool = B2CoolClass::Normal;
    std::string tracking_number;        ///< 伝票番号: empty when B2 assigns it, else 12 digits
    Date ship_date{};                   ///< 出荷予定日
    std::optional<Date> delivery_date;  ///< お届け予定日
    B2TimeSlot time_slot = B2TimeSlot::Unspecified;
    B2Party recipient;               ///< お届け先
    std::string honorific = "様";    ///< 敬称: "様", "御中" or empty
    B2Party sender;                  ///< ご依頼主 (the pharmacy)
    std::string handling1;           ///< 荷扱い１, e.g. "天地無用"
    std::string handling2;           ///< 荷扱い２
    std::string remarks;             ///< 記事, e.g. "置き配不可 署名要"
    std::optional<long> cod_amount;  ///< コレクト代金引換額（税込） in yen; Collect only
    std::optional<long> cod_tax;     ///< 内消費税額等 in yen; Collect only

    bool operator==(const B2Shipment&) const = default;
};

/// "0812", "1416", … or "" for Unspecified.
std::string_view b2TimeSlotCode(B2TimeSlot slot);
std::optional<B2TimeSlot> parseB2TimeSlot(std::string_view code);

}  // namespace rxdesk::dispatch
