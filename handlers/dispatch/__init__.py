"""How a Slack request reaches a listener: the router that records the handler map, the inbox
that stores a request before its ack, turns after the ack, friendly replies for a `UserError`,
and the one error handler."""
