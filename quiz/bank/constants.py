"""Constants shared by the question-bank generator: version, themed days, blank marker."""

from __future__ import annotations

# Bump when generated stems/options change, so rebuilt banks record which rules made them.
GENERATOR_VERSION = "1.2.0"

SCHEMA_VERSION = 1

# The six themed days of a 网络安全宣传周, in the order the national programme lists them.
THEMED_DAYS: dict[str, str] = {
    "campus": "校园日",
    "telecom": "电信日",
    "law": "法治日",
    "finance": "金融日",
    "youth": "青少年日",
    "privacy": "个人信息保护日",
}

# Facts about the week itself may fill any day's paper.
GENERAL_TAG = "general"

# One blank marker for every cloze stem (fill_blank and cloze-style choice questions).
BLANK = "____"

TRUE_FALSE_OPTIONS = ["正确", "错误"]

QUESTION_TYPES = ("single_choice", "multiple_choice", "true_false", "fill_blank")

STATUSES = ("approved", "draft", "retired")
