// Delivery labels: one A6 label on demand (median latency over --runs) and 1,000 labels in
// one PDF (time and size). Baseline: the cheapest PDF with the same font, straight from
// libharu: one A6 page with one word, IPAex Gothic loaded and embedded the same way
// HaruDocument does it. Everything a label costs beyond that fixed price (layout, Code 128,
// QR, more glyphs) shows up in the ratio.
//
//   bench_labels --out DIR [--runs N] [--font FILE]
//
// Writes DIR/one_label.pdf, DIR/labels_1000.pdf and DIR/baseline.pdf (for pdffonts) and
// prints one "key=value" line per figure.

#include <hpdf.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dispatch/labels/LabelRenderer.h"

namespace {

using rxdesk::labels::HandlingMark;
using rxdesk::labels::LabelData;
using rxdesk::labels::LabelFormat;

LabelData label(int n) {
    LabelData l;
    l.recipient = {
        "桜 次郎", "1050004",
        "東京都港区新橋一丁目" + std::to_string(n % 30 + 1) + "番1号\nさくらマンション 502号室",
        "090-0000-" + std::to_string(1000 + n % 9000)};
    l.sender = {"ひまわり薬局 新橋店", "1050004", "東京都港区新橋二丁目2番2号", "03-0000-0000"};
    l.marks = {HandlingMark::Refrigerated, HandlingMark::RecipientOnly, HandlingMark::ThisSideUp};
    l.delivery_date = "11月22日（土）";
    l.time_slot = "14時〜16時";
    if (n % 4 == 0) l.cash_on_delivery_yen = 1230 + n;
    l.parcel_number = "4912-" + std::to_string(10000000 + n);
    return l;
}

void throwOnHaruError(HPDF_STATUS error, HPDF_STATUS detail, void*) {
    throw std::runtime_error("libharu error " + std::to_string(error) + "/" +
                             std::to_string(detail));
}

// One A6 page with one word in the embedded font, saved to bytes.
std::string baselinePdf(const std::string& font_path) {
    HPDF_Doc doc = HPDF_New(throwOnHaruError, nullptr);
    try {
        HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(doc);
        HPDF_SetCurrentEncoder(doc, "UTF-8");
        const char* name = HPDF_LoadTTFontFromFile(doc, font_path.c_str(), HPDF_TRUE);
        HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
        HPDF_Page page = HPDF_AddPage(doc);
        HPDF_Page_SetWidth(page, 105 * 72 / 25.4f);
        HPDF_Page_SetHeight(page, 148 * 72 / 25.4f);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 12);
        HPDF_Page_TextOut(page, 20, 300, "様");
        HPDF_Page_EndText(page);
        HPDF_SaveToStream(doc);
        std::string bytes(HPDF_GetStreamSize(doc), '\0');
        auto size = static_cast<HPDF_UINT32>(bytes.size());
        HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
        bytes.resize(size);
        HPDF_Free(doc);
        return bytes;
    } catch (...) {
        HPDF_Free(doc);
        throw;
    }
}

double millis(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
    std::string out_dir, font(rxdesk::reports::kDefaultJapaneseFontPath);
    int runs = 21;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--out") == 0)
            out_dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::stoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--font") == 0)
            font = argv[i + 1];
    }
    if (out_dir.empty()) {
        std::cerr << "usage: bench_labels --out DIR [--runs N] [--font FILE]\n";
        return 2;
    }
    const rxdesk::labels::LabelRenderer renderer(font);

    // Baseline and label alternate, so that a busy neighbour on a shared machine slows
    // both alike; the first round warms the page cache and is dropped.
    std::string baseline, one;
    std::vector<double> baseline_times, one_times;
    for (int i = 0; i <= runs; ++i) {
        const double b = millis([&] { baseline = baselinePdf(font); });
        const double o = millis([&] { one = renderer.render({label(0)}, LabelFormat::A6); });
        if (i == 0) continue;
        baseline_times.push_back(b);
        one_times.push_back(o);
    }
    const double baseline_ms = median(baseline_times), one_ms = median(one_times);
    writeFile(out_dir + "/baseline.pdf", baseline);
    writeFile(out_dir + "/one_label.pdf", one);

    std::vector<LabelData> thousand;
    for (int n = 0; n < 1000; ++n) thousand.push_back(label(n));
    std::string batch;
    std::vector<double> batch_times;
    const int batch_runs = std::max(1, runs / 7);
    for (int i = 0; i < batch_runs; ++i)
        batch_times.push_back(millis([&] { batch = renderer.render(thousand, LabelFormat::A6); }));
    const double batch_ms = median(batch_times);
    writeFile(out_dir + "/labels_1000.pdf", batch);

    std::cout << "runs=" << runs << "\n"
              << "baseline_ms=" << baseline_ms << "\n"
              << "baseline_bytes=" << baseline.size() << "\n"
              << "one_label_ms=" << one_ms << "\n"
              << "one_label_bytes=" << one.size() << "\n"
              << "labels_1000_runs=" << batch_runs << "\n"
              << "labels_1000_ms=" << batch_ms << "\n"
              << "labels_1000_bytes=" << batch.size() << "\n";
    return 0;
}
