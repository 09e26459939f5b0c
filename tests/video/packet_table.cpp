// Packet tables read with libavformat (packet_table.h).
#include "video/packet_table.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/crc.h>
}

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace koho::test {
namespace {

struct PacketTableInputCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct PacketTablePacketFreer {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};

}  // namespace

PacketTable read_packet_table(const std::filesystem::path& path, const std::string& type) {
    AVFormatContext* raw = nullptr;
    if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0)
        throw std::runtime_error(path.string() + ": cannot open");
    std::unique_ptr<AVFormatContext, PacketTableInputCloser> input(raw);
    const AVMediaType wanted = type == "audio" ? AVMEDIA_TYPE_AUDIO : AVMEDIA_TYPE_VIDEO;
    const int index = av_find_best_stream(input.get(), wanted, -1, -1, nullptr, 0);
    if (index < 0) throw std::runtime_error(path.string() + ": no " + type + " stream");
    PacketTable table;
    table.num = input->streams[index]->time_base.num;
    table.den = input->streams[index]->time_base.den;
    const AVCRC* crc_table = av_crc_get_table(AV_CRC_32_IEEE_LE);
    std::unique_ptr<AVPacket, PacketTablePacketFreer> packet(av_packet_alloc());
    while (av_read_frame(input.get(), packet.get()) >= 0) {
        if (packet->stream_index == index) {
            PacketRow row;
            row.pts = packet->pts;
            row.dts = packet->dts;
            row.duration = packet->duration;
            row.key = packet->flags & AV_PKT_FLAG_KEY;
            row.size = packet->size;
            row.crc = av_crc(crc_table, 0xFFFFFFFFu, packet->data, static_cast<size_t>(packet->size)) ^ 0xFFFFFFFFu;
            table.rows.push_back(row);
        }
        av_packet_unref(packet.get());
    }
    return table;
}

std::vector<int64_t> sorted_pts(const PacketTable& table) {
    std::vector<int64_t> pts;
    for (const PacketRow& row : table.rows) pts.push_back(row.pts);
    std::sort(pts.begin(), pts.end());
    return pts;
}

}  // namespace koho::test
