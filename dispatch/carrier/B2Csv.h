#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dispatch/carrier/B2Shipment.h"
#include "dispatch/drugs/ImportProblem.h"

namespace rxdesk::dispatch {

/// Yamato B2 クラウド 外部データ取込 (standard layout 「送り状発行データ 入出力用」).
///
/// The exporter writes Shift_JIS (CP932), CRLF, every field double-quoted, the first 42
/// columns of the standard layout, optionally preceded by a title row (then set the B2
/// import pattern to start at row 2):
///    1 お客様管理番号            B2Shipment::customer_ref
///    2 送り状種類                0 発払い / 2 コレクト / 5 着払い / 8 宅急便コンパクト
///    3 クール区分                0 通常 / 1 冷凍 / 2 冷蔵
///    4 伝票番号                  tracking_number (empty: B2 assigns)
///    5 出荷予定日                YYYY/MM/DD
///    6 お届け予定日              YYYY/MM/DD or empty
///    7 配達時間帯                0812 / 1416 / 1618 / 1820 / 1921 or empty
///    8 お届け先コード            empty
///    9 お届け先電話番号          10 お届け先電話番号枝番 (empty)
///   11 お届け先郵便番号          123-4567
///   12 お届け先住所              13 お届け先アパートマンション名
///   14 お届け先会社・部門１      15 お届け先会社・部門２ (empty)
///   16 お届け先名                17 お届け先名(ｶﾅ) (empty)
///   18 敬称                      様 / 御中 / empty
///   19 ご依頼主コード (empty)    20 ご依頼主電話番号   21 ご依頼主電話番号枝番 (empty)
///   22 ご依頼主郵便番号          23 ご依頼主住所       24 ご依頼主アパートマンション
///   25 ご依頼主名                26 ご依頼主名(ｶﾅ) (empty)
///   27 品名コード１ (empty)      28 品名１ = B2ExportSettings::item_name (neutral word)
///   29 品名コード２ (empty)      30 品名２ (empty)
///   31 荷扱い１                  32 荷扱い２           33 記事
///   34 ｺﾚｸﾄ代金引換額（税込)     35 内消費税額等       (Collect only)
///   36 止置き (0)                37 営業所コード (empty)
///   38 発行枚数 (empty)          39 個数口表示フラグ (empty)
///   40 請求先顧客コード          41 請求先分類コード   42 運賃管理番号
/// Limits checked (Shift_JIS bytes): お客様管理番号 50, phone 15, address 64, building 32,
/// name 32, 品名 50, 荷扱い 20, 記事 44; コレクト amount 1–300,000 yen.
struct B2ExportSettings {
    std::string item_name = "日用品";   ///< 品名１ on every label; must not name a drug
    std::string billing_customer_code;  ///< 請求先顧客コード: 10–12 digits
    std::string billing_class_code;     ///< 請求先分類コード: empty or up to 3 digits
    std::string freight_number;         ///< 運賃管理番号: 2 digits
    bool title_row = true;
};

/// A shipment the exporter left out, or a line the parser could not read.
struct B2Problem {
    std::size_t index = 0;  ///< shipment index (export) or 1-based line (parse)
    std::string field;      ///< B2Shipment field name, e.g. "recipient.postcode"
    std::string code;       ///< e.g. "too_long", "required", "not_cp932"
    std::string message;    ///< Japanese, never contains the field's value
};

/// Outcome of an export: the file for the valid shipments and why the others were left out.
struct B2Export {
    std::string bytes;                ///< CP932, CRLF line ends; title row only if rows exist
    std::size_t rows = 0;             ///< shipments written
    std::vector<B2Problem> problems;  ///< one or more per shipment left out
};

/// Throws Error(ErrorKind::BadRequest, "bad_b2_settings", …, field) when the settings are
/// unusable: an item name that is empty, too long, not CP932 or contains a word that would
/// reveal medicine (薬, 錠, 麻薬, 注射, インスリン, カプセル, 処方, 医療, クスリ, …), or malformed
/// billing codes. Call at start-up; exportB2Csv calls it too.
void validateB2Settings(const B2ExportSettings& settings);

/// The problems that would keep `shipment` out of an export (empty when it is fine).
std::vector<B2Problem> validateB2Shipment(const B2Shipment& shipment, std::size_t index = 0);

/// Writes the B2 CSV for every valid shipment. Throws only for bad settings.
B2Export exportB2Csv(const std::vector<B2Shipment>& shipments, const B2ExportSettings& settings);

/// One row read back from a B2 CSV.
struct B2Row {
    std::size_t line = 0;
    B2Shipment shipment;
    std::string item_name;  ///< 品名１ as found
    std::string billing_customer_code;
    std::string billing_class_code;
    std::string freight_number;
};

/// Outcome of reading a B2 CSV.
struct B2Import {
    std::vector<B2Row> rows;
    std::vector<B2Problem> problems;  ///< index = line; field names the column
};

/// Reads a B2 CSV in the layout above (Shift_JIS, with or without the title row, quoted or
/// not, at least 42 columns; extra columns of B2's own export are ignored). Lines that
/// cannot be read are reported and skipped.
B2Import parseB2Csv(std::string_view cp932_bytes);

}  // namespace rxdesk::dispatch
