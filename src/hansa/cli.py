"""The ``hansa`` console command: ``hansa serve``, ``hansa demo``, ``hansa migrate``, and every
other Django management command (``hansa createsuperuser``, ``hansa check --deploy``...)."""

from __future__ import annotations

import os
import sys


def _serve(argv: list[str]) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    port = os.environ.get("PORT", "8000")
    host = os.environ.get("HOST", "127.0.0.1")
    from django.conf import settings

    # The trade messenger's WebSockets need ASGI. Without Redis the in-memory channel layer
    # only reaches sockets of its own process, so the embedded default runs one worker.
    workers = os.environ.get("WEB_CONCURRENCY", "2") if settings.REDIS_URL else "1"
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "hansa.asgi:application",
        "--worker-class",
        "uvicorn_worker.UvicornWorker",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "10",
        *argv,
    ]
    print(f"Hansa is serving on http://{host}:{port}/  (Ctrl+C stops it)", flush=True)
    os.execv(sys.executable, args)  # noqa: S606 - replaces this process with gunicorn


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hansa.settings.base")
    if argv and argv[0] == "serve":
        _serve(argv[1:])
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hansa", *argv])


if __name__ == "__main__":
    main()
