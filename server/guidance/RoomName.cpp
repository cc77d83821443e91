#include "guidance/RoomName.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/Error.h"

namespace rxdesk::guidance {
namespace {

// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE constants HMACEngine needs.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

}  // namespace

std::string roomName(std::string_view appointment_id, std::string_view secret) {
    if (appointment_id.empty())
        throw Error(ErrorKind::BadRequest, "missing_appointment_id",
                    "An appointment id is required to name its video room.", "appointment_id");
    if (secret.size() < kMinRoomSecretBytes)
        throw Error(ErrorKind::Internal, "weak_room_secret",
                    "The video room secret must be at least 32 bytes long.");
    Poco::HMACEngine<Sha256Engine> hmac(std::string{secret});
    const std::string message = "rxdesk-room:" + std::string(appointment_id);
    hmac.update(message.data(), unsigned(message.size()));
    return "rx" + Poco::DigestEngine::digestToHex(hmac.digest()).substr(0, 32);
}

}  // namespace rxdesk::guidance
