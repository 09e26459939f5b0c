# Writes OUTPUT, a C++ file defining `extern const char* const SYMBOL` in
# namespace koho::model with the bytes of INPUT, so that the installed binary
# never reads the source tree. Run with cmake -P at build time.
file(READ "${INPUT}" content)
set(delimiter "koho_embed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_file.cmake; do not edit.\n"
  "namespace koho::model {\n"
  "extern const char* const ${SYMBOL};\n"
  "const char* const ${SYMBOL} = R\"${delimiter}(${content})${delimiter}\";\n"
  "}  // namespace koho::model\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
