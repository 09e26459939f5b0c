// Small print layouts for the koho diff and koho proof tests, rendered by
// koho itself: a recruitment flyer of two or more A6 pages whose second page
// carries the one frame a reprint changes (the date of the information
// session), at a position the tests know in millimetres.
#pragma once

#include <string>

namespace koho::test {

// The changing frame on page 2, trim coordinates in mm.
struct FrameMm {
    double x, y, w, h;
};
inline constexpr FrameMm kDateFrame{10, 40, 70, 10};

inline std::string flyer_layout(const std::string& date, int pages = 2, const std::string& width = "100mm") {
    std::string json = R"({
  "type": "print",
  "title": "児童福祉職 説明会",
  "lang": "ja",
  "page": { "size": { "w": ")" + width + R"(", "h": "148mm" }, "bleed": "3mm", "marks": "tombo" },
  "fonts": { "gothic": "Noto Sans CJK JP" },
  "styles": { "body": { "font": "gothic", "size": "16Q", "leading": "24H", "color": "#231815" } },
  "pages": [
    { "frames": [
      { "id": "title", "type": "text", "style": "body", "x": "10mm", "y": "10mm", "w": "80mm", "h": "20mm",
        "text": "子どもの明日を、いっしょに支える仕事。" } ] },
    { "frames": [
      { "id": "date", "type": "text", "style": "body", "x": "10mm", "y": "40mm", "w": "70mm", "h": "10mm",
        "text": ")" + date + R"(" },
      { "id": "place", "type": "text", "style": "body", "x": "10mm", "y": "100mm", "w": "80mm", "h": "10mm",
        "text": "会場：県庁南庁舎 3階会議室" } ] })";
    for (int p = 3; p <= pages; ++p)
        json += R"(,
    { "frames": [
      { "id": "extra", "type": "rect", "x": "20mm", "y": "20mm", "w": "40mm", "h": "40mm", "fill": "#0f5e6e" } ] })";
    json += "\n  ]\n}\n";
    return json;
}

}  // namespace koho::test
