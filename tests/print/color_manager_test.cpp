// The colour manager on koho's default press profile (built by
// scripts/build-profile.sh, which bootstrap runs): CMYK intents exact, black
// as K100 with overprint, greys on K, sRGB through lcms2 within the TAC.
#include "print/color_manager.h"

#include <gtest/gtest.h>
#include <lcms2.h>

#include <cmath>
#include <random>

#include "print/test_support.h"

namespace koho::print {
namespace {

const OutputProfile& koho_profile() {
    static const OutputProfile profile = [] {
        try {
            return default_output_profile();
        } catch (const Error& e) {
            ADD_FAILURE() << "koho's default profile is needed (run scripts/build-profile.sh): " << e.formatted();
            return OutputProfile{};
        }
    }();
    return profile;
}

// A palette for `colors`, and the code each got.
struct Palette {
    InkPalette palette;
    std::vector<Rgb> codes;
};

Palette palette_of(const std::vector<Color>& colors) {
    scene::PageScene page;
    for (const Color& c : colors) {
        scene::ShapeItem shape;
        shape.fill = c;
        scene::Item item;
        item.what = shape;
        page.items.push_back(item);
    }
    std::vector<scene::PageScene> pages = {page};
    Palette out{InkPalette::assign(pages), {}};
    for (const scene::Item& item : pages[0].items) out.codes.push_back(std::get<scene::ShapeItem>(item.what).fill->rgb);
    return out;
}

class ColorManagerTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_FALSE(koho_profile().icc.empty()) << "no default profile"; }
    static ColorManager manager(InkPalette palette = {}, ColorSettings settings = {}) {
        return ColorManager(koho_profile(), settings, std::move(palette));
    }
};

InkChoice at(const ColorManager& cm, const Rgb& code) { return cm.vector_rgb(code.r, code.g, code.b); }

TEST_F(ColorManagerTest, CmykIntentsComeOutExactly) {
    const Palette p = palette_of({Color::from_cmyk(12.5, 34, 56.7, 8), Color::from_cmyk(40, 0, 0, 100),
                                  Color::from_cmyk(0, 100, 100, 0), Color::from_cmyk(100, 100, 100, 100)});
    const ColorManager cm = manager(p.palette);
    const InkChoice a = at(cm, p.codes[0]);
    EXPECT_EQ(a.cmyk, (Cmyk{12.5 / 100, 34.0 / 100, 56.7 / 100, 8.0 / 100}));
    EXPECT_FALSE(a.overprint);
    const InkChoice rich = at(cm, p.codes[1]);
    EXPECT_EQ(rich.cmyk, (Cmyk{0.4, 0, 0, 1}));
    EXPECT_FALSE(rich.overprint) << "rich black knocks out";
    EXPECT_EQ(at(cm, p.codes[2]).cmyk, (Cmyk{0, 1, 1, 0}));
    // Over the TAC, but given so: exactly as given.
    EXPECT_EQ(at(cm, p.codes[3]).cmyk, (Cmyk{1, 1, 1, 1}));
    // Registration, for the marks.
    const Rgb reg = p.palette.registration_rgb();
    EXPECT_EQ(at(cm, reg).cmyk, (Cmyk{1, 1, 1, 1}));
}

TEST_F(ColorManagerTest, BlackIsK100WithOverprint) {
    const Palette p = palette_of({Color::from_cmyk(0, 0, 0, 100), Color::from_rgb(0, 0, 0)});
    const ColorManager cm = manager(p.palette);
    for (const Rgb& code : p.codes) {
        const InkChoice ink = at(cm, code);
        EXPECT_EQ(ink.cmyk, (Cmyk{0, 0, 0, 1}));
        EXPECT_TRUE(ink.overprint);
    }
    // Codes no palette gave out (SVG art): #000000 and #231815 too.
    const ColorManager bare = manager();
    for (const Rgb& black : {Rgb{0, 0, 0}, Rgb{0x23 / 255.0, 0x18 / 255.0, 0x15 / 255.0}}) {
        const InkChoice ink = at(bare, black);
        EXPECT_EQ(ink.cmyk, (Cmyk{0, 0, 0, 1}));
        EXPECT_TRUE(ink.overprint);
    }
    EXPECT_EQ(bare.vector_gray(0).cmyk, (Cmyk{0, 0, 0, 1}));
    EXPECT_TRUE(bare.vector_gray(0).overprint);
    // A near-black is not black.
    EXPECT_FALSE(at(bare, Rgb{0x24 / 255.0, 0x18 / 255.0, 0x15 / 255.0}).overprint);
}

TEST_F(ColorManagerTest, GreysPrintOnKAloneDarkerWithLessLight) {
    const ColorManager cm = manager();
    EXPECT_EQ(cm.vector_gray(1).cmyk, (Cmyk{0, 0, 0, 0})) << "white is paper";
    double previous = 0;
    for (int g = 254; g >= 1; --g) {
        const InkChoice ink = cm.vector_rgb(g / 255.0, g / 255.0, g / 255.0);
        EXPECT_EQ(ink.cmyk.c + ink.cmyk.m + ink.cmyk.y, 0.0) << g;
        EXPECT_GT(ink.cmyk.k, previous) << "grey " << g << " must take more K than " << g + 1;
        EXPECT_LT(ink.cmyk.k, 1.0) << g;
        EXPECT_FALSE(ink.overprint);
        previous = ink.cmyk.k;
    }
    // Lightness matched, not a naive 1 - g: mid grey (L* 54) sits well
    // below half the way from paper to solid K, in K ink.
    const double mid = cm.vector_gray(0x80 / 255.0).cmyk.k;
    EXPECT_GT(mid, 0.35);
    EXPECT_LT(mid, 0.75);
    EXPECT_EQ(cm.vector_gray(0.5).cmyk, cm.vector_rgb(0.5, 0.5, 0.5).cmyk);
}

TEST_F(ColorManagerTest, RgbGreyIntentsToo) {
    const Palette p = palette_of({Color::from_cmyk(0, 0, 0, 50), Color::from_rgb(0.5, 0.5, 0.5)});
    const ColorManager cm = manager(p.palette);
    EXPECT_EQ(at(cm, p.codes[0]).cmyk, (Cmyk{0, 0, 0, 0.5}));
    const InkChoice grey = at(cm, p.codes[1]);
    EXPECT_EQ(grey.cmyk.c + grey.cmyk.m + grey.cmyk.y, 0.0);
    EXPECT_EQ(grey.cmyk, manager().vector_gray(0.5).cmyk);
}

TEST_F(ColorManagerTest, SaturatedRgbIsPlausibleAndWithinTheLimit) {
    const ColorManager cm = manager();
    const InkChoice red = cm.vector_rgb(1, 0, 0);
    EXPECT_GT(red.cmyk.m, 0.8);
    EXPECT_GT(red.cmyk.y, 0.8);
    EXPECT_LT(red.cmyk.c, 0.1);
    EXPECT_LT(red.cmyk.k, 0.1);
    EXPECT_FALSE(red.overprint);
    const InkChoice blue = cm.vector_rgb(0, 0, 1);
    EXPECT_GT(blue.cmyk.c, 0.7);
    EXPECT_GT(blue.cmyk.m, 0.6);
    EXPECT_LT(blue.cmyk.y, 0.2);
    const InkChoice green = cm.vector_rgb(0, 1, 0);
    EXPECT_GT(green.cmyk.c, 0.5);
    EXPECT_GT(green.cmyk.y, 0.7);
    EXPECT_LT(green.cmyk.m, 0.2);
    // Dark colours: near the limit, never over it.
    ColorSettings tight;
    tight.tac_percent = 260;
    const ColorManager limited = manager({}, tight);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 500; ++i) {
        const double r = byte(rng) / 255.0 * 0.3, g = byte(rng) / 255.0 * 0.3, b = byte(rng) / 255.0 * 0.3;
        const Cmyk ink = limited.vector_rgb(r, g, b).cmyk;
        EXPECT_LE(ink.total(), 2.6 + 1e-12) << r << " " << g << " " << b;
    }
    const Cmyk dark = limited.vector_rgb(0.05, 0.02, 0.08).cmyk;
    EXPECT_GT(dark.total(), 2.4) << "the darkest colours use what the limit allows";
}

TEST_F(ColorManagerTest, RgbIntentNudgedOffItsCodeStillConvertsAsGiven) {
    // The CMYK red takes #ff0000, so the RGB red is moved to a code next to it.
    const Palette p = palette_of({Color::from_cmyk(0, 100, 100, 0), Color::from_rgb(1, 0, 0)});
    ASSERT_NE(rgb_code_of(p.codes[1].r, p.codes[1].g, p.codes[1].b), 0xff0000u);
    const ColorManager cm = manager(p.palette);
    EXPECT_EQ(at(cm, p.codes[0]).cmyk, (Cmyk{0, 1, 1, 0}));
    EXPECT_EQ(at(cm, p.codes[1]).cmyk, manager().vector_rgb(1, 0, 0).cmyk);
    EXPECT_NE(at(cm, p.codes[1]).cmyk, manager().vector_rgb(p.codes[1].r, p.codes[1].g, p.codes[1].b).cmyk);
}

TEST_F(ColorManagerTest, IntentAndBlackPointCompensationAreUsed) {
    ColorSettings perceptual, relative, relative_no_bpc;
    relative.intent = RenderingIntent::RelativeColorimetric;
    relative_no_bpc.intent = RenderingIntent::RelativeColorimetric;
    relative_no_bpc.black_point_compensation = false;
    const Rgb sample{0.1, 0.6, 0.9};
    const Cmyk a = manager({}, perceptual).vector_rgb(sample.r, sample.g, sample.b).cmyk;
    const Cmyk b = manager({}, relative).vector_rgb(sample.r, sample.g, sample.b).cmyk;
    EXPECT_NE(a, b);
    const Cmyk dark_bpc = manager({}, relative).vector_rgb(0.1, 0.05, 0.02).cmyk;
    const Cmyk dark_clip = manager({}, relative_no_bpc).vector_rgb(0.1, 0.05, 0.02).cmyk;
    EXPECT_NE(dark_bpc, dark_clip);
}

TEST(LimitTotalInk, ReducesCmyInProportionKeepingK) {
    const Cmyk in{1, 1, 1, 1};
    const Cmyk out = limit_total_ink(in, 320);
    EXPECT_DOUBLE_EQ(out.k, 1);
    EXPECT_NEAR(out.total(), 3.2, 1e-12);
    EXPECT_DOUBLE_EQ(out.c, out.m);
    EXPECT_DOUBLE_EQ(out.m, out.y);
    const Cmyk uneven = limit_total_ink({0.9, 0.6, 0.3, 0.8}, 200);
    EXPECT_NEAR(uneven.total(), 2.0, 1e-12);
    EXPECT_DOUBLE_EQ(uneven.k, 0.8);
    EXPECT_NEAR(uneven.c / uneven.y, 3.0, 1e-12);
    const Cmyk under{0.5, 0.4, 0.3, 0.2};
    EXPECT_EQ(limit_total_ink(under, 320), under);
    EXPECT_EQ(limit_total_ink({0.5, 0.5, 0, 1}, 100), (Cmyk{0, 0, 0, 1}));
}

TEST_F(ColorManagerTest, PixelsStayWithinTheLimitAndGreysGoToK) {
    ColorSettings settings;
    settings.tac_percent = 280;
    const ColorManager cm = manager({}, settings);
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<uint8_t> rgb;
    for (int i = 0; i < 20000; ++i) {
        const int dark = i % 2 ? 64 : 256;  // half of them dark, where ink piles up
        for (int c = 0; c < 3; ++c) rgb.push_back(uint8_t(byte(rng) % dark));
    }
    for (int g = 0; g < 256; ++g) rgb.insert(rgb.end(), {uint8_t(g), uint8_t(g), uint8_t(g)});
    const size_t n = rgb.size() / 3;
    std::vector<uint8_t> cmyk(n * 4, 0xee);
    cm.rgb_pixels(rgb.data(), cmyk.data(), n);
    int max_total = 0;
    for (size_t i = 0; i < n; ++i) {
        const uint8_t* p = &cmyk[i * 4];
        const int total = p[0] + p[1] + p[2] + p[3];
        max_total = std::max(max_total, total);
        EXPECT_LE(total, 280 * 255 / 100) << "pixel " << i;
    }
    EXPECT_GT(max_total, 260 * 255 / 100) << "dark pixels reach the limit";
    int previous = -1;
    for (int g = 0; g < 256; ++g) {
        const uint8_t* p = &cmyk[(n - 256 + size_t(g)) * 4];
        EXPECT_EQ(p[0] + p[1] + p[2], 0) << "grey " << g;
        const double vector_k = cm.vector_gray(g / 255.0).cmyk.k * 255;
        EXPECT_NEAR(p[3], vector_k, 0.5 + 1e-9) << "grey " << g;
        if (previous >= 0) {
            EXPECT_LE(p[3], previous) << "grey " << g;
        }
        previous = p[3];
    }
    EXPECT_EQ(cmyk[(n - 256) * 4 + 3], 255) << "black pixels are solid K";
    EXPECT_EQ(cmyk[(n - 1) * 4 + 3], 0) << "white pixels are paper";
    // A red pixel converts like the red vector colour.
    const uint8_t red[3] = {255, 0, 0};
    uint8_t red_ink[4];
    cm.rgb_pixels(red, red_ink, 1);
    const Cmyk vred = cm.vector_rgb(1, 0, 0).cmyk;
    EXPECT_NEAR(red_ink[1], vred.m * 255, 3);
    EXPECT_NEAR(red_ink[2], vred.y * 255, 3);
    EXPECT_NEAR(red_ink[0], vred.c * 255, 3);
}

TEST_F(ColorManagerTest, LargeImagesConvertAsSmallOnes) {
    // rgb_pixels splits large images over threads: the bytes must not change.
    const ColorManager cm = manager();
    const size_t n = size_t(1) << 20;
    std::vector<uint8_t> rgb(n * 3);
    std::mt19937 rng(5);
    for (uint8_t& v : rgb) v = uint8_t(rng());
    for (size_t i = 0; i < n; i += 7) rgb[i * 3 + 1] = rgb[i * 3 + 2] = rgb[i * 3];  // some greys
    std::vector<uint8_t> whole(n * 4), pieces(n * 4);
    cm.rgb_pixels(rgb.data(), whole.data(), n);
    for (size_t start = 0; start < n; start += 4096)
        cm.rgb_pixels(rgb.data() + start * 3, pieces.data() + start * 4, std::min<size_t>(4096, n - start));
    EXPECT_TRUE(whole == pieces);
}

TEST_F(ColorManagerTest, GrayPixelsFollowTheKRamp) {
    const ColorManager cm = manager();
    std::vector<uint8_t> in(256), out(256);
    for (int g = 0; g < 256; ++g) in[g] = uint8_t(g);
    cm.gray_pixels(in.data(), out.data(), in.size());
    EXPECT_EQ(out[0], 0) << "DeviceGray 0 is solid K";
    EXPECT_EQ(out[255], 255) << "and 255 is paper";
    for (int g = 1; g < 256; ++g) {
        EXPECT_GE(out[g], out[g - 1]) << g;
        EXPECT_NEAR(255 - out[g], cm.vector_gray(g / 255.0).cmyk.k * 255, 0.5 + 1e-9) << g;
    }
    EXPECT_LT(out[128], 128) << "press grey: a mid grey needs more than half the K on this paper";
}

// --- profiles

TEST(OutputProfile, DefaultIsKohosFogra39Build) {
    const OutputProfile& p = koho_profile();
    ASSERT_FALSE(p.icc.empty());
    EXPECT_EQ(p.description, "koho FOGRA39L (ArgyllCMS colprof from icc-profiles-free FOGRA39L.ti3)");
    EXPECT_EQ(p.condition_identifier, "FOGRA39");
    EXPECT_EQ(p.registry_name, "http://www.color.org");
    ASSERT_GT(p.icc.size(), 128u);
    EXPECT_EQ(std::string(p.icc.begin() + 36, p.icc.begin() + 40), "acsp");
    EXPECT_EQ(std::string(p.icc.begin() + 16, p.icc.begin() + 20), "CMYK");
}

SourceLoc where() { return {"job.json", 3, 14, "/color/profile"}; }

koho::Error load_error(const std::filesystem::path& path) {
    try {
        load_output_profile(path, where());
    } catch (const koho::Error& e) {
        return e;
    }
    ADD_FAILURE() << path << " loaded";
    return koho::Error(ErrorKind::Failure, {}, "");
}

TEST(OutputProfile, MissingFileIsAnInputError) {
    const koho::Error e = load_error("/nonexistent/press.icc");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_EQ(e.loc().pointer, "/color/profile");
    EXPECT_EQ(e.loc().line, 3);
    EXPECT_NE(e.message().find("/nonexistent/press.icc"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("does not exist"), std::string::npos) << e.message();
}

TEST(OutputProfile, NonIccFileIsAnInputError) {
    test::TempDir dir("profile-bad");
    test::write_bytes(dir.path() / "notes.icc", "this is not a colour profile, only text\n");
    const koho::Error e = load_error(dir.path() / "notes.icc");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(e.message().find("not an ICC profile"), std::string::npos) << e.message();
    const koho::Error dir_error = load_error(dir.path());
    EXPECT_EQ(dir_error.kind(), ErrorKind::BadInput);
}

TEST(OutputProfile, RgbProfileIsRefused) {
    const koho::Error e = load_error("/usr/share/color/icc/sRGB.icc");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(e.message().find("RGB profile"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("CMYK"), std::string::npos) << e.message();
    EXPECT_EQ(e.loc().file, "job.json");
}

// koho's profile changed by `edit` (through lcms2), written to `path`.
template <class Edit>
void write_edited_profile(const std::filesystem::path& path, Edit edit) {
    const OutputProfile& base = koho_profile();
    ASSERT_FALSE(base.icc.empty());
    cmsHPROFILE h = cmsOpenProfileFromMem(base.icc.data(), cmsUInt32Number(base.icc.size()));
    ASSERT_NE(h, nullptr);
    edit(h);
    cmsUInt32Number size = 0;
    ASSERT_TRUE(cmsSaveProfileToMem(h, nullptr, &size));
    std::string bytes(size, '\0');
    ASSERT_TRUE(cmsSaveProfileToMem(h, bytes.data(), &size));
    cmsCloseProfile(h);
    test::write_bytes(path, bytes);
}

TEST(OutputProfile, OtherCmykProfilesAreTakenWithTheirOwnName) {
    // koho's profile renamed: a press profile koho knows nothing about.
    test::TempDir dir("profile-other");
    write_edited_profile(dir.path() / "press.icc", [](cmsHPROFILE h) {
        cmsMLU* mlu = cmsMLUalloc(nullptr, 1);
        cmsMLUsetASCII(mlu, "en", "US", "Test Press Coated");
        cmsWriteTag(h, cmsSigProfileDescriptionTag, mlu);
        cmsMLUfree(mlu);
    });
    const OutputProfile p = load_output_profile(dir.path() / "press.icc", where());
    EXPECT_EQ(p.description, "Test Press Coated");
    EXPECT_EQ(p.condition_identifier, "");
    EXPECT_EQ(p.registry_name, "");
    EXPECT_EQ(p.icc.size(), std::filesystem::file_size(dir.path() / "press.icc"));
    // And it converts.
    const ColorManager cm(p, {}, {});
    EXPECT_GT(cm.vector_rgb(1, 0, 0).cmyk.m, 0.8);
}

TEST(OutputProfile, CmykProfilesOfOtherClassesAreRefused) {
    test::TempDir dir("profile-class");
    write_edited_profile(dir.path() / "space.icc",
                         [](cmsHPROFILE h) { cmsSetDeviceClass(h, cmsSigColorSpaceClass); });
    const koho::Error e = load_error(dir.path() / "space.icc");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(e.message().find("not an output (printer) profile"), std::string::npos) << e.message();
}

TEST(OutputProfile, ProfilesWithoutTablesIntoCmykAreRefused) {
    test::TempDir dir("profile-tables");
    write_edited_profile(dir.path() / "half.icc", [](cmsHPROFILE h) {
        for (cmsTagSignature tag : {cmsSigBToA0Tag, cmsSigBToA1Tag, cmsSigBToA2Tag}) cmsWriteTag(h, tag, nullptr);
    });
    const koho::Error e = load_error(dir.path() / "half.icc");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(e.message().find("lacks the perceptual tables"), std::string::npos) << e.message();
}

}  // namespace
}  // namespace koho::print
