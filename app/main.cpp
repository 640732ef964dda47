// PoolScope's entry point: command-line commands run without a window; anything else opens the app.
#include <cstring>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
    if (argc > 1 && poolscope::cli::is_cli_command(argv[1]))
        return poolscope::cli::run(argc, argv, std::cin, std::cout, std::cerr);
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        poolscope::cli::print_usage(std::cout);
        return poolscope::cli::kExitOk;
    }
    std::cerr << "poolscope: the window is not built yet; try 'poolscope --help'\n";
    return poolscope::cli::kExitUsage;
}
