#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <optional>
#include <sstream>
#include <string>

#include "prescription/Prescription.h"
#include "unit/jahis/JahisSamples.h"

namespace rxdesk::prescription_json::testing {

/// A valid prescription as a clinic would send it: every part the decoder requires, two Rps,
/// two code systems, remarks as plain strings, an amount as a JSON number.
inline const std::string kValidPrescriptionJson = R"({
  "patient": {"code": "P1", "name_kanji": "日薬 太郎", "name_kana": "ﾆﾁﾔｸ ﾀﾛｳ",
              "sex": "male", "birth_date": "1960-06-06"},
  "prescriber": {"name_kanji": "工業会 次郎", "name_kana": "ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ", "department": "内科"},
  "institution": {"code": "1312345678", "name": "さくら内科クリニック", "prefecture": "13",
                  "address": "東京都港区新橋1-1-1", "phone": "03-0000-0000", "fax": "03-0000-0001"},
  "insurance": {"type": 1, "insurer_number": "06012345", "card_symbol": "０１－２３",
                "card_number": "１２３４", "insured_kind": 1, "copay_rate": 30, "benefit_rate": 70,
                "public_funding": [{"slot": "first", "payer": "51123456", "recipient": "1234567"}]},
  "issue_date": "2026-11-20",
  "remarks": ["オンライン対応"],
  "online": {"initial_visit": false, "underlying_conditions_known": true},
  "rps": [
    {"rp_no": 1, "form": "oral", "days": 14,
     "usage": {"code_type": 1, "text": "1日3回毎食後", "times_per_day": 3},
     "items": [{"code_system": "claims", "code": "612170709", "name": "ノルバスク錠2.5mg",
                "amount": "3", "unit": "錠", "supplements": ["後発品変更不可"]}]},
    {"rp_no": 2, "form": "as_needed", "quantity": 5, "usage": {"text": "疼痛時"},
     "items": [{"code_system": "generic_name", "code": "2171014M2ZZZ",
                "name": "【般】ニフェジピンカプセル10mg", "amount": 1, "unit": "カプセル"}]}
  ]
})";

inline Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// Parses one JSON value, e.g. "14", "\"x\"", "[1]".
inline Poco::Dynamic::Var parseValue(const std::string& text) {
    Poco::JSON::Parser parser;
    auto wrapper = parser.parse("[" + text + "]").extract<Poco::JSON::Array::Ptr>();
    return wrapper->get(0);
}

inline std::string stringify(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

/// Sets (or, with nullopt, removes) the member at `path` ("rps[0].items[1].code") in
/// `root`; every step but the last must exist.
inline void setAtPath(const Poco::JSON::Object::Ptr& root, const std::string& path,
                      const std::optional<Poco::Dynamic::Var>& value) {
    Poco::JSON::Object::Ptr object = root;
    std::string rest = path;
    while (true) {
        const auto dot = rest.find('.');
        const std::string segment = rest.substr(0, dot);
        const bool last = dot == std::string::npos;
        const auto bracket = segment.find('[');
        const std::string name = segment.substr(0, bracket);
        if (bracket == std::string::npos) {
            if (last) {
                if (value)
                    object->set(name, *value);
                else
                    object->remove(name);
                return;
            }
            object = object->getObject(name);
        } else {
            const unsigned index = static_cast<unsigned>(std::stoul(segment.substr(bracket + 1)));
            auto array = object->getArray(name);
            if (last) {
                if (value)
                    array->set(index, *value);
                else
                    array->remove(index);
                return;
            }
            object = array->getObject(index);
        }
        rest = rest.substr(dot + 1);
    }
}

/// The richest prescription the model can hold (from the JAHIS suite), plus online facts.
inline prescription::Prescription fullPrescription() {
    prescription::Prescription p = jahis::samples::richPrescription();
    p.online.initial_visit = true;
    p.online.underlying_conditions_known = false;
    return p;
}

}  // namespace rxdesk::prescription_json::testing
