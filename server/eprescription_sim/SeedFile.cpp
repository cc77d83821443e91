#include "eprescription_sim/SeedFile.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

#include <fstream>
#include <sstream>

#include "core/Error.h"
#include "jahis/JahisParser.h"
#include "jahis/QrPayload.h"

namespace rxdesk::eprescription_sim {
namespace {

using Poco::JSON::Object;

[[noreturn]] void invalid(const std::string& why) {
    throw Error(ErrorKind::BadRequest, "invalid_seed", "seed file: " + why);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, "seed_unreadable", "cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string stringField(const Object::Ptr& o, const std::string& key) {
    if (!o->has(key) || o->isNull(key)) return {};
    Poco::Dynamic::Var v = o->get(key);
    if (!v.isString()) invalid("\"" + key + "\" must be a string");
    return v.convert<std::string>();
}

SeedPrescription parseEntry(const Object::Ptr& o, Date today, const std::string& base_dir) {
    SeedPrescription seed;
    seed.exchange_number = stringField(o, "exchange_number");
    seed.prescription_id = stringField(o, "prescription_id");
    if (seed.exchange_number.empty()) invalid("\"exchange_number\" is required");

    std::string text = stringField(o, "jahis");
    const std::string file = stringField(o, "jahis_file");
    if (text.empty() == file.empty()) invalid("give exactly one of \"jahis\" and \"jahis_file\"");
    if (!file.empty()) {
        Poco::Path path(file);
        if (path.isRelative()) path = Poco::Path(Poco::Path(base_dir).makeDirectory(), file);
        std::optional<std::string> decoded = jahis::decodeQrPayload(readFile(path.toString()));
        if (!decoded) invalid("\"" + file + "\" is neither UTF-8 nor Shift_JIS");
        text = *decoded;
    }
    jahis::ParseResult parsed = jahis::JahisParser::parse(text);
    if (!parsed.prescription) invalid("JAHIS text has no JAHIS header");
    seed.prescription = std::move(*parsed.prescription);

    if (o->has("issued_days_ago")) {
        Poco::Dynamic::Var v = o->get("issued_days_ago");
        if (!v.isInteger()) invalid("\"issued_days_ago\" must be an integer");
        const auto issued = std::chrono::sys_days{today} - std::chrono::days{v.convert<int>()};
        prescription::Prescription& p = seed.prescription;
        if (p.use_by_date && p.issue_date) {
            const auto period =
                std::chrono::sys_days{*p.use_by_date} - std::chrono::sys_days{*p.issue_date};
            p.use_by_date = Date{issued + period};
        }
        p.issue_date = Date{issued};
    }
    return seed;
}

}  // namespace

std::vector<SeedPrescription> SeedFile::parse(std::string_view json, Date today,
                                              const std::string& base_dir) {
    Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(std::string(json));
        if (v.type() == typeid(Object::Ptr)) root = v.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        invalid("not JSON (" + e.displayText() + ")");
    }
    if (!root) invalid("the document must be a JSON object");
    Poco::JSON::Array::Ptr entries = root->getArray("prescriptions");
    if (!entries) invalid("\"prescriptions\" must be an array");
    std::vector<SeedPrescription> seeds;
    for (unsigned i = 0; i < entries->size(); ++i) {
        Object::Ptr entry = entries->getObject(i);
        if (!entry) invalid("prescriptions[" + std::to_string(i) + "] must be an object");
        try {
            seeds.push_back(parseEntry(entry, today, base_dir));
        } catch (const Error& e) {
            throw Error(e.kind(), e.code(),
                        "prescriptions[" + std::to_string(i) + "]: " + e.what());
        }
    }
    return seeds;
}

std::vector<SeedPrescription> SeedFile::load(const std::string& path, Date today) {
    return parse(readFile(path), today, Poco::Path(path).parent().toString());
}

}  // namespace rxdesk::eprescription_sim
