// Packet tables: every packet of an encoded file as its container gives it
// back (libavformat, no decoding) — times, flags, size and a checksum of
// its bytes — so that two files can be compared packet for packet: the
// same frames at the same times, the same audio bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace koho::test {

struct PacketRow {
    int64_t pts = 0;
    int64_t dts = 0;
    int64_t duration = 0;
    bool key = false;
    int size = 0;
    uint32_t crc = 0;  // CRC-32 (IEEE) of the packet's bytes

    bool operator==(const PacketRow&) const = default;
};

struct PacketTable {
    int num = 0, den = 1;          // the stream's time base
    std::vector<PacketRow> rows;   // in file (decode) order
};

// The packets of the first stream of `type` ("video" or "audio"). Throws
// std::runtime_error naming the file when it cannot be read or has no such
// stream.
PacketTable read_packet_table(const std::filesystem::path& path, const std::string& type);

// The pts of every row, sorted: the frames' display times.
std::vector<int64_t> sorted_pts(const PacketTable& table);

}  // namespace koho::test
