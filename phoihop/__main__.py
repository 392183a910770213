"""``python -m phoihop ARGS``: the command line, where the ``phoihop`` script is not on PATH."""
from phoihop.cli import main

main()
