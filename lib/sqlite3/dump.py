"""Connection.iterdump(): the database as the SQL text that rebuilds it."""


def _quote_name(name):
    return '"' + name.replace('"', '""') + '"'


def _iterdump(connection):
    """Yields SQL statements, one per line, for the schema and the rows of
    every table, then the indexes, triggers and views, in one transaction."""
    cursor = connection.cursor()
    yield "BEGIN TRANSACTION;"
    tables = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql NOT NULL AND type == 'table' "
        "ORDER BY name").fetchall()
    for name, sql in tables:
        if name == "sqlite_sequence":
            yield 'DELETE FROM "sqlite_sequence";'
        elif name == "sqlite_stat1":
            yield 'ANALYZE "sqlite_master";'
        elif name.startswith("sqlite_"):
            continue
        elif sql.startswith("CREATE VIRTUAL TABLE"):
            continue
        else:
            yield sql + ";"
        quoted = _quote_name(name)
        columns = [info[1] for info in
                   cursor.execute("PRAGMA table_info(" + quoted + ")").fetchall()]
        values = "||','||".join("quote(" + _quote_name(c) + ")" for c in columns)
        query = "SELECT 'INSERT INTO ' || %s || ' VALUES(' || %s || ')' FROM %s" % (
            "'" + quoted.replace("'", "''") + "'", values, quoted)
        for (line,) in cursor.execute(query).fetchall():
            yield line + ";"
    others = cursor.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE sql NOT NULL AND "
        "type IN ('index', 'trigger', 'view')").fetchall()
    for name, kind, sql in others:
        yield sql + ";"
    yield "COMMIT;"
