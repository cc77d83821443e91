#include "http/DeadlineConnectionFactory.h"

#include <Poco/Net/HTTPServerConnection.h>

namespace rxdesk::http {
namespace {

class DeadlineConnection : public Poco::Net::HTTPServerConnection {
public:
    DeadlineConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                       Poco::Net::HTTPRequestHandlerFactory::Ptr factory, RequestDeadlines& deadlines)
        : HTTPServerConnection(socket, std::move(params), std::move(factory)), deadlines_(deadlines) {}

    void run() override {
        RequestDeadlines::Watch watch(deadlines_, socket());
        HTTPServerConnection::run();
    }

private:
    RequestDeadlines& deadlines_;
};

}  // namespace

Poco::Net::TCPServerConnection* DeadlineConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
    return new DeadlineConnection(socket, params_, factory_, deadlines_);
}

}  // namespace rxdesk::http
