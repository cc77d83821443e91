#include "app/SettingsReader.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <cctype>

namespace rxdesk::app {

std::string SettingsReader::string(const std::string& key, const std::string& fallback) const {
    std::string var = key;
    for (char& c : var) c = c == '.' ? '_' : char(std::toupper(static_cast<unsigned char>(c)));
    if (auto value = env_(var)) return *value;
    return config_.getString(key, fallback);
}

int SettingsReader::integer(const std::string& key, int fallback, int min, int max) const {
    std::string text = Poco::trim(string(key, std::to_string(fallback)));
    int value = 0;
    if (!Poco::NumberParser::tryParse(text, value) || value < min || value > max)
        throw invalid(key, std::to_string(min) + "〜" + std::to_string(max) + " の整数にしてください");
    return value;
}

bool SettingsReader::boolean(const std::string& key, bool fallback) const {
    std::string text = Poco::toLower(Poco::trim(string(key, fallback ? "true" : "false")));
    if (text == "true" || text == "yes" || text == "1" || text == "on") return true;
    if (text == "false" || text == "no" || text == "0" || text == "off") return false;
    throw invalid(key, "true か false にしてください");
}

Error SettingsReader::invalid(const std::string& key, const std::string& why) {
    return Error(ErrorKind::BadRequest, "invalid_setting", "設定 " + key + " が不正です: " + why, key);
}

}  // namespace rxdesk::app
