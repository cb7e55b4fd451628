"""The one error type of the Open Badges library."""


class OpenBadgesError(Exception):
    """A badge image or payload that cannot be read, baked or checked; the message is for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
