#pragma once

#include "app/Services.h"
#include "auth/Principal.h"

namespace rxdesk::app {

/// What loadDemoPrescriptions made.
struct DemoReport {
    int clinics = 0;
    int prescriptions = 0;
};

/// Fills the queue with fictional prescriptions from two demo clinics, one in every state of
/// the lifecycle (received … completed, on hold, cancelled, misdirected), through the same
/// IntakeService the API uses, acting as `pharmacist`. Idempotent: does nothing when a demo
/// clinic already exists.
DemoReport loadDemoPrescriptions(Services& services, const auth::Principal& pharmacist);

}  // namespace rxdesk::app
