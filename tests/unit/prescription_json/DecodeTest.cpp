#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "JsonTestSupport.h"
#include "core/Error.h"
#include "prescription_json/Limits.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

using namespace rxdesk::prescription;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using testing::kValidPrescriptionJson;
using testing::parseObject;
using testing::parseValue;
using testing::setAtPath;

std::string errorField(const Poco::JSON::Object& o) {
    try {
        decodePrescription(o);
    } catch (const Error& e) {
        return e.code() + " " + e.field();
    }
    return "accepted";
}

TEST(PrescriptionJsonDecode, ReadsAClinicPrescription) {
    const Prescription p = decodePrescription(*parseObject(kValidPrescriptionJson));

    EXPECT_EQ(p.patient.code, "P1");
    EXPECT_EQ(p.patient.kanji, "日薬 太郎");
    EXPECT_EQ(p.patient.kana, "ﾆﾁﾔｸ ﾀﾛｳ");
    EXPECT_EQ(p.patient.sex, Sex::Male);
    EXPECT_EQ(p.patient.birth_date, (Date{year{1960}, month{6}, day{6}}));
    EXPECT_EQ(p.prescriber.kanji, "工業会 次郎");
    EXPECT_EQ(p.institution.code, "1312345678");
    EXPECT_EQ(p.institution.department, "内科");  // sent with the prescriber
    EXPECT_EQ(p.insurance.card_symbol, "０１－２３");
    ASSERT_EQ(p.insurance.public_funding.size(), 1u);
    EXPECT_EQ(p.insurance.public_funding[0].slot, FundingSlot::First);
    EXPECT_EQ(p.issue_date, (Date{year{2026}, month{11}, day{20}}));
    EXPECT_FALSE(p.use_by_date);
    ASSERT_EQ(p.remarks.size(), 1u);
    EXPECT_EQ(p.remarks[0], (Remark{1, std::nullopt, "オンライン対応"}));
    EXPECT_TRUE(p.hasRemarkContaining("オンライン対応"));
    EXPECT_EQ(p.online.initial_visit, false);
    EXPECT_EQ(p.online.underlying_conditions_known, true);

    ASSERT_EQ(p.rps.size(), 2u);
    EXPECT_EQ(p.rps[0].form, DosageForm::Oral);
    EXPECT_EQ(p.rps[0].quantity, 14);
    EXPECT_EQ(p.rps[0].usage.code_type, 1);
    EXPECT_EQ(p.rps[0].usage.times_per_day, 3);
    const DrugItem& first = p.rps[0].items.at(0);
    EXPECT_EQ(first.seq, 1);
    EXPECT_EQ(first.code_system, DrugCodeSystem::Claims);
    EXPECT_EQ(first.code, "612170709");
    EXPECT_EQ(first.amount, "3");
    EXPECT_TRUE(first.noGenericSubstitution());
    EXPECT_EQ(p.rps[1].form, DosageForm::AsNeeded);
    EXPECT_EQ(p.rps[1].quantity, 5);
    EXPECT_EQ(p.rps[1].items.at(0).code_system, DrugCodeSystem::GenericName);
    EXPECT_EQ(p.rps[1].items.at(0).amount, "1");  // sent as the JSON number 1
}

TEST(PrescriptionJsonDecode, AcceptsAmountsAsNumbersOrNumericStrings) {
    struct Case {
        const char* json;
        const char* amount;
    };
    const Case cases[] = {
        {"2", "2"},
        {"2.0", "2"},
        {"2.50", "2.5"},
        {"0.5", "0.5"},
        {"0.1", "0.1"},
        {"0.00001", "0.00001"},
        {"99999", "99999"},
        {"\"0.5\"", "0.5"},
        {"\"2.50\"", "2.50"},
        {"\"12.345\"", "12.345"},
        {"\"99999.99999\"", "99999.99999"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.json);
        auto root = parseObject(kValidPrescriptionJson);
        setAtPath(root, "rps[0].items[0].amount", parseValue(c.json));
        EXPECT_EQ(decodePrescription(*root).rps[0].items[0].amount, c.amount);
    }
}

TEST(PrescriptionJsonDecode, AcceptsEachCodeSystemWithItsCodeShape) {
    struct Case {
        const char* system;
        const char* code;
        DrugCodeSystem expected;
    };
    const Case cases[] = {
        {"claims", "612170709", DrugCodeSystem::Claims},
        {"mhlw", "2171022F1029", DrugCodeSystem::Mhlw},
        {"yj", "2171022F1029", DrugCodeSystem::Yj},
        {"hot", "103297001", DrugCodeSystem::Hot},
        {"hot", "1032970010101", DrugCodeSystem::Hot},
        {"generic_name", "2171014M2ZZZ", DrugCodeSystem::GenericName},
        {"none", nullptr, DrugCodeSystem::None},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.system);
        auto root = parseObject(kValidPrescriptionJson);
        setAtPath(root, "rps[0].items[0].code_system", Poco::Dynamic::Var(std::string(c.system)));
        if (c.code) {
            setAtPath(root, "rps[0].items[0].code", Poco::Dynamic::Var(std::string(c.code)));
        } else {
            setAtPath(root, "rps[0].items[0].code", std::nullopt);
        }
        const DrugItem item = decodePrescription(*root).rps[0].items[0];
        EXPECT_EQ(item.code_system, c.expected);
        EXPECT_EQ(item.code, c.code ? c.code : "");
    }
}

TEST(PrescriptionJsonDecode, CountsLengthInCharactersNotBytes) {
    std::string name;
    for (std::size_t i = 0; i < kMaxNameLength; ++i) name += "薬";  // 300 bytes
    auto root = parseObject(kValidPrescriptionJson);
    setAtPath(root, "patient.name_kanji", Poco::Dynamic::Var(name));
    EXPECT_EQ(decodePrescription(*root).patient.kanji, name);
}

TEST(PrescriptionJsonDecode, KeepsJapaneseTextAsSent) {
    auto root = parseObject(kValidPrescriptionJson);
    const std::string text = "１日３回　朝昼夕食後（ﾐｽﾞ）〜㎎・髙橋 ①";
    setAtPath(root, "rps[0].usage.text", Poco::Dynamic::Var(text));
    setAtPath(root, "patient.name_kanji", parseValue(R"("\u9ad9\u6a4b \u82b1\u5b50")"));
    const Prescription p = decodePrescription(*root);
    EXPECT_EQ(p.rps[0].usage.text, text);
    EXPECT_EQ(p.patient.kanji, "髙橋 花子");
}

TEST(PrescriptionJsonDecode, TreatsNullAsAbsent) {
    auto root = parseObject(kValidPrescriptionJson);
    setAtPath(root, "use_by_date", parseValue("null"));
    setAtPath(root, "insurance", parseValue("null"));
    setAtPath(root, "patient.sex", parseValue("null"));
    const Prescription p = decodePrescription(*root);
    EXPECT_FALSE(p.use_by_date);
    EXPECT_EQ(p.insurance, Insurance{});
    EXPECT_EQ(p.patient.sex, Sex::Unknown);
}

TEST(PrescriptionJsonDecode, NumbersUnnumberedElementsByPosition) {
    auto root = parseObject(kValidPrescriptionJson);
    setAtPath(root, "rps[0].rp_no", std::nullopt);
    setAtPath(root, "rps[1].rp_no", std::nullopt);
    root->set("remarks", parseValue(R"(["オンライン対応", {"kind": 1, "text": "一包化"}])"));
    root->getArray("rps")->getObject(0)->getArray("items")->add(
        parseValue(R"({"name": "マグミット錠330mg", "amount": 2, "unit": "錠"})"));
    const Prescription p = decodePrescription(*root);
    EXPECT_EQ(p.rps[0].rp_no, 1);
    EXPECT_EQ(p.rps[1].rp_no, 2);
    EXPECT_EQ(p.remarks[1], (Remark{2, 1, "一包化"}));
    EXPECT_EQ(p.rps[0].items[1].seq, 2);
    EXPECT_EQ(p.rps[0].items[1].code_system, DrugCodeSystem::None);
}

// Builds an array of `n` copies of `element` at `path`.
void fill(const Poco::JSON::Object::Ptr& root, const std::string& path,
          const std::string& element_json, std::size_t n, bool numbered, const char* number_key) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (std::size_t i = 0; i < n; ++i) {
        auto element = parseObject(element_json);
        if (numbered) element->set(number_key, static_cast<int>(i + 1));
        array->add(element);
    }
    setAtPath(root, path, Poco::Dynamic::Var(array));
}

TEST(PrescriptionJsonDecode, AcceptsListsUpToTheirLimitAndRejectsOneMore) {
    const std::string rp = R"({"form": "oral", "days": 7, "usage": {"text": "朝食後"},
        "items": [{"name": "薬", "amount": "1", "unit": "錠"}]})";
    const std::string item = R"({"name": "薬", "amount": "1", "unit": "錠"})";
    const std::string supplement = R"({"text": "粉砕"})";
    struct Case {
        const char* path;
        std::string element;
        std::size_t limit;
        const char* number_key;
    };
    const Case cases[] = {
        {"rps", rp, kMaxRps, "rp_no"},
        {"rps[0].items", item, kMaxItemsPerRp, "seq"},
        {"remarks", R"({"text": "備考"})", kMaxRemarks, "seq"},
        {"rps[0].items[0].supplements", supplement, kMaxSupplements, "seq"},
        {"rps[0].usage_supplements", supplement, kMaxSupplements, "seq"},
        {"insurance.public_funding", R"({"slot": "first", "payer": "1"})", 1, "x"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        auto root = parseObject(kValidPrescriptionJson);
        if (std::string(c.path) == "insurance.public_funding") {
            // Slots are unique, so the limit is reached with four different ones.
            setAtPath(root, c.path,
                      parseValue(R"([{"slot":"first","payer":"1"},{"slot":"second","payer":"2"},
                {"slot":"third","payer":"3"},{"slot":"special","payer":"4"}])"));
            EXPECT_NO_THROW(decodePrescription(*root));
            root->getObject("insurance")
                ->getArray("public_funding")
                ->add(parseValue(R"({"slot":"first","payer":"5"})"));
        } else {
            fill(root, c.path, c.element, c.limit, true, c.number_key);
            EXPECT_NO_THROW(decodePrescription(*root));
            fill(root, c.path, c.element, c.limit + 1, true, c.number_key);
        }
        EXPECT_EQ(errorField(*root), std::string("invalid_field ") + c.path);
    }
}

TEST(PrescriptionJsonDecode, AcceptsTheEdgesOfEachRange) {
    struct Case {
        const char* path;
        const char* json;
    };
    const Case cases[] = {
        {"rps[0].days", "1"},
        {"rps[0].days", "365"},
        {"rps[1].quantity", "999"},
        {"rps[0].rp_no", "99"},
        {"issue_date", "\"2199-12-31\""},
        {"patient.birth_date", "\"1900-01-01\""},
        {"patient.birth_date", "\"2026-11-20\""},
        {"use_by_date", "\"2026-11-20\""},
        {"rps[0].usage.times_per_day", "24"},
        {"insurance.copay_rate", "0"},
        {"institution.code", "\"1234567\""},
        {"institution.postcode", "\"1050004\""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.path) + " = " + c.json);
        auto root = parseObject(kValidPrescriptionJson);
        setAtPath(root, c.path, parseValue(c.json));
        EXPECT_EQ(errorField(*root), "accepted");
    }
}

}  // namespace
}  // namespace rxdesk::prescription_json

namespace rxdesk::prescription_json {
namespace {

// Keeps docs/prescription-json.md honest: its Prescription example must decode.
TEST(PrescriptionJsonDecode, DecodesTheDocumentedExample) {
    const char* source_dir = std::getenv("RXDESK_SOURCE_DIR");
    if (!source_dir) GTEST_SKIP() << "RXDESK_SOURCE_DIR not set (run through ctest)";
    std::ifstream in(std::string(source_dir) + "/docs/prescription-json.md");
    ASSERT_TRUE(in) << "docs/prescription-json.md missing";
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto section = doc.find("## Prescription");
    ASSERT_NE(section, std::string::npos);
    const auto start = doc.find("```json\n", section);
    ASSERT_NE(start, std::string::npos);
    const auto end = doc.find("```", start + 8);
    const std::string example = doc.substr(start + 8, end - start - 8);
    const prescription::Prescription p = decodePrescription(*testing::parseObject(example));
    EXPECT_EQ(p.rps.size(), 2u);
    EXPECT_EQ(decodePrescription(encodePrescription(p)), p);
}

}  // namespace
}  // namespace rxdesk::prescription_json
