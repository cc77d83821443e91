#include "auth/Principal.h"

namespace rxdesk::auth {

std::string Principal::actor() const {
    switch (kind) {
        case Kind::User: return "user:" + std::to_string(id);
        case Kind::Client: return "client:" + std::to_string(id);
        case Kind::System: return "system:" + name;
        case Kind::Anonymous: break;
    }
    return "anonymous";
}

}  // namespace rxdesk::auth
