// PDF/X keys written by apply_pdfx and configure_writer_for_pdfx, read back
// with libqpdf, poppler's pdfinfo and qpdf --check. The XMP packet has its
// own tests (pdfx_xmp_test.cpp).
#include "print/pdfx.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cmyk_test_profile.h"
#include "core/diagnostic.h"
#include "pdfx_fixtures.h"
#include "test_support.h"

namespace koho::print {
namespace {

using namespace pdfx_test;

// ---- output intent -----------------------------------------------------------

TEST(PdfxOutputIntent, NamesTheConditionAndEmbedsTheProfile) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    QPDFObjectHandle intents = out.pdf.getRoot().getKey("/OutputIntents");
    ASSERT_TRUE(intents.isArray());
    ASSERT_EQ(intents.getArrayNItems(), 1);
    QPDFObjectHandle intent = out.intent();
    EXPECT_EQ(intent.getKey("/Type").getName(), "/OutputIntent");
    EXPECT_EQ(intent.getKey("/S").getName(), "/GTS_PDFX");
    EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "FOGRA39");
    EXPECT_EQ(intent.getKey("/OutputCondition").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_EQ(intent.getKey("/RegistryName").getUTF8Value(), "http://www.color.org");

    QPDFObjectHandle icc = intent.getKey("/DestOutputProfile");
    ASSERT_TRUE(icc.isStream());
    EXPECT_EQ(icc.getDict().getKey("/N").getIntValue(), 4);
    EXPECT_EQ(icc.getDict().getKey("/Filter").getName(), "/FlateDecode");
    const std::string profile = stream_text(icc, true);
    const std::vector<uint8_t>& want = fogra_like_profile().icc;
    EXPECT_EQ(profile, std::string(want.begin(), want.end()));
    // Compressed: the raw stream is not the profile itself.
    EXPECT_NE(stream_text(icc, false), profile);
}

TEST(PdfxOutputIntent, AnUnregisteredConditionIsCustom) {
    OutputProfile profile = fogra_like_profile();
    profile.condition_identifier.clear();
    profile.registry_name.clear();
    PdfxOptions options = x4_options();
    options.profile = &profile;
    ReadBack out(finish(cairo_pdf(1), options));
    QPDFObjectHandle intent = out.intent();
    EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "Custom");
    EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_FALSE(intent.hasKey("/RegistryName"));
}

TEST(PdfxOutputIntent, RefusesProfilesAnOutputIntentCannotCarry) {
    OutputProfile rgb;
    rgb.icc = test::make_srgb_profile();
    rgb.description = "sRGB";
    PdfxOptions options = x4_options();
    options.profile = &rgb;
    QPDF pdf;
    const std::string input = cairo_pdf(1);
    pdf.processMemoryFile("input", input.data(), input.size());
    try {
        apply_pdfx(pdf, options);
        FAIL() << "an RGB display profile was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "'sRGB' is a 'mntr' profile on 'RGB ' data; a PDF/X output intent needs a CMYK "
                               "output ('prtr') profile");
    }

    OutputProfile truncated = fogra_like_profile();
    truncated.icc.resize(truncated.icc.size() - 10);
    options.profile = &truncated;
    EXPECT_THROW(apply_pdfx(pdf, options), Error);

    OutputProfile not_icc;
    not_icc.icc.assign(200, 'x');
    options.profile = &not_icc;
    EXPECT_THROW(apply_pdfx(pdf, options), Error);
}

TEST(PdfxOutputIntent, IccVersion4IsForX4Only) {
    OutputProfile v4;
    v4.icc = test::make_cmyk_profile("koho test CMYK v4", 4.3);
    v4.description = "v4 test";
    ASSERT_EQ(v4.icc[8], 4);
    PdfxOptions options = x4_options();
    options.profile = &v4;
    ReadBack x4(finish(cairo_pdf(1), options));
    EXPECT_TRUE(x4.pdf.getRoot().getKey("/OutputIntents").isArray());

    options.level = PdfxLevel::X1a;
    try {
        finish(cairo_pdf(1), options);
        FAIL() << "PDF/X-1a took an ICC 4 profile";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "'v4 test' is an ICC version 4 profile; PDF/X-1a:2001 can embed ICC versions up "
                               "to 2 (use --pdfx 4 or a version 2 profile)");
    }
}

// ---- /Info -------------------------------------------------------------------

TEST(PdfxInfo, X4KeysWithExactDates) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    QPDFObjectHandle info = out.info();
    ASSERT_TRUE(info.isDictionary());
    EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "千葉県 児童福祉専門職 採用パンフレット");
    EXPECT_EQ(info.getKey("/Creator").getUTF8Value(), "koho 0.2.0");
    EXPECT_EQ(info.getKey("/Producer").getUTF8Value(), "koho 0.2.0 with qpdf " + QPDF::QPDFVersion());
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_EQ(info.getKey("/ModDate").getUTF8Value(), "D:20231114221320Z");
    ASSERT_TRUE(info.getKey("/Trapped").isName());
    EXPECT_EQ(info.getKey("/Trapped").getName(), "/False");
    EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-4");
    EXPECT_FALSE(info.hasKey("/GTS_PDFXConformance"));
}

TEST(PdfxInfo, X1aKeysAndNoMetadataStream) {
    ReadBack out(finish(cairo_pdf(1), x1a_options()));
    QPDFObjectHandle info = out.info();
    EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-1:2001");
    EXPECT_EQ(info.getKey("/GTS_PDFXConformance").getUTF8Value(), "PDF/X-1a:2001");
    EXPECT_EQ(info.getKey("/Trapped").getName(), "/False");
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_TRUE(out.pdf.getRoot().getKey("/OutputIntents").isArray());
    // Metadata streams are PDF 1.4: an X-1a file has none.
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/Metadata"));
}

TEST(PdfxInfo, AnEmptyTitleBecomesUntitledAndAnEmptyCreatorKoho) {
    PdfxOptions options = x4_options();
    options.title.clear();
    options.creator.clear();
    ReadBack out(finish(cairo_pdf(1), options));
    EXPECT_EQ(out.info().getKey("/Title").getUTF8Value(), "Untitled");
    EXPECT_EQ(out.info().getKey("/Creator").getUTF8Value(), "koho");
}

TEST(PdfxInfo, WithoutADateNoPdfxAndNoneAddsNothing) {
    const std::string input = cairo_pdf(1);
    PdfxOptions options = x4_options();
    options.date_epoch.reset();
    {
        QPDF pdf;
        pdf.processMemoryFile("input", input.data(), input.size());
        try {
            apply_pdfx(pdf, options);
            FAIL() << "PDF/X without a date";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().file, "SOURCE_DATE_EPOCH");
            EXPECT_EQ(e.message(), "PDF/X-4 needs a creation date: set SOURCE_DATE_EPOCH (seconds since "
                                   "1970-01-01 UTC) or use --pdfx none");
        }
        options.date_epoch = kEpoch;
        options.profile = nullptr;
        try {
            apply_pdfx(pdf, options);
            FAIL() << "PDF/X without a profile";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Failure);
        }
    }
    options.level = PdfxLevel::None;
    ReadBack out(finish(input, options));
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/OutputIntents"));
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/Metadata"));
    EXPECT_FALSE(out.info().hasKey("/GTS_PDFXVersion"));
    EXPECT_EQ(out.bytes.substr(0, 8), "%PDF-1.5");  // Cairo's version, untouched
}

// ---- the file's form -----------------------------------------------------------

TEST(PdfxWriter, VersionHeaders) {
    const std::string input = cairo_pdf(1);
    ASSERT_EQ(input.substr(0, 8), "%PDF-1.5");
    ReadBack x4(finish(input, x4_options()));
    EXPECT_EQ(x4.bytes.substr(0, 8), "%PDF-1.6");
    EXPECT_EQ(x4.pdf.getPDFVersion(), "1.6");
    ReadBack x1a(finish(input, x1a_options()));
    EXPECT_EQ(x1a.bytes.substr(0, 8), "%PDF-1.3");
    EXPECT_EQ(x1a.pdf.getPDFVersion(), "1.3");
}

TEST(PdfxWriter, X1aHasNoObjectStreamsEvenWhenTheCallerAskedForThem) {
    const std::string input = cairo_pdf(3);
    // The test can see object streams: X-4 keeps the caller's choice.
    const std::string x4 = finish(input, x4_options(), true);
    ASSERT_NE(x4.find("/ObjStm"), std::string::npos);

    const std::string x1a = finish(input, x1a_options(), true);
    EXPECT_EQ(x1a.find("/ObjStm"), std::string::npos);
    EXPECT_EQ(x1a.find("/XRef"), std::string::npos);  // no cross-reference stream
    EXPECT_NE(x1a.find("\nxref\n"), std::string::npos);  // a classic table
    ReadBack out(x1a);
    EXPECT_TRUE(out.pdf.getTrailer().getKey("/ID").isArray());
}

TEST(PdfxWriter, QpdfCheckFindsNothingWrong) {
    test::TempDir dir("pdfx-check");
    for (const PdfxOptions& options : {x4_options(), x1a_options()}) {
        const auto file = dir.path() / "out.pdf";
        test::write_bytes(file, finish(cairo_pdf(2), options));
        const auto result = test::run_command("qpdf --check " + test::shell_quote(file.string()) + " 2>&1");
        EXPECT_EQ(result.exit_code, 0) << pdfx_level_name(options.level) << ": " << result.output;
    }
}

TEST(PdfxWriter, PopplerNamesTheSubtype) {
    test::TempDir dir("pdfx-subtype");
    const std::pair<PdfxOptions, const char*> cases[] = {
        {x4_options(), "PDF/X-4"},
        {x1a_options(), "PDF/X-1:2001"},
    };
    for (const auto& [options, subtype] : cases) {
        const auto file = dir.path() / "out.pdf";
        test::write_bytes(file, finish(cairo_pdf(1), options));
        const auto result = test::run_command("pdfinfo " + test::shell_quote(file.string()) + " 2>&1");
        ASSERT_EQ(result.exit_code, 0) << result.output;
        EXPECT_NE(result.output.find(std::string("PDF subtype:    ") + subtype + "\n"), std::string::npos)
            << result.output;
    }
}

TEST(PdfxWriter, KohosDefaultProfileGoesInAsItIs) {
    const auto path = std::filesystem::path(KOHO_SOURCE_DIR) / "profiles" / "koho-FOGRA39L.icc";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not built (scripts/build-profile.sh)";
    const OutputProfile profile = load_output_profile(path, {path.string()});
    // Both levels take it (an ICC 2 profile), and embed its very bytes.
    for (PdfxOptions options : {x4_options(), x1a_options()}) {
        options.profile = &profile;
        ReadBack out(finish(cairo_pdf(1), options));
        QPDFObjectHandle intent = out.intent();
        EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "FOGRA39");
        EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), profile.description);
        const std::string embedded = stream_text(intent.getKey("/DestOutputProfile"), true);
        EXPECT_EQ(embedded, std::string(profile.icc.begin(), profile.icc.end()));
    }
}

TEST(PdfxWriter, SameInputsGiveTheSameBytes) {
    // Two Cairo runs (each stamps the clock in its /Info): the PDF/X dates
    // replace those, so the files agree byte for byte.
    const std::string first = finish(cairo_pdf(2), x4_options());
    const std::string second = finish(cairo_pdf(2), x4_options());
    EXPECT_EQ(first, second);
    EXPECT_EQ(finish(cairo_pdf(2), x1a_options()), finish(cairo_pdf(2), x1a_options()));
    PdfxOptions other = x4_options();
    other.title = "別の題";
    EXPECT_NE(first, finish(cairo_pdf(2), other));
}

// ---- names -----------------------------------------------------------------------

TEST(PdfxLevels, ParseAndName) {
    EXPECT_EQ(parse_pdfx_level("4"), PdfxLevel::X4);
    EXPECT_EQ(parse_pdfx_level("1a"), PdfxLevel::X1a);
    EXPECT_EQ(parse_pdfx_level("none"), PdfxLevel::None);
    EXPECT_FALSE(parse_pdfx_level("3"));
    EXPECT_FALSE(parse_pdfx_level("X-4"));
    EXPECT_FALSE(parse_pdfx_level(""));
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::X4), "PDF/X-4");
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::X1a), "PDF/X-1a:2001");
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::None), "none");
}

}  // namespace
}  // namespace koho::print
