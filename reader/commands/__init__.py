"""Shell subcommands of `reader`, one module each with `add_arguments(parser)` and `run(args)`.

None of them may import Textual (an import-linter contract checks it): they must start fast
and work in pipes.
"""
