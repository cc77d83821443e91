#include "dispatch/carrier/B2Csv.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "dispatch/csv/Csv.h"

namespace rxdesk::dispatch {
namespace {

constexpr std::size_t kColumns = 42;

constexpr std::array<std::string_view, kColumns> kTitles{
    "お客様管理番号",
    "送り状種類",
    "クール区分",
    "伝票番号",
    "出荷予定日",
    "お届け予定日",
    "配達時間帯",
    "お届け先コード",
    "お届け先電話番号",
    "お届け先電話番号枝番",
    "お届け先郵便番号",
    "お届け先住所",
    "お届け先アパートマンション名",
    "お届け先会社・部門１",
    "お届け先会社・部門２",
    "お届け先名",
    "お届け先名(ｶﾅ)",
    "敬称",
    "ご依頼主コード",
    "ご依頼主電話番号",
    "ご依頼主電話番号枝番",
    "ご依頼主郵便番号",
    "ご依頼主住所",
    "ご依頼主アパートマンション",
    "ご依頼主名",
    "ご依頼主名(ｶﾅ)",
    "品名コード１",
    "品名１",
    "品名コード２",
    "品名２",
    "荷扱い１",
    "荷扱い２",
    "記事",
    "ｺﾚｸﾄ代金引換額（税込)",
    "内消費税額等",
    "止置き",
    "営業所コード",
    "発行枚数",
    "個数口表示フラグ",
    "請求先顧客コード",
    "請求先分類コード",
    "運賃管理番号",
};

// 0-based column indexes of the fields rxdesk fills.
enum Col : std::size_t {
    kRef = 0,
    kType = 1,
    kCool = 2,
    kTracking = 3,
    kShipDate = 4,
    kDeliveryDate = 5,
    kSlot = 6,
    kToPhone = 8,
    kToPostcode = 10,
    kToAddress = 11,
    kToBuilding = 12,
    kToName = 15,
    kHonorific = 17,
    kFromPhone = 19,
    kFromPostcode = 21,
    kFromAddress = 22,
    kFromBuilding = 23,
    kFromName = 24,
    kItemName = 27,
    kHandling1 = 30,
    kHandling2 = 31,
    kRemarks = 32,
    kCodAmount = 33,
    kCodTax = 34,
    kHoldAtOffice = 35,
    kBillingCustomer = 39,
    kBillingClass = 40,
    kFreight = 41,
};

constexpr long kMaxCodAmount = 300000;

// Words that would tell a carrier or a neighbour that the parcel holds medicine.
constexpr std::array<std::string_view, 12> kRevealingWords{
    "薬",   "錠",   "麻薬",   "注射",   "インスリン", "カプセル",
    "処方", "医療", "クスリ", "くすり", "ｸｽﾘ",        "drug",
};

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string b2Date(Date d) {
    std::string s = formatDate(d);
    std::replace(s.begin(), s.end(), '-', '/');
    return s;
}

std::optional<Date> parseB2Date(std::string_view text) {
    std::string s(text);
    std::replace(s.begin(), s.end(), '/', '-');
    return parseDate(s);
}

std::optional<long> parseAmount(std::string_view text) {
    long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

class Checker {
public:
    Checker(std::size_t index, std::vector<B2Problem>& out) : index_(index), out_(out) {}

    void add(std::string field, std::string code, std::string message) {
        out_.push_back({index_, std::move(field), std::move(code), std::move(message)});
    }

    // Text must survive the trip to Shift_JIS, stay on one line and fit the column.
    void text(const std::string& field, const std::string& label, std::string_view value,
              std::size_t max_bytes, bool required) {
        if (value.empty()) {
            if (required) add(field, "required", label + "が空です");
            return;
        }
        if (value.find_first_of("\r\n") != std::string_view::npos) {
            add(field, "line_break", label + "に改行は使えません");
            return;
        }
        auto sjis = utf8ToCp932(value);
        if (!sjis) {
            add(field, "not_cp932", label + "に送り状で使えない文字があります");
            return;
        }
        if (sjis->size() > max_bytes) {
            add(field, "too_long",
                label + "が長すぎます（半角" + std::to_string(max_bytes) + "文字・全角" +
                    std::to_string(max_bytes / 2) + "文字まで）");
        }
    }

    void party(const std::string& prefix, const std::string& label, const B2Party& p) {
        const std::string& phone = p.phone;
        std::size_t digits =
            std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
        bool phone_chars = std::all_of(phone.begin(), phone.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        if (phone.empty()) {
            add(prefix + ".phone", "required", label + "電話番号が空です");
        } else if (!phone_chars || digits < 10 || digits > 11 || phone.size() > 15) {
            add(prefix + ".phone", "bad_phone",
                label + "電話番号は10〜11桁の数字（ハイフン可）です");
        }
        if (p.postcode.size() != 7 || !allDigits(p.postcode)) {
            add(prefix + ".postcode", "bad_postcode", label + "郵便番号は7桁の数字です");
        }
        text(prefix + ".address", label + "住所", p.address, 64, true);
        text(prefix + ".building", label + "アパートマンション名", p.building, 32, false);
        text(prefix + ".name", label + "名", p.name, 32, true);
    }

private:
    std::size_t index_;
    std::vector<B2Problem>& out_;
};

}  // namespace

std::string_view b2TimeSlotCode(B2TimeSlot slot) {
    switch (slot) {
        case B2TimeSlot::Unspecified:
            return "";
        case B2TimeSlot::Morning:
            return "0812";
        case B2TimeSlot::From14To16:
            return "1416";
        case B2TimeSlot::From16To18:
            return "1618";
        case B2TimeSlot::From18To20:
            return "1820";
        case B2TimeSlot::From19To21:
            return "1921";
    }
    return "";
}

std::optional<B2TimeSlot> parseB2TimeSlot(std::string_view code) {
    for (B2TimeSlot s : {B2TimeSlot::Unspecified, B2TimeSlot::Morning, B2TimeSlot::From14To16,
                         B2TimeSlot::From16To18, B2TimeSlot::From18To20, B2TimeSlot::From19To21}) {
        if (b2TimeSlotCode(s) == code) return s;
    }
    return std::nullopt;
}

void validateB2Settings(const B2ExportSettings& s) {
    auto fail = [](const char* field, std::string message) {
        throw Error(ErrorKind::BadRequest, "bad_b2_settings", std::move(message), field);
    };
    if (s.item_name.empty()) fail("item_name", "送り状の品名が設定されていません");
    auto sjis = utf8ToCp932(s.item_name);
    if (!sjis || sjis->size() > 50)
        fail("item_name", "送り状の品名は全角25文字以内で、Shift_JIS で書ける文字にしてください");
    for (std::string_view word : kRevealingWords) {
        if (s.item_name.find(word) != std::string::npos) {
            fail("item_name",
                 "送り状の品名から中身が医薬品だと分かってはいけません（「日用品」などにしてくださ"
                 "い）");
        }
    }
    if (s.billing_customer_code.size() < 10 || s.billing_customer_code.size() > 12 ||
        !allDigits(s.billing_customer_code)) {
        fail("billing_customer_code", "請求先顧客コードは10〜12桁の数字です");
    }
    if (s.billing_class_code.size() > 3 || !allDigits(s.billing_class_code)) {
        fail("billing_class_code", "請求先分類コードは3桁までの数字です");
    }
    if (s.freight_number.size() != 2 || !allDigits(s.freight_number)) {
        fail("freight_number", "運賃管理番号は2桁の数字です");
    }
}

std::vector<B2Problem> validateB2Shipment(const B2Shipment& s, std::size_t index) {
    std::vector<B2Problem> problems;
    Checker check(index, problems);
    check.text("customer_ref", "お客様管理番号", s.customer_ref, 50, true);
    if (!s.tracking_number.empty() &&
        (s.tracking_number.size() != 12 || !allDigits(s.tracking_number))) {
        check.add("tracking_number", "bad_tracking_number", "伝票番号は12桁の数字です");
    }
    if (s.type == B2InvoiceType::Compact && s.cool != B2CoolClass::Normal) {
        check.add("cool", "cool_not_available", "宅急便コンパクトはクール便にできません");
    }
    if (!s.ship_date.ok()) check.add("ship_date", "required", "出荷予定日がありません");
    if (s.delivery_date && s.ship_date.ok() &&
        std::chrono::sys_days(*s.delivery_date) < std::chrono::sys_days(s.ship_date)) {
        check.add("delivery_date", "before_ship_date", "お届け予定日が出荷予定日より前です");
    }
    check.party("recipient", "お届け先", s.recipient);
    if (s.honorific != "" && s.honorific != "様" && s.honorific != "御中") {
        check.add("honorific", "bad_honorific", "敬称は「様」「御中」か空欄です");
    }
    check.party("sender", "ご依頼主", s.sender);
    check.text("handling1", "荷扱い１", s.handling1, 20, false);
    check.text("handling2", "荷扱い２", s.handling2, 20, false);
    check.text("remarks", "記事", s.remarks, 44, false);
    if (s.type == B2InvoiceType::Collect) {
        if (!s.cod_amount || *s.cod_amount < 1 || *s.cod_amount > kMaxCodAmount) {
            check.add("cod_amount", "bad_cod_amount", "コレクト代金引換額は1円〜300,000円です");
        } else if (s.cod_tax && (*s.cod_tax < 0 || *s.cod_tax > *s.cod_amount)) {
            check.add("cod_tax", "bad_cod_tax", "内消費税額等が代金引換額を超えています");
        }
    } else if (s.cod_amount || s.cod_tax) {
        check.add("cod_amount", "cod_not_collect",
                  "代金引換額はコレクト（送り状種類2）のときだけ書けます");
    }
    return problems;
}

B2Export exportB2Csv(const std::vector<B2Shipment>& shipments, const B2ExportSettings& settings) {
    validateB2Settings(settings);
    B2Export out;
    std::string utf8;
    for (std::size_t i = 0; i < shipments.size(); ++i) {
        const B2Shipment& s = shipments[i];
        std::vector<B2Problem> problems = validateB2Shipment(s, i);
        if (!problems.empty()) {
            out.problems.insert(out.problems.end(), problems.begin(), problems.end());
            continue;
        }
        std::vector<std::string> f(kColumns);
        f[kRef] = s.customer_ref;
        f[kType] = std::to_string(static_cast<int>(s.type));
        f[kCool] = std::to_string(static_cast<int>(s.cool));
        f[kTracking] = s.tracking_number;
        f[kShipDate] = b2Date(s.ship_date);
        f[kDeliveryDate] = s.delivery_date ? b2Date(*s.delivery_date) : "";
        f[kSlot] = std::string(b2TimeSlotCode(s.time_slot));
        f[kToPhone] = s.recipient.phone;
        f[kToPostcode] = s.recipient.postcode.substr(0, 3) + "-" + s.recipient.postcode.substr(3);
        f[kToAddress] = s.recipient.address;
        f[kToBuilding] = s.recipient.building;
        f[kToName] = s.recipient.name;
        f[kHonorific] = s.honorific;
        f[kFromPhone] = s.sender.phone;
        f[kFromPostcode] = s.sender.postcode.substr(0, 3) + "-" + s.sender.postcode.substr(3);
        f[kFromAddress] = s.sender.address;
        f[kFromBuilding] = s.sender.building;
        f[kFromName] = s.sender.name;
        f[kItemName] = settings.item_name;
        f[kHandling1] = s.handling1;
        f[kHandling2] = s.handling2;
        f[kRemarks] = s.remarks;
        f[kCodAmount] = s.cod_amount ? std::to_string(*s.cod_amount) : "";
        f[kCodTax] = s.cod_tax ? std::to_string(*s.cod_tax) : "";
        f[kHoldAtOffice] = "0";
        f[kBillingCustomer] = settings.billing_customer_code;
        f[kBillingClass] = settings.billing_class_code;
        f[kFreight] = settings.freight_number;
        utf8 += csvLine(f, true) + "\r\n";
        ++out.rows;
    }
    if (out.rows > 0 && settings.title_row) {
        std::vector<std::string> titles(kTitles.begin(), kTitles.end());
        utf8 = csvLine(titles, true) + "\r\n" + utf8;
    }
    // Every field was checked to be CP932-representable, so this conversion cannot fail.
    out.bytes = utf8ToCp932(utf8).value_or("");
    return out;
}

B2Import parseB2Csv(std::string_view cp932_bytes) {
    B2Import result;
    bool first = true;
    for (const CsvRecord& record : splitCsvRecords(cp932_bytes)) {
        auto problem = [&](std::string field, std::string code, std::string message) {
            result.problems.push_back(
                {record.line, std::move(field), std::move(code), std::move(message)});
        };
        auto text = cp932ToUtf8(record.raw);
        if (!text) {
            problem("", "bad_encoding", "Shift_JIS として読めない文字があります");
            first = false;
            continue;
        }
        auto fields = parseCsvFields(*text);
        if (!fields) {
            problem("", "bad_csv", "引用符（\"）の対応が取れていません");
            first = false;
            continue;
        }
        if (first && !fields->empty() && (*fields)[0] == kTitles[0]) {
            first = false;
            continue;
        }
        first = false;
        if (fields->size() < kColumns) {
            problem("", "too_few_columns", "列が不足しています（42列以上必要）");
            continue;
        }
        const std::vector<std::string>& f = *fields;
        B2Row row;
        row.line = record.line;
        B2Shipment& s = row.shipment;
        s.customer_ref = f[kRef];
        if (f[kType] == "0")
            s.type = B2InvoiceType::Prepaid;
        else if (f[kType] == "2")
            s.type = B2InvoiceType::Collect;
        else if (f[kType] == "5")
            s.type = B2InvoiceType::PaidOnArrival;
        else if (f[kType] == "8")
            s.type = B2InvoiceType::Compact;
        else {
            problem("type", "bad_type", "送り状種類が 0/2/5/8 のいずれでもありません");
            continue;
        }
        if (f[kCool] == "0" || f[kCool].empty())
            s.cool = B2CoolClass::Normal;
        else if (f[kCool] == "1")
            s.cool = B2CoolClass::Frozen;
        else if (f[kCool] == "2")
            s.cool = B2CoolClass::Chilled;
        else {
            problem("cool", "bad_cool", "クール区分が 0/1/2 のいずれでもありません");
            continue;
        }
        s.tracking_number = f[kTracking];
        auto ship = parseB2Date(f[kShipDate]);
        if (!ship) {
            problem("ship_date", "bad_date", "出荷予定日が YYYY/MM/DD ではありません");
            continue;
        }
        s.ship_date = *ship;
        if (!f[kDeliveryDate].empty()) {
            auto d = parseB2Date(f[kDeliveryDate]);
            if (!d) {
                problem("delivery_date", "bad_date", "お届け予定日が YYYY/MM/DD ではありません");
                continue;
            }
            s.delivery_date = *d;
        }
        auto slot = parseB2TimeSlot(f[kSlot]);
        if (!slot) {
            problem("time_slot", "bad_time_slot", "配達時間帯のコードが不明です");
            continue;
        }
        s.time_slot = *slot;
        auto postcode = [](std::string v) {
            v.erase(std::remove(v.begin(), v.end(), '-'), v.end());
            return v;
        };
        s.recipient = {f[kToPhone], postcode(f[kToPostcode]), f[kToAddress], f[kToBuilding],
                       f[kToName]};
        s.honorific = f[kHonorific];
        s.sender = {f[kFromPhone], postcode(f[kFromPostcode]), f[kFromAddress], f[kFromBuilding],
                    f[kFromName]};
        s.handling1 = f[kHandling1];
        s.handling2 = f[kHandling2];
        s.remarks = f[kRemarks];
        if (!f[kCodAmount].empty()) {
            auto a = parseAmount(f[kCodAmount]);
            if (!a) {
                problem("cod_amount", "bad_amount", "代金引換額が数字ではありません");
                continue;
            }
            s.cod_amount = *a;
        }
        if (!f[kCodTax].empty()) {
            auto a = parseAmount(f[kCodTax]);
            if (!a) {
                problem("cod_tax", "bad_amount", "内消費税額等が数字ではありません");
                continue;
            }
            s.cod_tax = *a;
        }
        row.item_name = f[kItemName];
        row.billing_customer_code = f[kBillingCustomer];
        row.billing_class_code = f[kBillingClass];
        row.freight_number = f[kFreight];
        result.rows.push_back(std::move(row));
    }
    return result;
}

}  // namespace rxdesk::dispatch
