#include "guidance/GuidanceRecord.h"

#include <array>
#include <utility>

namespace rxdesk::guidance {
namespace {

template <typename E, std::size_t N>
std::string_view codeOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, code] : table)
        if (e == value) return code;
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> parseCode(const std::array<std::pair<E, std::string_view>, N>& table,
                           std::string_view code) {
    for (const auto& [e, c] : table)
        if (c == code) return e;
    return std::nullopt;
}

constexpr std::array<std::pair<SessionMode, std::string_view>, 2> kModes{{
    {SessionMode::Video, "video"},
    {SessionMode::AudioOnly, "audio_only"},
}};
constexpr std::array<std::pair<IdentityDocument, std::string_view>, 5> kDocuments{{
    {IdentityDocument::None, "none"},
    {IdentityDocument::MyNumberCard, "my_number_card"},
    {IdentityDocument::DriversLicense, "drivers_license"},
    {IdentityDocument::Passport, "passport"},
    {IdentityDocument::Other, "other"},
}};
constexpr std::array<std::pair<IdentityDocument, std::string_view>, 5> kDocumentLabels{{
    {IdentityDocument::None, "未確認"},
    {IdentityDocument::MyNumberCard, "マイナンバーカード"},
    {IdentityDocument::DriversLicense, "運転免許証"},
    {IdentityDocument::Passport, "パスポート"},
    {IdentityDocument::Other, "その他"},
}};
constexpr std::array<std::pair<GuidanceTopic, std::string_view>, 4> kTopics{{
    {GuidanceTopic::Effects, "effects"},
    {GuidanceTopic::SideEffects, "side_effects"},
    {GuidanceTopic::Usage, "usage"},
    {GuidanceTopic::Storage, "storage"},
}};
constexpr std::array<std::pair<GuidanceTopic, std::string_view>, 4> kTopicLabels{{
    {GuidanceTopic::Effects, "効能・効果"},
    {GuidanceTopic::SideEffects, "副作用"},
    {GuidanceTopic::Usage, "用法・用量"},
    {GuidanceTopic::Storage, "保管方法"},
}};
constexpr std::array<std::pair<SessionOutcome, std::string_view>, 3> kOutcomes{{
    {SessionOutcome::Completed, "completed"},
    {SessionOutcome::SwitchedToFaceToFace, "switched_to_face_to_face"},
    {SessionOutcome::Stopped, "stopped"},
}};

}  // namespace

std::string_view modeCode(SessionMode mode) {
    return codeOf(kModes, mode);
}
std::string_view identityDocumentCode(IdentityDocument d) {
    return codeOf(kDocuments, d);
}
std::string_view topicCode(GuidanceTopic topic) {
    return codeOf(kTopics, topic);
}
std::string_view outcomeCode(SessionOutcome outcome) {
    return codeOf(kOutcomes, outcome);
}
std::optional<SessionMode> parseMode(std::string_view code) {
    return parseCode(kModes, code);
}
std::optional<IdentityDocument> parseIdentityDocument(std::string_view code) {
    return parseCode(kDocuments, code);
}
std::optional<GuidanceTopic> parseTopic(std::string_view code) {
    return parseCode(kTopics, code);
}
std::optional<SessionOutcome> parseOutcome(std::string_view code) {
    return parseCode(kOutcomes, code);
}
std::string_view identityDocumentLabelJa(IdentityDocument d) {
    return codeOf(kDocumentLabels, d);
}
std::string_view topicLabelJa(GuidanceTopic topic) {
    return codeOf(kTopicLabels, topic);
}

}  // namespace rxdesk::guidance
