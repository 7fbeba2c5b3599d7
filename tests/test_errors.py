import pytest

from cymap import names
from cymap._errors import (
    AmbiguousNameError,
    CymapError,
    DataValidationError,
    ExportError,
    ScenarioError,
    UnknownNameError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (DataValidationError, ValueError),
        (UnknownNameError, LookupError),
        (AmbiguousNameError, LookupError),
        (ScenarioError, ValueError),
    ],
)
def test_every_error_can_be_caught_as_cymap_error_or_as_the_builtin(error, builtin):
    for catch in (CymapError, builtin):
        msg = "message"
        with pytest.raises(catch):
            raise error(msg)


def test_export_errors_are_cymap_errors():
    msg = "no browser"
    with pytest.raises(CymapError):
        raise ExportError(msg)


def test_unknown_names_read_as_plain_text_with_their_suggestions():
    err = UnknownNameError("unknown place '永州'", suggestions=("永川区",))
    assert str(err) == "unknown place '永州'"  # not quoted like a KeyError
    assert err.suggestions == ("永川区",)
    with pytest.raises(UnknownNameError) as raised:
        names.resolve("永州")
    assert not str(raised.value).startswith('"')
    assert "永川区 (500118)" in raised.value.suggestions
