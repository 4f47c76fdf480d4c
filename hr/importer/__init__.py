"""`mentor org import`: read HR's CSV exports, validate everything, then write all (or nothing) idempotently."""
