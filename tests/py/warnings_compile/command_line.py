# -W options and PYTHONWARNINGS turn compile-time warnings into errors,
# silence them or show them all.
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "_warned.py")
CALLS = os.path.join(HERE, "_warned_calls.py")

def run(*options, env_extra=None, script=SCRIPT):
    env = dict(os.environ)
    env.pop("PYTHONWARNINGS", None)
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([sys.executable, *options, script], capture_output=True,
                          text=True, cwd=HERE, env=env)
    err = proc.stderr.replace(HERE + os.sep, "")
    print("options", options, env_extra, "exit", proc.returncode)
    print(proc.stdout, end="")
    print(err, end="")

run()
run("-W", "error")
run("-W", "ignore")
run("-W", "always")
run("-Walways::DeprecationWarning")
run("-W", "error::DeprecationWarning")
run("-W", "ignore::SyntaxWarning")
run("-W", "bogus")
run(env_extra={"PYTHONWARNINGS": "error::SyntaxWarning"})
run("-E", env_extra={"PYTHONWARNINGS": "error"})
run(script=CALLS)
run("-W", "error", script=CALLS)
run("-W", "error::SyntaxWarning:_warned_calls", script=CALLS)
run("-W", "error:::other", script=CALLS)
run("-W", "once", script=CALLS)
