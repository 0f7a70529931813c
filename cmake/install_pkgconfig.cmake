# Part of `cmake --install`: writes scalepol.pc for the prefix being installed into and installs
# it into <libdir>/pkgconfig. Run from the install script (cmake/install.cmake), which sets
# SCALEPOL_PC_TEMPLATE, SCALEPOL_PC_WORK_DIR, SCALEPOL_PC_LIBDIR, SCALEPOL_PC_INCLUDEDIR and
# SCALEPOL_PC_VERSION; CMAKE_INSTALL_PREFIX is the prefix of this installation.

# A directory under the prefix is written as ${prefix}/dir; an absolute one as it is.
function(_scalepol_pc_dir out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()

set(PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
_scalepol_pc_dir(PC_LIBDIR "${SCALEPOL_PC_LIBDIR}")
_scalepol_pc_dir(PC_INCLUDEDIR "${SCALEPOL_PC_INCLUDEDIR}")
set(PC_VERSION "${SCALEPOL_PC_VERSION}")

# One work file per destination: a test that installs while cpack stages must not share it.
string(MD5 _pc_key "$ENV{DESTDIR}|${CMAKE_INSTALL_PREFIX}")
set(_pc_file "${SCALEPOL_PC_WORK_DIR}/${_pc_key}/scalepol.pc")
configure_file("${SCALEPOL_PC_TEMPLATE}" "${_pc_file}" @ONLY)

if(IS_ABSOLUTE "${SCALEPOL_PC_LIBDIR}")
  set(_pc_dest "${SCALEPOL_PC_LIBDIR}/pkgconfig")
else()
  set(_pc_dest "${CMAKE_INSTALL_PREFIX}/${SCALEPOL_PC_LIBDIR}/pkgconfig")
endif()
# file(INSTALL) adds DESTDIR, prints the file and records it in install_manifest.txt.
file(INSTALL DESTINATION "${_pc_dest}" TYPE FILE FILES "${_pc_file}")
