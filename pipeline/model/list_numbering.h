// List markers (箇条書き): numbers in the forms Japanese documents use, and
// the numbering of list paragraphs through a story.
#pragma once

#include <string>

#include "model/document.h"

namespace koho::model {

// 1 → "一", 10 → "十", 11 → "十一", 20 → "二十", 100 → "百", 2026 → "二千二十六",
// 10000 → "一万" (n from 1 to 99999999).
std::string kanji_numeral(int n);

// The marker of item number n: "3.", "③" (21 and up: "（21）"), "（3）", "三、".
std::string format_list_number(Numbering numbering, int n);

// Sets Paragraph::marker and Paragraph::list_continues through one story (a
// frame's text or content, or a table cell): consecutive list paragraphs
// count per level (an item of level L takes the next number of its level,
// the first one the style's `start`, and restarts every deeper level); a
// paragraph that is not a list item ends the list.
void number_lists(Story& story);

}  // namespace koho::model
