"""Generic block rules for text: each module owns one kind of boilerplate.

A rule is a pure function `Page -> dict[block index, Mark]`.
"""
