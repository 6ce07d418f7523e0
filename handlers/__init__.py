"""The Slack adapter: everything that speaks Slack, and the only package that does.

    dispatch/  how a request reaches a listener: router, inbox, middleware, errors
    surfaces/  one module per Slack surface, each with `register(router, services)`
    blocks/    Block Kit renderers, pure functions
    outbox/    the worker that sends due deliveries, and one sender per feature
    client/    the Web API client: pace, tiers, shared HTTP session, workspaces

`wiring.register` wires every surface onto one app; the order of `wiring.SURFACES` is the
order Bolt tries listeners in. It is a module of its own, not this package's: a command line
that only needs a Slack client (`askaround sync`, `skills`) imports `handlers.client` without
every surface, Bolt and the question detector with them.
"""
