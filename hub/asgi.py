"""ASGI entry for servers (uvicorn, gunicorn -k uvicorn.workers.UvicornWorker): reads LINDUNG_HUB_DB."""

from hub.app import create_app
from hub.db import database_url

app = create_app(database_url(None))
