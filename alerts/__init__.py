"""evwatch alerts: rules, outbox and notifiers (see the alerts issue)."""
