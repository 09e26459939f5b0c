/* A make depfile, as `gcc -MD -MP` writes one:

       output/flyer.pdf output/proofs/flyer-p1.png: \
        /abs/project/layouts/flyer.json \
        /abs/project/media/photos/cover.jpg
       /abs/project/layouts/flyer.json:
       /abs/project/media/photos/cover.jpg:
*/
// Targets are written as the command line named them, so that they are the
// very names the makefile's rule uses (make compares names, not files);
// dependencies are absolute. One dependency a line, sorted, so the file is
// the same from run to run; an empty rule for each dependency, so that make
// rebuilds instead of stopping when one is deleted or renamed. Characters
// make would read otherwise are escaped: space, '#', ':', '*', '?', '[',
// ']' with a backslash, '$' as "$$", and '%' in a target (where it would
// make a pattern rule). A name make cannot carry at all (a backslash, a
// newline or another control character) is an error, never a depfile that
// silently names another file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho {

// The depfile text. `targets` must not be empty. Throws koho::Error
// (BadInput) naming the first path make cannot express.
std::string make_depfile(const std::vector<std::filesystem::path>& targets,
                         const std::vector<std::filesystem::path>& dependencies);

// The prerequisites of a depfile's first rule, unescaped — what
// make_depfile wrote as `dependencies` (the targets and the empty rules
// after it are skipped). For koho's own depfiles: `koho watch` reads them to
// learn which files each output depends on. Returns nothing for text that
// has no rule.
std::vector<std::filesystem::path> read_depfile_prerequisites(const std::string& text);

}  // namespace koho
