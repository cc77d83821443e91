#include "FakeSmtpServer.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Net/TCPServerParams.h>

#include <algorithm>
#include <cctype>

namespace rxdesk::notify::test {

struct FakeSmtpServer::State {
    mutable std::mutex mutex;
    int reject_rcpt = 0;
    std::vector<RecordedMail> messages;
};

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

class SmtpConnection : public Poco::Net::TCPServerConnection {
public:
    SmtpConnection(const Poco::Net::StreamSocket& socket,
                   std::shared_ptr<FakeSmtpServer::State> state)
        : TCPServerConnection(socket), state_(std::move(state)) {}

    void run() override {
        socket().setReceiveTimeout(Poco::Timespan(10, 0));
        try {
            reply("220 fake.smtp.test ESMTP ready");
            RecordedMail mail;
            std::string line;
            while (readLine(line)) {
                const std::string verb = upper(line.substr(0, 4));
                if (verb == "EHLO") {
                    reply("250-fake.smtp.test\r\n250-8BITMIME\r\n250 SIZE 10485760");
                } else if (verb == "HELO") {
                    reply("250 fake.smtp.test");
                } else if (verb == "MAIL") {
                    mail = RecordedMail{};
                    mail.mail_from = argument(line);
                    reply("250 2.1.0 OK");
                } else if (verb == "RCPT") {
                    int reject = 0;
                    {
                        std::lock_guard lock(state_->mutex);
                        reject = state_->reject_rcpt;
                    }
                    if (reject != 0) {
                        reply(std::to_string(reject) + " recipient refused");
                    } else {
                        mail.rcpt_to.push_back(argument(line));
                        reply("250 2.1.5 OK");
                    }
                } else if (verb == "DATA") {
                    reply("354 End data with <CR><LF>.<CR><LF>");
                    std::string data_line;
                    while (readLine(data_line) && data_line != ".") {
                        // RFC 5321 4.5.2: a leading dot was doubled by the client.
                        if (!data_line.empty() && data_line[0] == '.') data_line.erase(0, 1);
                        mail.data += data_line + "\r\n";
                    }
                    {
                        std::lock_guard lock(state_->mutex);
                        state_->messages.push_back(mail);
                    }
                    reply("250 2.0.0 queued");
                } else if (verb == "RSET" || verb == "NOOP") {
                    reply("250 OK");
                } else if (verb == "QUIT") {
                    reply("221 Bye");
                    return;
                } else {
                    reply("502 command not implemented");
                }
            }
        } catch (const Poco::Exception&) {
            // The client went away; nothing to record.
        }
    }

private:
    static std::string argument(const std::string& line) {
        const auto colon = line.find(':');
        std::string arg = colon == std::string::npos ? std::string() : line.substr(colon + 1);
        const auto space = arg.find(' ');  // drop ESMTP parameters such as SIZE=
        return arg.substr(0, space);
    }

    void reply(const std::string& text) {
        const std::string out = text + "\r\n";
        socket().sendBytes(out.data(), int(out.size()));
    }

    bool readLine(std::string& line) {
        line.clear();
        for (;;) {
            const auto eol = buffer_.find("\r\n");
            if (eol != std::string::npos) {
                line = buffer_.substr(0, eol);
                buffer_.erase(0, eol + 2);
                return true;
            }
            char chunk[4096];
            const int n = socket().receiveBytes(chunk, sizeof chunk);
            if (n <= 0) return false;
            buffer_.append(chunk, std::size_t(n));
        }
    }

    std::shared_ptr<FakeSmtpServer::State> state_;
    std::string buffer_;
};

class SmtpFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    explicit SmtpFactory(std::shared_ptr<FakeSmtpServer::State> state) : state_(std::move(state)) {}
    Poco::Net::TCPServerConnection* createConnection(
        const Poco::Net::StreamSocket& socket) override {
        return new SmtpConnection(socket, state_);
    }

private:
    std::shared_ptr<FakeSmtpServer::State> state_;
};

}  // namespace

FakeSmtpServer::FakeSmtpServer() : state_(std::make_shared<State>()) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::TCPServer>(new SmtpFactory(state_), pool_, socket);
    server_->start();
}

FakeSmtpServer::~FakeSmtpServer() {
    server_->stop();
    pool_.joinAll();
    server_.reset();
}

std::string FakeSmtpServer::url() const {
    return "smtp://127.0.0.1:" + std::to_string(port_);
}

void FakeSmtpServer::rejectRecipients(int code) {
    std::lock_guard lock(state_->mutex);
    state_->reject_rcpt = code;
}

std::vector<RecordedMail> FakeSmtpServer::messages() const {
    std::lock_guard lock(state_->mutex);
    return state_->messages;
}

}  // namespace rxdesk::notify::test
