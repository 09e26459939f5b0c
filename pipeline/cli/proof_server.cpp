// The gallery's loopback server (proof_server.h).
#include "cli/proof_server.h"

#include <charconv>

#include <httplib.h>

#include "core/diagnostic.h"

namespace koho::cli {

namespace fs = std::filesystem;

ServeAddress parse_serve_address(const std::string& text) {
    const SourceLoc at{"--serve"};
    ServeAddress address;
    std::string host;
    std::string port = text;
    if (!text.empty() && text.front() == '[') {  // [::1]:8080
        const size_t close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            fail_input(at, "'" + text + "' is not an address: write [::1]:PORT");
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    int number = -1;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || number < 0 || number > 65535)
        fail_input(at, "'" + text + "' has no port number (0 to 65535): write 127.0.0.1:8080");
    address.port = number;
    if (host.empty() || host == "localhost" || host == "127.0.0.1") {
        address.host = "127.0.0.1";
    } else if (host == "::1") {
        address.host = "::1";
    } else {
        fail_input(at, "koho serves the gallery on loopback only (127.0.0.1, localhost or [::1]), not on " + host +
                           ": the output folder is unpublished work and the server has no login");
    }
    return address;
}

ProofServer::ProofServer(const ServeAddress& address, const fs::path& root)
    : server_(std::make_unique<httplib::Server>()), host_(address.host) {
    if (!server_->set_mount_point("/", root.string()))
        fail_system({root.string()}, "cannot serve this folder: it does not exist");
    // Proofs change under the same names at every rebuild: never cached.
    server_->set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
    });
    server_->Get("/events", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        std::uint64_t seen = [this] {
            std::lock_guard lock(mutex_);
            return rebuilds_;
        }();
        res.set_chunked_content_provider("text/event-stream", [this, seen, first = true](size_t, httplib::DataSink& sink) mutable {
            std::string message;
            if (first) {
                message = "retry: 1000\n\n";  // reconnect quickly when watch restarts
                first = false;
            } else {
                const std::uint64_t now = wait_for_rebuild(seen, std::chrono::seconds(15));
                {
                    std::lock_guard lock(mutex_);
                    if (stopping_) {
                        sink.done();
                        return false;
                    }
                }
                // A comment line keeps idle connections (and proxies) open.
                message = now != seen ? "event: reload\ndata: " + std::to_string(now) + "\n\n" : ": waiting\n\n";
                seen = now;
            }
            return sink.write(message.data(), message.size());
        });
    });
    if (address.port == 0) {
        port_ = server_->bind_to_any_port(host_);
        if (port_ < 0) fail_system({"--serve"}, "cannot listen on " + host_ + ": no free port");
    } else {
        if (!server_->bind_to_port(host_, address.port))
            fail_system({"--serve"}, "cannot listen on " + host_ + ":" + std::to_string(address.port) +
                                         " (in use by another program? choose another port)");
        port_ = address.port;
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
}

ProofServer::~ProofServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string ProofServer::url() const {
    const std::string host = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
    return "http://" + host + ":" + std::to_string(port_) + "/";
}

void ProofServer::announce_rebuild() {
    {
        std::lock_guard lock(mutex_);
        ++rebuilds_;
    }
    changed_.notify_all();
}

std::uint64_t ProofServer::wait_for_rebuild(std::uint64_t seen, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopping_ || rebuilds_ != seen; });
    return rebuilds_;
}

}  // namespace koho::cli
