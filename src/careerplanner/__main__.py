"""``python -m careerplanner`` does what the ``careerplanner`` command does."""

import sys

from careerplanner.cli import main

sys.exit(main())
