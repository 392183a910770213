"""CLI commands: each module here defines ``register(app)`` and adds its commands.

Commands stay thin: they parse options, call the library and print.
"""
