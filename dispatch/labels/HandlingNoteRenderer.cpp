#include "dispatch/labels/HandlingNoteRenderer.h"

#include <utility>

#include "reports/render/PdfRenderer.h"

namespace rxdesk::labels {

using reports::Align;
using reports::Field;
using reports::Report;
using reports::Section;

HandlingNoteRenderer::HandlingNoteRenderer(std::string font_path)
    : font_path_(std::move(font_path)) {}

Report HandlingNoteRenderer::toReport(const HandlingNoteData& note, reports::PaperSize paper) {
    Report r;
    r.title = "お薬のお届けについて";
    r.subtitle = note.recipient_name + " 様";
    if (!note.dispensed_on.empty()) r.subtitle += "　調剤日 " + note.dispensed_on;
    r.paper = paper;
    r.columns = {{"お薬の名前", 3.0},
                 {"数量", 1.3, Align::Right},
                 {"用法", 2.0},
                 {"保管", 1.3, Align::Center}};

    Section drugs;
    drugs.heading = "お届けしたお薬";
    if (!note.parcel_number.empty()) drugs.fields.push_back({"荷物番号", note.parcel_number});
    for (const auto& item : note.items) {
        drugs.rows.push_back(
            {item.name, item.amount, item.usage, item.storage.empty() ? "室温" : item.storage});
    }
    r.sections.push_back(std::move(drugs));

    if (!note.storage_instructions.empty()) {
        Section storage;
        storage.heading = "保管方法";
        for (const auto& text : note.storage_instructions)
            storage.paragraphs.push_back("・" + text);
        r.sections.push_back(std::move(storage));
    }

    Section arrival;
    arrival.heading = "お荷物の状態が気になるときは";
    const auto& instructions =
        note.arrival_instructions.empty() ? kDefaultArrivalInstructions : note.arrival_instructions;
    for (const auto& text : instructions) arrival.paragraphs.push_back("・" + text);
    r.sections.push_back(std::move(arrival));

    Section contact;
    contact.heading = "お問い合わせ先";
    const auto& p = note.pharmacy;
    contact.fields.push_back({"薬局名", p.name});
    std::string address = p.address;
    if (!p.postcode.empty()) address = "〒" + formatPostcode(p.postcode) + " " + address;
    if (!address.empty()) contact.fields.push_back({"住所", address});
    if (!p.phone.empty()) contact.fields.push_back({"電話番号", p.phone});
    if (!note.contact_hours.empty()) contact.fields.push_back({"受付時間", note.contact_hours});
    if (!note.pharmacist_name.empty()) {
        contact.fields.push_back({"担当薬剤師", note.pharmacist_name});
    }
    r.sections.push_back(std::move(contact));
    return r;
}

std::string HandlingNoteRenderer::render(const std::vector<HandlingNoteData>& notes,
                                         reports::PaperSize paper) const {
    std::vector<Report> reports;
    reports.reserve(notes.size());
    for (const auto& note : notes) reports.push_back(toReport(note, paper));
    return reports::PdfRenderer(font_path_).renderBatch(reports);
}

}  // namespace rxdesk::labels
