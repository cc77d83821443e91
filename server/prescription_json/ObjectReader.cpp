#include "prescription_json/ObjectReader.h"

#include <Poco/Exception.h>

#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/TextEncoding.h"
#include "prescription_json/Limits.h"

namespace rxdesk::prescription_json {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// A member name goes into the error path only when it looks like a schema name: a client
// that puts patient data into a key must not see it echoed.
std::string keyForPath(std::string_view key) {
    if (key.empty() || key.size() > 64) return "?";
    for (char c : key) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '-';
        if (!ok) return "?";
    }
    return std::string(key);
}

// Counts code points of valid UTF-8; returns nullopt when a C0/C1 control character or
// DEL is present (they would break the CSV and PDF outputs downstream).
std::optional<std::size_t> countCharsWithoutControls(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x20 || byte == 0x7F) return std::nullopt;
        // U+0080..U+009F are encoded as C2 80..C2 9F.
        if (byte == 0xC2 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return std::nullopt;
        }
        if ((byte & 0xC0) != 0x80) ++count;
    }
    return count;
}

bool isDecimalText(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i])) ++i;
    const std::size_t int_digits = i;
    if (int_digits == 0 || int_digits > static_cast<std::size_t>(kMaxAmountIntegerDigits))
        return false;
    if (int_digits > 1 && s[0] == '0') return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    ++i;
    const std::size_t start = i;
    while (i < s.size() && isDigit(s[i])) ++i;
    const std::size_t frac_digits = i - start;
    return i == s.size() && frac_digits >= 1 &&
           frac_digits <= static_cast<std::size_t>(kMaxAmountFractionDigits);
}

bool hasNonZeroDigit(std::string_view s) {
    for (char c : s) {
        if (c >= '1' && c <= '9') return true;
    }
    return false;
}

bool isFractionText(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) return false;
    const std::string_view num = s.substr(0, slash);
    const std::string_view den = s.substr(slash + 1);
    auto plain = [](std::string_view part) {
        if (part.empty() || part.size() > static_cast<std::size_t>(kMaxAmountIntegerDigits))
            return false;
        if (part.size() > 1 && part[0] == '0') return false;
        for (char c : part) {
            if (!isDigit(c)) return false;
        }
        return hasNonZeroDigit(part);
    };
    return plain(num) && plain(den);
}

constexpr double kMaxAmountValue = 99999.99999;

}  // namespace

Error missingField(const std::string& path) {
    return Error(ErrorKind::BadRequest, "missing_field", "必須項目がありません: " + path, path);
}

Error invalidField(const std::string& path, std::string_view why) {
    return Error(ErrorKind::BadRequest, "invalid_field", path + " が不正です: " + std::string(why),
                 path);
}

Error unknownField(const std::string& path) {
    return Error(ErrorKind::BadRequest, "unknown_field",
                 "定義されていない項目です（綴りを確認してください）: " + path, path);
}

std::string memberPath(const std::string& parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    return parent + "." + std::string(key);
}

std::string elementPath(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

const Poco::JSON::Object* asObject(const Poco::Dynamic::Var& v) {
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto& ptr = v.extract<Poco::JSON::Object::Ptr>();
        return ptr.get();
    }
    if (v.type() == typeid(Poco::JSON::Object)) return &v.extract<Poco::JSON::Object>();
    return nullptr;
}

const Poco::JSON::Array* asArray(const Poco::Dynamic::Var& v) {
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto& ptr = v.extract<Poco::JSON::Array::Ptr>();
        return ptr.get();
    }
    if (v.type() == typeid(Poco::JSON::Array)) return &v.extract<Poco::JSON::Array>();
    return nullptr;
}

std::string textValue(const Poco::Dynamic::Var& v, const std::string& path, std::size_t max_chars) {
    if (v.type() != typeid(std::string)) throw invalidField(path, "文字列ではありません");
    const std::string& s = v.extract<std::string>();
    if (!isValidUtf8(s)) throw invalidField(path, "UTF-8 として不正な文字列です");
    const auto chars = countCharsWithoutControls(s);
    if (!chars) throw invalidField(path, "制御文字（改行など）は使えません");
    if (*chars > max_chars)
        throw invalidField(path, "長すぎます（" + std::to_string(max_chars) + " 文字まで）");
    return s;
}

int intValue(const Poco::Dynamic::Var& v, const std::string& path, int min, int max) {
    const std::string range = "（" + std::to_string(min) + "〜" + std::to_string(max) + "）";
    if (v.isEmpty() || v.isBoolean() || !v.isInteger())
        throw invalidField(path, "整数ではありません" + range);
    std::int64_t n = 0;
    try {
        n = v.convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        throw invalidField(path, "範囲外です" + range);
    }
    if (n < min || n > max) throw invalidField(path, "範囲外です" + range);
    return static_cast<int>(n);
}

std::string amountValue(const Poco::Dynamic::Var& v, const std::string& path, bool allow_fraction) {
    const char* const kWhy =
        allow_fraction ? "正の数（最大 5 桁、小数 5 桁まで）または分数 \"n/m\" にしてください"
                       : "正の数（最大 5 桁、小数 5 桁まで）にしてください";
    if (v.isEmpty() || v.isBoolean()) throw invalidField(path, kWhy);
    if (v.type() == typeid(std::string)) {
        std::string s = textValue(v, path, kMaxCodeLength);
        if (s.empty()) return s;
        if (isDecimalText(s) && hasNonZeroDigit(s)) return s;
        if (allow_fraction && isFractionText(s)) return s;
        throw invalidField(path, kWhy);
    }
    if (v.isInteger()) {
        std::int64_t n = 0;
        try {
            n = v.convert<std::int64_t>();
        } catch (const Poco::Exception&) {
            throw invalidField(path, kWhy);
        }
        if (n <= 0 || n > 99999) throw invalidField(path, kWhy);
        return std::to_string(n);
    }
    if (v.isNumeric()) {
        double d = 0;
        try {
            d = v.convert<double>();
        } catch (const Poco::Exception&) {
            throw invalidField(path, kWhy);
        }
        if (!std::isfinite(d) || d <= 0 || d > kMaxAmountValue) throw invalidField(path, kWhy);
        // Shortest text that reads back as the same double, without an exponent.
        char buffer[64];
        const auto result =
            std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
        if (result.ec != std::errc()) throw invalidField(path, kWhy);
        std::string s(buffer, result.ptr);
        if (!isDecimalText(s) || !hasNonZeroDigit(s)) throw invalidField(path, kWhy);
        return s;
    }
    throw invalidField(path, kWhy);
}

ObjectReader::ObjectReader(const Poco::JSON::Object& object, std::string path,
                           std::initializer_list<std::string_view> allowed)
    : path_(std::move(path)) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (std::string_view name : allowed) {
            if (name == it->first) {
                known = true;
                break;
            }
        }
        if (!known) throw unknownField(memberPath(path_, keyForPath(it->first)));
        if (!it->second.isEmpty()) members_.emplace(it->first, &it->second);
    }
}

const Poco::Dynamic::Var* ObjectReader::find(std::string_view key) const {
    auto it = members_.find(key);
    return it == members_.end() ? nullptr : it->second;
}

std::string ObjectReader::optionalText(std::string_view key, std::size_t max_chars) const {
    const auto* v = find(key);
    return v ? textValue(*v, pathOf(key), max_chars) : std::string();
}

std::string ObjectReader::requiredText(std::string_view key, std::size_t max_chars) const {
    std::string s = optionalText(key, max_chars);
    if (s.empty()) throw missingField(pathOf(key));
    return s;
}

std::optional<int> ObjectReader::optionalInt(std::string_view key, int min, int max) const {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    return intValue(*v, pathOf(key), min, max);
}

int ObjectReader::requiredInt(std::string_view key, int min, int max) const {
    auto n = optionalInt(key, min, max);
    if (!n) throw missingField(pathOf(key));
    return *n;
}

std::optional<bool> ObjectReader::optionalBool(std::string_view key) const {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    if (!v->isBoolean()) throw invalidField(pathOf(key), "true か false にしてください");
    return v->extract<bool>();
}

std::optional<Date> ObjectReader::optionalDate(std::string_view key) const {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    const std::string path = pathOf(key);
    const std::string s = textValue(*v, path, 10);
    if (s.empty()) return std::nullopt;
    const bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-' && isDigit(s[0]) &&
                       isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && isDigit(s[5]) &&
                       isDigit(s[6]) && isDigit(s[8]) && isDigit(s[9]);
    if (!shape) throw invalidField(path, "日付は YYYY-MM-DD の形にしてください");
    auto date = parseDate(s);
    if (!date) throw invalidField(path, "存在しない日付です");
    const int year = static_cast<int>(date->year());
    if (year < kMinYear || year > kMaxYear)
        throw invalidField(path, "日付が範囲外です（" + std::to_string(kMinYear) + "〜" +
                                     std::to_string(kMaxYear) + " 年）");
    return date;
}

Date ObjectReader::requiredDate(std::string_view key) const {
    auto date = optionalDate(key);
    if (!date) throw missingField(pathOf(key));
    return *date;
}

const Poco::JSON::Object* ObjectReader::optionalObject(std::string_view key) const {
    const auto* v = find(key);
    if (!v) return nullptr;
    const auto* object = asObject(*v);
    if (!object) throw invalidField(pathOf(key), "オブジェクトではありません");
    return object;
}

const Poco::JSON::Object& ObjectReader::requiredObject(std::string_view key) const {
    const auto* object = optionalObject(key);
    if (!object) throw missingField(pathOf(key));
    return *object;
}

const Poco::JSON::Array* ObjectReader::optionalArray(std::string_view key,
                                                     std::size_t max_items) const {
    const auto* v = find(key);
    if (!v) return nullptr;
    const auto* array = asArray(*v);
    if (!array) throw invalidField(pathOf(key), "配列ではありません");
    if (array->size() > max_items)
        throw invalidField(pathOf(key),
                           "要素が多すぎます（" + std::to_string(max_items) + " 個まで）");
    return array;
}

std::string ObjectReader::optionalAmount(std::string_view key, bool allow_fraction) const {
    const auto* v = find(key);
    return v ? amountValue(*v, pathOf(key), allow_fraction) : std::string();
}

std::string ObjectReader::requiredAmount(std::string_view key) const {
    std::string s = optionalAmount(key);
    if (s.empty()) throw missingField(pathOf(key));
    return s;
}

}  // namespace rxdesk::prescription_json
