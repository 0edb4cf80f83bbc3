"""Form fields whose parse errors are in Chinese, shared by the organizer's forms.

Dates and times outside :data:`YEARS` are refused as typing mistakes.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DateTimeLocalField,
    IntegerField,
    SelectChoice,
    SelectMultipleField,
)
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import CheckboxInput, ListWidget

# Typed dates outside these years are mistakes, and year 1 or 9999 overflows once converted to
# UTC or moved by a day.
YEARS = range(2000, 2100)


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices (plain tuples are deprecated in WTForms 3.3)."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class LocalDateTimeField(DateTimeLocalField):
    """A datetime-local input whose parse error is in Chinese."""

    def __init__(self, label=None, validators=None, **kwargs):
        # The first format is the one rendered: browsers want 2021-10-12T09:00 (no seconds).
        kwargs.setdefault("format", ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("请输入有效的日期和时间。")) from error
        _check_year(self)


class ChineseDateField(DateField):
    """A date input whose parse error is in Chinese."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("请输入有效的日期。")) from error
        _check_year(self)


def _check_year(field) -> None:
    """Clear and refuse a parsed date whose year is outside :data:`YEARS`."""
    if field.data is not None and field.data.year not in YEARS:
        field.data = None
        raise ValueError(_l("年份须在%(first)s到%(last)s之间。", first=YEARS[0], last=YEARS[-1]))


class WholeNumberField(IntegerField):
    """An integer input whose parse error is in Chinese."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("请输入整数。")) from error


class CheckboxListField(SelectMultipleField):
    """Several choices as a list of checkboxes (themed days, hand-picked questions)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def number_field(label, low: int, high: int, missing, out_of_range, **kwargs) -> WholeNumberField:
    """A required whole number between ``low`` and ``high`` (Chinese messages)."""
    validators = [InputRequired(missing), NumberRange(low, high, out_of_range)]
    return WholeNumberField(label, validators=validators, **kwargs)
