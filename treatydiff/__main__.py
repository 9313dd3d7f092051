"""``python -m treatydiff``: the same as the ``treatydiff`` command."""

from treatydiff.cli import main

if __name__ == "__main__":
    main()
