// In-process and real-process runners for the command-line tests.
#include "cli_test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/cli.h"
#include "cli/compute_command.h"

namespace poolscope::test {

CliRun run_in_process(std::vector<std::string> args, const std::string& input) {
    args.insert(args.begin(), "poolscope");
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::istringstream in(input);
    std::ostringstream out, err;
    CliRun r;
    r.code = cli::run(static_cast<int>(args.size()), argv.data(), in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

namespace {

std::string temp_file() {
    char name[] = "/tmp/poolscope-cli-test-XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    return name;
}

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace

CliRun run_process(const std::vector<std::string>& args, const std::string& input) {
    const std::string in_path = temp_file(), err_path = temp_file();
    std::ofstream(in_path, std::ios::binary) << input;
    std::string command = shell_quote(POOLSCOPE_EXE);
    for (const std::string& a : args)
        command += " " + shell_quote(a);
    command += " < " + in_path + " 2> " + err_path;
    CliRun r;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[4096];
        size_t n = 0;
        while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
            r.out.append(buf, n);
        const int status = pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::ifstream err(err_path, std::ios::binary);
    r.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    std::remove(in_path.c_str());
    std::remove(err_path.c_str());
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

nlohmann::json answer(const std::string& line) {
    bool malformed = false;
    nlohmann::json a = nlohmann::json::parse(cli::answer_case(line, malformed));
    EXPECT_FALSE(malformed) << line;
    return a;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace poolscope::test
