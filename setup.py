"""Build the optional C extension; everything else is in pyproject.toml.

`cleaner._forest` walks the block model's trees in C. It is optional: where no C
compiler is found the build goes on without it, and `cleaner.learned` falls back to
the same trees as generated Python (the same scores, slower).
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("cleaner._forest", ["cleaner/_forest.c"], optional=True)])
