// Contact sheets: every page and picture of a build on one sheet, each
// labelled with its file name and page number, for a last look before the
// files go out (the printer's PDFs, the proofs, the videos' thumbnails).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proof/sheet_text.h"

namespace koho::proof {

enum class SheetItemKind { PdfPage, Picture };

// One tile of the sheet.
struct SheetItem {
    SheetItemKind kind = SheetItemKind::Picture;
    std::filesystem::path file;
    std::string name;       // the label: the path as named, or relative to the directory named
    int page = 0;           // 1-based page of a PDF
    int pages = 0;          // the PDF's page count
    double width = 0;       // the trim box in mm (PDF) or the picture in pixels
    double height = 0;
};

// The tiles for `inputs`, in order: a file stands for itself (every page of
// a PDF; a PNG or JPEG), a directory for every PDF, PNG and JPEG under it,
// sorted by path (byte order), hidden files and folders left out (a
// `.koho-tmp-` file of a running render, output/.deps). Every file is
// opened now: one that is missing, of another kind (an MP4: name the
// thumbnail koho writes beside it) or unreadable is a koho::Error
// (BadInput); so is an empty result.
std::vector<SheetItem> collect_sheet_items(const std::vector<std::string>& inputs);

struct SheetOptions {
    int columns = 6;
    int tile_px = 240;       // PNG: a tile's width in pixels
    std::string title = "koho contact sheet";
};

// One PNG holding every tile (as tall as it needs to be).
std::string contact_sheet_png(const std::vector<SheetItem>& items, const SheetOptions& options,
                              const SheetText& text);

// A PDF of A3 landscape pages, as many as the tiles need; PDF pages are
// drawn as vectors. Dated by SOURCE_DATE_EPOCH or not at all.
std::string contact_sheet_pdf(const std::vector<SheetItem>& items, const SheetOptions& options,
                              const SheetText& text);

}  // namespace koho::proof
