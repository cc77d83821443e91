// Every way a clinic can get the prescription JSON wrong yields a BadRequest naming the
// field's path and a stable code, and the message never repeats the value sent.
#include <gtest/gtest.h>

#include <string>

#include "JsonTestSupport.h"
#include "core/Error.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

using testing::kValidPrescriptionJson;
using testing::parseObject;
using testing::parseValue;
using testing::setAtPath;

constexpr const char* kRemove = "<remove>";

struct ErrorCase {
    const char* path;   // member to change in kValidPrescriptionJson
    std::string value;  // JSON text of the new value, or kRemove
    const char* code;
    const char* field;
};

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

const ErrorCase kCases[] = {
    // Required members absent, null or empty.
    {"patient", kRemove, "missing_field", "patient"},
    {"patient.name_kanji", kRemove, "missing_field", "patient.name_kanji"},
    {"patient.name_kanji", R"("")", "missing_field", "patient.name_kanji"},
    {"patient.birth_date", "null", "missing_field", "patient.birth_date"},
    {"prescriber", kRemove, "missing_field", "prescriber"},
    {"prescriber.name_kanji", kRemove, "missing_field", "prescriber.name_kanji"},
    {"institution", kRemove, "missing_field", "institution"},
    {"institution.code", kRemove, "missing_field", "institution.code"},
    {"institution.name", kRemove, "missing_field", "institution.name"},
    {"issue_date", kRemove, "missing_field", "issue_date"},
    {"rps", kRemove, "missing_field", "rps"},
    {"rps[0].form", kRemove, "missing_field", "rps[0].form"},
    {"rps[0].days", kRemove, "missing_field", "rps[0].days"},
    {"rps[1].quantity", kRemove, "missing_field", "rps[1].quantity"},
    {"rps[0].usage", kRemove, "missing_field", "rps[0].usage"},
    {"rps[0].usage.text", "null", "missing_field", "rps[0].usage.text"},
    {"rps[0].items", kRemove, "missing_field", "rps[0].items"},
    {"rps[0].items[0].name", kRemove, "missing_field", "rps[0].items[0].name"},
    {"rps[0].items[0].amount", kRemove, "missing_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].unit", kRemove, "missing_field", "rps[0].items[0].unit"},
    {"rps[0].items[0].code", kRemove, "missing_field", "rps[0].items[0].code"},
    {"rps[0].items[0]", "null", "missing_field", "rps[0].items[0]"},
    {"narcotic", R"({"patient_address": "東京都港区"})", "missing_field", "narcotic.licence_no"},
    // Wrong JSON types.
    {"patient", R"("日薬 太郎")", "invalid_field", "patient"},
    {"patient.name_kanji", "12345", "invalid_field", "patient.name_kanji"},
    {"rps", R"({"rp_no": 1})", "invalid_field", "rps"},
    {"rps[0]", R"("Rp1")", "invalid_field", "rps[0]"},
    {"rps[0].days", R"("14")", "invalid_field", "rps[0].days"},
    {"rps[0].days", "14.5", "invalid_field", "rps[0].days"},
    {"rps[0].days", "true", "invalid_field", "rps[0].days"},
    {"online.initial_visit", R"("yes")", "invalid_field", "online.initial_visit"},
    {"online.initial_visit", "1", "invalid_field", "online.initial_visit"},
    {"insurance.copay_rate", "[30]", "invalid_field", "insurance.copay_rate"},
    {"remarks[0]", "12345", "invalid_field", "remarks[0]"},
    {"remarks", R"("オンライン対応")", "invalid_field", "remarks"},
    // Empty lists that must not be.
    {"rps", "[]", "invalid_field", "rps"},
    {"rps[0].items", "[]", "invalid_field", "rps[0].items"},
    // Unknown enum values.
    {"patient.sex", R"("男性")", "invalid_field", "patient.sex"},
    {"patient.sex", R"("Male")", "invalid_field", "patient.sex"},
    {"rps[0].form", R"("tablet")", "invalid_field", "rps[0].form"},
    {"rps[0].items[0].code_system", R"("janx")", "invalid_field", "rps[0].items[0].code_system"},
    {"insurance.public_funding[0].slot", R"("fifth")", "invalid_field",
     "insurance.public_funding[0].slot"},
    // Dates.
    {"issue_date", R"("2026-02-30")", "invalid_field", "issue_date"},
    {"issue_date", R"("2026/11/20")", "invalid_field", "issue_date"},
    {"issue_date", R"("20261120")", "invalid_field", "issue_date"},
    {"issue_date", R"("2026-11-20T09:00:00+09:00")", "invalid_field", "issue_date"},
    {"issue_date", "20261120", "invalid_field", "issue_date"},
    {"patient.birth_date", R"("1850-01-01")", "invalid_field", "patient.birth_date"},
    {"patient.birth_date", R"("2027-01-01")", "invalid_field", "patient.birth_date"},
    {"use_by_date", R"("2026-11-19")", "invalid_field", "use_by_date"},
    // Ranges.
    {"rps[0].days", "0", "invalid_field", "rps[0].days"},
    {"rps[0].days", "366", "invalid_field", "rps[0].days"},
    {"rps[0].days", "-14", "invalid_field", "rps[0].days"},
    {"rps[0].days", "2147483648", "invalid_field", "rps[0].days"},
    {"rps[0].days", "18446744073709551615", "invalid_field", "rps[0].days"},
    {"rps[1].quantity", "1000", "invalid_field", "rps[1].quantity"},
    {"rps[0].rp_no", "100", "invalid_field", "rps[0].rp_no"},
    {"rps[0].usage.times_per_day", "25", "invalid_field", "rps[0].usage.times_per_day"},
    {"insurance.copay_rate", "101", "invalid_field", "insurance.copay_rate"},
    {"refill_count", "4", "invalid_field", "refill_count"},
    {"split_dispensing", R"({"count": 2, "index": 3})", "invalid_field", "split_dispensing.index"},
    {"rps[0].split", R"({"per_split": 90, "total": 30})", "invalid_field",
     "rps[0].split.per_split"},
    // Amounts: positive, at most 5 + 5 digits, plain ASCII decimals.
    {"rps[0].items[0].amount", R"("-1")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("0")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("0.00")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", "0", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", "-2.5", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", "100000", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", "1e300", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("three")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("1e3")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("123456")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("1.123456")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("０.５")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("04")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", R"("2/3")", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].amount", "true", "invalid_field", "rps[0].items[0].amount"},
    {"rps[0].items[0].single_dose", R"({"amount": "3/0"})", "invalid_field",
     "rps[0].items[0].single_dose.amount"},
    // Oral forms count days, the others a quantity.
    {"rps[0].quantity", "14", "invalid_field", "rps[0].quantity"},
    {"rps[1].days", "3", "invalid_field", "rps[1].days"},
    // Duplicates.
    {"rps[1].rp_no", "1", "invalid_field", "rps[1].rp_no"},
    {"remarks", R"([{"seq": 1, "text": "一包化"}, {"seq": 1, "text": "粉砕"}])", "invalid_field",
     "remarks[1].seq"},
    // Codes of the wrong shape for their system.
    {"rps[0].items[0].code", R"("61217070")", "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0].code", R"("6121707099")", "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0].code", R"("61217070X")", "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0].code", "612170709", "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0]",
     R"({"code_system": "yj", "code": "2171022F102", "name": "ノルバスク錠", "amount": "1", "unit": "錠"})",
     "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0]",
     R"({"code_system": "mhlw", "code": "2171022f1029", "name": "ノルバスク錠", "amount": "1", "unit": "錠"})",
     "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0]",
     R"({"code_system": "hot", "code": "1032970012", "name": "ノルバスク錠", "amount": "1", "unit": "錠"})",
     "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0]",
     R"({"code_system": "none", "code": "612170709", "name": "ノルバスク錠", "amount": "1", "unit": "錠"})",
     "invalid_field", "rps[0].items[0].code"},
    {"rps[0].items[0]",
     R"({"code": "612170709", "name": "ノルバスク錠", "amount": "1", "unit": "錠"})",
     "invalid_field", "rps[0].items[0].code"},
    {"rps[0].usage", R"({"code_type": 2, "code": "10130444", "text": "毎食後"})", "invalid_field",
     "rps[0].usage.code"},
    {"rps[0].usage", R"({"code": "1013044400000000", "text": "毎食後"})", "invalid_field",
     "rps[0].usage.code"},
    {"rps[0].usage", R"({"code_type": 2, "text": "毎食後"})", "missing_field", "rps[0].usage.code"},
    {"institution.code", R"("131234")", "invalid_field", "institution.code"},
    {"institution.code", R"("13123456")", "invalid_field", "institution.code"},
    {"institution.prefecture", R"("48")", "invalid_field", "institution.prefecture"},
    {"institution.postcode", R"("105-00045")", "invalid_field", "institution.postcode"},
    {"institution.phone", R"("03-0000-ABCD")", "invalid_field", "institution.phone"},
    {"insurance.insurer_number", R"("12345")", "invalid_field", "insurance.insurer_number"},
    {"prescription_number", R"("NO 123")", "invalid_field", "prescription_number"},
    {"patient.code", R"("患者1")", "invalid_field", "patient.code"},
    // Lengths count characters: 100 kanji pass (see DecodeTest), 101 do not.
    {"patient.name_kanji", "\"" + repeat("日", 101) + "\"", "invalid_field", "patient.name_kanji"},
    {"rps[0].items[0].name", "\"" + repeat("薬", 101) + "\"", "invalid_field",
     "rps[0].items[0].name"},
    {"remarks[0]", "\"" + repeat("備", 501) + "\"", "invalid_field", "remarks[0]"},
    // Control characters would break the CSV and PDF outputs.
    {"patient.name_kanji", R"("日薬\n太郎")", "invalid_field", "patient.name_kanji"},
    {"patient.name_kana", R"("ﾆﾁﾔｸ\u0000ﾀﾛｳ")", "invalid_field", "patient.name_kana"},
    {"patient.name_kana", R"("ﾆﾁﾔｸ\u0085ﾀﾛｳ")", "invalid_field", "patient.name_kana"},
    // Members the schema does not have, at any depth.
    {"patient_name", R"("日薬 太郎")", "unknown_field", "patient_name"},
    {"patient.nmae_kanji", R"("日薬 太郎")", "unknown_field", "patient.nmae_kanji"},
    {"rps[0].items[0].dose", R"("1錠")", "unknown_field", "rps[0].items[0].dose"},
    {"rps[0].items[0].supplements[0]", R"({"text": "粉砕", "note": "x"})", "unknown_field",
     "rps[0].items[0].supplements[0].note"},
    {"患者氏名", R"("日薬 太郎")", "unknown_field", "?"},
};

TEST(PrescriptionJsonDecode, RejectsEachBadFieldWithItsPathAndCode) {
    for (const ErrorCase& c : kCases) {
        SCOPED_TRACE(std::string(c.path) + " = " + c.value);
        auto root = parseObject(kValidPrescriptionJson);
        std::optional<Poco::Dynamic::Var> value;
        if (c.value != kRemove) value = parseValue(c.value);
        setAtPath(root, c.path, value);
        try {
            decodePrescription(*root);
            ADD_FAILURE() << "accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
            EXPECT_EQ(e.code(), c.code);
            EXPECT_EQ(e.field(), c.field);
            const std::string message = e.what();
            EXPECT_NE(message.find(c.field), std::string::npos) << message;
            // The value (patient data, potentially) never reaches the message.
            if (value && !value->isEmpty() && !value->isArray() && !value->isStruct()) {
                const std::string text = value->convert<std::string>();
                if (text.size() >= 2) {
                    EXPECT_EQ(message.find(text), std::string::npos) << message;
                }
            }
        }
    }
}

TEST(PrescriptionJsonDecode, NamesNonSchemaKeysWithoutEchoingThem) {
    auto root = parseObject(kValidPrescriptionJson);
    root->getObject("patient")->set("日薬 太郎", "1960-06-06");
    try {
        decodePrescription(*root);
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "unknown_field");
        EXPECT_EQ(e.field(), "patient.?");
        EXPECT_EQ(std::string(e.what()).find("日薬"), std::string::npos);
    }
}

TEST(PrescriptionJsonDecode, RejectsInvalidUtf8InAnyString) {
    auto root = parseObject(kValidPrescriptionJson);
    setAtPath(root, "rps[1].items[0].name", Poco::Dynamic::Var(std::string("\xE6\x97\xFF")));
    try {
        decodePrescription(*root);
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_field");
        EXPECT_EQ(e.field(), "rps[1].items[0].name");
    }
}

TEST(PrescriptionJsonDecode, PrefixesPathsOfANestedPrescription) {
    auto root = parseObject(kValidPrescriptionJson);
    setAtPath(root, "rps[0].days", parseValue("400"));
    try {
        decodePrescription(*root, "prescription");
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "prescription.rps[0].days");
    }
}

}  // namespace
}  // namespace rxdesk::prescription_json
