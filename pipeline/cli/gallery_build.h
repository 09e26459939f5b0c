// The proof gallery of an output folder, whole: proof/gallery.h collects
// the assets and writes the page; this adds what needs modules proof/ does
// not use — koho's preflight of each print PDF (print/preflight.h, its
// findings kept in OUTPUT/.gallery/ keyed by the PDF's bytes, so that an
// unchanged PDF is not preflighted again) and the videos' facts
// (video/media_input.h). Shared by `koho gallery`, `make assets` (through
// it) and `koho watch`, which regenerates the page after each rebuild.
#pragma once

#include <filesystem>

#include "proof/gallery.h"

namespace koho::cli {

// Every asset of `output_dir` with its findings and facts; `page` (the
// gallery's own file, if inside the folder) is left out of the list.
proof::GalleryInput gather_gallery(const std::filesystem::path& output_dir, const std::filesystem::path& page);

// Writes the gallery of `output_dir` to `page` (default OUTPUT/index.html)
// atomically; the same files give the same bytes (the time is shown only
// when SOURCE_DATE_EPOCH is set). Throws koho::Error: BadInput for a
// missing folder or a PDF that cannot be read, Failure when the page
// cannot be written.
void write_gallery(const std::filesystem::path& output_dir, const std::filesystem::path& page = {});

}  // namespace koho::cli
