#include "http/HandlerFactory.h"

#include "http/ApiRequestHandler.h"

namespace rxdesk::http {

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest&) {
    return new ApiRequestHandler(deps_);
}

}  // namespace rxdesk::http
