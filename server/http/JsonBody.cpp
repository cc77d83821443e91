#include "http/JsonBody.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "core/Error.h"
#include "core/TextEncoding.h"

namespace rxdesk::http {
namespace {

Error missing(const std::string& field) {
    return Error(ErrorKind::BadRequest, "missing_field", "必須項目がありません: " + field, field);
}

Error invalid(const std::string& field, const std::string& why) {
    return Error(ErrorKind::BadRequest, "invalid_field", field + " が不正です: " + why, field);
}

}  // namespace

JsonBody JsonBody::parse(const std::string& text) {
    if (!isValidUtf8(text))
        throw Error(ErrorKind::BadRequest, "invalid_encoding", "本文が UTF-8 ではありません");
    Poco::Dynamic::Var value;
    try {
        Poco::JSON::Parser parser;
        value = parser.parse(text);
    } catch (const Poco::Exception&) {
        throw Error(ErrorKind::BadRequest, "invalid_json", "本文が JSON として読めません");
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw Error(ErrorKind::BadRequest, "invalid_json", "本文は JSON オブジェクトにしてください");
    return JsonBody(value.extract<Poco::JSON::Object::Ptr>());
}

std::optional<std::string> JsonBody::optionalString(const std::string& field,
                                                    std::size_t max_length) const {
    if (!object_->has(field) || object_->isNull(field)) return std::nullopt;
    Poco::Dynamic::Var v = object_->get(field);
    if (!v.isString()) throw invalid(field, "文字列ではありません");
    std::string s = v.extract<std::string>();
    if (s.size() > max_length) throw invalid(field, "長すぎます");
    return s;
}

std::string JsonBody::requireString(const std::string& field, std::size_t max_length) const {
    auto s = optionalString(field, max_length);
    if (!s) throw missing(field);
    return *s;
}

std::optional<std::int64_t> JsonBody::optionalInt(const std::string& field, std::int64_t min,
                                                  std::int64_t max) const {
    if (!object_->has(field) || object_->isNull(field)) return std::nullopt;
    Poco::Dynamic::Var v = object_->get(field);
    if (!v.isInteger()) throw invalid(field, "整数ではありません");
    std::int64_t n;
    try {
        n = v.convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        throw invalid(field, "範囲外です");
    }
    if (n < min || n > max) throw invalid(field, "範囲外です");
    return n;
}

std::int64_t JsonBody::requireInt(const std::string& field, std::int64_t min,
                                  std::int64_t max) const {
    auto n = optionalInt(field, min, max);
    if (!n) throw missing(field);
    return *n;
}

std::optional<bool> JsonBody::optionalBool(const std::string& field) const {
    if (!object_->has(field) || object_->isNull(field)) return std::nullopt;
    Poco::Dynamic::Var v = object_->get(field);
    if (!v.isBoolean()) throw invalid(field, "真偽値ではありません");
    return v.extract<bool>();
}

}  // namespace rxdesk::http
