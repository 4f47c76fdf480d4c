"""The project's one Alembic tree; each area owns a branch (hr, bot, ...) and `mentor db upgrade` applies all heads."""
