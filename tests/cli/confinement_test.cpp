// No escape from the project root, through the real binary: paths that
// leave the root ("../", absolute, a symlink pointing out) are refused, and
// media files inside the root that point elsewhere — an HLS playlist, an
// ffconcat list, an SDP session — are refused by name without koho opening
// what they point to: inotify watches the file outside the root, a local
// TCP listener waits for a connection, and neither sees koho. Last, the
// binary itself imports no way to run a shell or open a socket.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "koho_runner.h"
#include "temp_project.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

// Was the file opened or read since the watch began? (inotify; the events
// queue up and are read without blocking.)
class OpenWatch {
public:
    explicit OpenWatch(const fs::path& file) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        if (fd_ >= 0) inotify_add_watch(fd_, file.c_str(), IN_OPEN | IN_ACCESS);
    }
    ~OpenWatch() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool ready() const { return fd_ >= 0; }
    bool touched() const {
        alignas(inotify_event) char buffer[4096];
        return ::read(fd_, buffer, sizeof buffer) > 0;
    }

private:
    int fd_;
};

// A TCP listener on 127.0.0.1 at a free port: any connection made to it
// completes in the kernel and waits to be accepted.
class Listener {
public:
    Listener() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 8) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) != 0)
            return;
        port_ = ntohs(addr.sin_port);
    }
    ~Listener() {
        if (fd_ >= 0) ::close(fd_);
    }
    int port() const { return port_; }
    bool connected() const {
        const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) return false;
        ::close(client);
        return true;
    }

private:
    int fd_;
    int port_ = 0;
};

class Confinement : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        project_ = new TempProject("confinement");
        outside_ = new TempProject("outside");
        // Real media, so that an escape would succeed if it were allowed.
        ASSERT_TRUE(outside_->ffmpeg("-f lavfi -i sine=frequency=440:duration=1", "secret.wav"));
        ASSERT_TRUE(outside_->ffmpeg("-f lavfi -i color=c=blue:s=32x32 -frames:v 1", "secret.png"));
        ASSERT_TRUE(project_->ffmpeg("-f lavfi -i color=c=red:s=32x32 -frames:v 1", "media/ok.png"));
        ASSERT_TRUE(project_->ffmpeg("-f lavfi -i sine=frequency=440:duration=1", "media/ok.wav"));
        fs::create_symlink(outside_->root() / "secret.png", project_->root() / "media/link.png");
        fs::create_symlink(outside_->root() / "secret.wav", project_->root() / "media/link.wav");
    }
    static void TearDownTestSuite() {
        delete project_;
        delete outside_;
    }

    static std::string layout_with_image(const std::string& src) {
        return R"({
  "type": "print",
  "page": { "size": { "w": "50mm", "h": "50mm" }, "bleed": "0mm", "marks": "none" },
  "pages": [ { "frames": [
    { "type": "image", "src": ")" +
               src + R"(", "x": "0mm", "y": "0mm", "w": "40mm", "h": "40mm" } ] } ]
}
)";
    }
    static std::string timeline_with_audio(const std::string& src) {
        return R"({
  "type": "video", "size": "128x72", "fps": 2, "duration": "1s",
  "audio": [
    { "src": ")" +
               src + R"(" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast" }
}
)";
    }
    static KohoRun print(const std::string& json) {
        project_->write("layout.json", json);
        return run_koho({"print", project_->path("layout.json"), "-o", project_->path("out.pdf"), "--root",
                         project_->root().string(), "--color", "rgb"});
    }
    static KohoRun video(const std::string& json) {
        project_->write("timeline.json", json);
        return run_koho({"video", project_->path("timeline.json"), "-o", project_->path("out.mp4"), "--root",
                         project_->root().string(), "--quiet"});
    }
    static KohoRun transcode(const std::string& input) {
        return run_koho({"transcode", input, "-o", project_->path("out.mp4"), "--root", project_->root().string(),
                         "--quiet"});
    }
    static void expect_refused(const KohoRun& run, const std::string& message) {
        EXPECT_EQ(run.exit_code, 2) << run.err;
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_FALSE(fs::exists(project_->root() / "out.pdf"));
        EXPECT_FALSE(fs::exists(project_->root() / "out.mp4"));
    }

    static std::string outside(const std::string& name) { return outside_->path(name); }
    static std::string canonical_root() { return fs::canonical(project_->root()).string(); }

    static TempProject* project_;
    static TempProject* outside_;
};

TempProject* Confinement::project_ = nullptr;
TempProject* Confinement::outside_ = nullptr;

TEST_F(Confinement, TheSetUpWorksInsideTheRoot) {
    // The refusals below are not an accident of the layouts: the same
    // documents with files inside the root are rendered.
    const KohoRun printed = print(layout_with_image("media/ok.png"));
    EXPECT_EQ(printed.exit_code, 0) << printed.err;
    const KohoRun rendered = video(timeline_with_audio("media/ok.wav"));
    EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
    fs::remove(project_->root() / "out.pdf");
    for (const char* side : {"out.mp4", "out.srt", "out.vtt", "out-chapters.txt", "out.jpg"})
        fs::remove(project_->root() / side);
}

TEST_F(Confinement, DotDotIsRefused) {
    const std::string relative = "../" + outside_->root().filename().string() + "/secret.png";
    const OpenWatch watch(outside("secret.png"));
    expect_refused(print(layout_with_image(relative)),
                   "error: image '" + relative + "' resolves to " + fs::canonical(outside("secret.png")).string() +
                       ", outside the project root " + canonical_root() + " (at /pages/0/frames/0/src)");
    ASSERT_TRUE(watch.ready());
    EXPECT_FALSE(watch.touched());
}

TEST_F(Confinement, AbsolutePathIsRefused) {
    expect_refused(print(layout_with_image(outside("secret.png"))),
                   "error: image path '" + outside("secret.png") +
                       "' is absolute; name it relative to the project root (at /pages/0/frames/0/src)");
}

TEST_F(Confinement, SymlinkPointingOutIsRefused) {
    const OpenWatch watch(outside("secret.png"));
    expect_refused(print(layout_with_image("media/link.png")),
                   "error: image 'media/link.png' resolves to " + fs::canonical(outside("secret.png")).string() +
                       ", outside the project root");
    expect_refused(video(timeline_with_audio("media/link.wav")),
                   "error: audio file 'media/link.wav' resolves to " +
                       fs::canonical(outside("secret.wav")).string() + ", outside the project root");
    expect_refused(transcode("media/link.wav"), "outside the project root");
    EXPECT_FALSE(watch.touched());
}

// Playlists and lists inside the root that point outside it and at the
// network: refused by what they are, before anything they name is opened.
TEST_F(Confinement, PlaylistsAndListsAreNeverFollowed) {
    const Listener listener;
    ASSERT_GT(listener.port(), 0);
    const std::string http = "http://127.0.0.1:" + std::to_string(listener.port()) + "/segment.wav";
    const OpenWatch watch(outside("secret.wav"));
    ASSERT_TRUE(watch.ready());

    project_->write("media/list.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + outside("secret.wav") +
                                           "\n#EXTINF:1,\n" + http + "\n#EXT-X-ENDLIST\n");
    project_->write("media/net.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + http + "\n#EXT-X-ENDLIST\n");
    project_->write("media/list.ffconcat",
                    "ffconcat version 1.0\nfile '" + outside("secret.wav") + "'\nfile '" + http + "'\n");
    // A playlist by another name is still found out by its bytes.
    project_->write("media/disguised.mp4", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:" +
                                               outside("secret.wav") + "\n#EXT-X-ENDLIST\n");
    // An SDP session description would open RTP sockets.
    project_->write("media/session.sdp", "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=koho\nc=IN IP4 127.0.0.1\nt=0 0\n"
                                         "m=audio " + std::to_string(listener.port()) + " RTP/AVP 0\n");

    const std::string hls =
        "is Apple HTTP Live Streaming (hls), a format koho does not read; koho reads self-contained media";
    const std::string concat = "is Virtual concatenation script (concat), a format koho does not read";
    expect_refused(video(timeline_with_audio("media/list.m3u8")), hls);
    expect_refused(transcode("media/list.m3u8"), "media/list.m3u8 " + hls);
    expect_refused(video(timeline_with_audio("media/net.m3u8")), hls);
    expect_refused(video(timeline_with_audio("media/list.ffconcat")), concat);
    expect_refused(transcode("media/list.ffconcat"), concat);
    expect_refused(transcode("media/disguised.mp4"), "media/disguised.mp4 " + hls);
    expect_refused(video(timeline_with_audio("media/session.sdp")), "(sdp), a format koho does not read");

    // Located at the value that named the file.
    const KohoRun located = video(timeline_with_audio("media/list.m3u8"));
    EXPECT_EQ(located.err.rfind(project_->path("timeline.json") + ":4:", 0), 0u) << located.err;
    EXPECT_NE(located.err.find("(at /audio/0/src)"), std::string::npos) << located.err;

    EXPECT_FALSE(watch.touched()) << "koho opened a file outside the root";
    EXPECT_FALSE(listener.connected()) << "koho made a network connection";
}

// Font directories are project files too: --font-dir resolves inside the
// root, and a font linked in from outside it is refused (fontconfig would
// follow the link). koho's own fonts are exempt.
TEST_F(Confinement, FontDirectoriesStayInsideTheRoot) {
    const std::string json = layout_with_image("media/ok.png");
    project_->write("layout.json", json);
    auto print_with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"print", project_->path("layout.json"), "-o", project_->path("out.pdf"),
                                         "--root", project_->root().string(), "--color", "rgb"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    };
    fs::create_directories(project_->root() / "myfonts");
    const KohoRun inside = print_with({"--font-dir", project_->path("myfonts"), "--font-dir",
                                       std::string(KOHO_SOURCE_DIR) + "/fonts"});
    EXPECT_EQ(inside.exit_code, 0) << inside.err;
    fs::remove(project_->root() / "out.pdf");

    expect_refused(print_with({"--font-dir", outside_->root().string()}),
                   "--font-dir: error: font directory '" + outside_->root().string() + "' resolves to " +
                       fs::canonical(outside_->root()).string() + ", outside the project root " + canonical_root());

    fs::create_directories(project_->root() / "fonts");
    fs::create_symlink(outside("secret.png"), project_->root() / "fonts/linked.otf");
    const KohoRun linked = print_with({});
    fs::remove_all(project_->root() / "fonts");
    EXPECT_EQ(linked.exit_code, 2) << linked.err;
    EXPECT_NE(linked.err.find("fonts/linked.otf: error: font file resolves to " +
                              fs::canonical(outside("secret.png")).string() + ", outside the project root"),
              std::string::npos)
        << linked.err;
}

// What the koho binary imports from the C library: no way to run a shell
// or another program except posix_spawn (Ghostscript, below), and no socket.
// (`koho watch --serve` listens on loopback through libcpp-httplib, a
// library of its own that only that command uses — tests/watch checks it
// refuses any other address; nothing that renders can reach the network.)
TEST(NoShell, TheBinaryImportsNoShellNoExecNoSocket) {
    const CommandResult nm = run_command("nm -D --undefined-only " + shell_quote(KOHO_BINARY));
    ASSERT_EQ(nm.exit_code, 0);
    std::set<std::string> imported;
    std::istringstream lines(nm.output);
    for (std::string line; std::getline(lines, line);) {
        std::string name = line.substr(line.find_last_of(' ') + 1);
        imported.insert(name.substr(0, name.find('@')));
    }
    ASSERT_GT(imported.size(), 50u) << nm.output;  // nm read the binary
    EXPECT_TRUE(imported.count("posix_spawn"));      // the check sees what is there
    for (const char* forbidden : {"system", "popen", "execl", "execle", "execlp", "execv", "execve", "execvp",
                                  "execvpe", "fexecve", "fork", "vfork", "clone", "socket", "connect",
                                  "getaddrinfo", "gethostbyname", "dlopen"})
        EXPECT_FALSE(imported.count(forbidden)) << "koho imports " << forbidden;
}

// C++ source with its // and /* */ comments blanked out (string literals
// are not parsed: none in pipeline/ holds a comment marker that matters).
std::string without_comments(const std::string& source) {
    std::string code;
    code.reserve(source.size());
    for (size_t i = 0; i < source.size();) {
        if (source.compare(i, 2, "//") == 0) {
            i = source.find('\n', i);
            if (i == std::string::npos) break;
        } else if (source.compare(i, 2, "/*") == 0) {
            const size_t end = source.find("*/", i + 2);
            i = end == std::string::npos ? source.size() : end + 2;
            code += ' ';
        } else {
            code += source[i++];
        }
    }
    return code;
}

// The one program koho starts is Ghostscript (print/separations.cpp, for
// preflight's ink coverage), by posix_spawn with an argument vector.
TEST(NoShell, OnlySeparationsSpawnsAProgram) {
    const std::regex spawn(R"(\b(posix_spawnp?|system|popen|exec[lv]p?e?|fork|vfork)\s*\()");
    std::set<std::string> spawning;
    const fs::path pipeline = fs::path(KOHO_SOURCE_DIR) / "pipeline";
    for (const auto& entry : fs::recursive_directory_iterator(pipeline)) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".cpp" && ext != ".h") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        // Code only: a comment may well say "a fault of the system (a full disk)".
        if (std::regex_search(without_comments(text.str()), spawn)) spawning.insert(fs::relative(entry.path(), pipeline).string());
    }
    EXPECT_EQ(spawning, std::set<std::string>{"print/separations.cpp"});
}

}  // namespace
}  // namespace koho::test
