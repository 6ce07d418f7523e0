"""Questions: asking, routing to people, escalating and solving."""
