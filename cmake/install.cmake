# `cmake --install BUILD [--prefix P]` and `cpack -G DEB` (issue 9, item 6).
#
#   P/bin/koho
#   P/share/koho/fonts/     the fonts koho ships: links to Debian's
#                           fonts-noto-cjk files (a dependency of the
#                           package), their licence beside them
#   P/share/koho/profiles/  the default press profile, built at set-up
#   P/share/koho/schema/    the layout and timeline JSON Schemas
#   P/share/doc/koho/       README and the user guide (docs/)
#
# koho finds share/koho from its own binary (core/data_dir.h), so the tree
# works under any prefix, and the .deb is that tree under /usr.
include(GNUInstallDirs)

install(TARGETS koho RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The Noto CJK files are Debian's (fonts-noto-cjk): linked, not copied, so
# the package stays small and the fonts follow Debian's updates.
set(KOHO_NOTO_DIR /usr/share/fonts/opentype/noto)
set(KOHO_FONT_DIR ${CMAKE_INSTALL_DATADIR}/koho/fonts)
install(CODE "
  file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${KOHO_FONT_DIR}\")
  foreach(font NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc NotoSerifCJK-Regular.ttc NotoSerifCJK-Bold.ttc)
    file(CREATE_LINK ${KOHO_NOTO_DIR}/\${font}
         \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${KOHO_FONT_DIR}/\${font}\" SYMBOLIC)
  endforeach()
  file(CREATE_LINK /usr/share/doc/fonts-noto-cjk/copyright
       \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${KOHO_FONT_DIR}/NotoCJK-LICENSE.txt\" SYMBOLIC)
")
install(FILES fonts/README.md DESTINATION ${KOHO_FONT_DIR})

set(KOHO_PROFILE ${CMAKE_SOURCE_DIR}/profiles/koho-FOGRA39L.icc)
install(FILES ${KOHO_PROFILE} profiles/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/koho/profiles)
install(CODE "
  if(NOT EXISTS \"${KOHO_PROFILE}\")
    message(FATAL_ERROR \"profiles/koho-FOGRA39L.icc is missing: run scripts/build-profile.sh (make build does)\")
  endif()
")
install(DIRECTORY layouts/schema/ DESTINATION ${CMAKE_INSTALL_DATADIR}/koho/schema)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# The Debian package: its library dependencies found by dpkg-shlibdeps
# (dpkg-dev); by hand, the fonts' package and Ghostscript, which koho
# preflight spawns to measure ink coverage (print/separations.cpp).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME koho)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "koho")
set(CPACK_PACKAGE_CONTACT "koho maintainers <koho@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "batch engine for print and media assets: JSON layouts to print-ready PDF, timelines to video")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "koho renders JSON layouts into print-ready PDF/X (Japanese typesetting after W3C JLReq,\n trim marks, CMYK, preflight) and JSON timelines into upload-ready MP4, in batch.")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, ghostscript")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
