#pragma once

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rxdesk::notify::test {

/// One message as the relay received it: envelope and the DATA (dot-stuffing undone, CRLF
/// line ends, without the terminating ".").
struct RecordedMail {
    std::string mail_from;             ///< the MAIL FROM argument, e.g. "<a@example.jp>"
    std::vector<std::string> rcpt_to;  ///< the RCPT TO arguments
    std::string data;
};

/// A tiny SMTP server on 127.0.0.1 (ephemeral port) speaking enough of RFC 5321 for libcurl:
/// EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. No STARTTLS, no AUTH. Records messages.
class FakeSmtpServer {
public:
    FakeSmtpServer();
    ~FakeSmtpServer();

    /// "smtp://127.0.0.1:<port>".
    std::string url() const;

    /// Answer every RCPT TO with this reply code (e.g. 550, 451); 0 accepts (the default).
    void rejectRecipients(int code);

    std::vector<RecordedMail> messages() const;

    struct State;

private:
    std::shared_ptr<State> state_;
    Poco::ThreadPool pool_{2, 8};
    std::unique_ptr<Poco::Net::TCPServer> server_;
    unsigned short port_ = 0;
};

}  // namespace rxdesk::notify::test
