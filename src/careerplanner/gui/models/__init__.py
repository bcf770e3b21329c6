"""Qt item models over the session's data: thin, rebuilt with ``set_rows()``."""
