"""All user-facing errors in one catalogue, each with a stable code.

The CLI prints ``error[CODE]: message`` on one line (traceback only with
``--debug``); the API turns them into 4xx answers; batch runs record them as
failure rows. Raise the specific subclass so callers can tell them apart.
"""

from __future__ import annotations


class LagebildError(Exception):
    code = "E000"
    #: exit status the CLI uses for this error
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message}"

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "error": type(self).__name__, "message": self.message, "source": self.source}


class InputError(LagebildError):
    """The input cannot be read as an article (empty, binary, undecodable, truncated)."""

    code = "E100"
    exit_code = 3


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class InputTooLargeError(InputError):
    code = "E104"


class MalformedInputError(InputError):
    """Broken container: truncated WARC/gzip, a JSON line that does not parse, unreadable HTML."""

    code = "E105"


class NoTextError(InputError):
    """The input parsed but held no article text (e.g. HTML with only navigation)."""

    code = "E106"


class UnsupportedLanguageError(InputError):
    code = "E107"


class HostNotAllowedError(InputError):
    """An API request whose Host header names no host this server answers (DNS-rebinding protection)."""

    code = "E108"


class ConfigError(LagebildError):
    code = "E200"
    exit_code = 2


class PipelineError(LagebildError):
    """A stage is missing a requirement or failed unexpectedly."""

    code = "E300"
    exit_code = 4


class ModelNotFoundError(PipelineError):
    code = "E301"


class ProvenanceError(PipelineError):
    """A stage produced a span whose offsets do not index the article text: the article is not stored."""

    code = "E302"


class StoreError(LagebildError):
    code = "E400"
    exit_code = 5


class RequestError(LagebildError):
    """An HTTP request the API refuses for a reason of its own (not the input's content); the API answers each
    with the status named on the subclass. The base class stands for any other refusal of the web framework
    (e.g. 405, a method a path does not take)."""

    code = "E500"
    status = 400


class AuthenticationError(RequestError):
    code = "E501"
    status = 401


class ForbiddenError(RequestError):
    """Read-only server, cross-origin write."""

    code = "E502"
    status = 403


class NotFoundError(RequestError):
    code = "E503"
    status = 404


class UnsupportedMediaTypeError(RequestError):
    code = "E504"
    status = 415


class ServerBusyError(RequestError):
    """No free request slot in time, or a query ran past its time limit: retry later."""

    code = "E505"
    status = 503


class RequestTimeoutError(RequestError):
    code = "E506"
    status = 504


class ParameterError(InputError):
    """A query parameter or body field fails the API's declared type or bounds (FastAPI's validation, 422)."""

    code = "E109"
