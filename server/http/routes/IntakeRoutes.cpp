#include "http/routes/IntakeRoutes.h"

#include <Poco/Base64Decoder.h>
#include <Poco/NumberParser.h>

#include <sstream>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "http/RequestContext.h"
#include "http/routes/PrescriptionViews.h"
#include "jahis/JahisParser.h"
#include "prescription_json/Submission.h"

namespace rxdesk::http {
namespace {

constexpr std::size_t kMaxDocumentBytes = 20 * 1024 * 1024;
constexpr std::size_t kMaxSubmissionBytes = 28 * 1024 * 1024;  // base64 image inside JSON

void requireDocumentType(const RequestContext& ctx) {
    std::string type = ctx.header("Content-Type");
    type = type.substr(0, type.find(';'));
    if (type != "image/tiff" && type != "image/png" && type != "image/jpeg" &&
        type != "application/pdf")
        throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                    "Content-Type は image/tiff, image/png, image/jpeg, application/pdf "
                    "のいずれかにしてください");
    if (ctx.body().empty()) throw Error(ErrorKind::BadRequest, "empty_body", "画像がありません");
}

std::string faxSender(const RequestContext& ctx) {
    std::string sender = ctx.header("X-Fax-Sender");
    if (sender.size() > 32 || sender.find_first_not_of("0123456789+-() ") != std::string::npos)
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "X-Fax-Sender は FAX 番号にしてください", "X-Fax-Sender");
    return sender;
}

std::optional<TimePoint> receivedAt(const RequestContext& ctx) {
    std::string text = ctx.header("X-Fax-Received-At");
    if (text.empty()) return std::nullopt;
    auto t = parseIso8601(text);
    if (!t)
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "X-Fax-Received-At は ISO 8601 の日時にしてください", "X-Fax-Received-At");
    return t;
}

std::string fromBase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::ostringstream out;
    try {
        out << decoder.rdbuf();
    } catch (const Poco::Exception&) {
        throw Error(ErrorKind::BadRequest, "invalid_field", "image が Base64 ではありません",
                    "image");
    }
    return out.str();
}

// The institution a clinic's key speaks for must be the one on the prescription.
void requireOwnInstitution(const prescription::Prescription& rx, const auth::Principal& clinic) {
    const auto& inst = rx.institution;
    std::string full =
        inst.prefecture + (inst.code_type ? std::to_string(*inst.code_type) : "") + inst.code;
    const std::string& own = clinic.institution_code;
    bool same = !inst.code.empty() && (full == own || inst.code == own ||
                                       (own.size() == 10 && own.substr(3) == inst.code));
    if (!same)
        throw Error(ErrorKind::RuleViolation, "institution_mismatch",
                    "処方箋の医療機関コードがこの API キーの医療機関と一致しません",
                    "prescription.institution.code");
}

eprescription::DispensingResult dispensingResultOf(const intake::PrescriptionRecord& r,
                                                   const auth::Principal& pharmacist,
                                                   TimePoint at) {
    eprescription::DispensingResult result;
    result.prescription_id = r.eprescription_id;
    result.pharmacist.name = pharmacist.display_name;
    result.dispensed_at = at;
    if (r.content)
        for (const auto& rp : r.content->rps)
            for (const auto& item : rp.items)
                result.items.push_back(
                    eprescription::DispensedItem{rp.rp_no, item.code_system, item.code, item.name,
                                                 item.amount, item.unit, rp.quantity});
    return result;
}

}  // namespace

void addIntakeRoutes(Router& router, intake::IntakeService& intake, intake::DocumentReader& reader,
                     BlobStore& blobs, eprescription::EPrescriptionService* eprescriptions) {
    router.add({"POST", "/api/v1/faxes", auth::Permission::FaxUpload, kMaxDocumentBytes, true,
                false, [&intake](RequestContext& ctx) {
                    requireDocumentType(ctx);
                    intake::DocumentArrival meta;
                    meta.channel = prescription::Channel::Fax;
                    meta.page_kind = "fax";
                    meta.sender_fax = faxSender(ctx);
                    meta.received_at = receivedAt(ctx);
                    meta.client_id = ctx.principal().id;
                    auto result = intake.receiveDocument(ctx.body(), meta, ctx.caller());
                    ctx.respondJson(201, submitterView(result.record));
                }});
    router.add({"POST", "/api/v1/scans", auth::Permission::ScanUpload, kMaxDocumentBytes, true,
                false, [&intake](RequestContext& ctx) {
                    requireDocumentType(ctx);
                    intake::DocumentArrival meta;
                    meta.channel = prescription::Channel::Counter;
                    meta.page_kind = "scan";
                    auto result = intake.receiveDocument(ctx.body(), meta, ctx.caller());
                    ctx.respondJson(201, prescriptionView(result.record, true, &ctx.principal()));
                }});
    router.add({"POST", "/api/v1/prescriptions", auth::Permission::ClinicSubmit,
                kMaxSubmissionBytes, true, false, [&intake, &reader, &blobs](RequestContext& ctx) {
                    std::string type = ctx.header("Content-Type");
                    if (type.substr(0, type.find(';')) != "application/json")
                        throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                                    "Content-Type は application/json にしてください");
                    auto submission = prescription_json::decodeSubmission(ctx.body());
                    intake::Arrival arrival;
                    arrival.channel = prescription::Channel::ClinicApi;
                    arrival.client_id = ctx.principal().id;
                    arrival.client_reference = submission.client_reference;
                    arrival.request_hash = crypto::sha256Hex(ctx.body());
                    if (submission.structured) {
                        arrival.content = submission.structured;
                    } else if (submission.jahis_text) {
                        auto parsed = jahis::JahisParser::parse(*submission.jahis_text);
                        if (!parsed.prescription)
                            throw Error(ErrorKind::BadRequest, "invalid_field",
                                        "jahis は JAHIS 形式の処方箋テキストにしてください",
                                        "jahis");
                        arrival.content = parsed.prescription;
                        arrival.content->online = submission.online;
                        arrival.read_findings = parsed.findings;
                    }
                    requireOwnInstitution(*arrival.content, ctx.principal());
                    if (submission.image_base64) {
                        std::string image = fromBase64(*submission.image_base64);
                        auto doc = reader.read(image);
                        arrival.source_sha256 = blobs.put(image);
                        int n = 0;
                        for (const auto& page : doc.pages)
                            arrival.pages.push_back(
                                intake::PageRecord{"upload", ++n, blobs.put(page.png),
                                                   blobs.put(page.preview_png), "image/png"});
                    }
                    auto result = intake.receive(arrival, ctx.caller());
                    if (result.replayed) ctx.addHeader("Idempotent-Replayed", "true");
                    ctx.respondJson(result.replayed ? 200 : 201, submitterView(result.record));
                }});
    router.add({"POST", "/api/v1/eprescriptions/retrieve", auth::Permission::EPrescriptionRetrieve,
                4096, false, false, [&intake, eprescriptions](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    eprescription::ExchangeRequest request;
                    request.exchange_number = body.requireString("exchange_number", 32);
                    request.insurer_number = body.requireString("insurer_number", 16);
                    auto birth = parseDate(body.requireString("birth_date", 10));
                    if (!birth)
                        throw Error(ErrorKind::BadRequest, "invalid_field",
                                    "birth_date は YYYY-MM-DD にしてください", "birth_date");
                    request.birth_date = *birth;
                    if (!eprescriptions)
                        throw Error(ErrorKind::UpstreamUnavailable, "eprescription_not_configured",
                                    "電子処方箋管理サービスへの接続が設定されていません");
                    auto retrieved = eprescriptions->retrieve(request);
                    intake::Arrival arrival;
                    arrival.channel = prescription::Channel::Eprescription;
                    arrival.content = retrieved.prescription;
                    arrival.read_findings = retrieved.findings;
                    arrival.eprescription_id = retrieved.prescription_id;
                    arrival.source_sha256 =
                        crypto::sha256Hex("eprescription:" + retrieved.prescription_id);
                    auto result = intake.receive(arrival, ctx.caller());
                    ctx.respondJson(201, prescriptionView(result.record, true, &ctx.principal()));
                }});
    // After dispensing an e-prescription the pharmacist registers the dispensing result
    // with the national service; completing the prescription waits for it.
    router.add({"POST", "/api/v1/prescriptions/{id}/dispensing-result",
                auth::Permission::PrescriptionVerify, 1024, false, false,
                [&intake, eprescriptions](RequestContext& ctx) {
                    std::int64_t id = 0;
                    if (!Poco::NumberParser::tryParse64(ctx.param("id"), id))
                        throw Error(ErrorKind::NotFound, "prescription_not_found",
                                    "処方箋が見つかりません");
                    auto record = intake.get(id, ctx.caller());
                    if (record.channel != prescription::Channel::Eprescription)
                        throw Error(ErrorKind::Conflict, "not_an_eprescription",
                                    "電子処方箋ではありません");
                    if (record.dispensed_on.empty())
                        throw Error(ErrorKind::Conflict, "not_dispensed",
                                    "調剤後に調剤結果を登録してください");
                    if (!eprescriptions)
                        throw Error(ErrorKind::UpstreamUnavailable, "eprescription_not_configured",
                                    "電子処方箋管理サービスへの接続が設定されていません");
                    auto receipt = eprescriptions->registerDispensingResult(dispensingResultOf(
                        record, ctx.principal(), std::chrono::system_clock::now()));
                    ctx.respondJson(200, prescriptionView(intake.recordDispensingResult(
                                                              id, receipt.result_id, ctx.caller()),
                                                          true, &ctx.principal()));
                }});
}

}  // namespace rxdesk::http
