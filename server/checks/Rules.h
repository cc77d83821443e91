#pragma once

#include <vector>

#include "checks/CheckContext.h"
#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::checks {

// Each rule looks at one concern and returns its findings (empty when all is well).
// RuleChecker lists them; they are declared here so that tests can call each one alone.

/// Validity period: 4 days counting the issue date, or up to the use-by date when given.
/// "rx_issue_date_missing" (warning), "rx_issue_date_in_future" (warning),
/// "rx_expired" (error), "rx_expires_today" (warning).
std::vector<prescription::Finding> checkValidity(const prescription::Prescription& rx,
                                                 const CheckContext& context);

/// A faxed paper prescription must say 「オンライン対応」 in its remarks:
/// "rx_online_mark_missing" (warning), only for Channel::Fax.
std::vector<prescription::Finding> checkOnlineMark(const prescription::Prescription& rx,
                                                   const CheckContext& context);

/// 「0410対応」 (COVID-era special handling) ended on 2023-07-31: "rx_0410_obsolete" (warning).
std::vector<prescription::Finding> checkObsolete0410Mark(const prescription::Prescription& rx,
                                                         const CheckContext& context);

/// First-visit online consultation: no narcotics or psychotropics
/// ("rx_initial_visit_controlled_drug", error, one per drug).
std::vector<prescription::Finding> checkInitialVisitControlledDrugs(
    const prescription::Prescription& rx, const CheckContext& context);

/// First-visit online consultation of a patient whose underlying conditions are unknown:
/// no high-risk drugs ("rx_unknown_conditions_high_risk", error, per drug) and no supply of
/// 8 days or more ("rx_unknown_conditions_long_supply", error, per Rp). When it is a first
/// visit but nobody has recorded whether the conditions are known, and the prescription
/// holds something the rule would forbid: "rx_underlying_conditions_unconfirmed" (warning).
std::vector<prescription::Finding> checkUnknownConditions(const prescription::Prescription& rx,
                                                          const CheckContext& context);

/// A remotely received prescription (not Channel::Counter) holding restricted drugs or a
/// supply of 8 days or more while nobody has recorded whether it came from a first-visit
/// online consultation: "rx_consultation_facts_unknown" (info).
std::vector<prescription::Finding> checkConsultationFactsKnown(const prescription::Prescription& rx,
                                                               const CheckContext& context);

/// Emergency contraception received remotely: "rx_emergency_contraceptive_in_person"
/// (warning: taken in front of the pharmacist, never delivered) and
/// "rx_emergency_contraceptive_quantity" (error) unless exactly one tablet.
std::vector<prescription::Finding> checkEmergencyContraception(const prescription::Prescription& rx,
                                                               const CheckContext& context);

/// A narcotic needs record 61 with the prescriber's licence number and the patient's
/// address: "rx_narcotic_licence_missing", "rx_narcotic_address_missing" (errors).
std::vector<prescription::Finding> checkNarcoticRecord(const prescription::Prescription& rx,
                                                       const CheckContext& context);

/// Drugs open to misuse or resale: "rx_misuse_suspect" (warning, one per drug).
std::vector<prescription::Finding> checkMisuseSuspects(const prescription::Prescription& rx,
                                                       const CheckContext& context);

}  // namespace rxdesk::checks
