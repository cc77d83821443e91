#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include "http/RequestDeadlines.h"

namespace rxdesk::http {

/// Makes Poco HTTP server connections whose requests are watched by RequestDeadlines: the
/// same connections HTTPServer makes, plus a deadline on reading each request.
class DeadlineConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    DeadlineConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                              Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
                              RequestDeadlines& deadlines)
        : params_(std::move(params)), factory_(std::move(factory)), deadlines_(deadlines) {}

    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
    Poco::Net::HTTPServerParams::Ptr params_;
    Poco::Net::HTTPRequestHandlerFactory::Ptr factory_;
    RequestDeadlines& deadlines_;
};

}  // namespace rxdesk::http
