#!/usr/bin/env python
"""Django's manage.py; the ``hansa`` command wraps the same entry point."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

if __name__ == "__main__":
    from hansa.cli import main

    main()
