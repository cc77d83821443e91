#include "guidance/RecordValidator.h"

#include <string>

namespace rxdesk::guidance {
namespace {

class FindingList {
public:
    void error(std::string code, std::string message, std::string field) {
        add(Severity::Error, std::move(code), std::move(message), std::move(field));
    }
    void warning(std::string code, std::string message, std::string field) {
        add(Severity::Warning, std::move(code), std::move(message), std::move(field));
    }
    std::vector<Finding> take() { return std::move(findings_); }

private:
    void add(Severity s, std::string code, std::string message, std::string field) {
        findings_.push_back(Finding{s, std::move(code), std::move(message), std::move(field)});
    }
    std::vector<Finding> findings_;
};

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

void checkTimes(const GuidanceRecord& r, const RecordFacts& facts, FindingList& out) {
    if (!r.started_at)
        out.error("started_at_missing", "開始時刻が記録されていません。", "started_at");
    if (!r.ended_at) out.error("ended_at_missing", "終了時刻が記録されていません。", "ended_at");
    if (r.started_at && r.ended_at && *r.ended_at <= *r.started_at)
        out.error("end_not_after_start", "終了時刻が開始時刻より後になっていません。", "ended_at");
    if (r.ended_at && *r.ended_at > facts.now)
        out.error("ended_in_future", "終了時刻が現在より後になっています。", "ended_at");
    if (r.started_at && facts.appointment &&
        (*r.started_at < facts.appointment->start - kAppointmentTolerance ||
         *r.started_at > facts.appointment->end + kAppointmentTolerance))
        out.warning("outside_appointment_window",
                    "開始時刻が予約時間から30分以上ずれています。予約と記録を確認してください。",
                    "started_at");
}

void checkPrivacy(const GuidanceRecord& r, FindingList& out) {
    if (r.others_present && !r.others_consent)
        out.error("others_consent_missing",
                  "患者以外の同席者がいますが、患者の同意が記録されていません。", "others_consent");
    if (r.others_present && blank(r.others_description))
        out.warning("others_description_missing", "同席者が誰かを記録してください。",
                    "others_description");
    if (r.recorded && !r.recording_consent)
        out.error("recording_without_consent", "患者の同意なく録画・録音されています。",
                  "recording_consent");
}

void checkFirstSession(const GuidanceRecord& r, const RecordFacts& facts, FindingList& out) {
    if (!facts.patient_had_previous_online_session && !r.first_session)
        out.error(
            "first_session_mismatch",
            "この患者のオンライン服薬指導の記録が他にないため、初回として本人確認が必要です。",
            "first_session");
    if (facts.patient_had_previous_online_session && r.first_session)
        out.warning("first_session_unexpected",
                    "過去のオンライン服薬指導の記録がありますが、初回として記録されています。",
                    "first_session");
}

void checkCompletedConduct(const GuidanceRecord& r, FindingList& out) {
    if (r.mode == SessionMode::AudioOnly)
        out.error("audio_only_not_online_guidance",
                  "音声のみの通話はオンライン服薬指導として認められません。対面への切替、"
                  "または中止（電話でのフォローアップ等、理由を記載）として記録してください。",
                  "mode");
    else if (!r.video_and_audio_confirmed)
        out.error("video_audio_not_confirmed", "映像と音声の双方向の送受信が確認されていません。",
                  "video_and_audio_confirmed");

    const bool first = r.first_session;
    if (first && r.identity_document == IdentityDocument::None)
        out.error("identity_check_missing",
                  "初回のオンライン服薬指導では、顔写真付きの身分証（マイナンバーカード、"
                  "運転免許証、パスポート等）で本人確認が必要です。",
                  "identity_document");
    if (first && r.identity_document == IdentityDocument::Other && blank(r.identity_document_other))
        out.error("identity_document_unspecified", "本人確認に用いた書類の種類を記録してください。",
                  "identity_document_other");
    if (first && !r.pharmacist_identity_shown)
        out.error("pharmacist_identity_not_shown",
                  "初回は薬剤師の氏名と資格を患者に示す必要があります。",
                  "pharmacist_identity_shown");

    if (!r.security_risk_agreed)
        out.error("security_risk_not_agreed",
                  "情報セキュリティ上のリスクの説明と患者の同意が記録されていません。",
                  "security_risk_agreed");
    if (!r.private_space_confirmed)
        out.warning("private_space_not_confirmed",
                    "双方がプライバシーの保たれる場所にいることが確認されていません。",
                    "private_space_confirmed");

    if (r.explained_topics.empty()) {
        out.error("no_topics_explained", "説明した内容が記録されていません。", "explained_topics");
        return;
    }
    for (auto topic : {GuidanceTopic::Effects, GuidanceTopic::SideEffects, GuidanceTopic::Usage,
                       GuidanceTopic::Storage}) {
        if (r.explained_topics.count(topic)) continue;
        out.warning(
            "topic_not_explained",
            std::string("「") + std::string(topicLabelJa(topic)) + "」の説明が記録されていません。",
            "explained_topics." + std::string(topicCode(topic)));
    }
}

}  // namespace

std::vector<Finding> validateRecord(const GuidanceRecord& record, const RecordFacts& facts) {
    FindingList out;
    checkTimes(record, facts, out);
    checkPrivacy(record, out);
    checkFirstSession(record, facts, out);
    switch (record.outcome) {
        case SessionOutcome::Completed:
            checkCompletedConduct(record, out);
            break;
        case SessionOutcome::Stopped:
            if (blank(record.stop_reason))
                out.error("stop_reason_missing", "中止の理由を記録してください。", "stop_reason");
            break;
        case SessionOutcome::SwitchedToFaceToFace:
            if (blank(record.stop_reason))
                out.warning("stop_reason_missing", "対面に切り替えた理由を記録してください。",
                            "stop_reason");
            break;
    }
    return out.take();
}

}  // namespace rxdesk::guidance
