#pragma once

#include <chrono>
#include <string>

namespace rxdesk::notify {

/// TLS for every upstream. Verification is on by default; turn it off only in tests.
struct CurlTlsSettings {
    std::string ca_file;      ///< rxdesk.notify.tls.ca_file (empty: the system store)
    bool verify_peer = true;  ///< rxdesk.notify.tls.verify_peer
    bool verify_host = true;  ///< rxdesk.notify.tls.verify_host
};

/// The pharmacy's messaging integration: notifications are POSTed as JSON.
struct WebhookSettings {
    std::string url;          ///< rxdesk.notify.webhook.url (empty: channel disabled)
    std::string auth_header;  ///< rxdesk.notify.webhook.auth_header (e.g. "Authorization")
    std::string auth_value;   ///< env RXDESK_NOTIFY_WEBHOOK_AUTH (e.g. "Bearer …")
};

enum class SmsBodyFormat { Json, Form };

/// An SMS gateway taking {to, from, text} by POST.
struct SmsSettings {
    std::string url;                             ///< rxdesk.notify.sms.url (empty: disabled)
    SmsBodyFormat format = SmsBodyFormat::Json;  ///< rxdesk.notify.sms.format ("json"|"form")
    std::string token_header = "Authorization";  ///< rxdesk.notify.sms.token_header
    std::string token_prefix = "Bearer ";        ///< rxdesk.notify.sms.token_prefix
    std::string api_token;                       ///< env RXDESK_NOTIFY_SMS_TOKEN
    std::string sender_id;                       ///< rxdesk.notify.sms.sender_id (may be empty)
    /// Field names in the request body (gateways differ).
    std::string to_field = "to";      ///< rxdesk.notify.sms.to_field
    std::string from_field = "from";  ///< rxdesk.notify.sms.from_field
    std::string text_field = "text";  ///< rxdesk.notify.sms.text_field
};

/// An SMTP relay. "smtps://host:465" (implicit TLS) or "smtp://host:587" (STARTTLS, required
/// unless allow_plaintext).
struct SmtpSettings {
    std::string url;                ///< rxdesk.notify.smtp.url (empty: disabled)
    std::string username;           ///< rxdesk.notify.smtp.username (empty: no AUTH)
    std::string password;           ///< env RXDESK_NOTIFY_SMTP_PASSWORD
    std::string from_address;       ///< rxdesk.notify.smtp.from_address
    std::string from_name;          ///< rxdesk.notify.smtp.from_name (e.g. the pharmacy name)
    std::string message_id_domain;  ///< rxdesk.notify.smtp.message_id_domain
};

/// Everything CurlTransport needs. Parsed once at start-up by the server.
struct CurlTransportSettings {
    WebhookSettings webhook;
    SmsSettings sms;
    SmtpSettings smtp;
    CurlTlsSettings tls;
    std::chrono::milliseconds connect_timeout{5000};  ///< rxdesk.notify.connect_timeout_ms
    std::chrono::milliseconds total_timeout{15000};   ///< rxdesk.notify.timeout_ms
    std::string user_agent = "rxdesk-notify/1";
    /// Allow http:// and smtp:// without STARTTLS. For tests against local stand-ins only:
    /// patient contact data must travel over TLS 1.2+.  rxdesk.notify.allow_plaintext
    bool allow_plaintext = false;
};

}  // namespace rxdesk::notify
