"""askaround: find who knows, thank who helped."""
