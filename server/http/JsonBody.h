#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace rxdesk::http {

/// A parsed JSON request object with typed accessors that throw Error(BadRequest) naming
/// the field: "missing_field" when required and absent, "invalid_field" when of the wrong
/// type or out of range.
class JsonBody {
public:
    /// Parses `text`. Throws Error(BadRequest, "invalid_encoding") for bytes that are not
    /// UTF-8 and Error(BadRequest, "invalid_json") for anything but a JSON object.
    static JsonBody parse(const std::string& text);

    explicit JsonBody(Poco::JSON::Object::Ptr object) : object_(std::move(object)) {}

    std::string requireString(const std::string& field, std::size_t max_length = 1000) const;
    std::optional<std::string> optionalString(const std::string& field,
                                              std::size_t max_length = 1000) const;
    std::int64_t requireInt(const std::string& field, std::int64_t min, std::int64_t max) const;
    std::optional<std::int64_t> optionalInt(const std::string& field, std::int64_t min,
                                            std::int64_t max) const;
    std::optional<bool> optionalBool(const std::string& field) const;
    bool has(const std::string& field) const { return object_->has(field); }

    const Poco::JSON::Object::Ptr& object() const { return object_; }

private:
    Poco::JSON::Object::Ptr object_;
};

}  // namespace rxdesk::http
