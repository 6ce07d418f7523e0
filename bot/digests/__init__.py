"""Weekly shout-out summaries for managers: week maths, the team summary, chart, CSV, claims."""
