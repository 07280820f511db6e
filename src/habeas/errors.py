"""The Habeas error tree.

Every failure a user can meet has a stable ``code`` so that the CLI can map it
to an exit status and a message, and the web API can map it to an HTTP status
and a JSON body, without either of them parsing message text.
This module imports nothing from the rest of the package.
"""

from __future__ import annotations


class HabeasError(Exception):
    """Base of every error Habeas raises on purpose."""

    code = "habeas_error"
    http_status = 500

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def to_dict(self) -> dict[str, str]:
        body = {"code": self.code, "message": self.message}
        if self.path:
            body["path"] = self.path
        return body


class ConfigurationError(HabeasError):
    code = "configuration_error"


class InputError(HabeasError):
    """A file or request that Habeas cannot accept; never a bug in Habeas."""

    code = "bad_input"
    http_status = 400


class UnsupportedFormat(InputError):
    code = "unsupported_format"
    http_status = 415


class EmptyFile(InputError):
    code = "empty_file"


class FileTooLarge(InputError):
    code = "file_too_large"
    http_status = 413


class CorruptFile(InputError):
    code = "corrupt_file"


class EncryptedFile(InputError):
    code = "encrypted_file"


class NoTextLayer(InputError):
    code = "no_text_layer"


class UnreadablePath(InputError):
    code = "unreadable_path"


class NotFound(HabeasError):
    code = "not_found"
    http_status = 404


class Conflict(HabeasError):
    """A write that would overwrite someone else's change."""

    code = "conflict"
    http_status = 409


class ValidationFailed(InputError):
    code = "validation_failed"
    http_status = 422
