#!/usr/bin/python3
# Every Python module that tests/ and scripts/ import must be there on a fresh Debian 12 after
# scripts/setup-deps.sh: the standard library, a sibling file (xapp, gen_golden), or a module whose Debian
# package setup-deps.sh installs. PyTorch is optional (POOLSCOPE_WITH_TORCH=1): a file importing it must say
# `# setup: needs torch` and, if a CMakeLists.txt runs it, that CMakeLists must first check `import torch`.
# Usage: check_python_deps.py ROOT   (ROOT holds tests/, scripts/ and scripts/setup-deps.sh)
import ast
import pathlib
import re
import sys

# Import name -> the Debian package that provides it.
DEBIAN = {
    "numpy": "python3-numpy",
    "PIL": "python3-pil",
    "jsonschema": "python3-jsonschema",
    "torch": "python3-torch",
    "yaml": "python3-yaml",
    "scipy": "python3-scipy",
    "fontTools": "python3-fonttools",
    "nbformat": "python3-nbformat",
    "nbclient": "python3-nbclient",
}
TORCH_MARK = "# setup: needs torch"


def setup_packages(setup: pathlib.Path):
    """The packages setup-deps.sh always installs, and those it installs only when asked (torch)."""
    text = setup.read_text()
    block = re.search(r"^packages=\((.*?)^\)", text, re.S | re.M)
    always = set(block.group(1).split()) if block else set()
    optional = set(re.findall(r"packages\+=\(([^)]*)\)", text))
    return always, {p for group in optional for p in group.split()}


def imported_modules(path: pathlib.Path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def runners(root: pathlib.Path, name: str):
    """CMakeLists.txt files under tests/ that name the script outside a comment."""
    def code(text):
        return "\n".join(line.split("#")[0] for line in text.splitlines())
    return [c for c in (root / "tests").rglob("CMakeLists.txt") if name in code(c.read_text())]


def check(root: pathlib.Path):
    always, optional = setup_packages(root / "scripts" / "setup-deps.sh")
    problems = []
    files = sorted(p for d in ("tests", "scripts") if (root / d).is_dir() for p in (root / d).rglob("*.py"))
    files = [f for f in files if "fixtures" not in f.relative_to(root).parts]
    local = {f.stem for f in files}  # helpers one script puts on sys.path for another (xapp, gui_driver)
    # The project's own Python packages (python/poolscope), which their tests put on sys.path.
    local |= {p.parent.name for p in (root / "python").glob("*/__init__.py")} if (root / "python").is_dir() else set()
    for path in files:
        rel = path.relative_to(root)
        needs_torch = False
        for line, module in imported_modules(path):
            if module in sys.stdlib_module_names or module in local:
                continue
            package = DEBIAN.get(module)
            if package is None:
                problems.append(f"{rel}:{line}: '{module}' is neither standard library nor mapped to a Debian "
                                "package (add it to DEBIAN in this checker and to scripts/setup-deps.sh)")
            elif package in always:
                continue
            elif package in optional:
                needs_torch = True
            else:
                problems.append(f"{rel}:{line}: '{module}' needs {package}, which scripts/setup-deps.sh does not "
                                "install")
        if not needs_torch:
            continue
        if TORCH_MARK not in path.read_text():
            problems.append(f"{rel}: imports torch (optional in setup-deps.sh) without '{TORCH_MARK}'")
        for cmake in runners(root, path.name):
            if 'import torch' not in cmake.read_text():
                problems.append(f"{rel}: run by {cmake.relative_to(root)} without first checking 'import torch'")
    return files, problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    files, problems = check(root)
    for p in problems:
        print(p)
    if not files:
        print(f"no Python files under {root}/tests or {root}/scripts")
        return 1
    print(f"{len(files)} Python files checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
