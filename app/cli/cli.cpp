#include "cli/cli.h"

#include <iostream>

#include "cli/check_command.h"
#include "cli/compute_command.h"
#include "cli/fmt_command.h"
#include "cli/shape_command.h"

namespace poolscope::cli {

bool is_cli_command(std::string_view first_arg) {
    return first_arg == "compute" || first_arg == "shape" || first_arg == "check" || first_arg == "fmt" ||
           first_arg == "export" || first_arg == "--version";
}

void print_usage(std::ostream& out) {
    out << "usage: poolscope [options]            open the PoolScope window\n"
           "       poolscope compute              pool JSON Lines cases from stdin (see compute --help)\n"
           "       poolscope shape --in 4 --kernel 3 [--stride 2] [--padding 1] [--dilation 1] "
           "[--ceil-mode]\n"
           "                                      print the output-size walkthrough\n"
           "       poolscope check [--strict] FILE_OR_DIR...\n"
           "                                      validate lessons, verify their expected results and quiz\n"
           "                                      answers, warn of give-aways (--strict: warnings fail)\n"
           "       poolscope fmt [--check] FILE_OR_DIR...\n"
           "                                      write lessons in the canonical style (--check: list "
           "changes)\n"
           "       poolscope export (--lesson FILE --step N | --params JSON --input MATRIX) OUTPUTS\n"
           "                                      GIF, PNG or SVG of a step, the layer as code (export "
           "--help)\n"
           "       poolscope --version\n";
}

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err,
        Command export_command) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "--version") {
        out << "poolscope " << POOLSCOPE_VERSION << "\n";
        return kExitOk;
    }
    if (command == "compute") return run_compute(argc, argv, in, out, err);
    if (command == "shape") return run_shape(argc, argv, out, err);
    if (command == "check") return run_check(argc, argv, out, err);
    if (command == "fmt") return run_fmt(argc, argv, out, err);
    if (command == "export") {
        if (export_command) return export_command(argc, argv, out, err);
        err << "poolscope: this program was built without exports\n";
        return kExitUsage;
    }
    err << "poolscope: unknown command '" << command << "'\n";
    print_usage(err);
    return kExitUsage;
}

}  // namespace poolscope::cli
