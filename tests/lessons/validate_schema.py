#!/usr/bin/python3
# Validates lesson files against lessons/schema.json (Debian's python3-jsonschema), so the schema and the loader
# stay in step: every file `poolscope check` accepts must also satisfy the schema.
#   /usr/bin/python3 tests/lessons/validate_schema.py lessons/schema.json lessons/*.json
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(e.path))
    for e in errors:
        print("%s: /%s: %s" % (path, "/".join(str(p) for p in e.path), e.message[:200]))
    print("%s: %s" % (path, "valid" if not errors else "%d schema errors" % len(errors)))
    failed += bool(errors)
sys.exit(1 if failed else 0)
