#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema, with
the schema's formats (uri, uri-reference, date-time) checked.

usage: sarif_schema.py SCHEMA LOG...

Prints "schema OK: LOG" per valid log, or every violation (exit 1). Exits 2,
failing the test rather than skipping it, when format checking is not
available: jsonschema checks `format: uri` only with rfc3987 or
rfc3986-validator installed (scripts/setup.sh installs Debian's
python3-jsonschema and python3-rfc3987), and silently accepts any string
without them.
"""
import json
import sys

try:
    import jsonschema
except ImportError as error:
    print("sarif_schema: jsonschema is missing (%s); run scripts/setup.sh" % error)
    sys.exit(2)


def format_checker():
    """The format checker, after proving that it rejects a relative URI."""
    checker = jsonschema.FormatChecker()
    if "uri" not in checker.checkers or checker.conforms("docs/guide.md#s3.2", "uri"):
        print("sarif_schema: jsonschema cannot check 'format: uri' here; "
              "install python3-rfc3987 (scripts/setup.sh)")
        sys.exit(2)
    return checker


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=format_checker())
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path)
            print("schema INVALID: %s: /%s: %s" % (path, where, error.message))
        if not errors:
            print("schema OK: %s (%s)" % (path, validator_class.__name__))
        failed = failed or bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
