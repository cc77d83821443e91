#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "guidance_links/JoinLinkSettings.h"
#include "notify/ReminderPlanner.h"
#include "notify/RetryPolicy.h"
#include "notify_curl/CurlTransportSettings.h"

namespace rxdesk::scheduling {

/// rxdesk.guidance.*: how video guidance is offered. Read once at start-up.
struct GuidanceSettings {
    /// Named in every patient message (required by the templates).  rxdesk.guidance.pharmacy_name
    std::string pharmacy_name = "薬局";
    /// For questions; left out of messages when empty.          rxdesk.guidance.pharmacy_phone
    std::string pharmacy_phone;
    /// Reminders before a session.                     rxdesk.guidance.reminder_offsets_minutes
    std::vector<std::chrono::minutes> reminder_offsets = notify::kDefaultReminderOffsets;
    /// Prefix of the calendar feed URL handed to pharmacists, e.g. "https://rxdesk.example.jp"
    /// (empty: the URL is returned as a path).                  rxdesk.guidance.public_base_url
    std::string public_base_url;
    /// Right-hand side of calendar UIDs.                    rxdesk.guidance.calendar_uid_domain
    std::string calendar_uid_domain = "rxdesk.invalid";
    /// The video service (rxdesk.guidance.video_domain, jwt_issuer, jwt_audience, jwt_key_id,
    /// join_open_before_minutes, join_close_after_minutes; secrets RXDESK_GUIDANCE_JWT_SECRET
    /// and RXDESK_GUIDANCE_ROOM_SECRET). An empty video_domain turns join links off.
    guidance::JoinLinkSettings video;

    bool videoEnabled() const { return !video.video_domain.empty(); }
};

/// rxdesk.notify.*: the outbox dispatcher and its upstreams.
struct NotifySettings {
    /// Run the dispatcher on a timer thread in the server.          rxdesk.notify.enabled
    bool enabled = true;
    /// Pause between dispatcher rounds.                      rxdesk.notify.poll_interval_ms
    std::chrono::milliseconds poll_interval{5000};
    std::size_t batch_size = 20;      ///< rxdesk.notify.batch_size
    std::chrono::seconds lease{120};  ///< rxdesk.notify.lease_seconds
    notify::RetryPolicy retry;        ///< rxdesk.notify.retry.*
    /// Webhook / SMS gateway / SMTP relay (rxdesk.notify.webhook.*, sms.*, smtp.*, tls.*).
    notify::CurlTransportSettings transport;
};

}  // namespace rxdesk::scheduling
