// `poolscope export`: GIF, PNG and SVG pictures of a lesson step or a layer on a matrix, and the layer as
// code, with no window (the pictures are painted on the CPU). Lives beside the export code, not in app/cli
// (which links the core only): main.cpp hands run_export_command to cli::run, which dispatches `export` to
// it.
#pragma once

#include <iosfwd>

namespace poolscope::app {

int run_export_command(int argc, char** argv, std::ostream& out, std::ostream& err);
void print_export_usage(std::ostream& out);

}  // namespace poolscope::app
