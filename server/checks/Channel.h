#pragma once

#include <optional>
#include <string_view>

namespace rxdesk::checks {

/// How the prescription reached the pharmacy.
enum class Channel {
    Fax,            ///< paper prescription + オンライン対応, image sent by fax or e-mail
    EPrescription,  ///< 電子処方箋 retrieved with an exchange number
    ClinicApi,      ///< pushed by a clinic over the API
    Counter,        ///< paper original brought or photographed by the patient
};

/// "fax", "eprescription", "clinic_api", "counter".
std::string_view toString(Channel channel);

/// The inverse of toString; nullopt for anything else.
std::optional<Channel> parseChannel(std::string_view text);

}  // namespace rxdesk::checks
