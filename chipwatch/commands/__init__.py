"""CLI verbs, one module per area; each module exposes ``register(group)``."""
