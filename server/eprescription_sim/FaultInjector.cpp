#include "eprescription_sim/FaultInjector.h"

namespace rxdesk::eprescription_sim {

void FaultInjector::set(const FaultSettings& settings) {
    std::lock_guard lock(mutex_);
    settings_ = settings;
}

FaultSettings FaultInjector::current() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

FaultDecision FaultInjector::next() {
    std::lock_guard lock(mutex_);
    ++requests_;
    FaultDecision decision;
    decision.delay_ms = settings_.delay_ms;
    if (settings_.fail_next > 0) {
        --settings_.fail_next;
        decision.fail_status = settings_.fail_status;
    } else if (settings_.close_next > 0) {
        --settings_.close_next;
        decision.close_mid_response = true;
    }
    return decision;
}

int FaultInjector::requestCount() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

void FaultInjector::resetCount() {
    std::lock_guard lock(mutex_);
    requests_ = 0;
}

}  // namespace rxdesk::eprescription_sim
