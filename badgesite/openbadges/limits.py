"""Size bounds, in one place, so a hostile or broken file costs bounded memory and time."""

MIB = 1024 * 1024

#: Largest badge image (PNG or SVG) read or baked; real badges are a few hundred KiB at most.
MAX_IMAGE_BYTES = 32 * MIB

#: Largest badge payload (JSON, JWS or URL), and the most a compressed text chunk may inflate to.
MAX_PAYLOAD_BYTES = 4 * MIB


def describe_size(size: int) -> str:
    """Say a byte count the way the error messages do (``33.0 MiB``, ``512 bytes``)."""
    if size < 1024:
        return f"{size} bytes"
    if size < MIB:
        return f"{size / 1024:.1f} KiB"
    return f"{size / MIB:.1f} MiB"


#: Deepest nesting of arrays and objects in badge JSON; real assertions nest fewer than 10 levels.
MAX_JSON_DEPTH = 64

#: Most digits of an integer in badge JSON: Python's own default limit, fixed here so that no setting changes it.
MAX_JSON_INTEGER_DIGITS = 4300
