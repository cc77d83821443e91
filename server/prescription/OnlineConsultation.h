#pragma once

#include <optional>

namespace rxdesk::prescription {

/// Facts about the consultation the prescription came from, when it was online. They are
/// not in the JAHIS QR: the clinic API sends them or the pharmacist records them after
/// asking. nullopt means "not known yet".
struct OnlineConsultation {
    std::optional<bool> initial_visit;                ///< 初診
    std::optional<bool> underlying_conditions_known;  ///< 基礎疾患等の情報が把握できている

    friend bool operator==(const OnlineConsultation&, const OnlineConsultation&) = default;
};

}  // namespace rxdesk::prescription
