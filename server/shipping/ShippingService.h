#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "core/BlobStore.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "dispatch/carrier/B2Csv.h"
#include "dispatch/labels/LabelRenderer.h"
#include "dispatch/rules/HandlingRules.h"
#include "intake/IntakeService.h"
#include "intake/PrescriptionRepository.h"
#include "shipping/CatalogDrugClassifier.h"
#include "shipping/DispatchSettings.h"
#include "shipping/DrugCatalogProvider.h"
#include "shipping/ShipmentRepository.h"
#include "shipping/ShipmentRequest.h"

namespace rxdesk::shipping {

/// Dispatch of dispensed medicine: plans shipments with the handling rules, stores parcels,
/// prints labels, handling notes and the carrier export, and keeps each parcel's chain of
/// custody, moving the prescription through ship / hand_over / confirm_delivery where a
/// custody event completes that step. Every read and write of patient data is audited with
/// the patient's pseudonymous reference.
class ShippingService {
public:
    ShippingService(Transactor& tx, ShipmentRepository& shipments,
                    intake::PrescriptionRepository& prescriptions, intake::IntakeService& intake,
                    const DrugCatalogProvider& catalogs, const CatalogDrugClassifier& classifier,
                    const dispatch::HandlingRules& rules, BlobStore& blobs, audit::AuditLog& audit,
                    const DispatchSettings& settings, const Clock& clock)
        : tx_(tx),
          shipments_(shipments),
          prescriptions_(prescriptions),
          intake_(intake),
          catalogs_(catalogs),
          classifier_(classifier),
          rules_(rules),
          blobs_(blobs),
          audit_(audit),
          settings_(settings),
          clock_(clock) {}

    /// Plans (and unless refused or a dry run, stores) a shipment. The outcome carries a
    /// refusal when a rule refuses the whole shipment (e.g. abroad) or the requested method
    /// for some parcel. Throws Error(BadRequest) for a malformed request, Error(NotFound,
    /// "prescription_not_found"), Error(Conflict, "content_required") for a prescription
    /// without content and Error(Conflict, "prescription_closed") for a cancelled or
    /// misdirected one.
    ShipmentOutcome plan(const ShipmentRequest& request, const auth::Caller& caller);

    /// A stored shipment; Error(NotFound, "shipment_not_found").
    ShipmentRecord get(std::int64_t shipment_id, const auth::Caller& caller);

    /// Labels (one page per parcel) as PDF.
    std::string labels(std::int64_t shipment_id, labels::LabelFormat format,
                       const auth::Caller& caller);
    /// Every label of the shipments of `date` (YYYY-MM-DD) in one PDF; Error(NotFound,
    /// "no_parcels") when there are none.
    std::string labelsForDate(const std::string& date, labels::LabelFormat format,
                              const auth::Caller& caller);
    /// The handling notes (同梱書類) of a shipment, one per parcel, as PDF (A5).
    std::string handlingNote(std::int64_t shipment_id, const auth::Caller& caller);
    /// The Yamato B2 CSV (Shift_JIS) of the carrier parcels of `date`. Error(Conflict,
    /// "b2_not_configured") while rxdesk.dispatch.b2.billing_customer_code is empty.
    dispatch::B2Export exportB2(const std::string& date, const auth::Caller& caller);

    /// What delivery staff see after scanning a label: no drug list. Error(NotFound,
    /// "parcel_not_found") for an unknown or malformed number.
    ParcelStatus parcelByNumber(const std::string& parcel_number, const auth::Caller& caller);
    /// The shipments of `date` (YYYY-MM-DD, their ship date), by id, with each parcel's
    /// custody; audited per shipment ("shipment.list"). Error(BadRequest, "invalid_field")
    /// for a malformed date; a day without shipments is an empty list.
    std::vector<DayShipment> shipmentsOfDate(const std::string& date, const auth::Caller& caller);
    /// A parcel's custody status; Error(NotFound, "parcel_not_found").
    ParcelStatus parcel(std::int64_t parcel_id, const auth::Caller& caller);

    /// Records a custody event (packed, handed_to_carrier, out_with_staff, delivered,
    /// failed, returned_to_pharmacy). `signature_png` (delivered) is stored as a blob.
    /// Impossible sequences and missing hand-over evidence are Error(Conflict, <code of
    /// ParcelCustody's refusal>, reason). Only pharmacy staff record `packed`
    /// (Error(Forbidden) for delivery staff).
    ParcelStatus recordEvent(std::int64_t parcel_id, dispatch::CustodyEvent event,
                             const std::optional<std::string>& signature_png,
                             const auth::Caller& caller);
    /// Records the patient's receipt of a carrier delivery.
    ParcelStatus confirmReceipt(std::int64_t parcel_id, dispatch::ConfirmationMethod method,
                                const std::string& note, const auth::Caller& caller);
    /// Records temperature readings (each with its time, or now).
    ParcelStatus recordTemperatures(
        std::int64_t parcel_id,
        const std::vector<std::pair<std::optional<TimePoint>, double>>& readings,
        const auth::Caller& caller);
    /// A pharmacist's decision on a temperature excursion.
    ParcelStatus decide(std::int64_t parcel_id, dispatch::ExcursionDecision decision,
                        const std::string& note, const auth::Caller& caller);

    /// Carrier deliveries without a receipt confirmation for longer than the follow-up
    /// period, oldest first.
    std::vector<UnconfirmedParcel> unconfirmed(const auth::Caller& caller);

private:
    ParcelStatus append(std::int64_t parcel_id, dispatch::CustodyEvent event,
                        const auth::Caller& caller, const std::string& audit_action);
    dispatch::ParcelCustody custodyOf(const ParcelRecord& parcel);
    void advancePrescription(const ShipmentRecord& shipment, const dispatch::ParcelCustody& now,
                             const dispatch::CustodyEvent& event, const auth::Caller& caller);
    std::vector<labels::LabelData> labelData(const ShipmentRecord& shipment) const;
    void auditShipment(const auth::Caller& caller, const std::string& action,
                       const ShipmentRecord& shipment, const std::string& detail = {},
                       const std::string& outcome = "ok");
    std::int64_t now() const;

    Transactor& tx_;
    ShipmentRepository& shipments_;
    intake::PrescriptionRepository& prescriptions_;
    intake::IntakeService& intake_;
    const DrugCatalogProvider& catalogs_;
    const CatalogDrugClassifier& classifier_;
    const dispatch::HandlingRules& rules_;
    BlobStore& blobs_;
    audit::AuditLog& audit_;
    const DispatchSettings& settings_;
    const Clock& clock_;
};

}  // namespace rxdesk::shipping
