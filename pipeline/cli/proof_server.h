// The loopback HTTP server of `koho watch --serve`: the build's output
// folder as static files (the proof gallery is its index.html), and
// /events, a server-sent-events stream that says `reload` whenever a
// rebuild finished, so that the open gallery reloads itself. On
// cpp-httplib (Debian's libcpp-httplib-dev), in threads of its own.
//
// Only loopback: the folder holds the campaign's unpublished files, and
// the server has no authentication, so it is never reachable from another
// machine.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace koho::cli {

struct ServeAddress {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port
};

// "127.0.0.1:8080", "localhost:8080", "[::1]:8080" or "8080". Throws
// koho::Error (BadInput) for anything else, and for a host that is not
// loopback.
ServeAddress parse_serve_address(const std::string& text);

class ProofServer {
public:
    // Binds now (a port in use is a koho::Error) and serves `root` from a
    // thread of its own until destroyed.
    ProofServer(const ServeAddress& address, const std::filesystem::path& root);
    ~ProofServer();
    ProofServer(const ProofServer&) = delete;
    ProofServer& operator=(const ProofServer&) = delete;

    // The address it listens on, "http://127.0.0.1:8080/".
    std::string url() const;

    // Tells every open page to reload.
    void announce_rebuild();

private:
    // Waits until the rebuild count passes `seen` or `timeout` passes (or
    // the server stops); returns the count.
    std::uint64_t wait_for_rebuild(std::uint64_t seen, std::chrono::milliseconds timeout);

    std::unique_ptr<httplib::Server> server_;
    std::string host_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t rebuilds_ = 0;
    bool stopping_ = false;
};

}  // namespace koho::cli
