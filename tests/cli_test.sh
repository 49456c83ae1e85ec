#!/bin/sh
# cli_test.sh - the command-line behaviours of the gilpy binary.
#
#     tests/cli_test.sh build/gilpy
#
# Each case runs the binary with some arguments (and stdin) and checks the
# exit status, and stdout or stderr, against what CPython 3.11 does for the
# same command line (the version and help texts are gilpy's own). Prints one
# PASS/FAIL line per case and, last, `N passed, N failed`; exits 1 if any
# case failed.

set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 path/to/gilpy" >&2
    exit 2
fi
case "$1" in
    /*) GILPY="$1" ;;
    *) GILPY="$(pwd)/$1" ;;
esac
if [ ! -x "$GILPY" ]; then
    echo "$0: $GILPY is not an executable" >&2
    exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gilpy-cli.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT INT TERM
cd "$WORK" || exit 2
WORK="$(pwd -P)"

passed=0
failed=0
OUT="$WORK/out"
ERR="$WORK/err"

# run STDIN-TEXT ARGS... : runs gilpy, leaving stdout in $OUT, stderr in
# $ERR and the exit status in $status. STDIN-TEXT "-" means /dev/null.
run() {
    input="$1"
    shift
    if [ "$input" = "-" ]; then
        "$GILPY" "$@" </dev/null >"$OUT" 2>"$ERR"
    else
        printf '%s' "$input" | "$GILPY" "$@" >"$OUT" 2>"$ERR"
    fi
    status=$?
}

pass() {
    passed=$((passed + 1))
    echo "PASS $1"
}

fail() {
    failed=$((failed + 1))
    echo "FAIL $1: $2"
    echo "  status: $status"
    sed 's/^/  stdout: /' "$OUT" | head -5
    sed 's/^/  stderr: /' "$ERR" | head -5
}

# expect NAME STATUS STDOUT: exact stdout (one line, or several with \n).
expect() {
    name="$1"
    want_status="$2"
    want_out="$(printf '%b' "$3")"
    got_out="$(cat "$OUT")"
    if [ "$status" != "$want_status" ]; then
        fail "$name" "expected status $want_status"
    elif [ "$got_out" != "$want_out" ]; then
        fail "$name" "expected stdout '$want_out'"
    else
        pass "$name"
    fi
}

# expect_err NAME STATUS TEXT: stderr must contain TEXT.
expect_err() {
    name="$1"
    want_status="$2"
    if [ "$status" != "$want_status" ]; then
        fail "$name" "expected status $want_status"
    elif ! grep -qF -- "$3" "$ERR"; then
        fail "$name" "expected stderr to contain '$3'"
    else
        pass "$name"
    fi
}

mkdir -p "$WORK/pkg"
cat >"$WORK/pkg/script.py" <<'EOF'
import sys
print(sys.argv)
print(sys.path[0])
if __name__ == '__main__':
    print('main')
EOF
cat >"$WORK/mod.py" <<'EOF'
import sys
print(__name__, sys.argv[1:])
EOF

# -c
run - -c 'print(1 + 1)'
expect "-c runs code" 0 "2"
run - -c 'import sys; print(sys.argv)' a b
expect "-c argv" 0 "['-c', 'a', 'b']"
run - -c 'import sys; print(repr(sys.path[0]))'
expect "-c path0 is empty" 0 "''"
run - -cprint\(7\)
expect "-c glued to its argument" 0 "7"
run - -uc 'print("u")'
expect "-u clustered with -c" 0 "u"
run - -c
expect_err "-c without argument" 2 "Argument expected for the -c option"
run - -c 'print(__name__)'
expect "-c __name__" 0 "__main__"

# Scripts
run - pkg/script.py x y
expect "script argv and path0" 0 "['pkg/script.py', 'x', 'y']\n$WORK/pkg\nmain"
run - "$WORK/pkg/script.py"
expect "absolute script" 0 "['$WORK/pkg/script.py']\n$WORK/pkg\nmain"
run - -- pkg/script.py -c
expect "-- ends options" 0 "['pkg/script.py', '-c']\n$WORK/pkg\nmain"
run - nosuch.py
expect_err "missing script" 2 "can't open file '$WORK/nosuch.py': [Errno 2] No such file or directory"
run - -m mod a
expect "-m runs a module as __main__" 0 "__main__ ['a']"
run - -m nosuchmodule
expect_err "-m of a missing module" 1 "No module named nosuchmodule"
run - -m 'not a name'
expect_err "-m of something that is no module name" 1 "No module named not a name"
# A module of the frozen library runs through runpy, as __main__, with
# sys.argv[1:] its arguments.
cat >"$WORK/dt.py" <<'EOF'
def f():
    """
    >>> f() + 1
    2
    >>> f()
    2
    """
    return 1
EOF
run - -m doctest "$WORK/dt.py"
if [ "$status" = 1 ] && grep -qF "1 of   2 in dt.f" "$OUT"; then
    pass "-m of a frozen library module"
else
    fail "-m of a frozen library module" "expected doctest's failure report"
fi
run - -m doctest -v "$WORK/dt.py"
if [ "$status" = 1 ] && grep -q "^Trying:" "$OUT"; then
    pass "-m passes the arguments after the module"
else
    fail "-m passes the arguments after the module" "expected doctest's verbose report"
fi

# stdin
run 'import sys; print(sys.argv)' - x
expect "- reads stdin" 0 "['-', 'x']"
run 'import sys; print(sys.argv, repr(sys.path[0]))'
expect "piped stdin" 0 "[''] ''"

# Options
run - -V
expect "-V" 0 "gilpy 0.1.0 (Python 3.11 compatible)"
run - --version
expect "--version" 0 "gilpy 0.1.0 (Python 3.11 compatible)"
run - -h
if [ "$status" = 0 ] && head -1 "$OUT" | grep -q '^usage: '; then pass "-h"; else fail "-h" "usage on stdout"; fi
run - -Z
expect_err "unknown option" 2 "Unknown option: -Z"
run - --nosuch
expect_err "unknown long option" 2 "unknown option --nosuch"
run - -X foo=bar -X baz -c 'import sys; print(sys._xoptions)'
expect "-X options" 0 "{'foo': 'bar', 'baz': True}"
run - -X
expect_err "-X without argument" 2 "Argument expected for the -X option"
run - -E -I -B -s -S -q -c 'print("flags ok")'
expect "accepted flags" 0 "flags ok"
run - -u -c 'import sys; sys.stdout.write("a"); sys.stderr.write("b"); print()'
expect "-u" 0 "a"

# Exit statuses
run - -c 'raise SystemExit(3)'
expect "SystemExit(3)" 3 ""
run - -c 'import sys; sys.exit()'
expect "sys.exit()" 0 ""
run - -c 'import sys; sys.exit(None)'
expect "sys.exit(None)" 0 ""
run - -c 'import sys; sys.exit(True)'
expect "sys.exit(True)" 1 ""
run - -c 'import sys; print("out"); sys.exit("bye")'
expect "sys.exit(str) stdout" 1 "out"
run - -c 'import sys; sys.exit("bye")'
expect_err "sys.exit(str) message" 1 "bye"
run - -c 'exit(4)'
expect "exit() builtin" 4 ""
run - -c '1/0'
expect_err "uncaught exception" 1 "ZeroDivisionError: division by zero"
run - -c 'print("before"); 1/0'
expect "output before a traceback is flushed" 1 "before"
run - -c 'def f(:'
expect_err "syntax error" 1 "SyntaxError"

# PYTHONPATH: its directories follow sys.path[0], made absolute against the
# current directory ('' is the current directory itself) and normalised;
# -E and -I ignore it; -P leaves out the script directory in front.
mkdir -p "$WORK/extra"
printf 'print("found in PYTHONPATH")\n' >"$WORK/extra/ppmod.py"
PYTHONPATH="extra" run - -c 'import ppmod'
expect "PYTHONPATH is searched" 0 "found in PYTHONPATH"
PYTHONPATH="extra::./extra/../extra/:$WORK//extra" run - -c 'import sys; print(sys.path)'
expect "PYTHONPATH entries absolute, normalised, once" 0 "['', '$WORK/extra', '$WORK']"
PYTHONPATH="extra" run - -E -c 'import sys; print(sys.path)'
expect "-E ignores PYTHONPATH" 0 "['']"
PYTHONPATH="extra" run - -P -c 'import sys; print(sys.path)'
expect "-P: no path0, PYTHONPATH first" 0 "['$WORK/extra']"
PYTHONPATH="extra" run - -I -c 'import sys; print(sys.path)'
expect "-I: neither" 0 "[]"

# Output to a closed pipe must not crash: CPython exits with 1 or 120.
"$GILPY" -c 'for i in range(200000): print(i)' 2>"$ERR" | head -1 >"$OUT"
status=$(grep -c 'Segmentation\|Abort\|AddressSanitizer' "$ERR")
expect "closed pipe" 0 "0"

# Buffered output into a file arrives complete.
"$GILPY" -c 'for i in range(20000): print(i)' >"$WORK/big" 2>"$ERR"
status=$?
lines=$(wc -l <"$WORK/big" | tr -d ' ')
printf '%s' "$lines" >"$OUT"
expect "block-buffered file output" 0 "20000"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
