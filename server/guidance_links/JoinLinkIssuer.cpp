#include "guidance_links/JoinLinkIssuer.h"

#include <Poco/Crypto/RSAKey.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

#include <sstream>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "guidance/RoomName.h"

namespace rxdesk::guidance {

struct JoinLinkIssuer::Keys {
    std::unique_ptr<Poco::JWT::Signer> signer;
    std::string algorithm;
};

namespace {

constexpr std::size_t kMinSecretBytes = 32;

[[noreturn]] void badSetting(const std::string& setting, const std::string& why) {
    throw Error(ErrorKind::Internal, "invalid_join_link_settings",
                "Join link setting '" + setting + "' " + why, setting);
}

// A bare host name or IPv4 address with an optional port: anything else could redirect the
// patient elsewhere or break the URL.
bool validDomain(const std::string& domain) {
    if (domain.empty() || domain.front() == '.' || domain.front() == '-') return false;
    for (char c : domain)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == ':'))
            return false;
    return true;
}

}  // namespace

JoinLinkIssuer::JoinLinkIssuer(JoinLinkSettings settings)
    : settings_(std::move(settings)), keys_(std::make_unique<Keys>()) {
    if (!validDomain(settings_.video_domain))
        badSetting("video_domain", "must be a host name such as meet.example.jp.");
    if (settings_.issuer.empty()) badSetting("issuer", "must not be empty.");
    if (settings_.audience.empty()) badSetting("audience", "must not be empty.");
    if (settings_.room_secret.size() < kMinRoomSecretBytes)
        badSetting("room_secret", "must be at least 32 bytes long.");
    if (settings_.open_before.count() < 0) badSetting("open_before", "must not be negative.");
    if (settings_.close_after.count() < 0) badSetting("close_after", "must not be negative.");

    switch (settings_.algorithm) {
        case JwtAlgorithm::HS256:
            if (settings_.hmac_secret.size() < kMinSecretBytes)
                badSetting("hmac_secret", "must be at least 32 bytes long.");
            keys_->signer = std::make_unique<Poco::JWT::Signer>(settings_.hmac_secret);
            keys_->algorithm = Poco::JWT::Signer::ALGO_HS256;
            break;
        case JwtAlgorithm::RS256:
            try {
                std::istringstream pem(settings_.rsa_private_key_pem);
                Poco::SharedPtr<Poco::Crypto::RSAKey> key(
                    new Poco::Crypto::RSAKey(nullptr, &pem, ""));
                keys_->signer = std::make_unique<Poco::JWT::Signer>(key);
            } catch (const Poco::Exception&) {
                badSetting("rsa_private_key_pem", "is not a readable PEM RSA private key.");
            }
            keys_->algorithm = Poco::JWT::Signer::ALGO_RS256;
            break;
    }
    keys_->signer->addAlgorithm(keys_->algorithm);
}

JoinLinkIssuer::~JoinLinkIssuer() = default;

JoinLink JoinLinkIssuer::issue(const JoinRequest& request, TimePoint now) const {
    if (request.appointment_id.empty())
        throw Error(ErrorKind::BadRequest, "missing_appointment_id",
                    "An appointment id is required for a join link.", "appointment_id");
    if (request.appointment.end <= request.appointment.start)
        throw Error(ErrorKind::BadRequest, "invalid_appointment_time",
                    "The appointment must end after it starts.", "appointment");

    JoinLink link;
    link.room = roomName(request.appointment_id, settings_.room_secret);
    link.not_before =
        std::chrono::floor<std::chrono::seconds>(request.appointment.start - settings_.open_before);
    link.expires_at =
        std::chrono::ceil<std::chrono::seconds>(request.appointment.end + settings_.close_after);
    if (now >= link.expires_at)
        throw Error(ErrorKind::RuleViolation, "join_window_closed",
                    "The appointment is over; its join link can no longer be issued.");

    Poco::JWT::Token token;
    token.setType("JWT");
    if (!settings_.key_id.empty()) token.header().set("kid", settings_.key_id);
    token.setIssuer(settings_.issuer);
    token.setAudience(settings_.audience);
    token.setSubject(settings_.video_domain);
    // Integer seconds: Poco's timestamp setters write fractional numbers, which some Jitsi
    // token verifiers reject.
    token.payload().set("iat", Poco::Int64(unixSeconds(now)));
    token.payload().set("nbf", Poco::Int64(unixSeconds(link.not_before)));
    token.payload().set("exp", Poco::Int64(unixSeconds(link.expires_at)));
    token.payload().set("room", link.room);

    Poco::JSON::Object::Ptr user = new Poco::JSON::Object;
    if (!request.user_id.empty()) user->set("id", request.user_id);
    user->set("name", request.display_name);
    user->set("moderator", request.role == ParticipantRole::Pharmacist);
    Poco::JSON::Object::Ptr context = new Poco::JSON::Object;
    context->set("user", user);
    token.payload().set("context", context);

    link.token = keys_->signer->sign(token, keys_->algorithm);
    link.url = "https://" + settings_.video_domain + "/" + link.room + "?jwt=" + link.token;
    return link;
}

}  // namespace rxdesk::guidance
