# `cmake --install` and the Debian package (cpack): the program in bin/, its data in
# share/careermap/ (where the program looks for it, beside its own bin/: tools/cli.hpp
# data_dir()), the manual page made from the command table in share/man/man1/.
install(TARGETS careermap RUNTIME DESTINATION bin)
install(DIRECTORY questionnaires templates DESTINATION share/careermap)
install(FILES ${CMAKE_BINARY_DIR}/careermap.1 DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME careermap)
set(CPACK_PACKAGE_VENDOR "careermap")
set(CPACK_PACKAGE_CONTACT "careermap maintainers <careermap@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "questionnaire answers to a personal improvement career map (PDF)")
set(CPACK_PACKAGE_DESCRIPTION
  "careermap reads a questionnaire and each participant's answers, reports every problem of every\n file, places each participant on the 12-scene improvement matrix and renders a Japanese-first\n PDF career map, a blank paper form and a cohort report.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # careermap_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# The shared libraries the program links, as Debian names them (dpkg-shlibdeps), and the
# font it draws with, so that apt on a fresh Debian 12 installs what is missing.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-ipaexfont-gothic")
set(CPACK_STRIP_FILES ON)
include(CPack)
