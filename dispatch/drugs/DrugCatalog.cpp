#include "dispatch/drugs/DrugCatalog.h"

namespace rxdesk::dispatch {

void DrugCatalog::setMaster(std::vector<MasterDrug> drugs) {
    master_.clear();
    yj_to_claims_.clear();
    for (MasterDrug& drug : drugs) {
        std::string claims = drug.claims_code;
        std::optional<std::string> yj = drug.yj_code;
        if (!master_.emplace(claims, std::move(drug)).second) continue;
        if (yj) {
            auto [it, inserted] = yj_to_claims_.emplace(*yj, claims);
            if (!inserted && claims < it->second) it->second = claims;
        }
    }
}

void DrugCatalog::setSupplement(std::vector<SupplementEntry> entries) {
    supplement_by_claims_.clear();
    supplement_by_yj_.clear();
    hot_from_supplement_.clear();
    for (SupplementEntry& entry : entries) {
        auto& index =
            entry.key_kind == DrugCodeKind::Claims ? supplement_by_claims_ : supplement_by_yj_;
        for (const std::string& hot : entry.hot_codes) {
            if (!isHotCode(hot)) continue;
            std::string key = hot.size() == 13 ? hot.substr(0, 9) : hot;
            hot_from_supplement_.emplace(key, Target{entry.key_kind, entry.code});
        }
        std::string code = entry.code;
        index.emplace(std::move(code), std::move(entry));
    }
}

bool DrugCatalog::addHotCode(std::string_view hot, DrugCodeKind target_kind,
                             std::string_view code) {
    if (!isHotCode(hot)) return false;
    if (target_kind == DrugCodeKind::Claims ? !isClaimsCode(code)
                                            : target_kind != DrugCodeKind::Yj || !isYjCode(code)) {
        return false;
    }
    std::string key(hot.size() == 13 ? hot.substr(0, 9) : hot);
    hot_added_.emplace(std::move(key), Target{target_kind, std::string(code)});
    return true;
}

void DrugCatalog::applySupplement(DrugInfo& info, const SupplementEntry& e) {
    info.has_supplement = true;
    info.storage = e.storage;
    info.protect_from_light = e.protect_from_light;
    info.powerful = e.powerful;
    info.radiopharmaceutical = e.radiopharmaceutical;
    info.urgent = e.urgent;
    info.do_not_shake = e.do_not_shake;
    info.emergency_contraceptive = e.emergency_contraceptive;
    info.high_risk = e.high_risk;
    info.misuse = e.misuse;
    info.note = e.note;
}

std::optional<DrugInfo> DrugCatalog::byClaims(std::string_view claims_code) const {
    DrugInfo info;
    auto m = master_.find(claims_code);
    if (m != master_.end()) {
        info.in_master = true;
        info.claims_code = m->second.claims_code;
        info.yj_code = m->second.yj_code;
        info.name = m->second.name;
        info.unit = m->second.unit;
        info.control = m->second.control;
        if (info.yj_code) {
            auto s = supplement_by_yj_.find(*info.yj_code);
            if (s != supplement_by_yj_.end()) applySupplement(info, s->second);
        }
    }
    auto s = supplement_by_claims_.find(claims_code);
    if (s != supplement_by_claims_.end()) {
        info.claims_code = s->second.code;
        applySupplement(info, s->second);
    }
    if (!info.in_master && !info.has_supplement) return std::nullopt;
    return info;
}

std::optional<DrugInfo> DrugCatalog::byYj(std::string_view yj_code) const {
    auto c = yj_to_claims_.find(yj_code);
    if (c != yj_to_claims_.end()) return byClaims(c->second);
    auto s = supplement_by_yj_.find(yj_code);
    if (s == supplement_by_yj_.end()) return std::nullopt;
    DrugInfo info;
    info.yj_code = s->second.code;
    applySupplement(info, s->second);
    return info;
}

std::optional<DrugCatalog::Target> DrugCatalog::hotTarget(std::string_view hot) const {
    std::string hot9(hot.size() == 13 ? hot.substr(0, 9) : hot);
    auto exact =
        [&](const std::multimap<std::string, Target, std::less<>>& map) -> std::optional<Target> {
        auto [lo, hi] = map.equal_range(hot9);
        if (lo == hi) return std::nullopt;
        Target first = lo->second;
        for (auto it = lo; it != hi; ++it) {
            if (!(it->second == first)) return std::nullopt;
        }
        return first;
    };
    if (hot9.size() == 9) {
        if (auto t = exact(hot_added_)) return t;
        if (auto t = exact(hot_from_supplement_)) return t;
    }
    // The first 7 digits (処方用番号) name the drug independent of the packager, so a HOT9
    // of another packager still identifies it when the known codes agree.
    std::string hot7 = hot9.substr(0, 7);
    std::optional<Target> found;
    for (const auto* map : {&hot_added_, &hot_from_supplement_}) {
        for (auto it = map->lower_bound(hot7); it != map->end() && it->first.starts_with(hot7);
             ++it) {
            if (found && !(*found == it->second)) return std::nullopt;
            found = it->second;
        }
    }
    return found;
}

std::optional<DrugInfo> DrugCatalog::resolve(DrugCodeKind kind, std::string_view code) const {
    switch (kind) {
        case DrugCodeKind::Claims:
            if (!isClaimsCode(code)) return std::nullopt;
            return byClaims(code);
        case DrugCodeKind::Yj:
            if (!isYjCode(code)) return std::nullopt;
            return byYj(code);
        case DrugCodeKind::Hot: {
            if (!isHotCode(code)) return std::nullopt;
            std::optional<Target> target = hotTarget(code);
            if (!target) return std::nullopt;
            return target->kind == DrugCodeKind::Claims ? byClaims(target->code)
                                                        : byYj(target->code);
        }
    }
    return std::nullopt;
}

}  // namespace rxdesk::dispatch
