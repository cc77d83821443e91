#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::prescription {

/// How a prescription reached the pharmacy. The names are stable API identifiers.
enum class Channel {
    Fax,        ///< "fax": faxed or e-mailed image of a paper prescription; original mailed later
    ClinicApi,  ///< "clinic_api": pushed by the clinic; a paper original is still mailed
    Eprescription,  ///< "eprescription": 電子処方箋 retrieved with an exchange number; no paper
    Counter,        ///< "counter": patient brought the paper original (walk-in)
};

/// All channels, in declaration order.
std::span<const Channel> allChannels();

/// The stable snake_case identifier, e.g. "clinic_api".
std::string_view name(Channel channel);

/// Japanese label for the UI, e.g. 「FAX」「電子処方箋」.
std::string_view label(Channel channel);

/// Parses a stable identifier; nullopt for anything else (case-sensitive).
std::optional<Channel> parseChannel(std::string_view text);

/// True when a paper original (原本) must later arrive by mail and be reconciled with what was
/// dispensed: fax and clinic_api. E-prescriptions have no paper; at the counter the original
/// is the document dispensed from.
bool expectsMailedOriginal(Channel channel);

/// True when the prescription can have been sent to the wrong pharmacy (誤送信) by its
/// sender: fax and clinic_api. E-prescriptions are pulled by the pharmacy itself and walk-in
/// originals are handed over by the patient.
bool canBeMisdirected(Channel channel);

}  // namespace rxdesk::prescription
