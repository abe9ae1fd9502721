"""Command-line interface (typer). Each command group lives in its own module with a `register(app)`."""
