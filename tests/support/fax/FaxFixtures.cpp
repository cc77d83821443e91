#include "support/fax/FaxFixtures.h"

#include <hpdf.h>
#include <jpeglib.h>
#include <png.h>
#include <qrencode.h>
#include <tiffio.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <random>
#include <stdexcept>

#include "core/TextEncoding.h"
#include "jahis/JahisWriter.h"
#include "unit/jahis/JahisSamples.h"

namespace rxdesk::imaging::fixtures {

namespace {

std::size_t at(const PageImage& page, int x, int y) {
    return static_cast<std::size_t>(y) * page.width + x;
}

QrModules toModules(const QRcode* code) {
    if (code == nullptr) throw std::runtime_error("libqrencode failed");
    QrModules qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<std::size_t>(qr.size) * qr.size);
    for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = code->data[i] & 1;
    return qr;
}

// libtiff writes through these callbacks into a std::string.
struct MemoryOut {
    std::string data;
    toff_t position = 0;
};

tmsize_t outRead(thandle_t h, void* buffer, tmsize_t size) {
    auto* out = static_cast<MemoryOut*>(h);
    if (out->position >= out->data.size()) return 0;
    const auto n =
        std::min<tmsize_t>(size, static_cast<tmsize_t>(out->data.size() - out->position));
    std::memcpy(buffer, out->data.data() + out->position, static_cast<std::size_t>(n));
    out->position += static_cast<toff_t>(n);
    return n;
}

tmsize_t outWrite(thandle_t h, void* buffer, tmsize_t size) {
    auto* out = static_cast<MemoryOut*>(h);
    const std::size_t end = out->position + static_cast<std::size_t>(size);
    if (end > out->data.size()) out->data.resize(end);
    std::memcpy(out->data.data() + out->position, buffer, static_cast<std::size_t>(size));
    out->position = end;
    return size;
}

toff_t outSeek(thandle_t h, toff_t offset, int whence) {
    auto* out = static_cast<MemoryOut*>(h);
    toff_t base = whence == SEEK_CUR ? out->position : whence == SEEK_END ? out->data.size() : 0;
    out->position = base + offset;
    return out->position;
}

int outClose(thandle_t) {
    return 0;
}
toff_t outSize(thandle_t h) {
    return static_cast<MemoryOut*>(h)->data.size();
}
int outMap(thandle_t, void**, toff_t*) {
    return 0;
}
void outUnmap(thandle_t, void*, toff_t) {}

TIFF* openTiffWriter(MemoryOut& out) {
    TIFF* tif = TIFFClientOpen("fixture", "w", &out, outRead, outWrite, outSeek, outClose, outSize,
                               outMap, outUnmap);
    if (tif == nullptr) throw std::runtime_error("TIFFClientOpen failed");
    return tif;
}

void putChunk(std::string& png, const char* type, std::string_view data) {
    auto put32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) png.push_back(static_cast<char>(v >> shift));
    };
    put32(static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type, 4) + std::string(data);
    png += body;
    put32(static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

void haruError(HPDF_STATUS error, HPDF_STATUS detail, void*) {
    throw std::runtime_error("libharu error " + std::to_string(error) + "/" +
                             std::to_string(detail));
}

}  // namespace

std::string richJahisText() {
    return jahis::JahisWriter::write(jahis::samples::richPrescription());
}

std::string shortJahisText() {
    prescription::Prescription p = jahis::samples::richPrescription();
    p.narcotic.reset();
    p.split_dispensing.reset();
    p.refill_count.reset();
    p.insurance.public_funding.clear();
    p.remarks.resize(1);
    p.rps.resize(1);
    p.rps[0].usage_supplements.clear();
    p.rps[0].split.reset();
    auto& item = p.rps[0].items[0];
    item.uneven.reset();
    item.funding_burden.reset();
    item.single_dose.reset();
    item.unit_conversion.clear();
    item.supplements.resize(1);
    return jahis::JahisWriter::write(p);
}

std::string toShiftJis(std::string_view utf8) {
    std::optional<std::string> sjis = utf8ToCp932(utf8);
    if (!sjis) throw std::runtime_error("text not representable in CP932");
    return *sjis;
}

QrModules encodeQr(std::string_view bytes, int version) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(bytes.size()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), version,
                          QR_ECLEVEL_M),
        QRcode_free);
    return toModules(code.get());
}

std::vector<QrModules> encodeQrStructured(std::string_view bytes, int version) {
    std::unique_ptr<QRcode_List, decltype(&QRcode_List_free)> list(
        QRcode_encodeDataStructured(static_cast<int>(bytes.size()),
                                    reinterpret_cast<const unsigned char*>(bytes.data()), version,
                                    QR_ECLEVEL_M),
        QRcode_List_free);
    if (!list) throw std::runtime_error("libqrencode structured append failed");
    std::vector<QrModules> symbols;
    for (QRcode_List* entry = list.get(); entry != nullptr; entry = entry->next) {
        symbols.push_back(toModules(entry->code));
    }
    return symbols;
}

PageImage blankPage(int width, int height, double dpi) {
    PageImage page;
    page.width = width;
    page.height = height;
    page.x_dpi = page.y_dpi = dpi;
    page.pixels.assign(static_cast<std::size_t>(width) * height, 255);
    // Lines of "text" near the top: 3-pixel bars of varying length.
    for (int line = 0; line < 12; ++line) {
        const int y0 = height / 20 + line * height / 60;
        const int x1 = width / 10 + (line * 97 % (width / 2));
        for (int y = y0; y < std::min(height, y0 + 3); ++y)
            for (int x = width / 12; x < x1 && x < width; ++x) page.pixels[at(page, x, y)] = 0;
    }
    return page;
}

PageImage a4Page() {
    return blankPage(1728, 2339, 200);
}

void drawQr(PageImage& page, const QrModules& qr, int left, int top, int module_px) {
    const int quiet = 4 * module_px;
    for (int y = top - quiet; y < top + (qr.size * module_px) + quiet; ++y) {
        for (int x = left - quiet; x < left + (qr.size * module_px) + quiet; ++x) {
            if (x < 0 || y < 0 || x >= page.width || y >= page.height) continue;
            const int mx = (x - left) / module_px;
            const int my = (y - top) / module_px;
            const bool inside = x >= left && y >= top && mx < qr.size && my < qr.size;
            const bool dark = inside && qr.dark[static_cast<std::size_t>(my) * qr.size + mx];
            page.pixels[at(page, x, y)] = dark ? 0 : 255;
        }
    }
}

PageImage rotatePage(const PageImage& page, double degrees) {
    PageImage out = page;
    const double r = degrees * M_PI / 180.0;
    const double c = std::cos(r), s = std::sin(r);
    const double cx = page.width / 2.0, cy = page.height / 2.0;
    for (int y = 0; y < page.height; ++y) {
        for (int x = 0; x < page.width; ++x) {
            const double dx = x - cx, dy = y - cy;
            const int sx = static_cast<int>(std::lround(c * dx - s * dy + cx));
            const int sy = static_cast<int>(std::lround(s * dx + c * dy + cy));
            const bool inside = sx >= 0 && sy >= 0 && sx < page.width && sy < page.height;
            out.pixels[at(out, x, y)] = inside ? page.pixels[at(page, sx, sy)] : 255;
        }
    }
    return out;
}

void addSaltAndPepper(PageImage& page, double fraction, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> where(0, page.pixels.size() - 1);
    const auto count = static_cast<std::size_t>(fraction * static_cast<double>(page.pixels.size()));
    for (std::size_t i = 0; i < count; ++i) page.pixels[where(rng)] = (i & 1) ? 0 : 255;
}

PageImage halveRows(const PageImage& page) {
    PageImage out;
    out.width = page.width;
    out.height = page.height / 2;
    out.x_dpi = page.x_dpi;
    out.y_dpi = page.y_dpi / 2;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    for (int y = 0; y < out.height; ++y) {
        std::memcpy(out.pixels.data() + at(out, 0, y), page.pixels.data() + at(page, 0, 2 * y),
                    static_cast<std::size_t>(out.width));
    }
    return out;
}

std::string writeBilevelTiff(const std::vector<PageImage>& pages, double x_dpi, double y_dpi,
                             int compression) {
    MemoryOut out;
    TIFF* tif = openTiffWriter(out);
    const int count = static_cast<int>(pages.size());
    for (int i = 0; i < count; ++i) {
        const PageImage& page = pages[i];
        TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, page.width);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, page.height);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, compression);
        if (compression == COMPRESSION_CCITTFAX3) TIFFSetField(tif, TIFFTAG_GROUP3OPTIONS, 0);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
        TIFFSetField(tif, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
        TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, page.height);
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(x_dpi));
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(y_dpi));
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
        TIFFSetField(tif, TIFFTAG_PAGENUMBER, i, count);
        std::vector<std::uint8_t> row(static_cast<std::size_t>((page.width + 7) / 8));
        for (int y = 0; y < page.height; ++y) {
            std::fill(row.begin(), row.end(), 0);
            for (int x = 0; x < page.width; ++x) {
                if (page.pixels[at(page, x, y)] < 128) row[x >> 3] |= 0x80 >> (x & 7);
            }
            if (TIFFWriteScanline(tif, row.data(), static_cast<std::uint32_t>(y), 0) < 0)
                throw std::runtime_error("TIFFWriteScanline failed");
        }
        if (!TIFFWriteDirectory(tif)) throw std::runtime_error("TIFFWriteDirectory failed");
    }
    TIFFClose(tif);
    return out.data;
}

std::string writeRgbTiff(const PageImage& page, double dpi) {
    MemoryOut out;
    TIFF* tif = openTiffWriter(out);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, page.width);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, page.height);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 16);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(dpi));
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(dpi));
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    std::vector<std::uint8_t> row(static_cast<std::size_t>(page.width) * 3);
    for (int y = 0; y < page.height; ++y) {
        for (int x = 0; x < page.width; ++x) {
            const std::uint8_t v = page.pixels[at(page, x, y)];
            row[x * 3] = row[x * 3 + 1] = row[x * 3 + 2] = v;
        }
        if (TIFFWriteScanline(tif, row.data(), static_cast<std::uint32_t>(y), 0) < 0)
            throw std::runtime_error("TIFFWriteScanline failed");
    }
    TIFFClose(tif);
    return out.data;
}

std::string writePng(const PageImage& page) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(page.width);
    image.height = static_cast<png_uint_32>(page.height);
    image.format = PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, page.pixels.data(), 0, nullptr);
    std::string png(size, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, page.pixels.data(), 0, nullptr))
        throw std::runtime_error(image.message);
    png.resize(size);
    return png;
}

std::string writeJpeg(const PageImage& page, int quality, int dpi) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = static_cast<JDIMENSION>(page.width);
    cinfo.image_height = static_cast<JDIMENSION>(page.height);
    cinfo.input_components = 1;
    cinfo.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.density_unit = 1;
    cinfo.X_density = cinfo.Y_density = static_cast<UINT16>(dpi);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(page.pixels.data() +
                                            at(page, 0, static_cast<int>(cinfo.next_scanline)));
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string jpeg(reinterpret_cast<char*>(buffer), size);
    std::free(buffer);
    return jpeg;
}

std::string writePdf(const std::vector<PageImage>& pages, double dpi) {
    std::unique_ptr<_HPDF_Doc_Rec, decltype(&HPDF_Free)> pdf(HPDF_New(haruError, nullptr),
                                                             HPDF_Free);
    HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
    for (const PageImage& image : pages) {
        const std::string png = writePng(image);
        HPDF_Image embedded =
            HPDF_LoadPngImageFromMem(pdf.get(), reinterpret_cast<const HPDF_BYTE*>(png.data()),
                                     static_cast<HPDF_UINT>(png.size()));
        HPDF_Page page = HPDF_AddPage(pdf.get());
        const auto width = static_cast<HPDF_REAL>(image.width * 72.0 / dpi);
        const auto height = static_cast<HPDF_REAL>(image.height * 72.0 / dpi);
        HPDF_Page_SetWidth(page, width);
        HPDF_Page_SetHeight(page, height);
        HPDF_Page_DrawImage(page, embedded, 0, 0, width, height);
    }
    HPDF_SaveToStream(pdf.get());
    std::string bytes(HPDF_GetStreamSize(pdf.get()), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    return bytes;
}

std::string minimalPdf(int pages, double width_pt, double height_pt) {
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int i = 0; i < pages; ++i) kids += std::to_string(3 + i) + " 0 R ";
    char box[128];
    std::snprintf(box, sizeof box, "[0 0 %.0f %.0f]", width_pt, height_pt);
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " /MediaBox " +
           box + " >>");
    for (int i = 0; i < pages; ++i) object("<< /Type /Page /Parent 2 0 R >>");
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string pngClaiming(std::uint32_t width, std::uint32_t height) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) ihdr.push_back(static_cast<char>(v >> shift));
    ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, deflate, no interlace
    putChunk(png, "IHDR", ihdr);
    // A few bytes of deflate data standing for gigabytes of zeros.
    std::string zeros(1 << 16, '\0');
    uLongf size = compressBound(static_cast<uLong>(zeros.size()));
    std::string idat(size, '\0');
    compress2(reinterpret_cast<Bytef*>(idat.data()), &size,
              reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uLong>(zeros.size()), 9);
    idat.resize(size);
    putChunk(png, "IDAT", idat);
    putChunk(png, "IEND", "");
    return png;
}

std::string tiffClaiming(std::uint32_t width, std::uint32_t height) {
    std::string tiff("II*\0", 4);
    auto put = [&](std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) tiff.push_back(static_cast<char>(value >> (8 * i)));
    };
    put(8, 4);  // first IFD right after the header
    struct Entry {
        std::uint16_t tag, type;
        std::uint32_t value;
    } entries[] = {{256, 4, width}, {257, 4, height}, {258, 3, 1},      {259, 3, 4},
                   {262, 3, 0},     {273, 4, 110},    {278, 4, height}, {279, 4, 16}};
    put(8, 2);
    for (const Entry& e : entries) {
        put(e.tag, 2);
        put(e.type, 2);
        put(1, 4);
        put(e.value, 4);  // SHORT values sit in the low bytes of the 4-byte field
    }
    put(0, 4);  // no next IFD
    tiff += std::string(16, '\0');
    return tiff;
}

}  // namespace rxdesk::imaging::fixtures
