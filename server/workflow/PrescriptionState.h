#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::workflow {

/// Where a prescription is in the pharmacy's lifecycle. The snake_case names are stable API
/// identifiers (and what the store persists); the labels are for the counter UI.
enum class PrescriptionState {
    Received,     ///< "received" 受付: in the intake queue
    Verified,     ///< "verified" 監査済: prescription checked by a pharmacist
    Inquiry,      ///< "inquiry" 疑義照会中: waiting for the prescriber's answer
    Dispensed,    ///< "dispensed" 調剤済
    Guided,       ///< "guided" 服薬指導済: medication guidance given (counter or video)
    HandedOver,   ///< "handed_over" 交付済: collected at the counter
    Shipped,      ///< "shipped" 発送済
    Delivered,    ///< "delivered" 配達済: receipt confirmed by the pharmacy
    Completed,    ///< "completed" 完了 (terminal)
    OnHold,       ///< "on_hold" 保留: parked; returns to the state it was held from
    Cancelled,    ///< "cancelled" 取消 (terminal)
    Misdirected,  ///< "misdirected" 誤送信: sent to the wrong pharmacy (terminal)
};

/// All states, in declaration order.
std::span<const PrescriptionState> allPrescriptionStates();

/// The stable snake_case identifier, e.g. "handed_over".
std::string_view name(PrescriptionState state);

/// Japanese label for the UI, e.g. 「交付済」.
std::string_view label(PrescriptionState state);

/// Parses a stable identifier; nullopt for anything else (case-sensitive).
std::optional<PrescriptionState> parsePrescriptionState(std::string_view text);

/// True for states no action leaves: completed, cancelled, misdirected.
bool isTerminal(PrescriptionState state);

}  // namespace rxdesk::workflow
