// `koho watch` end to end, in a small project of its own: the first pass
// renders what is out of date; an edit re-renders that layout and no
// other; a data file touched re-renders the layout that merges it; a bad
// edit prints its located error, keeps the last good output and watch runs
// on; a second watch finds everything up to date; --serve serves the
// output folder on loopback only and announces each rebuild on /events.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli/koho_child.h"
#include "plan/plan_project.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

class Watch : public PlanProject {
protected:
    // `before`: koho's own options, before the subcommand.
    std::unique_ptr<KohoChild> start(const std::vector<std::string>& extra = {},
                                     const std::vector<std::string>& before = {}) {
        std::vector<std::string> args = before;
        args.insert(args.end(), {"watch", "--poll", "50"});
        args.insert(args.end(), extra.begin(), extra.end());
        ChildOptions options;
        options.cwd = root_;
        options.env_add = {"SOURCE_DATE_EPOCH=0"};
        return std::make_unique<KohoChild>(args, options);
    }
    // Waits (up to 60 s) until stderr holds `what` `times` times.
    static bool wait_for(KohoChild& child, const std::string& what, size_t times = 1) {
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (std::chrono::steady_clock::now() < deadline) {
            if (count_of(child.err(), what) >= times) return true;
            if (!child.running()) return count_of(child.err(), what) >= times;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }
    static int stop(KohoChild& child) {
        ::kill(child.pid(), SIGTERM);
        return child.wait();
    }
    void edit_card(const std::string& text) {
        std::ofstream(root_ / "layouts/card.json") << card_layout("", text);
    }
};

TEST_F(Watch, RendersThenReRendersOnlyWhatAnEditTouches) {
    fs::remove(root_ / "layouts/bad.json");
    auto child = start();
    ASSERT_TRUE(wait_for(*child, "koho watch: watching 2 layouts")) << child->err();
    EXPECT_EQ(count_of(child->err(), "rendered card in "), 1u) << child->err();
    EXPECT_EQ(count_of(child->err(), "rendered cards in "), 1u) << child->err();
    const std::string first = read(root_ / "output/card.pdf");
    const auto record_time = fs::last_write_time(root_ / "output/cards/card-chiba.png");
    ASSERT_FALSE(first.empty());

    edit_card("日程を変更しました");
    ASSERT_TRUE(wait_for(*child, "rendered card in ", 2)) << child->err();
    EXPECT_NE(read(root_ / "output/card.pdf"), first);  // the new text
    EXPECT_EQ(count_of(child->err(), "rendered cards in "), 1u) << child->err();
    EXPECT_EQ(fs::last_write_time(root_ / "output/cards/card-chiba.png"), record_time);

    // The data file is one of the merged layout's files (its depfiles say so).
    std::ofstream(root_ / "data/s.csv") << "id,venue\nchiba,千葉会場（変更）\nonline,オンライン\n";
    ASSERT_TRUE(wait_for(*child, "rendered cards in ", 2)) << child->err();
    EXPECT_NE(fs::last_write_time(root_ / "output/cards/card-chiba.png"), record_time);
    EXPECT_EQ(count_of(child->err(), "rendered card in "), 2u) << child->err();

    EXPECT_EQ(stop(*child), 0) << child->err();
    EXPECT_NE(child->err().find("koho watch: stopped"), std::string::npos);
}

TEST_F(Watch, ABadEditShowsItsErrorAndKeepsTheLastGoodOutput) {
    fs::remove(root_ / "layouts/bad.json");
    fs::remove(root_ / "layouts/cards.json");
    auto child = start();
    ASSERT_TRUE(wait_for(*child, "koho watch: watching 1 layout")) << child->err();
    const std::string good = read(root_ / "output/card.pdf");

    std::string bad = card_layout("", "x");
    bad.replace(bad.find("\"style\": \"body\""), 15, "\"style\": \"nosuch\"");
    std::ofstream(root_ / "layouts/card.json") << bad;
    ASSERT_TRUE(wait_for(*child, "failed card in ")) << child->err();
    EXPECT_NE(child->err().find("layouts/card.json:"), std::string::npos) << child->err();
    EXPECT_NE(child->err().find("error: unknown style 'nosuch'"), std::string::npos) << child->err();
    // Once: the web edition is not rendered only to say it again.
    EXPECT_EQ(count_of(child->err(), "unknown style 'nosuch'"), 1u) << child->err();
    EXPECT_NE(child->err().find("1 error (the last good output stays)"), std::string::npos) << child->err();
    EXPECT_EQ(read(root_ / "output/card.pdf"), good);
    EXPECT_TRUE(child->running());

    std::ofstream(root_ / "layouts/card.json") << "{ not json";
    ASSERT_TRUE(wait_for(*child, "failed card in ", 2)) << child->err();
    EXPECT_NE(child->err().find("layouts/card.json:1:"), std::string::npos) << child->err();

    edit_card("直しました");
    ASSERT_TRUE(wait_for(*child, "rendered card in ", 2)) << child->err();
    EXPECT_NE(read(root_ / "output/card.pdf"), good);
    EXPECT_EQ(stop(*child), 0);
}

// With --diagnostic-format json the errors on stderr are JSON objects, and
// watch still counts them and shows them in the gallery: it keeps what the
// job reported, it does not read its stderr back.
TEST_F(Watch, JsonDiagnosticsAreCountedAndShownInTheGallery) {
    fs::remove(root_ / "layouts/cards.json");
    auto child = start({}, {"--diagnostic-format", "json"});
    ASSERT_TRUE(wait_for(*child, "koho watch: watching 2 layouts")) << child->err();
    EXPECT_NE(child->err().find("failed bad in "), std::string::npos) << child->err();
    EXPECT_NE(child->err().find(", 1 error (the last good output stays)"), std::string::npos) << child->err();
    size_t json_errors = 0;
    std::istringstream lines(child->err());
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{", 0) != 0) continue;
        const nlohmann::json d = nlohmann::json::parse(line);
        EXPECT_EQ(d["severity"], "error") << line;
        EXPECT_EQ(d["file"], "layouts/bad.json") << line;
        EXPECT_NE(d["message"].get<std::string>().find("unknown style 'nosuch'"), std::string::npos) << line;
        ++json_errors;
    }
    EXPECT_EQ(json_errors, 1u) << child->err();
    EXPECT_EQ(child->err().find(": error: "), std::string::npos) << "a text diagnostic:\n" << child->err();
    const std::string gallery = read(root_ / "output/index.html");
    EXPECT_NE(gallery.find("unknown style"), std::string::npos);
    EXPECT_EQ(stop(*child), 0) << child->err();
}

TEST_F(Watch, ASecondWatchFindsEverythingUpToDate) {
    fs::remove(root_ / "layouts/bad.json");
    {
        auto child = start();
        ASSERT_TRUE(wait_for(*child, "koho watch: watching")) << child->err();
        EXPECT_EQ(stop(*child), 0);
    }
    auto again = start();
    ASSERT_TRUE(wait_for(*again, "koho watch: watching")) << again->err();
    EXPECT_EQ(count_of(again->err(), "rendered "), 0u) << again->err();
    EXPECT_NE(again->err().find("card is up to date"), std::string::npos) << again->err();
    EXPECT_EQ(stop(*again), 0);
}

TEST_F(Watch, ServesTheOutputOnLoopbackAndAnnouncesRebuilds) {
    fs::remove(root_ / "layouts/bad.json");
    fs::remove(root_ / "layouts/cards.json");
    auto child = start({"--serve", "127.0.0.1:0"});
    ASSERT_TRUE(wait_for(*child, "koho watch: watching")) << child->err();
    std::smatch url;
    const std::string err = child->err();
    ASSERT_TRUE(std::regex_search(err, url, std::regex("serving output/ at http://127\\.0\\.0\\.1:([0-9]+)/")))
        << err;
    const int port = std::stoi(url[1]);

    httplib::Client client("127.0.0.1", port);
    const auto pdf = client.Get("/card.pdf");
    ASSERT_TRUE(pdf) << httplib::to_string(pdf.error());
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->body, read(root_ / "output/card.pdf"));
    EXPECT_EQ(pdf->get_header_value("Cache-Control"), "no-cache");
    const auto missing = client.Get("/nothing-here.pdf");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);

    // An open page: the event stream says reload after the next rebuild.
    std::atomic<bool> reloaded{false};
    std::thread page([&] {
        httplib::Client events("127.0.0.1", port);
        events.set_read_timeout(30, 0);
        std::string stream;
        events.Get("/events", [&](const char* data, size_t size) {
            stream.append(data, size);
            if (stream.find("event: reload") != std::string::npos) {
                reloaded = true;
                return false;  // hang up
            }
            return true;
        });
    });
    std::this_thread::sleep_for(300ms);  // the page is connected
    EXPECT_FALSE(reloaded);
    edit_card("再読み込みの確認");
    ASSERT_TRUE(wait_for(*child, "rendered card in ", 2)) << child->err();
    page.join();
    EXPECT_TRUE(reloaded);
    EXPECT_EQ(stop(*child), 0) << child->err();
}

TEST_F(Watch, ServesOnLoopbackOnly) {
    for (const char* address : {"0.0.0.0:8080", "192.168.1.10:8080", "example.org:80", "127.0.0.1", "127.0.0.1:99999"}) {
        const ChildResult r = run_child({"watch", "--serve", address}, ChildOptions{.cwd = root_});
        EXPECT_EQ(r.exit_code, 2) << address << "\n" << r.err;
        EXPECT_NE(r.err.find("--serve: error: "), std::string::npos) << r.err;
    }
    EXPECT_FALSE(fs::exists(root_ / "output/card.pdf"));  // refused before rendering anything
}

}  // namespace
}  // namespace koho::test
