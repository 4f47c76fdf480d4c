"""Pure KPI rules: numbers in, numbers out, no database; each takes its thresholds from the policy."""
