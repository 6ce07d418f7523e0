"""Weekly digests for managers: week maths, the team summary, chart, CSV, claims."""
