"""Where time zone files are looked for: TZPATH, and the checks a key
passes before it is joined to a directory of it."""

import os

# CPython's configure default, which Debian's build keeps.
_DEFAULT_TZPATH = "/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo"

TZPATH = ()


class InvalidTZPathWarning(RuntimeWarning):
    """Warning raised if an invalid path is specified in PYTHONTZPATH."""


def _relative_paths_message(paths):
    relative = [p for p in paths if not os.path.isabs(p)]
    return ("Paths should be absolute but found the following relative paths:"
            + "".join("\n    " + p for p in relative))


def _from_string(value):
    if not value:
        return ()
    paths = value.split(os.pathsep)
    absolute = tuple(p for p in paths if os.path.isabs(p))
    if len(absolute) != len(paths):
        import warnings
        warnings.warn("Invalid paths specified in PYTHONTZPATH environment variable. "
                      + _relative_paths_message(paths), InvalidTZPathWarning, stacklevel=3)
    return absolute


def reset_tzpath(to=None):
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, not {type(to)}: {to!r}")
        if not all(map(os.path.isabs, to)):
            raise ValueError(_relative_paths_message(to))
        paths = to
    else:
        value = os.environ.get("PYTHONTZPATH")
        paths = _from_string(value if value is not None else _DEFAULT_TZPATH)
    TZPATH = tuple(paths)


def check_key(key):
    """A key must name a file below a TZPATH directory, as written."""
    if os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    normal = os.path.normpath(key)
    if len(normal) != len(key):
        raise ValueError(f"ZoneInfo keys must be normalized relative paths, got: {key}")
    if normal == ".." or normal.startswith("../"):
        raise ValueError(f"ZoneInfo keys must refer to subdirectories of TZPATH, got: {key}")


def find_tzfile(key):
    check_key(key)
    for directory in TZPATH:
        path = os.path.join(directory, key)
        if os.path.isfile(path):
            return path
    return None


def _is_tzif(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"TZif"
    except Exception:
        return False


def available_timezones():
    """Returns a set containing all available time zones.

    Every file under the TZPATH directories is opened to check it is a
    TZif file, so this may take a while.
    """
    zones = set()
    for root_dir in TZPATH:
        if not os.path.exists(root_dir):
            continue
        for root, dirs, files in os.walk(root_dir):
            if root == root_dir:
                # Copies of the database with other conventions.
                for special in ("right", "posix"):
                    if special in dirs:
                        dirs.remove(special)
            for name in files:
                path = os.path.join(root, name)
                key = os.path.relpath(path, start=root_dir)
                if key and key not in zones and _is_tzif(path):
                    zones.add(key)
    zones.discard("posixrules")
    return zones


reset_tzpath()
