// The pamphlet's photos reach the RGB PDF as the JPEG files themselves
// (DCTDecode), not as recompressed pixels: each photo once, byte for byte,
// and the whole PDF stays small enough to mail to a print shop. In the
// press edition (CMYK) each photo is converted once and stays a JPEG.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include "support/command.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Before the photos went in as they are, this PDF was 11 MB.
constexpr std::uintmax_t kMaxPamphletBytes = 6u * 1024 * 1024;

// The JPEG files the pamphlet places, by path.
std::set<std::string> placed_photos() {
    const std::string layout = read_file("layouts/pamphlet-a4.json");
    std::set<std::string> photos;
    std::regex src(R"re("src"\s*:\s*"([^"]+\.jpg)")re");
    for (std::sregex_iterator it(layout.begin(), layout.end(), src), end; it != end; ++it) photos.insert((*it)[1].str());
    return photos;
}

// Prints the pamphlet with `options` into a fresh folder; returns the PDF.
fs::path print_pamphlet(const std::string& folder, const std::string& options) {
    const fs::path dir = fs::temp_directory_path() / (folder + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path pdf = dir / "pamphlet-a4.pdf";
    const auto r = run_command(std::string(KOHO_BINARY) + " print layouts/pamphlet-a4.json " + options + " -o " +
                               shell_quote(pdf.string()) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return pdf;
}

TEST(PamphletPhotos, EmbeddedAsTheirOwnJpegBytesAndSmall) {
    const fs::path pdf = print_pamphlet("koho-photos", "--color rgb");
    const fs::path dir = pdf.parent_path();
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_LT(fs::file_size(pdf), kMaxPamphletBytes);

    // The JPEG files the layout places, byte for byte.
    std::set<std::string> photos;
    for (const std::string& path : placed_photos()) photos.insert(read_file(path));
    ASSERT_GE(photos.size(), 5u) << "the pamphlet should place photos";

    // pdfimages -j writes DCTDecode streams out as .jpg files, unchanged.
    auto r = run_command("pdfimages -j " + shell_quote(pdf.string()) + " " + shell_quote((dir / "img").string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::set<std::string> embedded;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".jpg") embedded.insert(read_file(entry.path()));
    EXPECT_EQ(embedded, photos) << "every photo, and nothing else, as its own JPEG bytes";

    // And each photo once: pdfimages -list names an object per placement.
    r = run_command("pdfimages -list " + shell_quote(pdf.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::set<std::string> jpeg_objects;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream cols(line);
        std::vector<std::string> c;
        for (std::string w; cols >> w;) c.push_back(w);
        if (c.size() > 10 && c[8] == "jpeg") jpeg_objects.insert(c[10]);
    }
    EXPECT_EQ(jpeg_objects.size(), photos.size());
    fs::remove_all(dir);
}

// The CMYK JPEGs of the press edition: larger (four channels), still far
// below the 11 MB the pixels once took.
constexpr std::uintmax_t kMaxCmykPamphletBytes = 10u * 1024 * 1024;

TEST(PamphletPhotos, PressEditionConvertsEachPhotoOnceToACmykJpeg) {
    const fs::path pdf = print_pamphlet("koho-photos-cmyk", "--no-preflight");
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_LT(fs::file_size(pdf), kMaxCmykPamphletBytes);
    const std::set<std::string> photos = placed_photos();
    ASSERT_GE(photos.size(), 5u);

    const auto r = run_command("pdfimages -list " + shell_quote(pdf.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::set<std::string> objects;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream cols(line);
        std::vector<std::string> c;
        for (std::string w; cols >> w;) c.push_back(w);
        if (c.size() <= 10 || c[2] != "image") continue;
        EXPECT_EQ(c[5], "cmyk") << line;
        EXPECT_EQ(c[8], "jpeg") << line;
        objects.insert(c[10]);
    }
    EXPECT_EQ(objects.size(), photos.size());
    fs::remove_all(pdf.parent_path());
}

}  // namespace
}  // namespace koho::test
