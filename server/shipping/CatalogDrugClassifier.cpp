#include "shipping/CatalogDrugClassifier.h"

namespace rxdesk::shipping {
namespace {

using dispatch::ControlClass;
using dispatch::DrugCodeKind;
using dispatch::MisuseConcern;
using prescription::DrugCodeSystem;

std::optional<checks::MisuseKind> misuseKindOf(MisuseConcern concern) {
    switch (concern) {
        case MisuseConcern::None:
            return std::nullopt;
        case MisuseConcern::Hypnotic:
            return checks::MisuseKind::Hypnotic;
        case MisuseConcern::Diuretic:
            return checks::MisuseKind::Diuretic;
        case MisuseConcern::Diabetes:
            return checks::MisuseKind::Diabetes;
        case MisuseConcern::CosmeticMoisturiser:
            return checks::MisuseKind::CosmeticMoisturiser;
    }
    return std::nullopt;
}

void applyControl(checks::DrugClasses& c, ControlClass control) {
    c.narcotic = control == ControlClass::Narcotic;
    c.poison = control == ControlClass::Poison;
    c.stimulant_raw_material = control == ControlClass::StimulantRawMaterial;
    c.psychotropic = control == ControlClass::Psychotropic;
}

void applySupplement(checks::DrugClasses& c, const dispatch::DrugInfo& info) {
    c.high_risk = info.high_risk;
    c.emergency_contraceptive = info.emergency_contraceptive;
    c.misuse = misuseKindOf(info.misuse);
}

}  // namespace

std::optional<dispatch::DrugInfo> resolveItem(const dispatch::DrugCatalog& catalog,
                                              const prescription::DrugItem& item) {
    if (item.code.empty()) return std::nullopt;
    switch (item.code_system) {
        case DrugCodeSystem::Claims:
            return catalog.resolve(DrugCodeKind::Claims, item.code);
        case DrugCodeSystem::Yj:
        case DrugCodeSystem::Mhlw:
            // The MHLW code (薬価基準収載医薬品コード) and the YJ code share one format; a
            // YJ code is an MHLW code or a brand-specific variant of it.
            return catalog.resolve(DrugCodeKind::Yj, item.code);
        case DrugCodeSystem::Hot:
            return catalog.resolve(DrugCodeKind::Hot, item.code);
        case DrugCodeSystem::None:
        case DrugCodeSystem::GenericName:
            return std::nullopt;
    }
    return std::nullopt;
}

checks::DrugClasses CatalogDrugClassifier::classify(const prescription::DrugItem& item) const {
    return classify(*catalogs_.current(), item);
}

checks::DrugClasses CatalogDrugClassifier::classify(const dispatch::DrugCatalog& catalog,
                                                    const prescription::DrugItem& item) const {
    checks::DrugClasses by_name = fallback_.classify(item);
    std::optional<dispatch::DrugInfo> info = resolveItem(catalog, item);
    if (!info) return by_name;
    checks::DrugClasses classes = by_name;
    if (info->in_master) {
        applyControl(classes, info->control);
        if (!info->has_supplement) {
            // Until the pharmacy supplements this drug, the keyword table is the only source
            // for what the master cannot say; a psychotropic is at least a misuse concern.
            if (!classes.misuse && info->control == ControlClass::Psychotropic)
                classes.misuse = checks::MisuseKind::Hypnotic;
            return classes;
        }
    }
    if (info->has_supplement) applySupplement(classes, *info);
    if (!classes.misuse && info->in_master && info->control == ControlClass::Psychotropic)
        classes.misuse = checks::MisuseKind::Hypnotic;
    return classes;
}

}  // namespace rxdesk::shipping
