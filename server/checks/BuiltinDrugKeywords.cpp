#include "checks/BuiltinDrugKeywords.h"

namespace rxdesk::checks {

TableDrugClassifier builtinKeywordClassifier() {
    DrugClasses narcotic;
    narcotic.narcotic = true;
    DrugClasses hypnotic;
    hypnotic.psychotropic = true;
    hypnotic.high_risk = true;
    hypnotic.misuse = MisuseKind::Hypnotic;
    DrugClasses diuretic;
    diuretic.misuse = MisuseKind::Diuretic;
    DrugClasses diabetes;
    diabetes.high_risk = true;
    diabetes.misuse = MisuseKind::Diabetes;
    DrugClasses moisturiser;
    moisturiser.misuse = MisuseKind::CosmeticMoisturiser;
    DrugClasses contraceptive;
    contraceptive.emergency_contraceptive = true;

    TableDrugClassifier table;
    for (const char* name : {"モルヒネ", "オキシコドン", "フェンタニル", "ヒドロモルフォン",
                             "タペンタドール", "メサドン"}) {
        table.addNameKeyword(name, narcotic);
    }
    for (const char* name :
         {"ゾルピデム", "マイスリー", "トリアゾラム", "ハルシオン", "ブロチゾラム", "レンドルミン",
          "エチゾラム", "デパス", "フルニトラゼパム", "エスゾピクロン", "ルネスタ"}) {
        table.addNameKeyword(name, hypnotic);
    }
    for (const char* name : {"フロセミド", "ラシックス", "トリクロルメチアジド"}) {
        table.addNameKeyword(name, diuretic);
    }
    for (const char* name : {"セマグルチド", "オゼンピック", "リベルサス", "リラグルチド",
                             "ビクトーザ", "ダパグリフロジン", "フォシーガ", "メトホルミン"}) {
        table.addNameKeyword(name, diabetes);
    }
    for (const char* name : {"ヘパリン類似物質", "ヒルドイド"}) {
        table.addNameKeyword(name, moisturiser);
    }
    for (const char* name : {"レボノルゲストレル", "ノルレボ"}) {
        table.addNameKeyword(name, contraceptive);
    }
    return table;
}

}  // namespace rxdesk::checks
