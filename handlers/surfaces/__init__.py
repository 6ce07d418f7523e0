"""One module per Slack surface (slash commands, events, buttons, modals, the Home tab, OAuth,
scheduled jobs). Each only parses, acks, calls a domain service and renders with `blocks`."""
