config = {"db": {"host": "localhost", "ports": [5432, 5433]}, "debug": False}
print(config["db"]["host"], config["db"]["ports"][1])
config["db"]["user"] = "admin"
print(config)
import_copy = {k: (dict(v) if isinstance(v, dict) else v) for k, v in config.items()}
import_copy["db"]["host"] = "remote"
print(config["db"]["host"], import_copy["db"]["host"])
print(len(config), list(config["db"]))
