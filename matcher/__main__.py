"""Operator commands of the matcher.

    python -m matcher train --out PATH [--version NAME]

Trains the learned ranker from the recorded outcomes and saves it to PATH;
the services use it once ``LP_MATCHER_MODEL=PATH`` is set and they restart.
Until enough varied outcomes exist it saves nothing and says so (exit 2):
the transparent default weighting stays in use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from matcher.ranker import MIN_OUTCOMES, MIN_PER_CLASS
from matcher.training import train
from services import db
from services.config import Settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matcher", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    training = commands.add_parser("train", help="train the learned ranker from recorded outcomes")
    training.add_argument("--out", required=True, help="where to save the model (joblib)")
    training.add_argument("--version", default=f"learned-{dt.date.today():%Y%m%d}")
    args = parser.parse_args(argv)
    db.connect(Settings.from_env("matcher"))
    ranker, count, successes = train(args.version)
    print(f"outcomes: {count} ({successes} successes)")
    if ranker is None:
        print(f"not enough to learn from (need {MIN_OUTCOMES}, with {MIN_PER_CLASS} of each kind): "
              "the default weighting stays", file=sys.stderr)
        return 2
    ranker.save(args.out)
    print(f"saved {args.version} to {args.out}; set LP_MATCHER_MODEL={args.out} and restart the matcher")
    return 0


if __name__ == "__main__":
    sys.exit(main())
