#pragma once

// Helpers for tests that check real PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts,
// pdftoppm). Test-only: they shell out and write to a private temporary directory.

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace rxdesk::testutil {

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string templ =
            (std::filesystem::temp_directory_path() / "rxdesk-test-XXXXXX").string();
        if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = templ;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const auto file = path_ / name;
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return file;
    }

private:
    std::filesystem::path path_;
};

/// Runs a shell command and returns its standard output (stderr is discarded: poppler warns
/// about libharu's ToUnicode CMaps, harmlessly). Throws when the command fails.
inline std::string run(const std::string& command) {
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
    std::string out;
    std::array<char, 65536> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    if (status != 0) throw std::runtime_error("command failed: " + command);
    return out;
}

inline std::string quote(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

/// A PDF written to a temp dir and inspected with poppler-utils.
class PdfFile {
public:
    explicit PdfFile(const std::string& bytes) : file_(dir_.write("doc.pdf", bytes)) {}

    /// Text of the whole document, or of one page (1-based), in reading layout.
    std::string text(int page = 0) const {
        std::string range;
        if (page > 0) range = " -f " + std::to_string(page) + " -l " + std::to_string(page);
        return run("pdftotext -layout -enc UTF-8" + range + " " + quote(file_) + " -");
    }

    std::string info() const { return run("pdfinfo " + quote(file_)); }

    int pageCount() const {
        const std::string out = info();
        const auto at = out.find("Pages:");
        if (at == std::string::npos) throw std::runtime_error("pdfinfo: no page count");
        return std::stoi(out.substr(at + 6));
    }

    /// "Page size:" of page 1 in points, as {width, height}.
    std::pair<double, double> pageSize() const {
        std::istringstream in(info());
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("Page size:", 0) == 0) {
                double w = 0, h = 0;
                std::sscanf(line.c_str(), "Page size: %lf x %lf", &w, &h);
                return {w, h};
            }
        }
        throw std::runtime_error("pdfinfo: no page size");
    }

    /// The font lines of `pdffonts` (header stripped).
    std::vector<std::string> fonts() const {
        std::istringstream in(run("pdffonts " + quote(file_)));
        std::vector<std::string> lines;
        std::string line;
        int skip = 2;
        while (std::getline(in, line)) {
            if (skip > 0) {
                --skip;
                continue;
            }
            if (!line.empty()) lines.push_back(line);
        }
        return lines;
    }

    /// Renders one page (1-based) as an 8-bit grey image.
    struct Image {
        int width = 0;
        int height = 0;
        std::vector<unsigned char> pixels;
    };
    Image renderGray(int page, int dpi) const {
        const auto prefix = dir_.path() / ("page" + std::to_string(page));
        run("pdftoppm -gray -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
            std::to_string(page) + " -singlefile " + quote(file_) + " " + quote(prefix));
        std::ifstream in(prefix.string() + ".pgm", std::ios::binary);
        std::string magic;
        int maxval = 0;
        Image image;
        in >> magic >> image.width >> image.height >> maxval;
        in.get();  // the single whitespace before the raster
        if (magic != "P5" || maxval != 255) throw std::runtime_error("unexpected PGM");
        image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
        in.read(reinterpret_cast<char*>(image.pixels.data()),
                static_cast<std::streamsize>(image.pixels.size()));
        return image;
    }

private:
    TempDir dir_;
    std::filesystem::path file_;
};

/// Number of non-overlapping occurrences of `needle` in `hay`.
inline int countOf(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto at = hay.find(needle); at != std::string::npos;
         at = hay.find(needle, at + needle.size()))
        ++n;
    return n;
}

/// `text` with all spaces and line breaks removed, so that checks survive layout.
inline std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\f') out += c;
    }
    return out;
}

}  // namespace rxdesk::testutil
