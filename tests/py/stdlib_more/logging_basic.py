# logging: the root logger's default output, basicConfig, logger tree,
# levels, handlers, formatters (% { $ styles), filters, exc_info, adapters.
import io
import logging
import sys

logging.warning("plain %s", "warning")       # basicConfig() implied: stderr
logging.info("not shown")
logging.error("an error: %d", 42)
print(logging.getLogger() is logging.root, logging.root, logging.getLevelName(20),
      logging.getLevelName("ERROR"), logging.getLevelName(25))

buf = io.StringIO()
logging.basicConfig(stream=buf, level=logging.DEBUG, force=True,
                    format="%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(message)s")
log = logging.getLogger("app")


def work():
    log.debug("debug %s", 1)
    log.info("info")
    log.warning("warn %(x)s", {"x": "dict-arg"})


work()
log.critical("critical")
logging.log(logging.INFO, "via log()")
print(buf.getvalue(), end="")

child = logging.getLogger("app.db")
grand = logging.getLogger("app.db.conn")
print(child.parent.name, grand.parent.name, logging.getLogger("app").getChild("db") is child)
middle = logging.getLogger("x.y.z")
top = logging.getLogger("x")
print(middle.parent is top, repr(child), repr(top))
child.setLevel(logging.ERROR)
print(child.getEffectiveLevel(), grand.getEffectiveLevel(), grand.isEnabledFor(logging.WARNING),
      log.isEnabledFor(logging.DEBUG))

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter("{levelname:<8} {name}: {message}", style="{"))
grand.addHandler(h)
grand.propagate = False
grand.error("to own handler")
grand.warning("filtered by level")
grand.addFilter(lambda r: "secret" not in r.getMessage())
grand.error("a secret message")
grand.error("public message")
h.setFormatter(logging.Formatter("$levelname - $message", style="$"))
grand.critical("template style")
f = logging.Filter("app.db")
print(f.filter(logging.makeLogRecord({"name": "app.db.conn"})), f.filter(logging.makeLogRecord({"name": "app.dbx"})))
try:
    1 / 0
except ZeroDivisionError:
    grand.exception("failed")
print(out.getvalue().split("Traceback")[0], end="")
print(out.getvalue().splitlines()[-1])

adapter = logging.LoggerAdapter(grand, {"user": "bob"})
h.setFormatter(logging.Formatter("%(user)s: %(message)s"))
adapter.error("adapted")
print(out.getvalue().splitlines()[-1], repr(adapter))

rec = logging.LogRecord("n", logging.WARNING, "/p/file.py", 7, "m %s %s", ("a", "b"), None)
print(rec.getMessage(), rec.levelname, rec.filename, rec.module, repr(rec))
print(logging.Formatter().format(rec), logging.Formatter("%(name)s:%(lineno)d").format(rec))
for bad in [lambda: logging.Formatter("%(x", validate=True), lambda: logging.Formatter(style="?"),
            lambda: logging.getLogger(5), lambda: log.setLevel("LOUD"),
            lambda: logging.basicConfig(bogus=1, force=True)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
null = logging.getLogger("quiet")
null.addHandler(logging.NullHandler())
null.propagate = False
null.error("nothing")
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
print(repr(logging.StreamHandler(io.StringIO())), repr(logging.NullHandler()))
print(buf.getvalue().count("\n"))

# Records nobody handles go to lastResort on stderr.
logging.root.handlers.clear()
logging.getLogger("orphan").warning("last resort")
logging.getLogger("orphan").info("dropped")
