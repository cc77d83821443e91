#pragma once

#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/Error.h"
#include "eprescription/CurlEPrescriptionClient.h"
#include "eprescription_sim/EPrescriptionSimulator.h"
#include "support/ManualClock.h"

namespace rxdesk::testing {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

/// Records the waits the client asks for instead of sleeping.
class RecordingSleeper : public eprescription::Sleeper {
public:
    void sleepFor(std::chrono::milliseconds duration) override {
        std::lock_guard lock(mutex_);
        delays_.push_back(duration);
    }
    std::vector<std::chrono::milliseconds> delays() const {
        std::lock_guard lock(mutex_);
        return delays_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::chrono::milliseconds> delays_;
};

inline constexpr const char* kExchangeNumber = "4711000000000001";
inline constexpr const char* kInsurerNumber = "06135791";
inline constexpr const char* kPatientKanji = "試験 春子";
inline constexpr const char* kPatientKana = "ｼｹﾝ ﾊﾙｺ";
inline const Date kBirthDate{year{1961}, month{3}, day{14}};
inline const Date kIssueDate{year{2026}, month{11}, day{20}};

/// A synthetic e-prescription with most JAHIS fields filled, issued on kIssueDate.
inline prescription::Prescription seededPrescription() {
    using namespace prescription;
    Prescription p;
    p.institution = {1,
                     "1310001",
                     "13",
                     "試験オンライン診療所",
                     "105-0001",
                     "東京都港区虎ノ門0-0-0",
                     "03-0000-1111",
                     "",
                     "",
                     1,
                     "",
                     "内科"};
    p.prescriber = {"", "ｼｹﾝ ｲﾁﾛｳ", "試験 一郎"};
    p.patient = {"P-77", kPatientKanji, kPatientKana, Sex::Female, kBirthDate, std::nullopt};
    p.insurance.type = 1;
    p.insurance.insurer_number = kInsurerNumber;
    p.insurance.card_symbol = "ＡＢ";
    p.insurance.card_number = "９８７";
    p.insurance.insured_kind = 2;
    p.insurance.copay_rate = 30;
    p.insurance.benefit_rate = 70;
    p.issue_date = kIssueDate;
    p.remarks = {{1, std::nullopt, "電子処方箋"}};
    RpGroup rp;
    rp.rp_no = 1;
    rp.form = DosageForm::Oral;
    rp.quantity = 7;
    rp.usage = {1, "", "1日2回朝夕食後", 2};
    DrugItem item;
    item.seq = 1;
    item.info_class = 1;
    item.code_system = DrugCodeSystem::Claims;
    item.code = "620000099";
    item.name = "試験薬錠10mg";
    item.amount = "2";
    item.potency_flag = 1;
    item.unit = "錠";
    rp.items.push_back(item);
    p.rps.push_back(rp);
    return p;
}

inline eprescription::ExchangeRequest validRequest() {
    return {kExchangeNumber, kInsurerNumber, kBirthDate};
}

/// Patient data that must never show up in an error message.
inline std::vector<std::string> patientDataStrings() {
    return {kExchangeNumber, kInsurerNumber, kPatientKanji, kPatientKana,
            "1961-03-14",    "19610314",     "P-77"};
}

/// A file holding `content`, deleted with the object.
class TempFile {
public:
    explicit TempFile(const std::string& content) {
        std::ofstream out(file_.path(), std::ios::binary);
        out << content;
    }
    std::string path() const { return file_.path(); }

private:
    Poco::TemporaryFile file_;
};

/// A simulator on an ephemeral loopback port (plain HTTP unless `options` says otherwise)
/// holding seededPrescription() under kExchangeNumber, and a client factory. The clock
/// stands at 10:00 Tokyo on the issue date.
class EPrescriptionTest : public ::testing::Test {
protected:
    void startSimulator(eprescription_sim::SimulatorOptions options = {}) {
        clock_.set(tokyoTime(kIssueDate, 10 * 60));
        simulator_ = std::make_unique<eprescription_sim::EPrescriptionSimulator>(options, clock_);
        simulator_->registry().add({"RX-SEEDED-1", kExchangeNumber, seededPrescription()});
        simulator_->start();
    }

    void SetUp() override { startSimulator(); }

    void TearDown() override {
        if (simulator_) simulator_->stop();
    }

    eprescription::ClientSettings settings() const {
        eprescription::ClientSettings s;
        s.base_url = simulator_->baseUrl();
        s.connect_timeout = std::chrono::milliseconds(1000);
        s.request_timeout = std::chrono::milliseconds(5000);
        s.max_attempts = 3;
        s.initial_backoff = std::chrono::milliseconds(100);
        s.max_backoff = std::chrono::milliseconds(1000);
        s.backoff_jitter = 0.2;
        return s;
    }

    eprescription::CurlEPrescriptionClient client(
        std::optional<eprescription::ClientSettings> s = std::nullopt) {
        return eprescription::CurlEPrescriptionClient(s ? *s : settings(), sleeper_,
                                                      [] { return 0.5; });
    }

    int requests() const { return simulator_->faults().requestCount(); }

    ManualClock clock_;
    RecordingSleeper sleeper_;
    std::unique_ptr<eprescription_sim::EPrescriptionSimulator> simulator_;
};

/// Runs `call` and returns the rxdesk::Error it throws (fails the test if it throws none).
template <typename Call>
Error errorOf(Call&& call) {
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an rxdesk::Error";
    return Error(ErrorKind::Internal, "none", "");
}

/// Fails when `message` carries any of the patient data strings.
inline void expectNoPatientData(const std::string& message) {
    for (const std::string& secret : patientDataStrings()) {
        EXPECT_EQ(message.find(secret), std::string::npos)
            << "message leaks patient data: " << message;
    }
}

}  // namespace rxdesk::testing
