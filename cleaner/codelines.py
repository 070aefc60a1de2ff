"""Lines shaped like code, and runs of them: a definition, a declaration, an import,
a control line, a call or an assignment, a bracket opened at a line's end or closed
alone. A sentence (prose) or a title ends a run."""

from __future__ import annotations

import re
from collections.abc import Sequence

CODE_RUN_MIN_LINES = 2
"""Lines shaped like code that make a code run; a lone `main()` or `}` is not one."""

CODE_GAP_MAX = 2
"""Lines that are not code-shaped but not prose either (`end tell`, `activate`, a
string's middle) stay in a code run when code-shaped lines come on both sides within
this many lines."""

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

CODE_LINE_MAX_CHARS = 400
"""A longer line is not read as code: a dump that ran a block of code into one line
holds no run of lines to keep together, and a bound keeps every pattern below linear
in the page (`scripts/fuzz.py regexes`)."""

_CODE_SHAPE_LIST = (
    r"(?:async\s+)?(?:def|fn|func|function)\s+[\w$]+\s*[(<]",
    r"class\s+\w+\s*[(:{<]",
    r"(?:pub\s+)?(?:struct|enum|impl|trait|interface)\s+\w+.*\{$",
    r"(?:let|const|var)\s+(?:mut\s+)?[\w$]+\s*(?::[^=]+)?=",
    r"import\s+[\w.]+(?:\s+as\s+\w+)?;?$",
    r"import\s.*\sfrom\s+['\"]",
    r"from\s+[\w.]+\s+import\s",
    r"use\s+[\w:]+(?:::\{.*\})?;$",
    r"#include\s*[<\"]|#define\s",
    r"(?:if|while|for|switch|catch)\s*\(.*\)\s*\{?$",
    r"(?:if|elif|while)\s(?=.*[=<>!()\[\].]).*:$",
    r"for\s+\w+(?:,\s*\w+)*\s+in\s+.+:$",
    r"(?:else|try|finally|except(?:\s.*)?)\s*:$",
    r"\}?\s*else\s*(?:if\s.*)?\{$",
    r"return(?:;|\s(?=.*[()\"'\[\]{};=+\-*/]).*|\s+[\w.]+;?)?$",
    r"(?:public|private|protected|static)\s.*[({;]$",
    r"(?://|/\*|\*/)",
    r"[a-z_$][\w$]*(?:(?:\.|::|->)[\w$]+)*!?\(.*\)[;,]?$",
    r"[A-Za-z_$][\w$.]*(?:\[[^\]]*\])*\s*[-+*/|&]?=\s*[^=\s].*",
    r"[\]\)\}]+[;,)\]]*$",
    r".*[{\[(]$",
    r"\"[^\"]*\"\s*:\s*.*,?$",
    r"</?[A-Za-z][\w.:-]*/?>?$|/>$",
    r"[\w-]+=(?:\"[^\"]*\"|\{.*\})/?>?$",
    r"f?(?:\"[^\"]*\"|'[^']*'),(?:\s*f?(?:\"[^\"]*\"|'[^']*'),?)*$",
)
"""Lines only code is written as: a definition, a declaration, an import, a control
line, a call or assignment statement, a bracket opened at the end or closed alone, a
JSON member, a markup tag or attribute on its own line. Lowercase keywords: a
sentence starts with a capital."""
_CODE_SHAPES = re.compile("^(?:" + "|".join(_CODE_SHAPE_LIST) + ")")

_CODE_END = re.compile(r";$")
_CODE_MARKS = re.compile(r"[=(){}\[\]]")


def is_code_line(line: str) -> bool:
    """Whether a line (stripped) is shaped like a line of code."""
    if len(line) > CODE_LINE_MAX_CHARS:
        return False
    if _CODE_SHAPES.match(line):
        return True
    return bool(_CODE_END.search(line)) and bool(_CODE_MARKS.search(line))


def is_prose(line: str, min_words: int = 3) -> bool:
    """A sentence: words, and a closing sentence mark (a colon ends a lead-in)."""
    words = line.split()
    return len(words) >= min_words and (bool(_SENTENCE_END.search(line)) or line.endswith(":"))


def _not_code(line: str) -> bool:
    """A line that ends a code run: prose, or a title (a capital, no code marks)."""
    title = line[:1].isupper() and not _CODE_MARKS.search(line)
    return title or is_prose(line)


def code_runs(lines: Sequence[str]) -> list[range]:
    """Runs of lines shaped like code (CODE_RUN_MIN_LINES code-shaped lines at least),
    bridging up to CODE_GAP_MAX lines that are neither prose nor title-like between
    code-shaped ones."""
    code = [is_code_line(line.strip()) for line in lines]
    runs: list[range] = []
    i = 0
    while i < len(lines):
        if not code[i]:
            i += 1
            continue
        start = end = i
        count = 1
        j = i + 1
        while j < len(lines):
            if code[j]:
                end, count, j = j, count + 1, j + 1
                continue
            gap = j
            while gap < len(lines) and gap - end <= CODE_GAP_MAX and not code[gap]:
                if _not_code(lines[gap].strip()):
                    break
                gap += 1
            if gap < len(lines) and gap - end - 1 <= CODE_GAP_MAX and code[gap]:
                j = gap
                continue
            break
        if count >= CODE_RUN_MIN_LINES:
            runs.append(range(start, end + 1))
        i = end + 1
    return runs
