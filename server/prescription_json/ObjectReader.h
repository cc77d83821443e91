#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/Error.h"
#include "core/TokyoTime.h"

namespace rxdesk::prescription_json {

// Internal to rxdesk_prescription_json: typed, path-aware access to decoded JSON.
// Every failure is an rxdesk::Error(BadRequest) whose field is the member's path and whose
// message names the path and the rule broken, never the value.

Error missingField(const std::string& path);
Error invalidField(const std::string& path, std::string_view why);
Error unknownField(const std::string& path);

/// "parent.key", or "key" when parent is empty.
std::string memberPath(const std::string& parent, std::string_view key);
/// "parent[index]".
std::string elementPath(const std::string& parent, std::size_t index);

/// The object held by `v` (as Object::Ptr or Object), or nullptr when `v` is not one.
const Poco::JSON::Object* asObject(const Poco::Dynamic::Var& v);
/// The array held by `v` (as Array::Ptr or Array), or nullptr when `v` is not one.
const Poco::JSON::Array* asArray(const Poco::Dynamic::Var& v);

/// A string of at most `max_chars` characters, valid UTF-8, without control characters.
std::string textValue(const Poco::Dynamic::Var& v, const std::string& path, std::size_t max_chars);
/// An integer in [min, max] (not a boolean, not a fractional number, not a string).
int intValue(const Poco::Dynamic::Var& v, const std::string& path, int min, int max);
/// A positive decimal amount given as a JSON number or a numeric string ("4", "0.5"),
/// returned as text: numbers in their shortest plain form, strings as written. With
/// `allow_fraction`, a fraction string "n/m" is also accepted (1回服用量 "2/3").
/// An empty string is returned as "" (caller decides whether that is allowed).
std::string amountValue(const Poco::Dynamic::Var& v, const std::string& path, bool allow_fraction);

/// One JSON object being decoded. The constructor rejects members not in `allowed`
/// with "unknown_field". JSON null counts as absent everywhere.
class ObjectReader {
public:
    ObjectReader(const Poco::JSON::Object& object, std::string path,
                 std::initializer_list<std::string_view> allowed);

    const std::string& path() const { return path_; }
    std::string pathOf(std::string_view key) const { return memberPath(path_, key); }

    /// The member's value, or nullptr when absent or null.
    const Poco::Dynamic::Var* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }

    /// "" when absent, null or empty.
    std::string optionalText(std::string_view key, std::size_t max_chars) const;
    /// Throws missing_field when absent, null or empty.
    std::string requiredText(std::string_view key, std::size_t max_chars) const;
    std::optional<int> optionalInt(std::string_view key, int min, int max) const;
    int requiredInt(std::string_view key, int min, int max) const;
    std::optional<bool> optionalBool(std::string_view key) const;
    /// "YYYY-MM-DD", a real calendar date between kMinYear and kMaxYear.
    std::optional<Date> optionalDate(std::string_view key) const;
    Date requiredDate(std::string_view key) const;
    /// nullptr when absent; invalid_field when not an object.
    const Poco::JSON::Object* optionalObject(std::string_view key) const;
    const Poco::JSON::Object& requiredObject(std::string_view key) const;
    /// nullptr when absent; invalid_field when not an array or longer than max_items.
    const Poco::JSON::Array* optionalArray(std::string_view key, std::size_t max_items) const;
    /// See amountValue; "" when absent.
    std::string optionalAmount(std::string_view key, bool allow_fraction = false) const;
    std::string requiredAmount(std::string_view key) const;

private:
    std::string path_;
    std::map<std::string, const Poco::Dynamic::Var*, std::less<>> members_;
};

}  // namespace rxdesk::prescription_json
