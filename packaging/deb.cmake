# `make deb`: build/poolscope_<version>_<arch>.deb, made by CPack (cpack -G DEB) from the install rules of
# packaging/CMakeLists.txt under /usr, so the package and `make install` cannot disagree on the layout.
# Depends: what dpkg-shlibdeps finds the executable linking; libGL, which the glad loader opens at run time
# (dlopen: invisible to dpkg-shlibdeps); and the fonts the app asks fontconfig for (DejaVu Sans for Latin
# text and the exports; WenQuanYi Micro Hei, else Noto Sans CJK SC, for Chinese).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME poolscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${POOLSCOPE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "step-by-step visualizer of 2D pooling layers, exact to PyTorch")
# Debian's control format: lines under 80 columns (CPack does not wrap them), an empty line between paragraphs.
set(CPACK_PACKAGE_DESCRIPTION [[
PoolScope teaches how max and average pooling work, for students of Dive into
Deep Learning (D2L), in English and Chinese. The pooling window slides over an
input matrix you can edit, every output cell is computed in front of you, and
kernel size, stride, padding, dilation and ceil_mode change live, with the
output-size formula worked out with your numbers. Every number matches
PyTorch 1.13.

It includes the D2L pooling lessons, the backward pass and MaxUnpool views,
the TensorFlow, ONNX and MXNet conventions, GIF, PNG and SVG exports, and the
poolscope command line (compute, shape, check, fmt, export).]])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)  # 0755 whatever the umask

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # poolscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1, fonts-dejavu-core, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
