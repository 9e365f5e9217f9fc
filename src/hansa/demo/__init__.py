"""The demo market: a deterministic, realistic set of suppliers, buyers and users."""
