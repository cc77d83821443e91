#include "eprescription/WireFormat.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <limits>
#include <sstream>

#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"

namespace rxdesk::eprescription {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr std::string_view kJahisFormat = "JAHIS";

/// Which end is reading: decides what a malformed document is (our caller's bad request,
/// or the upstream's bad response).
enum class Side { Request, Response };

[[noreturn]] void malformed(Side side, const std::string& field) {
    if (side == Side::Request) {
        throw Error(ErrorKind::BadRequest, "invalid_request", "request field is missing or invalid",
                    field);
    }
    throw Error(ErrorKind::UpstreamUnavailable, "upstream_bad_response",
                "電子処方箋管理サービスの応答を読み取れません", field);
}

Object::Ptr newObject() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string stringify(const Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

Object::Ptr parseObject(std::string_view body, Side side) {
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var root = parser.parse(std::string(body));
        if (root.type() == typeid(Object::Ptr)) {
            Object::Ptr object = root.extract<Object::Ptr>();
            if (object) return object;
        }
    } catch (const Poco::Exception&) {
    }
    malformed(side, "");
}

std::string requiredString(const Object::Ptr& object, const std::string& key, Side side,
                           bool allow_empty = false) {
    if (!object->has(key)) malformed(side, key);
    Poco::Dynamic::Var value = object->get(key);
    if (!value.isString()) malformed(side, key);
    std::string text = value.convert<std::string>();
    if (text.empty() && !allow_empty) malformed(side, key);
    return text;
}

std::string optionalString(const Object::Ptr& object, const std::string& key, Side side) {
    if (!object->has(key) || object->isNull(key)) return {};
    return requiredString(object, key, side, true);
}

int requiredInt(const Object::Ptr& object, const std::string& key, Side side) {
    if (!object->has(key)) malformed(side, key);
    Poco::Dynamic::Var value = object->get(key);
    if (!value.isInteger()) malformed(side, key);
    long long n = value.convert<long long>();
    if (n < 0 || n > std::numeric_limits<int>::max()) malformed(side, key);
    return int(n);
}

Date requiredDate(const Object::Ptr& object, const std::string& key, Side side) {
    std::optional<Date> date = parseDate(requiredString(object, key, side));
    if (!date) malformed(side, key);
    return *date;
}

TimePoint requiredTime(const Object::Ptr& object, const std::string& key, Side side) {
    std::optional<TimePoint> t = parseIso8601(requiredString(object, key, side));
    if (!t) malformed(side, key);
    return *t;
}

Object::Ptr requiredObject(const Object::Ptr& object, const std::string& key, Side side) {
    Object::Ptr child = object->has(key) ? object->getObject(key) : nullptr;
    if (!child) malformed(side, key);
    return child;
}

std::optional<prescription::DrugCodeSystem> codeSystemOf(int value) {
    using prescription::DrugCodeSystem;
    switch (value) {
        case 1:
            return DrugCodeSystem::None;
        case 2:
            return DrugCodeSystem::Claims;
        case 3:
            return DrugCodeSystem::Mhlw;
        case 4:
            return DrugCodeSystem::Yj;
        case 6:
            return DrugCodeSystem::Hot;
        case 7:
            return DrugCodeSystem::GenericName;
        default:
            return std::nullopt;
    }
}

struct ErrorCodeRow {
    ServiceError error;
    std::string_view wire_code;
    int status;
    ErrorKind kind;
    std::string_view rxdesk_code;
    std::string_view message;
};

// The single table tying the service's refusals to HTTP statuses and rxdesk errors.
constexpr ErrorCodeRow kErrorCodes[] = {
    {ServiceError::InvalidRequest, "invalid_request", 400, ErrorKind::BadRequest,
     "eprescription_invalid_request",
     "電子処方箋管理サービスが要求を受け付けませんでした。引換番号などの入力を確認してください。"},
    {ServiceError::NotFound, "prescription_not_found", 404, ErrorKind::NotFound,
     "eprescription_not_found",
     "引換番号に該当する電子処方箋がありません。番号を確認してください。"},
    {ServiceError::IdentityMismatch, "identity_mismatch", 422, ErrorKind::RuleViolation,
     "eprescription_identity_mismatch",
     "保険者番号または生年月日が電子処方箋と一致しません。患者さんに確認してください。"},
    {ServiceError::Expired, "prescription_expired", 422, ErrorKind::RuleViolation,
     "eprescription_expired",
     "電子処方箋の使用期間が過ぎています。医療機関に再発行を依頼してください。"},
    {ServiceError::AlreadyDispensed, "already_dispensed", 409, ErrorKind::Conflict,
     "eprescription_already_dispensed",
     "この電子処方箋はすでに調剤済みです。二重調剤にならないよう確認してください。"},
};

const ErrorCodeRow& rowOf(ServiceError error) {
    for (const ErrorCodeRow& row : kErrorCodes) {
        if (row.error == error) return row;
    }
    return kErrorCodes[0];
}

}  // namespace

std::string WireFormat::encodeRetrieveRequest(const ExchangeRequest& request) {
    Object::Ptr o = newObject();
    o->set("exchange_number", request.exchange_number);
    o->set("insurer_number", request.insurer_number);
    o->set("birth_date", formatDate(request.birth_date));
    return stringify(o);
}

ExchangeRequest WireFormat::decodeRetrieveRequest(std::string_view body) {
    Object::Ptr o = parseObject(body, Side::Request);
    ExchangeRequest request;
    request.exchange_number = requiredString(o, "exchange_number", Side::Request);
    request.insurer_number = requiredString(o, "insurer_number", Side::Request);
    request.birth_date = requiredDate(o, "birth_date", Side::Request);
    return request;
}

std::string WireFormat::encodeRetrieveResponse(const RetrievedPrescription& retrieved) {
    Object::Ptr o = newObject();
    o->set("prescription_id", retrieved.prescription_id);
    o->set("issued_on", formatDate(retrieved.issued_on));
    o->set("expires_on", formatDate(retrieved.expires_on));
    Object::Ptr content = newObject();
    content->set("format", std::string(kJahisFormat));
    content->set("text", jahis::JahisWriter::write(retrieved.prescription));
    o->set("content", content);
    return stringify(o);
}

RetrievedPrescription WireFormat::decodeRetrieveResponse(std::string_view body) {
    Object::Ptr o = parseObject(body, Side::Response);
    RetrievedPrescription retrieved;
    retrieved.prescription_id = requiredString(o, "prescription_id", Side::Response);
    retrieved.issued_on = requiredDate(o, "issued_on", Side::Response);
    retrieved.expires_on = requiredDate(o, "expires_on", Side::Response);
    Object::Ptr content = requiredObject(o, "content", Side::Response);
    if (requiredString(content, "format", Side::Response) != kJahisFormat) {
        malformed(Side::Response, "content.format");
    }
    jahis::ParseResult parsed =
        jahis::JahisParser::parse(requiredString(content, "text", Side::Response));
    if (!parsed.prescription) malformed(Side::Response, "content.text");
    retrieved.prescription = std::move(*parsed.prescription);
    retrieved.findings = std::move(parsed.findings);
    return retrieved;
}

std::string WireFormat::encodeRegisterRequest(const std::string& request_id,
                                              const DispensingResult& result) {
    Object::Ptr o = newObject();
    o->set("request_id", request_id);
    o->set("prescription_id", result.prescription_id);
    o->set("dispensed_at", formatIso8601(result.dispensed_at));
    Object::Ptr pharmacist = newObject();
    pharmacist->set("name", result.pharmacist.name);
    pharmacist->set("registration_number", result.pharmacist.registration_number);
    o->set("pharmacist", pharmacist);
    Array::Ptr items = new Array;
    for (const DispensedItem& item : result.items) {
        Object::Ptr i = newObject();
        i->set("rp_no", item.rp_no);
        i->set("code_system", int(item.code_system));
        i->set("code", item.code);
        i->set("name", item.name);
        i->set("amount", item.amount);
        i->set("unit", item.unit);
        i->set("quantity", item.quantity);
        items->add(i);
    }
    o->set("items", items);
    return stringify(o);
}

RegisterRequest WireFormat::decodeRegisterRequest(std::string_view body) {
    constexpr Side side = Side::Request;
    Object::Ptr o = parseObject(body, side);
    RegisterRequest request;
    request.request_id = requiredString(o, "request_id", side);
    request.result.prescription_id = requiredString(o, "prescription_id", side);
    request.result.dispensed_at = requiredTime(o, "dispensed_at", side);
    Object::Ptr pharmacist = requiredObject(o, "pharmacist", side);
    request.result.pharmacist.name = requiredString(pharmacist, "name", side);
    request.result.pharmacist.registration_number =
        optionalString(pharmacist, "registration_number", side);
    Array::Ptr items = o->has("items") ? o->getArray("items") : nullptr;
    if (!items || items->size() == 0) malformed(side, "items");
    for (std::size_t n = 0; n < items->size(); ++n) {
        Object::Ptr i = items->getObject(static_cast<unsigned>(n));
        if (!i) malformed(side, "items");
        DispensedItem item;
        item.rp_no = requiredInt(i, "rp_no", side);
        std::optional<prescription::DrugCodeSystem> system =
            codeSystemOf(requiredInt(i, "code_system", side));
        if (!system) malformed(side, "code_system");
        item.code_system = *system;
        item.code = optionalString(i, "code", side);
        item.name = requiredString(i, "name", side);
        item.amount = requiredString(i, "amount", side);
        item.unit = optionalString(i, "unit", side);
        item.quantity = requiredInt(i, "quantity", side);
        request.result.items.push_back(std::move(item));
    }
    return request;
}

std::string WireFormat::encodeRegisterResponse(const RegistrationReceipt& receipt) {
    Object::Ptr o = newObject();
    o->set("result_id", receipt.result_id);
    o->set("registered_at", formatIso8601(receipt.registered_at));
    return stringify(o);
}

RegistrationReceipt WireFormat::decodeRegisterResponse(std::string_view body) {
    Object::Ptr o = parseObject(body, Side::Response);
    RegistrationReceipt receipt;
    receipt.result_id = requiredString(o, "result_id", Side::Response);
    receipt.registered_at = requiredTime(o, "registered_at", Side::Response);
    return receipt;
}

WireResponse WireFormat::encodeError(ServiceError error, std::string_view detail) {
    const ErrorCodeRow& row = rowOf(error);
    Object::Ptr e = newObject();
    e->set("code", std::string(row.wire_code));
    e->set("message", detail.empty() ? std::string(row.wire_code) : std::string(detail));
    Object::Ptr o = newObject();
    o->set("error", e);
    return {row.status, stringify(o)};
}

Error WireFormat::errorFromResponse(int status, std::string_view body) {
    std::string wire_code;
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var root = parser.parse(std::string(body));
        if (root.type() == typeid(Object::Ptr)) {
            Object::Ptr error = root.extract<Object::Ptr>()->getObject("error");
            if (error && error->has("code") && error->get("code").isString()) {
                wire_code = error->getValue<std::string>("code");
            }
        }
    } catch (const Poco::Exception&) {
        // Not our JSON (a proxy's HTML page, say): decided by the status below.
    }
    for (const ErrorCodeRow& row : kErrorCodes) {
        if (row.wire_code == wire_code && row.status == status) {
            return Error(row.kind, std::string(row.rxdesk_code), std::string(row.message));
        }
    }
    if (status == 401 || status == 403) {
        return Error(ErrorKind::UpstreamUnavailable, "upstream_unavailable",
                     "電子処方箋管理サービスに接続を拒否されました (HTTP " +
                         std::to_string(status) +
                         ")。クライアント証明書の設定を確認してください。");
    }
    return Error(
        ErrorKind::UpstreamUnavailable, "upstream_bad_response",
        "電子処方箋管理サービスから想定外の応答がありました (HTTP " + std::to_string(status) + ")");
}

}  // namespace rxdesk::eprescription
