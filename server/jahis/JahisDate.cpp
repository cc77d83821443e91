#include "jahis/JahisDate.h"

#include <array>
#include <cstdio>

namespace rxdesk::jahis {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

struct EraSpan {
    Era era;
    Date first_day;
};

// Meiji 1 is counted from 1868-01-01: the era name was applied retroactively to the whole year.
constexpr std::array<EraSpan, 5> kEras{{
    {Era::Meiji, Date{year{1868}, month{1}, day{1}}},
    {Era::Taisho, Date{year{1912}, month{7}, day{30}}},
    {Era::Showa, Date{year{1926}, month{12}, day{25}}},
    {Era::Heisei, Date{year{1989}, month{1}, day{8}}},
    {Era::Reiwa, Date{year{2019}, month{5}, day{1}}},
}};

std::optional<int> digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> parseJahisDate(std::string_view text) {
    if (text.size() == 8) {
        auto y = digits(text.substr(0, 4));
        auto m = digits(text.substr(4, 2));
        auto d = digits(text.substr(6, 2));
        if (!y || !m || !d) return std::nullopt;
        Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
        if (!date.ok()) return std::nullopt;
        return date;
    }
    if (text.size() == 7) {
        auto g = digits(text.substr(0, 1));
        auto yy = digits(text.substr(1, 2));
        auto m = digits(text.substr(3, 2));
        auto d = digits(text.substr(5, 2));
        if (!g || !yy || !m || !d || *g < 1 || *g > 5 || *yy < 1) return std::nullopt;
        const size_t index = static_cast<size_t>(*g - 1);
        const int start_year = static_cast<int>(kEras[index].first_day.year());
        Date date{year{start_year + *yy - 1}, month{static_cast<unsigned>(*m)},
                  day{static_cast<unsigned>(*d)}};
        if (!date.ok()) return std::nullopt;
        if (date < kEras[index].first_day) return std::nullopt;
        if (index + 1 < kEras.size() && date >= kEras[index + 1].first_day) return std::nullopt;
        return date;
    }
    return std::nullopt;
}

std::string formatJahisDate(Date date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::optional<std::string> formatJahisEraDate(Date date) {
    for (size_t i = kEras.size(); i-- > 0;) {
        if (date >= kEras[i].first_day) {
            const int era_year =
                static_cast<int>(date.year()) - static_cast<int>(kEras[i].first_day.year()) + 1;
            if (era_year > 99) return std::nullopt;
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%d%02d%02u%02u", static_cast<int>(kEras[i].era),
                          era_year, static_cast<unsigned>(date.month()),
                          static_cast<unsigned>(date.day()));
            return std::string(buffer);
        }
    }
    return std::nullopt;
}

}  // namespace rxdesk::jahis
