#include "prescription_json/Submission.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <array>

#include "core/TextEncoding.h"
#include "prescription_json/Limits.h"
#include "prescription_json/ObjectReader.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

constexpr std::array<std::string_view, 4> kImageMediaTypes = {"image/tiff", "image/png",
                                                              "image/jpeg", "application/pdf"};

Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    if (!isValidUtf8(body))
        throw Error(ErrorKind::BadRequest, "invalid_encoding", "本文が UTF-8 ではありません");
    Poco::Dynamic::Var value;
    try {
        Poco::JSON::Parser parser;
        parser.setDepth(kMaxJsonDepth);
        value = parser.parse(body);
    } catch (const Poco::Exception&) {
        throw Error(ErrorKind::BadRequest, "invalid_json", "本文が JSON として読めません");
    } catch (const std::exception&) {
        // Poco's parser reports some malformed numbers as std exceptions.
        throw Error(ErrorKind::BadRequest, "invalid_json", "本文が JSON として読めません");
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr) ||
        value.extract<Poco::JSON::Object::Ptr>().isNull())
        throw Error(ErrorKind::BadRequest, "invalid_json",
                    "本文は JSON オブジェクトにしてください");
    return value.extract<Poco::JSON::Object::Ptr>();
}

bool isBase64(std::string_view s) {
    if (s.empty() || s.size() % 4 != 0) return false;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0) return false;  // '=' only at the end
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!ok) return false;
    }
    return padding <= 2;
}

std::string decodeClientReference(const ObjectReader& r) {
    const std::string path = r.pathOf("client_reference");
    std::string s = r.requiredText("client_reference", kMaxClientReferenceLength);
    for (char c : s) {
        if (c < 0x21 || c > 0x7E)
            throw invalidField(path, "半角英数字と記号（空白なし）で 64 文字までにしてください");
    }
    return s;
}

// The QR text keeps its CR LF line ends, so it cannot go through textValue.
std::string decodeJahisText(const ObjectReader& r) {
    const std::string path = r.pathOf("jahis");
    const Poco::Dynamic::Var& v = *r.find("jahis");
    if (v.type() != typeid(std::string)) throw invalidField(path, "文字列ではありません");
    const std::string& s = v.extract<std::string>();
    if (s.empty()) throw missingField(path);
    if (s.size() > kMaxJahisTextLength)
        throw invalidField(path,
                           "長すぎます（" + std::to_string(kMaxJahisTextLength) + " バイトまで）");
    if (!isValidUtf8(s)) throw invalidField(path, "UTF-8 として不正な文字列です");
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\r' && c != '\n') || byte == 0x7F)
            throw invalidField(path, "改行以外の制御文字は使えません");
    }
    if (s.rfind("JAHIS", 0) != 0)
        throw invalidField(path, "JAHIS の QR テキスト（先頭が JAHIS）ではありません");
    return s;
}

void decodeImage(const Poco::JSON::Object& o, const std::string& path, Submission& out) {
    ObjectReader r(o, path, {"media_type", "data"});
    const std::string media_type = r.requiredText("media_type", 40);
    bool known = false;
    for (std::string_view t : kImageMediaTypes) known = known || t == media_type;
    if (!known)
        throw invalidField(r.pathOf("media_type"),
                           "使用できない値です（image/tiff, image/png, image/jpeg, "
                           "application/pdf）");
    const std::string data_path = r.pathOf("data");
    const Poco::Dynamic::Var* v = r.find("data");
    if (!v) throw missingField(data_path);
    if (v->type() != typeid(std::string)) throw invalidField(data_path, "文字列ではありません");
    const std::string& data = v->extract<std::string>();
    if (data.empty()) throw missingField(data_path);
    if (data.size() > kMaxImageBase64Length)
        throw invalidField(data_path, "画像が大きすぎます（Base64 で " +
                                          std::to_string(kMaxImageBase64Length) + " バイトまで）");
    if (!isBase64(data))
        throw invalidField(data_path, "Base64（改行なし、= の埋め草つき）ではありません");
    out.image_media_type = media_type;
    out.image_base64 = data;
}

prescription::OnlineConsultation decodeOnline(const Poco::JSON::Object& o,
                                              const std::string& path) {
    ObjectReader r(o, path, {"initial_visit", "underlying_conditions_known"});
    prescription::OnlineConsultation online;
    online.initial_visit = r.optionalBool("initial_visit");
    online.underlying_conditions_known = r.optionalBool("underlying_conditions_known");
    return online;
}

}  // namespace

Submission decodeSubmission(const std::string& body) {
    const Poco::JSON::Object::Ptr root = parseObject(body);
    ObjectReader r(*root, {}, {"client_reference", "prescription", "jahis", "image", "online"});
    Submission out;
    out.client_reference = decodeClientReference(r);

    const bool has_prescription = r.has("prescription");
    const bool has_jahis = r.has("jahis");
    if (has_prescription && has_jahis)
        throw invalidField("jahis", "prescription と jahis はどちらか一方だけを送ってください");
    if (!has_prescription && !has_jahis)
        throw Error(ErrorKind::BadRequest, "missing_field",
                    "prescription（構造化データ）か jahis（QR テキスト）のどちらかが必要です",
                    "prescription");

    const auto* envelope_online = r.optionalObject("online");
    if (envelope_online) out.online = decodeOnline(*envelope_online, "online");

    if (has_prescription) {
        const auto& object = r.requiredObject("prescription");
        prescription::Prescription p = decodePrescription(object, "prescription");
        if (envelope_online) {
            if (object.has("online") && !object.isNull("online"))
                throw invalidField("online", "online は prescription.online と同時には送れません");
            p.online = out.online;
        } else {
            out.online = p.online;
        }
        out.structured = std::move(p);
    } else {
        out.jahis_text = decodeJahisText(r);
    }

    if (const auto* image = r.optionalObject("image")) decodeImage(*image, "image", out);
    return out;
}

}  // namespace rxdesk::prescription_json
