// Ghostscript's tiffsep device, spawned without a shell, read with libtiff.
#include "print/separations.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <tiffio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/diagnostic.h"
#include "core/units.h"

extern char** environ;

namespace koho::print {

const Plate* SeparatedPage::plate(const std::string& ink) const {
    for (const Plate& p : plates)
        if (p.ink == ink) return &p;
    return nullptr;
}

namespace {

namespace fs = std::filesystem;

// A private directory (mode 0700, mkdtemp) removed with everything in it
// when this object dies, on every path out.
class TempDir {
public:
    TempDir() {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec) base = "/tmp";
        std::string pattern = (base / "koho-sep-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            fail_system({}, "cannot create a temporary directory in " + base.string() + ": " +
                                std::strerror(errno));
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) fail_system({}, "cannot write " + path.string());
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return text;
}

// Ghostscript indents its messages and spreads them over lines (with -q
// on stdout, not stderr); koho's message keeps the first and last line.
std::string summarise(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const size_t first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos) lines.push_back(trim(line.substr(first)));
    }
    std::string out;
    if (lines.size() <= 3) {
        for (const std::string& line : lines) out += (out.empty() ? "" : " ") + line;
    } else {
        out = lines.front() + " … " + lines.back();
    }
    return out;
}

struct SpawnActionsDestroyer {
    void operator()(posix_spawn_file_actions_t* a) const { posix_spawn_file_actions_destroy(a); }
};

// posix_spawn(p) with stdout and stderr into files: no shell parses any of
// the arguments, and no pipe can fill up and stall Ghostscript.
// Returns what Ghostscript said (it reports some broken input and still
// exits 0).
std::string run_ghostscript(const std::string& gs, const std::vector<std::string>& args, const fs::path& dir) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(gs.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    const std::string out_log = (dir / "gs.out").string();
    const std::string err_log = (dir / "gs.err").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    std::unique_ptr<posix_spawn_file_actions_t, SpawnActionsDestroyer> guard(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    pid_t pid = 0;
    const bool search_path = gs.find('/') == std::string::npos;
    int rc = search_path ? posix_spawnp(&pid, gs.c_str(), &actions, nullptr, argv.data(), environ)
                         : posix_spawn(&pid, gs.c_str(), &actions, nullptr, argv.data(), environ);
    if (rc != 0)
        fail_system({}, "cannot run Ghostscript (" + gs + "): " + std::strerror(rc) +
                            (rc == ENOENT ? " — install the ghostscript package" : ""));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) fail_system({}, std::string("waiting for Ghostscript: ") + std::strerror(errno));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why = summarise(read_text(out_log) + "\n" + read_text(err_log));
        std::string code = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                              : "signal " + std::to_string(WTERMSIG(status));
        fail_system({}, "Ghostscript failed (" + code + ")" + (why.empty() ? "" : ": " + why));
    }
    return summarise(read_text(out_log) + "\n" + read_text(err_log));
}


struct TiffCloser {
    void operator()(TIFF* t) const { TIFFClose(t); }
};

// One separation file: 8-bit grey, one sample. Ghostscript's tiffsep writes
// them dark where the ink is (MinIsBlack, 0 = solid); both photometrics are
// honoured. Strips are read in order: its compression allows nothing else.
Plate read_plate(const fs::path& path, std::string ink, int& width, int& height) {
    TIFFSetErrorHandler(nullptr);
    TIFFSetWarningHandler(nullptr);
    std::unique_ptr<TIFF, TiffCloser> tiff(TIFFOpen(path.c_str(), "r"));
    if (!tiff) fail_system({}, "cannot read Ghostscript's separation " + path.filename().string());
    uint32_t w = 0, h = 0;
    uint16_t bits = 0, samples = 1, photometric = PHOTOMETRIC_MINISBLACK;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &h);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetField(tiff.get(), TIFFTAG_PHOTOMETRIC, &photometric);
    if (bits != 8 || samples != 1 || TIFFIsTiled(tiff.get()))
        fail_system({}, "unexpected separation format in " + path.filename().string() + " (" +
                            std::to_string(bits) + " bits, " + std::to_string(samples) + " samples)");
    Plate plate{std::move(ink), std::vector<uint8_t>(static_cast<size_t>(w) * h)};
    const tmsize_t line = TIFFScanlineSize(tiff.get());
    std::vector<uint8_t> row(static_cast<size_t>(std::max<tmsize_t>(line, w)));
    for (uint32_t y = 0; y < h; ++y) {
        if (TIFFReadScanline(tiff.get(), row.data(), y, 0) < 0)
            fail_system({}, "cannot read row " + std::to_string(y) + " of " + path.filename().string());
        uint8_t* dst = plate.coverage.data() + static_cast<size_t>(y) * w;
        for (uint32_t x = 0; x < w; ++x)
            dst[x] = photometric == PHOTOMETRIC_MINISWHITE ? row[x] : static_cast<uint8_t>(255 - row[x]);
    }
    width = static_cast<int>(w);
    height = static_cast<int>(h);
    return plate;
}

int process_rank(const std::string& ink) {
    static const std::array<const char*, 4> order{"Cyan", "Magenta", "Yellow", "Black"};
    for (size_t i = 0; i < order.size(); ++i)
        if (ink == order[i]) return static_cast<int>(i);
    return 4;
}

// "p12(Cyan).tif" → page 12, ink "Cyan". The composite "p12.tif" is skipped.
bool parse_plate_name(const std::string& name, int& page, std::string& ink) {
    if (name.size() < 8 || name[0] != 'p' || name.substr(name.size() - 5) != ").tif") return false;
    size_t open = name.find('(');
    if (open == std::string::npos || open < 2) return false;
    const std::string digits = name.substr(1, open - 1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    page = std::atoi(digits.c_str());
    ink = name.substr(open + 1, name.size() - 5 - open - 1);
    return true;
}

}  // namespace

std::vector<SeparatedPage> render_separations(const std::string& pdf_bytes, const SeparationOptions& options) {
    if (!(options.dpi > 0 && options.dpi <= 2400))
        fail_system({}, "separation resolution must be in (0, 2400] dpi, not " + format_number(options.dpi));
    TempDir dir;
    const fs::path input = dir.path() / "in.pdf";
    write_bytes(input, pdf_bytes);

    std::vector<std::string> args{"-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep",
                                  "-r" + format_number(options.dpi)};
    if (!options.pages.empty()) {
        std::string list;
        for (int page : options.pages) list += (list.empty() ? "" : ",") + std::to_string(page);
        args.push_back("-sPageList=" + list);
    }
    args.push_back("-o");
    args.push_back((dir.path() / "p%d.tif").string());
    args.push_back(input.string());
    const std::string said = run_ghostscript(options.ghostscript, args, dir.path());

    // With -sPageList Ghostscript numbers its output files 1, 2, … in the
    // order it rendered them, not by page number.
    std::vector<int> wanted = options.pages;
    std::vector<SeparatedPage> pages;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        int index = 0;
        std::string ink;
        if (!parse_plate_name(file.filename().string(), index, ink)) continue;
        const int page = wanted.empty() ? index
                         : index >= 1 && index <= static_cast<int>(wanted.size()) ? wanted[index - 1]
                                                                                  : -1;
        if (page < 1) fail_system({}, "Ghostscript wrote an unexpected file " + file.filename().string());
        auto it = std::find_if(pages.begin(), pages.end(), [&](const SeparatedPage& p) { return p.page == page; });
        if (it == pages.end()) {
            pages.push_back(SeparatedPage{page, 0, 0, options.dpi, {}});
            it = pages.end() - 1;
        }
        int w = 0, h = 0;
        it->plates.push_back(read_plate(file, ink, w, h));
        if ((it->width_px && it->width_px != w) || (it->height_px && it->height_px != h))
            fail_system({}, "Ghostscript's plates of page " + std::to_string(page) + " differ in size");
        it->width_px = w;
        it->height_px = h;
    }
    for (SeparatedPage& page : pages) {
        std::sort(page.plates.begin(), page.plates.end(), [](const Plate& a, const Plate& b) {
            const int ra = process_rank(a.ink), rb = process_rank(b.ink);
            return ra != rb ? ra < rb : a.ink < b.ink;
        });
    }
    std::sort(pages.begin(), pages.end(), [](const SeparatedPage& a, const SeparatedPage& b) { return a.page < b.page; });
    if (pages.empty())
        fail_system({}, "Ghostscript rendered no pages" + (said.empty() ? std::string() : ": " + said));
    return pages;
}

}  // namespace koho::print
