class ConfigError(Exception):
    pass
def read_port(cfg):
    try:
        return int(cfg["port"])
    except ValueError as e:
        raise ConfigError("bad port") from e
read_port({"port": "http"})
