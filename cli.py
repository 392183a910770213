"""Run the command line from a checkout without installing: ``python cli.py ARGS``.

The command line itself is ``phoihop/cli.py`` (the installed console script ``phoihop``).
"""
from phoihop.cli import main

if __name__ == "__main__":
    main()
