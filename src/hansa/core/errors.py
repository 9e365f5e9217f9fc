"""Errors that services raise and that views and the API turn into clear messages."""

from __future__ import annotations


class BusinessError(Exception):
    """A rule of the business refused the request; ``field`` names the input at fault."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(BusinessError):
    """Uniform answer for "does not exist" and "not yours": nobody can probe other companies."""

    status_code = 404

    def __init__(self, message: str = "Not found.") -> None:
        super().__init__(message)


class Forbidden(BusinessError):
    status_code = 403

    def __init__(self, message: str = "You do not have permission to do this.") -> None:
        super().__init__(message)
