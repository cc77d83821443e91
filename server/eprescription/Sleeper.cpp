#include "eprescription/Sleeper.h"

#include <thread>

namespace rxdesk::eprescription {

void ThreadSleeper::sleepFor(std::chrono::milliseconds duration) {
    std::this_thread::sleep_for(duration);
}

}  // namespace rxdesk::eprescription
