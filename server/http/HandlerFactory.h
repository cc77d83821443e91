#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "http/HttpDependencies.h"

namespace rxdesk::http {

/// Hands every request to an ApiRequestHandler.
class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(const HttpDependencies& deps) : deps_(deps) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override;

private:
    const HttpDependencies& deps_;
};

}  // namespace rxdesk::http
